/**
 * What the UI may ask of the simulation: the worker's API, seen through
 * comlink as promises. Tests give the store a fake with the same shape.
 */
import type { Command, CommandResult, S3Listing, S3ObjectBody } from '../../worker/protocol';
import type { InspectAnswers, InspectQuery } from '../../worker/inspectApi';

export interface SimClient {
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  setSpeed(speed: number): Promise<CommandResult<number>>;
  jump(ms: number): Promise<void>;
  reset(seed?: string, scenario?: string): Promise<void>;
  command(cmd: Command): Promise<CommandResult>;
  listObjects(bucket: string, prefix: string): Promise<CommandResult<S3Listing>>;
  getObject(bucket: string, key: string): Promise<CommandResult<S3ObjectBody>>;
  /** On-demand reads: record trace, S3 prefix tree, settings, hot shards, cost. */
  query<Q extends InspectQuery>(q: Q): Promise<CommandResult<InspectAnswers[Q['type']]>>;
}
