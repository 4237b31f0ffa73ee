/**
 * On-demand reads for the inspector and panels: a delivery stream's
 * settings (from DescribeDeliveryStream), a consumer's settings and KCL
 * leases, the hot-shard report, the cost meter and the delivered-prefix
 * tree. Pure reads of the simulation: nothing here changes its state.
 */
import type { Simulation } from '../engine';
import { BUILTIN_DESCRIPTIONS } from '../engine/lambda/builtins';
import type { HotShardReport } from '../engine/traffic/hotShards';
import type { ConsumerDetail, CostSnap, FirehoseDetail, PrefixNode } from './inspectProtocol';
import { prefixTree } from './prefixTree';

/** Objects read into the tree at most (beyond this the rest count at the root as one leaf: the root's count is the bucket's). */
export const MAX_TREE_OBJECTS = 20000;

type Obj = Record<string, unknown>;

/** A delivery stream's editable settings. */
export function firehoseDetail(sim: Simulation, name: string): FirehoseDetail {
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

const fmt = (v: unknown): string => (v === undefined || v === null ? '-' : typeof v === 'number' && !Number.isFinite(v) ? 'unlimited' : String(v));

/** A consumer's settings, and for a KCL application its workers and leases. */
export function consumerDetail(sim: Simulation, id: string): ConsumerDetail {
  const entry = sim.traffic.listConsumers().find((c) => c.id === id);
  const c = sim.traffic.getConsumer(id) as unknown as Obj | undefined;
  if (entry === undefined || c === undefined) throw Object.assign(new Error(`Consumer ${id} not found.`), { name: 'ResourceNotFoundException' });
  const spec = (c.spec ?? {}) as Obj;
  const pace = (c.pace ?? {}) as Obj;
  const out: ConsumerDetail = { id, type: String(entry.type), name: String(spec.name ?? c.name ?? id), stream: String(entry.stream ?? ''), settings: [] };
  if (entry.type === 'lambdaMapping') {
    const cfg = c.config as Obj;
    const input = c.input as Obj;
    out.name = String(input.FunctionName);
    out.settings = [
      ['FunctionName', fmt(input.FunctionName)],
      ['BatchSize', fmt(cfg.batchSize)],
      ['MaximumBatchingWindowInSeconds', fmt(Number(cfg.windowMs) / 1000)],
      ['ParallelizationFactor', fmt(cfg.parallelization)],
      ['StartingPosition', fmt(cfg.startingPosition)],
      ['BisectBatchOnFunctionError', fmt(cfg.bisect)],
      ['MaximumRetryAttempts', Number(cfg.maxRetries) < 0 ? '-1 (until the record expires)' : fmt(cfg.maxRetries)],
      ['MaximumRecordAgeInSeconds', Number(cfg.maxRecordAgeMs) < 0 ? '-1 (no limit)' : fmt(Number(cfg.maxRecordAgeMs) / 1000)],
      ['DestinationConfig.OnFailure', fmt(cfg.onFailure)],
    ];
    return out;
  }
  if (entry.type === 'kclApplication') {
    const cfg = c.config as Obj;
    out.settings = [
      ['maxRecords', fmt(pace.limit)],
      ['failoverTimeMillis', fmt(cfg.failoverTimeMs)],
      ['idleTimeBetweenReadsInMillis', fmt(cfg.idleTimeBetweenReadsMs)],
      ['initialPositionInStream', fmt(cfg.initialPosition)],
      ['processing (records/s)', fmt(pace.recordsPerSecond)],
    ];
    const counts = (entry.leaseCounts ?? {}) as Record<string, number>;
    out.workers = Object.entries(counts).map(([w, n]) => ({ id: w, leases: n }));
    out.leases = ((entry.leases ?? []) as Array<{ leaseKey: string; leaseOwner: string | null; checkpoint: string }>).map((l) => ({ leaseKey: l.leaseKey, owner: l.leaseOwner, checkpoint: l.checkpoint }));
    return out;
  }
  if (entry.type === 'efoConsumer') {
    out.settings = [
      ['ConsumerARN', fmt(entry.consumerArn)],
      ['initial position', fmt(spec.initialPosition ?? 'LATEST')],
    ];
    return out;
  }
  out.settings = [
    ['GetRecords Limit', fmt(pace.limit)],
    ['poll interval (ms)', fmt(spec.intervalMs ?? 1000)],
    ['ShardIteratorType', fmt(spec.initialPosition ?? 'LATEST')],
    ['processing (records/s)', fmt(pace.recordsPerSecond)],
  ];
  return out;
}

/** The hot-shard report of a stream (plain data). */
export function hotShards(sim: Simulation, stream: string, windowMs = 60000): HotShardReport {
  return sim.traffic.hotShardReport(stream, windowMs);
}

/** The cost meter (sim.cost.summary()): one line per stream and delivery stream, with the billed quantities. */
export function costSnap(sim: Simulation): CostSnap {
  const c = sim.cost.summary();
  const lines: Array<[string, number]> = [];
  for (const k of c.kinesis) {
    const what = k.mode === 'ON_DEMAND' ? `${k.streamHours.toFixed(2)} stream-hours, ${formatGb(k.writtenBilledBytes)} written` : `${k.shardHours.toFixed(2)} shard-hours, ${Math.round(k.putPayloadUnits).toLocaleString('en-US')} PUT units`;
    lines.push([`Kinesis ${k.StreamName} (${k.mode}: ${what})`, k.usd]);
  }
  for (const f of c.firehose) lines.push([`Firehose ${f.DeliveryStreamName}`, f.totalUsd]);
  for (const a of c.analytics) lines.push([`Managed Flink ${a.ApplicationName} (${a.kpuHours.toFixed(2)} KPU-hours)`, a.usd]);
  return { lines, totalUsd: c.totalUsd, note: 'At list prices (us-east-1); see the prices table in src/engine/cost/prices.ts for sources and dates.' };
}

function formatGb(bytes: number): string {
  return `${(bytes / 1e9).toLocaleString('en-US', { maximumFractionDigits: 3 })} GB`;
}

/** The delivered-prefix tree of a bucket. */
export function s3Tree(sim: Simulation, bucket: string): PrefixNode {
  const b = sim.firehoseContext.s3.buckets.get(bucket);
  if (b === undefined) throw Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' });
  const objs: Array<{ Key: string; Size: number }> = [];
  const rest = { objects: 0, bytes: 0 };
  for (const o of b.objects.values()) {
    if (objs.length < MAX_TREE_OBJECTS) objs.push({ Key: o.key, Size: o.size });
    else { rest.objects++; rest.bytes += o.size; }
  }
  return prefixTree(bucket, objs, rest);
}
