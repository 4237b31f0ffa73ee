/**
 * A mission's goal as data: conditions on the live simulation, each read from
 * the engine's own state and metrics (the same series the charts draw), never
 * from the UI. `evaluateCondition` answers whether one holds at a whole
 * simulated second and says why in words a learner can check on the charts.
 */
import type { Simulation } from '../engine';

/** One checkable fact about the running world. Windows are the last `seconds` whole seconds before now. */
export type Condition =
  /** WriteProvisionedThroughputExceeded is 0 over the window while the stream still takes at least `minIncomingPerSecond` records/s (stopping the producer does not count). */
  | { kind: 'noWriteThrottling'; stream: string; seconds: number; minIncomingPerSecond: number }
  /** ReadProvisionedThroughputExceeded is 0 over the window. */
  | { kind: 'noReadThrottling'; stream: string; seconds: number }
  /** The stream has at most `max` open shards. */
  | { kind: 'openShardsAtMost'; stream: string; max: number }
  /** The stream has at least `min` open shards. */
  | { kind: 'openShardsAtLeast'; stream: string; min: number }
  /** GetRecords.IteratorAgeMilliseconds (the largest over its readers) stayed under `maxMs` over the window, while readers kept reading. */
  | { kind: 'iteratorAgeBelow'; stream: string; maxMs: number; seconds: number }
  /** At least `count` enhanced fan-out consumers are ACTIVE on the stream. */
  | { kind: 'efoConsumersAtLeast'; stream: string; count: number }
  /** A producer's accepted user records averaged at least `perSecond` over the window. */
  | { kind: 'producerAcceptedAtLeast'; producer: string; perSecond: number; seconds: number }
  /** A producer uses one of these key strategies. */
  | { kind: 'producerKeyStrategy'; producer: string; oneOf: string[] }
  /** The stream keeps records at least `hours`. */
  | { kind: 'retentionAtLeast'; stream: string; hours: number }
  /** The stream's capacity mode. */
  | { kind: 'streamMode'; stream: string; mode: 'PROVISIONED' | 'ON_DEMAND' }
  /** Every object a delivery stream wrote in the window held data at most `maxSeconds` old (DeliveryToS3.DataFreshness), and it wrote some. */
  | { kind: 'freshnessBelow'; deliveryStream: string; maxSeconds: number; seconds: number }
  /** At least `atLeast` objects under `prefix` in `bucket`, written after the mission started; `distinctFolders` asks for that many different next path segments. */
  | { kind: 'objectsUnderPrefix'; bucket: string; prefix: string; atLeast: number; distinctFolders?: number }
  /** A Kinesis-sourced delivery stream reads `stream` and is ACTIVE. */
  | { kind: 'deliveryStreamFrom'; stream: string }
  /** The Lambda mappings of a function: IteratorAge under `maxMs` over the window. */
  | { kind: 'lambdaIteratorAgeBelow'; functionName: string; maxMs: number; seconds: number }
  /** The Lambda mappings of a function sent at least `atLeast` records to their on-failure destination. */
  | { kind: 'onFailureRecordsAtLeast'; functionName: string; atLeast: number; seconds: number }
  /** The run's average cost so far, per simulated day, is under `usdPerDay` (after at least `afterSeconds`). */
  | { kind: 'costPerDayBelow'; usdPerDay: number; afterSeconds: number }
  /** Every polling or KCL consumer of the stream is still there (the fix must not drop a reader). */
  | { kind: 'consumersAtLeast'; stream: string; count: number };

/** What a condition gave at one second. */
export interface ConditionResult {
  met: boolean;
  /** What was measured, e.g. "WriteProvisionedThroughputExceeded: 12 records in the last 300 s (needs 0)". */
  detail: string;
}

/** What the evaluation needs beyond the simulation: when the mission started. */
export interface EvalContext {
  now: number;
  /** Simulated epoch ms when the mission started (objects before it do not count). */
  startedAt: number;
  /** A producer's accepted user records (its own count) `secondsAgo` whole seconds ago, as the tracker sampled it; undefined before the mission saw it. */
  producerSentAgo?(producer: string, secondsAgo: number): number | undefined;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** The condition in words (the goal list). */
export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'noWriteThrottling':
      return `No write throttling on ${c.stream} for ${c.seconds / 60} minutes while it takes at least ${fmt(c.minIncomingPerSecond)} records/s`;
    case 'noReadThrottling':
      return `No read throttling on ${c.stream} for ${c.seconds / 60} minutes`;
    case 'openShardsAtMost':
      return `At most ${c.max} open shards on ${c.stream}`;
    case 'openShardsAtLeast':
      return `At least ${c.min} open shards on ${c.stream}`;
    case 'iteratorAgeBelow':
      return `Iterator age on ${c.stream} under ${fmt(c.maxMs / 1000)} s for ${c.seconds / 60} minutes`;
    case 'efoConsumersAtLeast':
      return `At least ${c.count} enhanced fan-out consumers active on ${c.stream}`;
    case 'producerAcceptedAtLeast':
      return `Producer ${c.producer} gets at least ${fmt(c.perSecond)} records/s accepted for ${c.seconds / 60} minutes`;
    case 'producerKeyStrategy':
      return `Producer ${c.producer} keys records by ${c.oneOf.join(' or ')}`;
    case 'retentionAtLeast':
      return `${c.stream} keeps records at least ${c.hours} hours`;
    case 'streamMode':
      return `${c.stream} runs in ${c.mode} mode`;
    case 'freshnessBelow':
      return `Every object of ${c.deliveryStream} holds data at most ${c.maxSeconds} s old, for ${c.seconds / 60} minutes`;
    case 'objectsUnderPrefix':
      return c.distinctFolders !== undefined
        ? `Objects in ${c.distinctFolders} or more different folders under s3://${c.bucket}/${c.prefix}`
        : `At least ${c.atLeast} new objects under s3://${c.bucket}/${c.prefix}`;
    case 'deliveryStreamFrom':
      return `A Firehose delivery stream reads ${c.stream}`;
    case 'lambdaIteratorAgeBelow':
      return `${c.functionName}'s mapping IteratorAge under ${fmt(c.maxMs / 1000)} s for ${c.seconds / 60} minutes`;
    case 'onFailureRecordsAtLeast':
      return `${c.functionName}'s mapping sends the failing record to its on-failure destination`;
    case 'costPerDayBelow':
      return `The run costs less than $${fmt(c.usdPerDay)} per day`;
    case 'consumersAtLeast':
      return `${c.stream} keeps at least ${c.count} reading applications`;
  }
}

/** Whether `c` holds at `ctx.now` (a whole simulated second). */
export function evaluateCondition(sim: Simulation, c: Condition, ctx: EvalContext): ConditionResult {
  const now = ctx.now;
  const win = (seconds: number) => ({ from: now - seconds * 1000, to: now });
  const elapsed = (now - ctx.startedAt) / 1000;
  const warm = (seconds: number) => elapsed >= seconds;
  switch (c.kind) {
    case 'noWriteThrottling': {
      const w = win(c.seconds);
      const throttled = sim.metrics.kinesis.total({ stream: c.stream, metric: 'WriteProvisionedThroughputExceeded', ...w });
      const incoming = sim.metrics.kinesis.total({ stream: c.stream, metric: 'IncomingRecords', ...w }) / c.seconds;
      const met = warm(c.seconds) && throttled === 0 && incoming >= c.minIncomingPerSecond;
      return { met, detail: `WriteProvisionedThroughputExceeded: ${fmt(throttled)} records in the last ${c.seconds} s (needs 0); IncomingRecords ${fmt(Math.round(incoming))}/s (needs ${fmt(c.minIncomingPerSecond)})` };
    }
    case 'noReadThrottling': {
      const n = sim.metrics.kinesis.total({ stream: c.stream, metric: 'ReadProvisionedThroughputExceeded', ...win(c.seconds) });
      return { met: warm(c.seconds) && n === 0, detail: `ReadProvisionedThroughputExceeded: ${fmt(n)} calls in the last ${c.seconds} s (needs 0)` };
    }
    case 'openShardsAtMost':
    case 'openShardsAtLeast': {
      const open = openShards(sim, c.stream);
      const met = c.kind === 'openShardsAtMost' ? open <= c.max : open >= c.min;
      return { met, detail: `${open} open shards (needs ${c.kind === 'openShardsAtMost' ? `at most ${c.max}` : `at least ${c.min}`})` };
    }
    case 'iteratorAgeBelow': {
      const w = win(c.seconds);
      const age = sim.metrics.kinesis.total({ stream: c.stream, metric: 'GetRecords.IteratorAgeMilliseconds', ...w });
      // Readers must still be reading: a stream nobody reads reports no age at all, which is not "caught up".
      const recent = win(Math.min(10, c.seconds));
      const read = sim.metrics.kinesis.total({ stream: c.stream, metric: 'GetRecords.Records', ...recent }) + sim.metrics.kinesis.total({ stream: c.stream, metric: 'SubscribeToShardEvent.Records', ...recent });
      return { met: warm(c.seconds) && age < c.maxMs && read > 0, detail: `GetRecords.IteratorAgeMilliseconds: at most ${fmt(age)} ms in the last ${c.seconds} s (needs under ${fmt(c.maxMs)}); ${fmt(read)} records read in the last 10 s (needs some)` };
    }
    case 'efoConsumersAtLeast': {
      const n = activeEfo(sim, c.stream);
      return { met: n >= c.count, detail: `${n} ACTIVE registered consumers (needs ${c.count})` };
    }
    case 'producerAcceptedAtLeast': {
      const p = sim.traffic.listProducers().find((x) => x.name === c.producer || x.id === c.producer);
      if (p === undefined) return { met: false, detail: `no producer named ${c.producer}` };
      const before = ctx.producerSentAgo?.(c.producer, c.seconds);
      if (before === undefined) return { met: false, detail: `producer ${c.producer}: measuring (needs ${c.seconds} s)` };
      const rate = (p.counts.sent - before) / c.seconds;
      return { met: rate >= c.perSecond, detail: `producer ${c.producer}: ${fmt(Math.round(rate))} user records/s accepted over the last ${c.seconds} s (needs ${fmt(c.perSecond)})` };
    }
    case 'producerKeyStrategy': {
      const p = sim.traffic.listProducers().find((x) => x.name === c.producer || x.id === c.producer);
      const name = p === undefined ? undefined : String((p.config.keys as { name: string }).name);
      return { met: name !== undefined && c.oneOf.includes(name), detail: p === undefined ? `no producer named ${c.producer}` : `keys by ${name}` };
    }
    case 'retentionAtLeast': {
      const h = describe(sim, c.stream)?.RetentionPeriodHours ?? 0;
      return { met: h >= c.hours, detail: `retention ${h} h (needs at least ${c.hours})` };
    }
    case 'streamMode': {
      const m = describe(sim, c.stream)?.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
      return { met: m === c.mode, detail: `mode ${m}` };
    }
    case 'freshnessBelow': {
      const ring = firehoseMetrics(sim, c.deliveryStream);
      if (ring === undefined) return { met: false, detail: `no delivery stream ${c.deliveryStream}` };
      const w = win(c.seconds);
      const fresh = ring.aggregate('DeliveryToS3.DataFreshness', w.from, w.to);
      const objects = ring.aggregate('DeliveryToS3.Records', w.from, w.to);
      return { met: warm(c.seconds) && objects > 0 && fresh <= c.maxSeconds, detail: `DeliveryToS3.DataFreshness: at most ${fmt(fresh)} s in the last ${c.seconds} s (needs ${c.maxSeconds} or less); ${fmt(objects)} records delivered` };
    }
    case 'objectsUnderPrefix': {
      const keys = listKeys(sim, c.bucket, c.prefix, ctx.startedAt);
      if (c.distinctFolders !== undefined) {
        const folders = new Set(keys.map((k) => k.slice(c.prefix.length).split('/')[0])).size;
        return { met: keys.length >= c.atLeast && folders >= c.distinctFolders, detail: `${keys.length} new objects in ${folders} folders under ${c.prefix} (needs ${c.distinctFolders} folders)` };
      }
      return { met: keys.length >= c.atLeast, detail: `${keys.length} new objects under ${c.prefix} (needs ${c.atLeast})` };
    }
    case 'deliveryStreamFrom': {
      const arn = describe(sim, c.stream)?.StreamARN;
      const names = sim.firehose.listDeliveryStreams({}).DeliveryStreamNames;
      const reading = names.filter((n) => {
        const d = sim.firehose.describeDeliveryStream({ DeliveryStreamName: n }).DeliveryStreamDescription;
        return d.DeliveryStreamStatus === 'ACTIVE' && d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN === arn;
      });
      return { met: arn !== undefined && reading.length > 0, detail: reading.length > 0 ? `${reading.join(', ')} reads ${c.stream}` : `no ACTIVE delivery stream reads ${c.stream}` };
    }
    case 'lambdaIteratorAgeBelow': {
      const w = win(c.seconds);
      const s = sim.metrics.lambdaEsm.series({ functionName: c.functionName, metric: 'IteratorAge', ...w }).values;
      let age = 0, seen = 0;
      for (const v of s) if (!Number.isNaN(v)) (age = Math.max(age, v)), seen++;
      return { met: warm(c.seconds) && seen > 0 && age < c.maxMs, detail: `IteratorAge: at most ${fmt(age)} ms in the last ${c.seconds} s (needs under ${fmt(c.maxMs)})` };
    }
    case 'onFailureRecordsAtLeast': {
      const s = sim.metrics.lambdaEsm.series({ functionName: c.functionName, metric: 'OnFailureDestinationDeliveredEventCount', ...win(c.seconds) }).values;
      let n = 0;
      for (const v of s) if (!Number.isNaN(v)) n += v;
      return { met: n >= c.atLeast, detail: `${fmt(n)} records sent to the on-failure destination in the last ${c.seconds} s (needs ${c.atLeast})` };
    }
    case 'costPerDayBelow': {
      const usd = sim.cost.summary().totalUsd;
      const perDay = elapsed > 0 ? (usd / elapsed) * 86400 : 0;
      return { met: warm(c.afterSeconds) && perDay < c.usdPerDay, detail: `$${perDay.toFixed(2)} per day so far (needs under $${fmt(c.usdPerDay)})` };
    }
    case 'consumersAtLeast': {
      const n = sim.traffic.listConsumers().filter((x) => x.stream === c.stream).length;
      return { met: n >= c.count, detail: `${n} reading applications (needs ${c.count})` };
    }
  }
}

function describe(sim: Simulation, stream: string) {
  try {
    return sim.kinesis.describeStreamSummary({ StreamName: stream }).StreamDescriptionSummary;
  } catch {
    return undefined;
  }
}

function openShards(sim: Simulation, stream: string): number {
  return describe(sim, stream)?.OpenShardCount ?? 0;
}

function activeEfo(sim: Simulation, stream: string): number {
  const arn = describe(sim, stream)?.StreamARN;
  if (arn === undefined) return 0;
  return sim.kinesis.listStreamConsumers({ StreamARN: arn }).Consumers.filter((c) => c.ConsumerStatus === 'ACTIVE').length;
}

function firehoseMetrics(sim: Simulation, name: string) {
  try {
    return sim.firehose.metrics(name);
  } catch {
    return undefined;
  }
}

/** Keys under `prefix` written at or after `since` (one page of up to 1,000 is enough for a goal). */
function listKeys(sim: Simulation, bucket: string, prefix: string, since: number): string[] {
  try {
    const out = sim.s3.listObjectsV2({ Bucket: bucket, Prefix: prefix });
    return (out.Contents ?? []).filter((o) => Number(o.LastModified) >= since).map((o) => o.Key);
  } catch {
    return [];
  }
}
