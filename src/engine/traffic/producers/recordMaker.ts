/**
 * Makes a producer's records: the payload from its template and the record's
 * own seed, the key from its key strategy. The exact path makes records as it
 * sends them; the bulk path hands a SegmentRecipe to each shard's segment,
 * which rebuilds record i from (producer seed, shard, i) alone when read.
 */
import { encodeUtf8, utf8Length } from '../../core/utf8';
import type { SegmentRecipe } from '../../kinesis/segmentBlock';
import type { ShardState } from '../../kinesis/shardModel';
import { mix32, type KeyDistribution } from './keyDistribution';
import { type KeyPopulation } from './keyStrategies';
import { addKeyCounts, keySchedule, keySlotOf, uniformSchedule, type KeySchedule } from './keySchedule';
import { compileTemplate, RecordRng, renderTemplate, templateSource, type CompiledTemplate } from './templates';

export interface RecordSpec {
  /** A built-in template name (iot, clickstream, trades, logs, tweets) or KDG template text. Default 'iot'. */
  template?: string;
  /** Fixed record size in bytes, data plus partition key (payload padded with spaces or cut). */
  sizeBytes?: number;
}

/** A producer's record factory. */
export class RecordMaker {
  readonly template: CompiledTemplate;
  /** Bytes (data plus key) of every bulk record: the fixed size, or the template's largest sampled size. */
  readonly recordBytes: number;
  readonly fixedSize: boolean;

  constructor(
    spec: RecordSpec,
    readonly seed: number,
    readonly keys: KeyPopulation,
    startTime: number,
  ) {
    this.template = compileTemplate(templateSource(spec.template ?? 'iot'));
    this.fixedSize = spec.sizeBytes !== undefined;
    if (spec.sizeBytes !== undefined) {
      this.recordBytes = Math.max(2, Math.floor(spec.sizeBytes));
    } else {
      // Sample the template so bulk records have one size: the largest of 64 samples plus a small margin
      // (data() redraws a record that still comes out longer, so JSON is padded, never cut).
      let max = 2;
      for (let i = 0; i < 64; i++) {
        // A finite population may hold fewer than 64 keys (log_level has 5, constant 1): cycle through them.
        const key = keys.keyAt(keys.kind === 'finite' ? i % keys.size : i, startTime);
        const n = utf8Length(this.text(i, key, startTime)) + utf8Length(key);
        if (n > max) max = n;
      }
      this.recordBytes = max + 4;
    }
  }

  /** The template text of record number `n` with partition key `key`. */
  text(n: number, key: string, time: number): string {
    const seed = mix32(this.seed, n);
    return renderTemplate(this.template, { rng: new RecordRng(seed), time, key, seq: n, seed });
  }

  /** The payload of record `n`: the template's bytes, or exactly `size - key bytes` when the size is fixed. */
  data(n: number, key: string, time: number, totalBytes?: number): Uint8Array {
    const want = totalBytes ?? (this.fixedSize ? this.recordBytes : undefined);
    let bytes = encodeUtf8(this.text(n, key, time));
    if (want === undefined) return bytes;
    const room = Math.max(1, want - utf8Length(key));
    // Too long for the fixed size: draw the record again from a derived seed (deterministic) before cutting it.
    for (let retry = 1; bytes.length > room && retry <= 8 && !this.fixedSize; retry++) bytes = encodeUtf8(this.text(mix32(n, retry), key, time));
    return fitTo(bytes, room);
  }

  /**
   * Top-level JSON fields whose value is always the record's partition key
   * (`"device_id":"{{key}}"`), or undefined when a payload is not always a JSON
   * object (a fixed size may cut it). Found by rendering with two different
   * keys; the analytics aggregate path reads such columns from the key alone.
   */
  keyFields(): readonly string[] | undefined {
    if (this.fixedSize) return undefined;
    const fields: string[] = [];
    const a = '~sim-key-a~', b = '~sim-key-b~';
    try {
      const ra: unknown = JSON.parse(this.text(0, a, 0));
      const rb: unknown = JSON.parse(this.text(1, b, 0));
      if (ra === null || typeof ra !== 'object' || Array.isArray(ra) || rb === null || typeof rb !== 'object') return undefined;
      for (const [k, v] of Object.entries(ra)) if (v === a && (rb as Record<string, unknown>)[k] === b) fields.push(k);
    } catch {
      return undefined;
    }
    return fields;
  }

  /** The recipe for the records this producer writes to the shard at `pos` in `dist.open`. */
  recipe(dist: KeyDistribution, pos: number, shard: ShardState, laneSeed: number): SegmentRecipe {
    const size = this.recordBytes;
    const keys = this.keys;
    const explicit = keys.kind === 'explicit' ? ((shard.start + shard.end) / 2n).toString() : undefined;
    const ids = dist.shardKeys?.[pos];
    const cum = dist.shardCum?.[pos];
    // The lane's keys and where each record's key comes from (keySchedule.ts): finite populations by
    // weight, the others from the shard's pool of keys that route to it, evenly.
    let names: string[] | undefined;
    let schedule: KeySchedule | undefined;
    const lane = (): { names: string[]; schedule: KeySchedule } | undefined => {
      if (names === undefined) {
        if (ids !== undefined && cum !== undefined && ids.length > 0) {
          names = Array.from(ids, (id) => keys.keyAt(id, 0));
          schedule = keySchedule(cum, laneSeed);
        } else {
          names = dist.pool(pos);
          if (names.length > 0) schedule = uniformSchedule(names.length, laneSeed);
        }
      }
      return schedule === undefined ? undefined : { names, schedule };
    };
    const keyCounts: SegmentRecipe['keyCounts'] = {
      keys: () => lane()?.names,
      add: (from, to, out, cursor) => addKeyCounts(lane()!.schedule, from, to, out, cursor),
    };
    return {
      recordBytes: size,
      family: this,
      materialise: (index, arrival) => {
        const h = mix32(laneSeed, index);
        const l = lane();
        const key = l !== undefined ? l.names[keySlotOf(l.schedule, index)] : keys.keyAt(h, arrival);
        const out: { data: Uint8Array; partitionKey: string; explicitHashKey?: string } = { data: this.data(h, key, arrival, size), partitionKey: key };
        if (explicit !== undefined) out.explicitHashKey = explicit;
        return out;
      },
      keyCounts,
      keyFields: () => this.keyFields(),
      // One key length for the whole lane lets Firehose count payload bytes without materialising.
      keyBytes: () => {
        const names = ids !== undefined && cum !== undefined && ids.length > 0 ? Array.from(ids, (id) => keys.keyAt(id, 0)) : dist.pool(pos);
        const n = names.length > 0 ? utf8Length(names[0]) : undefined;
        return names.every((k) => utf8Length(k) === n) ? n : undefined;
      },
    };
  }
}

/** `bytes` padded with spaces (valid trailing whitespace in JSON) or cut to exactly `n` bytes. */
export function fitTo(bytes: Uint8Array, n: number): Uint8Array {
  if (bytes.length === n) return bytes;
  const out = new Uint8Array(n);
  if (bytes.length > n) out.set(bytes.subarray(0, n));
  else {
    out.set(bytes);
    out.fill(0x20, bytes.length);
  }
  return out;
}
