/**
 * The traffic engine's recipe kinds, registered on the simulation's
 * materialiser registry when the traffic service is built:
 *   'producer-block': a bulk producer's lane on one shard (recordMaker.ts);
 *   'kpl-aggregate': a lane whose Kinesis records are KPL aggregates of m user
 *   records of a base lane (producer.ts).
 * Both are pure functions of the recipe, so a restored checkpoint reads the
 * same records as the world that wrote them.
 */
import type { MaterialiserRegistry } from '../../core/materialisers';
import { utf8Length } from '../../core/utf8';
import { materialiseLane, type LaneMaterialiser, type MaterialisedRecord, type SegmentRecipe } from '../../kinesis/segmentRecipe';
import { mix32, poolOf } from './keyDistribution';
import { addKeyCounts, keySchedule, keySlotOf, uniformSchedule, WeylPoints, type KeySchedule } from './keySchedule';
import { encodeAggregatedRecord } from './kplFormat';
import { fitTo, RecordMaker, type ProducerLaneRecipe } from './recordMaker';

/** A KPL-aggregated lane: Kinesis record i holds user records i*m .. i*m+m-1 of `base`. */
export interface KplAggregateRecipe extends SegmentRecipe {
  readonly kind: 'kpl-aggregate';
  readonly base: SegmentRecipe;
  readonly m: number;
}

/** The maker a producer lane's spec describes, built once per spec and cached on the registry. */
function makerOf(mats: MaterialiserRegistry, r: ProducerLaneRecipe): RecordMaker {
  return mats.derived(r.family, RecordMaker.fromSpec);
}

/**
 * A lane's keys and where each record's key comes from (keySchedule.ts):
 * finite populations by weight, the others from the shard's pool of keys that
 * route to it, evenly; undefined when the shard has no key to draw from.
 * Derived from the recipe (cached on the registry, not state).
 */
function laneOf(mats: MaterialiserRegistry, r: ProducerLaneRecipe): { names: string[]; schedule: KeySchedule } | undefined {
  return mats.derived(r, (): { names: string[]; schedule: KeySchedule } | undefined => {
    const keys = makerOf(mats, r).keys;
    const ids = r.dist.shardKeys?.[r.pos];
    const cum = r.dist.shardCum?.[r.pos];
    if (ids !== undefined && cum !== undefined && ids.length > 0) return { names: Array.from(ids, (id) => keys.keyAt(id, 0)), schedule: keySchedule(cum, r.laneSeed) };
    const names = poolOf(r.dist, keys, r.pos);
    return names.length > 0 ? { names, schedule: uniformSchedule(names.length, r.laneSeed) } : undefined;
  });
}

/** The registry's cache key for the sorted points every lane's counting shares (keySchedule.ts's WeylPoints). */
const WEYL_POINTS = Object.freeze({ cache: 'weyl-points' });

const producerBlock: LaneMaterialiser<ProducerLaneRecipe> = {
  materialise(r, index, arrival, mats) {
    const maker = makerOf(mats, r);
    const h = mix32(r.laneSeed, index);
    const l = laneOf(mats, r);
    const key = l !== undefined ? l.names[keySlotOf(l.schedule, index)] : maker.keys.keyAt(h, arrival);
    const out: MaterialisedRecord = { data: maker.data(h, key, arrival, r.recordBytes), partitionKey: key };
    if (r.explicit !== undefined) out.explicitHashKey = r.explicit;
    return out;
  },
  // One key length for the whole lane lets Firehose count payload bytes without materialising.
  keyBytes(r, mats) {
    const keys = makerOf(mats, r).keys;
    const ids = r.dist.shardKeys?.[r.pos];
    const names = ids !== undefined && ids.length > 0 ? Array.from(ids, (id) => keys.keyAt(id, 0)) : poolOf(r.dist, keys, r.pos);
    const n = names.length > 0 ? utf8Length(names[0]) : undefined;
    return names.every((k) => utf8Length(k) === n) ? n : undefined;
  },
  laneKeys: (r, mats) => laneOf(mats, r)?.names,
  addKeyCounts(r, mats, from, to, out) {
    addKeyCounts(laneOf(mats, r)!.schedule, from, to, out, mats.derived(WEYL_POINTS, () => new WeylPoints()));
  },
  keyAt(r, index, mats) {
    const l = laneOf(mats, r);
    return l === undefined ? undefined : l.names[keySlotOf(l.schedule, index)];
  },
  // Found by rendering and parsing the template twice: once per maker, not once per lane and segment.
  keyFields: (r, mats) => mats.derived(makerOf(mats, r), (m) => ({ fields: m.keyFields() })).fields,
};

// No keyBytes: aggregates must be de-aggregated, so bulk readers materialise them.
const kplAggregate: LaneMaterialiser<KplAggregateRecipe> = {
  materialise(r, index, arrival, mats) {
    const { m, recordBytes: size } = r;
    const users: MaterialisedRecord[] = [];
    for (let q = 0; q < m; q++) users.push(materialiseLane(mats, r.base, index * m + q, arrival));
    const key = users[0].partitionKey;
    const target = size - utf8Length(key);
    let data = encodeAggregatedRecord(users);
    // Keep the stored size exact: stretch or shrink the last user record's payload.
    for (let tries = 0; tries < 3 && data.length !== target; tries++) {
      const last = users[m - 1];
      const want = Math.max(0, last.data.length + target - data.length);
      users[m - 1] = { ...last, data: fitTo(last.data, want) };
      data = encodeAggregatedRecord(users);
    }
    return { data: data.length === target ? data : fitTo(data, target), partitionKey: key };
  },
};

/** Registers the traffic engine's recipe kinds (once per simulation). */
export function registerProducerMaterialisers(mats: MaterialiserRegistry): void {
  mats.register('producer-block', producerBlock);
  mats.register('kpl-aggregate', kplAggregate);
}
