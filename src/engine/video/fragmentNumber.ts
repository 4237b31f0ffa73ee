/**
 * Fragment numbers: decimal strings that rise with ingest order per stream, as
 * AWS's do (AWS's are up to 128 characters; these are 47 digits, fixed width,
 * so string order is numeric order) [BC-KVAM Fragment.FragmentNumber].
 */
import { invalidArgument } from '../core/errors';

const PREFIX = '9134385233318143';
const INDEX_DIGITS = 6;
const SEQ_DIGITS = 25;

/** The fragment number of sequence `seq` on the stream with index `streamIndex`. */
export function fragmentNumber(streamIndex: number, seq: number): string {
  return PREFIX + String(streamIndex).padStart(INDEX_DIGITS, '0') + String(seq).padStart(SEQ_DIGITS, '0');
}

/** The sequence inside a fragment number of this stream, or undefined when it is not one of its numbers. */
export function parseFragmentNumber(streamIndex: number, n: string): number | undefined {
  if (typeof n !== 'string' || n.length !== PREFIX.length + INDEX_DIGITS + SEQ_DIGITS || !/^[0-9]+$/.test(n)) return undefined;
  if (!n.startsWith(PREFIX) || Number(n.slice(PREFIX.length, PREFIX.length + INDEX_DIGITS)) !== streamIndex) return undefined;
  return Number(n.slice(PREFIX.length + INDEX_DIGITS));
}

/** Like parseFragmentNumber, but throws InvalidArgumentException as the data plane does for a malformed number. */
export function requireFragmentNumber(streamIndex: number, n: string): number {
  const seq = parseFragmentNumber(streamIndex, n);
  if (seq === undefined) throw invalidArgument(`Fragment number ${String(n)} is not valid for this stream.`);
  return seq;
}
