/**
 * Share links: the URL fragment carries the scenario and the moment to show.
 *   #s=<base64url(deflate(JSON))>&t=<ms after the start>   any scenario
 *   #p=<presetId>&t=<ms>                                   an unchanged preset (short)
 * Decoding never throws: a malformed, newer, oversized or hostile fragment
 * gives { ok: false, message }. Nothing in a link is ever executed; names are
 * text. Limits are in limits.ts (64 KiB of JSON after inflating).
 */
import { deflateSync, Inflate } from 'fflate';
import { fromBase64, toBase64, decodeUtf8, encodeUtf8 } from '../engine';
import { MAX_DECODED_BYTES, MAX_FRAGMENT_CHARS, MAX_OFFSET_MS } from './limits';
import { canonicalJson, parseJsonSafely } from './safeJson';
import { validateScenario } from './validateScenario';
import type { Scenario } from './types';

export type DecodedLink =
  | { ok: true; scenario: Scenario; timeMs: number; presetId?: string }
  | { ok: false; message: string };

export type EncodedLink = { ok: true; fragment: string } | { ok: false; message: string };

/** Finds a preset by id (a fresh copy), or undefined. */
export type PresetLookup = (id: string) => Scenario | undefined;

/** Bytes to base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) to bytes; undefined when not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4));
}

/** Compresses a scenario for a link; refuses one over MAX_DECODED_BYTES of JSON. */
export function compressScenario(scenario: Scenario): EncodedLink {
  const bytes = encodeUtf8(JSON.stringify(scenario));
  if (bytes.length > MAX_DECODED_BYTES) {
    return { ok: false, message: `This scenario is too large for a link (${kib(bytes.length)} KiB of JSON; links carry at most ${kib(MAX_DECODED_BYTES)} KiB). Export it as a file instead.` };
  }
  return { ok: true, fragment: toBase64Url(deflateSync(bytes, { level: 9 })) };
}

/**
 * The fragment for a scenario at `timeMs` after its start: the short preset
 * form when the scenario is exactly its preset, the full form otherwise.
 */
export function encodeShareFragment(scenario: Scenario, timeMs: number, presets?: PresetLookup): EncodedLink {
  const t = Math.max(0, Math.min(MAX_OFFSET_MS, Math.round(timeMs)));
  if (scenario.presetId !== undefined && presets !== undefined) {
    const preset = presets(scenario.presetId);
    if (preset !== undefined && canonicalJson(preset) === canonicalJson(scenario)) return { ok: true, fragment: `#p=${scenario.presetId}&t=${t}` };
  }
  const packed = compressScenario(scenario);
  return packed.ok ? { ok: true, fragment: `#s=${packed.fragment}&t=${t}` } : packed;
}

/** Decodes a fragment (with or without the leading '#'); never throws. */
export function decodeShareFragment(fragment: unknown, presets?: PresetLookup): DecodedLink {
  try {
    return decode(fragment, presets);
  } catch {
    // Every step below reports its own message; this is the last line of defence.
    return { ok: false, message: 'The link could not be read.' };
  }
}

function decode(fragment: unknown, presets?: PresetLookup): DecodedLink {
  if (typeof fragment !== 'string') return { ok: false, message: 'The link has no scenario in it.' };
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, message: `The link is too long (${fragment.length} characters; at most ${MAX_FRAGMENT_CHARS}).` };
  }
  const params = new Map<string, string>();
  for (const part of fragment.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!params.has(key)) params.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const tText = params.get('t');
  let timeMs = 0;
  if (tText !== undefined) {
    if (!/^\d{1,15}$/.test(tText) || Number(tText) > MAX_OFFSET_MS) {
      return { ok: false, message: `The link's time "t" must be a whole number of milliseconds from 0 to ${MAX_OFFSET_MS}.` };
    }
    timeMs = Number(tText);
  }
  const presetId = params.get('p');
  const packed = params.get('s');
  if (presetId !== undefined && packed === undefined) {
    const id = safeDecodeURIComponent(presetId);
    const scenario = id !== undefined && /^[a-z0-9-]{1,64}$/.test(id) ? presets?.(id) : undefined;
    if (scenario === undefined) return { ok: false, message: `The link names a preset that does not exist (${JSON.stringify(presetId.slice(0, 64))}).` };
    return { ok: true, scenario, timeMs, presetId: id };
  }
  if (packed === undefined) return { ok: false, message: 'The link has no scenario in it (expected #s=... or #p=...).' };
  const bytes = fromBase64Url(packed);
  if (bytes === undefined) return { ok: false, message: 'The link is damaged: its scenario is not valid base64url.' };
  const inflated = inflateBounded(bytes, MAX_DECODED_BYTES);
  if (!inflated.ok) return inflated;
  const parsed = parseJsonSafely(decodeUtf8(inflated.bytes));
  if (!parsed.ok) return { ok: false, message: `The link is damaged: ${parsed.message}.` };
  const valid = validateScenario(parsed.value);
  if (!valid.ok) return { ok: false, message: `The link's scenario was refused. ${valid.message}` };
  return { ok: true, scenario: valid.scenario, timeMs };
}

/**
 * Inflates at most `limit` bytes: input is fed in small chunks and decoding
 * stops as soon as the output passes the limit, so a "zip bomb" costs little.
 */
export function inflateBounded(bytes: Uint8Array, limit: number): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  const step = 1024;
  try {
    for (let i = 0; i < bytes.length && !over; i += step) inflater.push(bytes.subarray(i, i + step), i + step >= bytes.length);
    if (bytes.length === 0) inflater.push(bytes, true);
  } catch {
    return { ok: false, message: 'The link is damaged: its scenario is not valid compressed data.' };
  }
  if (over) return { ok: false, message: `The link's scenario is too large (more than ${kib(limit)} KiB once decompressed).` };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes: out };
}

function safeDecodeURIComponent(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function kib(n: number): string {
  return (n / 1024).toFixed(n % 1024 === 0 ? 0 : 1);
}
