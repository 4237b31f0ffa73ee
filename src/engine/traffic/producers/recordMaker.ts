/**
 * Makes a producer's records: the payload from its template and the record's
 * own seed, the key from its key strategy. The exact path makes records as it
 * sends them; the bulk path hands each shard's segment a recipe (plain data,
 * kind 'producer-block'), which producerMaterialisers.ts turns back into
 * record i from (producer seed, shard, i) alone when read.
 */
import { encodeUtf8, utf8Length } from '../../core/utf8';
import type { SegmentRecipe } from '../../kinesis/segmentRecipe';
import type { ShardState } from '../../kinesis/shardModel';
import { mix32, type KeyDistribution } from './keyDistribution';
import { createKeyPopulation, type KeyPopulation, type KeyStrategyConfig } from './keyStrategies';
import { compileTemplate, RecordRng, renderTemplate, templateSource, type CompiledTemplate } from './templates';

export interface RecordSpec {
  /** A built-in template name (iot, clickstream, trades, logs, tweets) or KDG template text. Default 'iot'. */
  template?: string;
  /** Fixed record size in bytes, data plus partition key (payload padded with spaces or cut). */
  sizeBytes?: number;
}

/** What a producer's records are made from, as plain data (shared by the recipes of one configuration). */
export interface MakerSpec {
  readonly record: RecordSpec;
  readonly seed: number;
  readonly keys: KeyStrategyConfig;
  /** The bulk record size the maker settled on. */
  readonly recordBytes: number;
}

/** A bulk lane of a producer on one shard: plain data, made into records by the 'producer-block' materialiser. */
export interface ProducerLaneRecipe extends SegmentRecipe {
  readonly kind: 'producer-block';
  /** The maker's spec; lanes of one producer configuration share it (one compression sample serves them). */
  readonly family: MakerSpec;
  /** Where the population lands (key ids or pools per shard), and this lane's shard position in it. */
  readonly dist: KeyDistribution;
  readonly pos: number;
  readonly laneSeed: number;
  /** explicit_hash_key: the hash key every record of the lane carries (the middle of its shard's range). */
  readonly explicit?: string;
}

/** A producer's record factory. */
export class RecordMaker {
  /** The plain data this maker is made from (recipes carry it; a materialiser rebuilds the maker from it). */
  readonly spec: MakerSpec;
  readonly template: CompiledTemplate;
  /** Bytes (data plus key) of every bulk record: the fixed size, or the template's largest sampled size. */
  readonly recordBytes: number;
  readonly fixedSize: boolean;

  constructor(
    spec: RecordSpec,
    readonly seed: number,
    readonly keys: KeyPopulation,
    startTime: number,
    /** The size already settled (a maker rebuilt from its spec): no sampling. */
    knownRecordBytes?: number,
  ) {
    this.template = compileTemplate(templateSource(spec.template ?? 'iot'));
    this.fixedSize = spec.sizeBytes !== undefined;
    if (knownRecordBytes !== undefined) this.recordBytes = knownRecordBytes;
    else if (spec.sizeBytes !== undefined) {
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
    this.spec = { record: spec, seed, keys: keys.config, recordBytes: this.recordBytes };
  }

  /** The maker a spec describes (the same records as the maker that wrote it). */
  static fromSpec(spec: MakerSpec): RecordMaker {
    return new RecordMaker(spec.record, spec.seed, createKeyPopulation(spec.keys), 0, spec.recordBytes);
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

  /** The recipe (plain data) for the records this producer writes to the shard at `pos` in `dist.open`; its keys follow keySchedule.ts. */
  recipe(dist: KeyDistribution, pos: number, shard: ShardState, laneSeed: number): ProducerLaneRecipe {
    const r: { -readonly [K in keyof ProducerLaneRecipe]: ProducerLaneRecipe[K] } = { kind: 'producer-block', recordBytes: this.recordBytes, family: this.spec, dist, pos, laneSeed };
    if (this.keys.kind === 'explicit') r.explicit = ((shard.start + shard.end) / 2n).toString();
    return r;
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
