/**
 * The state types the delivery-stream model holds for its stages (the
 * Kinesis source's read positions, the Lambda stage's buffer, the delivered
 * -record index's runs), declared here so the model depends on nothing
 * downstream: the stages import the model, never the other way round.
 */
import type { BufferSet } from './buffer';

/** A Kinesis Data Stream source's read positions. */
export interface KinesisSourceState {
  streamName: string;
  streamArn: string;
  startedAt: number;
  /** Next record index to read, per shard being read. */
  positions: Map<string, number>;
  /** Shards read to their end (a merged child is started once, after its first parent ends). */
  done: Set<string>;
  /** When the last step ran (a bulk step stands for the calls since then). */
  lastPoll: number;
}

/** The buffer in front of a Lambda transform (lambdaStage.ts). */
export type LambdaStage = BufferSet;

/** One object's run of records from one shard. */
export interface DeliveredRun {
  bucket: string;
  key: string;
  /** 'data', 'error' (the error prefix) or 'backup'. */
  target: string;
  shardId: string;
  /** First and last record index (from the sequence numbers) in this object. */
  firstIndex: number;
  lastIndex: number;
  /** When the object was written (simulated epoch ms). */
  time: number;
}
