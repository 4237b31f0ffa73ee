/**
 * Calendar arithmetic from epoch milliseconds, without Date (the engine has no
 * wall clock): the one place the engine turns simulated time into civil
 * dates and back. Days since 1970-01-01 to civil dates and back follow Howard
 * Hinnant's `civil_from_days` / `days_from_civil`, valid for the proleptic
 * Gregorian calendar. Firehose prefixes and object names, AWS's Java-style
 * error dates, Lambda event times and producer templates all read it.
 */

/** Milliseconds in a (UTC, leap-second-free) day, as epoch time counts them. */
export const MS_PER_DAY = 86400000;

/** Civil date and time fields of an instant. */
export interface CivilTime {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday .. 7 = Sunday (ISO, as Java's DayOfWeek). */
  dayOfWeek: number;
  dayOfYear: number;
}

/** Year, month (1..12) and day of the epoch day `days` (days since 1970-01-01). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 of a civil date (the inverse of civilFromDays). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date and time of `epochMs` shifted by `offsetMinutes` (0 for UTC). */
export function civilFromEpochMs(epochMs: number, offsetMinutes = 0): CivilTime {
  const t = epochMs + offsetMinutes * 60000;
  const days = Math.floor(t / MS_PER_DAY);
  let rem = t - days * MS_PER_DAY;
  const hour = Math.floor(rem / 3600000);
  rem -= hour * 3600000;
  const minute = Math.floor(rem / 60000);
  rem -= minute * 60000;
  const second = Math.floor(rem / 1000);
  const millisecond = rem - second * 1000;
  const { year, month, day } = civilFromDays(days);
  // 1970-01-01 was a Thursday (ISO 4).
  const dayOfWeek = ((((days + 3) % 7) + 7) % 7) + 1;
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, minute, second, millisecond, dayOfWeek, dayOfYear };
}

/** Epoch ms of a UTC civil time (handy in tests and scenarios). */
export function epochMsUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 in UTC with milliseconds, e.g. `2026-01-01T00:00:00.000Z` (what JavaScript's toISOString and Lambda write). */
export function isoUtc(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(c.millisecond, 3)}Z`;
}
