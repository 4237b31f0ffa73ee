/**
 * The worker's world without the worker: one simulation, its traffic, the
 * sampled series and the play loop. Commands, frames and S3 browsing are
 * plain method calls, so all of this runs in vitest; simWorker.ts only adds
 * the timer and comlink.
 */
import { createSimulation, type Simulation } from '../engine';
import { PlayLoop } from './playLoop';
import { GaugeSampler, SeriesSampler } from './seriesSampler';
import { buildSnapshot, eventSnaps, type SnapshotSources } from './snapshot';
import { runCommand, attempt } from './commands';
import { bucketSnaps, firehoseSnaps } from './firehoseSnapshot';
import { EngineTrafficDriver, type TrafficDriver } from './trafficAdapter';
import { loadBenchScenario, loadDefaultScenario } from './defaultScenario';
import type { Command, CommandResult, KeyMark, S3Listing, S3ObjectBody, Snapshot } from './protocol';

export type ScenarioName = 'default' | `bench-${number}`;

export class World {
  sim!: Simulation;
  traffic!: TrafficDriver;
  sampler!: SeriesSampler;
  gauges!: GaugeSampler;
  loop!: PlayLoop;
  seed = '1';
  scenario: ScenarioName = 'default';
  private eventSeq = 0;
  private keyMarks: KeyMark[] = [];
  /** True when a new second was sampled since the last snapshot (series are sent then). */
  private seriesDirty = true;
  private flushTimes = new Map<string, number[]>();
  private objectsSeen = new Map<string, number>();

  constructor(seed = '1', scenario: ScenarioName = 'default') {
    this.reset(seed, scenario);
  }

  /** Starts over: a fresh simulation from the seed, with the scenario loaded and paused. */
  reset(seed = this.seed, scenario: ScenarioName = this.scenario): void {
    const wasSpeed = this.loop?.speed ?? 1;
    this.seed = seed;
    this.scenario = scenario;
    this.sim = createSimulation({ seed });
    this.traffic = new EngineTrafficDriver(this.sim);
    this.sampler = new SeriesSampler();
    this.gauges = new GaugeSampler();
    this.loop = new PlayLoop({
      simNow: () => this.sim.now(),
      advance: (ms) => {
        this.traffic.step(ms);
        this.sim.advance(ms);
      },
      onSecond: (time) => this.onSecond(time),
    });
    this.loop.speed = wasSpeed;
    if (scenario === 'default') loadDefaultScenario(this.sim, this.traffic);
    else loadBenchScenario(this.sim, this.traffic, Number(scenario.slice('bench-'.length)));
    this.eventSeq = 0;
    this.flushTimes = new Map();
    this.objectsSeen = new Map();
    this.keyMarks = this.traffic.keyMarks();
    this.seriesDirty = true;
  }

  /** Samples every per-second series at a whole simulated second. */
  private onSecond(time: number): void {
    const sources = [];
    const live = new Set<string>();
    for (const s of this.sim.kinesisContext.streams.values()) {
      for (const sh of s.shards) {
        live.add(sh.shardId);
        sources.push({ id: sh.shardId, ...sh.counters });
      }
    }
    this.sampler.sample(time, sources);
    if (this.sampler.count % 60 === 0) this.sampler.retain(live);
    this.traffic.rollSecond();
    const gauges: Array<[string, number]> = this.traffic.consumerSnaps().map((c) => [`age:${c.id}`, c.iteratorAgeMs]);
    for (const f of firehoseSnaps(this.sim)) {
      gauges.push([`fill:${f.name}`, f.bufferFill]);
      // A second in which objects were written holds a flush.
      const before = this.objectsSeen.get(f.name) ?? 0;
      if (f.deliveredObjects > before) {
        const list = this.flushTimes.get(f.name) ?? [];
        list.push(time);
        if (list.length > 200) list.shift();
        this.flushTimes.set(f.name, list);
      }
      this.objectsSeen.set(f.name, f.deliveredObjects);
    }
    this.gauges.sample(gauges);
    this.seriesDirty = true;
  }

  /** Runs one command; errors come back as data and leave the world as it was. */
  command(cmd: Command): CommandResult {
    return runCommand(this, cmd);
  }

  /** The snapshot of this moment, with the events since the last one. */
  snapshot(forceSeries = false): Snapshot {
    const raw = this.sim.core.events.drain();
    const events = eventSnaps(raw, this.eventSeq);
    this.eventSeq += raw.length;
    const includeSeries = forceSeries || this.seriesDirty;
    if (includeSeries) this.keyMarks = this.traffic.keyMarks();
    this.seriesDirty = false;
    const src: SnapshotSources = {
      sim: this.sim,
      sampler: this.sampler,
      gauges: this.gauges,
      producers: this.traffic.producerSnaps(),
      consumers: this.traffic.consumerSnaps(),
      firehoses: firehoseSnaps(this.sim),
      buckets: bucketSnaps(this.sim),
      keyMarks: this.keyMarks,
      flushTimes: this.flushTimes,
    };
    return buildSnapshot(src, { seed: this.seed, playing: this.loop.playing, speed: this.loop.speed, effectiveSpeed: this.loop.effectiveSpeed }, events, includeSeries);
  }

  /** Lists a bucket's prefixes and objects under `prefix` (S3 ListObjectsV2 with Delimiter '/'). */
  listObjects(bucket: string, prefix: string): CommandResult<S3Listing> {
    const s3 = this.sim.s3;
    return attempt(() => {
      const out = s3.listObjectsV2({ Bucket: bucket, Prefix: prefix, Delimiter: '/' });
      return {
        prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix),
        objects: (out.Contents ?? []).map((o) => ({ Key: o.Key, Size: o.Size, LastModified: Number(o.LastModified) })),
      };
    });
  }

  /** One object's bytes, as S3 GetObject returns them. */
  getObject(bucket: string, key: string): CommandResult<S3ObjectBody> {
    const s3 = this.sim.s3;
    return attempt(() => {
      const out = s3.getObject({ Bucket: bucket, Key: key });
      return { key, contentType: out.ContentType ?? 'application/octet-stream', contentEncoding: out.ContentEncoding ?? null, body: out.Body };
    });
  }
}
