import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../src/scenarios/presets';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';

describe('video presets', () => {
  it('smart-home-label-detection: one PERSON notification, then the session summary in S3', async () => {
    const s = new ScenarioSession(presetScenario('smart-home-label-detection')!);
    await s.advance(140000);
    const notes = s.sim.rekognition.notifications().map((n) => (n.message.eventNamespace as { type: string }).type);
    expect(notes).toEqual(['LABEL_DETECTED', 'STREAM_PROCESSING_COMPLETE']);
    expect(s.sim.s3.listObjectsV2({ Bucket: 'home-events' }).Contents!.length).toBe(1);
  });

  it('video-retention-0-vs-24h: live-only keeps 5 minutes of fragments, recorded keeps them all', async () => {
    const s = new ScenarioSession(presetScenario('video-retention-0-vs-24h')!);
    await s.advance(600000);
    const live = s.sim.video.stats('live-only');
    const rec = s.sim.video.stats('recorded');
    expect(live.counters.fragmentsIn).toBe(rec.counters.fragmentsIn);
    // The camera starts at 1 s (once the stream is ACTIVE); 2 s fragments whose server time is within the last 5 minutes: 149.
    expect(live.storedFragments).toBe(149);
    expect(rec.storedFragments).toBe(rec.counters.fragmentsIn);
  });

  it('video-eleven-viewers: the first session is revoked, ten keep watching', async () => {
    const s = new ScenarioSession(presetScenario('video-eleven-viewers')!);
    await s.advance(60000);
    const v = s.sim.video.viewers();
    expect(v.filter((x) => x.status === 'REVOKED').map((x) => x.name)).toEqual(['phone-1']);
    expect(s.sim.video.stats('lobby').activeStreamingSessions).toBe(10);
  });

  it('video-camera-over-ingest-limit: throttled at 120 Mbps, accepted at 80 Mbps', async () => {
    const s = new ScenarioSession(presetScenario('video-camera-over-ingest-limit')!);
    await s.advance(60000);
    const c = s.sim.video.stats('warehouse').counters;
    // Fragments start at 1 s, 3 s, ...: the 14 complete by 30 s are throttled; from the one started at 29 s on, 15 are accepted by 60 s.
    expect(c.refusedByReason).toEqual({ THROTTLED_BYTES_PER_SECOND: 14 });
    expect(c.fragmentsIn).toBe(15);
  });

  it('video-face-search-lambda: the Lambda consumer reads alice\'s frame records', async () => {
    const s = new ScenarioSession(presetScenario('video-face-search-lambda')!);
    await s.advance(60000);
    const p = s.sim.rekognition.processors()[0];
    expect(p.counters.recordsWritten).toBeGreaterThan(0);
    expect(p.counters.faceMatches).toBe(p.counters.recordsWritten);
  });
});
