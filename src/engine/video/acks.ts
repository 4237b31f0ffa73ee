/**
 * The PutMedia acknowledgement stream of a stream, derived from its fragments
 * (acks are not stored one by one): BUFFERING when a fragment's first byte
 * arrives, RECEIVED when all of it has, PERSISTED once stored (only when
 * retention > 0), ERROR with the PutMedia ErrorId for a refused fragment, and
 * IDLE every few seconds while an open connection gets no data [PutMedia].
 * FragmentTimecode is the producer timestamp (timecode type ABSOLUTE).
 */
import { IDLE_ACK_INTERVAL_MS, IDLE_CLOSE_MS, PERSISTED_LATENCY_MS, RECEIVED_LATENCY_MS } from './constants';
import { firstSeqAtTime, forEachFragment } from './fragmentStore';
import type { VideoStreamState } from './types';

/** One acknowledgement as PutMedia sends it, with the time it is sent. */
export interface Ack {
  time: number;
  AckEventType: 'BUFFERING' | 'RECEIVED' | 'PERSISTED' | 'ERROR' | 'IDLE';
  FragmentTimecode?: number;
  FragmentNumber?: string;
  ErrorId?: number;
  /** For an ERROR without a numeric code (a stream limit or the minimum duration): why. */
  Reason?: string;
  session: number;
}

/** Acks sent in [from, to] (and not after `now`), in time order. */
export function acksBetween(s: VideoStreamState, from: number, to: number, now: number): Ack[] {
  const out: Ack[] = [];
  const end = Math.min(to, now);
  const first = firstSeqAtTime(s, from - 11000, 'SERVER');
  if (first !== undefined) {
    forEachFragment(s, first, s.nextSeq - 1, (f) => {
      if (f.ServerTimestamp > end) return false;
      const base = { FragmentTimecode: f.ProducerTimestamp, FragmentNumber: f.FragmentNumber, session: f.session };
      const done = f.ServerTimestamp + f.FragmentLengthInMilliseconds;
      out.push({ time: f.ServerTimestamp, AckEventType: 'BUFFERING', ...base });
      out.push({ time: done + RECEIVED_LATENCY_MS, AckEventType: 'RECEIVED', ...base });
      if (s.retentionHours > 0) out.push({ time: done + PERSISTED_LATENCY_MS, AckEventType: 'PERSISTED', ...base });
    });
  }
  for (const r of s.refused) {
    if (r.serverTimestamp > end || r.serverTimestamp + r.durationMs < from) continue;
    out.push({ time: r.serverTimestamp, AckEventType: 'BUFFERING', FragmentTimecode: r.producerTimestamp, session: r.session });
    const err: Ack = { time: r.serverTimestamp + r.durationMs + RECEIVED_LATENCY_MS, AckEventType: 'ERROR', FragmentTimecode: r.producerTimestamp, session: r.session };
    if (r.errorId !== undefined) err.ErrorId = r.errorId;
    else err.Reason = r.reason;
    out.push(err);
  }
  for (const x of [...s.pastSessions, ...(s.session === null ? [] : [s.session])]) {
    const idleEnd = x.status === 'CLOSED' ? x.closedAt! : x.status === 'IDLE' ? Math.min(now, x.lastDataAt + IDLE_CLOSE_MS) : x.lastDataAt;
    if (x.status === 'OPEN' || (x.closeReason !== 'IDLE_TIMEOUT' && x.status === 'CLOSED')) continue;
    for (let t = x.lastDataAt + IDLE_ACK_INTERVAL_MS; t < idleEnd; t += IDLE_ACK_INTERVAL_MS) if (t >= from && t <= end) out.push({ time: t, AckEventType: 'IDLE', session: x.id });
  }
  return out.filter((a) => a.time >= from && a.time <= end).sort((a, b) => a.time - b.time || order(a) - order(b));
}

const ORDER = { BUFFERING: 0, RECEIVED: 1, PERSISTED: 2, ERROR: 3, IDLE: 4 };
function order(a: Ack): number {
  return ORDER[a.AckEventType];
}
