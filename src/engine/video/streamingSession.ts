/**
 * HLS and DASH streaming sessions: at most 10 active per stream, an 11th
 * revokes the oldest [KVS limits]; a session expires after Expires seconds
 * (300..43,200, default 300) [BC-KVAM]. Session URLs are simulator URLs
 * (`kvs-sim://`), which the app's player reads and no browser fetches.
 */
import { MAX_STREAMING_SESSIONS } from './constants';
import type { VideoContext } from './context';
import type { StreamingSession, VideoStreamState } from './types';

/** The URL scheme of simulated playback sessions: never reaches the network. */
export const SIM_URL_SCHEME = 'kvs-sim:';

/** Marks sessions past their expiry as EXPIRED at time `t`. */
export function expireSessions(s: VideoStreamState, t: number): void {
  for (const x of s.sessions) if (x.status === 'ACTIVE' && t >= x.expiresAt) x.status = 'EXPIRED';
}

/** The stream's session with this id (ids are unique), newest first: a viewer holds a recent one. */
export function sessionById(s: VideoStreamState, id: number): StreamingSession | undefined {
  const list = s.sessions;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].id === id) return list[i];
  return undefined;
}

/** Active sessions of a stream at `t`. */
export function activeSessions(s: VideoStreamState, t: number): StreamingSession[] {
  expireSessions(s, t);
  return s.sessions.filter((x) => x.status === 'ACTIVE');
}

/** Creates a session at `at`, revoking the oldest active one when 10 are active already. */
export function createStreamingSession(
  ctx: VideoContext,
  s: VideoStreamState,
  p: Omit<StreamingSession, 'id' | 'token' | 'url' | 'createdAt' | 'expiresAt' | 'status'> & { expiresSeconds: number },
  at = ctx.core.now(),
): StreamingSession {
  const active = activeSessions(s, at);
  if (active.length >= MAX_STREAMING_SESSIONS) {
    const oldest = active[0];
    oldest.status = 'REVOKED';
    s.counters.sessionsRevoked++;
    ctx.core.events.emit({ type: 'streamingSessionRevoked', time: at, stream: s.name, session: oldest.id, protocol: oldest.protocol });
  }
  const id = ctx.nextSessionId++;
  const token = ctx.core.random.string(32);
  const path = p.protocol === 'HLS' ? 'hls/v1/getHLSMasterPlaylist.m3u8' : 'dash/v1/getDASHManifest.mpd';
  const { expiresSeconds, ...rest } = p;
  const session: StreamingSession = {
    ...rest,
    id,
    token,
    url: `${SIM_URL_SCHEME}//${s.endpoints[p.protocol === 'HLS' ? 'GET_HLS_STREAMING_SESSION_URL' : 'GET_DASH_STREAMING_SESSION_URL']?.replace(/^https:\/\//, '') ?? 'kinesisvideo'}/${path}?SessionToken=${token}`,
    createdAt: at,
    expiresAt: at + expiresSeconds * 1000,
    status: 'ACTIVE',
  };
  s.sessions.push(session);
  // Keep the list short: drop sessions long gone (their URLs answer as unknown sessions).
  if (s.sessions.length > 4 * MAX_STREAMING_SESSIONS) s.sessions = s.sessions.filter((x) => x.status === 'ACTIVE' || at - x.expiresAt < 3600000);
  return session;
}

/** The session a simulator URL names, across all streams. */
export function sessionByUrl(ctx: VideoContext, url: string): { stream: VideoStreamState; session: StreamingSession } | undefined {
  const m = /SessionToken=([A-Za-z0-9]+)/.exec(url);
  if (m === null) return undefined;
  for (const s of ctx.streams.values()) for (const x of s.sessions) if (x.token === m[1]) return { stream: s, session: x };
  return undefined;
}
