/** NextToken for the video list operations: an opaque form of the next index. */
import { invalidArgument } from '../core/errors';

/** Encodes the index of the next item as an opaque token. */
export function encodePageToken(next: number): string {
  return `kvs${next.toString(36).padStart(8, '0')}`;
}

/** The next index a token names (InvalidArgumentException for a token this service did not give). */
export function decodePageToken(token: string): number {
  if (!/^kvs[0-9a-z]{8}$/.test(token)) throw invalidArgument('The NextToken is not valid.');
  return parseInt(token.slice(3), 36);
}
