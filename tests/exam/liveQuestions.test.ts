import { describe, it, expect } from 'vitest';
import { generateLiveQuestion, judgePutRecords, LIVE_QUESTION_TYPES, type LiveQuestion } from '../../src/exam/liveQuestions';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import { runCommand } from '../../src/scenarios/commandRunner';

async function sessionAt(presetId: string, ms: number): Promise<ScenarioSession> {
  const s = new ScenarioSession(presetScenario(presetId)!);
  await s.advance(ms);
  return s;
}

function question(s: ScenarioSession, type: LiveQuestion['type'], seed: number): LiveQuestion {
  const r = generateLiveQuestion(s.sim, type, seed);
  if (!r.ok) throw new Error(r.message);
  return r.question;
}

describe('live questions', () => {
  it('offers the five question types', () => {
    expect(LIVE_QUESTION_TYPES.map((t) => t.type)).toEqual(['shardForKey', 'streamCapacity', 'laggingConsumer', 's3Prefix', 'putRecordsEntry']);
  });

  it('shardForKey: the right option is the shard PutRecord stores the key on', async () => {
    const s = await sessionAt('telemetry-default', 10000);
    for (const seed of [1, 2, 3, 4, 5]) {
      const q = question(s, 'shardForKey', seed);
      expect(q.options).toHaveLength(4);
      const put = s.sim.kinesis.putRecord({ StreamName: 'telemetry-stream', PartitionKey: q.key!, Data: new Uint8Array([1]) });
      expect(q.options[q.answer!]).toBe(put.ShardId);
      expect(q.why).toContain(q.key!);
    }
  });

  it('shardForKey follows a split: after it, the answer is a child shard', async () => {
    const s = await sessionAt('hot-shard-split', 660000);
    const q = question(s, 'shardForKey', 9);
    const open = s.sim.kinesis.listShards({ StreamName: 'customer-activity', ShardFilter: { Type: 'AT_LATEST' } }).Shards!.map((x) => x.ShardId);
    expect(open).toContain(q.options[q.answer!]);
    expect(q.options[q.answer!]).toBe(s.sim.kinesis.putRecord({ StreamName: 'customer-activity', PartitionKey: q.key!, Data: new Uint8Array([1]) }).ShardId);
  });

  it('streamCapacity: open shards x 1,000 records/s, from DescribeStreamSummary', async () => {
    const s = await sessionAt('resharding-kcl', 400000);
    const q = question(s, 'streamCapacity', 1);
    const open = s.sim.kinesis.describeStreamSummary({ StreamName: 'events' }).StreamDescriptionSummary.OpenShardCount;
    expect(open).toBe(4);
    expect(q.options[q.answer!]).toBe('4,000 records/s');
    expect(new Set(q.options).size).toBe(q.options.length);
  });

  it('laggingConsumer: the consumer with the largest iterator age', async () => {
    const s = await sessionAt('slow-consumer-retention', 5000);
    s.apply({ op: 'traffic.addConsumer', args: { type: 'polling', name: 'fast-reader', streamName: 'orders' } });
    await s.advance(120000);
    const q = question(s, 'laggingConsumer', 1);
    expect(q.options[q.answer!]).toBe('slow-etl (reads orders)');
    const ages = s.sim.traffic.listConsumers().map((c) => Number(c.maxIteratorAgeMs));
    expect(ages[0]).toBeGreaterThan(ages[1]);
  });

  it('s3Prefix: a record put now is delivered under the answer', async () => {
    const s = await sessionAt('telemetry-default', 30000);
    const q = question(s, 's3Prefix', 2);
    expect(q.options[q.answer!]).toBe('2026/01/01/00/');
    await s.advance(90000);
    const keys = (s.sim.s3.listObjectsV2({ Bucket: 'telemetry-archive' }).Contents ?? []).map((o) => o.Key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(q.options[q.answer!]))).toBe(true);
  });

  it('putRecordsEntry: judged from the engine\'s own response, success and whole-call failure', async () => {
    const s = await sessionAt('telemetry-default', 10000);
    let sawSuccess = false, sawValidation = false;
    for (let seed = 1; seed <= 12 && !(sawSuccess && sawValidation); seed++) {
      const q = question(s, 'putRecordsEntry', seed);
      expect(q.answer).toBeNull();
      const out = runCommand(s.sim, 'kinesis.putRecords', q.request!);
      const j = judgePutRecords(q, out.ok ? { ok: true, output: out.output } : out);
      expect(j.answer).toBeGreaterThanOrEqual(0);
      if (!out.ok) {
        expect(out.error.type).toBe('ValidationException');
        expect(q.options[j.answer]).toBe('The whole request fails with ValidationException');
        sawValidation = true;
      } else {
        const entry = (out.output as { Records: Array<{ ShardId?: string; ErrorCode?: string }> }).Records[2];
        if (entry.ShardId !== undefined) {
          expect(q.options[j.answer]).toBe(`Success: ShardId ${entry.ShardId} and a sequence number`);
          sawSuccess = true;
        } else expect(q.options[j.answer]).toBe('ErrorCode ProvisionedThroughputExceededException for that entry');
      }
    }
    expect(sawSuccess && sawValidation).toBe(true);
  });

  it('says why a question cannot be asked of this world', async () => {
    const s = await sessionAt('kpl-aggregation', 5000);
    expect(generateLiveQuestion(s.sim, 's3Prefix', 1)).toEqual({ ok: false, message: 'There is no ACTIVE delivery stream to S3 whose prefix depends only on time.' });
    expect(generateLiveQuestion(s.sim, 'laggingConsumer', 1)).toEqual({ ok: false, message: 'This scenario needs at least two consumers for this question.' });
  });
});
