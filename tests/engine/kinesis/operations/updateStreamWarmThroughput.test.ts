/**
 * UpdateStreamWarmThroughput [KDS API reference; service-sizes-and-limits]:
 * on-demand streams only, UPDATING while it scales, WarmThroughput in
 * DescribeStreamSummary, at most the Region's on-demand write ceiling, and a
 * same-or-lower value releases excess capacity. Driven through the SDK.
 */
import { describe, it, expect } from 'vitest';
import {
  KinesisClient,
  CreateStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  UpdateStreamWarmThroughputCommand,
  LimitExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-kinesis';
import { createSimulation, type Simulation } from '../../../../src/engine';
import { simRequestHandler, sdkTestConfig, type SimHandlerLog } from '../sdkHandler';

function setup(region?: string): { sim: Simulation; client: KinesisClient } {
  const sim = createSimulation({ seed: 9, ...(region !== undefined ? { region } : {}) });
  const log: SimHandlerLog = { targets: [] };
  const client = new KinesisClient({ ...sdkTestConfig, ...(region !== undefined ? { region } : {}), requestHandler: simRequestHandler(sim, log) });
  return { sim, client };
}

async function onDemand(sim: Simulation, client: KinesisClient, extra: { WarmThroughputMiBps?: number } = {}) {
  await client.send(new CreateStreamCommand({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, ...extra }));
  await sim.advance(10000);
}

const summary = async (client: KinesisClient) => (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'od' }))).StreamDescriptionSummary!;

describe('UpdateStreamWarmThroughput', () => {
  it('scales an on-demand stream to the asked capacity while UPDATING, then ACTIVE with WarmThroughput in DescribeStreamSummary', async () => {
    const { sim, client } = setup();
    await onDemand(sim, client);
    // No warm throughput set: DescribeStreamSummary carries none.
    expect((await summary(client)).WarmThroughput).toBeUndefined();
    const out = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: 50 }));
    expect({ StreamARN: out.StreamARN, StreamName: out.StreamName, WarmThroughput: out.WarmThroughput }).toEqual({
      StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/od',
      StreamName: 'od',
      WarmThroughput: { TargetMiBps: 50, CurrentMiBps: 4 },
    });
    const during = await summary(client);
    expect([during.StreamStatus, during.OpenShardCount, during.WarmThroughput]).toEqual(['UPDATING', 4, { TargetMiBps: 50, CurrentMiBps: 4 }]);
    // A second call while UPDATING is refused, as every control-plane change is.
    const again = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: 60 })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ResourceInUseException);
    await sim.advance(10000);
    const after = await summary(client);
    expect([after.StreamStatus, after.OpenShardCount, after.WarmThroughput]).toEqual(['ACTIVE', 50, { TargetMiBps: 50, CurrentMiBps: 50 }]);
    // DescribeStream has no WarmThroughput member in AWS's model.
    expect('WarmThroughput' in (await client.send(new DescribeStreamCommand({ StreamName: 'od' }))).StreamDescription!).toBe(false);
  });

  it('releases excess capacity when set again to a lower value', async () => {
    const { sim, client } = setup();
    await onDemand(sim, client, { WarmThroughputMiBps: 20 });
    expect([(await summary(client)).OpenShardCount, (await summary(client)).WarmThroughput]).toEqual([20, { TargetMiBps: 20, CurrentMiBps: 20 }]);
    await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: 6 }));
    await sim.advance(10000);
    expect([(await summary(client)).OpenShardCount, (await summary(client)).WarmThroughput]).toEqual([6, { TargetMiBps: 6, CurrentMiBps: 6 }]);
    // Never below the 4 MiB/s a new on-demand stream has.
    await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: 0 }));
    await sim.advance(10000);
    expect((await summary(client)).OpenShardCount).toBe(4);
  });

  it('feeds the scaling model: warm capacity holds under light traffic, and traffic above half of it grows the stream', async () => {
    const { sim, client } = setup();
    await onDemand(sim, client, { WarmThroughputMiBps: 8 });
    // 6 MiB/s, evenly: twice the peak asks for 12 MiB/s, above the 8 warmed.
    sim.traffic.addProducer({ streamName: 'od', rate: { kind: 'constant', recordsPerSecond: 768 }, keys: { name: 'random' }, record: { sizeBytes: 8192 - 40 }, mode: 'bulk', maxRetries: 0 });
    await sim.advance(10 * 60000);
    expect((await summary(client)).OpenShardCount).toBe(12);
  });

  it('refuses a provisioned stream with ValidationException, a missing one with ResourceNotFoundException', async () => {
    const { sim, client } = setup();
    await client.send(new CreateStreamCommand({ StreamName: 'prov', ShardCount: 1 }));
    await sim.advance(10000);
    const e = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'prov', WarmThroughputMiBps: 10 })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationException);
    expect((e as Error).message).toBe('Stream prov under account 123456789012 is in PROVISIONED capacity mode. UpdateStreamWarmThroughput is only supported for data streams with the on-demand capacity mode.');
    const missing = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'nope', WarmThroughputMiBps: 10 })).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it("refuses more than the Region's on-demand write ceiling: 10,000 MiB/s in us-east-1, 200 MiB/s in eu-central-1", async () => {
    for (const [region, max] of [['us-east-1', 10000], ['eu-central-1', 200]] as const) {
      const { sim, client } = setup(region);
      await onDemand(sim, client);
      const e = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: max + 1 })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(LimitExceededException);
      expect((e as Error).message).toBe(`WarmThroughputMiBps ${max + 1} for stream od under account 123456789012 exceeds the on-demand write throughput limit of ${max} MiBps for this Region.`);
    }
  });

  it('refuses a negative or missing WarmThroughputMiBps with ValidationException', async () => {
    const { sim, client } = setup();
    await onDemand(sim, client);
    const neg = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: -1 })).catch((x: unknown) => x);
    expect(neg).toBeInstanceOf(ValidationException);
    expect(() => sim.kinesis.updateStreamWarmThroughput({ StreamName: 'od' } as never)).toThrow(expect.objectContaining({ name: 'ValidationException' }));
  });
});
