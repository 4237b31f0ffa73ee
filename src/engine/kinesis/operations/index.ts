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
} satisfies Record<string, Operation>;

export type KinesisOperationName = keyof typeof kinesisOperations;
