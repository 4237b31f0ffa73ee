/**
 * Limits tab rows for Kinesis Video Streams and Rekognition stream processors,
 * built from the engine's constants (so the tab cannot drift from what the
 * engine enforces), with AWS's 2026 change for new customers of Rekognition
 * streaming video analysis. Plain strings, rendered as text.
 */
import { videoLimits as V, STREAMING_VIDEO_CLOSED_TO_NEW_CUSTOMERS, MAX_SESSION_SECONDS } from '../../engine';
import type { LimitRow } from './limitRows';

const int = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n);
const mb = (n: number) => `${int(n / 1_000_000)} MB`;

/** The video and Rekognition rows. */
export function videoRows(): LimitRow[] {
  const kvs = 'Video Streams';
  return [
    { id: 'kvs-streams', service: kvs, limit: 'Streams per account', value: int(V.ACCOUNT_STREAM_QUOTA), source: 'KVS limits (current)', history: ['2020: 2,500 in us-east-1 and us-west-2, 1,000 elsewhere.'] },
    { id: 'kvs-retention', service: kvs, limit: 'DataRetentionInHours', value: `0, or 1 to ${int(V.MAX_RETENTION_HOURS)} hours (10 years)`, source: 'BC-KV', history: [] },
    { id: 'kvs-buffer', service: kvs, limit: 'Host buffer with retention 0', value: `${V.HOST_BUFFER_MS / 60000} minutes or ${mb(V.HOST_BUFFER_BYTES)}, whichever first`, source: 'BC-KV', history: [] },
    { id: 'kvs-put-tps', service: kvs, limit: 'PutMedia calls per stream', value: `${V.PUT_MEDIA_TPS} per second`, source: 'KVS limits', history: [] },
    { id: 'kvs-put-rate', service: kvs, limit: 'PutMedia ingest per stream', value: `${mb(V.PUT_MEDIA_BYTES_PER_SECOND)}/s (100 Mbps), ${V.PUT_MEDIA_FRAGMENTS_PER_SECOND} fragments/s`, source: 'KVS limits', history: [] },
    {
      id: 'kvs-put-conn',
      service: kvs,
      limit: 'PutMedia connections per stream',
      value: '1 (a concurrent newer connection gets ConnectionLimitExceededException)',
      source: 'PutMedia API reference (current)',
      history: ['The 2020 limits page said that with concurrent connections the last one is accepted.'],
    },
    { id: 'kvs-fragment', service: kvs, limit: 'Fragment', value: `${V.MIN_FRAGMENT_MS / 1000} to ${V.MAX_FRAGMENT_MS / 1000} s, at most ${mb(V.MAX_FRAGMENT_BYTES)}, at most ${V.MAX_TRACKS} tracks`, source: 'KVS limits; PutMedia 4001/4002/4012', history: [] },
    { id: 'kvs-idle', service: kvs, limit: 'PutMedia idle connection', value: `closed after ${V.IDLE_CLOSE_MS / 1000} s without data`, source: 'PutMedia', history: [] },
    { id: 'kvs-getmedia', service: kvs, limit: 'GetMedia', value: `${V.GET_MEDIA_CONNECTIONS} connections per stream, ${mb(V.GET_MEDIA_BYTES_PER_SECOND)}/s each`, source: 'KVS limits', history: [] },
    { id: 'kvs-sessions', service: kvs, limit: 'HLS / DASH sessions per stream', value: `${V.MAX_STREAMING_SESSIONS} active; an 11th revokes the oldest`, source: 'KVS limits', history: [] },
    { id: 'kvs-clip', service: kvs, limit: 'GetClip', value: `range within 24 hours; the first ${mb(V.CLIP_MAX_BYTES)} or ${V.CLIP_MAX_FRAGMENTS} fragments`, source: 'BC-KVAM', history: [] },
    { id: 'kvs-images', service: kvs, limit: 'GetImages', value: `range at most ${V.IMAGES_MAX_RANGE_MS / 1000} s, interval at least ${V.IMAGES_MIN_INTERVAL_MS} ms, pages of ${V.IMAGES_PAGE}`, source: 'BC-KVAM', history: [] },
    { id: 'kvs-viewers', service: kvs, limit: 'Signaling channel', value: `1 master, up to ${V.MAX_VIEWERS} viewers`, source: 'KVS WebRTC limits', history: [] },
    {
      id: 'rek-availability',
      service: 'Rekognition',
      limit: 'Streaming video analysis (stream processors)',
      value: `closed to new customers from ${STREAMING_VIDEO_CLOSED_TO_NEW_CUSTOMERS}; accounts that used it in the prior 12 months keep it`,
      source: 'Rekognition document history (announced 2026-03-31)',
      history: ['Open to every account before 2026-04-30.'],
    },
    { id: 'rek-session', service: 'Rekognition', limit: 'Connected-home session', value: `MaxDurationInSeconds 1 to ${MAX_SESSION_SECONDS}`, source: 'BC-REK', history: [] },
  ];
}
