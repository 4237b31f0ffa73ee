/**
 * The video inspector's edits as scenario commands (the allow-list in
 * src/scenarios/videoShapes.ts), so each is recorded as a scenario would hold
 * it and checked by the schema and then by the engine.
 */
import type { Command } from '../worker/protocol';

/** Starts a camera: a PutMedia call (refused while another camera's connection is open). */
export function startCamera(name: string): Command {
  return { op: 'video.startCamera', args: { name } };
}

/** Stops a camera: its connection sends IDLE and closes after 30 s. */
export function stopCamera(name: string): Command {
  return { op: 'video.stopCamera', args: { name } };
}

/** Changes a camera's bitrate from its next fragment. */
export function setCameraBitrate(name: string, bitrateKbps: number): Command {
  return { op: 'video.updateCamera', args: { name, bitrateKbps } };
}

/** UpdateDataRetention from `current` to `target` hours: AWS takes the change, INCREASE or DECREASE, not the new value. */
export function setVideoRetention(stream: string, current: number, target: number): Command | null {
  if (target === current) return null;
  return {
    op: 'video.updateDataRetention',
    args: { StreamName: stream, Operation: target > current ? 'INCREASE_DATA_RETENTION' : 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: Math.abs(target - current) },
  };
}

/** Removes a GetMedia reader or an HLS viewer. */
export function removeVideoConsumer(kind: 'getMedia' | 'hls', name: string): Command {
  return kind === 'getMedia' ? { op: 'video.removeGetMediaReader', args: { name } } : { op: 'video.removeHlsViewer', args: { name } };
}

/** StartStreamProcessor; a label detection processor runs one session of at most `maxSeconds` (AWS: 1..120 s). */
export function startProcessor(name: string, maxSeconds?: number): Command {
  return { op: 'rekognition.startStreamProcessor', args: maxSeconds === undefined ? { Name: name } : { Name: name, MaxDurationInSeconds: maxSeconds } };
}

/** StopStreamProcessor. */
export function stopProcessor(name: string): Command {
  return { op: 'rekognition.stopStreamProcessor', args: { Name: name } };
}

/** DeleteStreamProcessor (AWS refuses it while the processor runs). */
export function deleteProcessor(name: string): Command {
  return { op: 'rekognition.deleteStreamProcessor', args: { Name: name } };
}

/** A region of interest as a box, in ratios of the frame. */
export interface RegionBox {
  Left: number;
  Top: number;
  Width: number;
  Height: number;
}

/**
 * UpdateStreamProcessor for a label detection processor: its labels and
 * minimum confidence, and its region of interest (a box, or none: the
 * processor's regions are deleted when it had some).
 */
export function updateLabelDetection(name: string, labels: string[], minConfidence: number, region: RegionBox | null, hadRegions: boolean): Command {
  const args: Record<string, unknown> = { Name: name, SettingsForUpdate: { ConnectedHomeForUpdate: { Labels: labels, MinConfidence: minConfidence } } };
  if (region !== null) args.RegionsOfInterestForUpdate = [{ BoundingBox: region }];
  else if (hadRegions) args.ParametersToDelete = ['RegionsOfInterest'];
  return { op: 'rekognition.updateStreamProcessor', args: args as Command['args'] };
}
