/**
 * Prints a response as AWS CLI v2 does: timestamps as ISO 8601, `--query`
 * applied with JMESPath, then json (4-space indent, non-ASCII kept), table,
 * text or yaml. An empty response prints nothing.
 */
import { search } from '@jmespath-community/jmespath';
import type { GlobalOptions } from '../parseCommand';
import { withIsoTimestamps } from './timestamps';
import { formatText } from './text';
import { formatTable } from './table';
import { formatYaml } from './yaml';

/** The printed output, or the CLI's message for a bad --query expression. */
export function formatOutput(response: unknown, operation: string, options: Pick<GlobalOptions, 'output' | 'query'>): { ok: true; text: string } | { ok: false; text: string } {
  let data = withIsoTimestamps(response);
  if (options.query !== undefined) {
    try {
      data = search(data as never, options.query);
    } catch (e) {
      return { ok: false, text: `\nBad value for --query ${options.query}: ${e instanceof Error ? e.message : String(e)}` };
    }
  } else if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return { ok: true, text: '' };
  switch (options.output) {
    case 'json':
      return { ok: true, text: JSON.stringify(data ?? null, null, 4) + '\n' };
    case 'text':
      return { ok: true, text: data === null || data === undefined ? '' : formatText(data) };
    case 'table':
      return { ok: true, text: data === null || data === undefined ? '' : formatTable(data, operation) };
    case 'yaml':
      return { ok: true, text: formatYaml(data ?? null) };
  }
}
