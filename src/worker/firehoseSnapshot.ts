/**
 * Firehose and S3 as the UI shows them: buffer fill against
 * BufferingHints.SizeInMBs, time to the interval flush, the transform, and
 * each bucket's object count and bytes. Pure reads of the engine's state.
 */
import type { Simulation } from '../engine';
import type { BucketSnap, FirehoseSnap } from './protocol';

/** Every live delivery stream. */
export function firehoseSnaps(sim: Simulation): FirehoseSnap[] {
  const now = sim.now();
  const out: FirehoseSnap[] = [];
  for (const s of sim.firehoseContext.streams.values()) {
    if (s.deleted) continue;
    const totals = s.buffers.totals();
    const hints = s.buffers.hints;
    let oldest = Infinity;
    for (const b of s.buffers.partitions.values()) if (b.records > 0 && b.oldest < oldest) oldest = b.oldest;
    const lambda = s.s3.lambda?.Parameters?.find((p) => p.ParameterName === 'LambdaArn')?.ParameterValue;
    out.push({
      name: s.name,
      // Known from creation on, so the graph draws the source edge while the delivery stream is CREATING.
      source: s.source?.streamName ?? s.sourceStreamName ?? '',
      bucket: s.s3.bucket,
      status: s.status,
      bufferFill: hints.sizeBytes > 0 ? totals.bytes / hints.sizeBytes : 0,
      bufferBytes: totals.bytes,
      bufferRecords: totals.records,
      msToFlush: oldest === Infinity ? null : Math.max(0, oldest + hints.intervalMs - now),
      transform: lambda === undefined ? null : (String(lambda).split(':').pop() ?? 'Lambda'),
      deliveredObjects: s.counters.objects,
    });
  }
  return out;
}

/** Every bucket with its object count and bytes (estimated sizes for lazy objects until read). */
export function bucketSnaps(sim: Simulation): BucketSnap[] {
  const out: BucketSnap[] = [];
  for (const b of sim.firehoseContext.s3.buckets.values()) {
    let bytes = 0;
    for (const o of b.objects.values()) bytes += o.size;
    out.push({ name: b.name, objectCount: b.objects.size, bytes });
  }
  return out;
}
