/**
 * JSON for messages between the app and a simulation across a socket (the
 * local endpoint's attached mode), keeping what JSON alone loses: typed arrays
 * (the snapshot's series, S3 bodies) as base64 of their bytes, Maps, and
 * non-finite numbers. Runs in the browser and in Node (btoa/atob are global in both).
 */

const TYPED = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name as TypedName;
    if (name in TYPED) return { $typed: name, b64: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (v instanceof Map) return { $map: [...v.entries()].map(([k, x]) => [encodeValue(k), encodeValue(x)]) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encodeValue(x);
    return out;
  }
  return v;
}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$num === 'string') return Number(o.$num);
  if (typeof o.$typed === 'string' && typeof o.b64 === 'string' && Object.prototype.hasOwnProperty.call(TYPED, o.$typed)) {
    const bytes = base64ToBytes(o.b64);
    const Ctor = TYPED[o.$typed as TypedName];
    return new Ctor(bytes.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  if (Array.isArray(o.$map)) return new Map((o.$map as unknown[][]).map(([k, x]) => [decodeValue(k), decodeValue(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) if (k !== '__proto__') out[k] = decodeValue(x);
  return out;
}

/** One message as text. */
export function encodeMessage(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

/** A message back from text (throws on text that is not JSON). */
export function decodeMessage(text: string): unknown {
  return decodeValue(JSON.parse(text));
}

/** Messages of the attached mode: calls and acks from the app, answers and snapshots from the server. */
export type AppToServer = { type: 'call'; id: number; method: string; args: unknown[] } | { type: 'ack' };
export type ServerToApp = { type: 'result'; id: number; value: unknown } | { type: 'error'; id: number; message: string } | { type: 'snapshot'; snapshot: unknown } | { type: 'hello'; mode: 'server' };
