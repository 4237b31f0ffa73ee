/**
 * The simulated S3: buckets and their objects. An object holds its bytes, or
 * (for bulk-delivered Firehose objects) a recipe that produces them on
 * demand, so a day of delivered data costs a few hundred bytes per object.
 * A recipe is data (a kind and its parameters); the code that builds it is
 * registered on the S3 context by the service that writes such objects, so a
 * checkpoint copies the recipe and a restored world builds the same bytes.
 */
import { AwsError } from '../core/errors';
import type { ObjectTable } from './objectTable';

/** A lazily built body as data: `kind` names the builder (registered with registerBodyBuilder), the other fields are its parameters. */
export interface LazyBody {
  readonly kind: string;
}

/** Builds the bytes of a lazy body of one kind. */
export type BodyBuilder<R extends LazyBody = LazyBody> = (recipe: R) => Uint8Array;

/** The builders of lazy bodies by kind: code registered when the simulation is built, not state (a restore keeps the fresh world's). */
export class BodyBuilders {
  static readonly checkpointSkip = ['byKind'];
  private byKind = new Map<string, BodyBuilder>();

  /** Registers the builder for `kind` (once per kind). */
  register<R extends LazyBody>(kind: string, fn: BodyBuilder<R>): void {
    if (this.byKind.has(kind)) throw new Error(`registerBodyBuilder: '${kind}' is already registered`);
    this.byKind.set(kind, fn as BodyBuilder);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  build(recipe: LazyBody): Uint8Array {
    const fn = this.byKind.get(recipe.kind);
    if (fn === undefined) throw new Error(`S3: no body builder registered for '${recipe.kind}'`);
    return fn(recipe);
  }
}

/** One stored object. `body` is exact bytes; `lazy` is the recipe that produces them when read. */
export interface S3ObjectState {
  key: string;
  /** ContentLength in bytes. Exact for stored bodies; see `sizeExact` for lazy ones. */
  size: number;
  /** False while a lazy object's compressed size is an estimate (it becomes exact once read). */
  sizeExact: boolean;
  lastModified: number;
  contentType?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
  body?: Uint8Array;
  lazy?: LazyBody;
  /**
   * Keep the bytes once `lazy` has built them (an exact object compressed on
   * first read or listing); bulk objects are rebuilt on every read instead,
   * so a day of them costs no memory.
   */
  keepBody?: boolean;
}

export interface BucketState {
  name: string;
  createdAt: number;
  /** By key, in insertion order (a Map's interface; sealed objects are frozen and shared by checkpoints: objectTable.ts). */
  objects: ObjectTable;
  /** Keys in lexicographic (UTF-16 code unit ~ UTF-8 for ASCII) order, rebuilt lazily after writes. */
  sorted?: string[];
}

export interface S3Context {
  buckets: Map<string, BucketState>;
  now: () => number;
  region: string;
  /** What turns each kind of lazy body into bytes. */
  builders: BodyBuilders;
}

/** Registers the builder of lazy bodies of `kind` on the S3 context (once, when the writing service is built). */
export function registerBodyBuilder<R extends LazyBody>(ctx: S3Context, kind: string, fn: BodyBuilder<R>): void {
  ctx.builders.register(kind, fn);
}

/** Bucket names: 3..63 of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
export const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** NoSuchBucket as S3 words it (HTTP 404). */
export function noSuchBucket(bucket: string): AwsError {
  const e = new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  (e as AwsError & { BucketName?: string }).BucketName = bucket;
  return e;
}

/** NoSuchKey as S3 words it (HTTP 404). */
export function noSuchKey(key: string): AwsError {
  const e = new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
  (e as AwsError & { Key?: string }).Key = key;
  return e;
}

/** The bucket, or NoSuchBucket. */
export function findBucket(ctx: S3Context, name: unknown): BucketState {
  const b = typeof name === 'string' ? ctx.buckets.get(name) : undefined;
  if (b === undefined) throw noSuchBucket(String(name));
  return b;
}

/** Stores (or replaces) an object; the engine's own writers (Firehose) use this. */
export function storeObject(bucket: BucketState, obj: S3ObjectState): void {
  if (bucket.objects.put(obj.key, obj)) bucket.sorted = undefined;
}

/** The keys of a bucket in S3's listing order (UTF-8 binary order; ASCII keys sort the same as strings). */
export function sortedKeys(bucket: BucketState): string[] {
  if (bucket.sorted === undefined) bucket.sorted = [...bucket.objects.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return bucket.sorted;
}

/**
 * The bytes of an object; a lazy object is materialised (and its size made
 * exact) but not kept. A sealed object is frozen (checkpoints share it): its
 * change goes to a copy at its place in `bucket`.
 */
export function objectBytes(ctx: S3Context, obj: S3ObjectState, bucket?: BucketState): Uint8Array {
  if (obj.body !== undefined) return obj.body;
  const bytes = ctx.builders.build(obj.lazy!);
  if (obj.size === bytes.length && obj.sizeExact && obj.keepBody !== true) return bytes;
  if (Object.isFrozen(obj)) {
    if (bucket === undefined) throw new Error(`S3: sealed object '${obj.key}' changed without its bucket`);
    obj = bucket.objects.writable(obj.key)!;
  }
  obj.size = bytes.length;
  obj.sizeExact = true;
  if (obj.keepBody === true) {
    obj.body = bytes;
    obj.lazy = undefined;
  }
  return bytes;
}

/** Makes a kept-body lazy object's size exact by building its bytes (listing and HEAD report exact sizes). */
export function settleSize(ctx: S3Context, obj: S3ObjectState, bucket?: BucketState): void {
  if (obj.keepBody === true && obj.body === undefined && obj.lazy !== undefined) objectBytes(ctx, obj, bucket);
}
