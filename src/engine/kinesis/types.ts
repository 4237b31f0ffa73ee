/**
 * Kinesis Data Streams request and response shapes, with AWS field names.
 * Blobs are Uint8Array; timestamps are simulated epoch milliseconds (numbers,
 * where the SDK has Date: the engine never builds dates); hash keys and
 * sequence numbers are decimal strings, as on the wire.
 */
export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type ShardIteratorType = 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
export type ShardFilterType = 'AFTER_SHARD_ID' | 'AT_TRIM_HORIZON' | 'FROM_TRIM_HORIZON' | 'AT_LATEST' | 'AT_TIMESTAMP' | 'FROM_TIMESTAMP';
export type ConsumerStatus = 'CREATING' | 'DELETING' | 'ACTIVE';

export interface StreamRef {
  StreamName?: string;
  StreamARN?: string;
}

export interface HashKeyRange {
  StartingHashKey: string;
  EndingHashKey: string;
}
export interface SequenceNumberRange {
  StartingSequenceNumber: string;
  EndingSequenceNumber?: string;
}
export interface Shard {
  ShardId: string;
  ParentShardId?: string;
  AdjacentParentShardId?: string;
  HashKeyRange: HashKeyRange;
  SequenceNumberRange: SequenceNumberRange;
}
export interface ChildShard {
  ShardId: string;
  ParentShards: string[];
  HashKeyRange: HashKeyRange;
}
export interface StreamModeDetails {
  StreamMode: StreamMode;
}
export interface EnhancedMetrics {
  ShardLevelMetrics: string[];
}

export interface CreateStreamInput {
  StreamName: string;
  ShardCount?: number;
  StreamModeDetails?: StreamModeDetails;
  Tags?: Record<string, string>;
  MaxRecordSizeInKiB?: number;
  /** On-demand streams only: write capacity, MiB/s, to have ready from the start [BC-K CreateStream]. */
  WarmThroughputMiBps?: number;
}
export interface DeleteStreamInput extends StreamRef {
  EnforceConsumerDeletion?: boolean;
}
export interface ListStreamsInput {
  Limit?: number;
  ExclusiveStartStreamName?: string;
  NextToken?: string;
}
export interface StreamSummary {
  StreamName: string;
  StreamARN: string;
  StreamStatus: StreamStatus;
  StreamModeDetails: StreamModeDetails;
  StreamCreationTimestamp: number;
}
export interface ListStreamsOutput {
  StreamNames: string[];
  HasMoreStreams: boolean;
  NextToken?: string;
  StreamSummaries: StreamSummary[];
}
export interface DescribeStreamInput extends StreamRef {
  Limit?: number;
  ExclusiveStartShardId?: string;
}
/** What DescribeStream and DescribeStreamSummary both say about a stream. */
export interface StreamDescriptionBase {
  StreamName: string;
  StreamARN: string;
  StreamStatus: StreamStatus;
  StreamModeDetails: StreamModeDetails;
  RetentionPeriodHours: number;
  StreamCreationTimestamp: number;
  EnhancedMonitoring: EnhancedMetrics[];
  EncryptionType: 'NONE' | 'KMS';
  KeyId?: string;
}
export interface StreamDescription extends StreamDescriptionBase {
  Shards: Shard[];
  HasMoreShards: boolean;
}
export interface DescribeStreamOutput {
  StreamDescription: StreamDescription;
}
export interface StreamDescriptionSummary extends StreamDescriptionBase {
  OpenShardCount: number;
  ConsumerCount: number;
  MaxRecordSizeInKiB: number;
  /** On-demand streams with a warm throughput set only [BC-K WarmThroughputObject]. */
  WarmThroughput?: WarmThroughputObject;
}
/** An on-demand stream's warm throughput: what it is scaling towards and what it handles now, MiB/s [BC-K]. */
export interface WarmThroughputObject {
  TargetMiBps?: number;
  CurrentMiBps?: number;
}
export interface UpdateStreamWarmThroughputInput extends StreamRef {
  /** Not implemented by AWS ("Reserved for future use"). */
  StreamId?: string;
  WarmThroughputMiBps: number;
}
export interface UpdateStreamWarmThroughputOutput {
  StreamARN: string;
  StreamName: string;
  WarmThroughput: WarmThroughputObject;
}
export interface DescribeStreamSummaryOutput {
  StreamDescriptionSummary: StreamDescriptionSummary;
}
export interface ShardFilter {
  Type: ShardFilterType;
  ShardId?: string;
  Timestamp?: number;
}
export interface ListShardsInput extends StreamRef {
  NextToken?: string;
  ExclusiveStartShardId?: string;
  MaxResults?: number;
  StreamCreationTimestamp?: number;
  ShardFilter?: ShardFilter;
}
export interface ListShardsOutput {
  Shards: Shard[];
  NextToken?: string;
}

export interface PutRecordInput extends StreamRef {
  Data: Uint8Array;
  PartitionKey: string;
  ExplicitHashKey?: string;
  SequenceNumberForOrdering?: string;
}
export interface PutRecordOutput {
  ShardId: string;
  SequenceNumber: string;
  EncryptionType?: 'NONE' | 'KMS';
}
export interface PutRecordsRequestEntry {
  Data: Uint8Array;
  PartitionKey: string;
  ExplicitHashKey?: string;
}
export interface PutRecordsInput extends StreamRef {
  Records: PutRecordsRequestEntry[];
}
export interface PutRecordsResultEntry {
  SequenceNumber?: string;
  ShardId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}
export interface PutRecordsOutput {
  FailedRecordCount: number;
  Records: PutRecordsResultEntry[];
  EncryptionType?: 'NONE' | 'KMS';
}

export interface GetShardIteratorInput extends StreamRef {
  ShardId: string;
  ShardIteratorType: ShardIteratorType;
  StartingSequenceNumber?: string;
  Timestamp?: number;
}
export interface GetShardIteratorOutput {
  ShardIterator: string;
}
export interface GetRecordsInput {
  ShardIterator: string;
  Limit?: number;
  StreamARN?: string;
}
export interface KinesisRecord {
  SequenceNumber: string;
  ApproximateArrivalTimestamp: number;
  Data: Uint8Array;
  PartitionKey: string;
  EncryptionType?: 'NONE' | 'KMS';
}
export interface GetRecordsOutput {
  Records: KinesisRecord[];
  NextShardIterator: string | null;
  MillisBehindLatest: number;
  ChildShards?: ChildShard[];
}

export interface SplitShardInput extends StreamRef {
  ShardToSplit: string;
  NewStartingHashKey: string;
}
export interface MergeShardsInput extends StreamRef {
  ShardToMerge: string;
  AdjacentShardToMerge: string;
}
export interface UpdateShardCountInput extends StreamRef {
  TargetShardCount: number;
  ScalingType: 'UNIFORM_SCALING';
}
export interface UpdateShardCountOutput {
  StreamName: string;
  StreamARN: string;
  CurrentShardCount: number;
  TargetShardCount: number;
}
export interface RetentionInput extends StreamRef {
  RetentionPeriodHours: number;
}
export interface UpdateStreamModeInput {
  StreamARN: string;
  StreamModeDetails: StreamModeDetails;
}

export interface Consumer {
  ConsumerName: string;
  ConsumerARN: string;
  ConsumerStatus: ConsumerStatus;
  ConsumerCreationTimestamp: number;
}
export interface ConsumerDescription extends Consumer {
  StreamARN: string;
}
export interface RegisterStreamConsumerInput {
  StreamARN: string;
  ConsumerName: string;
  Tags?: Record<string, string>;
}
export interface ConsumerRef {
  StreamARN?: string;
  ConsumerName?: string;
  ConsumerARN?: string;
}
export interface ListStreamConsumersInput {
  StreamARN: string;
  NextToken?: string;
  MaxResults?: number;
  StreamCreationTimestamp?: number;
}
export interface ListStreamConsumersOutput {
  Consumers: Consumer[];
  NextToken?: string;
}

export interface StartingPosition {
  Type: ShardIteratorType;
  SequenceNumber?: string;
  Timestamp?: number;
}
export interface SubscribeToShardInput {
  ConsumerARN: string;
  ShardId: string;
  StartingPosition: StartingPosition;
}
export interface SubscribeToShardEvent {
  Records: KinesisRecord[];
  /** Null in the last event of a closed shard (then ChildShards are given). */
  ContinuationSequenceNumber: string | null;
  MillisBehindLatest: number;
  ChildShards?: ChildShard[];
}
