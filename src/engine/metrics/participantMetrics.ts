/**
 * Each producer's and consumer's flow in the last whole second: records a
 * producer had accepted and had throttled, records a consumer read. Sampled on
 * the traffic heartbeat beside the Kinesis metrics (from the participants' own
 * running counts), so views read the engine's figure instead of diffing counts
 * themselves. Plain data: one small record per participant. Reading every
 * participant's counts each second costs a little, so it runs only once
 * someone watches (the app does; benchmarks and tests of other things do not).
 */
import type { TrafficParticipant } from '../traffic/trafficService';

/** One participant's last second. */
export interface ParticipantSecond {
  /** Producers: records accepted (Kinesis, or Firehose for a Direct PUT producer); consumers: records read. */
  records: number;
  /** Producers: records refused (ProvisionedThroughputExceededException or ServiceUnavailableException); consumers: 0. */
  throttled: number;
}

interface Row {
  records: number;
  throttled: number;
  last: ParticipantSecond;
}

/** The last second of every participant (sim.metrics.traffic). */
export class ParticipantMetrics {
  private rows = new Map<string, Row>();
  private watched = false;

  /** Starts sampling from the next second on (views call it once; it never changes the simulation). */
  watch(): void {
    this.watched = true;
  }

  /** Samples every participant at the heartbeat (the second that just ended); forgets removed ones. */
  sample(participants: readonly TrafficParticipant[]): void {
    if (!this.watched) return;
    const seen = new Set<string>();
    for (const p of participants) {
      const e = p.snapshot();
      const counts = e.counts as { sent?: number; throttled?: number } | undefined;
      const records = p.kind === 'producer' ? Number(counts?.sent ?? 0) : Number(e.records ?? 0);
      const throttled = p.kind === 'producer' ? Number(counts?.throttled ?? 0) : 0;
      const row = this.rows.get(p.id);
      if (row === undefined) this.rows.set(p.id, { records, throttled, last: { records, throttled } });
      else {
        row.last = { records: records - row.records, throttled: throttled - row.throttled };
        row.records = records;
        row.throttled = throttled;
      }
      seen.add(p.id);
    }
    if (seen.size !== this.rows.size) for (const id of [...this.rows.keys()]) if (!seen.has(id)) this.rows.delete(id);
  }

  /** The participant's last whole second (zeros before its first sample). */
  lastSecond(id: string): ParticipantSecond {
    return this.rows.get(id)?.last ?? { records: 0, throttled: 0 };
  }
}
