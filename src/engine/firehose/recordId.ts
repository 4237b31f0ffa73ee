/**
 * RecordId: the ID Firehose gives each put record, a long opaque string
 * (real ones are 224 characters of base64-like text). Drawn from the seeded
 * generator, so runs repeat exactly.
 */
import type { Random } from '../core/random';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A new opaque RecordId drawn from `random`. */
export function newRecordId(random: Random): string {
  return random.string(224, ALPHABET);
}
