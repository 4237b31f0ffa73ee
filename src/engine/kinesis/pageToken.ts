/**
 * Opaque pagination tokens (ListStreams, ListShards NextToken): base64 of the
 * fields joined by '|', with a checksum tied to the simulation's seed so that a
 * tampered or foreign token is refused rather than misread. The fields are the
 * caller's; a ListShards token carries its issue time, because AWS lets it
 * expire after 300 s [BC-K ListShards].
 */
import { fromBase64, toBase64 } from '../core/base64';
import { decodeUtf8, encodeUtf8 } from '../core/utf8';
import { hash32 } from '../core/random';

/** Encodes `fields` (none may contain '|') under a kind tag such as "KLS1". */
export function encodePageToken(kind: string, fields: readonly (string | number)[], secret: string): string {
  const body = [kind, ...fields].join('|');
  const chk = hash32(body, hash32(secret)).toString(36);
  return toBase64(encodeUtf8(`${body}|${chk}`));
}

/** Decodes a token of `kind` with `count` fields; undefined when it is not one. */
export function decodePageToken(text: unknown, kind: string, count: number, secret: string): string[] | undefined {
  const bytes = typeof text === 'string' ? fromBase64(text) : undefined;
  if (bytes === undefined) return undefined;
  const parts = decodeUtf8(bytes).split('|');
  if (parts.length !== count + 2 || parts[0] !== kind) return undefined;
  const body = parts.slice(0, count + 1).join('|');
  if (hash32(body, hash32(secret)).toString(36) !== parts[count + 1]) return undefined;
  return parts.slice(1, count + 1);
}
