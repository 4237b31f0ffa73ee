/**
 * The engine's clock and agenda: every delay (a stream going CREATING -> ACTIVE,
 * a Firehose buffer interval, a consumer's poll) is an event on this queue, run
 * in time order by `advance`. Events at the same time run in the order they were
 * scheduled, which keeps the simulation deterministic.
 *
 * Every event is data: `kind` names a handler registered on SimCore and
 * `payload` is plain data (it may reference state objects), so a checkpoint
 * copies the queue like any other state. There is no closure form.
 */
export interface ScheduledEvent {
  time: number;
  order: number;
  label: string;
  /** The registered handler that runs this event. */
  kind: string;
  /** The handler's argument: plain data, copied with the rest of the state by checkpoints. */
  payload: unknown;
  cancelled: boolean;
}

/**
 * A callback as data, for work that answers later on the simulated clock (a
 * Lambda invocation's result, a transform's outcome): the handler registered
 * for `kind` runs with `payload` and the result (SimCore.resume).
 */
export interface Continuation {
  readonly kind: string;
  readonly payload?: unknown;
}

/** A binary min-heap of events ordered by (time, order). */
export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules the handler `kind` with `payload` at simulated time `time`; returns a handle that can be cancelled. */
  schedule(time: number, label: string, kind: string, payload: unknown): ScheduledEvent {
    return this.push({ time, order: this.counter++, label, kind, payload, cancelled: false });
  }

  private push(ev: ScheduledEvent): ScheduledEvent {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(h[p], ev)) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = ev;
    return ev;
  }

  /** The time of the next live event, or Infinity. */
  peekTime(): number {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    return this.heap.length > 0 ? this.heap[0].time : Infinity;
  }

  /** The label of the next live event (for error messages), or ''. */
  peekLabel(): string {
    return this.peekTime() === Infinity ? '' : this.heap[0].label;
  }

  /** Removes and returns the earliest event. */
  pop(): ScheduledEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r], h[l]) ? r : l;
        if (before(last, h[c])) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(x: ScheduledEvent, y: ScheduledEvent): boolean {
  return x.time < y.time || (x.time === y.time && x.order < y.order);
}
