/** DescribeDeliveryStream: status, version, source, encryption and the destination with its defaults filled in [BC-F]. */
import { ValidationErrors } from '../../core/errors';
import { checkInt } from '../../kinesis/validation';
import { findDeliveryStream, type FirehoseContext } from '../context';
import { checkDeliveryStreamName } from './createDeliveryStream';
import { describeDestination } from '../destinationSetup';
import type { DeliveryStreamDescription, DescribeDeliveryStreamInput, DescribeDeliveryStreamOutput } from '../types';

export function describeDeliveryStream(ctx: FirehoseContext, input: DescribeDeliveryStreamInput): DescribeDeliveryStreamOutput {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  checkInt(v, input.Limit, 'limit', 1, 10000);
  v.throwIfAny();
  const st = findDeliveryStream(ctx, input.DeliveryStreamName);
  const d: DeliveryStreamDescription = {
    DeliveryStreamName: st.name,
    DeliveryStreamARN: st.arn,
    DeliveryStreamStatus: st.status,
    DeliveryStreamType: st.type,
    VersionId: String(st.version),
    CreateTimestamp: st.createdAt,
    Destinations: [describeDestination(st) as never],
    HasMoreDestinations: false,
    DeliveryStreamEncryptionConfiguration: st.encryption ?? { Status: 'DISABLED' },
  };
  if (st.updatedAt !== undefined) d.LastUpdateTimestamp = st.updatedAt;
  if (st.source !== undefined || st.type === 'KinesisStreamAsSource') {
    const cfg = st.source;
    if (cfg !== undefined) d.Source = { KinesisStreamSourceDescription: { KinesisStreamARN: cfg.streamArn, RoleARN: 'arn:aws:iam::' + ctx.core.accountId + ':role/firehose', DeliveryStartTimestamp: cfg.startedAt } };
  }
  return { DeliveryStreamDescription: d };
}
