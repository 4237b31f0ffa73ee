import { describe, it, expect } from 'vitest';
import { CostMeter, ingestionUsd, putPayloadUnits, roundedBytes } from '../../../src/engine/cost/costMeter';
import { simWithStream } from '../firehose/helpers';

describe('costMeter', () => {
  it('rounds each Firehose record up to 5 KB: 3 KB bills as 5, 12 KB as 15', () => {
    expect(roundedBytes(1, 3 * 1024, 5 * 1024)).toBe(5 * 1024);
    expect(roundedBytes(1, 12 * 1024, 5 * 1024)).toBe(15 * 1024);
    expect(roundedBytes(1000, 1, 5 * 1024)).toBe(1000 * 5 * 1024);
  });

  it('counts Kinesis PUT payload units in 25 KB chunks: 5 KB = 1, 45 KB = 2, 1 MB = 40', () => {
    expect(putPayloadUnits(1, 5 * 1024)).toBe(1);
    expect(putPayloadUnits(1, 45 * 1024)).toBe(2);
    expect(putPayloadUnits(1, 1000 * 1024)).toBe(40);
  });

  it('prices ingestion by tier: 1 TiB is 500 TiB-tier only at $0.029/GB', () => {
    expect(ingestionUsd(1024)).toBeCloseTo(29.696, 6);
    expect(ingestionUsd(600 * 1024)).toBeCloseTo(500 * 1024 * 0.029 + 100 * 1024 * 0.025, 6);
  });

  it('totals a month of a 2-shard stream and 1 million 1 KB Firehose records', () => {
    const m = new CostMeter();
    m.addShardHours(2 * 720);
    m.addKinesisPuts(1e6, 1024);
    m.addFirehoseRecords(1e6, 1024);
    const b = m.breakdown();
    expect(b.kinesisShardHoursUsd).toBeCloseTo(21.6, 9);
    expect(b.kinesisPutUnitsUsd).toBeCloseTo(0.014, 9);
    // 1e6 x 5 KiB = 4.768 GiB x $0.029.
    expect(b.firehoseIngestionUsd).toBeCloseTo((1e6 * 5120 / 1073741824) * 0.029, 9);
  });

  it('meters what a delivery stream ingests with 5 KB rounding', () => {
    const sim = simWithStream('c');
    sim.firehose.putRecordBatch({ DeliveryStreamName: 'c', Records: [{ Data: new Uint8Array(3 * 1024) }, { Data: new Uint8Array(12 * 1024) }] });
    expect(sim.firehose.accounting('c').cost.firehoseBilledBytes).toBe(20 * 1024);
  });
});
