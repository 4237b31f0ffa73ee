import { definePreset } from './preset';

export const retentionZeroVs24h = definePreset({
  id: 'video-retention-0-vs-24h',
  title: 'Video retention 0 versus 24 hours: what can still be played back',
  explanation:
    'Two identical cameras stream into two video streams: live-only keeps DataRetentionInHours 0, recorded keeps 24 hours. Notice what happens: both accept every fragment, but only recorded sends PERSISTED acknowledgements; live-only keeps only the service host buffer (5 minutes or 200 MB, whichever is reached first), so its fragment count stops growing after 5 minutes while recorded keeps everything for a day. An HLS viewer watches recorded; HLS, DASH, GetClip and GetImages refuse live-only with NoDataRetentionException, while GetMedia still reads its buffer. Try adding an HLS viewer to live-only, or increasing its retention: data older than the buffer is not brought back.',
  topology: {},
  commands: [
    { at: 0, op: 'video.createStream', args: { StreamName: 'live-only', DataRetentionInHours: 0 } },
    { at: 0, op: 'video.createStream', args: { StreamName: 'recorded', DataRetentionInHours: 24 } },
    { at: 0, op: 'video.addCamera', args: { name: 'cam-a', streamName: 'live-only' } },
    { at: 0, op: 'video.addCamera', args: { name: 'cam-b', streamName: 'recorded' } },
    { at: 0, op: 'video.startCamera', args: { name: 'cam-a' } },
    { at: 0, op: 'video.startCamera', args: { name: 'cam-b' } },
    { at: 10000, op: 'video.addHlsViewer', args: { name: 'tablet', streamName: 'recorded' } },
    { at: 10000, op: 'video.addGetMediaReader', args: { name: 'recorder', streamName: 'live-only', StartSelectorType: 'EARLIEST' } },
  ],
});
