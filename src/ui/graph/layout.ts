/**
 * Snapshot -> React Flow nodes and edges, left to right: producers, the
 * stream with its shards (closed parents in a column before their children,
 * linked), consumers, then Firehose and S3. Pure, so it is tested without a DOM.
 */
import { Position, type Edge, type Node } from '@xyflow/react';
import type { Snapshot, ShardSnap, StreamSnap } from '../../worker/protocol';
import { STRIP_THRESHOLD } from '../store/selectors';
import { layoutVideo } from './videoLayout';

export const SHARD_W = 220;
export const SHARD_H = 76;
const SHARD_GAP = 8;
const HEADER_H = 52;
const PAD = 12;
const PRODUCER_X = 0;
const STREAM_X = 300;
const COL_GAP = 130;

export interface LayoutResult {
  nodes: Node[];
  edges: Edge[];
}

export const NODE_SIZES = {
  producer: { w: 210, h: 104 },
  consumer: { w: 210, h: 104 },
  firehose: { w: 230, h: 128 },
  bucket: { w: 210, h: 84 },
  analytics: { w: 240, h: 132 },
} as const;

/**
 * Gives a node fixed dimensions and handle positions, so React Flow never has
 * to re-measure it when the next frame's layout replaces the node object.
 */
export function sized(node: Node, w: number, h: number): Node {
  return {
    ...node,
    width: w,
    height: h,
    measured: { width: w, height: h },
    handles: [
      { type: 'target', position: Position.Left, x: 0, y: h / 2 - 4, width: 1, height: 8, id: null },
      { type: 'source', position: Position.Right, x: w - 1, y: h / 2 - 4, width: 1, height: 8, id: null },
    ],
  } as Node;
}

/** Edge width from a rate: 1.5 px at rest up to 9 px at 5,000 records/s and beyond. */
export function edgeWidth(perSec: number): number {
  return 1.5 + 7.5 * Math.min(1, Math.sqrt(Math.max(0, perSec) / 5000));
}

function streamNodes(stream: StreamSnap, selectedShard: string | null): { nodes: Node[]; edges: Edge[]; width: number; height: number } {
  const id = `stream:${stream.name}`;
  const open = stream.shards.filter((s) => s.open);
  const closed = stream.shards.filter((s) => !s.open);
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  if (open.length > STRIP_THRESHOLD) {
    const width = 640;
    const height = HEADER_H + 150;
    nodes.push(sized({ id: `${id}:strip`, type: 'strip', parentId: id, extent: 'parent', draggable: false, selectable: false, focusable: false, position: { x: PAD, y: HEADER_H }, data: { stream: stream.name, shards: open, selectedShard } } as Node, width - 2 * PAD, 140));
    return { nodes, edges, width, height };
  }
  const hasClosed = closed.length > 0;
  const openX = hasClosed ? PAD + SHARD_W + 60 : PAD;
  const yOf = new Map<string, number>();
  open.forEach((s, i) => yOf.set(s.id, HEADER_H + i * (SHARD_H + SHARD_GAP)));
  // Closed shards sit beside their children (or stacked), ordered by hash range.
  let nextClosedY = HEADER_H;
  const closedSorted = [...closed].sort((a, b) => a.startFrac - b.startFrac);
  for (const s of closedSorted) {
    const kids = (s.childIds ?? []).map((k) => yOf.get(k)).filter((y): y is number => y !== undefined);
    let y = kids.length ? kids.reduce((a, b) => a + b, 0) / kids.length : nextClosedY;
    if (y < nextClosedY) y = nextClosedY;
    yOf.set(s.id, y);
    nextClosedY = y + SHARD_H + SHARD_GAP;
  }
  const shardNode = (s: ShardSnap, x: number): Node => sized({
    id: `shard:${stream.name}:${s.id}`,
    type: 'shard',
    parentId: id,
    extent: 'parent',
    draggable: false,
    position: { x, y: yOf.get(s.id)! },
    selected: s.id === selectedShard,
    data: { stream: stream.name, shard: s },
    ariaLabel: shardAriaLabel(s),
  } as Node, SHARD_W, SHARD_H);
  for (const s of open) nodes.push(shardNode(s, openX));
  for (const s of closed) nodes.push(shardNode(s, PAD));
  for (const s of stream.shards) {
    for (const parent of [s.parentId, s.adjacentParentId]) {
      if (parent === undefined || !yOf.has(parent)) continue;
      edges.push({
        id: `lineage:${parent}->${s.id}`,
        source: `shard:${stream.name}:${parent}`,
        target: `shard:${stream.name}:${s.id}`,
        type: 'smoothstep',
        className: 'edge-lineage',
        ariaLabel: `${parent} is the parent of ${s.id}`,
        focusable: false,
      } as Edge);
    }
  }
  const rows = Math.max(open.length, 1);
  const height = Math.max(HEADER_H + rows * (SHARD_H + SHARD_GAP) + PAD, nextClosedY + PAD);
  const width = openX + SHARD_W + PAD;
  return { nodes, edges, width, height };
}

/** A text description of a shard for screen readers. */
export function shardAriaLabel(s: ShardSnap): string {
  const state = s.open ? 'open' : 'closed';
  return `${s.id}, ${state}, ${Math.round(s.writeUse * 100)}% of write limit, ${Math.round(s.recordsPerSec)} records per second${s.throttledPerSec > 0 ? `, ${Math.round(s.throttledPerSec)} throttled per second` : ''}`;
}

/** Lays out the whole graph. */
export function layoutGraph(snap: Snapshot, selected: { kind: string; id: string } | null): LayoutResult {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  let y = 0;
  let rightX = STREAM_X + 460;
  const streamY = new Map<string, number>();
  for (const stream of snap.streams) {
    const id = `stream:${stream.name}`;
    const inner = streamNodes(stream, selected?.kind === 'shard' ? selected.id : null);
    nodes.push(sized({
      id,
      type: 'stream',
      position: { x: STREAM_X, y },
      data: { stream },
      selected: selected?.kind === 'stream' && selected.id === stream.name,
      ariaLabel: `Stream ${stream.name}, ${stream.status}, ${stream.openShardCount} open shards`,
    } as Node, inner.width, inner.height));
    nodes.push(...inner.nodes);
    edges.push(...inner.edges);
    streamY.set(stream.name, y);
    rightX = Math.max(rightX, STREAM_X + inner.width + COL_GAP);
    y += inner.height + 40;
  }
  snap.producers.forEach((p, i) => {
    nodes.push(sized({ id: `producer:${p.id}`, type: 'producer', position: { x: PRODUCER_X, y: 20 + i * 130 }, data: { producer: p }, selected: selected?.kind === 'producer' && selected.id === p.id, ariaLabel: `Producer ${p.name}` } as Node, NODE_SIZES.producer.w, NODE_SIZES.producer.h));
    const throttled = p.throttledPerSec > 0;
    edges.push({
      id: `put:${p.id}`,
      source: `producer:${p.id}`,
      target: `stream:${p.stream}`,
      className: flowClass(p.sentPerSec + p.throttledPerSec, throttled),
      style: { strokeWidth: edgeWidth(p.sentPerSec + p.throttledPerSec) },
      label: throttled ? `${rateLabel(p.sentPerSec)}, ${rateLabel(p.throttledPerSec)} throttled` : rateLabel(p.sentPerSec),
      focusable: false,
    } as Edge);
  });
  let ry = 20;
  for (const c of snap.consumers) {
    nodes.push(sized({ id: `consumer:${c.id}`, type: 'consumer', position: { x: rightX, y: ry }, data: { consumer: c }, selected: selected?.kind === 'consumer' && selected.id === c.id, ariaLabel: `Consumer ${c.name}` } as Node, NODE_SIZES.consumer.w, NODE_SIZES.consumer.h));
    edges.push({ id: `read:${c.id}`, source: `stream:${c.stream}`, target: `consumer:${c.id}`, className: flowClass(c.recordsPerSec, false), style: { strokeWidth: edgeWidth(c.recordsPerSec) }, label: rateLabel(c.recordsPerSec), focusable: false } as Edge);
    ry += 130;
  }
  for (const f of snap.firehoses) {
    nodes.push(sized({ id: `firehose:${f.name}`, type: 'firehose', position: { x: rightX, y: ry }, data: { firehose: f }, selected: selected?.kind === 'firehose' && selected.id === f.name, ariaLabel: `Firehose ${f.name}` } as Node, NODE_SIZES.firehose.w, NODE_SIZES.firehose.h));
    if (f.source) edges.push({ id: `src:${f.name}`, source: `stream:${f.source}`, target: `firehose:${f.name}`, className: 'edge-flow', focusable: false } as Edge);
    if (f.bucket) edges.push({ id: `dst:${f.name}`, source: `firehose:${f.name}`, target: `bucket:${f.bucket}`, className: 'edge-flow', focusable: false } as Edge);
    ry += 150;
  }
  // Analytics applications sit in the right column, between the streams they read and the streams or delivery streams they write.
  for (const a of snap.analytics ?? []) {
    nodes.push(sized({ id: `analytics:${a.name}`, type: 'analytics', position: { x: rightX, y: ry }, data: { app: a }, selected: selected?.kind === 'analytics' && selected.id === a.name, ariaLabel: `Analytics application ${a.name}, ${a.status}, ${a.kpus} KPUs` } as Node, NODE_SIZES.analytics.w, NODE_SIZES.analytics.h));
    for (const src of a.sources) {
      if (snap.streams.some((s) => s.name === src)) edges.push({ id: `app-src:${a.name}:${src}`, source: `stream:${src}`, target: `analytics:${a.name}`, className: flowClass(a.inputPerSec, false), style: { strokeWidth: edgeWidth(a.inputPerSec) }, label: rateLabel(a.inputPerSec), focusable: false } as Edge);
    }
    for (const d of a.destinations) {
      const target = d.kind === 'kinesis' ? `stream:${d.name}` : d.kind === 'firehose' ? `firehose:${d.name}` : '';
      if (target !== '' && (d.kind === 'kinesis' ? snap.streams.some((s) => s.name === d.name) : snap.firehoses.some((f) => f.name === d.name))) {
        edges.push({ id: `app-dst:${a.name}:${d.name}`, source: `analytics:${a.name}`, target, className: 'edge-flow', focusable: false } as Edge);
      }
    }
    ry += 160;
  }
  snap.buckets.forEach((b, i) => {
    nodes.push(sized({ id: `bucket:${b.name}`, type: 'bucket', position: { x: rightX + 300, y: 20 + 130 * (snap.consumers.length + i) }, data: { bucket: b }, selected: selected?.kind === 'bucket' && selected.id === b.name, ariaLabel: `S3 bucket ${b.name}` } as Node, NODE_SIZES.bucket.w, NODE_SIZES.bucket.h));
  });
  if (snap.video !== undefined) {
    // The video row starts below everything above it.
    const top = Math.max(y, 20 + snap.producers.length * 130, ry, 20 + 130 * (snap.consumers.length + snap.buckets.length)) + 40;
    const v = layoutVideo(snap.video, top, { producer: PRODUCER_X, stream: STREAM_X, right: rightX }, selected, new Set(nodes.map((n) => n.id)));
    nodes.push(...v.nodes);
    edges.push(...v.edges);
  }
  return { nodes, edges };
}

/**
 * Edge classes: flowing edges move (a dash pattern travelling towards the
 * reader); throttled flow is red, with its own tighter dashes and a label, so
 * colour is never the only signal. Reduced-motion users get still edges (CSS).
 */
function flowClass(perSec: number, throttled: boolean): string {
  return ['edge-flow', perSec > 0 ? 'edge-moving' : '', throttled ? 'edge-throttled' : ''].filter(Boolean).join(' ');
}

/**
 * An edge label's rate, to two significant digits (2,238 -> "2.2k/s"): the
 * text then changes only when the rate really does, and React Flow measures
 * an SVG edge label (getBBox, a forced layout) only when its text changes.
 */
export function rateLabel(perSec: number): string {
  const n = Math.max(0, perSec);
  if (n < 100) return `${Math.round(n)}/s`;
  if (n < 1000) return `${Math.round(n / 10) * 10}/s`;
  if (n < 1e6) return `${Number((n / 1000).toPrecision(2))}k/s`;
  return `${Number((n / 1e6).toPrecision(2))}M/s`;
}
