/**
 * A stand-in for jq when no jq hook is registered: it understands only
 * MetadataExtractionQuery objects whose values are plain paths
 * (`{customer_id:.customer_id, region:.meta.region}`), which is enough for
 * the simulator's own tests. Real jq comes from the partitioning module.
 */
import { decodeUtf8 } from '../core/utf8';
import type { KeyExtraction } from './processingHooks';

/** Keys for queries of the form {name: .a.b, ...} without jq; any other query fails every record. */
export function simpleKeyExtraction(records: Uint8Array[], query: string): KeyExtraction[] {
  const body = query.trim().replace(/^\{|\}$/g, '');
  const paths: Array<[string, string[]]> = [];
  for (const entry of body.split(',')) {
    const m = /^\s*"?([A-Za-z0-9_-]+)"?\s*:\s*((?:\.[A-Za-z0-9_]+)+)\s*$/.exec(entry);
    if (m === null) return records.map(() => ({ error: `Query ${query} needs jq, which is not loaded in this simulation.`, errorCode: 'DynamicPartitioning.MetadataExtractionFailed' }));
    paths.push([m[1], m[2].slice(1).split('.')]);
  }
  return records.map((r) => {
    let doc: unknown;
    try {
      doc = JSON.parse(decodeUtf8(r));
    } catch {
      return { error: 'Non JSON record provided', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' };
    }
    const keys: Record<string, string> = {};
    for (const [name, path] of paths) {
      let v: unknown = doc;
      for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      if (v === undefined || v === null || typeof v === 'object') return { error: `The partition key '${name}' could not be extracted from the record.`, errorCode: 'DynamicPartitioning.MetadataExtractionFailed' };
      keys[name] = String(v);
    }
    return { keys };
  });
}
