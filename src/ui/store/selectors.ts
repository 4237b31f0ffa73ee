/**
 * Module-level selectors: everything the components derive from the store.
 * Pure functions of the state, so they are tested without React.
 */
import { bigHigh52, md5Hex, midpoint } from '../../engine';
import type { AppState } from './store';
import type { EventSnap, ShardSnap, StreamSnap } from '../../worker/protocol';
import { formatPercent, formatWindow } from '../format';

/** Above this many open shards the graph shows a compact strip. */
export const STRIP_THRESHOLD = 32;

const NO_SHARDS: ShardSnap[] = [];
const NO_STREAMS: StreamSnap[] = [];

export const selectStreams = (s: AppState): StreamSnap[] => s.snapshot?.streams ?? NO_STREAMS;

export const selectStream = (name: string) => (s: AppState): StreamSnap | undefined => s.snapshot?.streams.find((x) => x.name === name);

/** Open shards of a stream, in hash order. */
export function openShards(stream: StreamSnap | undefined): ShardSnap[] {
  return stream === undefined ? NO_SHARDS : stream.shards.filter((sh) => sh.open);
}

/** The open shards the engine calls hot (its one definition, carried in the snapshot). */
export function hotShards(stream: StreamSnap | undefined): ShardSnap[] {
  return openShards(stream).filter((sh) => sh.hot);
}

export const selectHotShards = (s: AppState): ShardSnap[] => selectStreams(s).flatMap(hotShards);

/** The header's line: each hot shard with the engine's figures and the window they cover. */
export function hotSummary(streams: StreamSnap[]): string {
  const parts: string[] = [];
  for (const st of streams) {
    const hot = hotShards(st);
    if (hot.length === 0) continue;
    // Percent and throttling only: this is a live region, and records/s would change every second.
    const list = hot.map((h) => `${h.id} (${formatPercent(h.writeUse)}${h.throttledPerSec > 0 ? ', throttling' : ''})`).join(', ');
    parts.push(`${streams.length > 1 ? `${st.name}: ` : ''}${list}, ${formatWindow(st.heat)}`);
  }
  return parts.length === 0 ? 'No hot shard.' : `Hot: ${parts.join('; ')}`;
}

/** The shard the inspector shows, if a shard is selected and still exists. */
export function selectSelectedShard(s: AppState): { stream: StreamSnap; shard: ShardSnap } | null {
  const sel = s.selected;
  if (sel?.kind !== 'shard') return null;
  const stream = s.snapshot?.streams.find((x) => x.name === sel.stream);
  const shard = stream?.shards.find((x) => x.id === sel.shardId);
  return stream && shard ? { stream, shard } : null;
}

/** Open shards whose ranges touch `shard`'s (the ones MergeShards accepts). */
export function adjacentShards(stream: StreamSnap, shard: ShardSnap): ShardSnap[] {
  const open = openShards(stream);
  const end = BigInt(shard.end), start = BigInt(shard.start);
  return open.filter((o) => o.id !== shard.id && (BigInt(o.start) === end + 1n || BigInt(o.end) + 1n === start));
}

/** The even midpoint of a shard's range: the default NewStartingHashKey of a split. */
export function midpointHashKey(shard: ShardSnap): string {
  return midpoint({ start: BigInt(shard.start), end: BigInt(shard.end) }).toString();
}

/** A hash key at fraction `f` (0..1) of a shard's range. */
export function hashKeyAtFraction(shard: ShardSnap, f: number): string {
  const start = BigInt(shard.start), end = BigInt(shard.end);
  const permille = BigInt(Math.round(Math.min(1, Math.max(0, f)) * 1_000_000));
  return (start + ((end - start) * permille) / 1_000_000n).toString();
}

export interface KeyPlacement {
  md5Hex: string;
  decimal: string;
  frac: number;
  shard: ShardSnap | undefined;
}

/** Where a partition key lands: MD5 of its UTF-8 bytes as a 128-bit integer, and the open shard owning it [BC-K PutRecord]. */
export function placeKey(stream: StreamSnap | undefined, key: string): KeyPlacement | null {
  if (key.length === 0) return null;
  // The engine's own hashing, so the view places a key exactly where PutRecord does.
  const hex = md5Hex(key);
  const value = BigInt('0x' + hex);
  const shard = openShards(stream).find((sh) => BigInt(sh.start) <= value && value <= BigInt(sh.end));
  return { md5Hex: hex, decimal: value.toString(), frac: bigHigh52(value) / 2 ** 52, shard };
}

/** Event kinds present in the log, for the filter. */
export function eventKinds(log: EventSnap[]): string[] {
  return [...new Set(log.map((e) => e.type))].sort();
}

/** Log entries passing the kind filter and text filter, newest first. */
export function filterEvents(log: EventSnap[], kind: string, text: string): EventSnap[] {
  const t = text.trim().toLowerCase();
  const out: EventSnap[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (kind !== 'all' && e.type !== kind) continue;
    if (t && !e.text.toLowerCase().includes(t)) continue;
    out.push(e);
  }
  return out;
}

/** Simulated time as the UI shows it: ISO in UTC, to the second. */
export function formatSimTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}
