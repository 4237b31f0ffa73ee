/**
 * Kinesis Video Streams limits and constants, each with its source
 * (analytics-video-exam-facts.md §2; checked against the current developer
 * guide's limits page and the kinesisvideo API model where noted).
 */

/** Streams per account [s]: 10,000 in all Regions (current limits.html; the 2020 page said 2,500/1,000). */
export const ACCOUNT_STREAM_QUOTA = 10000;
/** DataRetentionInHours: 0 (nothing persisted) or 1..87,600 (10 years) [BC-KV CreateStream, UpdateDataRetention]. */
export const MAX_RETENTION_HOURS = 87600;
/** With retention 0 the service host buffer keeps fragments for 5 minutes or 200 MB, whichever is hit first [BC-KV DataRetentionInHours]. */
export const HOST_BUFFER_MS = 5 * 60 * 1000;
export const HOST_BUFFER_BYTES = 200 * 1000 * 1000;
/** The AWS-managed key used when CreateStream names none (API text: aws/kinesisvideo; the 2020 guide says aws/kinesis-video) [BC-KV]. */
export const DEFAULT_KMS_KEY_ALIAS = 'aws/kinesisvideo';
/** CreateStream is asynchronous: CREATING, then ACTIVE (the simulator takes this long). */
export const CREATE_DELAY_MS = 1000;
/** DeleteStream: DELETING, then gone. */
export const DELETE_DELAY_MS = 1000;
/** Tags per stream or channel [BC-KV TagStream: at most 50]. */
export const MAX_TAGS = 50;

/** PutMedia: 5 calls per second per stream [h] [KVS limits]. */
export const PUT_MEDIA_TPS = 5;
/** PutMedia: up to 5 fragments per second per stream [KVS limits]. */
export const PUT_MEDIA_FRAGMENTS_PER_SECOND = 5;
/** PutMedia: 12.5 MB/s (100 Mbps) per stream [s] [KVS limits]. */
export const PUT_MEDIA_BYTES_PER_SECOND = 12.5 * 1000 * 1000;
/** Fragment duration 1 s minimum, 10 s maximum [h]; size at most 50 MB [h]; at most 3 tracks [s] [KVS limits; PutMedia 4001/4002/4012]. */
export const MIN_FRAGMENT_MS = 1000;
export const MAX_FRAGMENT_MS = 10000;
export const MAX_FRAGMENT_BYTES = 50 * 1000 * 1000;
export const MAX_TRACKS = 3;
/** A PutMedia connection with no data is closed after 30 s; IDLE acks are sent meanwhile [PutMedia]. */
export const IDLE_CLOSE_MS = 30000;
/** How often the simulated service sends IDLE while no data arrives (AWS says "periodically"; a simulator choice). */
export const IDLE_ACK_INTERVAL_MS = 5000;
/** Connections last at most 45 minutes; the producer SDK rotates its token then [producer-sdk-limits]. */
export const MAX_CONNECTION_MS = 45 * 60 * 1000;
/** Simulator latencies from the end of a fragment to its RECEIVED and PERSISTED acks (not documented values). */
export const RECEIVED_LATENCY_MS = 50;
export const PERSISTED_LATENCY_MS = 250;

/** GetMedia: 3 concurrent connections per stream [s]; 25 MB/s (200 Mbps) per connection [s]; 5 TPS [h] [KVS limits]. */
export const GET_MEDIA_CONNECTIONS = 3;
export const GET_MEDIA_BYTES_PER_SECOND = 25 * 1000 * 1000;
export const GET_MEDIA_TPS = 5;
/** GetMediaForFragmentList: at most 1000 fragments [h]. */
export const MAX_FRAGMENT_LIST = 1000;
/** ListFragments MaxResults 1..1000 [BC-KVAM]. */
export const LIST_FRAGMENTS_MAX = 1000;
/** HLS/DASH: 10 active sessions per stream [h]; an 11th revokes the oldest [KVS limits]. */
export const MAX_STREAMING_SESSIONS = 10;
/** HLS/DASH Expires 300..43,200 s, default 300 [BC-KVAM]. */
export const SESSION_EXPIRES_RANGE: readonly [number, number] = [300, 43200];
export const SESSION_EXPIRES_DEFAULT_S = 300;
/** MaxMediaPlaylistFragmentResults 1..5000: default 5 for LIVE and LIVE_REPLAY, 1000 for ON_DEMAND [BC-KVAM]. */
export const PLAYLIST_MAX_RANGE: readonly [number, number] = [1, 5000];
export const PLAYLIST_DEFAULT_LIVE = 5;
export const PLAYLIST_DEFAULT_ON_DEMAND = 1000;
/** A LIVE session needs a fragment in the last 30 s, else ResourceNotFoundException [BC-KVAM ResourceNotFoundException]. */
export const LIVE_RECENT_MS = 30000;
/** ON_DEMAND / LIVE_REPLAY / GetClip ranges must lie within 24 hours [BC-KVAM]. */
export const MAX_RANGE_MS = 24 * 3600 * 1000;
/** GetClip returns at most the first 100 MB or 200 fragments of the range [BC-KVAM GetClip]. */
export const CLIP_MAX_BYTES = 100 * 1000 * 1000;
export const CLIP_MAX_FRAGMENTS = 200;
/** GetImages: range at most 300 s; SamplingInterval at least 200 ms; MaxResults 1..100 with pages of 25 [BC-KVAM GetImages]. */
export const IMAGES_MAX_RANGE_MS = 300000;
export const IMAGES_MIN_INTERVAL_MS = 200;
export const IMAGES_PAGE = 25;
export const IMAGES_MAX_RESULTS = 100;

/** The kinesisvideo data-plane API names GetDataEndpoint takes [BC-KV APIName]. */
export const API_NAMES = [
  'PUT_MEDIA',
  'GET_MEDIA',
  'LIST_FRAGMENTS',
  'GET_MEDIA_FOR_FRAGMENT_LIST',
  'GET_HLS_STREAMING_SESSION_URL',
  'GET_DASH_STREAMING_SESSION_URL',
  'GET_CLIP',
  'GET_IMAGES',
] as const;
export type ApiName = (typeof API_NAMES)[number];

/** Signaling channels: one master [h] and up to 10 viewers [s]; MessageTtlSeconds 5..120, default 60 [WebRTC limits; BC-KV]. */
export const MAX_VIEWERS = 10;
export const MESSAGE_TTL_RANGE: readonly [number, number] = [5, 120];
export const MESSAGE_TTL_DEFAULT = 60;
/** Signaling channels per account: 10,000 in us-east-1/us-west-2, 5,000 elsewhere [WebRTC limits]. */
export function channelQuota(region: string): number {
  return region === 'us-east-1' || region === 'us-west-2' ? 10000 : 5000;
}
