/** GetHLSStreamingSessionURL: an HLS session URL (a simulator URL the app's player reads) [BC-KVAM]. */
import type { VideoContext } from '../context';
import { openStreamingSession, type SessionRequest } from './streamingSessionRequest';

export interface GetHLSStreamingSessionURLInput {
  StreamName?: string;
  StreamARN?: string;
  PlaybackMode?: 'LIVE' | 'LIVE_REPLAY' | 'ON_DEMAND';
  HLSFragmentSelector?: SessionRequest['Selector'];
  ContainerFormat?: 'FRAGMENTED_MP4' | 'MPEG_TS';
  DiscontinuityMode?: 'ALWAYS' | 'NEVER' | 'ON_DISCONTINUITY';
  DisplayFragmentTimestamp?: 'ALWAYS' | 'NEVER';
  Expires?: number;
  MaxMediaPlaylistFragmentResults?: number;
}

export function getHLSStreamingSessionURL(ctx: VideoContext, input: GetHLSStreamingSessionURLInput): { HLSStreamingSessionURL: string } {
  const session = openStreamingSession(
    ctx,
    'HLS',
    { ...input, Selector: input.HLSFragmentSelector, MaxFragments: input.MaxMediaPlaylistFragmentResults },
    { selector: 'hLSFragmentSelector', max: 'maxMediaPlaylistFragmentResults' },
  );
  return { HLSStreamingSessionURL: session.url };
}
