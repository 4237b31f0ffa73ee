/**
 * The video view's question: one stream's figures (the engine's counters, one
 * source), the last minute of fragments and refusals for the timeline, recent
 * acks, and the scene with any detections at the playback position (live
 * edge, or seconds behind it). Plain, structured-clone-safe data.
 */
import type { InspectSources } from './sources';
import type { TimelineBlock, VideoView } from './types';

/**
 * Answers the video view's question for `stream` (or the first stream),
 * `behindMs` behind live, or, with `follow`, at the position of that HLS
 * viewer (the last fragment its session served) or GetMedia reader (the
 * fragment its MillisBehindNow was measured on).
 */
export function videoView(sim: InspectSources, stream: string | undefined, behindMs = 0, windowMs = 60000, follow?: string): VideoView {
  const names = [...sim.videoContext.streams.values()].filter((s) => !s.deleted).map((s) => s.name);
  const now = sim.core.now();
  const name = stream !== undefined && names.includes(stream) ? stream : names[0];
  if (name === undefined) return { streams: names, now };
  const stats = sim.video.stats(name);
  const from = now - windowMs;
  const blocks: TimelineBlock[] = sim.video.fragments(name, from, now, 2000).map((f) => ({
    kind: 'stored',
    label: f.FragmentNumber.slice(-6),
    serverTimestamp: f.ServerTimestamp,
    producerTimestamp: f.ProducerTimestamp,
    durationMs: f.FragmentLengthInMilliseconds,
    sizeBytes: f.FragmentSizeInBytes,
  }));
  for (const r of sim.video.refusedFragments(name)) {
    if (r.serverTimestamp + r.durationMs < from) continue;
    blocks.push({ kind: 'refused', label: r.errorId !== undefined ? String(r.errorId) : 'throttled', serverTimestamp: r.serverTimestamp, producerTimestamp: r.producerTimestamp, durationMs: r.durationMs, sizeBytes: r.sizeBytes, reason: r.reason });
  }
  const live = stats.newestServerTimestamp;
  const viewer = follow === undefined ? undefined : sim.video.viewers().find((v) => v.stream === name && v.name === follow);
  const reader = follow === undefined ? undefined : sim.video.readers().find((r) => r.stream === name && r.name === follow);
  const followed = viewer?.lastServerTimestamp ?? (reader?.millisBehindNow !== undefined ? now - reader.millisBehindNow : undefined);
  const position = live === undefined ? undefined : followed ?? Math.max(stats.oldestServerTimestamp ?? live, live - behindMs);
  const processors = sim.rekognition.processors().filter((p) => p.inputStreamName === name);
  return {
    streams: names,
    now,
    stream: {
      ...stats,
      blocks,
      acks: sim.video.acks(name, now - 10000, now).slice(-12),
      cameras: sim.video.cameras().filter((c) => c.streamName === name).map((c) => ({ name: c.name, status: c.status, fps: c.fps, bitrateKbps: c.bitrateKbps, resolution: c.resolution, produced: c.produced, refused: c.refused })),
      viewers: sim.video.viewers().filter((v) => v.stream === name).map((v) => ({ name: v.name, status: v.status, fragments: v.fragments, lagMs: v.lastServerTimestamp === undefined ? undefined : now - v.lastServerTimestamp })),
      readers: sim.video.readers().filter((r) => r.stream === name).map((r) => ({ name: r.name, fragments: r.fragments, millisBehindNow: r.millisBehindNow })),
      processors: processors.map((p) => ({ name: p.name, status: p.status, kind: p.settings.FaceSearch !== undefined ? 'face search' : 'connected home', records: p.counters.recordsWritten, notifications: p.counters.notifications })),
      position,
      ...(followed !== undefined ? { following: follow } : {}),
      lagMs: position === undefined ? undefined : now - position,
      scene: position === undefined ? [] : sim.video.sceneAt(name, position),
      detections: position === undefined ? [] : sim.rekognition.detectionsAt(name, position),
    },
  };
}
