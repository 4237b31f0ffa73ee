/**
 * Builds a delivery stream's destination side from its configuration: the
 * compiled S3 runtime, the data, error and backup buffers, and for the other
 * destinations their sink. Used by CreateDeliveryStream and UpdateDestination.
 */
import { AwsError } from '../core/errors';
import type { SimCore } from '../core/simCore';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState, DestinationKind } from './deliveryStreamModel';
import { BufferSet, type Batch } from './buffer';
import { deliver } from './delivery';
import { compileExtendedS3, describeExtendedS3 } from './s3DestinationConfig';
import { compileOther, type OtherKind } from './destinations/otherDestination';
import { deliverToSink } from './destinations/sinkDelivery';

/** The configuration fields of CreateDeliveryStream, by destination. */
export const DESTINATION_FIELDS: Array<[string, DestinationKind]> = [
  ['ExtendedS3DestinationConfiguration', 'ExtendedS3'],
  ['S3DestinationConfiguration', 'ExtendedS3'],
  ['RedshiftDestinationConfiguration', 'Redshift'],
  ['AmazonopensearchserviceDestinationConfiguration', 'OpenSearch'],
  ['ElasticsearchDestinationConfiguration', 'OpenSearch'],
  ['SplunkDestinationConfiguration', 'Splunk'],
  ['HttpEndpointDestinationConfiguration', 'HttpEndpoint'],
];

/** Picks the one destination configuration of a request (exactly one is allowed). */
export function pickDestination(input: Record<string, unknown>): { field: string; kind: DestinationKind; config: Record<string, unknown> } {
  const given = DESTINATION_FIELDS.filter(([f]) => input[f] !== undefined && input[f] !== null);
  if (given.length !== 1) throw new AwsError('InvalidArgumentException', given.length === 0 ? 'Exactly one destination configuration must be specified.' : 'Only one destination configuration can be specified.');
  const [field, kind] = given[0];
  return { field, kind, config: input[field] as Record<string, unknown> };
}

/** (Re)builds the destination side. Buffers still holding data are flushed first by the caller. */
export function setupDestination(ctx: FirehoseContext, st: DeliveryStreamState, kind: DestinationKind, config: Record<string, unknown>, field: string): void {
  const fieldName = field[0].toLowerCase() + field.slice(1);
  if (kind === 'ExtendedS3') {
    st.s3 = compileExtendedS3(config as never, fieldName, ctx.glue);
    st.other = undefined;
  } else {
    const { other, s3 } = compileOther(kind as OtherKind, config, fieldName);
    st.s3 = s3;
    st.other = other;
  }
  st.destinationKind = kind;
  st.config = config;
  const label = `firehose:${st.name}`;
  const hints = st.other?.hints ?? st.s3.hints;
  const to = { ctx, st };
  st.buffers = new BufferSet(ctx.core, hints, { kind: FLUSHED.data, payload: to }, `${label}:data`);
  st.errorBuffers = new BufferSet(ctx.core, st.s3.hints, { kind: FLUSHED.error, payload: to }, `${label}:error`);
  st.backupBuffers = st.other === undefined && st.s3.backup !== undefined
    ? new BufferSet(ctx.core, st.s3.backup.hints, { kind: FLUSHED.backup, payload: to }, `${label}:backup`)
    : undefined;
  st.lambdaStage = undefined;
}

/** Where each buffer set of a stream sends a flushed batch (continuation kinds, registered by registerFlushEvents). */
const FLUSHED = {
  data: 'firehose:dataFlushed',
  error: 'firehose:errorFlushed',
  backup: 'firehose:backupFlushed',
} as const;

type FlushTo = { ctx: FirehoseContext; st: DeliveryStreamState };

/** Registers the buffers' flush continuations on `core` (once, when Firehose is built). */
export function registerFlushEvents(core: SimCore): void {
  core.registerHandler<FlushTo, Batch>(FLUSHED.data, ({ ctx, st }, b) => {
    flushed(ctx, st, b, st.buffers.hints.sizeBytes);
    if (st.other !== undefined) deliverToSink(ctx, st, b);
    else deliver(ctx, st, b, 'data');
  });
  core.registerHandler<FlushTo, Batch>(FLUSHED.error, ({ ctx, st }, b) => deliver(ctx, st, b, 'error'));
  core.registerHandler<FlushTo, Batch>(FLUSHED.backup, ({ ctx, st }, b) => deliver(ctx, st, b, 'backup'));
}

/**
 * Tells the log a data buffer flushed, with the fill it reached: the chart
 * draws each flush at that fill, which a once-a-second sample cannot see.
 */
function flushed(ctx: FirehoseContext, st: DeliveryStreamState, b: Batch, sizeBytes: number): void {
  // The flushed partition has already left the set: what the others hold is what stays.
  const rest = st.buffers.totals().bytes;
  const fill = sizeBytes > 0 ? (rest + b.bytes) / sizeBytes : 0;
  const fillAfter = sizeBytes > 0 ? rest / sizeBytes : 0;
  ctx.core.events.emit({ type: 'bufferFlushed', time: ctx.core.now(), deliveryStream: st.name, partition: b.id, records: b.records, bytes: b.bytes, fill, fillAfter });
}

/** The Destinations entry of DescribeDeliveryStream. */
export function describeDestination(st: DeliveryStreamState): Record<string, unknown> {
  const d: Record<string, unknown> = { DestinationId: st.destinationId };
  if (st.destinationKind === 'ExtendedS3') {
    const ext = describeExtendedS3(st.config as never, st.s3);
    d.ExtendedS3DestinationDescription = ext;
    const { BucketARN, RoleARN, Prefix, ErrorOutputPrefix, BufferingHints, CompressionFormat, EncryptionConfiguration, CloudWatchLoggingOptions } = ext as Record<string, unknown>;
    d.S3DestinationDescription = { RoleARN, BucketARN, Prefix, ErrorOutputPrefix, BufferingHints, CompressionFormat, EncryptionConfiguration, CloudWatchLoggingOptions };
  } else {
    const name = st.destinationKind === 'OpenSearch' ? 'AmazonopensearchserviceDestinationDescription' : `${st.destinationKind}DestinationDescription`;
    d[name] = { ...st.config, BufferingHints: { SizeInMBs: st.other!.hints.sizeBytes / 1048576, IntervalInSeconds: st.other!.hints.intervalMs / 1000 }, RetryOptions: { DurationInSeconds: st.other!.retryDurationMs / 1000 } };
  }
  return d;
}
