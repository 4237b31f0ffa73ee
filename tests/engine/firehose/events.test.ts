import { describe, it, expect } from 'vitest';
import { simWithStream, T0 } from './helpers';
import { BUFFER_FILL } from '../../../src/engine/metrics/metricsService';

const MiB = 1048576;

describe('Firehose events', () => {
  it('reports the delivery stream ACTIVE, each flush at the fill it reached, and each object written', async () => {
    const sim = simWithStream('s', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    expect(sim.core.events.drain().filter((e) => e.type === 'deliveryStreamStatus')).toEqual([{ type: 'deliveryStreamStatus', time: T0, deliveryStream: 's', status: 'ACTIVE' }]);
    const rec = new Uint8Array(600 * 1024);
    sim.firehose.putRecordBatch({ DeliveryStreamName: 's', Records: [{ Data: rec }, { Data: rec }, { Data: rec }] });
    // The size flush: two records (1,228,800 bytes) went out; the third stays.
    const [flushed, delivered] = sim.core.events.drain();
    expect(flushed).toEqual({ type: 'bufferFlushed', time: T0, deliveryStream: 's', partition: flushed.type === 'bufferFlushed' ? flushed.partition : '', records: 2, bytes: 1228800, fill: 1228800 / MiB, fillAfter: 0 });
    expect(delivered).toMatchObject({ type: 'objectDelivered', time: T0, deliveryStream: 's', bucket: 'bucket', records: 2, bytes: 1228800, target: 'data' });
    // The interval flush of the third, 60 s after its buffer opened.
    await sim.advance(60_000);
    const later = sim.core.events.drain().filter((e) => e.type === 'bufferFlushed');
    expect(later.map((e) => e.type === 'bufferFlushed' && [e.time - T0, e.records, e.fill])).toEqual([[60_000, 1, (600 * 1024) / MiB]]);
  });

  it('samples the buffer fill at the end of every second, beside the flushes', async () => {
    const sim = simWithStream('s', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.firehose.putRecord({ DeliveryStreamName: 's', Record: { Data: new Uint8Array(MiB / 4) } });
    await sim.advance(2000);
    sim.firehose.putRecord({ DeliveryStreamName: 's', Record: { Data: new Uint8Array(MiB / 4) } });
    await sim.advance(1000);
    // Seconds [T0, T0+1s), [T0+1s, T0+2s), [T0+2s, T0+3s): a quarter, a quarter, then a half.
    expect(Array.from(sim.firehose.metrics('s').series1s(BUFFER_FILL, T0, T0 + 3000))).toEqual([0.25, 0.25, 0.5]);
  });
});
