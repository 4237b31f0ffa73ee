/**
 * Parses untrusted JSON text with bounds: a quick scan refuses nesting deeper
 * than MAX_DEPTH before JSON.parse sees it (so a deeply nested document cannot
 * exhaust the stack), and errors come back as messages, never as throws.
 */
import { MAX_DEPTH } from './limits';

export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with a depth bound; never throws. */
export function parseJsonSafely(textIn: string, maxDepth = MAX_DEPTH): ParseResult {
  const depth = nestingDepth(textIn);
  if (depth > maxDepth) return { ok: false, message: `the scenario is nested too deeply (more than ${maxDepth} levels)` };
  try {
    return { ok: true, value: JSON.parse(textIn) as unknown };
  } catch {
    // The parser's own wording differs between browsers; say it plainly.
    return { ok: false, message: 'the scenario is not valid JSON' };
  }
}

/** The deepest bracket nesting outside strings (a lower bound of the real depth if the text is malformed). */
export function nestingDepth(s: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** JSON text with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}
