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
} satisfies Record<string, Operation>;

export type KinesisOperationName = keyof typeof kinesisOperations;
