/**
 * What a simulated producer is: its target, rate, keys, records and write path.
 * Plain data, so it can sit in a scenario and a snapshot.
 */
import type { RateProfile } from './rates';
import type { KeyStrategyConfig } from './keyStrategies';
import type { RecordSpec } from './recordMaker';
import type { ProducerTarget } from './firehoseTarget';
import type { ProducerCounts } from '../bulkSource';

export type { ProducerTarget };

/** How records reach Kinesis. */
export type WritePath = 'PutRecord' | 'PutRecords' | 'KPL';

/** KPL settings (defaults from the KPL sample config [facts A11]). */
export interface KplSettings {
  /** Pack many user records into one Kinesis record (default true). */
  aggregation?: boolean;
  /** AggregationMaxSize in bytes (default 51,200). */
  aggregationMaxSize?: number;
  /** RecordMaxBufferedTime in ms (default 100): how long a record may wait to be aggregated and sent. */
  recordMaxBufferedTimeMs?: number;
  /** RecordTtl in ms (default 30,000): a record still unsent after this is dropped (exact mode). */
  recordTtlMs?: number;
}

export interface ProducerConfig {
  /** A name for lists and the graph (default: the id). */
  name?: string;
  /**
   * The Kinesis data stream written to. With a Firehose target, addProducer
   * sets it to the delivery stream's name (so lists show where it writes).
   */
  streamName: string;
  /**
   * Where records go (default a Kinesis data stream, `streamName`);
   * `{ kind: 'firehose', deliveryStreamName }` writes to a Direct PUT delivery
   * stream with PutRecordBatch (writePath PutRecords) or PutRecord. For
   * Firehose, `record.sizeBytes` is the data size (no partition key travels).
   */
  target?: ProducerTarget;
  rate: RateProfile;
  keys: KeyStrategyConfig;
  record?: RecordSpec;
  /** Default 'PutRecords'. */
  writePath?: WritePath;
  kpl?: KplSettings;
  /** Retries of a throttled record before it is dropped (default 3; the KPL retries until RecordTtl). */
  maxRetries?: number;
  /** PutRecords: ms between batches in exact mode (default 1000; the KDG sends once a second). */
  batchIntervalMs?: number;
  /**
   * 'exact' writes every record through the API (inspectable, costs memory per
   * record); 'bulk' writes segments; 'auto' (default) is exact up to
   * EXACT_MODE_MAX_RATE user records/s at the profile's peak, bulk above.
   */
  mode?: 'auto' | 'exact' | 'bulk';
  /** Starts paused when false (default true). */
  enabled?: boolean;
}

/**
 * The auto threshold: 10 records/s stored exactly is about 0.9 million records
 * (some 200 MB with 200-byte payloads) over a 24-hour retention, the most that
 * is reasonable to keep byte for byte in a browser; above it a producer writes
 * segments that cost memory per shard and tick, not per record.
 */
export const EXACT_MODE_MAX_RATE = 10;

/** addProducer's input: a Firehose producer may leave out streamName. */
export type ProducerInput = Omit<ProducerConfig, 'streamName'> & { streamName?: string };

/** The stored config: a Firehose producer's streamName is its delivery stream's name. */
export function normaliseProducerConfig(input: ProducerInput): ProducerConfig {
  if (input.target?.kind === 'firehose') return { ...input, streamName: input.target.deliveryStreamName };
  if (typeof input.streamName !== 'string' || input.streamName === '') throw new Error('a producer needs a streamName (or target: { kind: "firehose", deliveryStreamName })');
  return { ...input, streamName: input.streamName };
}

/** A producer as listed by sim.traffic.listProducers(). */
export interface ProducerInfo {
  id: string;
  name: string;
  config: ProducerConfig;
  /** The mode in force: 'exact' or 'bulk'. */
  mode: 'exact' | 'bulk';
  enabled: boolean;
  /** Current rate in user records/s. */
  currentRate: number;
  /** Record size in bytes used by bulk mode. */
  recordBytes: number;
  /** The producer's own counts (for a Firehose target: records Firehose accepted, ServiceUnavailableException throttles). */
  counts: ProducerCounts;
}
