import { describe, it, expect } from 'vitest';
import { compilePrefix, evaluatePrefix, validatePrefixes } from '../../../src/engine/firehose/prefix';
import { formatPattern } from '../../../src/engine/firehose/dateTimeFormat';
import { civilFromEpochMs, epochMsUtc } from '../../../src/engine/firehose/calendar';
import { createRandom } from '../../../src/engine/core/random';

const at = epochMsUtc(2024, 2, 29, 23, 5, 9);

describe('calendar', () => {
  it('turns epoch ms into the UTC civil date, leap days and weekdays included', () => {
    expect(civilFromEpochMs(at)).toMatchObject({ year: 2024, month: 2, day: 29, hour: 23, minute: 5, second: 9, dayOfWeek: 4, dayOfYear: 60 });
    expect(civilFromEpochMs(0)).toMatchObject({ year: 1970, month: 1, day: 1, dayOfWeek: 4 });
    expect(civilFromEpochMs(epochMsUtc(2000, 12, 31))).toMatchObject({ dayOfYear: 366 });
    expect(epochMsUtc(2026, 1, 1)).toBe(1767225600000);
  });
});

describe('formatPattern', () => {
  it('formats the Java DateTimeFormatter subset with quoted literals', () => {
    expect(formatPattern('yyyy/MM/dd/HH/', at)).toBe('2024/02/29/23/');
    expect(formatPattern("'year='yyyy'/month='MM'/day='dd", at)).toBe('year=2024/month=02/day=29');
    expect(formatPattern("yy-M-d H:m:s.SSS DDD EEE MMM hh a ''", at)).toBe("24-2-29 23:5:9.000 060 Thu Feb 11 PM '");
    expect(formatPattern('yyyy-MM-dd-HH', at, 330)).toBe('2024-03-01-04');
  });
  it('rejects unknown pattern letters and unclosed quotes', () => {
    expect(() => formatPattern('yyyy-QQ', at)).toThrow('Unknown pattern letter: Q');
    expect(() => formatPattern("'open", at)).toThrow('incomplete string literal');
  });
});

describe('prefixes', () => {
  const values = { timestamp: at, offsetMinutes: 0, random: createRandom(1) };
  it('appends yyyy/MM/dd/HH/ when there is no timestamp expression, but not to a partitioned prefix', () => {
    expect(evaluatePrefix(compilePrefix('logs/', 'Prefix'), values)).toBe('logs/2024/02/29/23/');
    expect(evaluatePrefix(compilePrefix('', 'Prefix'), values)).toBe('2024/02/29/23/');
    expect(evaluatePrefix(compilePrefix('c=!{partitionKeyFromQuery:c}/', 'Prefix'), { ...values, queryKeys: { c: '42' } })).toBe('c=42/');
    expect(evaluatePrefix(compilePrefix('e/!{firehose:error-output-type}/', 'ErrorOutputPrefix'), { ...values, errorType: 'format-conversion-failed' })).toBe('e/format-conversion-failed/2024/02/29/23/');
  });
  it("applies AWS's validation rules", () => {
    expect(() => validatePrefixes('!{timestamp:yyyy}/', undefined, false, [], false)).toThrow('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.');
    expect(() => validatePrefixes('a/', 'e/!{timestamp:yyyy}/', false, [], false)).toThrow('must contain !{firehose:error-output-type}');
    expect(() => validatePrefixes('!{firehose:error-output-type}/', 'e/', false, [], false)).toThrow('not allowed in Prefix');
    expect(() => validatePrefixes('a/', 'e/!{partitionKeyFromQuery:x}', false, [], false)).toThrow('not allowed in ErrorOutputPrefix');
    expect(() => validatePrefixes('!{partitionKeyFromQuery:x}/', 'e/!{firehose:error-output-type}', false, ['x'], false)).toThrow('dynamic partitioning is not enabled');
    expect(() => validatePrefixes('static/', 'e/!{firehose:error-output-type}', true, ['x'], false)).toThrow('must contain at least one partitionKeyFromQuery');
    expect(() => validatePrefixes('!{partitionKeyFromQuery:y}/', 'e/!{firehose:error-output-type}', true, ['x'], false)).toThrow("does not define the key 'y'");
    expect(() => validatePrefixes('!{partitionKeyFromLambda:y}/', 'e/!{firehose:error-output-type}', true, [], false)).toThrow('no Lambda processor');
    expect(() => validatePrefixes('!{foo:bar}/', 'e/', false, [], false)).toThrow("unsupported namespace 'foo'");
    expect(() => validatePrefixes('!{timestamp:yyyy', 'e/', false, [], false)).toThrow("not closed with '}'");
    expect(() => validatePrefixes('a/', 'errors/', false, [], false)).not.toThrow();
  });
});
