/**
 * The graph's node components. Each shows its numbers as text beside any
 * colour; write use also gets a hatch pattern when a shard throttles.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { AnalyticsSnap, BucketSnap, ConsumerSnap, FirehoseSnap, ProducerSnap, ShardSnap, StreamSnap } from '../../worker/protocol';
import { formatBytes, formatDuration, formatInt, formatPercent, formatWindow } from '../format';
import { writeUseColor, writeUseLabel } from '../colors';
import { ShardStrip } from './ShardStrip';
import { videoNodeTypes } from './videoNodes';

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
}

/** The slice of the hash line a shard owns, drawn on a 0..2^128-1 track. */
export function HashSlice({ startFrac, endFrac }: { startFrac: number; endFrac: number }) {
  return (
    <div className="hash-slice" aria-hidden="true">
      <div className="hash-slice-range" style={{ left: `${startFrac * 100}%`, width: `${Math.max(0.6, (endFrac - startFrac) * 100)}%` }} />
    </div>
  );
}

/** Write use against the tighter limit: a bar (colour and hatch when throttling) plus the numbers as text. */
export function UseBar({ use, throttled, hot }: { use: number; throttled: number; hot: boolean }) {
  const label = writeUseLabel(use, throttled, hot);
  return (
    <div className={`use-bar use-${label}`} aria-hidden="true">
      <div className="use-fill" style={{ width: `${Math.min(100, use * 100)}%`, background: writeUseColor(use) }} />
      {throttled > 0 && <div className="use-hatch" style={{ width: `${Math.min(100, use * 100)}%` }} />}
    </div>
  );
}

export const ShardNode = memo(function ShardNode({ data, selected }: NodeProps) {
  const s = (data as { shard: ShardSnap }).shard;
  const label = writeUseLabel(s.writeUse, s.throttledPerSec, s.hot);
  return (
    <div className={`node shard-node ${s.open ? '' : 'closed'} ${selected ? 'is-selected' : ''} use-${label}`}>
      <Handles />
      <div className="shard-head">
        <span className="shard-id">{s.id}</span>
        <span className={`badge ${s.open ? 'badge-open' : 'badge-closed'}`}>{s.open ? 'OPEN' : 'CLOSED'}</span>
      </div>
      <HashSlice startFrac={s.startFrac} endFrac={s.endFrac} />
      {s.open ? (
        <>
          <UseBar use={s.writeUse} throttled={s.throttledPerSec} hot={s.hot} />
          <div className="shard-stats">
            <span>{formatPercent(s.writeUse)} {label}</span>
            <span>{formatInt(s.recordsPerSec)} rec/s</span>
            <span>{formatBytes(s.bytesPerSec)}/s</span>
          </div>
          {s.throttledPerSec > 0 && <div className="shard-throttle">{formatInt(s.throttledPerSec)}/s throttled</div>}
        </>
      ) : (
        <div className="shard-stats">
          <span>closed; children {(s.childIds ?? []).join(', ') || '-'}</span>
        </div>
      )}
    </div>
  );
});

export const StreamNode = memo(function StreamNode({ data, selected }: NodeProps) {
  const s = (data as { stream: StreamSnap }).stream;
  return (
    <div className={`node stream-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="stream-head">
        <strong>{s.name}</strong>
        <span className="badge">{s.status}</span>
        <span className="muted">
          {s.mode} · {s.openShardCount} open shards · {s.retentionHours} h
        </span>
        <span className="muted">
          {formatInt(s.recordsPerSec)} rec/s in; shard figures per second over the {formatWindow(s.heat)}
        </span>
      </div>
    </div>
  );
});

export const StripNode = memo(function StripNode({ data }: NodeProps) {
  const d = data as { stream: string; shards: ShardSnap[]; selectedShard: string | null };
  return <ShardStrip stream={d.stream} shards={d.shards} selectedShard={d.selectedShard} />;
});

const STRATEGY_LABEL: Record<string, string> = {
  device_id: 'device_id (even)',
  customer_id: 'customer_id (Zipf skew)',
  transaction_id: 'transaction_id (unique)',
  log_level: 'log_level (5 keys)',
  server_id: 'server_id',
  constant: 'constant key',
  random: 'random',
};

export const ProducerNode = memo(function ProducerNode({ data, selected }: NodeProps) {
  const p = (data as { producer: ProducerSnap }).producer;
  return (
    <div className={`node producer-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">Producer</div>
      <strong>{p.name}</strong>
      <div className="muted">key: {STRATEGY_LABEL[p.keyStrategy] ?? p.keyStrategy}</div>
      <div>
        {formatInt(p.sentPerSec)}/s put{p.throttledPerSec > 0 ? `, ${formatInt(p.throttledPerSec)}/s throttled` : ''}
      </div>
    </div>
  );
});

export const ConsumerNode = memo(function ConsumerNode({ data, selected }: NodeProps) {
  const c = (data as { consumer: ConsumerSnap }).consumer;
  return (
    <div className={`node consumer-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">Consumer · {c.kind}</div>
      <strong>{c.name}</strong>
      <div>{formatInt(c.recordsPerSec)} rec/s read</div>
      <div className="muted">IteratorAge {formatDuration(c.iteratorAgeMs)}</div>
    </div>
  );
});

export const FirehoseNode = memo(function FirehoseNode({ data, selected }: NodeProps) {
  const f = (data as { firehose: FirehoseSnap }).firehose;
  return (
    <div className={`node firehose-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">
        Firehose {f.transform !== null && <span className="badge">λ {f.transform}</span>}
      </div>
      <strong>{f.name}</strong>
      <div className="buffer" aria-hidden="true">
        <div className="buffer-fill" style={{ width: `${Math.min(100, f.bufferFill * 100)}%` }} />
      </div>
      <div>
        buffer {formatPercent(f.bufferFill)} ({formatBytes(f.bufferBytes)})
      </div>
      <div className="muted">next flush {f.msToFlush === null ? '-' : `in ${formatDuration(f.msToFlush)}`}</div>
    </div>
  );
});

export const BucketNode = memo(function BucketNode({ data, selected }: NodeProps) {
  const b = (data as { bucket: BucketSnap }).bucket;
  return (
    <div className={`node bucket-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">S3 bucket</div>
      <strong>{b.name}</strong>
      <div>
        {formatInt(b.objectCount)} objects · {formatBytes(b.bytes)}
      </div>
    </div>
  );
});

/** An analytics application: status, KPUs, input rate, MillisBehindLatest, late and error rows (engine figures). */
export const AnalyticsNode = memo(function AnalyticsNode({ data, selected }: NodeProps) {
  const a = (data as { app: AnalyticsSnap }).app;
  return (
    <div className={`node analytics-node ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="node-kind">
        {a.runtime === 'SQL-1_0' ? 'Analytics (legacy SQL)' : 'Managed Flink'} <span className="badge">{a.status}</span>
      </div>
      <strong>{a.name}</strong>
      <div>
        {a.kpus} KPU{a.kpus === 1 ? '' : 's'} · {formatInt(Math.round(a.inputPerSec))} in/s
      </div>
      <div className="muted">MillisBehindLatest {formatDuration(a.millisBehindLatest)}</div>
      <div className="muted">
        late {formatInt(a.late)} · errors {formatInt(a.errors)}{a.duplicates > 0 ? ` · duplicates ${formatInt(a.duplicates)}` : ''}
      </div>
    </div>
  );
});

export const nodeTypes = {
  analytics: AnalyticsNode,
  shard: ShardNode,
  stream: StreamNode,
  strip: StripNode,
  producer: ProducerNode,
  consumer: ConsumerNode,
  firehose: FirehoseNode,
  bucket: BucketNode,
  ...videoNodeTypes,
};
