/**
 * Firehose as the inspector and the graph show it: a delivery stream's
 * editable settings (read back from DescribeDeliveryStream, so the form shows
 * what AWS would answer) and each live stream's buffer fill against
 * BufferingHints.SizeInMBs with the time to the interval flush. Pure reads.
 */
import { BUILTIN_DESCRIPTIONS } from '../lambda/builtins';
import type { InspectSources } from './sources';
import type { FirehoseDetail, FirehoseSnap } from './types';

type Obj = Record<string, unknown>;

/** A delivery stream's editable settings. */
export function firehoseDetail(sim: InspectSources, name: string): FirehoseDetail {
  const d = sim.firehose.describeDeliveryStream({ DeliveryStreamName: name }).DeliveryStreamDescription as unknown as Obj;
  const dest = ((d.Destinations as Obj[]) ?? [])[0] ?? {};
  const s3 = (dest.ExtendedS3DestinationDescription ?? dest.S3DestinationDescription ?? {}) as Obj;
  const hints = (s3.BufferingHints ?? {}) as Obj;
  const proc = (s3.ProcessingConfiguration ?? {}) as { Enabled?: boolean; Processors?: Array<{ Type?: string; Parameters?: Array<{ ParameterName: string; ParameterValue: string }> }> };
  const lambda = proc.Enabled === false ? undefined : proc.Processors?.find((p) => p.Type === 'Lambda');
  const arn = lambda?.Parameters?.find((p) => p.ParameterName === 'LambdaArn')?.ParameterValue;
  const existing = (sim.lambda.listFunctions({}).Functions ?? []).map((f) => ({ name: f.FunctionName, description: f.Description ?? '', exists: true }));
  const names = new Set(existing.map((f) => f.name));
  const builtins = Object.entries(BUILTIN_DESCRIPTIONS).map(([n, description]) => ({ name: n, description, exists: names.has(n) }));
  const functions = [...builtins, ...existing.filter((f) => !Object.prototype.hasOwnProperty.call(BUILTIN_DESCRIPTIONS, f.name))];
  return {
    name,
    status: String(d.DeliveryStreamStatus),
    versionId: String(d.VersionId),
    destinationId: String(dest.DestinationId ?? 'destinationId-000000000001'),
    // AWS's defaults when BufferingHints are absent: 5 MiB, 300 s [BC-F BufferingHints].
    sizeInMBs: Number(hints.SizeInMBs ?? 5),
    intervalInSeconds: Number(hints.IntervalInSeconds ?? 300),
    prefix: String(s3.Prefix ?? ''),
    errorOutputPrefix: String(s3.ErrorOutputPrefix ?? ''),
    compression: String(s3.CompressionFormat ?? 'UNCOMPRESSED'),
    transform: arn === undefined ? null : (arn.split(':function:')[1]?.split(':')[0] ?? arn),
    dynamicPartitioning: (s3.DynamicPartitioningConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true,
    functions,
  };
}

/** Every live delivery stream's buffer and deliveries. */
export function firehoseSnaps(sim: InspectSources): FirehoseSnap[] {
  const now = sim.core.now();
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
