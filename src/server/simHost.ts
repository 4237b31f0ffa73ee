/**
 * The server's world: the same World the Web Worker runs (scenario session,
 * play loop), driven by a Node timer at wall speed x the chosen speed, and
 * serving HTTP requests through the simulation's single entry `sim.handleHttp`.
 * Frames and requests run one at a time (`serial`), as in the worker: nothing
 * touches the simulation while an advance is awaiting inside it.
 *
 * Requests that change the world and that the scenario format can hold are
 * recorded at the current simulated time (ScenarioSession.recordServed), so the
 * run stays a scenario: what `--state` saves and restores.
 */
import { World } from '../worker/world';
import type { HttpRequest, HttpResponse } from '../engine';
import type { Json, Scenario } from '../scenarios/types';

const FRAME_MS = 16;
/** Wall ms of simulation work per frame, so requests are served between frames. */
const FRAME_BUDGET_MS = 10;

/** Operations whose effect is part of the topology (always recorded). */
const CONTROL_PLANE = new Set([
  'kinesis.createStream',
  'kinesis.deleteStream',
  'kinesis.splitShard',
  'kinesis.mergeShards',
  'kinesis.updateShardCount',
  'kinesis.increaseStreamRetentionPeriod',
  'kinesis.decreaseStreamRetentionPeriod',
  'kinesis.updateStreamMode',
  'kinesis.registerStreamConsumer',
  'kinesis.deregisterStreamConsumer',
  'firehose.createDeliveryStream',
  'firehose.deleteDeliveryStream',
  'firehose.updateDestination',
]);
/** Record writes (recorded only when asked: with --state, so a restore has the records). */
const DATA_PLANE = new Set(['kinesis.putRecord', 'kinesis.putRecords', 'firehose.putRecord']);

/** JSON 1.1 target prefixes and the scenario command namespace they map to. */
const NAMESPACES: Record<string, string> = { Kinesis_20131202: 'kinesis', Firehose_20150804: 'firehose' };

export interface SimHostOptions {
  /** The scenario to open (a fresh empty one starting now when absent). */
  scenario?: Scenario;
  /** Simulated ms after the scenario's start to move to before serving (a restored state). */
  offsetMs?: number;
  /** Simulated ms per wall ms (default 1: a real client expects wall speed). */
  speed?: number;
  /** Also record record writes (PutRecord, PutRecords), not only control-plane changes. */
  recordData?: boolean;
  /** Starts paused (tests drive time with advance()). */
  paused?: boolean;
}

/** An empty scenario starting at `startTime` (whole seconds, so per-second series line up). */
export function emptyScenario(startTime: number, seed: number | string = 1): Scenario {
  return { version: 1, name: 'Local endpoint', seed, startTime: Math.floor(startTime / 1000) * 1000, topology: {}, commands: [] };
}

/** The World behind the endpoint, its wall-clock loop and its request queue. */
export class SimHost {
  readonly world: World;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWall = performance.now();
  private readonly recordData: boolean;
  /** Requests served, by outcome (for the health probe and the bench). */
  served = 0;
  /** Changes the scenario could not hold (not recorded; a restore will miss them). */
  unrecorded = 0;
  private frameListeners = new Set<() => void>();

  constructor(opts: SimHostOptions = {}) {
    this.world = new World('1', opts.scenario ?? emptyScenario(Date.now()));
    this.recordData = opts.recordData ?? false;
    const problem = this.world.loop.setSpeed(opts.speed ?? 1);
    if (problem !== null) throw new Error(problem);
    this.world.loop.playing = opts.paused !== true;
    if (opts.offsetMs !== undefined && opts.offsetMs > 0) void this.serial(() => this.world.seek(opts.offsetMs!));
  }

  /** Runs `fn` after every operation queued before it. */
  serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the wall-clock loop. */
  start(): void {
    if (this.timer !== undefined) return;
    this.lastWall = performance.now();
    const tick = async () => {
      const start = performance.now();
      const wallDelta = start - this.lastWall;
      this.lastWall = start;
      await this.serial(async () => {
        await this.world.frame(wallDelta, () => performance.now() - start > FRAME_BUDGET_MS);
        for (const l of this.frameListeners) l();
      }).catch(() => undefined);
      if (this.timer !== undefined) this.timer = setTimeout(() => void tick(), Math.max(0, FRAME_MS - (performance.now() - start)));
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Calls `fn` after each frame of the loop, inside the queue (attached apps take their snapshot then). Returns a remover. */
  onFrame(fn: () => void): () => void {
    this.frameListeners.add(fn);
    return () => this.frameListeners.delete(fn);
  }

  /** Stops the loop; resolves once the queue is idle. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.serial(() => undefined);
  }

  /** Advances simulated time by `ms` in turn with requests (tests, and the jump flag). */
  advance(ms: number): Promise<void> {
    return this.serial(() => this.world.advance(ms));
  }

  /** Serves one request through `sim.handleHttp`, recording what changed the world. */
  handle(req: HttpRequest): Promise<HttpResponse> {
    return this.serial(() => {
      const res = this.world.sim.handleHttp(req);
      this.served++;
      if (res.status === 200) this.recordIfChange(req);
      return res;
    });
  }

  /** The scenario so far and the moment reached (what --state saves). */
  state(): Promise<{ scenario: Scenario; offsetMs: number }> {
    return this.serial(() => ({ scenario: this.world.toScenario(), offsetMs: this.world.session.offset }));
  }

  private recordIfChange(req: HttpRequest): void {
    const target = headerValue(req.headers, 'x-amz-target');
    if (target === undefined) return;
    const dot = target.lastIndexOf('.');
    const ns = NAMESPACES[target.slice(0, dot)];
    if (ns === undefined) return;
    const name = target.slice(dot + 1);
    const op = `${ns}.${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    if (!CONTROL_PLANE.has(op) && !(this.recordData && DATA_PLANE.has(op))) return;
    const text = typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
    if (!this.world.recordServed(op, JSON.parse(text) as Json)) this.unrecorded++;
  }
}

function headerValue(headers: HttpRequest['headers'], name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}
