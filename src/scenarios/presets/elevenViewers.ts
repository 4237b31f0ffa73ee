import { definePreset } from './preset';

export const elevenViewers = definePreset({
  id: 'video-eleven-viewers',
  title: 'Eleven HLS viewers on one video stream',
  explanation:
    'A camera streams into a video stream with 24 hours of retention, and at 10 s eleven phones open HLS sessions (GetHLSStreamingSessionURL, LIVE). A stream holds at most 10 active streaming sessions: notice that the eleventh revokes the oldest, so phone-1 stops with its session REVOKED while the other ten keep playing the newest five fragments. Each viewer downloads every fragment, so HLS output is ten times the ingest once the first is revoked, billed at the dearer HLS rate. Try removing one viewer and adding it again, or a viewer with a short Expires.',
  topology: {},
  commands: [
    { at: 0, op: 'video.createStream', args: { StreamName: 'lobby', DataRetentionInHours: 24 } },
    { at: 0, op: 'video.addCamera', args: { name: 'lobby-cam', streamName: 'lobby' } },
    { at: 0, op: 'video.startCamera', args: { name: 'lobby-cam' } },
    ...Array.from({ length: 11 }, (_, i) => ({ at: 10000 + i * 500, op: 'video.addHlsViewer', args: { name: `phone-${i + 1}`, streamName: 'lobby' } })),
  ],
});
