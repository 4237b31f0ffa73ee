/**
 * How fast a producer writes over time, in user records per second: constant,
 * a periodic wave (daily or hourly, as the Kinesis Data Generator offers),
 * bursts on top of a base rate, or a linear ramp.
 */
export type RateProfile =
  | { kind: 'constant'; recordsPerSecond: number }
  /** base + amplitude * sin(2*pi*(t + phaseMs)/periodMs), never below 0. */
  | { kind: 'periodic'; baseRecordsPerSecond: number; amplitude: number; periodMs: number; phaseMs?: number }
  /** baseRecordsPerSecond, and burstRecordsPerSecond for durationMs out of every everyMs (from offsetMs). */
  | { kind: 'bursts'; baseRecordsPerSecond: number; burstRecordsPerSecond: number; everyMs: number; durationMs: number; offsetMs?: number }
  /** From `from` to `to` records/s over durationMs, then stays at `to`. */
  | { kind: 'ramp'; from: number; to: number; durationMs: number };

/**
 * Smooth profiles (periodic, ramp) step once per simulated minute in bulk
 * mode: a steady rate lets a shard's segment grow in place, so a day costs
 * 1,440 runs per shard instead of 86,400 (CloudWatch itself publishes per minute).
 */
export const RATE_STEP_MS = 60000;

/** The rate (user records/s) `elapsedMs` after the producer started. */
export function rateAt(p: RateProfile, elapsedMs: number): number {
  switch (p.kind) {
    case 'constant':
      return Math.max(0, p.recordsPerSecond);
    case 'periodic': {
      const t = Math.floor(elapsedMs / RATE_STEP_MS) * RATE_STEP_MS;
      const v = p.baseRecordsPerSecond + p.amplitude * Math.sin((2 * Math.PI * (t + (p.phaseMs ?? 0))) / p.periodMs);
      return Math.max(0, v);
    }
    case 'bursts': {
      const t = elapsedMs - (p.offsetMs ?? 0);
      const inBurst = t >= 0 && t % p.everyMs < p.durationMs;
      return Math.max(0, inBurst ? p.burstRecordsPerSecond : p.baseRecordsPerSecond);
    }
    case 'ramp': {
      const t = Math.floor(elapsedMs / RATE_STEP_MS) * RATE_STEP_MS;
      const f = p.durationMs <= 0 ? 1 : Math.min(1, t / p.durationMs);
      return Math.max(0, p.from + (p.to - p.from) * f);
    }
  }
}

/** The highest rate the profile reaches (decides exact or bulk mode). */
export function peakRate(p: RateProfile): number {
  switch (p.kind) {
    case 'constant':
      return p.recordsPerSecond;
    case 'periodic':
      return p.baseRecordsPerSecond + Math.abs(p.amplitude);
    case 'bursts':
      return Math.max(p.baseRecordsPerSecond, p.burstRecordsPerSecond);
    case 'ramp':
      return Math.max(p.from, p.to);
  }
}
