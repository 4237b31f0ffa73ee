/**
 * A Lambda event source mapping on a Kinesis stream: one ShardPoller per
 * shard, parents finished before children, polling once per second per shard
 * through the shards' shared read limits [LDG23; A13]. Failed batches' bounds
 * go to an in-engine on-failure list (KinesisBatchInfo records).
 */
import type { KinesisContext } from '../../../kinesis/context';
import { findStream } from '../../../kinesis/context';
import type { StreamState } from '../../../kinesis/streamModel';
import type { LambdaApi } from '../../../lambda/lambdaService';
import type { InvokeResult, LambdaFunction } from '../../../lambda/types';
import type { LambdaMetricSeries } from '../../../lambda/metrics';
import { functionNameOf } from '../../../lambda/context';
import { GET_RECORDS_MAX_RECORDS } from '../../../kinesis/constants';
import type { ReadPace, ShardCursor } from '../shardCursor';
import { sumCursors, type ConsumerTotals } from '../consumerTotals';
import { initialIndex, ShardLineage } from '../shardLineage';
import { StepTicker } from '../stepTicker';
import { esmConfigOf, type EsmConfig, type EventSourceMappingInput } from './esmConfig';
import type { KinesisBatchInfo } from './kinesisEvent';
import { ShardPoller } from './shardPoller';

/** Running totals of a mapping (Lambda's ESM metrics are built from them). */
export interface EsmCounters {
  invocations: number;
  errors: number;
  retries: number;
  recordsProcessed: number;
  recordsDiscarded: number;
  /** Batches whose bounds reached the on-failure destination (OnFailureDestinationDeliveries). */
  onFailureDeliveries: number;
}

export interface EsmOptions {
  /** Simulated ms per poll step (default the poll interval; bulk mode uses a coarser one). */
  stepMs?: number;
  /** Deterministic UUID for the mapping. */
  uuid: string;
}

export class EventSourceMapping {
  readonly kind = 'lambdaEsm' as const;
  readonly config: EsmConfig;
  readonly streamName: string;
  readonly streamArn: string;
  readonly roleArn: string;
  readonly uuid: string;
  readonly pace: ReadPace = { limit: GET_RECORDS_MAX_RECORDS, recordsPerSecond: Infinity };
  readonly counters: EsmCounters = { invocations: 0, errors: 0, retries: 0, recordsProcessed: 0, recordsDiscarded: 0, onFailureDeliveries: 0 };
  /** The on-failure destination's messages, oldest first. */
  readonly onFailure: KinesisBatchInfo[] = [];
  readonly lineage: ShardLineage<ShardPoller & { ended: boolean }>;
  private readonly ticker: StepTicker;

  constructor(
    readonly ctx: KinesisContext,
    private readonly lambda: LambdaApi,
    readonly input: EventSourceMappingInput,
    opts: EsmOptions,
  ) {
    this.config = esmConfigOf(input, ctx.core.now());
    const ref = input.EventSourceArn.startsWith('arn:') ? { StreamARN: input.EventSourceArn } : { StreamName: input.EventSourceArn };
    const s = findStream(ctx, ref);
    this.streamName = s.name;
    this.streamArn = s.arn;
    this.uuid = opts.uuid;
    this.roleArn = ctx.core.arn('iam', `role/${input.FunctionName}-role`).replace(`:${ctx.core.region}:`, '::');
    if (!lambda.hasFunction(input.FunctionName)) {
      throw new Error(`Function not found: ${input.FunctionName}`);
    }
    const cfg = this.config;
    this.lineage = new ShardLineage((shard, initial) =>
      new ShardPoller(this, shard.shardId, initial ? initialIndex(ctx, s, shard, cfg.startingPosition, cfg.startingPositionTimestamp) : shard.store.trimIndex),
    );
    this.lineage.sync(s);
    this.ticker = new StepTicker(ctx.core, `esm:${this.uuid}`, opts.stepMs ?? cfg.pollIntervalMs, cfg.pollIntervalMs, (now, w, p) => this.step(now, w, p));
  }

  start(): void {
    this.ticker.start();
  }

  stop(): void {
    this.ticker.stop();
  }

  stream(): StreamState | undefined {
    const s = this.ctx.streams.get(this.streamName);
    return s === undefined || s.deleted ? undefined : s;
  }

  /** Invokes the function on the simulated clock. */
  lambdaInvoke(event: unknown, done: (r: InvokeResult) => void): void {
    this.lambda.invoke(this.input.FunctionName, event, done);
  }

  /** The function's knobs (duration, error rate, seeded generator), for the bulk path. */
  lambdaFunction(): LambdaFunction | undefined {
    return this.lambda.context.functions.get(functionNameOf(this.input.FunctionName));
  }

  lambdaMetrics(): LambdaMetricSeries | undefined {
    return this.lambda.metrics(this.input.FunctionName);
  }

  private step(now: number, windowMs: number, polls: number): void {
    const s = this.stream();
    if (s === undefined) return;
    this.lineage.sync(s);
    for (const p of this.lineage.entries.values()) {
      if (p.ended || !this.lineage.parentsDone(p)) continue;
      p.poll(s, now, windowMs, polls);
    }
  }

  pollers(): ShardPoller[] {
    return [...this.lineage.entries.values()];
  }

  cursors(): ShardCursor[] {
    return this.pollers().map((p) => p.cursor);
  }

  /** Read totals, and Lambda's IteratorAge: the largest over shards. */
  totals(): ConsumerTotals & EsmCounters & { iteratorAgeMs: number } {
    let age = 0;
    for (const p of this.lineage.entries.values()) if (p.iteratorAgeMs > age) age = p.iteratorAgeMs;
    return { ...sumCursors(this.cursors()), ...this.counters, iteratorAgeMs: age };
  }
}
