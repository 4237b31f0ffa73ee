import { definePreset } from './preset';

export const cameraOverIngestLimit = definePreset({
  id: 'video-camera-over-ingest-limit',
  title: 'A camera over the PutMedia ingest limit',
  explanation:
    'A 4K camera encodes at 120 Mbps: 15 MB/s, above the 12.5 MB/s (100 Mbps) a PutMedia connection may send to one stream. Notice what happens: its fragments are throttled and counted as refused, and the fragment timeline shows the gaps. At 30 s the bitrate drops to 80 Mbps (10 MB/s) and every fragment is accepted again. Also try a keyframe interval of 12 s (an ERROR ack 4002: fragments last at most 10 s), a bitrate that makes fragments above 50 MB (4001), or a second camera on the same stream: one PutMedia connection is allowed per stream, and AWS throttles the newer concurrent connection with ConnectionLimitExceededException, so the first camera keeps streaming while the second retries each second until the connection of the first closes (30 s after it stops).',
  topology: {},
  commands: [
    { at: 0, op: 'video.createStream', args: { StreamName: 'warehouse', DataRetentionInHours: 2 } },
    { at: 0, op: 'video.addCamera', args: { name: 'cam-4k', streamName: 'warehouse', resolution: '4K', fps: 30, bitrateKbps: 120000, keyframeIntervalFrames: 60 } },
    { at: 0, op: 'video.startCamera', args: { name: 'cam-4k' } },
    { at: 30000, op: 'video.updateCamera', args: { name: 'cam-4k', bitrateKbps: 80000 }, note: 'back under 100 Mbps' },
  ],
});
