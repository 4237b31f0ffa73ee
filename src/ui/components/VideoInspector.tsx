/**
 * The inspector for the graph's video nodes: a camera (start, stop, bitrate),
 * a video stream (retention, with AWS's INCREASE/DECREASE change), a video
 * consumer (remove a reader or viewer) and a Rekognition stream processor
 * (ProcessorInspector.tsx). Figures come from the snapshot's
 * videoGraph; every edit is a scenario command.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { formatBytes, formatInt } from '../format';
import { removeVideoConsumer, setCameraBitrate, setVideoRetention, startCamera, stopCamera } from '../videoCommands';
import { ProcessorInspector } from './ProcessorInspector';

export function CameraInspector({ name }: { name: string }) {
  const c = useApp((s) => s.snapshot?.video?.cameras.find((x) => x.name === name));
  const run = useApp((s) => s.run);
  const [kbps, setKbps] = useState('');
  const known = c !== undefined;
  useEffect(() => {
    if (c) setKbps(String(c.bitrateKbps));
    // Only when another camera is selected, not on every frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, known]);
  if (c === undefined) return <p>This camera no longer exists.</p>;
  const streaming = c.status === 'STREAMING';
  return (
    <>
      <h2>Camera {c.name}</h2>
      <p className="muted">
        Sends {c.resolution} at {c.fps} fps to video stream {c.stream} over PutMedia: {c.status}. {formatInt(c.produced)} fragments sent, {formatInt(c.refused)} refused.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(kbps);
          if (Number.isFinite(n) && n > 0) void run(setCameraBitrate(c.name, n), `Bitrate of ${c.name} set to ${formatInt(n)} kbps`);
        }}
      >
        <label className="block">
          Bitrate (kbps){' '}
          <input type="number" min={1} value={kbps} onChange={(e) => setKbps(e.target.value)} />
        </label>
        <button type="submit">Set bitrate</button>
      </form>
      <p>
        {streaming ? (
          <button type="button" onClick={() => void run(stopCamera(c.name), `${c.name} stopped`)}>
            Stop camera
          </button>
        ) : (
          <button type="button" onClick={() => void run(startCamera(c.name), `${c.name} started`)}>
            Start camera
          </button>
        )}
      </p>
    </>
  );
}

export function VideoStreamInspector({ name }: { name: string }) {
  const s = useApp((st) => st.snapshot?.video?.streams.find((x) => x.name === name));
  const run = useApp((st) => st.run);
  const [hours, setHours] = useState('');
  const known = s !== undefined;
  useEffect(() => {
    if (s) setHours(String(s.retentionHours));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, known]);
  if (s === undefined) return <p>This video stream no longer exists.</p>;
  return (
    <>
      <h2>{s.name} (video stream)</h2>
      <p className="muted">
        {s.status}; {formatInt(s.storedFragments)} fragments stored ({formatBytes(s.storedBytes)}); ingest {formatBytes(s.ingestBytesPerSecond)}/s of the {formatBytes(s.ingestLimitBytesPerSecond)}/s PutMedia allows;{' '}
        {s.streamingSessions} of {s.streamingSessionLimit} streaming sessions; {s.getMediaReaders} of {s.getMediaLimit} GetMedia connections.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const cmd = setVideoRetention(s.name, s.retentionHours, Number(hours));
          if (cmd !== null) void run(cmd, `Retention of ${s.name} set to ${hours} h`);
        }}
      >
        <label className="block">
          Data retention (hours, 0 keeps no data){' '}
          <input type="number" min={0} max={87600} value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <button type="submit">Update data retention</button>
      </form>
      <p className="muted">A decrease deletes data older than the new retention at once.</p>
    </>
  );
}

export function VideoConsumerInspector({ kind, name }: { kind: 'getMedia' | 'hls' | 'processor'; name: string }) {
  const c = useApp((s) => s.snapshot?.video?.consumers.find((x) => x.kind === kind && x.name === name));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  if (c === undefined) return <p>This consumer no longer exists.</p>;
  if (c.kind === 'processor') return <ProcessorInspector p={c} />;
  return (
    <>
      <h2>
        {c.kind === 'getMedia' ? 'GetMedia reader' : 'HLS viewer'} {c.name}
      </h2>
      <p className="muted">
        Reads video stream {c.stream}: {c.status}.
        {` ${formatInt(c.fragments)} fragments.`}
      </p>
      <button
        type="button"
        onClick={async () => {
          if (await run(removeVideoConsumer(c.kind, c.name), `${c.name} removed`)) select(null);
        }}
      >
        Remove
      </button>
    </>
  );
}
