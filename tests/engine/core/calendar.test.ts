import { describe, it, expect } from 'vitest';
import { civilFromDays, civilFromEpochMs, daysFromCivil, epochMsUtc, isoUtc, MS_PER_DAY } from '../../../src/engine/core/calendar';
import { toAmzUtcString } from '../../../src/engine/core/amzDate';
import { isoOf } from '../../../src/engine/traffic/consumers/lambdaEsm/kinesisEvent';
import { isoTime } from '../../../src/engine/traffic/producers/templates';

describe('calendar', () => {
  it('maps epoch days to civil dates and back exactly, leap days and eras included', () => {
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDays(11016)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(daysFromCivil(2026, 1, 1)).toBe(20454);
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28)).toBe(2);
    expect(daysFromCivil(2100, 3, 1) - daysFromCivil(2100, 2, 28)).toBe(1);
    for (let d = -800000; d <= 800000; d += 997) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
  });

  it('extracts UTC fields, day of week and day of year, with an offset', () => {
    const t = epochMsUtc(2026, 3, 15, 23, 45, 6, 789);
    expect(t).toBe(20527 * MS_PER_DAY + 85506789);
    expect(civilFromEpochMs(t)).toEqual({ year: 2026, month: 3, day: 15, hour: 23, minute: 45, second: 6, millisecond: 789, dayOfWeek: 7, dayOfYear: 74 });
    // +05:30 moves it into Monday the 16th.
    expect(civilFromEpochMs(t, 330)).toMatchObject({ day: 16, hour: 5, minute: 15, dayOfWeek: 1, dayOfYear: 75 });
    expect(civilFromEpochMs(-1)).toMatchObject({ year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999, dayOfWeek: 3 });
  });

  it('formats ISO 8601 and Java Date strings from the same fields', () => {
    const t = epochMsUtc(2026, 1, 1, 0, 0, 0, 5);
    expect(isoUtc(t)).toBe('2026-01-01T00:00:00.005Z');
    expect(isoOf(t)).toBe('2026-01-01T00:00:00.005Z');
    expect(isoTime(epochMsUtc(1999, 12, 31, 23, 59, 59, 999))).toBe('1999-12-31T23:59:59.999Z');
    expect(toAmzUtcString(t)).toBe('Thu Jan 01 00:00:00 UTC 2026');
    expect(toAmzUtcString(epochMsUtc(2026, 3, 15, 23, 45, 6))).toBe('Sun Mar 15 23:45:06 UTC 2026');
    expect(toAmzUtcString(0)).toBe('Thu Jan 01 00:00:00 UTC 1970');
  });
});
