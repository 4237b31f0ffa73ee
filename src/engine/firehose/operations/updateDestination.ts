/**
 * UpdateDestination: needs CurrentDeliveryStreamVersionId (optimistic
 * locking: a stale id gives ConcurrentModificationException). For the same
 * destination type the new fields are merged into the old ones; another type
 * replaces the configuration. Dynamic partitioning cannot be turned off once
 * on [facts B1, B4]. Buffered data is delivered under the old settings first;
 * the version goes up by 1, which shows in later object names.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkString } from '../../kinesis/validation';
import { findDeliveryStream, type FirehoseContext } from '../context';
import { setupDestination } from '../destinationSetup';
import type { DestinationKind } from '../deliveryStreamModel';
import { checkDeliveryStreamName } from './createDeliveryStream';
import type { UpdateDestinationInput } from '../types';

const UPDATE_FIELDS: Array<[string, DestinationKind, string]> = [
  ['ExtendedS3DestinationUpdate', 'ExtendedS3', 'ExtendedS3DestinationConfiguration'],
  ['S3DestinationUpdate', 'ExtendedS3', 'ExtendedS3DestinationConfiguration'],
  ['RedshiftDestinationUpdate', 'Redshift', 'RedshiftDestinationConfiguration'],
  ['AmazonopensearchserviceDestinationUpdate', 'OpenSearch', 'AmazonopensearchserviceDestinationConfiguration'],
  ['SplunkDestinationUpdate', 'Splunk', 'SplunkDestinationConfiguration'],
  ['HttpEndpointDestinationUpdate', 'HttpEndpoint', 'HttpEndpointDestinationConfiguration'],
];

export function updateDestination(ctx: FirehoseContext, input: UpdateDestinationInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  checkString(v, input.CurrentDeliveryStreamVersionId, 'currentDeliveryStreamVersionId', 1, 50, true, /^[0-9]+$/, '[0-9]+');
  checkString(v, input.DestinationId, 'destinationId', 1, 100, true);
  v.throwIfAny();
  const st = findDeliveryStream(ctx, input.DeliveryStreamName);
  if (st.status !== 'ACTIVE') throw new AwsError('ResourceInUseException', `Firehose ${st.name} under account ${ctx.core.accountId} is not in ACTIVE state (current state: ${st.status}).`);
  if (input.CurrentDeliveryStreamVersionId !== String(st.version)) {
    throw new AwsError('ConcurrentModificationException', `Cannot update firehose: ${st.name} since the current version id: ${st.version} and specified version id: ${input.CurrentDeliveryStreamVersionId} do not match`);
  }
  if (input.DestinationId !== st.destinationId) throw new AwsError('InvalidArgumentException', `Destination Id ${input.DestinationId} not found in ${st.name}.`);
  const given = UPDATE_FIELDS.filter(([f]) => (input as unknown as Record<string, unknown>)[f] !== undefined);
  if (given.length !== 1) throw new AwsError('InvalidArgumentException', 'Exactly one destination update must be specified.');
  const [field, kind, configField] = given[0];
  const update = (input as unknown as Record<string, unknown>)[field] as Record<string, unknown>;
  const merged = kind === st.destinationKind ? deepMerge(st.config, update) : update;
  const wasDynamic = (st.config.DynamicPartitioningConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true;
  const nowDynamic = (merged.DynamicPartitioningConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true;
  if (wasDynamic && !nowDynamic) throw new AwsError('InvalidArgumentException', 'Dynamic partitioning cannot be disabled once it is enabled.');
  if (!wasDynamic && nowDynamic) throw new AwsError('InvalidArgumentException', 'Dynamic partitioning can only be enabled when the Firehose stream is created.');
  // Validate first (a bad update changes nothing), then deliver what is buffered, then switch.
  const probe = { ...st };
  setupDestination(ctx, probe, kind, merged, configField);
  for (const set of [st.lambdaStage, st.buffers, st.errorBuffers, st.backupBuffers]) set?.flushAll();
  setupDestination(ctx, st, kind, merged, configField);
  st.version++;
  st.updatedAt = ctx.core.now();
  return {};
}

function deepMerge(base: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(update)) {
    const b = out[k];
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && b !== null && typeof b === 'object' && !Array.isArray(b)
      ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
      : v;
  }
  return out;
}
