/**
 * Record templates compatible with the Kinesis Data Generator: text with
 * `{{module.function(args)}}` placeholders, e.g.
 *   {"sensor":"{{key}}","temp":{{random.number({"min":10,"max":40})}}}
 * Built-in helpers (below) cover the KDG's common placeholders and the data of
 * the seed scenarios without faker; anything else goes to @faker-js/faker once
 * loaded (fakerLoader.ts). `{{key}}` is the record's partition key and
 * `{{seq}}` its number within the producer (simulator extensions).
 * Every record gets its own small generator seeded from (producer seed, record
 * number), so a record can be rebuilt from its index alone.
 */
import { isoUtc } from '../../core/calendar';
import { callFaker, fakerIfLoaded } from './fakerLoader';

/** A tiny seeded generator (mulberry32) for one record. */
export class RecordRng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export interface RenderContext {
  rng: RecordRng;
  /** Simulated epoch ms of the record. */
  time: number;
  key: string;
  seq: number;
  /** Seed for faker (faker.seed is called with it before the record's first faker placeholder). */
  seed: number;
}

type Part = string | { name: string; args: unknown[] };

/** A parsed template: literal text and placeholders. */
export interface CompiledTemplate {
  source: string;
  parts: Part[];
}

/** Parses `{{name(args)}}` placeholders; args are JSON values separated by commas. */
export function compileTemplate(source: string): CompiledTemplate {
  const parts: Part[] = [];
  const re = /\{\{\s*([\w.]+)\s*(?:\((.*?)\))?\s*\}\}/gs;
  let last = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m.index > last) parts.push(source.slice(last, m.index));
    parts.push({ name: m[1], args: parseArgs(m[2]) });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return { source, parts };
}

function parseArgs(text: string | undefined): unknown[] {
  if (text === undefined || text.trim() === '') return [];
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return [text.replace(/^['"]|['"]$/g, '')];
  }
}

/** Fills a template for one record. */
export function renderTemplate(t: CompiledTemplate, ctx: RenderContext): string {
  let out = '';
  let seeded = false;
  for (const p of t.parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const builtin = HELPERS[p.name];
    if (builtin !== undefined) {
      out += builtin(ctx, p.args);
      continue;
    }
    const f = fakerIfLoaded();
    if (f === undefined) continue;
    if (!seeded) {
      f.seed(ctx.seed);
      seeded = true;
    }
    out += callFaker(f, p.name, p.args) ?? '';
  }
  return out;
}

type Helper = (ctx: RenderContext, args: unknown[]) => string;

function range(args: unknown[], dMin: number, dMax: number): [number, number] {
  const a = args[0];
  if (typeof a === 'number') return [0, a];
  if (a !== null && typeof a === 'object') {
    const o = a as { min?: number; max?: number };
    return [o.min ?? dMin, o.max ?? dMax];
  }
  return [dMin, dMax];
}

function hex(rng: RecordRng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rng.next() * 16)];
  return s;
}

/** ISO 8601 UTC of simulated epoch ms, e.g. 2026-01-01T00:00:00.000Z. */
export const isoTime = isoUtc;

const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jo', 'Kofi', 'Lena', 'Mia', 'Noor', 'Omar', 'Priya'];
const LAST = ['Silva', 'Smith', 'Wang', 'Okafor', 'Novak', 'Garcia', 'Kim', 'Ivanova', 'Haddad', 'Muller'];
const WORDS = ['stream', 'shard', 'record', 'lambda', 'bucket', 'latency', 'order', 'cart', 'sensor', 'alert', 'retry', 'batch', 'window', 'key', 'hash'];

const number: Helper = ({ rng }, args) => {
  const [lo, hi] = range(args, 0, 99999);
  return String(rng.int(lo, hi));
};
const float: Helper = ({ rng }, args) => {
  const [lo, hi] = range(args, 0, 1);
  const o = (args[0] ?? {}) as { precision?: number; fractionDigits?: number };
  const digits = o.fractionDigits ?? (o.precision !== undefined ? Math.max(0, Math.round(-Math.log10(o.precision))) : 2);
  return (lo + rng.next() * (hi - lo)).toFixed(digits);
};
const uuid: Helper = ({ rng }) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[Math.floor(rng.next() * 4)]}${hex(rng, 3)}-${hex(rng, 12)}`;
const element: Helper = ({ rng }, args) => {
  const a = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return a.length === 0 ? '' : String(rng.pick(a));
};
const bool: Helper = ({ rng }) => String(rng.next() < 0.5);
const ip: Helper = ({ rng }) => `${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;

/** Built-in placeholders: the KDG's common ones (old and new faker names) and simulator extras. */
export const HELPERS: Record<string, Helper> = {
  key: ({ key }) => key,
  seq: ({ seq }) => String(seq),
  'random.number': number,
  'datatype.number': number,
  'number.int': number,
  'random.float': float,
  'number.float': float,
  'random.uuid': uuid,
  'datatype.uuid': uuid,
  'string.uuid': uuid,
  'random.arrayElement': element,
  'helpers.arrayElement': element,
  'random.boolean': bool,
  'datatype.boolean': bool,
  'internet.ip': ip,
  'internet.ipv4': ip,
  'name.firstName': ({ rng }) => rng.pick(FIRST),
  'person.firstName': ({ rng }) => rng.pick(FIRST),
  'name.lastName': ({ rng }) => rng.pick(LAST),
  'person.lastName': ({ rng }) => rng.pick(LAST),
  'lorem.word': ({ rng }) => rng.pick(WORDS),
  'lorem.sentence': ({ rng }) => {
    const n = rng.int(5, 10);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(rng.pick(WORDS));
    return w.join(' ') + '.';
  },
  'date.now': ({ time }) => String(time),
  'date.iso': ({ time }) => isoTime(time),
  'date.recent': ({ time }) => isoTime(time),
  'commerce.price': ({ rng }) => (rng.int(100, 99999) / 100).toFixed(2),
};

/** Templates for the seed scenarios' data, by name (use as `template: 'iot'`). */
export const BUILTIN_TEMPLATES: Record<string, string> = {
  iot: '{"device_id":"{{key}}","ts":"{{date.iso}}","temperature":{{random.float({"min":15,"max":35,"fractionDigits":1})}},"humidity":{{random.number({"min":20,"max":90})}},"battery":{{random.number(100)}}}',
  clickstream:
    '{"user_id":"{{key}}","session":"{{random.uuid}}","ts":"{{date.iso}}","event":"{{random.arrayElement(["page_view","click","add_to_cart","checkout"])}}","page":"/{{lorem.word}}","ip":"{{internet.ip}}"}',
  trades: '{"ticker":"{{random.arrayElement(["AMZN","AAPL","MSFT","GOOG","NVDA","TSLA"])}}","account":"{{key}}","side":"{{random.arrayElement(["BUY","SELL"])}}","qty":{{random.number({"min":1,"max":500})}},"price":{{commerce.price}},"ts":{{date.now}}}',
  logs: '{{date.iso}} {{key}} [{{random.arrayElement(["req","auth","db","cache"])}}] {{lorem.sentence}} latency_ms={{random.number(900)}}',
  tweets: '{"id":"{{random.uuid}}","user":"@{{name.firstName}}{{random.number(999)}}","text":"{{lorem.sentence}}","lang":"{{random.arrayElement(["en","es","pt","de","ja"])}}","ts":"{{date.iso}}","key":"{{key}}"}',
};

/** Resolves a template option: a built-in name or KDG template text. */
export function templateSource(template: string): string {
  return BUILTIN_TEMPLATES[template] ?? template;
}
