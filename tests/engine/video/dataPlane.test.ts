import { describe, it, expect } from 'vitest';
import { KinesisVideoClient, CreateStreamCommand, GetDataEndpointCommand } from '@aws-sdk/client-kinesis-video';
import { KinesisVideoMediaClient, GetMediaCommand } from '@aws-sdk/client-kinesis-video-media';
import {
  KinesisVideoArchivedMediaClient,
  ListFragmentsCommand,
  GetMediaForFragmentListCommand,
  GetHLSStreamingSessionURLCommand,
  GetDASHStreamingSessionURLCommand,
  GetClipCommand,
  GetImagesCommand,
} from '@aws-sdk/client-kinesis-video-archived-media';
import { createSimulation, type Simulation } from '../../../src/engine';
import { decodeChunks } from '../../../src/engine/video/payload';
import { simRestHandler, restTestConfig } from './restHandler';

const T0 = 1767225600000;

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

/** A stream with a 24 fps camera cutting 2 s fragments of 5 Mbps (1,250,000 bytes), started once the stream is ACTIVE. */
async function world(retention = 24) {
  const sim = createSimulation({ seed: 3 });
  const handler = simRestHandler(sim);
  const kv = new KinesisVideoClient({ ...restTestConfig, requestHandler: handler });
  await kv.send(new CreateStreamCommand({ StreamName: 'door', DataRetentionInHours: retention, MediaType: 'video/h264' }));
  await sim.advance(1000);
  sim.video.addCamera({ name: 'cam', streamName: 'door', fps: 24, bitrateKbps: 5000, keyframeIntervalFrames: 48 });
  sim.video.startCamera('cam');
  const endpoint = async (api: 'GET_MEDIA' | 'LIST_FRAGMENTS' | 'GET_MEDIA_FOR_FRAGMENT_LIST' | 'GET_HLS_STREAMING_SESSION_URL' | 'GET_DASH_STREAMING_SESSION_URL' | 'GET_CLIP' | 'GET_IMAGES') =>
    (await kv.send(new GetDataEndpointCommand({ StreamName: 'door', APIName: api }))).DataEndpoint!;
  const archived = async (api: Parameters<typeof endpoint>[0]) => new KinesisVideoArchivedMediaClient({ ...restTestConfig, endpoint: await endpoint(api), requestHandler: handler });
  const media = async () => new KinesisVideoMediaClient({ ...restTestConfig, endpoint: await endpoint('GET_MEDIA'), requestHandler: handler });
  return { sim, kv, handler, archived, media };
}

function startOf(sim: Simulation) {
  return sim.video.cameras()[0];
}

describe('cameras and PutMedia', () => {
  it('cuts fragments at keyframes, numbers them in ingest order, with producer and server timestamps', async () => {
    const { sim } = await world();
    const t = sim.now();
    await sim.advance(6500);
    const f = sim.video.fragments('door', 0, Infinity);
    // 2,000 ms fragments; the third is complete (RECEIVED) at t+6000+100+50.
    expect(f.map((x) => [x.seq, x.ServerTimestamp - t, x.ProducerTimestamp - t, x.FragmentLengthInMilliseconds, x.FragmentSizeInBytes])).toEqual([
      [1, 100, 0, 2000, 1250000],
      [2, 2100, 2000, 2000, 1250000],
      [3, 4100, 4000, 2000, 1250000],
    ]);
    expect(f[0].FragmentNumber < f[1].FragmentNumber && f[1].FragmentNumber < f[2].FragmentNumber).toBe(true);
    expect(startOf(sim).produced).toBe(3);
  });

  it('sends BUFFERING, RECEIVED and PERSISTED for each fragment when retention > 0', async () => {
    const { sim } = await world(24);
    const t = sim.now();
    await sim.advance(4500);
    const acks = sim.video.acks('door', t, sim.now()).map((a) => [a.time - t, a.AckEventType, a.FragmentNumber?.slice(-2)]);
    expect(acks).toEqual([
      [100, 'BUFFERING', '01'],
      [2100, 'BUFFERING', '02'],
      [2150, 'RECEIVED', '01'],
      [2350, 'PERSISTED', '01'],
      // Fragment 3 is still arriving: its number is given once it is whole.
      [4100, 'BUFFERING', undefined],
      [4150, 'RECEIVED', '02'],
      [4350, 'PERSISTED', '02'],
    ]);
  });

  it('sends no PERSISTED with retention 0, and IDLE then closes the connection 30 s after the camera stops', async () => {
    const { sim } = await world(0);
    const t = sim.now();
    await sim.advance(2200);
    sim.video.stopCamera('cam');
    await sim.advance(40000);
    const acks = sim.video.acks('door', t, sim.now()).map((a) => [a.time - t, a.AckEventType]);
    // The fragment cut short by the stop is dropped by the producer, so only the first one is acked.
    expect(acks).toEqual([
      [100, 'BUFFERING'],
      [2150, 'RECEIVED'],
      [7100, 'IDLE'],
      [12100, 'IDLE'],
      [17100, 'IDLE'],
      [22100, 'IDLE'],
      [27100, 'IDLE'],
    ]);
    expect(sim.video.stats('door').session).toBeUndefined();
    const closed = sim.core.events.drain().filter((e) => e.type === 'putMediaSession' && e.status === 'CLOSED');
    expect(closed).toEqual([{ type: 'putMediaSession', time: t + 2100 + 30000, stream: 'door', camera: 'cam', session: 1, status: 'CLOSED', reason: 'IDLE_TIMEOUT' }]);
  });

  it('refuses a second camera on the stream with ConnectionLimitExceededException while the first is connected', async () => {
    const { sim } = await world();
    sim.video.addCamera({ name: 'cam2', streamName: 'door' });
    expect(sim.video.startCamera('cam2').status).toBe('REFUSED');
    expect(sim.video.stats('door').session?.camera).toBe('cam');
    sim.video.stopCamera('cam');
    await sim.advance(31000);
    // The refused camera retried every second and took over once the idle connection closed.
    expect(sim.video.stats('door').session?.camera).toBe('cam2');
  });

  it('resumes a restarted camera on its own still-open connection instead of opening a second one', async () => {
    const { sim } = await world();
    await sim.advance(4200);
    const calls = sim.video.stats('door').counters.putMediaCalls;
    sim.video.stopCamera('cam');
    await sim.advance(10000);
    expect(sim.video.stats('door').session?.status).toBe('IDLE');
    expect(sim.video.startCamera('cam').status).toBe('STREAMING');
    expect(sim.video.stats('door').session).toMatchObject({ id: 1, camera: 'cam', status: 'OPEN' });
    expect(sim.video.stats('door').counters.putMediaCalls).toBe(calls);
    // A second camera is still the newer concurrent connection: refused, the first keeps streaming.
    sim.video.addCamera({ name: 'cam2', streamName: 'door' });
    expect(sim.video.startCamera('cam2').status).toBe('REFUSED');
    await sim.advance(5000);
    expect(sim.video.stats('door').session).toMatchObject({ id: 1, camera: 'cam', status: 'OPEN' });
    expect(sim.video.stats('door').counters.putMediaCalls).toBe(calls + 6);
    expect(sim.video.stats('door').counters.putMediaThrottled).toBe(6);
  });

  it('refuses fragments with PutMedia error codes: 4002 (> 10 s), 4001 (> 50 MB), 4012 (> 3 tracks), 4004 (timecode back)', async () => {
    const { sim } = await world();
    await sim.advance(4200); // fragments 1 and 2 accepted: producer time ends at +4,000
    sim.video.updateCamera('cam', { keyframeIntervalFrames: 24 * 11 }); // 4,000..15,000: 11 s
    await sim.advance(12000);
    sim.video.updateCamera('cam', { keyframeIntervalFrames: 48, bitrateKbps: 220000 }); // 55 MB
    await sim.advance(2200);
    sim.video.updateCamera('cam', { bitrateKbps: 5000, tracks: 4 });
    await sim.advance(2000);
    sim.video.updateCamera('cam', { tracks: 1, clockSkewMs: -16000 }); // producer 3,000 < 4,000, then 5,000
    await sim.advance(6000);
    const c = sim.video.stats('door').counters;
    expect(c.refusedByReason).toEqual({ ERROR_4002_FRAGMENT_TOO_LONG: 1, ERROR_4001_FRAGMENT_TOO_LARGE: 1, ERROR_4012_TOO_MANY_TRACKS: 1, ERROR_4004_TIMECODE_OUT_OF_ORDER: 1 });
    expect(c.fragmentsIn).toBe(4);
    expect(sim.video.acks('door', 0, sim.now()).filter((a) => a.AckEventType === 'ERROR').map((a) => a.ErrorId)).toEqual([4002, 4001, 4012, 4004]);
  });

  it('throttles a camera over 12.5 MB/s and a sixth fragment in one second, and refuses fragments under 1 s', async () => {
    const { sim } = await world();
    sim.video.updateCamera('cam', { bitrateKbps: 120000 });
    await sim.advance(4200);
    expect(sim.video.stats('door').counters.refusedByReason).toEqual({ THROTTLED_BYTES_PER_SECOND: 2 });
    sim.video.updateCamera('cam', { bitrateKbps: 1000, keyframeIntervalFrames: 3 });
    await sim.advance(1000);
    // 125 ms fragments: five per second reach the stream (and are refused under 1 s), the rest are throttled.
    expect(sim.video.stats('door').counters.refusedByReason).toEqual({ THROTTLED_BYTES_PER_SECOND: 2, MIN_FRAGMENT_DURATION_REACHED: 5, THROTTLED_FRAGMENTS_PER_SECOND: 3 });
  });
});

describe('retention', () => {
  it('expires fragments older than the retention period, and a decrease deletes at once', async () => {
    const { sim } = await world(2);
    await sim.advance(3 * 3600 * 1000);
    const s = sim.video.stats('door');
    // 3 h of 2 s fragments: 5,399 complete; fragment i has server time +100+(i-1)*2000, so 1..1,800 are older than 2 h.
    expect([s.counters.fragmentsIn, s.storedFragments, s.counters.fragmentsExpired]).toEqual([5399, 3599, 1800]);
    expect(s.oldestServerTimestamp! >= sim.now() - 2 * 3600 * 1000).toBe(true);
    const v = sim.video.describeStream({ StreamName: 'door' }).StreamInfo.Version;
    sim.video.updateDataRetention({ StreamName: 'door', CurrentVersion: v, Operation: 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 1 });
    const after = sim.video.stats('door');
    expect([after.storedFragments, after.counters.fragmentsExpired]).toEqual([1799, 3600]);
  });

  it('with retention 0 keeps only the host buffer: 5 minutes, or 200 MB whichever first', async () => {
    const { sim } = await world(0);
    await sim.advance(10 * 60 * 1000);
    // 299 complete; those with server time within the last 5 minutes are 151..299.
    expect(sim.video.stats('door').storedFragments).toBe(149);
    sim.video.updateCamera('cam', { bitrateKbps: 50000 });
    await sim.advance(5 * 60 * 1000);
    // 12.5 MB fragments: 200 MB holds 16.
    expect(sim.video.stats('door').storedBytes).toBe(16 * 12500000);
  });
});

describe('consumers through the SDK clients', () => {
  it('GetMedia from EARLIEST, a fragment number and NOW returns chunks in order with MillisBehindNow', async () => {
    const { sim, media } = await world();
    await sim.advance(8200);
    const client = await media();
    const all = decodeChunks(await (await client.send(new GetMediaCommand({ StreamName: 'door', StartSelector: { StartSelectorType: 'EARLIEST' } }))).Payload!.transformToByteArray());
    expect(all.map((c) => c.AWS_KINESISVIDEO_FRAGMENT_NUMBER.slice(-1))).toEqual(['1', '2', '3', '4']);
    expect(all[0].AWS_KINESISVIDEO_MILLIS_BEHIND_NOW).toBe(sim.now() - all[0].AWS_KINESISVIDEO_SERVER_TIMESTAMP);
    const after = decodeChunks(
      await (await client.send(new GetMediaCommand({ StreamName: 'door', StartSelector: { StartSelectorType: 'FRAGMENT_NUMBER', AfterFragmentNumber: all[1].AWS_KINESISVIDEO_FRAGMENT_NUMBER } }))).Payload!.transformToByteArray(),
    );
    expect(after.map((c) => c.AWS_KINESISVIDEO_FRAGMENT_NUMBER)).toEqual([all[2], all[3]].map((c) => c.AWS_KINESISVIDEO_FRAGMENT_NUMBER));
    const now = decodeChunks(await (await client.send(new GetMediaCommand({ StreamName: 'door', StartSelector: { StartSelectorType: 'NOW' } }))).Payload!.transformToByteArray());
    expect(now).toEqual([]);
  });

  it('a data-plane call sent to another endpoint fails with InvalidEndpointException', async () => {
    const { sim, archived } = await world();
    await sim.advance(3000);
    const wrong = await archived('GET_CLIP');
    expect((await errorOf(wrong.send(new ListFragmentsCommand({ StreamName: 'door' })))).name).toBe('InvalidEndpointException');
  });

  it('GetMedia allows 3 connections per stream; the fourth is ConnectionLimitExceededException', async () => {
    const { sim, media } = await world();
    for (const r of ['r1', 'r2', 'r3']) sim.video.addGetMediaReader(r, 'door', { StartSelectorType: 'EARLIEST' });
    expect(() => sim.video.addGetMediaReader('r4', 'door')).toThrow(/3 GetMedia connections/);
    const client = await media();
    expect((await errorOf(client.send(new GetMediaCommand({ StreamName: 'door', StartSelector: { StartSelectorType: 'NOW' } })))).name).toBe('ConnectionLimitExceededException');
    await sim.advance(4200);
    expect(sim.video.readers().map((r) => [r.fragments, r.millisBehindNow])).toEqual([[2, 2100], [2, 2100], [2, 2100]]);
  });

  it('ListFragments lists persisted fragments by server time range and pages; GetMediaForFragmentList returns them', async () => {
    const { sim, archived } = await world();
    const t = sim.now();
    await sim.advance(10400);
    const lf = await archived('LIST_FRAGMENTS');
    const page = await lf.send(new ListFragmentsCommand({ StreamName: 'door', MaxResults: 2, FragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(t), EndTimestamp: new Date(t + 7000) } } }));
    expect(page.Fragments!.map((f) => [f.ServerTimestamp!.getTime() - t, f.FragmentLengthInMilliseconds])).toEqual([[100, 2000], [2100, 2000]]);
    const rest = await lf.send(new ListFragmentsCommand({ StreamName: 'door', MaxResults: 2, NextToken: page.NextToken, FragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(t), EndTimestamp: new Date(t + 7000) } } }));
    expect(rest.Fragments!.map((f) => f.ServerTimestamp!.getTime() - t)).toEqual([4100, 6100]);
    const gm = await archived('GET_MEDIA_FOR_FRAGMENT_LIST');
    const out = await gm.send(new GetMediaForFragmentListCommand({ StreamName: 'door', Fragments: [rest.Fragments![1].FragmentNumber!, page.Fragments![0].FragmentNumber!] }));
    expect(out.ContentType).toBe('video/webm');
    expect(decodeChunks(await out.Payload!.transformToByteArray()).map((c) => c.AWS_KINESISVIDEO_SERVER_TIMESTAMP - t)).toEqual([6100, 100]);
  });

  it('HLS: refused with retention 0; 10 active sessions, an 11th revokes the oldest; LIVE playlists hold the newest 5', async () => {
    const zero = await world(0);
    await zero.sim.advance(3000);
    const z = await zero.archived('GET_HLS_STREAMING_SESSION_URL');
    expect((await errorOf(z.send(new GetHLSStreamingSessionURLCommand({ StreamName: 'door' })))).name).toBe('NoDataRetentionException');

    const { sim, archived } = await world(24);
    await sim.advance(20300);
    const hls = await archived('GET_HLS_STREAMING_SESSION_URL');
    const urls: string[] = [];
    for (let i = 0; i < 11; i++) urls.push((await hls.send(new GetHLSStreamingSessionURLCommand({ StreamName: 'door', PlaybackMode: 'LIVE' }))).HLSStreamingSessionURL!);
    expect(urls[0]).toMatch(/^kvs-sim:\/\/h-[a-z0-9]{8}\.kinesisvideo\.us-east-1\.amazonaws\.com\/hls\/v1\/getHLSMasterPlaylist\.m3u8\?SessionToken=/);
    expect(sim.video.stats('door').activeStreamingSessions).toBe(10);
    expect(() => sim.video.getMediaPlaylist(urls[0])).toThrow(/revoked/);
    const pl = sim.video.getMediaPlaylist(urls[10]);
    // 10 fragments are complete at +20,300; LIVE shows the newest 5.
    expect(pl.fragments.map((f) => f.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(pl.text.split('\n').slice(0, 5)).toEqual(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:6', '#EXTINF:2.000,']);
    const dash = await archived('GET_DASH_STREAMING_SESSION_URL');
    const t = sim.now();
    const od = await dash.send(new GetDASHStreamingSessionURLCommand({ StreamName: 'door', PlaybackMode: 'ON_DEMAND', DASHFragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(t - 20000), EndTimestamp: new Date(t - 12000) } } }));
    const odPl = sim.video.getMediaPlaylist(od.DASHStreamingSessionURL!);
    expect([odPl.fragments.map((f) => f.seq), odPl.ended]).toEqual([[2, 3, 4, 5], true]);
    await sim.advance(301000);
    expect(() => sim.video.getMediaPlaylist(urls[10])).toThrow(/expired/);
  });

  it('GetClip returns at most 200 fragments of the range; GetImages samples pages of 25 with NO_MEDIA outside fragments', async () => {
    const { sim, archived } = await world(24);
    const t = sim.now();
    await sim.advance(500 * 1000);
    const clip = await archived('GET_CLIP');
    const c = await clip.send(new GetClipCommand({ StreamName: 'door', ClipFragmentSelector: { FragmentSelectorType: 'SERVER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(t), EndTimestamp: new Date(t + 450000) } } }));
    expect(c.ContentType).toBe('video/mp4');
    expect(decodeChunks(await c.Payload!.transformToByteArray()).length).toBe(80);
    const tooLong = await errorOf(clip.send(new GetClipCommand({ StreamName: 'door', ClipFragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP', TimestampRange: { StartTimestamp: new Date(t), EndTimestamp: new Date(t + 25 * 3600 * 1000) } } })));
    expect(tooLong.name).toBe('InvalidArgumentException');
    const img = await archived('GET_IMAGES');
    const p1 = await img.send(new GetImagesCommand({ StreamName: 'door', ImageSelectorType: 'SERVER_TIMESTAMP', StartTimestamp: new Date(t), EndTimestamp: new Date(t + 60000), SamplingInterval: 1000, Format: 'JPEG' }));
    expect(p1.Images!.length).toBe(25);
    expect(p1.Images![0]).toEqual({ TimeStamp: new Date(t), Error: 'NO_MEDIA' });
    expect(p1.Images![1].ImageContent).toBeTypeOf('string');
    const p2 = await img.send(new GetImagesCommand({ StreamName: 'door', ImageSelectorType: 'SERVER_TIMESTAMP', StartTimestamp: new Date(t), EndTimestamp: new Date(t + 60000), SamplingInterval: 1000, Format: 'JPEG', NextToken: p1.NextToken }));
    expect(p2.Images![0].TimeStamp!.getTime()).toBe(t + 25000);
    expect((await errorOf(img.send(new GetImagesCommand({ StreamName: 'door', ImageSelectorType: 'SERVER_TIMESTAMP', StartTimestamp: new Date(t), EndTimestamp: new Date(t + 301000), Format: 'PNG' })))).name).toBe('InvalidArgumentException');
  });
});
