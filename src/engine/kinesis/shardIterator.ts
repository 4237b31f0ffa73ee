/**
 * Shard iterators: opaque strings (at most 512 characters [BC-K]) that carry
 * the stream, shard, position and issue time, with a checksum so a tampered or
 * foreign iterator is refused rather than misread. They expire 5 minutes after
 * they are issued, used or not [BC-K GetShardIterator].
 */
import { fromBase64, toBase64 } from '../core/base64';
import { decodeUtf8, encodeUtf8 } from '../core/utf8';
import { hash32 } from '../core/random';
import { invalidArgument } from '../core/errors';

export interface IteratorState {
  stream: string;
  streamCreatedAt: number;
  shardId: string;
  /** Index of the next record to return. */
  position: number;
  issuedAt: number;
}

const VERSION = 'KSI1';

/** Encodes an iterator; `secret` ties it to one simulation's seed. */
export function encodeIterator(st: IteratorState, secret: string): string {
  const body = [VERSION, st.stream, st.streamCreatedAt, st.shardId, st.position, st.issuedAt].join('|');
  const chk = hash32(body, hash32(secret)).toString(36);
  return toBase64(encodeUtf8(`${body}|${chk}`));
}

/** Decodes an iterator or throws InvalidArgumentException "Invalid ShardIterator." */
export function decodeIterator(text: string, secret: string): IteratorState {
  const bytes = typeof text === 'string' ? fromBase64(text) : undefined;
  const parts = bytes === undefined ? [] : decodeUtf8(bytes).split('|');
  if (parts.length !== 7 || parts[0] !== VERSION) throw invalidArgument('Invalid ShardIterator.');
  const body = parts.slice(0, 6).join('|');
  if (hash32(body, hash32(secret)).toString(36) !== parts[6]) throw invalidArgument('Invalid ShardIterator.');
  return {
    stream: parts[1],
    streamCreatedAt: Number(parts[2]),
    shardId: parts[3],
    position: Number(parts[4]),
    issuedAt: Number(parts[5]),
  };
}
