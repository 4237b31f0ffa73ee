/**
 * What a session URL serves: the HLS media playlist (GetHLSMediaPlaylist) as
 * text and as fragments for the app's player. LIVE: the newest fragments (gaps
 * are not filled); LIVE_REPLAY: from its start, each fragment appearing as its
 * duration passes; ON_DEMAND: the range, fixed, ending with #EXT-X-ENDLIST. An
 * expired or revoked session answers NotAuthorizedException [BC-KVAM].
 */
import { AwsError, resourceNotFound } from '../../core/errors';
import type { VideoContext } from '../context';
import { firstSeqAtTime, forEachFragment, seqBounds } from '../fragmentStore';
import { catchUpStream } from '../ingest';
import { sessionByUrl, expireSessions } from '../streamingSession';
import type { Fragment, StreamingSession } from '../types';

/** A media playlist: the session it belongs to, its fragments, the text, and whether it has ended. */
export interface MediaPlaylist {
  session: StreamingSession;
  stream: string;
  fragments: Fragment[];
  text: string;
  ended: boolean;
}

/** The media playlist a session URL serves at now. */
export function getMediaPlaylist(ctx: VideoContext, url: string): MediaPlaylist {
  const found = sessionByUrl(ctx, url);
  if (found === undefined) throw resourceNotFound('The streaming session was not found.');
  const { stream: s, session } = found;
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  expireSessions(s, now);
  if (session.status !== 'ACTIVE') throw new AwsError('NotAuthorizedException', `The streaming session is ${session.status === 'REVOKED' ? 'revoked (an 11th session replaced it)' : 'expired'}.`, 403);
  const kind = session.selectorType === 'SERVER_TIMESTAMP' ? 'SERVER' : 'PRODUCER';
  const ts = (f: Fragment) => (kind === 'SERVER' ? f.ServerTimestamp : f.ProducerTimestamp);
  let fragments: Fragment[] = [];
  const bounds = seqBounds(s);
  if (bounds !== undefined) {
    if (session.mode === 'LIVE') {
      forEachFragment(s, Math.max(bounds[0], bounds[1] - session.maxFragments + 1), bounds[1], (f) => void fragments.push(f));
    } else {
      const from = firstSeqAtTime(s, session.start!, kind) ?? s.nextSeq;
      const horizon = session.mode === 'LIVE_REPLAY' ? session.start! + (now - session.replayOrigin!) : Infinity;
      const all: Fragment[] = [];
      forEachFragment(s, from, bounds[1], (f) => {
        if ((session.end !== undefined && ts(f) > session.end) || ts(f) + f.FragmentLengthInMilliseconds > horizon) return false;
        all.push(f);
        if (session.mode === 'ON_DEMAND' && all.length >= session.maxFragments) return false;
      });
      fragments = session.mode === 'LIVE_REPLAY' ? all.slice(-session.maxFragments) : all;
    }
  }
  const ended = session.mode === 'ON_DEMAND';
  const target = Math.ceil(Math.max(1, ...fragments.map((f) => f.FragmentLengthInMilliseconds)) / 1000);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`, `#EXT-X-MEDIA-SEQUENCE:${fragments.length > 0 ? fragments[0].seq : 0}`];
  for (const f of fragments) {
    lines.push(`#EXTINF:${(f.FragmentLengthInMilliseconds / 1000).toFixed(3)},`);
    lines.push(`getMP4MediaFragment.mp4?FragmentNumber=${f.FragmentNumber}&SessionToken=${session.token}`);
  }
  if (ended) lines.push('#EXT-X-ENDLIST');
  return { session, stream: s.name, fragments, text: lines.join('\n') + '\n', ended };
}
