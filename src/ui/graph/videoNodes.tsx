/**
 * The graph's video nodes: cameras, video streams (retention, fragments
 * stored, ingest against the PutMedia limit, sessions and readers against
 * theirs) and their consumers. Every figure is text beside any bar, and each
 * comes from the engine's videoGraph query in the snapshot.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CameraNode as CameraSnap, VideoConsumerNode as VideoConsumerSnap, VideoStreamNode as VideoStreamSnap } from '../../engine';
import { formatBytes, formatDuration, formatInt, formatPercent } from '../format';
import { CONSUMER_KIND } from './videoLayout';

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
}

export const CameraNode = memo(function CameraNode({ data, selected }: NodeProps) {
  const c = (data as { camera: CameraSnap }).camera;
  return (
    <div className={`node producer-node camera-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">Camera · {c.resolution}</div>
      <strong>{c.name}</strong>
      <div>
        <span className="badge">{c.status}</span> {c.fps} fps · {formatInt(c.bitrateKbps)} kbps
      </div>
      <div className="muted">
        {formatInt(c.produced)} fragments sent{c.refused > 0 ? `, ${formatInt(c.refused)} refused` : ''}
      </div>
    </div>
  );
});

export const VideoStreamNode = memo(function VideoStreamNode({ data, selected }: NodeProps) {
  const s = (data as { stream: VideoStreamSnap }).stream;
  const use = s.ingestLimitBytesPerSecond > 0 ? s.ingestBytesPerSecond / s.ingestLimitBytesPerSecond : 0;
  return (
    <div className={`node stream-node video-stream-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">Video stream</div>
      <div className="stream-head">
        <strong>{s.name}</strong>
        <span className="badge">{s.status}</span>
      </div>
      <div className="muted">
        retention {s.retentionHours === 0 ? '0 (no storage)' : `${formatInt(s.retentionHours)} h`} · {formatInt(s.storedFragments)} fragments ({formatBytes(s.storedBytes)})
      </div>
      <div className={`use-bar ${use > 1 ? 'use-throttled' : ''}`} aria-hidden="true">
        <div className="use-fill" style={{ width: `${Math.min(100, use * 100)}%` }} />
      </div>
      <div>
        ingest {formatBytes(s.ingestBytesPerSecond)}/s of {formatBytes(s.ingestLimitBytesPerSecond)}/s ({formatPercent(use)})
        {s.fragmentsRefused > 0 ? ` · ${formatInt(s.fragmentsRefused)} refused` : ''}
      </div>
      <div className="muted">
        PutMedia {s.putMediaCamera !== undefined ? `${s.putMediaCamera} (${s.putMediaStatus})` : 'none'} · sessions {s.streamingSessions}/{s.streamingSessionLimit} · GetMedia {s.getMediaReaders}/{s.getMediaLimit}
      </div>
    </div>
  );
});

function consumerLine(c: VideoConsumerSnap): string {
  switch (c.kind) {
    case 'getMedia':
      return `${formatInt(c.fragments)} fragments read${c.millisBehindNow !== undefined ? ` · ${formatDuration(c.millisBehindNow)} behind now` : ''}`;
    case 'hls':
      return `${formatInt(c.fragments)} fragments played · session ${c.session}`;
    case 'processor':
      return `${c.mode === 'FaceSearch' ? 'face search' : 'label detection'} -> ${c.dataStream ?? c.bucket ?? '-'} · ${formatInt(c.records)} records`;
  }
}

export const VideoConsumerNode = memo(function VideoConsumerNode({ data, selected }: NodeProps) {
  const c = (data as { consumer: VideoConsumerSnap }).consumer;
  return (
    <div className={`node consumer-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">{CONSUMER_KIND[c.kind]}</div>
      <strong>{c.name}</strong>
      <div>
        <span className="badge">{c.status}</span>
      </div>
      <div className="muted">{consumerLine(c)}</div>
    </div>
  );
});

export const videoNodeTypes = { camera: CameraNode, videoStream: VideoStreamNode, videoConsumer: VideoConsumerNode };
