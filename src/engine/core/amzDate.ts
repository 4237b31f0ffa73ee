/**
 * Dates in the form AWS's Java services print them in some error messages
 * (`Thu Jan 01 00:00:00 UTC 2026`, Java's Date.toString in UTC), computed from
 * epoch milliseconds without `Date`, which the engine may not use.
 */
import { civilFromEpochMs } from './calendar';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `EEE MMM dd HH:mm:ss UTC yyyy` for simulated epoch milliseconds. */
export function toAmzUtcString(ms: number): string {
  const c = civilFromEpochMs(ms);
  // ISO day of week 1 = Monday .. 7 = Sunday; DAYS starts on Sunday.
  const weekday = DAYS[c.dayOfWeek % 7];
  return `${weekday} ${MONTHS[c.month - 1]} ${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} UTC ${c.year}`;
}
