/**
 * The Kinesis side of the cost meter [facts A14]. Provisioned streams: every
 * open shard's hours, and PUT payload units (each record in 25 KB chunks).
 * On-demand streams: stream-hours and GB written, each record rounded up to
 * 1 KB. Records are metered from the shards' blocks without materialising
 * them: a segment block gives each lane's count and its fixed record size,
 * an exact block its records' sizes. An hourly sweep meters what was written
 * before retention can trim it (retention is at least 24 h).
 */
import type { SimCore } from '../core/simCore';
import type { ScheduledEvent } from '../core/eventQueue';
import type { KinesisContext } from '../kinesis/context';
import { SegmentBlock } from '../kinesis/segmentBlock';
import type { ShardState } from '../kinesis/shardModel';
import * as P from './prices';
import { putPayloadUnits, roundedBytes } from './costMeter';

/** What one stream has cost so far. */
export interface KinesisStreamCost {
  StreamName: string;
  mode: 'PROVISIONED' | 'ON_DEMAND';
  shardHours: number;
  putPayloadUnits: number;
  streamHours: number;
  /** On-demand billed bytes written (1 KB rounding per record). */
  writtenBilledBytes: number;
  usd: number;
}

interface Metered { upTo: number; units: number; billedBytes: number }

/** Meters Kinesis cost from the shards' blocks: shard-hours and PUT units, or on-demand stream-hours and GB written. */
export class KinesisCostMeter {
  private sweeping?: ScheduledEvent;

  constructor(private core: SimCore, private kinesis: KinesisContext) {
    // The sweep runs only while a stream exists (an idle world keeps an empty queue); it
    // starts at the end of the first advance that sees a stream.
    // A data event (no closure in the queue), so a checkpoint can copy it.
    core.registerHandler('cost:kinesis-sweep', () => {
      this.meterAll();
      this.sweeping = this.live() ? core.scheduleEvent(3600000, 'cost:kinesis-sweep') : undefined;
    });
    core.onAfterAdvance(() => {
      const live = this.live();
      if (this.sweeping !== undefined && !live) {
        // No stream left: nothing more to meter (what was written is metered on the way out).
        this.meterAll();
        this.sweeping.cancelled = true;
        this.sweeping = undefined;
      } else if (this.sweeping === undefined && live) this.sweeping = core.scheduleEvent(3600000, 'cost:kinesis-sweep');
    });
  }

  private live(): boolean {
    for (const s of this.kinesis.streams.values()) if (!s.deleted) return true;
    return false;
  }

  /** Meters every shard's records written since the last sweep. */
  meterAll(): void {
    for (const s of this.kinesis.streams.values()) for (const sh of s.shards) this.meter(sh);
  }

  private meter(sh: ShardState): Metered {
    const m = (sh.metered ??= { upTo: 0, units: 0, billedBytes: 0 });
    const store = sh.store;
    let i = Math.max(m.upTo, store.trimIndex);
    while (i < store.nextIndex) {
      const block = store.blockOf(i);
      const end = block.firstIndex + block.count;
      if (block instanceof SegmentBlock) {
        for (let l = 0; l < block.lanes.length; l++) {
          const n = block.lanes.length === 1 ? end - i : block.laneOrdinal(end, l) - block.laneOrdinal(i, l);
          const size = block.lanes[l].recordBytes;
          m.units += putPayloadUnits(n, size);
          m.billedBytes += roundedBytes(n, size, P.KDS_ON_DEMAND_WRITE_ROUNDING_BYTES);
        }
      } else {
        for (let j = i; j < end; j++) {
          const size = block.sizeAt(j);
          m.units += putPayloadUnits(1, size);
          m.billedBytes += roundedBytes(1, size, P.KDS_ON_DEMAND_WRITE_ROUNDING_BYTES);
        }
      }
      i = end;
    }
    m.upTo = i;
    return m;
  }

  /** Every live stream's cost up to now. */
  streams(): KinesisStreamCost[] {
    const now = this.core.now();
    const out: KinesisStreamCost[] = [];
    for (const s of this.kinesis.streams.values()) {
      if (s.deleted) continue;
      let shardHours = 0, units = 0, billed = 0;
      for (const sh of s.shards) {
        const m = this.meter(sh);
        units += m.units;
        billed += m.billedBytes;
        // A shard is billed while open: from its creation to its split, merge, or now.
        shardHours += (Math.min(now, sh.closedAt ?? now) - sh.createdAt) / 3600000;
      }
      const streamHours = (now - s.createdAt) / 3600000;
      const onDemand = s.mode === 'ON_DEMAND';
      const usd = onDemand
        ? streamHours * P.KDS_ON_DEMAND_STREAM_HOUR_USD + (billed / P.GB) * P.KDS_ON_DEMAND_WRITE_USD_PER_GB
        : shardHours * P.KDS_SHARD_HOUR_USD + (units / 1e6) * P.KDS_USD_PER_MILLION_PUT_UNITS;
      out.push({ StreamName: s.name, mode: onDemand ? 'ON_DEMAND' : 'PROVISIONED', shardHours, putPayloadUnits: units, streamHours, writtenBilledBytes: billed, usd });
    }
    return out;
  }
}
