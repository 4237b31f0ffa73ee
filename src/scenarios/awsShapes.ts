/**
 * Schema descriptions of the AWS request shapes a scenario carries:
 * CreateStream, CreateDeliveryStream, CreateBucket and the control-plane
 * commands. The Kinesis and Firehose ones are derived from the engine's
 * declared shapes (shapeSchema.ts), so no AWS constraint is restated here;
 * the engine still checks every rule when the request runs.
 */
import { apiModels, type OperationShape } from '../engine';
import { int, obj, str, type SchemaNode } from './schemaDsl';
import { MAX_SHARDS } from './limits';
import { schemaOf, structureSchema, type ScenarioCaps } from './shapeSchema';

const kinesisOps = apiModels.find((m) => m.cli === 'kinesis')?.operations ?? {};
const firehoseOps = apiModels.find((m) => m.cli === 'firehose')?.operations ?? {};
const member = (ops: Readonly<Record<string, OperationShape>>, op: string, name: string): SchemaNode => schemaOf(ops[op].input.members[name]);

/** Stream names, from the engine's declared StreamName [BC-K StreamName]. */
export const streamName = member(kinesisOps, 'CreateStream', 'StreamName');
/** Delivery stream names, from the engine's declared DeliveryStreamName [BC-F DeliveryStreamName]. */
export const deliveryStreamName = member(firehoseOps, 'CreateDeliveryStream', 'DeliveryStreamName');
/** Bucket names: 3..63 lowercase letters, digits, dots and hyphens (S3 naming rules). */
export const bucketName = str({ minLength: 3, maxLength: 63, pattern: '^[a-z0-9][a-z0-9.-]*[a-z0-9]$', patternHint: 'a bucket name (lowercase letters, digits, "." and "-")' });
/** Lambda function names: 1..64 of [a-zA-Z0-9-_] [BC-L FunctionName]. */
export const functionName = str({ maxLength: 64, pattern: '^[a-zA-Z0-9_-]+$', patternHint: 'letters, digits, "_" and "-"' });
/** The scenario's own caps over the AWS shapes: its shard limit, and configurations the engine validates itself left open. */
const caps: ScenarioCaps = {
  members: { ShardCount: int(1, MAX_SHARDS), TargetShardCount: int(1, MAX_SHARDS) },
  open: new Set(['ExtendedS3DestinationConfiguration', 'ExtendedS3DestinationUpdate', 'S3DestinationConfiguration', 'DataFormatConversionConfiguration', 'SchemaConfiguration', 'UpdateDestination']),
};

/** One command's args per AWS operation, derived from the declared shape; operations the engine does not serve are left out. */
function commandsFrom(ops: Readonly<Record<string, OperationShape>>, names: readonly string[]): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  for (const name of names) {
    const shape = ops[name];
    if (shape !== undefined) out[name[0].toLowerCase() + name.slice(1)] = structureSchema(shape.input, caps, name, `A ${name} request.`);
  }
  return out;
}

/** CreateStream's request [BC-K], with the scenario's shard cap. */
export const createStreamInput: SchemaNode = structureSchema(kinesisOps.CreateStream.input, caps, 'CreateStream', 'A CreateStream request.');

/** A bucket to create before anything delivers to it. */
export const createBucketInput: SchemaNode = obj({ Bucket: bucketName }, ['Bucket'], 'A CreateBucket request.');

/** CreateDeliveryStream's request [BC-F]; destination configurations stay open (the engine validates what it models). */
export const createDeliveryStreamInput: SchemaNode = structureSchema(firehoseOps.CreateDeliveryStream.input, caps, 'CreateDeliveryStream', 'A CreateDeliveryStream request.');

/** Per-command argument shapes for the Kinesis control plane and writes, from the declared shapes [BC-K]. */
export const kinesisArgs: Record<string, SchemaNode> = commandsFrom(kinesisOps, [
  'CreateStream', 'DeleteStream', 'SplitShard', 'MergeShards', 'UpdateShardCount', 'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod',
  'UpdateStreamMode', 'UpdateStreamWarmThroughput', 'RegisterStreamConsumer', 'DeregisterStreamConsumer', 'PutRecord', 'PutRecords',
  'EnableEnhancedMonitoring', 'DisableEnhancedMonitoring', 'StartStreamEncryption', 'StopStreamEncryption',
  'AddTagsToStream', 'RemoveTagsFromStream', 'UpdateMaxRecordSize',
]);

/** Per-command argument shapes for Firehose, from the declared shapes [BC-F]. */
export const firehoseArgs: Record<string, SchemaNode> = commandsFrom(firehoseOps, ['CreateDeliveryStream', 'DeleteDeliveryStream', 'UpdateDestination', 'PutRecord']);
