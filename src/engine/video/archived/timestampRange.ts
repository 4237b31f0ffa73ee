/** Timestamp ranges of the archived-media selectors: both ends, start before end, and (where AWS says so) within 24 hours [BC-KVAM]. */
import { invalidArgument } from '../../core/errors';
import { MAX_RANGE_MS } from '../constants';
import { toMs } from '../startSelector';

/** Reads a TimestampRange-like pair into ms, checking order and optionally the 24-hour span. */
export function readRange(start: number | Date | undefined, end: number | Date | undefined, opts: { max24h?: boolean; field?: string } = {}): [number, number] {
  const a = toMs(start);
  const b = toMs(end);
  const field = opts.field ?? 'TimestampRange';
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) throw invalidArgument(`${field} needs StartTimestamp and EndTimestamp.`);
  if (a >= b) throw invalidArgument(`${field}: StartTimestamp must be before EndTimestamp.`);
  if (opts.max24h === true && b - a > MAX_RANGE_MS) throw invalidArgument(`${field}: EndTimestamp must be within 24 hours of StartTimestamp.`);
  return [a, b];
}
