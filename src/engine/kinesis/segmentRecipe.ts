/**
 * How a segment lane's records are made when someone reads them: a recipe is
 * plain data naming its materialiser by `kind` (core/materialisers.ts), so a
 * segment block holds no closure and a checkpoint copies it as data. The
 * traffic engine registers its kinds ('producer-block', 'kpl-aggregate') when
 * the simulation is built.
 */
import type { MaterialiserRegistry } from '../core/materialisers';

/** A lane's recipe: plain data; `kind` names the materialiser that makes its records. */
export interface SegmentRecipe {
  readonly kind: string;
  /** Bytes (data plus partition key) of every record of this lane. */
  readonly recordBytes: number;
  /** Lanes with the same family make alike records (e.g. one producer's lanes on every shard). */
  readonly family?: object;
  /** A bulk reader's note of the key length: payload bytes known (number) or not readable in bulk (null); set on first use. */
  bulkKeyBytes?: number | null;
}

/** A record made from a recipe. */
export interface MaterialisedRecord {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

/** The code for one kind of recipe: pure functions of the recipe (the same index gives the same record). */
export interface LaneMaterialiser<R extends SegmentRecipe = SegmentRecipe> {
  /**
   * The lane's record at shard index `index`: its key routes to the lane's
   * shard, and `data.length + utf8Length(partitionKey)` equals `recordBytes`.
   */
  materialise(recipe: R, index: number, arrival: number, mats: MaterialiserRegistry): MaterialisedRecord;
  /**
   * The UTF-8 length every partition key of the lane has, when they all have
   * one (so every payload is `recordBytes - keyBytes` long); undefined when key
   * lengths vary. Readers that count payload bytes without materialising
   * (Firehose's bulk Kinesis source) need it. Absent: never known.
   */
  keyBytes?(recipe: R, mats: MaterialiserRegistry): number | undefined;
  /**
   * Key counting without materialising (the analytics aggregate path): the
   * lane's keys (undefined when its keys cannot be counted), and how many of
   * the records at shard indexes [from, to) take each (added to out[k]), the
   * same keys materialise() gives.
   */
  laneKeys?(recipe: R, mats: MaterialiserRegistry): readonly string[] | undefined;
  addKeyCounts?(recipe: R, mats: MaterialiserRegistry, from: number, to: number, out: Float64Array): void;
  /** Top-level JSON fields of the payload that always hold the partition key; undefined when the payload is not always JSON. */
  keyFields?(recipe: R, mats: MaterialiserRegistry): readonly string[] | undefined;
  /** The partition key materialise() gives record `index`, without making its payload; undefined when it cannot tell. */
  keyAt?(recipe: R, index: number, mats: MaterialiserRegistry): string | undefined;
}

/** A lane's key counter (keys and per-range counts), when its materialiser can count keys; undefined otherwise. */
export function laneKeyCounter(mats: MaterialiserRegistry, recipe: SegmentRecipe): { keys: readonly string[]; fields: readonly string[] | undefined; add(from: number, to: number, out: Float64Array): void } | undefined {
  const m = mats.get<LaneMaterialiser>(recipe.kind);
  const keys = m.laneKeys?.(recipe, mats);
  if (keys === undefined || m.addKeyCounts === undefined) return undefined;
  const add = m.addKeyCounts;
  return { keys, fields: m.keyFields?.(recipe, mats), add: (from, to, out) => add(recipe, mats, from, to, out) };
}

/** laneKeyCounter's add, without building the counter (a reader counting range after range of a lane it has checked). */
export function addLaneKeyCounts(mats: MaterialiserRegistry, recipe: SegmentRecipe, from: number, to: number, out: Float64Array): void {
  mats.get<LaneMaterialiser>(recipe.kind).addKeyCounts!(recipe, mats, from, to, out);
}

/** The partition key of lane record `index`, when its materialiser can tell without making the record. */
export function laneKeyAt(mats: MaterialiserRegistry, recipe: SegmentRecipe, index: number): string | undefined {
  return mats.get<LaneMaterialiser>(recipe.kind).keyAt?.(recipe, index, mats);
}

/** Makes lane record `index` of `recipe` with its registered materialiser. */
export function materialiseLane(mats: MaterialiserRegistry, recipe: SegmentRecipe, index: number, arrival: number): MaterialisedRecord {
  return mats.get<LaneMaterialiser>(recipe.kind).materialise(recipe, index, arrival, mats);
}

/** The one key length of a lane's records, or undefined (see LaneMaterialiser.keyBytes). */
export function laneKeyBytes(mats: MaterialiserRegistry, recipe: SegmentRecipe): number | undefined {
  return mats.get<LaneMaterialiser>(recipe.kind).keyBytes?.(recipe, mats);
}
