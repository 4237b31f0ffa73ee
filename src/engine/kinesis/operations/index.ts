/**
 * The Kinesis Data Streams operations by their AWS names; the typed API and the
 * wire protocol are both built from this table.
 */
import type { KinesisContext } from '../context';
import { createStream } from './createStream';
import { describeStream } from './describeStream';
import { putRecord } from './putRecord';
import { putRecords } from './putRecords';
import { getShardIterator } from './getShardIterator';
import { getRecords } from './getRecords';
import { splitShard } from './splitShard';
import { mergeShards } from './mergeShards';
import { deleteStream } from './deleteStream';
import { listStreams } from './listStreams';
import { describeStreamSummary } from './describeStreamSummary';
import { listShards } from './listShards';
import { updateShardCount } from './updateShardCount';
import { increaseStreamRetentionPeriod } from './increaseStreamRetentionPeriod';
import { decreaseStreamRetentionPeriod } from './decreaseStreamRetentionPeriod';
import { updateStreamMode } from './updateStreamMode';
import { updateStreamWarmThroughput } from './updateStreamWarmThroughput';
import { registerStreamConsumer } from './registerStreamConsumer';
import { describeStreamConsumer } from './describeStreamConsumer';
import { listStreamConsumers } from './listStreamConsumers';
import { deregisterStreamConsumer } from './deregisterStreamConsumer';
import { subscribeToShard } from './subscribeToShard';
import { addTagsToStream } from './addTagsToStream';
import { removeTagsFromStream } from './removeTagsFromStream';
import { listTagsForStream } from './listTagsForStream';
import { tagResource } from './tagResource';
import { untagResource } from './untagResource';
import { listTagsForResource } from './listTagsForResource';
import { startStreamEncryption } from './startStreamEncryption';
import { stopStreamEncryption } from './stopStreamEncryption';
import { enableEnhancedMonitoring } from './enableEnhancedMonitoring';
import { disableEnhancedMonitoring } from './disableEnhancedMonitoring';
import { describeLimits } from './describeLimits';
import { describeAccountSettings } from './describeAccountSettings';
import { updateAccountSettings } from './updateAccountSettings';
import { updateMaxRecordSize } from './updateMaxRecordSize';
import { putResourcePolicy } from './putResourcePolicy';
import { getResourcePolicy } from './getResourcePolicy';
import { deleteResourcePolicy } from './deleteResourcePolicy';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Operation = (ctx: KinesisContext, input: any) => any;

export const kinesisOperations = {
  CreateStream: createStream,
  DescribeStream: describeStream,
  PutRecord: putRecord,
  PutRecords: putRecords,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
  SplitShard: splitShard,
  MergeShards: mergeShards,
  DeleteStream: deleteStream,
  ListStreams: listStreams,
  DescribeStreamSummary: describeStreamSummary,
  ListShards: listShards,
  UpdateShardCount: updateShardCount,
  IncreaseStreamRetentionPeriod: increaseStreamRetentionPeriod,
  DecreaseStreamRetentionPeriod: decreaseStreamRetentionPeriod,
  UpdateStreamMode: updateStreamMode,
  UpdateStreamWarmThroughput: updateStreamWarmThroughput,
  RegisterStreamConsumer: registerStreamConsumer,
  DescribeStreamConsumer: describeStreamConsumer,
  ListStreamConsumers: listStreamConsumers,
  DeregisterStreamConsumer: deregisterStreamConsumer,
  SubscribeToShard: subscribeToShard,
  AddTagsToStream: addTagsToStream,
  RemoveTagsFromStream: removeTagsFromStream,
  ListTagsForStream: listTagsForStream,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  StartStreamEncryption: startStreamEncryption,
  StopStreamEncryption: stopStreamEncryption,
  EnableEnhancedMonitoring: enableEnhancedMonitoring,
  DisableEnhancedMonitoring: disableEnhancedMonitoring,
  DescribeLimits: describeLimits,
  DescribeAccountSettings: describeAccountSettings,
  UpdateAccountSettings: updateAccountSettings,
  UpdateMaxRecordSize: updateMaxRecordSize,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
} satisfies Record<string, Operation>;

export type KinesisOperationName = keyof typeof kinesisOperations;
