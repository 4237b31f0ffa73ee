/** DescribeStreamProcessor: the processor's settings, status and times [BC-REK]. */
import type { RekognitionContext } from '../context';
import { requireProcessor } from './requireProcessor';

export function describeStreamProcessor(ctx: RekognitionContext, input: { Name: string }) {
  const p = requireProcessor(ctx, input.Name);
  const out: Record<string, unknown> = {
    Name: p.name,
    StreamProcessorArn: p.arn,
    Status: p.status,
    CreationTimestamp: p.createdAt,
    LastUpdateTimestamp: p.updatedAt,
    Input: { KinesisVideoStream: { Arn: p.inputStreamArn } },
    Output: p.output,
    RoleArn: p.roleArn,
    Settings: p.settings,
  };
  if (p.statusMessage !== undefined) out.StatusMessage = p.statusMessage;
  if (p.notificationTopicArn !== undefined) out.NotificationChannel = { SNSTopicArn: p.notificationTopicArn };
  if (p.kmsKeyId !== undefined) out.KmsKeyId = p.kmsKeyId;
  if (p.regionsOfInterest !== undefined) out.RegionsOfInterest = p.regionsOfInterest;
  if (p.dataSharingOptIn !== undefined) out.DataSharingPreference = { OptIn: p.dataSharingOptIn };
  return out;
}
