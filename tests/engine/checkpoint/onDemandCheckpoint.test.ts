import { describe, expect, it } from 'vitest';
import { createSimulation, takeCheckpoint, restoreCheckpoint, type Simulation } from '../../../src/engine';
import { canonical } from './canonical';

const OPTS = { seed: 'on-demand-checkpoint', startTime: 1767225600000 };

/**
 * An ON_DEMAND stream taking 2,500 records/s from 20 s to 140 s (the 120 s sample sees the peak and
 * schedules a resize to 5 shards for 420 s) and a StartStreamEncryption at 400 s (applied at 410 s).
 */
async function drive(sim: Simulation, toOffsetMs: number): Promise<void> {
  while (sim.now() - OPTS.startTime < toOffsetMs) {
    const t = sim.now() - OPTS.startTime;
    if (t === 0) sim.kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    if (t >= 20_000 && t < 140_000) {
      for (let c = 0; c < 5; c++) {
        const Records = Array.from({ length: 500 }, () => ({ PartitionKey: `k${sim.core.random.int(100000)}`, Data: new Uint8Array(10) }));
        sim.kinesis.putRecords({ StreamName: 'od', Records });
      }
    }
    if (t === 400_000) sim.kinesis.startStreamEncryption({ StreamName: 'od', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
    await sim.advance(1000);
  }
}

const state = (sim: Simulation) => canonical(sim).join('\n');
const summary = (sim: Simulation) => {
  const d = sim.kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary;
  return [d.OpenShardCount, d.EncryptionType, d.StreamStatus];
};

describe('checkpoints of on-demand scaling and encryption changes (issue 10 state on data events)', () => {
  it('restores a pending on-demand resize and encryption change into a world built without the stream', async () => {
    const a = createSimulation(OPTS);
    await drive(a, 405_000);
    expect(summary(a)).toEqual([4, 'NONE', 'UPDATING']);
    const cp = takeCheckpoint(a);
    await drive(a, 480_000);
    expect(summary(a)).toEqual([5, 'KMS', 'ACTIVE']);
    // The fresh world never created the stream: the handlers exist because the service registers them at creation.
    const b = createSimulation(OPTS);
    restoreCheckpoint(b, cp);
    await drive(b, 480_000);
    expect(summary(b)).toEqual([5, 'KMS', 'ACTIVE']);
    expect(state(b)).toBe(state(a));
  });
});
