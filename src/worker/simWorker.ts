/**
 * The Web Worker: owns the world and its play loop on a ~60 Hz timer, and
 * hands the UI one snapshot per frame through a comlink callback. A snapshot
 * is sent only once the UI took the previous one, so a busy page never builds
 * a backlog. Series buffers are transferred, not copied.
 *
 * Advancing is async (the scenario session settles async work), so frames,
 * commands, seeks and loads run one at a time through `serial`: nothing may
 * touch the simulation while another operation is awaiting inside it.
 */
import * as Comlink from 'comlink';
import { World, type ScenarioName } from './world';
import { transferablesOf } from './snapshot';
import type { Command, CommandResult, OpenResult, S3Listing, S3ObjectBody, Snapshot } from './protocol';
import type { EncodedLink } from '../scenarios/shareLink';
import type { Scenario } from '../scenarios/types';
import { inspect, type InspectAnswers, type InspectQuery } from './inspectApi';
import type { MissionView } from './examHost';
import type { LiveQuestion, LiveQuestionResult, LiveQuestionType } from '../exam/liveQuestions';

/** Wall ms of simulation work allowed per frame, leaving room for snapshot building. */
const FRAME_BUDGET_MS = 10;
const FRAME_MS = 16;

const world = new World();
let listener: ((s: Snapshot) => Promise<void> | void) | null = null;
let awaitingUi = false;
let lastWall = performance.now();
let forceSeries = true;

let queue: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every operation queued before it. */
function serial<T>(fn: () => T | Promise<T>): Promise<T> {
  const run = queue.then(fn);
  queue = run.catch(() => undefined);
  return run;
}

function push(): void {
  if (listener === null || awaitingUi) return;
  const snap = world.snapshot(forceSeries);
  forceSeries = false;
  awaitingUi = true;
  Promise.resolve(listener(Comlink.transfer(snap, transferablesOf(snap)))).finally(() => {
    awaitingUi = false;
  });
}

async function tick(): Promise<void> {
  const start = performance.now();
  const wallDelta = start - lastWall;
  lastWall = start;
  await serial(async () => {
    await world.frame(wallDelta, () => performance.now() - start > FRAME_BUDGET_MS);
    push();
  });
  setTimeout(() => void tick(), Math.max(0, FRAME_MS - (performance.now() - start)));
}
setTimeout(() => void tick(), 0);

/** Runs a world operation in turn, then sends a full snapshot. */
function op<T>(fn: () => T | Promise<T>): Promise<T> {
  return serial(async () => {
    const r = await fn();
    forceSeries = true;
    push();
    return r;
  });
}

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
  step(): Promise<void> {
    return op(() => world.step());
  },
  setSpeed(speed: number): CommandResult<number> {
    const problem = world.loop.setSpeed(speed);
    return problem === null ? { ok: true, value: speed } : { ok: false, error: { type: 'ValidationException', message: problem } };
  },
  jump(ms: number): void {
    world.loop.jump(ms);
  },
  reset(seed?: string, scenario?: ScenarioName): Promise<void> {
    return op(() => world.reset(seed, scenario));
  },
  command(cmd: Command): Promise<CommandResult> {
    return op(() => world.command(cmd));
  },
  /** Opens the page's URL fragment (a share link), or the default scenario. */
  open(fragment: string): Promise<OpenResult> {
    return op(() => {
      world.loop.jumpRemaining = 0;
      return world.open(fragment);
    });
  },
  openPreset(id: string): Promise<OpenResult> {
    return op(() => {
      world.loop.jumpRemaining = 0;
      return world.openPreset(id);
    });
  },
  openScenario(doc: unknown): Promise<OpenResult> {
    return op(() => {
      world.loop.jumpRemaining = 0;
      return world.openScenario(doc);
    });
  },
  /** Moves to `offsetMs` after the start (backward seeks replay the scenario). */
  seek(offsetMs: number): Promise<void> {
    return op(() => {
      world.loop.jumpRemaining = 0;
      return world.seek(offsetMs);
    });
  },
  fork(): Promise<number> {
    return op(() => world.fork());
  },
  scenario(): Promise<Scenario> {
    return serial(() => world.toScenario());
  },
  shareFragment(): Promise<EncodedLink> {
    return serial(() => world.shareFragment());
  },
  /** Exam mode: opens a mission at its start and checks its goal every simulated second. */
  openMission(id: string, withSolution = false): Promise<OpenResult> {
    return op(() => {
      world.loop.jumpRemaining = 0;
      return world.openMission(id, withSolution);
    });
  },
  stopMission(): void {
    world.exam.stop();
  },
  missionView(): Promise<MissionView | null> {
    return serial(() => world.exam.view());
  },
  missionHint(): Promise<MissionView | null> {
    return serial(() => world.exam.nextHint());
  },
  missionGiveUp(): Promise<MissionView | null> {
    return serial(() => world.exam.giveUp());
  },
  liveQuestion(type: LiveQuestionType, seed: number): Promise<LiveQuestionResult> {
    return serial(() => world.exam.question(world.sim, type, seed));
  },
  answerPutRecords(q: LiveQuestion): Promise<{ answer: number; why: string }> {
    return op(() => world.exam.answerPutRecords(world.session, q));
  },
  /** On-demand reads for the inspector and panels (nothing changes in the simulation). */
  query<Q extends InspectQuery>(q: Q): Promise<CommandResult<InspectAnswers[Q['type']]>> {
    return serial(() => inspect(world.sim, q));
  },
  listObjects(bucket: string, prefix: string): Promise<CommandResult<S3Listing>> {
    return serial(() => world.listObjects(bucket, prefix));
  },
  getObject(bucket: string, key: string): Promise<CommandResult<S3ObjectBody>> {
    return serial(() => {
      const r = world.getObject(bucket, key);
      if (!r.ok) return r;
      // Copy: the body may be a view on the engine's own bytes, which must not be detached.
      const body = r.value.body.slice();
      return Comlink.transfer({ ok: true as const, value: { ...r.value, body } }, [body.buffer]);
    });
  },
};

export type WorkerApi = typeof api;

Comlink.expose(api);
