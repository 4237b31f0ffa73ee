/**
 * The CLI prints timestamps as ISO 8601 (CLI v2's default cli_timestamp_format):
 * Python's datetime.isoformat() in UTC, `2026-12-03T12:12:34.123000+00:00`,
 * microseconds only when there are any. The wire carries epoch seconds.
 */

const TIMESTAMP_KEYS = /(Timestamp|^LastModified|^CreationDate|^LastModifiedTime|^CreationTime|^LastUpdateTimestamp)$/;

/** Python's isoformat of an epoch-seconds instant in UTC. */
export function isoFormat(epochSeconds: number): string {
  const ms = Math.round(epochSeconds * 1000);
  const d = new Date(ms);
  const base = d.toISOString().slice(0, 19);
  const micros = (((ms % 1000) + 1000) % 1000) * 1000;
  return micros === 0 ? `${base}+00:00` : `${base}.${String(micros).padStart(6, '0')}+00:00`;
}

/** Copies a response with its timestamp members as the CLI prints them. */
export function withIsoTimestamps(value: unknown, key?: string): unknown {
  if (typeof value === 'number' && key !== undefined && TIMESTAMP_KEYS.test(key)) return isoFormat(value);
  if (Array.isArray(value)) return value.map((v) => withIsoTimestamps(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withIsoTimestamps(v, k);
    return out;
  }
  return value;
}
