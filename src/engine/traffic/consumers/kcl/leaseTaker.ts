/**
 * Lease taking and stealing, as the KCL's DynamoDBLeaseTaker does it. Each run
 * scans the table; a lease whose counter has not moved for failoverTimeMillis
 * in this worker's view is expired (its owner died). The worker aims at
 * ceil(leases / workers); it takes expired leases first, and otherwise steals
 * one lease at a time from the most loaded worker when that one holds at
 * least the target [awslabs/amazon-kinesis-client DynamoDBLeaseTaker].
 */
import type { Lease, LeaseTable } from './leaseTable';

/** One KCL worker's memory of when it last saw each lease counter change. */
export interface TakerView {
  seen: Map<string, { counter: number; changedAt: number }>;
}

export interface TakeResult {
  taken: Lease[];
  stolen: Array<{ lease: Lease; from: string }>;
}

/** At most one lease is stolen per taker run (maxLeasesToStealAtOneTime = 1, the KCL default). */
export const MAX_LEASES_TO_STEAL_AT_ONE_TIME = 1;

/** Runs one taker pass for `worker` at `now`. */
export function takeLeases(table: LeaseTable, view: TakerView, worker: string, now: number, failoverMs: number): TakeResult {
  const expired: Lease[] = [];
  const counts = new Map<string, number>([[worker, 0]]);
  for (const l of table.leases.values()) {
    if (l.checkpoint === 'SHARD_END') continue; // finished leases are not worth taking
    let seen = view.seen.get(l.leaseKey);
    if (seen === undefined) {
      // A lease never seen: unowned ones are free at once, owned ones get a full failover time.
      seen = { counter: l.leaseCounter, changedAt: l.leaseOwner === null ? -Infinity : now };
      view.seen.set(l.leaseKey, seen);
    } else if (seen.counter !== l.leaseCounter) {
      seen.counter = l.leaseCounter;
      seen.changedAt = now;
    }
    const isExpired = l.leaseOwner === null || now - seen.changedAt > failoverMs;
    if (isExpired) expired.push(l);
    else counts.set(l.leaseOwner!, (counts.get(l.leaseOwner!) ?? 0) + 1);
  }
  let leases = 0;
  for (const l of table.leases.values()) if (l.checkpoint !== 'SHARD_END') leases++;
  const workers = counts.size;
  const target = workers >= leases ? 1 : Math.ceil(leases / workers);
  const mine = counts.get(worker)!;
  const needed = target - mine;
  const result: TakeResult = { taken: [], stolen: [] };
  if (needed <= 0) return result;
  if (expired.length > 0) {
    // The KCL shuffles expired leases; the simulator takes them in shard order so runs read the same.
    for (const l of expired.slice(0, needed)) {
      take(l, worker, view, now);
      result.taken.push(l);
    }
    return result;
  }
  let victim: string | undefined;
  let most = -1;
  for (const [w, n] of counts) if (w !== worker && n > most) (victim = w), (most = n);
  if (victim === undefined || most < target) return result;
  let toSteal = Math.min(needed, most - target);
  if (needed > 1 && toSteal === 0) toSteal = 1; // KCL: steal one when I need more than one and the busiest is at target
  toSteal = Math.min(toSteal, MAX_LEASES_TO_STEAL_AT_ONE_TIME);
  for (const l of table.ownedBy(victim).slice(-toSteal)) {
    take(l, worker, view, now);
    result.stolen.push({ lease: l, from: victim });
  }
  return result;
}

/** A conditional update in DynamoDB: counter up, owner changed, owner switch counted. */
function take(l: Lease, worker: string, view: TakerView, now: number): void {
  if (l.leaseOwner !== worker) l.ownerSwitchesSinceCheckpoint++;
  l.leaseOwner = worker;
  l.leaseCounter++;
  view.seen.set(l.leaseKey, { counter: l.leaseCounter, changedAt: now });
}
