/**
 * GetClip for the Video view's "Download clip": the engine's GetClip over the
 * last seconds of a stream (its refusals are the learner's: retention 0, a
 * range beyond 24 hours, no fragments in range; its 100 MB / 200 fragment
 * truncation holds; its bytes are counted out as AWS bills them), then the
 * synthetic scene and the running processors' detections at each frame time
 * of the fragments it returned, for the UI to draw and encode as an MP4.
 */
import { decodeChunks, type SceneObject, type Simulation } from '../engine';

/** Frames per second of the exported clip: the scene moves slowly, and encoding in the page should take seconds. */
export const CLIP_FPS = 10;

export interface ClipFrame {
  /** Server time of the frame (ms). */
  t: number;
  scene: SceneObject[];
  detections: SceneObject[];
}

export interface VideoClip {
  stream: string;
  /** Server times the clip covers (ms): the first fragment's start to the last fragment's end. */
  start: number;
  end: number;
  fragments: Array<{ number: string; server: number; durationMs: number; bytes: number }>;
  /** What GetClip returned in bytes, as the engine counts it. */
  payloadBytes: number;
  fps: number;
  frames: ClipFrame[];
}

/** GetClip over the `seconds` before now on `stream` (SERVER_TIMESTAMP), and the frames of what it returned. */
export function videoClip(sim: Simulation, stream: string, seconds: number): VideoClip {
  const now = sim.now();
  const out = sim.video.getClip({
    StreamName: stream,
    ClipFragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: now - seconds * 1000, EndTimestamp: now } },
  });
  const chunks = decodeChunks(out.Payload);
  const fragments = chunks.map((c) => ({ number: c.AWS_KINESISVIDEO_FRAGMENT_NUMBER, server: c.AWS_KINESISVIDEO_SERVER_TIMESTAMP, durationMs: c.FragmentLengthInMilliseconds, bytes: c.FragmentSizeInBytes }));
  const frames: ClipFrame[] = [];
  for (const f of fragments) {
    for (let t = f.server; t < f.server + f.durationMs; t += 1000 / CLIP_FPS) {
      frames.push({ t, scene: sim.video.sceneAt(stream, t), detections: sim.rekognition.detectionsAt(stream, t) });
    }
  }
  const start = fragments[0].server;
  const last = fragments[fragments.length - 1];
  return { stream, start, end: last.server + last.durationMs, fragments, payloadBytes: out.Payload.length, fps: CLIP_FPS, frames };
}
