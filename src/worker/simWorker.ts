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
import { World } from './world';
import { transferablesOf } from './snapshot';
import type { Snapshot } from './protocol';
import { worldApi } from './worldApi';

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

const api = {
  /** Registers the UI's snapshot callback (a comlink proxy). */
  subscribe(cb: (s: Snapshot) => Promise<void> | void): void {
    listener = cb;
    forceSeries = true;
    push();
  },
  ...worldApi(world, {
    serial,
    changed() {
      forceSeries = true;
      push();
    },
    // The copy's buffer is handed to the page, not copied again.
    transferBody: (r) => Comlink.transfer(r, [r.value.body.buffer]),
  }),
};

export type WorkerApi = typeof api;

Comlink.expose(api);
