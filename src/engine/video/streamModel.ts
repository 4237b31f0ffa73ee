/**
 * A new stream's state and its StreamInfo as DescribeStream and ListStreams show it [BC-KV StreamInfo].
 */
import { API_NAMES, type ApiName } from './constants';
import { newVersion, videoStreamArn, type VideoContext } from './context';
import type { VideoStreamState } from './types';

/** The StreamInfo shape (times in epoch ms; the wire sends seconds). */
export interface StreamInfo {
  DeviceName?: string;
  StreamName: string;
  StreamARN: string;
  MediaType?: string;
  KmsKeyId: string;
  Version: string;
  Status: string;
  CreationTime: number;
  DataRetentionInHours: number;
}

const ENDPOINT_CODES: Record<ApiName, string> = {
  PUT_MEDIA: 's',
  GET_MEDIA: 'm',
  LIST_FRAGMENTS: 'l',
  GET_MEDIA_FOR_FRAGMENT_LIST: 'f',
  GET_HLS_STREAMING_SESSION_URL: 'h',
  GET_DASH_STREAMING_SESSION_URL: 'd',
  GET_CLIP: 'c',
  GET_IMAGES: 'i',
};

/** Builds the state of a new stream (CREATING) with its data endpoints, one host per API name. */
export function newStreamState(
  ctx: VideoContext,
  p: { name: string; deviceName?: string; mediaType?: string; kmsKeyId: string; retentionHours: number; tags: Record<string, string>; storageTier: 'HOT' | 'WARM' },
): VideoStreamState {
  const now = ctx.core.now();
  const host = ctx.core.random.string(8, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const endpoints: Partial<Record<ApiName, string>> = {};
  for (const api of API_NAMES) endpoints[api] = `https://${ENDPOINT_CODES[api]}-${host}.kinesisvideo.${ctx.core.region}.amazonaws.com`;
  return {
    name: p.name,
    arn: videoStreamArn(ctx, p.name, now),
    index: ctx.nextStreamIndex++,
    deviceName: p.deviceName,
    mediaType: p.mediaType,
    kmsKeyId: p.kmsKeyId,
    version: newVersion(ctx),
    status: 'CREATING',
    creationTime: now,
    retentionHours: p.retentionHours,
    storageTier: p.storageTier,
    tags: { ...p.tags },
    deleted: false,
    runs: [],
    nextSeq: 1,
    storedFragments: 0,
    storedBytes: 0,
    liveSizeTime: 0,
    refused: [],
    endpoints,
    session: null,
    pastSessions: [],
    putMediaCallTimes: [],
    windowSecond: -1,
    windowFragments: 0,
    windowBytes: 0,
    sessions: [],
    getMediaReaders: [],
    hlsViewers: [],
    counters: {
      fragmentsIn: 0,
      bytesIn: 0,
      fragmentsExpired: 0,
      bytesExpired: 0,
      fragmentsRefused: 0,
      refusedByReason: {},
      putMediaCalls: 0,
      putMediaThrottled: 0,
      bytesOut: 0,
      bytesOutHls: 0,
      storedByteMs: 0,
      sessionsRevoked: 0,
      getMediaRejected: 0,
    },
  };
}

/** The stream as StreamInfo. */
export function streamInfo(s: VideoStreamState): StreamInfo {
  const out: StreamInfo = {
    StreamName: s.name,
    StreamARN: s.arn,
    KmsKeyId: s.kmsKeyId,
    Version: s.version,
    Status: s.status,
    CreationTime: s.creationTime,
    DataRetentionInHours: s.retentionHours,
  };
  if (s.deviceName !== undefined) out.DeviceName = s.deviceName;
  if (s.mediaType !== undefined) out.MediaType = s.mediaType;
  return out;
}
