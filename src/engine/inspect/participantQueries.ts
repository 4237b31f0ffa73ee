/**
 * A consumer's settings as the inspector lists them (with AWS's and the
 * KCL's own parameter names), and for a KCL application its workers and
 * leases; a producer's settings as the traffic service holds them. Pure reads.
 */
import { resourceNotFound } from '../core/errors';
import type { ProducerInfo } from '../traffic/producers/producerConfig';
import type { InspectSources } from './sources';
import type { ConsumerDetail } from './types';

type Obj = Record<string, unknown>;

const fmt = (v: unknown): string => (v === undefined || v === null ? '-' : typeof v === 'number' && !Number.isFinite(v) ? 'unlimited' : String(v));

/** A consumer's settings, and for a KCL application its workers and leases. */
export function consumerDetail(sim: InspectSources, id: string): ConsumerDetail {
  const entry = sim.traffic.listConsumers().find((c) => c.id === id);
  const c = sim.traffic.getConsumer(id) as unknown as Obj | undefined;
  if (entry === undefined || c === undefined) throw resourceNotFound(`Consumer ${id} not found.`);
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

/** A producer's settings and current rate, as a copy (the answer never aliases engine state). */
export function producerDetail(sim: InspectSources, id: string): ProducerInfo {
  const p = sim.traffic.listProducers().find((x) => x.id === id);
  if (p === undefined) throw resourceNotFound(`Producer ${id} not found.`);
  return JSON.parse(JSON.stringify(p)) as ProducerInfo;
}
