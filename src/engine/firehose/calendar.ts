/**
 * Calendar arithmetic from epoch milliseconds, without Date (the engine has no
 * wall clock). Civil dates from days since 1970-01-01 follow Howard Hinnant's
 * `civil_from_days`, valid for the proleptic Gregorian calendar.
 */
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

const MS_PER_DAY = 86400000;

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
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // 1970-01-01 was a Thursday (ISO 4).
  const dayOfWeek = ((((days + 3) % 7) + 7) % 7) + 1;
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, minute, second, millisecond, dayOfWeek, dayOfYear };
}

/** Days since 1970-01-01 of a civil date (inverse of civilFromEpochMs's date part). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch ms of a UTC civil time (handy in tests and scenarios). */
export function epochMsUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * CustomTimeZone support: UTC, fixed offsets ("+05:30", "UTC-03:00",
 * "Etc/GMT-9" which POSIX-style means UTC+9) and IANA zones that keep one
 * offset all year. Zones with daylight saving time are not modelled: they
 * are rejected at CreateDeliveryStream rather than resolved wrongly.
 */
const FIXED_ZONES: Record<string, number> = {
  UTC: 0, 'Etc/UTC': 0, GMT: 0, 'Etc/GMT': 0,
  'Asia/Tokyo': 540, 'Asia/Seoul': 540, 'Asia/Shanghai': 480, 'Asia/Singapore': 480, 'Asia/Hong_Kong': 480,
  'Asia/Kolkata': 330, 'Asia/Calcutta': 330, 'Asia/Dubai': 240, 'Asia/Jakarta': 420, 'Asia/Bangkok': 420,
  'America/Sao_Paulo': -180, 'America/Bogota': -300, 'America/Lima': -300, 'America/Phoenix': -420,
  'Pacific/Honolulu': -600, 'Africa/Johannesburg': 120, 'Africa/Lagos': 60, 'Africa/Nairobi': 180,
};

/** The UTC offset in minutes of a supported zone, or undefined when it is not supported. */
export function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  if (Object.prototype.hasOwnProperty.call(FIXED_ZONES, zone)) return FIXED_ZONES[zone];
  let m = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m !== null) {
    const v = Number(m[2]) * 60 + Number(m[3]);
    return v <= 18 * 60 ? (m[1] === '+' ? v : -v) : undefined;
  }
  m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (m !== null && Number(m[2]) <= 14) return (m[1] === '+' ? -1 : 1) * Number(m[2]) * 60;
  return undefined;
}
