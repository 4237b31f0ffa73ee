/**
 * S3 object names as Firehose writes them [s3-object-name doc; facts B3]:
 * `<stream>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid><extension>`,
 * with a version-4 UUID drawn from the seeded generator.
 */
import type { Random } from '../core/random';
import { formatPattern } from './dateTimeFormat';

const HEX = '0123456789abcdef';

/** A random (version 4, variant 10) UUID from the seeded generator. */
export function uuidV4(random: Random): string {
  let out = '';
  for (let i = 0; i < 32; i++) {
    let nibble = random.int(16);
    if (i === 12) nibble = 4;
    else if (i === 16) nibble = 8 | (nibble & 3);
    out += HEX[nibble];
    if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
  }
  return out;
}

/** The object name (the part after the prefix). */
export function objectName(stream: string, version: number, deliveredAt: number, offsetMinutes: number, random: Random, extension: string): string {
  return `${stream}-${version}-${formatPattern('yyyy-MM-dd-HH-mm-ss', deliveredAt, offsetMinutes)}-${uuidV4(random)}${extension}`;
}
