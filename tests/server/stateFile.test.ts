/**
 * `--state FILE`: the run saved as a scenario and restored by replaying it,
 * records included, at the moment it was saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { readState, writeState } from '../../src/server/stateFile';
import { startServer, type Running } from './serverFixture';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function readAll(kinesis: KinesisClient): Promise<Array<[string, string, string]>> {
  const it0 = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'kept', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
  const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: it0.ShardIterator! }));
  return got.Records!.map((r) => [r.PartitionKey!, new TextDecoder().decode(r.Data), r.SequenceNumber!]);
}

describe('--state', () => {
  it('saves the streams and records clients made and restores them at the saved moment', async () => {
    const file = tempFile();
    let s: Running = await startServer({ recordData: true });
    let kinesis = new KinesisClient(s.config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'kept', ShardCount: 1 }));
    await s.host.advance(60_000);
    const enc = new TextEncoder();
    await kinesis.send(new PutRecordsCommand({ StreamName: 'kept', Records: [{ Data: enc.encode('alpha'), PartitionKey: 'k1' }, { Data: enc.encode('beta'), PartitionKey: 'k2' }] }));
    await s.host.advance(2500);
    const before = await readAll(kinesis);
    expect(before.map(([k, d]) => [k, d])).toEqual([['k1', 'alpha'], ['k2', 'beta']]);
    const saved = await s.host.state();
    expect(saved.offsetMs).toBe(62_500);
    expect(saved.scenario.commands.map((c) => [c.at, c.op])).toEqual([
      [0, 'kinesis.createStream'],
      [60_000, 'kinesis.putRecords'],
    ]);
    writeState(file, saved);
    kinesis.destroy();
    await s.stop();

    const restored = readState(file)!;
    expect(restored.offsetMs).toBe(62_500);
    s = await startServer({ scenario: restored.scenario, offsetMs: restored.offsetMs });
    kinesis = new KinesisClient(s.config);
    // The same records, with the same sequence numbers: the replay is the same run.
    expect(await readAll(kinesis)).toEqual(before);
    expect((await s.host.state()).offsetMs).toBe(62_500);
    kinesis.destroy();
    await s.stop();
  });

  it('records only control-plane changes unless record writes are asked for', async () => {
    const s = await startServer();
    const kinesis = new KinesisClient(s.config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'kept', ShardCount: 1 }));
    await s.host.advance(60_000);
    await kinesis.send(new PutRecordsCommand({ StreamName: 'kept', Records: [{ Data: new Uint8Array([1]), PartitionKey: 'k' }] }));
    expect((await s.host.state()).scenario.commands.map((c) => c.op)).toEqual(['kinesis.createStream']);
    kinesis.destroy();
    await s.stop();
  });

  it('has no state for a file that does not exist yet, and refuses a file that is not a state', () => {
    const file = tempFile();
    expect(readState(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ format: 'something-else' }));
    expect(() => readState(file)).toThrow(`${file} is not a kinesis-simulator state file.`);
    writeFileSync(file, JSON.stringify({ format: 'kinesis-simulator-state', version: 1, offsetMs: 5, scenario: { version: 1 } }));
    expect(() => readState(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
    expect(readFileSync(file, 'utf8')).toContain('kinesis-simulator-state');
  });
});
