/**
 * The subset of Java's DateTimeFormatter patterns that Firehose's
 * `!{timestamp:<pattern>}` accepts [KDF-DG23 s3-prefixes]: letters are
 * pattern fields, text in single quotes is literal ('' is a quote), every
 * other character is copied. Supported fields: y/u (year), M (month, MMM
 * short name, MMMM full), d, D (day of year), H, h, k, K, m, s, S (fraction),
 * E (day name), a (AM/PM), w is not supported.
 */
import { civilFromEpochMs, type CivilTime } from './calendar';

type Token = { literal: string } | { field: string; width: number };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SUPPORTED = new Set(['y', 'u', 'M', 'L', 'd', 'D', 'H', 'h', 'k', 'K', 'm', 's', 'S', 'E', 'a']);

/** Parses a pattern; throws an Error whose message says what is wrong. */
export function parseDateTimePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      let j = i + 1, text = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { text += "'"; j += 2; continue; }
          break;
        }
        text += pattern[j++];
      }
      tokens.push({ literal: j === i + 1 ? "'" : text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!SUPPORTED.has(c)) throw new Error(`Unknown pattern letter: ${c}`);
      tokens.push({ field: c, width: j - i });
      i = j;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

/** Formats `epochMs` (shifted by the zone offset) with a parsed pattern. */
export function formatDateTime(tokens: Token[], epochMs: number, offsetMinutes = 0): string {
  const t = civilFromEpochMs(epochMs, offsetMinutes);
  let out = '';
  for (const tok of tokens) out += 'literal' in tok ? tok.literal : field(t, tok.field, tok.width);
  return out;
}

/** Parses and formats in one step. */
export function formatPattern(pattern: string, epochMs: number, offsetMinutes = 0): string {
  return formatDateTime(parseDateTimePattern(pattern), epochMs, offsetMinutes);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function field(t: CivilTime, f: string, w: number): string {
  switch (f) {
    case 'y':
    case 'u':
      // Java: "yy" is the two-digit year; any other count pads to that width.
      return w === 2 ? pad(t.year % 100, 2) : pad(t.year, w);
    case 'M':
    case 'L':
      return w >= 4 ? MONTHS[t.month - 1] : w === 3 ? MONTHS[t.month - 1].slice(0, 3) : pad(t.month, w);
    case 'd': return pad(t.day, w);
    case 'D': return pad(t.dayOfYear, w);
    case 'H': return pad(t.hour, w);
    case 'k': return pad(t.hour === 0 ? 24 : t.hour, w);
    case 'K': return pad(t.hour % 12, w);
    case 'h': return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, w);
    case 'm': return pad(t.minute, w);
    case 's': return pad(t.second, w);
    case 'S': return pad(t.millisecond, 3).padEnd(w, '0').slice(0, w);
    case 'E': return w >= 4 ? DAYS[t.dayOfWeek - 1] : DAYS[t.dayOfWeek - 1].slice(0, 3);
    case 'a': return t.hour < 12 ? 'AM' : 'PM';
    default: return '';
  }
}
