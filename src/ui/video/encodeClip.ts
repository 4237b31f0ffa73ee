/**
 * Encodes a GetClip's frames as a real, playable MP4 in the page: each frame
 * drawn on an offscreen canvas (drawScene, as the player draws it) and
 * encoded by the browser's own WebCodecs encoder through Mediabunny's MP4
 * muxer. H.264 where the browser can encode it, else VP9 or AV1 (both valid
 * in MP4). Loaded lazily: nothing here is on the first page.
 */
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_MEDIUM, getFirstEncodableVideoCodec } from 'mediabunny';
import type { VideoClip } from '../../worker/videoClip';
import { drawScene } from './drawScene';

export const CLIP_WIDTH = 640;
export const CLIP_HEIGHT = 360;

/** Why this browser cannot encode a clip, or null when it can. */
export async function clipUnsupported(): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined' || typeof OffscreenCanvas === 'undefined') return 'This browser has no WebCodecs video encoder (VideoEncoder), so it cannot make an MP4 here; Chrome, Edge and Safari 17+ have one.';
  const codec = await getFirstEncodableVideoCodec(['avc', 'vp9', 'av1'], { width: CLIP_WIDTH, height: CLIP_HEIGHT });
  return codec === null ? 'This browser cannot encode H.264, VP9 or AV1 video, so it cannot make an MP4 here.' : null;
}

/** The MP4 of `clip`, and the codec used. */
export async function encodeClip(clip: VideoClip, onProgress?: (share: number) => void): Promise<{ mp4: Blob; codec: string }> {
  const codec = await getFirstEncodableVideoCodec(['avc', 'vp9', 'av1'], { width: CLIP_WIDTH, height: CLIP_HEIGHT });
  if (codec === null) throw new Error('No MP4 video codec can be encoded in this browser.');
  const canvas = new OffscreenCanvas(CLIP_WIDTH, CLIP_HEIGHT);
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('No 2D canvas in this browser.');
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_MEDIUM, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: clip.fps });
  await output.start();
  const step = 1 / clip.fps;
  for (let i = 0; i < clip.frames.length; i++) {
    const f = clip.frames[i];
    drawScene(g, CLIP_WIDTH, CLIP_HEIGHT, f.scene, f.detections);
    g.fillStyle = '#000';
    g.font = '14px monospace';
    g.fillText(new Date(f.t).toISOString().replace('T', ' ').slice(0, 19) + ' UTC', 8, CLIP_HEIGHT - 10);
    await source.add(i * step, step);
    onProgress?.((i + 1) / clip.frames.length);
  }
  await output.finalize();
  const buf = (output.target as BufferTarget).buffer;
  if (buf === null) throw new Error('The MP4 muxer produced no file.');
  return { mp4: new Blob([buf], { type: 'video/mp4' }), codec };
}
