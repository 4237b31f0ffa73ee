import { describe, it, expect } from 'vitest';
import { World } from '../../src/worker/world';

describe('exam host in the worker world', () => {
  it('checks a mission every simulated second of play and passes when the learner\'s fix holds', async () => {
    const w = new World();
    expect(w.openMission('fix-the-partition-key')).toEqual({ ok: true, source: 'preset' });
    expect(w.exam.view()?.status.state).toBe('running');
    await w.advance(60000);
    const before = w.exam.view()!;
    expect(before.status.goals[0].met).toBe(false);
    expect(before.status.offsetMs).toBeGreaterThanOrEqual(60000);
    expect(before.explanation).toBeUndefined();
    // The learner's fix, as the inspector sends it: a scenario command.
    expect(w.session.apply({ op: 'traffic.updateProducer', args: { id: 'producer-1', keys: { name: 'random' } } }).ok).toBe(true);
    await w.advance(310000);
    const after = w.exam.view()!;
    expect(after.status.state).toBe('passed');
    expect(after.status.passedAtMs).toBeGreaterThan(360000);
    expect(after.explanation).toContain('MD5 of the partition key decides the shard');
  });

  it('unlocks hints one at a time, and gives up with the explanation', () => {
    const w = new World();
    w.openMission('split-the-hot-shard');
    expect(w.exam.view()?.hints).toEqual([]);
    expect(w.exam.nextHint()?.hints).toHaveLength(1);
    expect(w.exam.nextHint()?.hints).toHaveLength(2);
    const gave = w.exam.giveUp()!;
    expect(gave.status.state).toBe('gave-up');
    expect(gave.explanation).toContain('SplitShard divides');
  });

  it('opens a mission with its reference solution to watch it work, and refuses an unknown one', async () => {
    const w = new World();
    expect(w.openMission('split-the-hot-shard', true).ok).toBe(true);
    expect(w.toScenario().commands.map((c) => c.op)).toEqual(['kinesis.splitShard']);
    await w.advance(400000);
    expect(w.exam.view()?.status.state).toBe('passed');
    expect(w.openMission('no-such')).toEqual({ ok: false, message: 'There is no mission "no-such".', source: 'preset' });
  });

  it('runs the PutRecords question as a recorded command and judges entry 3 from the engine\'s answer', async () => {
    const w = new World();
    await w.advance(5000);
    const outcomes: Array<[string, number]> = [];
    for (const seed of [1, 2, 3]) {
      const q = w.exam.question(w.sim, 'putRecordsEntry', seed);
      if (!q.ok) throw new Error(q.message);
      const n = w.toScenario().commands.length;
      const j = w.exam.answerPutRecords(w.session, q.question);
      outcomes.push([q.question.options[j.answer], w.toScenario().commands.length - n]);
    }
    // The default scenario's log_level keys keep shardId-000000000001 full, so entry 3 on it is throttled.
    expect(outcomes).toEqual([
      ['The whole request fails with ValidationException', 0],
      ['Success: ShardId shardId-000000000004 and a sequence number', 1],
      ['ErrorCode ProvisionedThroughputExceededException for that entry', 1],
    ]);
  });
});
