/**
 * What happened in the simulated world, as a discriminated union with one
 * variant per kind of event (no catch-all): the worker drains these each frame
 * into compact snapshots and reacts to them (flush markers, object counts);
 * the event log shows them. Traffic itself is not an event per record: shards
 * keep counters and sim.metrics the per-second figures instead.
 */
export type SimEvent = KinesisEvent | FirehoseEvent | KclEvent | EsmEvent | VideoEvent | RekognitionEvent | AnalyticsEvent;

/** Events of Kinesis Data Streams: stream and consumer status, resharding, throttling. */
export type KinesisEvent =
  | { type: 'streamStatus'; time: number; stream: string; status: string }
  | { type: 'streamDeleted'; time: number; stream: string }
  | { type: 'throttled'; time: number; stream: string; shardId: string; direction: 'write' | 'read'; records: number }
  | { type: 'shardSplit'; time: number; stream: string; parent: string; children: [string, string]; newStartingHashKey: string }
  | { type: 'shardsMerged'; time: number; stream: string; parents: [string, string]; child: string }
  | { type: 'shardCountUpdated'; time: number; stream: string; from: number; to: number }
  | { type: 'retentionChanged'; time: number; stream: string; hours: number }
  | { type: 'streamModeChanged'; time: number; stream: string; mode: string }
  | { type: 'streamEncryptionChanged'; time: number; stream: string; encryptionType: 'NONE' | 'KMS'; keyId?: string }
  | { type: 'enhancedMonitoringChanged'; time: number; stream: string; shardLevelMetrics: string[] }
  | { type: 'consumerStatus'; time: number; stream: string; consumer: string; status: string }
  | { type: 'subscriptionEnded'; time: number; stream: string; consumer: string; shardId: string; reason: string };

/**
 * Events of Kinesis Data Analytics / Managed Service for Apache Flink
 * applications: status changes, checkpoints (every 60 s by default), restarts that
 * replay from the last checkpoint, and autoscaling of the parallelism.
 */
export type AnalyticsEvent =
  | { type: 'applicationStatus'; time: number; application: string; status: string }
  | { type: 'applicationCheckpoint'; time: number; application: string; checkpointId: number }
  | { type: 'applicationRestarted'; time: number; application: string; reason: string; fromCheckpoint: number }
  | { type: 'applicationScaled'; time: number; application: string; from: number; to: number };

/** Where a Firehose batch went: the data prefix, the error prefix or the S3 backup. */
export type DeliveryTarget = 'data' | 'error' | 'backup';

/** Events of Amazon Data Firehose: status, buffer flushes, objects written and data given up on. */
export type FirehoseEvent =
  | { type: 'deliveryStreamStatus'; time: number; deliveryStream: string; status: string }
  /**
   * A buffer flushed (its size reached, its interval elapsed, or a configuration
   * change): `fill` is what the delivery stream's buffers held just before,
   * against BufferingHints.SizeInMBs, `fillAfter` what the other partitions still hold.
   */
  | { type: 'bufferFlushed'; time: number; deliveryStream: string; partition: string; records: number; bytes: number; fill: number; fillAfter: number }
  | { type: 'objectDelivered'; time: number; deliveryStream: string; bucket: string; key: string; records: number; bytes: number; target: DeliveryTarget }
  /** Retries ran out (24 h, or the source stream's retention): the batch is lost [facts B7]. */
  | { type: 'deliveryAbandoned'; time: number; deliveryStream: string; records: number };

/** Events of a simulated KCL application: workers and the leases of its lease table. */
export type KclEvent =
  | { type: 'kclWorkerStarted'; time: number; application: string; worker: string }
  | { type: 'kclWorkerDied'; time: number; application: string; worker: string }
  | { type: 'kclLeaseCreated'; time: number; application: string; leaseKey: string; parentShardId: string[]; checkpoint: string }
  | { type: 'kclLeaseTaken'; time: number; application: string; leaseKey: string; worker: string; leaseCounter: number }
  | { type: 'kclLeaseStolen'; time: number; application: string; leaseKey: string; worker: string; from: string; leaseCounter: number }
  | { type: 'kclLeaseLost'; time: number; application: string; leaseKey: string; worker: string }
  | { type: 'kclShardEnded'; time: number; application: string; leaseKey: string; worker: string };

/**
 * Events of a Lambda event source mapping on a stream: a failing batch split in
 * two (BisectBatchOnFunctionError), and records given up on when
 * MaximumRecordAgeInSeconds or MaximumRetryAttempts ran out (sent to the
 * OnFailure destination when one is set) [Lambda with Kinesis, error handling].
 */
export type EsmEvent =
  | { type: 'esmBatchBisected'; time: number; mapping: string; functionName: string; stream: string; shardId: string; records: number }
  | { type: 'esmRecordsDiscarded'; time: number; mapping: string; functionName: string; stream: string; shardId: string; records: number; reason: 'expired' | 'retriesExhausted' | 'payloadTooLarge'; onFailure: boolean };

/** Events of Kinesis Video Streams: stream status and retention, PutMedia connections, refused fragments, revoked playback sessions. */
export type VideoEvent =
  | { type: 'videoStreamStatus'; time: number; stream: string; status: string }
  | { type: 'videoRetentionChanged'; time: number; stream: string; hours: number }
  | { type: 'putMediaSession'; time: number; stream: string; camera: string; session: number; status: 'OPEN' | 'CLOSED'; reason?: string }
  | { type: 'fragmentRefused'; time: number; stream: string; camera: string; reason: string; errorId?: number }
  | { type: 'streamingSessionRevoked'; time: number; stream: string; session: number; protocol: 'HLS' | 'DASH' };

/** Events of Rekognition stream processors: status, and a connected-home notification published to SNS. */
export type RekognitionEvent =
  | { type: 'streamProcessorStatus'; time: number; processor: string; status: string }
  | { type: 'labelNotification'; time: number; processor: string; stream: string; label: string; confidence: number; topicArn: string };

/** A KCL event as its application emits it (the log adds the time and the application's name). */
export type KclEventBody = KclEvent extends infer E ? (E extends KclEvent ? Omit<E, 'time' | 'application'> : never) : never;

/** The event of one type. */
export type SimEventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

/** Events per chunk of the log (dropping the oldest event then costs no shift of the whole log). */
const EVENT_CHUNK = 256;

/**
 * A bounded log of events: old events fall off once `capacity` is reached.
 * Held in chunks of EVENT_CHUNK, the oldest `head` events of the first chunk
 * already fallen off.
 */
export class EventLog {
  private chunks: SimEvent[][] = [];
  private head = 0;
  private open: SimEvent[] = [];
  private count = 0;
  private listeners: Array<(e: SimEvent) => void> = [];
  /**
   * Not state, so checkpoints leave them be: the subscribers watch the world from outside it (the
   * worker), and the undrained events are an outbox of notifications that nothing in the engine
   * reads back. A restored world starts with an empty outbox, which is what an observer sees after
   * any seek anyway (the worker drains the log when it moves to another moment: the replay's events
   * are history it never showed). Leaving them out keeps a 10,000-event log (1-2.4 MB) out of each
   * checkpoint.
   */
  static readonly checkpointSkip = ['listeners', 'chunks', 'head', 'open', 'count', 'dropped'];
  /** Events dropped because nobody drained them in time. */
  dropped = 0;

  constructor(private capacity = 10000) {}

  emit(e: SimEvent): void {
    if (this.count >= this.capacity) {
      this.dropOldest();
      this.dropped++;
    }
    this.open.push(e);
    this.count++;
    if (this.open.length === EVENT_CHUNK) {
      this.chunks.push(this.open);
      this.open = [];
    }
    for (const l of this.listeners) l(e);
  }

  private dropOldest(): void {
    if (this.chunks.length === 0) {
      this.open.shift();
    } else {
      this.head++;
      const first = this.chunks[0];
      if (this.head === first.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.count--;
  }

  /** Returns and forgets the events since the last drain. */
  drain(): SimEvent[] {
    const out = this.peek() as SimEvent[];
    this.chunks = [];
    this.head = 0;
    this.open = [];
    this.count = 0;
    return out;
  }

  /** Events not drained yet, without removing them (a new array when the log spans chunks). */
  peek(): readonly SimEvent[] {
    if (this.chunks.length === 0) return this.open;
    const out: SimEvent[] = [];
    for (let c = 0; c < this.chunks.length; c++) {
      const evs = this.chunks[c];
      for (let i = c === 0 ? this.head : 0; i < evs.length; i++) out.push(evs[i]);
    }
    for (const e of this.open) out.push(e);
    return out;
  }

  /** Calls `fn` for every future event (engine-internal observers). */
  subscribe(fn: (e: SimEvent) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }
}
