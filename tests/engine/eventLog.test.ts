import { describe, expect, it } from 'vitest';
import { EventChunk, EventLog, type SimEvent } from '../../src/engine/events';
import { copyState } from '../../src/engine/checkpoint/copyState';
import { restoreState } from '../../src/engine/checkpoint/restoreState';

/** The log as it was before chunks: one array, the oldest shifted off at capacity (the reference). */
class ReferenceLog {
  items: SimEvent[] = [];
  dropped = 0;
  constructor(private capacity: number) {}
  emit(e: SimEvent): void {
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped++;
    }
    this.items.push(e);
  }
  drain(): SimEvent[] {
    const out = this.items;
    this.items = [];
    return out;
  }
}

const ev = (i: number): SimEvent => (i === 97 || i === 194 || i === 2000
  ? { type: 'enhancedMonitoringChanged', time: i, stream: 's', shardLevelMetrics: ['IncomingBytes'] }
  : { type: 'objectDelivered', time: i, deliveryStream: 'd', bucket: 'b', key: `k${i}`, records: i, bytes: 2 * i, target: 'data' });

describe('EventLog', () => {
  it.each([10, 300, 10000])('keeps, drops and drains exactly what the one-array log does (capacity %i)', (capacity) => {
    const log = new EventLog(capacity), ref = new ReferenceLog(capacity);
    for (let i = 1; i <= 3000; i++) {
      log.emit(ev(i));
      ref.emit(ev(i));
      if (i % 1111 === 0) expect(log.drain()).toEqual(ref.drain());
      if (i % 250 === 0) expect(log.peek()).toEqual(ref.items);
    }
    expect(log.peek()).toEqual(ref.items);
    expect(log.dropped).toBe(ref.dropped);
  });

  it('shares full chunks of plain events with checkpoints; a chunk holding an array field is copied', () => {
    const world = { log: new EventLog(10000) };
    for (let i = 1; i <= 600; i++) world.log.emit(ev(i));
    const { copy, shared } = copyState(world);
    // Events 1-256 include 97 and 194 (an array field): copied. 257-512 are plain: one shared chunk. 513-600 are open.
    expect([...shared.keys()].length).toBe(1);
    expect([...shared.keys()][0]).toBeInstanceOf(EventChunk);
    const fresh = { log: new EventLog(10000) };
    restoreState(copy, fresh);
    expect(fresh.log.peek()).toEqual(world.log.peek());
    fresh.log.emit(ev(601));
    expect(world.log.peek().length).toBe(600);
    expect(fresh.log.peek().length).toBe(601);
  });
});
