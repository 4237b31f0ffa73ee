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
import type { LambdaFunction } from '../../../lambda/types';
import type { Continuation } from '../../../core/eventQueue';
import type { LambdaMetricSeries } from '../../../lambda/metrics';
import { functionArnOf, functionNameOf } from '../../../lambda/context';
import { drawRequestNumber, nextRequestId } from '../../../lambda/invoke';
import { GET_RECORDS_MAX_RECORDS } from '../../../kinesis/constants';
import type { ReadPace, ShardCursor } from '../shardCursor';
import { CursorReport, sumCursors, type ConsumerTotals } from '../consumerTotals';
import type { EsmMetricName, MetricsSink } from '../../trafficService';
import { initialIndex, ShardLineage } from '../shardLineage';
import { StepTicker } from '../stepTicker';
import { esmConfigOf, type EsmConfig, type EventSourceMappingInput } from './esmConfig';
import type { OnFailureRecord } from './kinesisEvent';
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
  /** Records read from the stream (PolledEventCount). */
  polledEvents: number;
  /** Records in invoked batches, retries included (InvokedEventCount). */
  invokedEvents: number;
  /** Records in failed invocations (FailedInvokeEventCount). */
  failedEvents: number;
  /** Records whose batch went to the on-failure destination (OnFailureDestinationDeliveredEventCount). */
  onFailureEvents: number;
}

export interface EsmOptions {
  /** Simulated ms per poll step (default the poll interval; bulk mode uses a coarser one). */
  stepMs?: number;
  /** Deterministic UUID for the mapping. */
  uuid: string;
}

/** A Lambda event source mapping on a Kinesis stream: a ShardPoller per shard, parents before children. */
export class EventSourceMapping {
  readonly kind = 'lambdaEsm' as const;
  readonly config: EsmConfig;
  readonly streamName: string;
  readonly streamArn: string;
  readonly roleArn: string;
  readonly uuid: string;
  readonly pace: ReadPace = { limit: GET_RECORDS_MAX_RECORDS, recordsPerSecond: Infinity };
  readonly counters: EsmCounters = { invocations: 0, errors: 0, retries: 0, recordsProcessed: 0, recordsDiscarded: 0, onFailureDeliveries: 0, polledEvents: 0, invokedEvents: 0, failedEvents: 0, onFailureEvents: 0 };
  /** The on-failure destination's messages, oldest first, in the shape Lambda sends to SQS or SNS. */
  readonly onFailure: OnFailureRecord[] = [];
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
    this.lineage.sync(this.ctx, s);
    this.ticker = new StepTicker(ctx.core, `esm:${this.uuid}`, opts.stepMs ?? cfg.pollIntervalMs, cfg.pollIntervalMs, this);
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

  /** Invokes the function on the simulated clock; the continuation `then` gets the InvokeResult. */
  lambdaInvoke(event: unknown, then: Continuation): void {
    this.lambda.invoke(this.input.FunctionName, event, then);
  }

  /** The function's unqualified ARN, as the on-failure record names it. */
  functionArn(): string {
    return functionArnOf(this.lambda.context, functionNameOf(this.input.FunctionName));
  }

  /** A fresh Lambda request id from the Lambda service's deterministic counter (bulk invocations have no invoke call). */
  nextRequestId(): string {
    return nextRequestId(this.lambda.context);
  }

  /** The counter value of a fresh request id, for a bulk invocation that writes its id out only on failure (requestIdOf). */
  nextRequestNumber(): number {
    return drawRequestNumber(this.lambda.context);
  }

  /** The function's knobs (duration, error rate, seeded generator), for the bulk path. */
  lambdaFunction(): LambdaFunction | undefined {
    return this.lambda.context.functions.get(functionNameOf(this.input.FunctionName));
  }

  lambdaMetrics(): LambdaMetricSeries | undefined {
    return this.lambda.metrics(this.input.FunctionName);
  }

  /** One step of its StepTicker (StepTarget): every shard whose parents are done polls. */
  onStep(now: number, windowMs: number, polls: number): void {
    const s = this.stream();
    if (s === undefined) return;
    this.lineage.sync(this.ctx, s);
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

  private reported = { polls: 0, polled: 0, invokedEvents: 0, failedEvents: 0, dropped: 0, onFailureEvents: 0 };
  /** Largest IteratorAge of the invocations this second (NaN: none). */
  private ageThisSecond = NaN;
  private metricKey?: { uuid: string; functionName: string };
  private readonly cursorReport = new CursorReport();
  private readonly cursorList = (): ShardCursor[] => this.cursors();

  /** Called by the pollers at each invocation with the age of the batch's last record. */
  invokedAt(ageMs: number): void {
    if (!(ageMs <= this.ageThisSecond)) this.ageThisSecond = ageMs;
  }

  /**
   * For the second that ended: GetRecords.IteratorAgeMilliseconds and
   * GetRecords.Success of its pollers (AWS/Kinesis), and Lambda's IteratorAge
   * (when it invoked the function) and event counts (AWS/Lambda).
   */
  reportMetrics(sink: MetricsSink): void {
    const r = this.reported, c = this.counters;
    if (this.stepping) {
      // The pollers' cursors are walked only when one changed (CursorReport).
      const polls = this.cursorReport.report(this.ctx, sink, this.streamName, this.cursorList);
      if (polls > r.polls) sink.count(this.streamName, 'GetRecords.Success', polls - r.polls);
      r.polls = polls;
    }
    const m = (this.metricKey ??= { uuid: this.uuid, functionName: functionNameOf(this.input.FunctionName) });
    // Lambda emits IteratorAge with each invocation: no invocation this second, no data point.
    if (!Number.isNaN(this.ageThisSecond)) sink.lambdaEsm(m, 'IteratorAge', this.ageThisSecond);
    this.ageThisSecond = NaN;
    // Counts since the last report (this runs every second: no closure or object made per call).
    if (c.polledEvents > r.polled) sink.lambdaEsm(m, 'PolledEventCount', c.polledEvents - r.polled);
    if (c.invokedEvents > r.invokedEvents) sink.lambdaEsm(m, 'InvokedEventCount', c.invokedEvents - r.invokedEvents);
    if (c.failedEvents > r.failedEvents) sink.lambdaEsm(m, 'FailedInvokeEventCount', c.failedEvents - r.failedEvents);
    if (c.recordsDiscarded > r.dropped) sink.lambdaEsm(m, 'DroppedEventCount', c.recordsDiscarded - r.dropped);
    if (c.onFailureEvents > r.onFailureEvents) sink.lambdaEsm(m, 'OnFailureDestinationDeliveredEventCount', c.onFailureEvents - r.onFailureEvents);
    r.polled = c.polledEvents;
    r.invokedEvents = c.invokedEvents;
    r.failedEvents = c.failedEvents;
    r.dropped = c.recordsDiscarded;
    r.onFailureEvents = c.onFailureEvents;
  }

  private get stepping(): boolean {
    return this.ticker.running;
  }

  /** Read totals, and Lambda's IteratorAge: the largest over shards. */
  totals(): ConsumerTotals & EsmCounters & { iteratorAgeMs: number } {
    let age = 0;
    for (const p of this.lineage.entries.values()) if (p.iteratorAgeMs > age) age = p.iteratorAgeMs;
    return { ...sumCursors(this.cursors()), ...this.counters, iteratorAgeMs: age };
  }
}
