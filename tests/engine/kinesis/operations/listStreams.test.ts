import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { fromBase64 } from '../../../../src/engine/core/base64';
import { decodeUtf8 } from '../../../../src/engine/core/utf8';
import { T0, expectAwsError } from './streamFixtures';

function fiveStreams() {
  const sim = createSimulation({ seed: 3 });
  for (const n of ['c', 'a', 'e', 'b', 'd']) sim.kinesis.createStream({ StreamName: n, ShardCount: 1 });
  return sim;
}

describe('listStreams', () => {
  it('lists names in order with a summary of each, CREATING ones included', () => {
    const sim = fiveStreams();
    const out = sim.kinesis.listStreams({});
    expect(out.StreamNames).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(out.HasMoreStreams).toBe(false);
    expect(out.NextToken).toBeUndefined();
    expect(out.StreamSummaries[0]).toEqual({
      StreamName: 'a',
      StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/a',
      StreamStatus: 'CREATING',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      StreamCreationTimestamp: T0,
    });
    sim.advanceSync(10000);
    expect(sim.kinesis.listStreams({}).StreamSummaries.map((x) => x.StreamStatus)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
  });

  it('pages Limit at a time with a NextToken that names the last stream of the page', () => {
    const sim = fiveStreams();
    const p1 = sim.kinesis.listStreams({ Limit: 2 });
    expect([p1.StreamNames, p1.HasMoreStreams]).toEqual([['a', 'b'], true]);
    expect(decodeUtf8(fromBase64(p1.NextToken!)!).startsWith('KLS1|b|')).toBe(true);
    const p2 = sim.kinesis.listStreams({ Limit: 2, NextToken: p1.NextToken });
    expect([p2.StreamNames, p2.HasMoreStreams]).toEqual([['c', 'd'], true]);
    const p3 = sim.kinesis.listStreams({ Limit: 2, NextToken: p2.NextToken });
    expect([p3.StreamNames, p3.HasMoreStreams, p3.NextToken]).toEqual([['e'], false, undefined]);
  });

  it('starts after ExclusiveStartStreamName, which need not exist', () => {
    const sim = fiveStreams();
    expect(sim.kinesis.listStreams({ ExclusiveStartStreamName: 'b' }).StreamNames).toEqual(['c', 'd', 'e']);
    expect(sim.kinesis.listStreams({ ExclusiveStartStreamName: 'bb', Limit: 1 }).StreamNames).toEqual(['c']);
    expect(sim.kinesis.listStreams({ ExclusiveStartStreamName: 'e' })).toEqual({ StreamNames: [], HasMoreStreams: false, StreamSummaries: [] });
  });

  it('returns 100 streams by default', () => {
    const sim = createSimulation({ seed: 3 });
    for (let i = 0; i < 101; i++) {
      sim.kinesis.createStream({ StreamName: `s${String(i).padStart(3, '0')}`, ShardCount: 1 });
      if (i % 5 === 4) sim.advanceSync(10000); // at most 5 streams CREATING at once
    }
    const out = sim.kinesis.listStreams({});
    expect(out.StreamNames.length).toBe(100);
    expect(out.StreamNames[99]).toBe('s099');
    expect(out.HasMoreStreams).toBe(true);
    expect(sim.kinesis.listStreams({ NextToken: out.NextToken }).StreamNames).toEqual(['s100']);
  });

  it('leaves out deleted streams', () => {
    const sim = fiveStreams();
    sim.advanceSync(10000);
    sim.kinesis.deleteStream({ StreamName: 'b' });
    expect(sim.kinesis.listStreams({}).StreamSummaries.find((x) => x.StreamName === 'b')!.StreamStatus).toBe('DELETING');
    sim.advanceSync(5000);
    expect(sim.kinesis.listStreams({}).StreamNames).toEqual(['a', 'c', 'd', 'e']);
  });

  it('refuses a foreign or tampered NextToken and a Limit out of 1..10000', () => {
    const sim = fiveStreams();
    const token = sim.kinesis.listStreams({ Limit: 1 }).NextToken!;
    const other = createSimulation({ seed: 4 });
    expectAwsError(() => other.kinesis.listStreams({ NextToken: token }), 'InvalidArgumentException', `Invalid NextToken: ${token}`);
    expectAwsError(() => sim.kinesis.listStreams({ NextToken: 'abc' }), 'InvalidArgumentException', 'Invalid NextToken: abc');
    expectAwsError(
      () => sim.kinesis.listStreams({ Limit: 0 }),
      'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expectAwsError(
      () => sim.kinesis.listStreams({ Limit: 10001 }),
      'ValidationException',
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });

  it('gives timestamps in epoch seconds on the wire', () => {
    const sim = fiveStreams();
    const res = sim.handleAwsJson('Kinesis_20131202.ListStreams', '{"Limit":1}');
    const body = JSON.parse(res.body);
    expect(body.StreamNames).toEqual(['a']);
    expect(body.StreamSummaries[0].StreamCreationTimestamp).toBe(T0 / 1000);
    expect(body.HasMoreStreams).toBe(true);
  });
});
