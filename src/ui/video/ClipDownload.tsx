/**
 * "Make an MP4 clip": GetClip over the last seconds of the stream (the
 * engine's answer and refusals, shown as they come), then the clip's frames
 * encoded in the page as a real MP4 to play here or download. The encoder
 * (Mediabunny over WebCodecs) loads only when asked for.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { formatBytes, formatInt } from '../format';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'done'; url: string; name: string; text: string };

export function ClipDownload({ stream }: { stream: string }) {
  const client = useApp((s) => s.client);
  const [seconds, setSeconds] = useState(10);
  const [state, setState] = useState<State>({ kind: 'idle' });
  // An object URL lives until the next clip or the view closes.
  useEffect(() => () => {
    if (state.kind === 'done') URL.revokeObjectURL(state.url);
  }, [state]);
  if (client?.videoClip === undefined) return null;

  const make = async () => {
    setState({ kind: 'working', text: 'Calling GetClip…' });
    const r = await client.videoClip!(stream, seconds);
    if (!r.ok) return setState({ kind: 'error', text: `GetClip: ${r.error.type}: ${r.error.message}` });
    const clip = r.value;
    const got = `GetClip returned ${formatInt(clip.fragments.length)} fragment(s), ${formatBytes(clip.fragments.reduce((n, f) => n + f.bytes, 0))} of media (billed as data out)`;
    try {
      const { clipUnsupported, encodeClip } = await import('./encodeClip');
      const why = await clipUnsupported();
      if (why !== null) return setState({ kind: 'error', text: `${got}. ${why}` });
      const { mp4, codec } = await encodeClip(clip, (share) => setState({ kind: 'working', text: `${got}; encoding ${Math.round(share * 100)}%…` }));
      const name = `${clip.stream}-${new Date(clip.start).toISOString().replace(/[:.]/g, '-')}.mp4`;
      setState({ kind: 'done', url: URL.createObjectURL(mp4), name, text: `${got}; encoded ${formatInt(clip.frames.length)} frames at ${clip.fps} fps with ${codec.toUpperCase()} into ${formatBytes(mp4.size)}.` });
    } catch (e) {
      setState({ kind: 'error', text: `${got}, but encoding failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <section aria-labelledby="clip-title" className="video-clip">
      <h3 id="clip-title">Clip (GetClip)</h3>
      <label>
        Last{' '}
        <select value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} aria-label="Clip length">
          {[10, 30, 60].map((n) => (
            <option key={n} value={n}>
              {n} s
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void make()} disabled={state.kind === 'working'}>
        Make MP4 clip
      </button>
      <p role="status" className={state.kind === 'error' ? 'error' : 'muted'}>
        {state.kind === 'idle' ? 'Asks GetClip for the stored fragments of the last seconds and encodes them here as an MP4.' : state.text}
      </p>
      {state.kind === 'done' && (
        <>
          <video src={state.url} controls width={320} aria-label="The clip" />
          <p>
            <a href={state.url} download={state.name}>
              Download {state.name}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
