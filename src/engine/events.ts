/**
 * What happened in the simulated world, as a discriminated union. The worker
 * drains these each frame into compact snapshots; the event log shows them.
 * Traffic itself is not an event per record: shards keep counters instead.
 */
export type SimEvent =
  | { type: 'streamStatus'; time: number; stream: string; status: string }
  | { type: 'streamDeleted'; time: number; stream: string }
  | { type: 'throttled'; time: number; stream: string; shardId: string; direction: 'write' | 'read'; records: number }
  | { type: 'shardSplit'; time: number; stream: string; parent: string; children: [string, string]; newStartingHashKey: string }
  | { type: 'shardsMerged'; time: number; stream: string; parents: [string, string]; child: string }
  | { type: 'shardCountUpdated'; time: number; stream: string; from: number; to: number }
  | { type: 'retentionChanged'; time: number; stream: string; hours: number }
  | { type: 'streamModeChanged'; time: number; stream: string; mode: string }
  | { type: 'consumerStatus'; time: number; stream: string; consumer: string; status: string }
  | { type: 'subscriptionEnded'; time: number; stream: string; consumer: string; shardId: string; reason: string }
  | { type: 'applicationStatus'; time: number; application: string; status: string }
  | { type: 'applicationCheckpoint'; time: number; application: string; checkpointId: number }
  | { type: 'applicationRestarted'; time: number; application: string; reason: string; fromCheckpoint: number }
  | { type: 'applicationScaled'; time: number; application: string; from: number; to: number }
  | { type: 'custom'; time: number; source: string; kind: string; detail: Record<string, unknown> };

/** A bounded log of events: old events fall off once `capacity` is reached. */
export class EventLog {
  private items: SimEvent[] = [];
  private listeners: Array<(e: SimEvent) => void> = [];
  /** Events dropped because nobody drained them in time. */
  dropped = 0;

  constructor(private capacity = 10000) {}

  emit(e: SimEvent): void {
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped++;
    }
    this.items.push(e);
    for (const l of this.listeners) l(e);
  }

  /** Returns and forgets the events since the last drain. */
  drain(): SimEvent[] {
    const out = this.items;
    this.items = [];
    return out;
  }

  /** Events not drained yet, without removing them. */
  peek(): readonly SimEvent[] {
    return this.items;
  }

  /** Calls `fn` for every future event (engine-internal observers). */
  subscribe(fn: (e: SimEvent) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }
}
