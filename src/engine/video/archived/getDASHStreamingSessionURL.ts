/** GetDASHStreamingSessionURL: an MPEG-DASH session URL (a simulator URL), the same rules as HLS [BC-KVAM]. */
import type { VideoContext } from '../context';
import { openStreamingSession, type SessionRequest } from './streamingSessionRequest';

export interface GetDASHStreamingSessionURLInput {
  StreamName?: string;
  StreamARN?: string;
  PlaybackMode?: 'LIVE' | 'LIVE_REPLAY' | 'ON_DEMAND';
  DASHFragmentSelector?: SessionRequest['Selector'];
  DisplayFragmentTimestamp?: 'ALWAYS' | 'NEVER';
  DisplayFragmentNumber?: 'ALWAYS' | 'NEVER';
  Expires?: number;
  MaxManifestFragmentResults?: number;
}

export function getDASHStreamingSessionURL(ctx: VideoContext, input: GetDASHStreamingSessionURLInput): { DASHStreamingSessionURL: string } {
  const session = openStreamingSession(
    ctx,
    'DASH',
    { ...input, Selector: input.DASHFragmentSelector, MaxFragments: input.MaxManifestFragmentResults },
    { selector: 'dASHFragmentSelector', max: 'maxManifestFragmentResults' },
  );
  return { DASHStreamingSessionURL: session.url };
}
