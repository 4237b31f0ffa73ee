/**
 * The Kinesis Video Streams view: one video stream's figures against its
 * limits, the fragment timeline with acknowledgements, and a player drawing
 * the synthetic scene at the live edge or some seconds behind it, with the
 * boxes a running Rekognition processor detects. Every figure is the engine's
 * (the 'video' worker query); nothing is computed twice here.
 */
import { useState } from 'react';
import { useQuery } from '../useQuery';
import { formatBytes, formatInt } from '../format';
import { FragmentTimeline } from './FragmentTimeline';
import { ScenePlayer } from './ScenePlayer';
import { ClipDownload } from './ClipDownload';

/** PutMedia's 12.5 MB/s per stream, for the ingest gauge's label (the engine enforces it). */
const INGEST_LIMIT = 12.5 * 1000 * 1000;

export default function VideoView() {
  const [stream, setStream] = useState<string | undefined>(undefined);
  const [behind, setBehind] = useState(0);
  const q = useQuery({ type: 'video', stream, behindMs: behind * 1000 }, 500);
  const v = q.data;
  if (v === null) return <p>Reading the video streams…</p>;
  if (v.stream === undefined) return <p>No video stream yet. Open a video preset (smart-home camera, eleven viewers, …) to see one.</p>;
  const s = v.stream;
  const c = s.counters;
  const refused = Object.entries(c.refusedByReason);
  return (
    <section aria-labelledby="video-title" className="video-view">
      <h2 id="video-title">Video stream {s.StreamName}</h2>
      {q.error && <p role="alert">{`${q.error.type}: ${q.error.message}`}</p>}
      <label>
        Stream{' '}
        <select value={s.StreamName} onChange={(e) => setStream(e.target.value)}>
          {v.streams.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <dl className="video-stats">
        <dt>Status</dt>
        <dd>{s.status}</dd>
        <dt>Data retention</dt>
        <dd>{s.retentionHours === 0 ? '0 h (host buffer only: 5 minutes or 200 MB)' : `${s.retentionHours} h`}</dd>
        <dt>Fragments stored</dt>
        <dd>
          {formatInt(s.storedFragments)} ({formatBytes(s.storedBytes)})
        </dd>
        <dt>Fragments in / expired / refused</dt>
        <dd>
          {formatInt(c.fragmentsIn)} / {formatInt(c.fragmentsExpired)} / {formatInt(c.fragmentsRefused)}
          {refused.length > 0 && ` (${refused.map(([k, n]) => `${k} ${n}`).join(', ')})`}
        </dd>
        <dt>Ingest</dt>
        <dd>
          {formatBytes(s.ingestBytesPerSecond)}/s of {formatBytes(INGEST_LIMIT)}/s per stream
        </dd>
        <dt>PutMedia connection</dt>
        <dd>{s.session === undefined ? 'none' : `session ${s.session.id} from ${s.session.camera}, ${s.session.status}`}</dd>
        <dt>Streaming sessions</dt>
        <dd>
          {s.activeStreamingSessions} of 10 active, {c.sessionsRevoked} revoked
        </dd>
        <dt>GetMedia connections</dt>
        <dd>{s.getMediaReaders} of 3</dd>
      </dl>
      <h3>Cameras, viewers and processors</h3>
      <ul className="video-nodes">
        {s.cameras.map((x) => (
          <li key={`c-${x.name}`}>
            Camera {x.name}: {x.status}, {x.resolution} {x.fps} fps {formatInt(x.bitrateKbps)} kbit/s, {formatInt(x.produced)} fragments sent, {formatInt(x.refused)} refused
          </li>
        ))}
        {s.viewers.map((x) => (
          <li key={`v-${x.name}`}>
            HLS viewer {x.name}: {x.status}, {formatInt(x.fragments)} fragments{x.lagMs !== undefined ? `, ${(x.lagMs / 1000).toFixed(1)} s behind live` : ''}
          </li>
        ))}
        {s.readers.map((x) => (
          <li key={`r-${x.name}`}>
            GetMedia reader {x.name}: {formatInt(x.fragments)} fragments{x.millisBehindNow !== undefined ? `, MillisBehindNow ${formatInt(x.millisBehindNow)}` : ''}
          </li>
        ))}
        {s.processors.map((x) => (
          <li key={`p-${x.name}`}>
            Stream processor {x.name} ({x.kind}): {x.status}, {formatInt(x.records)} records to Kinesis, {formatInt(x.notifications)} notifications
          </li>
        ))}
      </ul>
      <FragmentTimeline now={v.now} blocks={s.blocks} acks={s.acks} cutoff={s.retentionCutoff} />
      <label className="video-position">
        Play {behind === 0 ? 'live' : `${behind} s behind live`}{' '}
        <input type="range" min={0} max={50} step={1} value={behind} onChange={(e) => setBehind(Number(e.target.value))} aria-label="Seconds behind live" />
      </label>
      <ScenePlayer scene={s.scene} detections={s.detections} lagMs={s.lagMs} position={s.position} />
      <ClipDownload stream={s.StreamName} />
    </section>
  );
}
