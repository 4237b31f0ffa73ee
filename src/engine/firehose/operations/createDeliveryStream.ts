/**
 * CreateDeliveryStream: a stream in CREATING that becomes ACTIVE a few
 * simulated seconds later. Names are 1..64 of [a-zA-Z0-9_.-] and unique per
 * account and Region; exactly one destination; a KinesisStreamAsSource stream
 * needs KinesisStreamSourceConfiguration and starts reading at LATEST once
 * ACTIVE [BC-F; facts B1].
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkEnum, checkString } from '../../kinesis/validation';
import { MetricsRing } from '../../metrics/metricsRing';
import { CostMeter } from '../../cost/costMeter';
import { deliveryStreamArn, type FirehoseContext } from '../context';
import type { DeliveryStreamState } from '../deliveryStreamModel';
import { CREATE_DELAY_MS, DELIVERY_STREAM_NAME_MAX, DELIVERY_STREAM_NAME_PATTERN, MAX_TAGS } from '../constants';
import { pickDestination, setupDestination } from '../destinationSetup';
import { createQuota } from '../directPutQuota';
import { FIREHOSE_LIFECYCLE, type StreamActivePayload } from '../lifecycleEvents';
import { preloadFormatConversion } from '../formatConversion/parquetLoader';
import type { CreateDeliveryStreamInput, CreateDeliveryStreamOutput } from '../types';

/** Validates a delivery stream name [BC-F]. */
export function checkDeliveryStreamName(v: ValidationErrors, name: unknown): void {
  checkString(v, name, 'deliveryStreamName', 1, DELIVERY_STREAM_NAME_MAX, true, DELIVERY_STREAM_NAME_PATTERN, '[a-zA-Z0-9_.-]+');
}

export function createDeliveryStream(ctx: FirehoseContext, input: CreateDeliveryStreamInput): CreateDeliveryStreamOutput {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  checkEnum(v, input.DeliveryStreamType, 'deliveryStreamType', ['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource']);
  if (Array.isArray(input.Tags) && input.Tags.length > MAX_TAGS) v.add(`[${input.Tags.length} tags]`, 'tags', `have length less than or equal to ${MAX_TAGS}`);
  v.throwIfAny();
  const name = input.DeliveryStreamName;
  if (ctx.streams.has(name)) throw new AwsError('ResourceInUseException', `Firehose ${name} under accountId ${ctx.core.accountId} already exists`);
  const type = input.DeliveryStreamType ?? 'DirectPut';
  if (type === 'MSKAsSource') throw new AwsError('InvalidArgumentException', 'MSKAsSource is not simulated.');
  let source: { name: string; arn: string } | undefined;
  if (type === 'KinesisStreamAsSource') {
    const arn = input.KinesisStreamSourceConfiguration?.KinesisStreamARN;
    if (arn === undefined) throw new AwsError('InvalidArgumentException', 'KinesisStreamSourceConfiguration is required when DeliveryStreamType is KinesisStreamAsSource.');
    const m = /^arn:aws[\w-]*:kinesis:[\w-]+:\d{12}:stream\/([a-zA-Z0-9_.-]+)$/.exec(arn);
    const s = m === null ? undefined : ctx.kinesis.streams.get(m[1]);
    if (s === undefined || s.deleted || s.arn !== arn) throw new AwsError('InvalidArgumentException', `Stream ${arn} does not exist or is not accessible.`);
    source = { name: s.name, arn };
  } else if (input.KinesisStreamSourceConfiguration !== undefined) {
    throw new AwsError('InvalidArgumentException', 'KinesisStreamSourceConfiguration is only allowed when DeliveryStreamType is KinesisStreamAsSource.');
  }
  const dest = pickDestination(input as unknown as Record<string, unknown>);
  const now = ctx.core.now();
  const st = {
    name, arn: deliveryStreamArn(ctx, name), type, status: 'CREATING', createdAt: now, version: 1,
    destinationId: 'destinationId-000000000001', tags: new Map(), quota: createQuota(ctx.core.region, ctx.quotaSource, now),
    metrics: new MetricsRing(), counters: { accepted: 0, delivered: 0, errored: 0, dropped: 0, lost: 0, objects: 0, cost: new CostMeter() },
    outage: false, retryQueue: [], deleted: false,
  } as unknown as DeliveryStreamState;
  if (source !== undefined) st.sourceStreamName = source.name;
  setupDestination(ctx, st, dest.kind, dest.config, dest.field);
  // The Parquet writer loads lazily; conversion at flush is synchronous, so start loading now.
  if (st.s3.formatConversion) preloadFormatConversion(ctx.core);
  if (input.DeliveryStreamEncryptionConfigurationInput !== undefined) {
    const e = input.DeliveryStreamEncryptionConfigurationInput;
    st.encryption = { KeyType: e.KeyType, Status: 'ENABLED', ...(e.KeyARN !== undefined ? { KeyARN: e.KeyARN } : {}) };
  }
  for (const t of input.Tags ?? []) st.tags.set(t.Key, t.Value ?? '');
  ctx.streams.set(name, st);
  const active: StreamActivePayload = { ctx, st };
  if (source !== undefined) active.source = source;
  ctx.core.scheduleEvent(CREATE_DELAY_MS, FIREHOSE_LIFECYCLE.active, active, `firehose:${name}:active`);
  return { DeliveryStreamARN: st.arn };
}
