/**
 * A CloudFormation template (JSON) that creates a scenario's streams
 * (AWS::Kinesis::Stream), buckets (AWS::S3::Bucket) and Firehose delivery
 * streams (AWS::KinesisFirehose::DeliveryStream) with their settings, plus the
 * IAM role Firehose needs. Built-in Lambda functions are simulator code, so
 * each one used by a delivery stream becomes a template parameter (the ARN of
 * your own function). Producers, consumers and timed commands are described in
 * the template's Metadata; they are not resources.
 */
import type { Scenario } from '../types';
import { bucketFromArn, functionFromArn, logicalId, streamNameFromArn } from './arnRefs';

type Json = Record<string, unknown>;

/** The template as an object; JSON.stringify(template, null, 2) to save. */
export function toCloudFormation(scenario: Scenario): Json {
  const taken = new Set<string>(['FirehoseDeliveryRole']);
  const resources: Json = {};
  const parameters: Json = {};
  const streamIds = new Map<string, string>();
  const bucketIds = new Map<string, string>();
  const t = scenario.topology;

  for (const b of t.buckets ?? []) {
    const id = logicalId('Bucket', b.Bucket, taken);
    bucketIds.set(b.Bucket, id);
    resources[id] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: b.Bucket } };
  }
  for (const s of t.streams ?? []) {
    const id = logicalId('Stream', s.StreamName, taken);
    streamIds.set(s.StreamName, id);
    const mode = s.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
    const props: Json = { Name: s.StreamName, StreamModeDetails: { StreamMode: mode } };
    if (mode === 'PROVISIONED') props.ShardCount = s.ShardCount ?? 1;
    const retention = initialRetention(scenario, s.StreamName);
    if (retention !== undefined) props.RetentionPeriodHours = retention;
    if (s.MaxRecordSizeInKiB !== undefined) props.MaxRecordSizeInKiB = s.MaxRecordSizeInKiB;
    if (s.Tags !== undefined) props.Tags = Object.entries(s.Tags).map(([Key, Value]) => ({ Key, Value }));
    resources[id] = { Type: 'AWS::Kinesis::Stream', Properties: props };
  }

  const fnParams = new Map<string, string>();
  const lambdaArnOf = (arn: string): unknown => {
    const name = functionFromArn(arn);
    if (name === undefined) return arn;
    let p = fnParams.get(name);
    if (p === undefined) {
      p = logicalId('FunctionArn', name, taken);
      fnParams.set(name, p);
      const builtin = t.lambdas?.find((l) => l.FunctionName === name)?.builtin;
      parameters[p] = { Type: 'String', Description: `ARN of your Lambda function standing in for "${name}"${builtin ? ` (the simulator's built-in ${builtin})` : ''}` };
    }
    return { Ref: p };
  };
  const arnOfBucket = (arn: string): unknown => {
    const b = bucketFromArn(arn);
    return b !== undefined && bucketIds.has(b) ? { 'Fn::GetAtt': [bucketIds.get(b), 'Arn'] } : arn;
  };

  for (const d of t.deliveryStreams ?? []) {
    const id = logicalId('DeliveryStream', d.DeliveryStreamName, taken);
    const props: Json = { DeliveryStreamName: d.DeliveryStreamName, DeliveryStreamType: d.DeliveryStreamType ?? 'DirectPut' };
    const dependsOn: string[] = [];
    if (d.KinesisStreamSourceConfiguration !== undefined) {
      const sName = streamNameFromArn(d.KinesisStreamSourceConfiguration.KinesisStreamARN);
      const sId = sName !== undefined ? streamIds.get(sName) : undefined;
      props.KinesisStreamSourceConfiguration = {
        KinesisStreamARN: sId !== undefined ? { 'Fn::GetAtt': [sId, 'Arn'] } : d.KinesisStreamSourceConfiguration.KinesisStreamARN,
        RoleARN: { 'Fn::GetAtt': ['FirehoseDeliveryRole', 'Arn'] },
      };
      if (sId !== undefined) dependsOn.push(sId);
    }
    const dest = d.ExtendedS3DestinationConfiguration;
    if (dest !== undefined) {
      const out: Json = { ...dest, BucketARN: arnOfBucket(dest.BucketARN), RoleARN: { 'Fn::GetAtt': ['FirehoseDeliveryRole', 'Arn'] } };
      const proc = dest.ProcessingConfiguration as { Enabled?: boolean; Processors?: Array<{ Type: string; Parameters?: Array<{ ParameterName: string; ParameterValue: string }> }> } | undefined;
      if (proc?.Processors !== undefined) {
        out.ProcessingConfiguration = {
          ...proc,
          Processors: proc.Processors.map((p) => ({
            ...p,
            Parameters: p.Parameters?.map((q) => (q.ParameterName === 'LambdaArn' ? { ParameterName: 'LambdaArn', ParameterValue: lambdaArnOf(q.ParameterValue) } : q)),
          })),
        };
      }
      props.ExtendedS3DestinationConfiguration = out;
    }
    if (d.Tags !== undefined) props.Tags = d.Tags;
    resources[id] = { Type: 'AWS::KinesisFirehose::DeliveryStream', ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}), Properties: props };
  }

  if ((t.deliveryStreams ?? []).length > 0) resources.FirehoseDeliveryRole = firehoseRole(streamIds, bucketIds, fnParams);

  const template: Json = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Kinesis Simulator scenario "${scenario.name}"`.slice(0, 1024),
    Metadata: {
      KinesisSimulator: {
        note: 'Producers, consumers and timed commands are not CloudFormation resources; they are listed here for reference.',
        producers: t.producers ?? [],
        consumers: t.consumers ?? [],
        commands: scenario.commands,
      },
    },
  };
  if (Object.keys(parameters).length > 0) template.Parameters = parameters;
  template.Resources = resources;
  const outputs: Json = {};
  for (const [name, id] of streamIds) outputs[`${id}Arn`] = { Description: `ARN of stream ${name}`, Value: { 'Fn::GetAtt': [id, 'Arn'] } };
  if (Object.keys(outputs).length > 0) template.Outputs = outputs;
  return template;
}

/** Retention set by a command at the very start (the template can create it that way). */
function initialRetention(scenario: Scenario, stream: string): number | undefined {
  const c = scenario.commands.find((x) => x.at <= 60000 && x.op === 'kinesis.increaseStreamRetentionPeriod' && (x.args as Json).StreamName === stream);
  return c === undefined ? undefined : Number((c.args as Json).RetentionPeriodHours);
}

/** The role Firehose assumes: read the source streams, write the buckets, invoke the transforms. */
function firehoseRole(streams: Map<string, string>, buckets: Map<string, string>, fns: Map<string, string>): Json {
  const statements: Json[] = [];
  if (streams.size > 0) {
    statements.push({
      Effect: 'Allow',
      Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'],
      Resource: [...streams.values()].map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
    });
  }
  statements.push({
    Effect: 'Allow',
    Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
    Resource: buckets.size > 0 ? [...buckets.values()].flatMap((id) => [{ 'Fn::GetAtt': [id, 'Arn'] }, { 'Fn::Sub': `\${${id}.Arn}/*` }]) : ['*'],
  });
  if (fns.size > 0) statements.push({ Effect: 'Allow', Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], Resource: [...fns.values()].map((p) => ({ Ref: p })) });
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: 'firehose-delivery', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}
