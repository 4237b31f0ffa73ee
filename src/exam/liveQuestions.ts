/**
 * Questions generated from the live simulation and checked against it, so
 * they never go stale: the answer is computed from engine state at the
 * moment the question is asked (or, for "what will this PutRecords return",
 * by sending the request and reading the engine's answer). Nothing here
 * changes the simulation; the PutRecords question is run by the caller as a
 * recorded scenario command.
 */
import { createRandom, partitionKeyToHashKey, type Simulation, compilePrefix, evaluatePrefix, toBase64, encodeUtf8 } from '../engine';

export type LiveQuestionType = 'shardForKey' | 'streamCapacity' | 'laggingConsumer' | 's3Prefix' | 'putRecordsEntry';

/** The view that shows why (the UI highlights its tab). */
export type ExplainView = 'hashline' | 'charts' | 's3' | 'events' | 'limits';

export const LIVE_QUESTION_TYPES: ReadonlyArray<{ type: LiveQuestionType; label: string }> = [
  { type: 'shardForKey', label: 'Which shard does this key land on?' },
  { type: 'streamCapacity', label: 'How many records/s can this stream take?' },
  { type: 'laggingConsumer', label: 'Which consumer is falling behind?' },
  { type: 's3Prefix', label: 'In which S3 prefix will a record land?' },
  { type: 'putRecordsEntry', label: 'What will PutRecords return for entry 3?' },
];

export interface LiveQuestion {
  type: LiveQuestionType;
  prompt: string;
  options: string[];
  /** Index of the right option; null when the answer is found by running `request`. */
  answer: number | null;
  why: string;
  view: ExplainView;
  /** The PutRecords request to send (putRecordsEntry only). */
  request?: { StreamName: string; Records: Array<{ Data: string; PartitionKey: string }> };
  /** For the hash line: the key to place. */
  key?: string;
}

export type LiveQuestionResult = { ok: true; question: LiveQuestion } | { ok: false; message: string };

const fmt = (n: number) => n.toLocaleString('en-US');

/** A question of `type` about the world as it is now; `seed` picks keys and distractors deterministically. */
export function generateLiveQuestion(sim: Simulation, type: LiveQuestionType, seed: number): LiveQuestionResult {
  const rnd = createRandom(`live-question:${type}:${seed}`);
  const streams = sim.kinesis.listStreams({}).StreamNames.filter((n) => sim.kinesis.describeStreamSummary({ StreamName: n }).StreamDescriptionSummary.StreamStatus === 'ACTIVE');
  switch (type) {
    case 'shardForKey': {
      if (streams.length === 0) return { ok: false, message: 'There is no ACTIVE stream to ask about.' };
      const stream = streams[rnd.int(streams.length)];
      const shards = openShards(sim, stream);
      const key = `device-${String(rnd.int(1000)).padStart(3, '0')}`;
      const hash = partitionKeyToHashKey(key);
      const right = shards.find((s) => hash >= BigInt(s.HashKeyRange.StartingHashKey) && hash <= BigInt(s.HashKeyRange.EndingHashKey))!;
      const others = shuffle(shards.filter((s) => s !== right), rnd).slice(0, 3);
      const opts = shuffle([right, ...others], rnd);
      return {
        ok: true,
        question: {
          type, key, view: 'hashline',
          prompt: `Which open shard of ${stream} does a record with partition key "${key}" land on?`,
          options: opts.map((s) => s.ShardId),
          answer: opts.indexOf(right),
          why: `MD5("${key}") read as a 128-bit number is ${hash.toString()}, which lies in ${right.ShardId}'s hash key range ${right.HashKeyRange.StartingHashKey} to ${right.HashKeyRange.EndingHashKey}.`,
        },
      };
    }
    case 'streamCapacity': {
      const provisioned = streams.filter((n) => (sim.kinesis.describeStreamSummary({ StreamName: n }).StreamDescriptionSummary.StreamModeDetails?.StreamMode ?? 'PROVISIONED') === 'PROVISIONED');
      if (provisioned.length === 0) return { ok: false, message: 'There is no ACTIVE provisioned stream to ask about.' };
      const stream = provisioned[rnd.int(provisioned.length)];
      const n = openShards(sim, stream).length;
      const values = [n * 1000, n * 2000, n * 500, 1000 * Math.max(1, n - 1)];
      const uniq = [...new Set(values)];
      const opts = shuffle(uniq, rnd);
      return {
        ok: true,
        question: {
          type, view: 'limits',
          prompt: `${stream} has ${n} open shards. How many records per second can it take for writes, at most?`,
          options: opts.map((v) => `${fmt(v)} records/s`),
          answer: opts.indexOf(n * 1000),
          why: `Each open shard takes 1,000 records/s (and 1 MiB/s): ${n} x 1,000 = ${fmt(n * 1000)} records/s, if the keys spread evenly. Closed parent shards take no writes.`,
        },
      };
    }
    case 'laggingConsumer': {
      const consumers = sim.traffic.listConsumers().map((c) => ({ name: consumerName(sim, c.id), age: Number(c.maxIteratorAgeMs ?? 0), stream: String(c.stream ?? '') }));
      if (consumers.length < 2) return { ok: false, message: 'This scenario needs at least two consumers for this question.' };
      const worst = consumers.reduce((a, b) => (b.age > a.age ? b : a));
      const opts = shuffle(consumers.slice(0, 4).includes(worst) ? consumers.slice(0, 4) : [worst, ...consumers.slice(0, 3)], rnd);
      return {
        ok: true,
        question: {
          type, view: 'charts',
          prompt: 'Which consumer is furthest behind the tip of its stream right now?',
          options: opts.map((c) => `${c.name} (reads ${c.stream})`),
          answer: opts.indexOf(worst),
          why: `${worst.name}'s iterator age is ${fmt(Math.round(worst.age))} ms, the largest: ${consumers.map((c) => `${c.name} ${fmt(Math.round(c.age))} ms`).join(', ')} (GetRecords.IteratorAgeMilliseconds, per consumer).`,
        },
      };
    }
    case 's3Prefix': {
      const now = sim.now();
      for (const name of sim.firehose.listDeliveryStreams({}).DeliveryStreamNames) {
        const d = sim.firehose.describeDeliveryStream({ DeliveryStreamName: name }).DeliveryStreamDescription;
        const s3 = d.Destinations?.[0]?.ExtendedS3DestinationDescription as { Prefix?: string; ErrorOutputPrefix?: string; CustomTimeZone?: string; BucketARN: string } | undefined;
        if (d.DeliveryStreamStatus !== 'ACTIVE' || s3 === undefined) continue;
        const text = s3.Prefix ?? '';
        if (/partitionKeyFrom|random-string/.test(text) || (s3.CustomTimeZone !== undefined && s3.CustomTimeZone !== 'UTC')) continue;
        const compiled = compilePrefix(text, 'Prefix');
        const at = (t: number) => evaluatePrefix(compiled, { timestamp: t, offsetMinutes: 0, random: rnd }) ?? '';
        const right = at(now);
        const wrong = [at(now - 3600000), at(now + 86400000), `${(s3.ErrorOutputPrefix ?? 'processing-failed/').replace(/!\{[^}]*\}/g, 'processing-failed')}`, name + '/'];
        const opts = shuffle([right, ...[...new Set(wrong)].filter((w) => w !== right).slice(0, 3)], rnd);
        return {
          ok: true,
          question: {
            type, view: 's3',
            prompt: `A record reaches ${name} now (${new Date(now).toISOString()}) and its transform succeeds. Under which prefix of s3://${s3.BucketARN.replace('arn:aws:s3:::', '')}/ will it be delivered?`,
            options: opts,
            answer: opts.indexOf(right),
            why: text === ''
              ? `With no Prefix, Firehose uses the UTC arrival time as yyyy/MM/dd/HH/: ${right}.`
              : `The Prefix ${text} is evaluated with the arrival time of the oldest record in the object (UTC): ${right}.`,
          },
        };
      }
      return { ok: false, message: 'There is no ACTIVE delivery stream to S3 whose prefix depends only on time.' };
    }
    case 'putRecordsEntry': {
      if (streams.length === 0) return { ok: false, message: 'There is no ACTIVE stream to ask about.' };
      const stream = streams[rnd.int(streams.length)];
      const shards = openShards(sim, stream);
      const tooLong = rnd.int(4) === 0;
      const keys = [0, 1, 2, 3, 4].map(() => `order-${String(rnd.int(100000)).padStart(5, '0')}`);
      if (tooLong) keys[2] = 'k'.repeat(257);
      const target = tooLong ? undefined : shards.find((s) => inRange(partitionKeyToHashKey(keys[2]), s));
      const other = shuffle(shards.filter((s) => s !== target), rnd).slice(0, target === undefined ? 2 : 1);
      const shardOpts = shuffle([...(target ? [target] : []), ...other], rnd).map((s) => `Success: ShardId ${s.ShardId} and a sequence number`);
      const options = [...shardOpts, 'ErrorCode ProvisionedThroughputExceededException for that entry', 'The whole request fails with ValidationException'];
      return {
        ok: true,
        question: {
          type, view: 'events', answer: null,
          prompt: `This PutRecords call goes to ${stream} now, with 5 entries. Entry 3's partition key is ${tooLong ? 'a 257-character string' : `"${keys[2]}"`}. What does the response say for entry 3?`,
          options,
          why: '',
          request: { StreamName: stream, Records: keys.map((k, i) => ({ PartitionKey: k, Data: toBase64(encodeUtf8(`{"entry":${i + 1}}`)) })) },
        },
      };
    }
  }
}

/** After the PutRecords ran: the right option for entry 3 and why, from the engine's own answer. */
export function judgePutRecords(q: LiveQuestion, outcome: { ok: true; output: unknown } | { ok: false; error: { type: string; message: string } }): { answer: number; why: string } {
  if (!outcome.ok) {
    return { answer: q.options.length - 1, why: `The engine refused the whole request: ${outcome.error.type}: ${outcome.error.message} A partition key is 1 to 256 Unicode characters; one bad entry fails the whole PutRecords call.` };
  }
  const entry = (outcome.output as { Records?: Array<{ ShardId?: string; ErrorCode?: string; ErrorMessage?: string }> }).Records?.[2];
  if (entry?.ErrorCode !== undefined) {
    return { answer: q.options.length - 2, why: `Entry 3 came back with ErrorCode ${entry.ErrorCode} (${entry.ErrorMessage ?? ''}): its shard was already past 1,000 records/s or 1 MiB/s this second. PutRecords is not atomic; the other entries are judged on their own.` };
  }
  const i = q.options.findIndex((o) => entry?.ShardId !== undefined && o.includes(entry.ShardId));
  return { answer: i, why: `Entry 3 was stored on ${entry?.ShardId ?? '?'}: MD5 of its partition key falls in that shard's hash key range, and the shard had room this second.` };
}

/** A consumer's name as the graph shows it (its spec's name, or its id). */
function consumerName(sim: Simulation, id: string): string {
  const c = sim.traffic.getConsumer(id) as { spec?: { name?: string }; input?: { FunctionName?: string } } | undefined;
  return c?.spec?.name ?? c?.input?.FunctionName ?? id;
}

type ShardLike = { ShardId: string; HashKeyRange: { StartingHashKey: string; EndingHashKey: string } };

function openShards(sim: Simulation, stream: string): ShardLike[] {
  return sim.kinesis.listShards({ StreamName: stream, ShardFilter: { Type: 'AT_LATEST' } }).Shards ?? [];
}

function inRange(hash: bigint, s: ShardLike): boolean {
  return hash >= BigInt(s.HashKeyRange.StartingHashKey) && hash <= BigInt(s.HashKeyRange.EndingHashKey);
}

function shuffle<T>(xs: readonly T[], rnd: { int(n: number): number }): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
