import { describe, expect, it } from 'vitest';
import { EventLog, type SimEvent } from '../../src/engine/events';
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

  it('is an outbox, not state: a checkpoint copies none of its events, and a restored world starts with an empty log', () => {
    const world = { log: new EventLog(10000), n: 1 };
    for (let i = 1; i <= 600; i++) world.log.emit(ev(i));
    const { copy, shared } = copyState(world);
    expect(shared.size).toBe(0);
    expect(JSON.stringify(copy)).not.toContain('objectDelivered');
    const fresh = { log: new EventLog(10000), n: 0 };
    restoreState(copy, fresh);
    expect(fresh.n).toBe(1);
    expect(fresh.log.peek()).toEqual([]);
    fresh.log.emit(ev(601));
    expect(fresh.log.drain()).toEqual([ev(601)]);
    expect(world.log.peek().length).toBe(600);
  });
});
