/**
 * The Web Worker: owns the world and its play loop on a ~60 Hz timer, and
 * hands the UI one snapshot per frame through a comlink callback. A snapshot
 * is sent only once the UI took the previous one, so a busy page never builds
 * a backlog. Series buffers are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { World, type ScenarioName } from './world';
import { transferablesOf } from './snapshot';
import type { Command, CommandResult, S3Listing, S3ObjectBody, Snapshot } from './protocol';
import { inspect, type InspectAnswers, type InspectQuery } from './inspectApi';

/** Wall ms of simulation work allowed per frame, leaving room for snapshot building. */
const FRAME_BUDGET_MS = 10;
const FRAME_MS = 16;

const world = new World();
let listener: ((s: Snapshot) => Promise<void> | void) | null = null;
let awaitingUi = false;
let lastWall = performance.now();
let forceSeries = true;

function push(): void {
  if (listener === null || awaitingUi) return;
  const snap = world.snapshot(forceSeries);
  forceSeries = false;
  awaitingUi = true;
  Promise.resolve(listener(Comlink.transfer(snap, transferablesOf(snap)))).finally(() => {
    awaitingUi = false;
  });
}

function tick(): void {
  const start = performance.now();
  const wallDelta = start - lastWall;
  lastWall = start;
  world.loop.frame(wallDelta, () => performance.now() - start > FRAME_BUDGET_MS);
  push();
  setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - start)));
}
setTimeout(tick, 0);

const api = {
  /** Registers the UI's snapshot callback (a comlink proxy). */
  subscribe(cb: (s: Snapshot) => Promise<void> | void): void {
    listener = cb;
    forceSeries = true;
    push();
  },
  play(): void {
    world.loop.playing = true;
  },
  pause(): void {
    world.loop.playing = false;
  },
  step(): void {
    world.loop.step();
    forceSeries = true;
  },
  setSpeed(speed: number): CommandResult<number> {
    const problem = world.loop.setSpeed(speed);
    return problem === null ? { ok: true, value: speed } : { ok: false, error: { type: 'ValidationException', message: problem } };
  },
  jump(ms: number): void {
    world.loop.jump(ms);
  },
  reset(seed?: string, scenario?: ScenarioName): void {
    const playing = world.loop.playing;
    world.reset(seed ?? world.seed, scenario ?? world.scenario);
    world.loop.playing = playing;
    forceSeries = true;
  },
  command(cmd: Command): CommandResult {
    const r = world.command(cmd);
    forceSeries = true;
    return r;
  },
  /** On-demand reads for the inspector and panels (nothing changes in the simulation). */
  query<Q extends InspectQuery>(q: Q): CommandResult<InspectAnswers[Q['type']]> {
    return inspect(world.sim, q);
  },
  listObjects(bucket: string, prefix: string): CommandResult<S3Listing> {
    return world.listObjects(bucket, prefix);
  },
  getObject(bucket: string, key: string): CommandResult<S3ObjectBody> {
    const r = world.getObject(bucket, key);
    if (!r.ok) return r;
    // Copy: the body may be a view on the engine's own bytes, which must not be detached.
    const body = r.value.body.slice();
    return Comlink.transfer({ ok: true, value: { ...r.value, body } }, [body.buffer]);
  },
};

export type WorkerApi = typeof api;

Comlink.expose(api);
