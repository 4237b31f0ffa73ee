/**
 * The worker's world without the worker: a scenario session (the run as a
 * scenario: seed, topology, timed commands), the play loop, and what the
 * views keep from the engine's events (buffer flushes). Every per-second
 * figure is read from the engine's metrics when a snapshot is built. Commands, frames, time travel and S3 browsing are plain method calls,
 * so all of this runs in vitest; simWorker.ts only adds the timer and comlink.
 *
 * Time moves only through the session (session.advance settles Lambda
 * handlers, jq and the Parquet writer, which load lazily, at their simulated
 * times), and every UI command goes through session.apply so it is recorded.
 * A load or a backward seek builds a new simulation: `sim` always reads
 * session.sim, and the views (series, traffic rates, events) start over.
 */
import type { SimEvent, Simulation } from '../engine';
import { ScenarioSession } from '../scenarios/scenarioSession';
import { defaultScenario, presetScenario } from '../scenarios/presets';
import { loadFromFragment } from '../scenarios/loader';
import { encodeShareFragment, type EncodedLink } from '../scenarios/shareLink';
import { validateScenario } from '../scenarios/validateScenario';
import type { Json, Scenario } from '../scenarios/types';
import { PlayLoop } from './playLoop';
import { buildSnapshot, eventSnaps, type SnapshotSources } from './snapshot';
import { attempt } from './attempt';
import { ParticipantView } from './participantView';
import { benchScenario } from './benchScenario';
import { ExamHost } from './examHost';
import type { Command, CommandResult, FlushMark, KeyMark, OpenResult, S3Listing, S3ObjectBody, ScenarioInfo, Snapshot } from './protocol';

/** Flushes kept per delivery stream (the charts show the last HISTORY_SECONDS; a 0-second interval can flush often). */
const MAX_FLUSH_MARKS = 400;

export type ScenarioName = 'default' | `bench-${number}` | `bench-${number}-loaded`;

export class World {
  session!: ScenarioSession;
  traffic!: ParticipantView;
  loop: PlayLoop;
  /** Exam mode: the mission being checked every simulated second, and live questions. */
  readonly exam = new ExamHost();
  private eventSeq = 0;
  private keyMarks: KeyMark[] = [];
  /** True when a new second was sampled since the last snapshot (series are sent then). */
  private seriesDirty = true;
  /** Buffer flushes per delivery stream, kept from the engine's bufferFlushed events (bounded). */
  private flushes = new Map<string, FlushMark[]>();
  private unsubscribe: () => void = () => {};
  /** Bumped whenever the scenario changes; the snapshot carries the scenario when it differs from the last one sent. */
  private revision = 0;
  private sentRevision = -1;
  /** The furthest moment reached since the scenario was opened or forked (the timeline's right end). */
  private furthest = 0;

  constructor(seed = '1', scenario: ScenarioName | Scenario = 'default') {
    this.loop = new PlayLoop({
      simNow: () => this.sim.now(),
      advance: (ms) => this.session.advance(ms),
      onSecond: (time) => this.onSecond(time),
    });
    this.load(typeof scenario === 'string' ? namedScenario(scenario, seed) : scenario);
  }

  /** The simulation of the current run (a new object after a load or a backward seek). */
  get sim(): Simulation {
    return this.session.sim;
  }

  /** The current run's seed, as text. */
  get seed(): string {
    return String(this.session.toScenario().seed);
  }

  /** Opens a scenario at its start, paused views reset. */
  load(scenario: Scenario): void {
    if (this.session === undefined) this.session = new ScenarioSession(scenario);
    else this.session.load(scenario);
    this.furthest = 0;
    this.changed();
    this.resetViews();
  }

  /** Starts the current run over (with another seed: then it is no longer its preset). */
  reset(seed?: string, scenario?: ScenarioName): void {
    if (scenario !== undefined && scenario !== 'default') return this.load(namedScenario(scenario, seed ?? '1'));
    const s = this.session.toScenario();
    if (seed !== undefined && seed !== String(s.seed)) {
      s.seed = /^\d{1,15}$/.test(seed) ? Number(seed) : seed;
      delete s.presetId;
    }
    this.load(s);
  }

  /** Opens what a URL fragment holds; a bad link opens the default scenario and says why. */
  async open(fragment: string): Promise<OpenResult> {
    const r = loadFromFragment(fragment, defaultScenario, presetScenario);
    this.load(r.scenario);
    if (r.timeMs > 0) await this.seek(r.timeMs);
    return r.message !== undefined ? { ok: false, message: r.message, source: r.source } : { ok: true, source: r.source };
  }

  /** Opens a preset by id. */
  openPreset(id: string): OpenResult {
    const s = presetScenario(id);
    if (s === undefined) return { ok: false, message: `There is no preset "${id.slice(0, 64)}".`, source: 'preset' };
    this.load(s);
    return { ok: true, source: 'preset' };
  }

  /** Opens mission `id` at its start (with its reference solution when asked) and checks its goal from then on. */
  openMission(id: string, withSolution = false): OpenResult {
    const s = this.exam.missionScenario(id, withSolution);
    if (s === undefined) return { ok: false, message: `There is no mission "${id.slice(0, 64)}".`, source: 'preset' };
    this.load(s);
    this.exam.start(id, this.session);
    return { ok: true, source: 'preset' };
  }

  /** Opens a scenario document (saved or imported), validated again: it is untrusted. */
  openScenario(doc: unknown): OpenResult {
    const v = validateScenario(doc);
    if (!v.ok) return { ok: false, message: v.message, source: 'file' };
    this.load(v.scenario);
    return { ok: true, source: 'file' };
  }

  /**
   * Shows the world at `offsetMs` after the start: from the nearest checkpoint
   * when one serves, else backward by replaying from the start; then forward by
   * playing on.
   */
  async seek(offsetMs: number): Promise<void> {
    const target = Math.max(0, Math.floor(offsetMs));
    const before = this.sim;
    if (!this.session.restoreNearest(target) && target < this.session.offset) await this.session.seekTo(0);
    if (this.session.sim !== before) this.resetViews();
    // Through the loop, so the per-second series are sampled on the way, exactly as when playing.
    await this.loop.advanceBy(Math.max(0, target - this.session.offset));
    this.reached();
  }

  /** Drops the commands after now; returns how many. */
  fork(): number {
    const n = this.session.fork();
    this.furthest = this.session.offset;
    this.changed();
    return n;
  }

  /** The current run as a scenario document. */
  toScenario(): Scenario {
    return this.session.toScenario();
  }

  /** The share-link fragment for this run at this moment. */
  shareFragment(): EncodedLink {
    return encodeShareFragment(this.session.toScenario(), this.session.offset, presetScenario);
  }

  /** One frame of the play loop (async: the session settles async work deterministically). */
  async frame(wallDeltaMs: number, overBudget?: () => boolean): Promise<number> {
    const n = await this.loop.frame(wallDeltaMs, overBudget);
    this.reached();
    return n;
  }

  /** One simulated second. */
  async step(): Promise<void> {
    await this.loop.step();
    this.reached();
  }

  /** Jumps ahead `ms` at once (tests; the worker queues jumps on the loop). */
  async advance(ms: number): Promise<void> {
    await this.loop.advanceBy(ms);
    this.reached();
  }

  /**
   * Runs one scenario command from the UI through the session (checked by the
   * scenario schema, then by the engine; recorded when accepted). Errors come
   * back as data and leave the world as it was. A command that adds a
   * producer or consumer answers with its id.
   */
  command(cmd: Command): CommandResult {
    // As JSON: fields left undefined are dropped, as a scenario document would hold them.
    const r = this.session.apply({ op: cmd.op, args: JSON.parse(JSON.stringify(cmd.args ?? {})) as Json });
    if (!r.ok) return { ok: false, error: r.error };
    this.changed();
    const out = r.output;
    if (out !== null && typeof out === 'object' && 'id' in out && 'config' in out) return { ok: true, value: (out as { id: string }).id };
    return { ok: true, value: out ?? {} };
  }

  /** Records a change an outside client already made through the wire (the local endpoint); false when the scenario cannot hold it. */
  recordServed(op: string, args: Json): boolean {
    const ok = this.session.recordServed(op, args);
    if (ok) this.changed();
    return ok;
  }

  private changed(): void {
    this.revision++;
  }

  private reached(): void {
    if (this.session.offset > this.furthest) this.furthest = this.session.offset;
  }

  /** Fresh views for a new simulation: traffic rates, events, flush marks (kept as the engine reports them). */
  private resetViews(): void {
    this.unsubscribe();
    this.traffic = new ParticipantView(this.sim);
    this.sim.metrics.traffic.watch();
    // Events of the replay are history the log never showed; start the log at the moment shown.
    this.sim.core.events.drain();
    this.eventSeq = 0;
    this.flushes = new Map();
    this.unsubscribe = this.sim.core.events.subscribe((e) => this.onEvent(e));
    this.keyMarks = this.traffic.keyMarks();
    this.seriesDirty = true;
  }

  /** Reacts to an engine event as it happens (a seek's replay included, so the charts see every flush). */
  private onEvent(e: SimEvent): void {
    if (e.type !== 'bufferFlushed') return;
    let list = this.flushes.get(e.deliveryStream);
    if (list === undefined) this.flushes.set(e.deliveryStream, (list = []));
    list.push({ time: e.time, fill: e.fill, fillAfter: e.fillAfter });
    if (list.length > MAX_FLUSH_MARKS) list.splice(0, list.length - MAX_FLUSH_MARKS);
  }

  /** A whole simulated second passed: the engine sampled its metrics; the series are sent with the next snapshot. */
  private onSecond(time: number): void {
    this.exam.onSecond(this.sim, time);
    this.seriesDirty = true;
  }

  /** The scenario as the timeline shows it. */
  scenarioInfo(): ScenarioInfo {
    const s = this.session.toScenario();
    const info: ScenarioInfo = {
      revision: this.revision,
      name: s.name,
      startTime: s.startTime,
      commands: s.commands.map((c) => (c.note === undefined ? { at: c.at, op: c.op } : { at: c.at, op: c.op, note: c.note })),
    };
    if (s.presetId !== undefined) info.presetId = s.presetId;
    return info;
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
      runStart: this.session.startTime,
      producers: this.traffic.producerSnaps(),
      consumers: this.traffic.consumerSnaps(),
      firehoses: this.sim.inspect.firehoses(),
      buckets: this.sim.inspect.buckets(),
      analytics: this.sim.inspect.analyticsApps(),
      keyMarks: this.keyMarks,
      flushes: this.flushes,
    };
    const snap = buildSnapshot(src, { seed: this.seed, playing: this.loop.playing, speed: this.loop.speed, effectiveSpeed: this.loop.effectiveSpeed }, events, includeSeries);
    snap.timeline = { offsetMs: this.session.offset, endMs: Math.max(this.furthest, this.session.offset), commandsRun: this.session.commandsRun };
    if (forceSeries || this.sentRevision !== this.revision) {
      snap.scenario = this.scenarioInfo();
      this.sentRevision = this.revision;
    }
    return snap;
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

/** The default scenario (with `seed`), or a bench scenario by name. */
function namedScenario(name: ScenarioName, seed: string): Scenario {
  const s = name === 'default' ? defaultScenario() : benchScenario(parseInt(name.slice('bench-'.length), 10), name.endsWith('-loaded'));
  if (seed !== String(s.seed)) {
    s.seed = /^\d{1,15}$/.test(seed) ? Number(seed) : seed;
    delete s.presetId;
  }
  return s;
}
