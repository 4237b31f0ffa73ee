/**
 * Sequence numbers: 56-digit decimal strings starting with "49", like the real
 * ones [LDG23 sample event; KCLEX], that rise strictly within a shard. Layout
 * (the simulator's own, AWS treats them as opaque):
 *   "49" | shard creation epoch seconds (10 digits) | shard index (8 digits) | record index (36 digits)
 * so a sequence number tells its shard and its record without any lookup.
 */
const PAD36 = '0'.repeat(36);

/** The constant first 20 digits of every sequence number in a shard. */
export function sequencePrefix(shardCreatedAtMs: number, shardIndex: number): string {
  const secs = String(Math.floor(shardCreatedAtMs / 1000) % 1e10).padStart(10, '0');
  return '49' + secs + String(shardIndex).padStart(8, '0');
}

/** The sequence number of record `index` in a shard with the given prefix. */
export function sequenceNumberOf(prefix: string, index: number): string {
  const s = String(index);
  return prefix + PAD36.slice(s.length) + s;
}

/**
 * A per-shard formatter that keeps one padded prefix per digit count, so each
 * sequence number costs a single concatenation on the write path.
 */
export function sequenceFormatter(prefix: string): SequenceFormatter {
  return new SequenceFormatter(prefix);
}

/** The padded prefixes of one shard's sequence numbers, as plain data (checkpoints copy it). */
export class SequenceFormatter {
  /** prefix + padding, by the digit count of the index. */
  readonly byLength: string[] = [];

  constructor(readonly prefix: string) {
    for (let len = 1; len <= 17; len++) this.byLength[len] = prefix + PAD36.slice(len);
  }

  /** The sequence number of record `index`. */
  format(index: number): string {
    const s = String(index);
    return (this.byLength[s.length] ?? this.prefix + PAD36.slice(s.length)) + s;
  }
}

/** Decoded parts of a sequence number, or undefined when it is not one of ours. */
export function decodeSequenceNumber(seq: string): { prefix: string; shardIndex: number; index: number } | undefined {
  if (typeof seq !== 'string' || seq.length !== 56 || !/^49\d{54}$/.test(seq)) return undefined;
  const index = Number(seq.slice(20));
  if (!Number.isSafeInteger(index)) return undefined;
  return { prefix: seq.slice(0, 20), shardIndex: Number(seq.slice(12, 20)), index };
}

/** Sequence numbers on the wire match 0|([1-9]\d{0,128}) [BC-K]. */
export const SEQUENCE_NUMBER_PATTERN = /^(0|[1-9]\d{0,128})$/;
