import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/ui/graph/layout';
import { selectionOfNode } from '../../src/ui/graph/FlowGraph';
import type { Snapshot } from '../../src/worker/protocol';
import type { VideoGraph } from '../../src/engine';

const video: VideoGraph = {
  streams: [{ name: 'door', status: 'ACTIVE', retentionHours: 24, storedFragments: 9, storedBytes: 9000000, ingestBytesPerSecond: 500000, ingestLimitBytesPerSecond: 12500000, fragmentsRefused: 0, putMediaCamera: 'cam', putMediaStatus: 'OPEN', streamingSessions: 1, streamingSessionLimit: 10, getMediaReaders: 0, getMediaLimit: 3 }],
  cameras: [
    { name: 'cam', stream: 'door', status: 'STREAMING', resolution: '720p', fps: 24, bitrateKbps: 4000, produced: 9, refused: 0 },
    { name: 'cam2', stream: 'door', status: 'REFUSED', resolution: '720p', fps: 24, bitrateKbps: 4000, produced: 0, refused: 0 },
  ],
  consumers: [
    { kind: 'hls', name: 'tv', stream: 'door', status: 'WATCHING', fragments: 3, session: 1 },
    { kind: 'processor', name: 'faces', stream: 'door', status: 'RUNNING', mode: 'FaceSearch', dataStream: 'matches', records: 2, faceMatchThreshold: 80, regionsOfInterest: 0, notifications: 0 },
  ],
};

function snap(withDataStream: boolean): Snapshot {
  return {
    time: 0, seed: '1', playing: false, speed: 1, effectiveSpeed: 0,
    streams: withDataStream ? [{ name: 'matches', arn: 'a', status: 'ACTIVE', mode: 'PROVISIONED', retentionHours: 24, openShardCount: 0, heat: { windowMs: 10000, fromMs: 0, toMs: 0, seconds: 0 }, recordsPerSec: 0, bytesPerSec: 0, shards: [] }] : [],
    producers: [], consumers: [], firehoses: [], buckets: [], keyMarks: [], events: [], video,
  };
}

describe('video graph layout', () => {
  it('draws cameras, the video stream and its consumers, with the processor linked to the data stream it writes', () => {
    const { nodes, edges } = layoutGraph(snap(true), null);
    expect(nodes.filter((n) => n.type === 'camera' || n.type === 'videoStream' || n.type === 'videoConsumer').map((n) => [n.id, n.ariaLabel])).toEqual([
      ['vstream:door', 'Video stream door, ACTIVE, 9 fragments stored'],
      ['camera:cam', 'Camera cam, STREAMING'],
      ['camera:cam2', 'Camera cam2, REFUSED'],
      ['vconsumer:hls:tv', 'HLS viewer tv, WATCHING'],
      ['vconsumer:processor:faces', 'Stream processor faces, RUNNING'],
    ]);
    expect(edges.filter((e) => e.id.startsWith('putmedia:') || e.id.startsWith('vread:') || e.id.startsWith('vout:')).map((e) => [e.id, e.source, e.target, e.className, e.label])).toEqual([
      ['putmedia:cam', 'camera:cam', 'vstream:door', 'edge-flow edge-moving', 'PutMedia'],
      ['putmedia:cam2', 'camera:cam2', 'vstream:door', 'edge-flow edge-throttled', 'REFUSED'],
      ['vread:hls:tv', 'vstream:door', 'vconsumer:hls:tv', 'edge-flow edge-moving', 'HLS'],
      ['vread:processor:faces', 'vstream:door', 'vconsumer:processor:faces', 'edge-flow edge-moving', 'Rekognition'],
      ['vout:faces', 'vconsumer:processor:faces', 'stream:matches', 'edge-flow', 'face matches'],
    ]);
    // Below the data stream's node, never on top of it.
    const dataStream = nodes.find((n) => n.id === 'stream:matches')!;
    expect(nodes.find((n) => n.id === 'vstream:door')!.position.y).toBeGreaterThanOrEqual(dataStream.position.y + (dataStream.height ?? 0));
  });

  it('links a processor on only when its data stream is drawn', () => {
    expect(layoutGraph(snap(false), null).edges.filter((e) => e.id.startsWith('vout:'))).toEqual([]);
  });

  it('maps the video node ids back to inspector selections', () => {
    expect(selectionOfNode('camera:cam')).toEqual({ kind: 'camera', name: 'cam' });
    expect(selectionOfNode('vstream:door')).toEqual({ kind: 'videoStream', name: 'door' });
    expect(selectionOfNode('vconsumer:hls:tv')).toEqual({ kind: 'videoConsumer', consumerKind: 'hls', name: 'tv' });
    expect(selectionOfNode('vconsumer:other:x')).toBeNull();
  });
});
