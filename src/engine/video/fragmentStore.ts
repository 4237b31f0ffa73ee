/**
 * The per-stream fragment index: runs of regular fragments (types.ts
 * FragmentRun), appended in ingest order and trimmed at the head by retention.
 * Lookups by number and by server or producer time are binary searches over runs.
 */
import { fragmentNumber } from './fragmentNumber';
import type { Fragment, FragmentRun, VideoStreamState } from './types';

/**
 * A run object, always built by this one literal: runs then share one hidden
 * class. (A spread copy got a map of its own per run in V8, so every loop over
 * a stream's runs went megamorphic: 30 us to scan 33 runs.)
 */
function newRun(firstProducer: number, firstServer: number, durationMs: number, sizeBytes: number, tracks: number, camera: string, session: number, firstSeq: number, count: number): FragmentRun {
  return { firstProducer, firstServer, durationMs, sizeBytes, tracks, camera, session, firstSeq, count };
}

/** Appends one accepted fragment (extending the last run when it continues it exactly). */
export function appendFragment(s: VideoStreamState, f: Omit<FragmentRun, 'firstSeq' | 'count'>): number {
  const seq = s.nextSeq++;
  const last = s.runs.length > 0 ? s.runs[s.runs.length - 1] : undefined;
  if (
    last !== undefined &&
    last.durationMs === f.durationMs &&
    last.sizeBytes === f.sizeBytes &&
    last.tracks === f.tracks &&
    last.camera === f.camera &&
    last.session === f.session &&
    last.firstSeq + last.count === seq &&
    last.firstProducer + last.count * last.durationMs === f.firstProducer &&
    last.firstServer + last.count * last.durationMs === f.firstServer
  ) {
    last.count++;
  } else {
    s.runs.push(newRun(f.firstProducer, f.firstServer, f.durationMs, f.sizeBytes, f.tracks, f.camera, f.session, seq, 1));
  }
  s.storedFragments++;
  s.storedBytes += f.sizeBytes;
  s.liveSizeTime += f.sizeBytes * f.firstServer;
  return seq;
}

/**
 * Appends `n` regular fragments (the camera's fast path: same camera, session,
 * size and duration, back to back), extending the last run when they continue
 * it, without building a run object for the common case. The caller has
 * checked the first one as PutMedia would and that nothing changes within them.
 */
export function appendRegular(s: VideoStreamState, producer0: number, server0: number, durationMs: number, sizeBytes: number, tracks: number, camera: string, session: number, n: number): void {
  const runs = s.runs;
  const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
  const seq = s.nextSeq;
  if (
    last !== undefined &&
    last.durationMs === durationMs &&
    last.sizeBytes === sizeBytes &&
    last.tracks === tracks &&
    last.camera === camera &&
    last.session === session &&
    last.firstSeq + last.count === seq &&
    last.firstServer + last.count * last.durationMs === server0 &&
    last.firstProducer + last.count * last.durationMs === producer0
  ) {
    last.count += n;
  } else {
    runs.push(newRun(producer0, server0, durationMs, sizeBytes, tracks, camera, session, seq, n));
  }
  s.nextSeq += n;
  s.storedFragments += n;
  s.storedBytes += n * sizeBytes;
  s.liveSizeTime += sizeBytes * (n * server0 + (durationMs * n * (n - 1)) / 2);
}

/** Fragment `i` of a run, as the API shows it. */
export function materialise(s: VideoStreamState, r: FragmentRun, i: number): Fragment {
  const seq = r.firstSeq + i;
  return {
    seq,
    FragmentNumber: fragmentNumber(s.index, seq),
    FragmentSizeInBytes: r.sizeBytes,
    ProducerTimestamp: r.firstProducer + i * r.durationMs,
    ServerTimestamp: r.firstServer + i * r.durationMs,
    FragmentLengthInMilliseconds: r.durationMs,
    tracks: r.tracks,
    camera: r.camera,
    session: r.session,
  };
}

/**
 * Drops `k` fragments from the head of the oldest run; returns the bytes dropped.
 * `keptUntil` says how long each was stored, for the storage meter: 'retention'
 * (server time + the retention period), or an instant (a decrease deletes now).
 */
export function dropHead(s: VideoStreamState, k: number, keptUntil: 'retention' | number = 'retention'): number {
  let bytes = 0;
  while (k > 0 && s.runs.length > 0) {
    const r = s.runs[0];
    const n = Math.min(k, r.count);
    const sumServer = n * r.firstServer + (r.durationMs * n * (n - 1)) / 2;
    s.liveSizeTime -= r.sizeBytes * sumServer;
    if (s.retentionHours > 0) {
      s.counters.storedByteMs += keptUntil === 'retention' ? r.sizeBytes * n * s.retentionHours * 3600000 : r.sizeBytes * (n * keptUntil - sumServer);
    }
    r.firstSeq += n;
    r.firstProducer += n * r.durationMs;
    r.firstServer += n * r.durationMs;
    r.count -= n;
    bytes += n * r.sizeBytes;
    s.storedFragments -= n;
    s.storedBytes -= n * r.sizeBytes;
    s.counters.fragmentsExpired += n;
    s.counters.bytesExpired += n * r.sizeBytes;
    k -= n;
    if (r.count === 0) s.runs.shift();
  }
  return bytes;
}

/** Drops every head fragment whose server timestamp is before `cutoff`. */
export function dropBefore(s: VideoStreamState, cutoff: number, keptUntil: 'retention' | number = 'retention'): void {
  while (s.runs.length > 0) {
    const r = s.runs[0];
    if (r.firstServer >= cutoff) return;
    const k = Math.min(r.count, Math.ceil((cutoff - r.firstServer) / r.durationMs));
    const whole = k === r.count;
    dropHead(s, k, keptUntil);
    if (!whole) return;
  }
}

/** The stored fragment with sequence `seq`, if still stored. */
export function fragmentBySeq(s: VideoStreamState, seq: number): Fragment | undefined {
  const i = runIndexOfSeq(s, seq);
  if (i < 0) return undefined;
  const r = s.runs[i];
  return materialise(s, r, seq - r.firstSeq);
}

/** The stored run holding sequence `seq`, if still stored. */
export function runOfSeq(s: VideoStreamState, seq: number): FragmentRun | undefined {
  const i = runIndexOfSeq(s, seq);
  return i < 0 ? undefined : s.runs[i];
}

function runIndexOfSeq(s: VideoStreamState, seq: number): number {
  let lo = 0;
  let hi = s.runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = s.runs[mid];
    if (seq < r.firstSeq) hi = mid - 1;
    else if (seq >= r.firstSeq + r.count) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The first stored sequence at or after `seq` (undefined when none). */
export function firstSeqAtOrAfter(s: VideoStreamState, seq: number): number | undefined {
  for (const r of s.runs) if (r.firstSeq + r.count > seq) return Math.max(seq, r.firstSeq);
  return undefined;
}

/** The oldest and newest stored sequences, or undefined when nothing is stored. */
export function seqBounds(s: VideoStreamState): [number, number] | undefined {
  if (s.runs.length === 0) return undefined;
  const last = s.runs[s.runs.length - 1];
  return [s.runs[0].firstSeq, last.firstSeq + last.count - 1];
}

/**
 * The first stored sequence whose timestamp (server or producer) is at or
 * after `t`, or undefined. Server times rise with sequence, so the run is
 * found by a binary search; producer times rise only within a session (4004
 * refuses a step back), so that search goes run by run.
 */
export function firstSeqAtTime(s: VideoStreamState, t: number, kind: 'SERVER' | 'PRODUCER'): number | undefined {
  const runs = s.runs;
  let k = 0;
  if (kind === 'SERVER') {
    // The first run whose last fragment starts at or after t.
    let hi = runs.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      const r = runs[mid];
      if (r.firstServer + (r.count - 1) * r.durationMs < t) k = mid + 1;
      else hi = mid;
    }
  }
  for (; k < runs.length; k++) {
    const r = runs[k];
    const first = kind === 'SERVER' ? r.firstServer : r.firstProducer;
    const lastStart = first + (r.count - 1) * r.durationMs;
    if (lastStart < t) continue;
    const i = t <= first ? 0 : Math.ceil((t - first) / r.durationMs);
    return r.firstSeq + i;
  }
  return undefined;
}

/** Index of the first run holding a sequence at or after `seq` (runs are in sequence order); runs.length when none. */
function firstRunFrom(s: VideoStreamState, seq: number): number {
  const runs = s.runs;
  let lo = 0, hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (r.firstSeq + r.count <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls `fn` for every stored fragment with sequence in [fromSeq, toSeq], in order; stops when fn returns false. */
export function forEachFragment(s: VideoStreamState, fromSeq: number, toSeq: number, fn: (f: Fragment) => boolean | void): void {
  const runs = s.runs;
  for (let k = firstRunFrom(s, fromSeq); k < runs.length; k++) {
    const r = runs[k];
    if (r.firstSeq > toSeq) return;
    const a = Math.max(fromSeq, r.firstSeq);
    const b = Math.min(toSeq, r.firstSeq + r.count - 1);
    for (let seq = a; seq <= b; seq++) if (fn(materialise(s, r, seq - r.firstSeq)) === false) return;
  }
}

/**
 * Calls `fn(run, i0, i1)` for each run's indexes i0..i1 of the stored fragments with sequence in
 * [fromSeq, toSeq], in order, without materialising them; stops when fn returns false.
 */
export function forEachRunSpan(s: VideoStreamState, fromSeq: number, toSeq: number, fn: (r: FragmentRun, i0: number, i1: number) => boolean): void {
  const runs = s.runs;
  for (let k = firstRunFrom(s, fromSeq); k < runs.length; k++) {
    const r = runs[k];
    if (r.firstSeq > toSeq) return;
    const a = Math.max(fromSeq, r.firstSeq);
    const b = Math.min(toSeq, r.firstSeq + r.count - 1);
    if (a <= b && fn(r, a - r.firstSeq, b - r.firstSeq) === false) return;
  }
}
