/**
 * Writing results as real traffic: through the engine's own PutRecords,
 * PutRecordBatch and Lambda invoke, with their limits and errors. A failed
 * entry stays buffered and is retried on the next tick for ever, as AWS does;
 * a buffer that keeps growing backs the application up (it stops reading)
 * [KDA-SQL19 how-it-works-output.md, how-it-works-output-lambda.md].
 */
import { encodeUtf8 } from '../../core/utf8';
import { toBase64 } from '../../core/base64';
import type { SimCore } from '../../core/simCore';
import type { InvokeResult } from '../../lambda/types';
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import type { OutputRun } from './runState';
import { toJsonValue, type Row } from '../query/values';

/** PutRecords and PutRecordBatch take at most 500 entries a call [BC-K; BC-F]. */
const BATCH = 500;
/** Calls per destination per tick: enough to keep up with a busy query, bounded so a tick stays cheap. */
const CALLS_PER_TICK = 20;
/** Rows buffered for one destination beyond which the application stops reading (back pressure). */
export const BACKPRESSURE_ROWS = 10000;

/** A row as the destination schema writes it (JSON object or CSV line). */
export function serialize(row: Row, format: 'JSON' | 'CSV'): string {
  const entries = Object.entries(row).filter(([k]) => k !== 'ROWTIME');
  if (format === 'CSV') return entries.map(([, v]) => String(toJsonValue(v) ?? '')).join(',') + '\n';
  return JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, toJsonValue(v)]))) + '\n';
}

/** Writes what each destination has buffered, as far as the destination takes it. */
export function flushOutputs(ctx: AnalyticsContext, app: ApplicationState, outputs: OutputRun[]): void {
  for (const o of outputs) {
    for (let call = 0; call < CALLS_PER_TICK && o.pending.length > 0 && !o.inflight; call++) {
      const batch = o.pending.slice(0, BATCH);
      let failed: number[];
      try {
        failed = o.kind === 'kinesis' ? putKinesis(ctx, o, batch) : o.kind === 'firehose' ? putFirehose(ctx, o, batch) : invokeLambda(ctx, app, o, batch);
      } catch {
        // The destination refused the whole call (gone, not ACTIVE): retry next tick.
        o.failedAttempts++;
        app.metrics.put('DeliveryFailedRecords', ctx.core.now(), batch.length);
        break;
      }
      if (o.kind === 'lambda') break;
      const keep = failed.map((i) => batch[i]);
      o.delivered += batch.length - keep.length;
      app.metrics.put('Success', ctx.core.now(), batch.length - keep.length);
      o.pending.splice(0, batch.length, ...keep);
      if (keep.length > 0) {
        o.failedAttempts++;
        app.metrics.put('DeliveryFailedRecords', ctx.core.now(), keep.length);
        break; // throttled: try again next tick
      }
    }
  }
}

function putKinesis(ctx: AnalyticsContext, o: OutputRun, batch: string[]): number[] {
  const res = ctx.kinesisApi.putRecords({
    StreamName: o.target,
    Records: batch.map((d) => ({ Data: encodeUtf8(d), PartitionKey: `p${o.seq++}` })),
  });
  const failed: number[] = [];
  res.Records.forEach((r, i) => { if (r.ErrorCode !== undefined) failed.push(i); });
  return failed;
}

function putFirehose(ctx: AnalyticsContext, o: OutputRun, batch: string[]): number[] {
  const res = ctx.firehoseApi.putRecordBatch({ DeliveryStreamName: o.target, Records: batch.map((d) => ({ Data: encodeUtf8(d) })) });
  const failed: number[] = [];
  res.RequestResponses.forEach((r: { ErrorCode?: string }, i: number) => { if (r.ErrorCode !== undefined) failed.push(i); });
  return failed;
}

/**
 * Lambda output: one invocation at a time with {invocationId, applicationArn,
 * records[{recordId, lambdaDeliveryRecordMetadata.retryHint, data}]}; the
 * function answers each recordId with Ok or DeliveryFailed.
 */
function invokeLambda(ctx: AnalyticsContext, app: ApplicationState, o: OutputRun, batch: string[]): number[] {
  const ids = batch.map(() => `r${o.seq++}`);
  const event = {
    invocationId: `inv-${o.seq}`,
    applicationArn: app.arn,
    records: batch.map((d, i) => ({ recordId: ids[i], lambdaDeliveryRecordMetadata: { retryHint: o.failedAttempts }, data: toBase64(encodeUtf8(d)) })),
  };
  o.inflight = true;
  ctx.lambda.invoke(o.target, event, { kind: LAMBDA_DELIVERED, payload: { ctx, app, o, batch, ids } satisfies LambdaDelivery });
  return [];
}

/** The continuation a Lambda output's answer comes back by (registered once per simulation). */
const LAMBDA_DELIVERED = 'analytics:lambdaDelivered';

/** One Lambda output invocation in flight, as plain data. */
interface LambdaDelivery {
  ctx: AnalyticsContext;
  app: ApplicationState;
  o: OutputRun;
  batch: string[];
  ids: string[];
}

/** Registers the Lambda output's continuation on `core` (once, when the service is built). */
export function registerOutputEvents(core: SimCore): void {
  core.registerHandler<LambdaDelivery, InvokeResult>(LAMBDA_DELIVERED, ({ ctx, app, o, batch, ids }, r) => {
    o.inflight = false;
    const answers = r.ok ? ((r.payload as { records?: Array<{ recordId: string; result: string }> } | undefined)?.records ?? []) : [];
    const ok = new Set(answers.filter((a) => a.result === 'Ok').map((a) => a.recordId));
    // A missing or mismatched recordId counts as a failure and is retried.
    const keep = batch.filter((_, i) => !ok.has(ids[i]));
    const at = o.pending.indexOf(batch[0]);
    if (at === 0) o.pending.splice(0, batch.length, ...keep);
    o.delivered += batch.length - keep.length;
    if (keep.length > 0) o.failedAttempts++;
    app.metrics.put('LambdaDelivery.OkRecords', ctx.core.now(), batch.length - keep.length);
    app.metrics.put('LambdaDelivery.DeliveryFailedRecords', ctx.core.now(), keep.length);
  });
}
