/**
 * The graph's question to the video service: every video stream with its
 * figures against its limits, the cameras sending to it, and the consumers
 * reading it (GetMedia readers, HLS viewers, Rekognition stream processors
 * with where they write). Plain data, read from the service's own stats, so
 * the graph and the Video view show one number from one source.
 */
import type { RekognitionApi } from '../rekognition/rekognitionService';
import { DEFAULT_FACE_MATCH_THRESHOLD, DEFAULT_MIN_CONFIDENCE } from '../rekognition/labelFilter';
import { MAX_STREAMING_SESSIONS, PUT_MEDIA_BYTES_PER_SECOND, GET_MEDIA_CONNECTIONS } from './constants';
import type { VideoApi } from './videoService';

/** A video stream as the graph draws it. */
export interface VideoStreamNode {
  name: string;
  status: string;
  retentionHours: number;
  storedFragments: number;
  storedBytes: number;
  /** Bytes ingested over the last full second, and the PutMedia limit it is held against (12.5 MB/s). */
  ingestBytesPerSecond: number;
  ingestLimitBytesPerSecond: number;
  fragmentsRefused: number;
  /** The PutMedia connection's camera and status (OPEN or IDLE), if one is open. */
  putMediaCamera?: string;
  putMediaStatus?: string;
  /** Active HLS/DASH streaming sessions against the 10 a stream allows. */
  streamingSessions: number;
  streamingSessionLimit: number;
  /** GetMedia connections against the 3 a stream allows. */
  getMediaReaders: number;
  getMediaLimit: number;
}

/** A camera producer as the graph draws it. */
export interface CameraNode {
  name: string;
  stream: string;
  status: string;
  resolution: string;
  fps: number;
  bitrateKbps: number;
  produced: number;
  refused: number;
}

/** A consumer of a video stream. */
export type VideoConsumerNode =
  | { kind: 'getMedia'; name: string; stream: string; status: string; fragments: number; millisBehindNow?: number }
  | { kind: 'hls'; name: string; stream: string; status: string; fragments: number; session: number }
  | {
      kind: 'processor';
      name: string;
      stream: string;
      status: string;
      mode: 'FaceSearch' | 'ConnectedHome';
      dataStream?: string;
      bucket?: string;
      records: number;
      /** Label detection: the labels asked for and the minimum confidence in force (the default when none was given). */
      labels?: string[];
      minConfidence?: number;
      /** Face search: the similarity a match needs. */
      faceMatchThreshold?: number;
      regionsOfInterest: number;
      notifications: number;
    };

/** Everything video the graph shows. */
export interface VideoGraph {
  streams: VideoStreamNode[];
  cameras: CameraNode[];
  consumers: VideoConsumerNode[];
}

/** The data stream name at the end of a Kinesis stream ARN (arn:aws:kinesis:region:account:stream/NAME). */
function kinesisStreamName(arn: string): string | undefined {
  const i = arn.indexOf(':stream/');
  return i < 0 ? undefined : arn.slice(i + ':stream/'.length);
}

/** The graph's video nodes, in creation order. */
export function videoGraph(video: VideoApi, rekognition: RekognitionApi, streamNames: readonly string[]): VideoGraph {
  const streams: VideoStreamNode[] = streamNames.map((name) => {
    const st = video.stats(name);
    return {
      name,
      status: st.status,
      retentionHours: st.retentionHours,
      storedFragments: st.storedFragments,
      storedBytes: st.storedBytes,
      ingestBytesPerSecond: st.ingestBytesPerSecond,
      ingestLimitBytesPerSecond: PUT_MEDIA_BYTES_PER_SECOND,
      fragmentsRefused: st.counters.fragmentsRefused,
      ...(st.session !== undefined ? { putMediaCamera: st.session.camera, putMediaStatus: st.session.status } : {}),
      streamingSessions: st.activeStreamingSessions,
      streamingSessionLimit: MAX_STREAMING_SESSIONS,
      getMediaReaders: st.getMediaReaders,
      getMediaLimit: GET_MEDIA_CONNECTIONS,
    };
  });
  const known = new Set(streamNames);
  const cameras: CameraNode[] = video
    .cameras()
    .filter((c) => known.has(c.streamName))
    .map((c) => ({ name: c.name, stream: c.streamName, status: c.status, resolution: c.resolution, fps: c.fps, bitrateKbps: c.bitrateKbps, produced: c.produced, refused: c.refused }));
  const consumers: VideoConsumerNode[] = [];
  for (const r of video.readers()) {
    if (!known.has(r.stream)) continue;
    consumers.push({ kind: 'getMedia', name: r.name, stream: r.stream, status: r.status, fragments: r.fragments, ...(r.millisBehindNow !== undefined ? { millisBehindNow: r.millisBehindNow } : {}) });
  }
  for (const v of video.viewers()) if (known.has(v.stream)) consumers.push({ kind: 'hls', name: v.name, stream: v.stream, status: v.status, fragments: v.fragments, session: v.session });
  for (const p of rekognition.processors()) {
    if (!known.has(p.inputStreamName)) continue;
    const arn = p.output.KinesisDataStream?.Arn;
    const dataStream = arn !== undefined ? kinesisStreamName(arn) : undefined;
    const bucket = p.output.S3Destination?.Bucket;
    consumers.push({
      kind: 'processor',
      name: p.name,
      stream: p.inputStreamName,
      status: p.status,
      mode: p.settings.FaceSearch !== undefined ? 'FaceSearch' : 'ConnectedHome',
      ...(dataStream !== undefined ? { dataStream } : {}),
      ...(bucket !== undefined ? { bucket } : {}),
      records: p.counters.recordsWritten,
      ...(p.settings.ConnectedHome !== undefined ? { labels: [...p.settings.ConnectedHome.Labels], minConfidence: p.settings.ConnectedHome.MinConfidence ?? DEFAULT_MIN_CONFIDENCE } : {}),
      ...(p.settings.FaceSearch !== undefined ? { faceMatchThreshold: p.settings.FaceSearch.FaceMatchThreshold ?? DEFAULT_FACE_MATCH_THRESHOLD } : {}),
      regionsOfInterest: p.regionsOfInterest?.length ?? 0,
      notifications: p.counters.notifications,
    });
  }
  return { streams, cameras, consumers };
}
