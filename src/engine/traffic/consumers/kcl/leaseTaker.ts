/**
 * Lease taking and stealing, as the KCL's DynamoDBLeaseTaker does it. Each run
 * scans the table; a lease whose counter has not moved for failoverTimeMillis
 * in this worker's view is expired (its owner died). The worker aims at
 * ceil(leases / workers); it takes expired leases first, and otherwise steals
 * one lease at a time from the most loaded worker when that one holds at
 * least the target [awslabs/amazon-kinesis-client DynamoDBLeaseTaker].
 */
import type { Lease, LeaseTable } from './leaseTable';

/**
 * One KCL worker's memory of when it last saw each lease counter change, by
 * the lease's position in the table (LeaseTable.list): a taker run reads it for
 * every lease, so arrays rather than a map keyed by shard id.
 */
export interface TakerView {
  /** Counter last seen (NaN: lease never seen). */
  counter: Float64Array;
  changedAt: Float64Array;
}

/** An empty taker view (no lease seen yet). */
export function newTakerView(): TakerView {
  return { counter: new Float64Array(0), changedAt: new Float64Array(0) };
}

export interface TakeResult {
  taken: Lease[];
  stolen: Array<{ lease: Lease; from: string }>;
}

/** At most one lease is stolen per taker run (maxLeasesToStealAtOneTime = 1, the KCL default). */
export const MAX_LEASES_TO_STEAL_AT_ONE_TIME = 1;

/** Runs one taker pass for `worker` at `now`. */
export function takeLeases(table: LeaseTable, view: TakerView, worker: string, now: number, failoverMs: number): TakeResult {
  const list = table.list;
  if (view.counter.length < list.length) grow(view, list.length);
  const vc = view.counter, va = view.changedAt;
  const expired: number[] = [];
  // Leases per owner, owners in the order first met (this worker first), as a Map would keep them.
  const owners: string[] = [worker];
  const counts: number[] = [0];
  let leases = 0;
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    if (l.checkpoint === 'SHARD_END') continue; // finished leases are not worth taking
    leases++;
    if (vc[i] !== vc[i]) {
      // A lease never seen: unowned ones are free at once, owned ones get a full failover time.
      vc[i] = l.leaseCounter;
      va[i] = l.leaseOwner === null ? -Infinity : now;
    } else if (vc[i] !== l.leaseCounter) {
      vc[i] = l.leaseCounter;
      va[i] = now;
    }
    const owner = l.leaseOwner;
    if (owner === null || now - va[i] > failoverMs) expired.push(i);
    else {
      let o = 0;
      while (o < owners.length && owners[o] !== owner) o++;
      if (o === owners.length) {
        owners.push(owner);
        counts.push(0);
      }
      counts[o]++;
    }
  }
  const workers = owners.length;
  const target = workers >= leases ? 1 : Math.ceil(leases / workers);
  const mine = counts[0];
  const needed = target - mine;
  const result: TakeResult = { taken: [], stolen: [] };
  if (needed <= 0) return result;
  if (expired.length > 0) {
    // The KCL shuffles expired leases; the simulator takes them in shard order so runs read the same.
    for (const i of expired.slice(0, needed)) {
      take(list[i], i, worker, view, now);
      result.taken.push(list[i]);
    }
    return result;
  }
  let victim: string | undefined;
  let most = -1;
  for (let o = 1; o < owners.length; o++) if (counts[o] > most) (victim = owners[o]), (most = counts[o]);
  if (victim === undefined || most < target) return result;
  let toSteal = Math.min(needed, most - target);
  if (needed > 1 && toSteal === 0) toSteal = 1; // KCL: steal one when I need more than one and the busiest is at target
  toSteal = Math.min(toSteal, MAX_LEASES_TO_STEAL_AT_ONE_TIME);
  for (const l of table.ownedBy(victim).slice(-toSteal)) {
    take(l, list.indexOf(l), worker, view, now);
    result.stolen.push({ lease: l, from: victim });
  }
  return result;
}

function grow(view: TakerView, n: number): void {
  const c = new Float64Array(Math.max(n, view.counter.length * 2)).fill(NaN);
  c.set(view.counter);
  const a = new Float64Array(c.length);
  a.set(view.changedAt);
  view.counter = c;
  view.changedAt = a;
}

/** A conditional update in DynamoDB: counter up, owner changed, owner switch counted. */
function take(l: Lease, i: number, worker: string, view: TakerView, now: number): void {
  if (l.leaseOwner !== worker) l.ownerSwitchesSinceCheckpoint++;
  l.leaseOwner = worker;
  l.leaseCounter++;
  view.counter[i] = l.leaseCounter;
  view.changedAt[i] = now;
}
