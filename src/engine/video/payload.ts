/**
 * The bytes GetMedia, GetMediaForFragmentList and GetClip return. Media bytes
 * are decorative here (frames are never stored), so each fragment becomes one
 * chunk: a JSON line with the chunk's AWS tags (AWS_KINESISVIDEO_FRAGMENT_NUMBER,
 * _SERVER_TIMESTAMP, _PRODUCER_TIMESTAMP, _MILLIS_BEHIND_NOW, _CONTINUATION_TOKEN)
 * [BC-KVM GetMedia]. Billing counts the fragments' real sizes.
 */
import { decodeUtf8, encodeUtf8 } from '../core/utf8';
import type { Fragment } from './types';

/** One chunk's tags as GetMedia sends them (times in epoch ms). */
export interface ChunkTags {
  AWS_KINESISVIDEO_FRAGMENT_NUMBER: string;
  AWS_KINESISVIDEO_SERVER_TIMESTAMP: number;
  AWS_KINESISVIDEO_PRODUCER_TIMESTAMP: number;
  AWS_KINESISVIDEO_MILLIS_BEHIND_NOW?: number;
  AWS_KINESISVIDEO_CONTINUATION_TOKEN?: string;
  FragmentSizeInBytes: number;
  FragmentLengthInMilliseconds: number;
}

/** The chunk tags of a fragment read at `now`. */
export function chunkTags(f: Fragment, now: number, withLag: boolean): ChunkTags {
  const t: ChunkTags = {
    AWS_KINESISVIDEO_FRAGMENT_NUMBER: f.FragmentNumber,
    AWS_KINESISVIDEO_SERVER_TIMESTAMP: f.ServerTimestamp,
    AWS_KINESISVIDEO_PRODUCER_TIMESTAMP: f.ProducerTimestamp,
    FragmentSizeInBytes: f.FragmentSizeInBytes,
    FragmentLengthInMilliseconds: f.FragmentLengthInMilliseconds,
  };
  if (withLag) {
    t.AWS_KINESISVIDEO_MILLIS_BEHIND_NOW = now - f.ServerTimestamp;
    t.AWS_KINESISVIDEO_CONTINUATION_TOKEN = f.FragmentNumber;
  }
  return t;
}

/** Encodes chunks as newline-separated JSON. */
export function encodeChunks(chunks: readonly unknown[]): Uint8Array {
  return encodeUtf8(chunks.map((c) => JSON.stringify(c)).join('\n') + (chunks.length > 0 ? '\n' : ''));
}

/** Decodes what encodeChunks made (tests and the app's player read it). */
export function decodeChunks<T = ChunkTags>(bytes: Uint8Array): T[] {
  const text = decodeUtf8(bytes);
  return text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as T);
}
