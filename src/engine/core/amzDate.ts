/**
 * Dates in the form AWS's Java services print them in some error messages
 * (`Thu Jan 01 00:00:00 UTC 2026`, Java's Date.toString in UTC), computed from
 * epoch milliseconds without `Date`, which the engine may not use.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year, month (1..12) and day of the epoch day `z` (days since 1970-01-01), proleptic Gregorian. */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  // Howard Hinnant's days-to-civil algorithm.
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `EEE MMM dd HH:mm:ss UTC yyyy` for simulated epoch milliseconds. */
export function toAmzUtcString(ms: number): string {
  const days = Math.floor(ms / 86400000);
  const secs = Math.floor((ms - days * 86400000) / 1000);
  const { year, month, day } = civilFromDays(days);
  // 1970-01-01 was a Thursday.
  const weekday = DAYS[(((days + 4) % 7) + 7) % 7];
  const time = `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor((secs % 3600) / 60))}:${pad2(secs % 60)}`;
  return `${weekday} ${MONTHS[month - 1]} ${pad2(day)} ${time} UTC ${year}`;
}
