/**
 * `--output text`, as awscli/text.py flattens a response: a dict's scalars on
 * one tab-separated line (keys sorted; under a list, the union of the
 * elements' scalar keys), each nested value after it with its key in
 * capitals as the line's first field.
 */

type V = unknown;
const isObj = (v: V): v is Record<string, V> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: V): boolean => !isObj(v) && !Array.isArray(v);

/** Python's str() of a JSON scalar. */
export function pyStr(v: V): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Formats a response (or a --query result) as the CLI's text output. */
export function formatText(data: V): string {
  const out: string[] = [];
  walk(data, out, undefined, undefined);
  return out.join('');
}

function walk(item: V, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isObj(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(pyStr(item) + '\n');
}

function formatList(item: V[], out: string[], identifier: string | undefined): void {
  if (item.length === 0) return;
  if (item.some(isObj)) {
    const keys = new Set<string>();
    for (const el of item) if (isObj(el)) for (const [k, v] of Object.entries(el)) if (isScalar(v)) keys.add(k);
    const all = sorted(keys);
    for (const el of item) walk(el, out, identifier, all);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const el of item) if (!isScalar(el)) walk(el, out, identifier, undefined);
  } else formatScalarList(item, out, identifier);
}

function formatScalarList(elements: V[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) for (const e of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(e)}\n`);
  else out.push(elements.map(pyStr).join('\t') + '\n');
}

function formatDict(item: Record<string, V>, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: [string, V][] = [];
  if (scalarKeys === undefined) {
    for (const k of sorted(Object.keys(item))) {
      if (isScalar(item[k])) scalars.push(pyStr(item[k]));
      else nested.push([k, item[k]]);
    }
  } else {
    for (const k of scalarKeys) scalars.push(k in item ? pyStr(item[k]) : '');
    for (const k of sorted(Object.keys(item).filter((k) => !scalarKeys.includes(k)))) nested.push([k, item[k]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join('\t') + '\n');
  }
  for (const [k, v] of nested) walk(v, out, k, undefined);
}
