import { describe, expect, it } from 'vitest';
import { activeStream, putN } from './helpers';

/** Whole seconds [from, to) of a stream metric. */
/** Whole seconds [from, to) of a stream metric, in ms after `t0`. */
function secs(sim: ReturnType<typeof activeStream>, t0: number, metric: string, from: number, to: number, shardId?: string): number[] {
  return Array.from(sim.metrics.kinesis.series({ stream: 's', metric: metric as never, shardId, from: t0 + from, to: t0 + to }).values);
}

describe('consumer metrics', () => {
  it('polling consumer: GetRecords.Success and the iterator age of a reader that falls behind', () => {
    const sim = activeStream(1);
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IteratorAgeMilliseconds'] });
    const t0 = sim.now();
    putN(sim, 's', 10, (i) => `k${i}`); // 10 records arrive at t0
    // One poll per second, processing 2 records/s: it reads 2 records a poll.
    sim.traffic.addConsumer({ type: 'polling', name: 'slow', streamName: 's', maxRecordsPerSecond: 2 });
    sim.advanceSync(6000);
    // Polls at t0, t0+1 s, ...: after the first poll the next unread record arrived at t0, age 0;
    // a second later it is 1 s old, then 2 s ... until the 5th poll (t0+4 s) has read all 10: caught up, age 0.
    expect(secs(sim, t0, 'GetRecords.Success', 0, 6000)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(secs(sim, t0, 'GetRecords.IteratorAgeMilliseconds', 0, 6000)).toEqual([0, 1000, 2000, 3000, 0, 0]);
    expect(secs(sim, t0, 'IteratorAgeMilliseconds', 0, 6000, 'shardId-000000000000')).toEqual([0, 1000, 2000, 3000, 0, 0]);
    expect(secs(sim, t0, 'GetRecords.Records', 0, 6000)).toEqual([2, 2, 2, 2, 2, 0]);
  });

  it('KCL application: iterator ages of its leased shards and its GetRecords calls', () => {
    const sim = activeStream(2);
    const t0 = sim.now();
    putN(sim, 's', 40, (i) => `key-${i}`);
    sim.traffic.addConsumer({ type: 'kcl', name: 'app', streamName: 's', workers: 1, maxRecordsPerSecond: 5 });
    sim.advanceSync(5000);
    const success = secs(sim, t0, 'GetRecords.Success', 0, 5000);
    // Two shards, one poll each per second.
    expect(success).toEqual([2, 2, 2, 2, 2]);
    const ages = secs(sim, t0, 'GetRecords.IteratorAgeMilliseconds', 0, 5000);
    // 5 records/s per shard: the 22 and 18 records of the two shards take 5 and 4 seconds; the age
    // is the older shard's (all 40 arrived at t0), 0 once both are read.
    expect(secs(sim, t0, 'GetRecords.Records', 0, 5000)).toEqual([10, 10, 10, 8, 2]);
    expect(ages).toEqual([0, 1000, 2000, 3000, 0]);
  });

  it('Lambda mapping: IteratorAge, event counts, failures dropped to the on-failure destination', () => {
    const sim = activeStream(1);
    const t0 = sim.now();
    sim.lambda.createFunction({ FunctionName: 'fails', handler: () => { throw new Error('boom'); }, durationMs: 100 } as never);
    putN(sim, 's', 30, (i) => `k${i}`);
    sim.traffic.addConsumer({
      type: 'lambdaMapping', FunctionName: 'fails', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON', BatchSize: 10,
      MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    });
    sim.advanceSync(10000);
    const q = (metric: string) => Array.from(sim.metrics.lambdaEsm.series({ functionName: 'fails', metric: metric as never, from: t0, to: t0 + 10000 }).values);
    const sum = (a: number[]) => a.reduce((x, y) => x + (Number.isNaN(y) ? 0 : y), 0);
    // 30 records polled, 3 batches of 10, each tried twice (1 retry), all failing, then dropped to the destination.
    expect(sum(q('PolledEventCount'))).toBe(30);
    expect(sum(q('InvokedEventCount'))).toBe(60);
    expect(sum(q('FailedInvokeEventCount'))).toBe(60);
    expect(sum(q('DroppedEventCount'))).toBe(30);
    expect(sum(q('OnFailureDestinationDeliveredEventCount'))).toBe(30);
    // The poller fetches one batch (10) a second; each batch runs at once and its retry 100 ms later.
    expect(q('InvokedEventCount').slice(0, 4)).toEqual([20, 20, 20, 0]);
    // IteratorAge: the age of the batch's last record (arrived at t0) when invoked, the second's largest:
    // the retries at t0+100 ms, t0+1,100 ms and t0+2,100 ms; no invocation, no data point.
    expect(q('IteratorAge').slice(0, 4)).toEqual([100, 1100, 2100, NaN]);
  });
});
