/**
 * `--output yaml` (CLI v2): block style, two-space mappings, list items at
 * their key's indent, strings quoted only where YAML would read them as
 * something else.
 */

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Formats a response as the CLI's YAML output. */
export function formatYaml(data: unknown): string {
  if (!isObj(data) && !Array.isArray(data)) return scalar(data) + '\n';
  return block(data, 0).join('\n') + '\n';
}

function block(v: Record<string, unknown> | unknown[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${pad}[]`];
    for (const item of v) {
      if ((isObj(item) && Object.keys(item).length > 0) || (Array.isArray(item) && item.length > 0)) {
        const inner = block(item as Record<string, unknown>, indent + 2);
        lines.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else lines.push(`${pad}- ${inline(item)}`);
    }
    return lines;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return [`${pad}{}`];
  for (const k of keys) {
    const val = v[k];
    if (isObj(val) && Object.keys(val).length > 0) lines.push(`${pad}${key(k)}:`, ...block(val, indent + 2));
    else if (Array.isArray(val) && val.length > 0) lines.push(`${pad}${key(k)}:`, ...block(val, indent));
    else lines.push(`${pad}${key(k)}: ${inline(val)}`);
  }
  return lines;
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return '[]';
  if (isObj(v)) return '{}';
  return scalar(v);
}

function key(k: string): string {
  return scalar(k);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  // Quote what YAML would read as another type or as syntax.
  const plain = s !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/[:#]\s|\s$|:$|^\s/.test(s) && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s) && !/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(s) && !/^\d{4}-\d\d-\d\d/.test(s) && !/[\n\t]/.test(s);
  if (plain) return s;
  if (/[\n\t\\"]/.test(s) && !s.includes("'")) return `'${s}'`;
  return `'${s.replace(/'/g, "''")}'`;
}
