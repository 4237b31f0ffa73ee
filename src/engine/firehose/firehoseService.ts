/**
 * The Firehose service of a simulation: the typed API `sim.firehose.<op>`
 * (camelCase AWS operations), the wire service `Firehose_20150804`, and the
 * simulator's own controls (outage switch, processing hooks, bulk input,
 * metrics and record accounting).
 */
import { registerBufferEvents } from './buffer';
import { registerKinesisSourceEvents } from './kinesisSource';
import { registerFlushEvents } from './destinationSetup';
import { registerLambdaStageEvents } from './lambdaStage';
import { registerPipelineEvents } from './pipeline';
import { registerDeliveryBodies, registerDeliveryEvents } from './delivery';
import { registerCompressedBodies } from './lazyCompression';
import { registerSinkEvents } from './destinations/sinkDelivery';
import { registerFirehoseLifecycleEvents } from './lifecycleEvents';
import type { SimCore } from '../core/simCore';
import type { S3Context } from '../s3/s3Model';
import type { KinesisContext } from '../kinesis/context';
import type { WireService } from '../wire/awsJson';
import type { MetricsRing } from '../metrics/metricsRing';
import { createFirehoseContext, findDeliveryStream, type FirehoseContext, type FirehoseOptions } from './context';
import { firehoseOperations } from './operations';
import { firehoseShapes } from './operations/shapes';
import { validateShape } from '../core/validateShape';
import { ingestSegment, type IngestResult } from './bulkIngest';
import type { ProcessingHooks } from './processingHooks';
import type { Segment } from './bulkTypes';
import type { StreamCounters } from './deliveryStreamModel';

type Ops = typeof firehoseOperations;
type LowerFirst<S extends string> = S extends `${infer H}${infer T}` ? `${Lowercase<H>}${T}` : S;

/** The typed Firehose API plus the simulator's controls. */
export type FirehoseApi = {
  [K in keyof Ops as LowerFirst<K & string>]: (input: Parameters<Ops[K]>[1]) => ReturnType<Ops[K]>;
} & {
  /** Registers the Lambda transform, jq key extraction and format conversion modules. */
  registerProcessing(hooks: ProcessingHooks): void;
  /** The destination outage switch: while on, every delivery fails and is retried. */
  setDestinationOutage(deliveryStreamName: string, down: boolean): void;
  /** Bulk input (see bulkIngest.ts). */
  ingestSegment(deliveryStreamName: string, segment: Segment): IngestResult;
  /** The stream's CloudWatch-style metrics (1-second resolution, last hour). */
  metrics(deliveryStreamName: string): MetricsRing;
  /** Where every record went: accepted, delivered, errored, dropped, lost, plus what is still buffered. */
  accounting(deliveryStreamName: string): StreamCounters & { buffered: number };
  /** Flushes every buffer of a stream now (a view's "flush" button; AWS has no such call). */
  flush(deliveryStreamName: string): void;
};

export interface FirehoseService {
  context: FirehoseContext;
  api: FirehoseApi;
  wire: WireService;
}

/** Builds sim.firehose: the typed API, its wire service and the simulator controls over one context. */
export function createFirehoseService(core: SimCore, s3: S3Context, kinesis: KinesisContext, opts: FirehoseOptions = {}): FirehoseService {
  const context = createFirehoseContext(core, s3, kinesis, opts);
  // Every delay and callback of the pipeline is a data event or continuation with a handler registered here.
  registerBufferEvents(core);
  registerKinesisSourceEvents(core);
  registerFlushEvents(core);
  registerLambdaStageEvents(core);
  registerPipelineEvents(core);
  registerDeliveryEvents(core);
  registerSinkEvents(core);
  registerFirehoseLifecycleEvents(core);
  // Lazily built S3 bodies are recipes (data); their builders are code registered here.
  registerDeliveryBodies(context);
  registerCompressedBodies(s3);
  const ops: Record<string, (input: unknown) => unknown> = {};
  const api: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(firehoseOperations)) {
    // The declared shape's constraints first (AWS's ValidationException format), then the operation.
    const shape = (firehoseShapes as Record<string, { input: Parameters<typeof validateShape>[0] }>)[name].input;
    const f = (input: unknown) => {
      validateShape(shape, input);
      return (op as (c: FirehoseContext, i: unknown) => unknown)(context, input ?? {});
    };
    ops[name] = f;
    api[name[0].toLowerCase() + name.slice(1)] = f;
  }
  Object.assign(api, {
    registerProcessing: (hooks: ProcessingHooks) => Object.assign(context.hooks, hooks),
    setDestinationOutage: (name: string, down: boolean) => { findDeliveryStream(context, name).outage = down; },
    ingestSegment: (name: string, segment: Segment) => ingestSegment(context, name, segment),
    metrics: (name: string) => findDeliveryStream(context, name).metrics,
    accounting: (name: string) => {
      const st = findDeliveryStream(context, name);
      let buffered = st.buffers.totals().records + (st.lambdaStage?.totals().records ?? 0);
      for (const p of st.retryQueue) if (p.target !== 'backup' && p.target !== 'error') buffered += p.batch.records;
      return { ...st.counters, buffered };
    },
    flush: (name: string) => {
      const st = findDeliveryStream(context, name);
      for (const set of [st.lambdaStage, st.buffers, st.errorBuffers, st.backupBuffers]) set?.flushAll();
    },
  });
  const wire: WireService = {
    targetPrefix: 'Firehose_20150804',
    operations: ops,
    blobFields: new Set(['Data']),
    isTimestampField: (n) => n.endsWith('Timestamp'),
    shapes: firehoseShapes,
  };
  return { context, api: api as FirehoseApi, wire };
}
