/**
 * Compression of exact objects, paid per object read rather than per object
 * written: a delivered object keeps its uncompressed bytes (one array, no
 * per-record copies) and is compressed when first read, listed or HEADed
 * (S3's `keepBody` lazy objects), so a learner's world can run at 100x.
 *
 * Until then its size is an estimate: the uncompressed size times the ratio
 * this stream last measured for the format. The ratio is measured by
 * compressing the stream's first object eagerly (its size exact) and then
 * one object in every RATIO_REFRESH_EVERY, and again whenever a lazy object
 * is built. Unbuilt bytes are bounded: past UNBUILT_MAX_BYTES per simulation
 * the oldest objects are compressed, so memory stays what eager compression
 * would have used plus that much.
 */
import type { S3ObjectState } from '../s3/s3Model';
import { objectBytes } from '../s3/s3Model';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { compressBody } from './compression';
import type { CompressionFormat } from './constants';

/** One object in this many is compressed at once to keep the ratio current. */
export const RATIO_REFRESH_EVERY = 64;
/** Uncompressed bytes that may wait for compression across a simulation. */
export const UNBUILT_MAX_BYTES = 64 * 1024 * 1024;

interface RatioState { ratio: number; objects: number }
const ratios = new WeakMap<DeliveryStreamState, Map<CompressionFormat, RatioState>>();
const pending = new WeakMap<FirehoseContext, { queue: Array<{ obj: S3ObjectState; bytes: number }>; bytes: number }>();

/** Gives `obj` its body (compressed now) or a lazy one (compressed on first use) with an estimated size. */
export function compressInto(ctx: FirehoseContext, st: DeliveryStreamState, obj: S3ObjectState, format: CompressionFormat, raw: Uint8Array, mtime: number, entryName: string): void {
  if (format === 'UNCOMPRESSED') {
    obj.body = raw;
    obj.size = raw.length;
    return;
  }
  let byFormat = ratios.get(st);
  if (byFormat === undefined) ratios.set(st, (byFormat = new Map()));
  let r = byFormat.get(format);
  if (r === undefined || r.objects % RATIO_REFRESH_EVERY === 0) {
    obj.body = compressBody(format, raw, mtime, entryName);
    obj.size = obj.body.length;
    if (r === undefined) byFormat.set(format, (r = { ratio: 0, objects: 0 }));
    r.ratio = obj.body.length / Math.max(1, raw.length);
    r.objects++;
    return;
  }
  r.objects++;
  const state = r;
  obj.lazy = () => {
    const bytes = compressBody(format, raw, mtime, entryName);
    state.ratio = bytes.length / Math.max(1, raw.length);
    return bytes;
  };
  obj.keepBody = true;
  obj.size = Math.round(raw.length * r.ratio);
  obj.sizeExact = false;
  bound(ctx, obj, raw.length);
}

function bound(ctx: FirehoseContext, obj: S3ObjectState, bytes: number): void {
  let p = pending.get(ctx);
  if (p === undefined) pending.set(ctx, (p = { queue: [], bytes: 0 }));
  p.queue.push({ obj, bytes });
  p.bytes += bytes;
  let i = 0;
  while (p.bytes > UNBUILT_MAX_BYTES && i < p.queue.length) {
    const e = p.queue[i++];
    p.bytes -= e.bytes;
    if (e.obj.body === undefined && e.obj.lazy !== undefined) objectBytes(e.obj);
  }
  if (i > 0) p.queue.splice(0, i);
  // Objects already built (read or listed) leave the queue when they reach its head.
  while (p.queue.length > 0 && p.queue[0].obj.body !== undefined) p.bytes -= p.queue.shift()!.bytes;
}
