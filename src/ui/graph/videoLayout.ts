/**
 * The video row of the graph, below the data streams: cameras (left) ->
 * video stream (centre) -> GetMedia readers, HLS viewers and Rekognition
 * stream processors (right); a face-search processor links on to the data
 * stream it writes, a label-detection one to its S3 bucket when shown. Pure.
 */
import type { Edge, Node } from '@xyflow/react';
import type { VideoGraph } from '../../engine';
import { sized } from './layout';

export const VIDEO_NODE_SIZES = {
  camera: { w: 210, h: 104 },
  videoStream: { w: 250, h: 150 },
  videoConsumer: { w: 220, h: 104 },
} as const;

const ROW_GAP = 130;

/** Lays out the video nodes from `top`, consumers at `rightX`; `known` lists the node ids already in the graph. */
export function layoutVideo(video: VideoGraph, top: number, x: { producer: number; stream: number; right: number }, selected: { kind: string; id: string } | null, known: ReadonlySet<string>): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  let y = top;
  const isSel = (kind: string, id: string) => selected?.kind === kind && selected.id === id;
  for (const st of video.streams) {
    const cams = video.cameras.filter((c) => c.stream === st.name);
    const cons = video.consumers.filter((c) => c.stream === st.name);
    const rows = Math.max(1, cams.length, cons.length);
    const sid = `vstream:${st.name}`;
    nodes.push(sized({ id: sid, type: 'videoStream', position: { x: x.stream, y }, data: { stream: st }, selected: isSel('videoStream', st.name), ariaLabel: `Video stream ${st.name}, ${st.status}, ${st.storedFragments} fragments stored` } as Node, VIDEO_NODE_SIZES.videoStream.w, VIDEO_NODE_SIZES.videoStream.h));
    cams.forEach((c, i) => {
      const id = `camera:${c.name}`;
      nodes.push(sized({ id, type: 'camera', position: { x: x.producer, y: y + i * ROW_GAP }, data: { camera: c }, selected: isSel('camera', c.name), ariaLabel: `Camera ${c.name}, ${c.status}` } as Node, VIDEO_NODE_SIZES.camera.w, VIDEO_NODE_SIZES.camera.h));
      const streaming = c.status === 'STREAMING';
      edges.push({ id: `putmedia:${c.name}`, source: id, target: sid, className: ['edge-flow', streaming ? 'edge-moving' : '', c.status === 'REFUSED' || c.status === 'THROTTLED' ? 'edge-throttled' : ''].filter(Boolean).join(' '), label: streaming ? 'PutMedia' : c.status, focusable: false } as Edge);
    });
    cons.forEach((c, i) => {
      const id = `vconsumer:${c.kind}:${c.name}`;
      nodes.push(sized({ id, type: 'videoConsumer', position: { x: x.right, y: y + i * ROW_GAP }, data: { consumer: c }, selected: isSel('videoConsumer', `${c.kind}:${c.name}`), ariaLabel: `${CONSUMER_KIND[c.kind]} ${c.name}, ${c.status}` } as Node, VIDEO_NODE_SIZES.videoConsumer.w, VIDEO_NODE_SIZES.videoConsumer.h));
      const active = c.status === 'WATCHING' || c.status === 'READING' || c.status === 'RUNNING';
      edges.push({ id: `vread:${c.kind}:${c.name}`, source: sid, target: id, className: active ? 'edge-flow edge-moving' : 'edge-flow', label: c.kind === 'hls' ? 'HLS' : c.kind === 'getMedia' ? 'GetMedia' : 'Rekognition', focusable: false } as Edge);
      if (c.kind === 'processor' && c.dataStream !== undefined && known.has(`stream:${c.dataStream}`)) {
        edges.push({ id: `vout:${c.name}`, source: id, target: `stream:${c.dataStream}`, className: 'edge-flow', label: 'face matches', focusable: false } as Edge);
      }
      if (c.kind === 'processor' && c.bucket !== undefined && known.has(`bucket:${c.bucket}`)) {
        edges.push({ id: `vout:${c.name}`, source: id, target: `bucket:${c.bucket}`, className: 'edge-flow', label: 'session summary', focusable: false } as Edge);
      }
    });
    y += Math.max(rows * ROW_GAP, VIDEO_NODE_SIZES.videoStream.h + 30);
  }
  return { nodes, edges };
}

/** What each video consumer kind is called in labels. */
export const CONSUMER_KIND = { getMedia: 'GetMedia reader', hls: 'HLS viewer', processor: 'Stream processor' } as const;
