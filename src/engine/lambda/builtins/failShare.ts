/**
 * Built-in: fails a configurable share of records (result ProcessingFailed),
 * the others pass unchanged. The choice comes from a seeded generator handed
 * in by the caller (the simulation's core.random.fork), so the same seed
 * fails the same records; it teaches the processing-failed/ error prefix.
 */
import type { Random } from '../../core/random';
import { mapFirehoseRecords } from './firehoseRecords';

export interface FailShareOptions {
  /** Share of records to fail, 0..1 (default 0.1). */
  share?: number;
}

/** Makes the handler; draws one number per record from `random`. */
export function failShareHandler(random: Random, opts: FailShareOptions = {}) {
  const share = opts.share ?? 0.1;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be between 0 and 1, got ${share}`);
  return (event: unknown) => mapFirehoseRecords(event, (text) => (random.next() < share ? { result: 'ProcessingFailed' } : { result: 'Ok', text }));
}
