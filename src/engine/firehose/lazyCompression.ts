/**
 * Compression of exact objects, paid per object read rather than per object
 * written: a delivered object keeps its uncompressed bytes (one array, no
 * per-record copies) and is compressed when first read, listed or HEADed
 * (S3's `keepBody` lazy objects), so a learner's world can run at 100x.
 *
 * Until then its size is an estimate: the uncompressed size times the ratio
 * this stream last measured for the format. The ratio is measured by
 * compressing the stream's first object eagerly (its size exact) and then
 * one object in every RATIO_REFRESH_EVERY; building a lazy object (a read,
 * a listing) never changes it, so what was read when never changes a later
 * estimate. Unbuilt bytes are bounded: past UNBUILT_MAX_BYTES per simulation
 * the oldest objects are compressed, counted the same whether or not they
 * were read, so memory stays what eager compression would have used plus
 * that much.
 */
import { objectBytes, registerBodyBuilder, type LazyBody, type S3Context, type S3ObjectState } from '../s3/s3Model';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { compressBody } from './compression';
import type { CompressionFormat } from './constants';

/** One object in this many is compressed at once to keep the ratio current. */
export const RATIO_REFRESH_EVERY = 64;
/** Uncompressed bytes that may wait for compression across a simulation. */
export const UNBUILT_MAX_BYTES = 64 * 1024 * 1024;

/** Lazy body kind of an exact object waiting for its compression. */
const COMPRESSED_BODY = 'firehose:compressedBody';

/** An exact object's body as data: its uncompressed bytes and how to compress them. */
interface CompressedBody extends LazyBody {
  kind: typeof COMPRESSED_BODY;
  format: CompressionFormat;
  raw: Uint8Array;
  mtime: number;
  entryName: string;
}

/** Registers how waiting exact objects are compressed on first use (once, when Firehose is built). */
export function registerCompressedBodies(s3: S3Context): void {
  registerBodyBuilder<CompressedBody>(s3, COMPRESSED_BODY, (r) => compressBody(r.format, r.raw, r.mtime, r.entryName));
}

/** Gives `obj` its body (compressed now) or a lazy one (compressed on first use) with an estimated size. */
export function compressInto(ctx: FirehoseContext, st: DeliveryStreamState, obj: S3ObjectState, format: CompressionFormat, raw: Uint8Array, mtime: number, entryName: string): void {
  if (format === 'UNCOMPRESSED') {
    obj.body = raw;
    obj.size = raw.length;
    return;
  }
  const byFormat = (st.lazyRatios ??= new Map());
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
  const lazy: CompressedBody = { kind: COMPRESSED_BODY, format, raw, mtime, entryName };
  obj.lazy = lazy;
  obj.keepBody = true;
  obj.size = Math.round(raw.length * r.ratio);
  obj.sizeExact = false;
  bound(ctx, obj, raw.length);
}

function bound(ctx: FirehoseContext, obj: S3ObjectState, bytes: number): void {
  const p = ctx.unbuilt;
  p.queue.push({ obj, bytes });
  p.bytes += bytes;
  let i = 0;
  while (p.bytes > UNBUILT_MAX_BYTES && i < p.queue.length) {
    const e = p.queue[i++];
    p.bytes -= e.bytes;
    if (e.obj.body === undefined && e.obj.lazy !== undefined) objectBytes(ctx.s3, e.obj);
  }
  // Objects already built (read or listed) stay counted until they reach the head, so reads never move the bound.
  if (i > 0) p.queue.splice(0, i);
}
