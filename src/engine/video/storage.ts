/**
 * Storage and time: retention expiry (by server timestamp), the host buffer
 * that retention 0 leaves (5 minutes or 200 MB, whichever first), and the
 * stored-bytes integral the cost meter bills as GB-month.
 */
import { HOST_BUFFER_BYTES, HOST_BUFFER_MS } from './constants';
import { dropBefore, dropHead } from './fragmentStore';
import type { VideoStreamState } from './types';

const HOUR_MS = 3600 * 1000;

/**
 * Stored byte-milliseconds up to `t`: what gone fragments were kept for, plus
 * each stored fragment's size x its age. Only persisted data is billed (retention > 0).
 * The same however finely time was advanced. (A fragment that expires is
 * counted for the retention period in force when it goes.)
 */
export function storedByteMs(s: VideoStreamState, t: number): number {
  return s.counters.storedByteMs + (s.retentionHours > 0 ? t * s.storedBytes - s.liveSizeTime : 0);
}

/** Expires what retention (or the host buffer) no longer keeps at time `t`; `decreasedAt` when a retention decrease deletes now. */
export function expireStream(s: VideoStreamState, t: number, decreasedAt?: number): void {
  if (s.retentionHours > 0) {
    dropBefore(s, t - s.retentionHours * HOUR_MS, decreasedAt ?? 'retention');
    return;
  }
  // Retention 0: the host buffer drops fragments past 5 minutes or past 200 MB [BC-KV DataRetentionInHours].
  dropBefore(s, t - HOST_BUFFER_MS);
  while (s.storedBytes > HOST_BUFFER_BYTES && s.runs.length > 0) {
    const r = s.runs[0];
    const over = s.storedBytes - HOST_BUFFER_BYTES;
    dropHead(s, Math.min(r.count, Math.max(1, Math.ceil(over / r.sizeBytes))));
  }
}

/** The oldest server time still kept at `t` (retention, or the 5-minute buffer). */
export function retentionCutoff(s: VideoStreamState, t: number): number {
  return t - (s.retentionHours > 0 ? s.retentionHours * HOUR_MS : HOST_BUFFER_MS);
}
