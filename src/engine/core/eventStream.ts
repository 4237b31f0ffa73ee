/**
 * Engine event streams: operations whose AWS response is an event stream
 * (SubscribeToShard) return one of these. Events are pushed by scheduled engine
 * events as simulated time advances, then the stream ends, normally or with an
 * AWS exception. The wire layer turns it into event-stream messages.
 */

/** How an event stream ended: why, and the exception it ended with, if any. */
export interface EventStreamEnd {
  reason: string;
  error?: { type: string; message: string };
}

/** A stream of events delivered on the simulated clock. */
export interface EngineEventStream<E> {
  /** The event's member name in the API's event-stream union (`SubscribeToShardEvent`). */
  readonly eventType: string;
  /**
   * Calls `cb` for every event from now on; events delivered before the first
   * listener was added are handed to it at once. Returns a function that removes `cb`.
   */
  onEvent(cb: (event: E) => void): () => void;
  /** Calls `cb` once when the stream ends (at once if it already has). Returns a remover. */
  onEnd(cb: (end: EventStreamEnd) => void): () => void;
  /** Ends the stream from the caller's side. */
  cancel(): void;
}

/** True when `value` is an engine event stream. */
export function isEngineEventStream(value: unknown): value is EngineEventStream<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as EngineEventStream<unknown>).eventType === 'string' &&
    typeof (value as EngineEventStream<unknown>).onEvent === 'function' &&
    typeof (value as EngineEventStream<unknown>).onEnd === 'function'
  );
}
