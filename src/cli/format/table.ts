/**
 * `--output table`, after awscli's TableFormatter and MultiTable
 * (awscli/formatter.py, awscli/table.py): the operation's name titles the
 * first section; a dict's scalar keys (sorted) head one value row (a single
 * scalar makes a key/value row); a list of dicts heads one row per element;
 * each nested value is a section titled with its key, indented one `|`
 * deeper. Every section is drawn at the widest section's width, columns
 * scaled to fill it; wider than the 80-column terminal, single-row sections
 * turn vertical (key/value rows), as the CLI does.
 */
import { pyStr } from './text';

type V = unknown;
const isObj = (v: V): v is Record<string, V> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: V): boolean => !isObj(v) && !Array.isArray(v);
const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The width awscli assumes when it cannot ask the terminal. */
const TERMINAL_WIDTH = 80;

interface Section {
  title: string;
  indent: number;
  headers: string[];
  rows: string[][];
  maxWidths: number[];
}

function section(title: string, indent: number): Section {
  return { title, indent, headers: [], rows: [], maxWidths: [] };
}

function note(s: Section, cells: string[]): void {
  if (s.maxWidths.length === 0) s.maxWidths = cells.map((c) => c.length);
  else cells.forEach((c, i) => (s.maxWidths[i] = Math.max(c.length, s.maxWidths[i] ?? 0)));
}

/** Formats a response as the CLI's table output under `title` (the operation name). */
export function formatTable(data: V, title: string): string {
  const sections: Section[] = [];
  let current: Section | undefined;
  const newSection = (t: string, indent: number) => sections.push((current = section(t, indent)));
  const header = (h: string[]) => {
    note(current!, h);
    current!.headers = h;
  };
  const row = (r: V[]) => {
    const cells = r.map(pyStr);
    current!.rows.push(cells);
    note(current!, cells);
  };
  const truthy = (v: V) => !(v === null || v === undefined || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0));
  const build = (t: string | undefined, v: V, indent: number): boolean => {
    if (!truthy(v)) return false;
    if (t !== undefined) newSection(t, indent);
    if (Array.isArray(v)) {
      if (isObj(v[0])) fromList(v as Record<string, V>[], indent, t);
      else
        for (const item of v) {
          if (isScalar(item)) row([item]);
          else if (Array.isArray(item) && item.every(isScalar)) row(item);
          else build(undefined, item, indent);
        }
    }
    if (isObj(v)) fromDict(v, indent);
    return true;
  };
  const groups = (v: Record<string, V>): [string[], string[]] => [sorted(Object.keys(v).filter((k) => isScalar(v[k]))), sorted(Object.keys(v).filter((k) => !isScalar(v[k])))];
  const fromDict = (v: Record<string, V>, indent: number): void => {
    const [headers, more] = groups(v);
    if (headers.length === 1) row([headers[0], v[headers[0]]]);
    else if (headers.length > 1) {
      header(headers);
      row(headers.map((h) => v[h]));
    }
    for (const k of more) build(k, v[k], indent + 1);
  };
  const fromList = (list: Record<string, V>[], indent: number, t: string | undefined): void => {
    const hs = new Set<string>();
    const ms = new Set<string>();
    for (const el of list) {
      if (!isObj(el)) continue;
      const [h, m] = groups(el);
      h.forEach((x) => hs.add(x));
      m.forEach((x) => ms.add(x));
    }
    const headers = sorted(hs);
    const more = sorted(ms);
    header(headers);
    list.forEach((el, i) => {
      if (i > 0 && more.length > 0) {
        newSection(t ?? '', indent);
        header(headers);
      }
      row(headers.map((h) => (h in el ? el[h] : '')));
      for (const k of more) if (k in el) build(k, el[k], indent + 1);
    });
  };
  if (!build(title, data, 0)) return '';
  return render(sections);
}

function totalWidth(s: Section): number {
  const cols = s.maxWidths.reduce((a, w) => a + w + 4, 0) + 2 + 2 * s.indent;
  return Math.max(s.title.length + 2 + 2 * s.indent, cols);
}

function render(sections: Section[]): string {
  let width = Math.max(...sections.map(totalWidth));
  if (width > TERMINAL_WIDTH) {
    // convert_to_vertical_table: single-row sections become key/value rows.
    sections.forEach((s, i) => {
      if (s.rows.length === 1 && s.headers.length > 0) {
        const v = section(s.title, s.indent);
        s.headers.forEach((h, j) => {
          const cells = [h, s.rows[0][j]];
          v.rows.push(cells);
          note(v, cells);
        });
        sections[i] = v;
      }
    });
    width = Math.max(...sections.map(totalWidth));
  }
  const out: string[] = ['-'.repeat(width)];
  for (const s of sections) {
    const side = '|'.repeat(s.indent);
    const w = width - 2 * s.indent;
    const write = (line: string) => out.push(side + line + side);
    if (s.title !== '') {
      write(centerText(s.title, w, '|', '|'));
      if (s.headers.length === 0 && s.rows.length === 0) write('+' + '-'.repeat(w - 2) + '+');
    }
    const widths = columnWidths(s.maxWidths, w);
    if (s.headers.length > 0) {
      write(lineBreak(widths));
      write(s.headers.map((h, i) => centerText(h, widths[i], i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0 && widths.length > 0) {
      write(lineBreak(widths));
      for (const r of s.rows) write(widths.map((cw, i) => alignLeft(r[i] ?? '', cw, i === 0 ? '|' : '', '|')).join(''));
      write(lineBreak(widths));
    }
  }
  return out.join('\n') + '\n';
}

/** Columns (each its widest cell + 4) scaled to fill `maxWidth`, rounding fixed up from the first or the last column. */
function columnWidths(maxWidths: number[], maxWidth: number): number[] {
  const unscaled = maxWidths.map((w) => w + 4);
  if (unscaled.length === 0) return unscaled;
  const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
  const scaled = unscaled.map((w) => roundHalfEven(scale * w));
  let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
  while (off !== 0) {
    const order = scaled.map((_, i) => i);
    if (off < 0) order.reverse();
    for (const i of order) {
      if (off > 0) {
        scaled[i]--;
        off--;
      } else {
        scaled[i]++;
        off++;
      }
      if (off === 0) break;
    }
  }
  return scaled;
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? '+' + '-'.repeat(w - 2) + '+' : '-'.repeat(w - 1) + '+')).join('');
}

function centerText(text: string, length: number, left: string, right: string): string {
  const start = Math.floor(length / 2) - Math.floor(text.length / 2) - 1;
  const soFar = left.length + start + text.length;
  return left + ' '.repeat(Math.max(start, 0)) + text + ' '.repeat(Math.max(length - right.length - soFar, 0)) + right;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const padding = length - (text.length + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + text.length;
  return left + ' '.repeat(padding) + text + ' '.repeat(Math.max(length - soFar - right.length, 0)) + right;
}
