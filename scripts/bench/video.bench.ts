/**
 * video-day-100-cameras: 100 cameras at 30 fps cutting 2-second fragments
 * (keyframe every 60 frames, 5 Mbps) into 100 video streams with 24 h
 * retention, for 7 simulated days, each stream with one HLS viewer (LIVE,
 * renewed every 12 h) and one face-search stream processor writing into its own
 * 1-shard Kinesis data stream, advanced in 60 s steps. Fragments are metadata in
 * runs; frames are never stored. Target: <= 10 s wall, <= 256 MB heap.
 * Yardstick: spark-md5 hashes/s of short keys, sampled between the simulated
 * hours of the same run (outside the timed steps); wall_at_700k_md5_s is the wall
 * time scaled to a 700,000/s yardstick (time * md5 / 700,000); cpu_s the process's
 * user CPU time over the timed steps.
 */
import { createSimulation } from '../../src/engine/simulation';
import { heapMb, Md5Sampler, REFERENCE_MD5, report } from './format';

const CAMERAS = 100;
const DAYS = 7;
const STEP = 60000;

export async function run(): Promise<void> {
  week(true);
  // The same week without the stream processors and their 100 Kinesis data streams: the video engine's own share
  // (the rest of the full run is the data streams' one-second heartbeat, the face records and their PutRecords).
  week(false);
}

function week(processors: boolean): void {
  const yard = new Md5Sampler();
  const before = heapMb();
  let ms = 0, cpuUs = 0;
  let t0 = performance.now(), c0 = process.cpuUsage();
  // The setup runs 20 simulated minutes before the cameras start; the week is measured from their start.
  const sim = createSimulation({ seed: 12 });
  sim.rekognition.createCollection({ CollectionId: 'residents' });
  sim.rekognition.indexFaces({ CollectionId: 'residents', Image: { S3Object: { Bucket: 'faces', Name: 'alice.jpg' } }, ExternalImageId: 'alice' });
  for (let i = 0; i < CAMERAS; i++) sim.video.createStream({ StreamName: `cam-${i}`, DataRetentionInHours: 24 });
  // Kinesis allows 5 streams CREATING at once: create the output streams five at a time.
  for (let i = 0; i < CAMERAS && processors; i++) {
    sim.kinesis.createStream({ StreamName: `faces-${i}`, ShardCount: 1 });
    if (i % 5 === 4) sim.advanceSync(60000);
  }
  for (let i = 0; i < CAMERAS; i++) {
    sim.video.addCamera({ name: `camera-${i}`, streamName: `cam-${i}`, fps: 30, keyframeIntervalFrames: 60, bitrateKbps: 5000 });
    sim.video.startCamera(`camera-${i}`);
  }
  sim.advanceSync(60000);
  for (let i = 0; i < CAMERAS; i++) {
    sim.video.addHlsViewer(`viewer-${i}`, `cam-${i}`, 43200);
    if (!processors) continue;
    const videoArn = sim.video.describeStream({ StreamName: `cam-${i}` }).StreamInfo.StreamARN;
    const kdsArn = sim.kinesis.describeStreamSummary({ StreamName: `faces-${i}` }).StreamDescriptionSummary.StreamARN;
    sim.rekognition.createStreamProcessor({
      Name: `faces-${i}`,
      Input: { KinesisVideoStream: { Arn: videoArn } },
      Output: { KinesisDataStream: { Arn: kdsArn } },
      Settings: { FaceSearch: { CollectionId: 'residents' } },
      RoleArn: 'arn:aws:iam::123456789012:role/rek',
    });
    sim.rekognition.startStreamProcessor({ Name: `faces-${i}` });
  }
  const end = sim.now() + DAYS * 24 * 3600 * 1000;
  for (let step = 0; sim.now() < end; step++) {
    if (step % 60 === 0) {
      // Each simulated hour: the yardstick, outside the timed steps.
      ms += performance.now() - t0;
      cpuUs += process.cpuUsage(c0).user;
      yard.sample();
      t0 = performance.now();
      c0 = process.cpuUsage();
    }
    sim.advanceSync(STEP);
    sim.core.events.drain();
  }
  ms += performance.now() - t0;
  cpuUs += process.cpuUsage(c0).user;
  yard.sample();
  const md5 = yard.mean();
  const wall = ms / 1000;
  const heap = heapMb() - before;
  let fragments = 0, stored = 0, expired = 0, refused = 0, hlsGb = 0;
  for (let i = 0; i < CAMERAS; i++) {
    const s = sim.video.stats(`cam-${i}`);
    fragments += s.counters.fragmentsIn;
    stored += s.storedFragments;
    expired += s.counters.fragmentsExpired;
    refused += s.counters.fragmentsRefused;
    hlsGb += s.counters.bytesOutHls / 2 ** 30;
  }
  const records = sim.rekognition.processors().reduce((n, p) => n + p.counters.recordsWritten, 0);
  const cost = sim.cost.summary().video.reduce((n, v) => n + v.usd, 0);
  report(processors ? 'video-day-100-cameras' : 'video-day-100-cameras-without-processors', {
    cameras: CAMERAS,
    days: DAYS,
    fragments,
    stored,
    expired,
    refused,
    face_records: records,
    hls_gb: hlsGb,
    video_usd: cost,
    wall_s: wall,
    cpu_s: cpuUs / 1e6,
    target_wall_s: 10,
    heap_mb: heap,
    target_heap_mb: 256,
    fragments_per_s: fragments / wall,
    md5_per_s: Math.round(md5),
    wall_at_700k_md5_s: (wall * md5) / REFERENCE_MD5,
    ratio: fragments / wall / md5,
  });
}
