/**
 * Firehose's time zones (CustomTimeZone) over the engine's calendar: the
 * civil-date arithmetic itself lives in core/calendar.ts and is re-exported
 * here for the Firehose modules that format prefixes and object names.
 */
export { civilFromEpochMs, daysFromCivil, epochMsUtc, type CivilTime } from '../core/calendar';

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
