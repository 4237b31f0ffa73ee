import { describe, expect, it } from 'vitest';
import { createSimulation, videoGraph } from '../../../src/engine';

async function world() {
  const sim = createSimulation({ seed: 7 });
  sim.video.createStream({ StreamName: 'door', DataRetentionInHours: 24 });
  sim.kinesis.createStream({ StreamName: 'faces', ShardCount: 1 });
  await sim.advance(60000);
  // 2-second fragments (48 frames at 24 fps) of 4,000 kbps: 1,000,000 bytes each.
  sim.video.addCamera({ name: 'cam', streamName: 'door', fps: 24, keyframeIntervalFrames: 48, bitrateKbps: 4000 });
  sim.video.startCamera('cam');
  // HLS needs fragments to play (LIVE with none is ResourceNotFoundException).
  await sim.advance(4000);
  sim.video.addHlsViewer('tv', 'door');
  sim.video.addGetMediaReader('reader', 'door');
  sim.rekognition.createCollection({ CollectionId: 'residents' });
  sim.rekognition.createStreamProcessor({
    Name: 'faces',
    Input: { KinesisVideoStream: { Arn: sim.video.describeStream({ StreamName: 'door' }).StreamInfo.StreamARN } },
    Output: { KinesisDataStream: { Arn: sim.kinesis.describeStreamSummary({ StreamName: 'faces' }).StreamDescriptionSummary.StreamARN } },
    Settings: { FaceSearch: { CollectionId: 'residents' } },
    RoleArn: 'arn:aws:iam::123456789012:role/rek',
  });
  return sim;
}

describe('videoGraph', () => {
  it('gives each video stream its figures against its limits, its cameras and its consumers, from the service stats', async () => {
    const sim = await world();
    await sim.advance(16000);
    const g = videoGraph(sim.video, sim.rekognition, ['door']);
    const stats = sim.video.stats('door');
    expect(g.streams).toEqual([
      {
        name: 'door',
        status: 'ACTIVE',
        retentionHours: 24,
        storedFragments: stats.storedFragments,
        storedBytes: stats.storedBytes,
        ingestBytesPerSecond: stats.ingestBytesPerSecond,
        ingestLimitBytesPerSecond: 12500000,
        fragmentsRefused: 0,
        putMediaCamera: 'cam',
        putMediaStatus: 'OPEN',
        streamingSessions: 1,
        streamingSessionLimit: 10,
        getMediaReaders: 1,
        getMediaLimit: 3,
      },
    ]);
    expect(stats.storedFragments).toBe(9);
    expect(stats.storedBytes).toBe(9000000);
    expect(g.cameras).toEqual([{ name: 'cam', stream: 'door', status: 'STREAMING', resolution: '720p', fps: 24, bitrateKbps: 4000, produced: 9, refused: 0 }]);
    expect(g.consumers.map((c) => [c.kind, c.name, c.status])).toEqual([
      ['getMedia', 'reader', 'READING'],
      ['hls', 'tv', 'WATCHING'],
      ['processor', 'faces', 'STOPPED'],
    ]);
    expect(g.consumers[2]).toMatchObject({ mode: 'FaceSearch', dataStream: 'faces', records: 0 });
  });

  it('leaves out streams it is not asked about and their cameras and consumers', async () => {
    const sim = await world();
    expect(videoGraph(sim.video, sim.rekognition, [])).toEqual({ streams: [], cameras: [], consumers: [] });
  });
});
