import { createSimulation, type Simulation, type SimulationOptions } from '../../../src/engine/simulation';
import { DEFAULT_START_TIME } from '../../../src/engine/core/simCore';
import type { ExtendedS3DestinationConfiguration } from '../../../src/engine/firehose/types';
import { encodeUtf8, decodeUtf8 } from '../../../src/engine/core/utf8';

export const T0 = DEFAULT_START_TIME; // 2026-01-01T00:00:00Z
export const ROLE = 'arn:aws:iam::123456789012:role/firehose';
export const utf8 = encodeUtf8;
export const text = decodeUtf8;

/** A simulation whose delivery stream `name` turns ACTIVE exactly at 2026-01-01T00:00:00Z. */
export function simWithStream(name: string, dest: Partial<ExtendedS3DestinationConfiguration> = {}, opts: SimulationOptions = {}, bucket = 'bucket'): Simulation {
  const sim = createSimulation({ seed: 7, startTime: T0 - 5000, ...opts });
  sim.s3.createBucket({ Bucket: bucket });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: name,
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, ...dest },
  });
  sim.advanceSync(5000);
  return sim;
}

/** simWithStream for streams whose creation loads something lazily (format conversion loads the Parquet writer). */
export async function simWithStreamAsync(name: string, dest: Partial<ExtendedS3DestinationConfiguration> = {}, opts: SimulationOptions = {}, bucket = 'bucket'): Promise<Simulation> {
  const sim = createSimulation({ seed: 7, startTime: T0 - 5000, ...opts });
  sim.s3.createBucket({ Bucket: bucket });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: name,
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, ...dest },
  });
  await sim.advance(5000);
  return sim;
}

/** Every key in a bucket. */
export function keys(sim: Simulation, bucket = 'bucket'): string[] {
  return (sim.s3.listObjectsV2({ Bucket: bucket }).Contents ?? []).map((c) => c.Key);
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
