import { describe, it, expect } from 'vitest';
import { SimCore, PendingAsyncWorkError } from '../../../src/engine/core/simCore';
import { createSimulation } from '../../../src/engine/simulation';
import { encodeUtf8 } from '../../../src/engine/core/utf8';

/** A promise the test resolves by hand, tracked on `core`. */
function deferred(core: SimCore): { resolve: (v: string) => void; promise: Promise<string> } {
  let resolve!: (v: string) => void;
  const promise = core.track(new Promise<string>((r) => (resolve = r)));
  return { resolve, promise };
}

describe('SimCore.advance and advanceSync', () => {
  it('advance settles tracked work before each event, so its result lands at its simulated time', async () => {
    const core = new SimCore({ startTime: 0 });
    const seen: string[] = [];
    core.registerHandler('t:start', () => {
      const d = deferred(core);
      void d.promise.then((v) => seen.push(`${v} @${core.now()}`));
      // Resolved on a later microtask, as a lazily loaded module would be.
      void Promise.resolve().then(() => Promise.resolve()).then(() => d.resolve('loaded'));
    });
    core.registerHandler('t:later', () => seen.push(`later @${core.now()}`));
    core.scheduleEvent(10, 't:start');
    core.scheduleEvent(20, 't:later');
    const done = core.advance(30);
    expect(done).toBeInstanceOf(Promise);
    await done;
    expect(seen).toEqual(['loaded @10', 'later @20']);
    expect([core.now(), core.pendingCount]).toEqual([30, 0]);
  });

  it('advanceSync throws PendingAsyncWorkError at the first event due while work is pending, and runs nothing', () => {
    const core = new SimCore({ startTime: 0 });
    const seen: number[] = [];
    core.registerHandler('t:tick', () => seen.push(core.now()));
    core.scheduleEvent(5, 't:tick');
    deferred(core);
    expect(() => core.advanceSync(10)).toThrow(PendingAsyncWorkError);
    expect(() => core.advanceSync(10)).toThrow(
      "advanceSync cannot run the event 't:tick' due after simulated time 0: 1 async task(s) (a Lambda handler, jq, the Parquet writer or faker loading) are still pending. Use `await sim.advance(ms)`, which waits for them at their simulated time.",
    );
    expect([seen, core.now()]).toEqual([[], 0]);
  });

  it('advanceSync refuses to move the clock while work is pending even when no event is due (its result would land late)', () => {
    const core = new SimCore({ startTime: 0 });
    deferred(core);
    expect(() => core.advanceSync(10)).toThrow(
      'advanceSync cannot move the clock after simulated time 0: 1 async task(s) (a Lambda handler, jq, the Parquet writer or faker loading) are still pending. Use `await sim.advance(ms)`, which waits for them at their simulated time.',
    );
    core.advanceSync(0);
    expect([core.now(), core.pendingCount]).toEqual([0, 1]);
  });

  it('rejects a negative or non-finite step in both forms', async () => {
    const core = new SimCore({ startTime: 0 });
    expect(() => core.advanceSync(-1)).toThrow('advanceSync: ms must be a finite number >= 0, got -1');
    await expect(core.advance(Infinity)).rejects.toThrow('advance: ms must be a finite number >= 0, got Infinity');
  });
});

describe('sim.advance does the lazily loaded work that is due', () => {
  it('delivers a dynamically partitioned (jq) Firehose object under await sim.advance, and advanceSync refuses instead of skipping it', async () => {
    const make = () => {
      const sim = createSimulation({ seed: 3 });
      sim.s3.createBucket({ Bucket: 'bkt' });
      sim.firehose.createDeliveryStream({
        DeliveryStreamName: 'dp',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::123456789012:role/f',
          BucketARN: 'arn:aws:s3:::bkt',
          Prefix: 'c=!{partitionKeyFromQuery:c}/',
          ErrorOutputPrefix: 'err/',
          BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
          DynamicPartitioningConfiguration: { Enabled: true },
          ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{c: .customer}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] }] },
        },
      });
      return sim;
    };
    const keys = (sim: ReturnType<typeof make>) => (sim.s3.listObjectsV2({ Bucket: 'bkt' }).Contents ?? []).map((c) => c.Key.split('/')[0]);
    const record = { DeliveryStreamName: 'dp', Record: { Data: encodeUtf8('{"customer":"ann"}\n') } };
    // First use in this process: the record waits for jq to load.
    const sim = make();
    sim.advanceSync(5000);
    sim.firehose.putRecord(record);
    expect(sim.core.pendingCount).toBe(1);
    expect(() => sim.advanceSync(61000)).toThrow(PendingAsyncWorkError);
    await sim.advance(61000);
    expect(keys(sim)).toEqual(['c=ann']);
    // Once jq is loaded nothing is pending, and the synchronous form delivers the same.
    const again = make();
    again.advanceSync(5000);
    again.firehose.putRecord(record);
    again.advanceSync(61000);
    expect(keys(again)).toEqual(['c=ann']);
  });
});
