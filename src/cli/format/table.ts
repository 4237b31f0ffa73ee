/**
 * `--output table`, after awscli's TableFormatter: the operation's name as
 * the title; a dict's scalar keys (sorted) as a header row over one value row
 * (a single scalar as a key/value row); a list of dicts as a header row over
 * one row per element; each nested value as its own section, titled with its
 * key and indented one `|` deeper. Every section is drawn at one width.
 */
import { pyStr } from './text';

type V = unknown;
const isObj = (v: V): v is Record<string, V> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: V): boolean => !isObj(v) && !Array.isArray(v);
const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

interface Section {
  title?: string;
  indent: number;
  headers?: string[];
  rows: string[][];
}

/** Formats a response as the CLI's table output under `title` (the operation name). */
export function formatTable(data: V, title: string): string {
  const sections: Section[] = [];
  const open = (t: string | undefined, indent: number): Section => {
    const s: Section = { title: t, indent, rows: [] };
    sections.push(s);
    return s;
  };
  const current = (): Section => sections[sections.length - 1];
  const build = (t: string | undefined, v: V, indent: number): void => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0)) return;
    if (t !== undefined || sections.length === 0) open(t, indent);
    if (Array.isArray(v)) {
      if (isObj(v[0])) fromList(v as Record<string, V>[], indent, t);
      else for (const item of v) {
        if (isScalar(item)) current().rows.push([pyStr(item)]);
        else if (Array.isArray(item) && item.every(isScalar)) current().rows.push(item.map(pyStr));
        else build(undefined, item, indent);
      }
    } else if (isObj(v)) fromDict(v, indent);
    else current().rows.push([pyStr(v)]);
  };
  const fromDict = (v: Record<string, V>, indent: number): void => {
    const headers = sorted(Object.keys(v).filter((k) => isScalar(v[k])));
    const more = sorted(Object.keys(v).filter((k) => !isScalar(v[k])));
    const s = current();
    if (headers.length === 1) s.rows.push([headers[0], pyStr(v[headers[0]])]);
    else if (headers.length > 1) {
      s.headers = headers;
      s.rows.push(headers.map((h) => pyStr(v[h])));
    }
    for (const k of more) build(k, v[k], indent + 1);
  };
  const fromList = (list: Record<string, V>[], indent: number, t: string | undefined): void => {
    const keys = new Set<string>();
    const nested = new Set<string>();
    for (const el of list) for (const [k, val] of Object.entries(el)) (isScalar(val) ? keys : nested).add(k);
    const headers = sorted(keys);
    const more = sorted(nested);
    current().headers = headers;
    list.forEach((el, i) => {
      if (i > 0 && more.length > 0) open(t, indent).headers = headers;
      current().rows.push(headers.map((h) => (h in el ? pyStr(el[h]) : '')));
      for (const k of more) if (k in el) build(k, el[k], indent + 1);
    });
  };
  open(title, 0);
  if (isObj(data)) fromDict(data, 0);
  else build(undefined, data, 0);
  return render(sections);
}

function colWidths(s: Section): number[] {
  const n = Math.max(s.headers?.length ?? 0, ...s.rows.map((r) => r.length), 0);
  const w: number[] = [];
  for (let i = 0; i < n; i++) w.push(Math.max((s.headers?.[i] ?? '').length, ...s.rows.map((r) => (r[i] ?? '').length)) + 4);
  return w;
}

function render(sections: Section[]): string {
  // One width for all: the widest section's columns, titles and indentation.
  let width = 0;
  for (const s of sections) {
    const cols = colWidths(s);
    const body = cols.reduce((a, b) => a + b, 0) + Math.max(cols.length - 1, 0) + 2;
    width = Math.max(width, body + 2 * s.indent, (s.title?.length ?? 0) + 4 + 2 * s.indent);
  }
  const lines: string[] = ['-'.repeat(width)];
  for (const s of sections) {
    const side = '|'.repeat(s.indent);
    const inner = width - 2 * s.indent;
    const line = (content: string): string => side + content + side;
    if (s.title !== undefined) {
      if (s.indent > 0 || lines.length > 1) lines.push(line('+' + '-'.repeat(inner - 2) + '+'));
      lines.push(line('|' + center(s.title, inner - 2) + '|'));
    }
    const cols = stretch(colWidths(s), inner - 2);
    if (cols.length === 0) continue;
    const sep = '+' + cols.map((c) => '-'.repeat(c)).join('+') + '+';
    lines.push(line(sep));
    if (s.headers !== undefined) lines.push(line('|' + s.headers.map((h, i) => center(h, cols[i])).join('|') + '|'), line(sep));
    for (const r of s.rows) lines.push(line('|' + cols.map((c, i) => ('  ' + (r[i] ?? '')).padEnd(c)).join('|') + '|'));
  }
  lines.push(lines.length > 1 ? '+' + '-'.repeat(width - 2) + '+' : '-'.repeat(width));
  // Sections close with the border of the indent they sit in.
  return lines.join('\n') + '\n';
}

/** Widens columns evenly so they fill `total` characters (separators included). */
function stretch(cols: number[], total: number): number[] {
  if (cols.length === 0) return cols;
  const out = [...cols];
  let extra = total - (out.reduce((a, b) => a + b, 0) + out.length - 1);
  for (let i = 0; extra > 0; i = (i + 1) % out.length, extra--) out[i]++;
  return out;
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return ' '.repeat(Math.max(left, 0)) + text + ' '.repeat(Math.max(width - text.length - left, 0));
}
