/**
 * A running application's state, as plain data: its readers' cursors per
 * shard, each query's windows, the output buffers, the watermark, the last
 * checkpoint, and what the window view draws. Checkpoints copy it whole.
 */
import type { ShardCursor } from '../../traffic/consumers/shardCursor';
import type { AggState } from '../query/aggregates';
import type { RcfForest } from '../query/rcf';
import type { SlidePartition } from '../query/slidingWindow';
import type { Row } from '../query/values';
import type { EfoReader, EfoShardState } from './efoSource';
import type { SegmentRunState } from './segmentAggregates';
import type { DenseGroups } from './denseGroups';

/** A reader's place in one shard plus the Flink per-shard watermark inputs. */
export interface AppCursor extends ShardCursor {
  /** Largest event time seen on this shard (Flink watermark = this - delay - 1 ms). */
  maxEventTs: number;
  /** Simulated time the shard last gave a record (idleness). */
  lastRecordAt: number;
  /** The shard's SubscribeToShard subscription, when the source reads with enhanced fan-out. */
  efo?: EfoShardState;
}

/** One source: a stream the application reads, with a cursor per shard. */
export interface SourceRun {
  /** In-application stream (legacy, by shard index) or source table (Flink) its rows enter. */
  targets: string[];
  streamName: string;
  cursors: Record<string, AppCursor>;
  /** Shard ids in the order cursors were made (deterministic iteration). */
  order: string[];
  startPosition: 'LATEST' | 'TRIM_HORIZON' | 'AT_INDEX';
  watermarkDelayMs?: number;
  timeColumn?: string;
  /** Source table columns (Flink) or schema (legacy) index into the plan/app. */
  inputIndex: number;
  /** Set when the source reads with enhanced fan-out instead of GetRecords. */
  efo?: EfoReader;
}

/** One group (a tumbling/stagger/TVF window of one key, or a session). */
export interface Group {
  start: number;
  end: number;
  rep: Row;
  aggs: AggState[];
  key: string;
}

export type { SlidePartition } from '../query/slidingWindow';

export interface QueryRun {
  groups: Record<string, Group>;
  /** On the aggregate path (counting), a source pump's tumbling groups in columns instead of `groups` (denseGroups.ts). */
  dense?: DenseGroups;
  /** Session windows per key. */
  sessions: Record<string, Group[]>;
  slides: Record<string, SlidePartition>;
  /** Sliding windows: the aggregate slots of each window (derived from the plan once). */
  slideSlots?: Record<string, number[]>;
  forest?: RcfForest;
  /**
   * RANDOM_CUT_FOREST rows of this tick waiting to be scored as one batch: the
   * inner rows, whether each has a point (false: scores 0, not learned), and
   * the points, one after another (forest.dim numbers each).
   */
  rcfPending?: Row[];
  rcfScored?: boolean[];
  rcfPoints?: number[];
}

/** One destination's buffer: rows serialized, waiting to be written (AWS retries forever). */
export interface OutputRun {
  stream: string;
  kind: 'kinesis' | 'firehose' | 'lambda';
  target: string;
  format: 'JSON' | 'CSV';
  pending: string[];
  inflight: boolean;
  delivered: number;
  failedAttempts: number;
  seq: number;
}

/** A record as the window view draws it: key, its three clocks, and what happened to it. */
export interface RecordMark {
  key: string;
  eventTs: number;
  arrival: number;
  rowtime: number;
  shardId: string;
  late: boolean;
}

/** A fired window and its output row. */
export interface WindowMark {
  query: string;
  key: string;
  start: number;
  end: number;
  firedAt: number;
  row: Record<string, unknown>;
}

export interface RunCounters {
  numRecordsIn: number;
  numRecordsOut: number;
  numLateRecordsDropped: number;
  errorRows: number;
  /** Output rows written again after a restart replayed from a checkpoint (at-least-once duplicates). */
  duplicateRowsOut: number;
  readThrottles: number;
}

export interface Checkpoint {
  id: number;
  time: number;
  positions: Record<string, Record<string, number>>;
  queries: QueryRun[];
  watermark: number;
  maxEventTs: Record<string, Record<string, number>>;
  rowsOut: number;
}

export interface RunState {
  /** Which run this is: ticks of an older run stop themselves. */
  generation: number;
  startedAt: number;
  tickMs: number;
  sources: SourceRun[];
  queries: QueryRun[];
  outputs: OutputRun[];
  watermark: number;
  counters: RunCounters;
  lastCheckpoint?: Checkpoint;
  checkpointId: number;
  /** Rows out that a replay from the last checkpoint will write again. */
  rowsOutSinceCheckpoint: number;
  /** Replaying: rows still to be counted as duplicates. */
  replayDebt: number;
  /** Per-minute CPU points for autoscaling (1.0 = all KPUs busy). */
  cpuMinutes: number[];
  minuteProcessed: number;
  minuteCapacity: number;
  millisBehindLatest: number;
  records: RecordMark[];
  windows: WindowMark[];
  outputRows: Array<Record<string, unknown>>;
  /** Set when the application runs on the aggregate path (segment recipes, segmentAggregates.ts). */
  segment?: SegmentRunState;
}

/** How many marks the window view keeps (the newest). */
export const VIEW_RECORDS = 2000;
export const VIEW_WINDOWS = 500;
