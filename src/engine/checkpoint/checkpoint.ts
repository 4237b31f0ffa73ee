/**
 * Checkpoints of a whole simulation: a deep copy of the plain data reachable
 * from the simulation object (clock, queue of data events, seeded generator,
 * every service's state). Restoring one into a simulation freshly built with
 * the same options gives the world as it was, so replaying on from there
 * equals replaying from the seed. Sealed record blocks never change, so
 * checkpoints share them by reference rather than copy them.
 */
import type { Simulation } from '../simulation';
import { copyState, NotCheckpointableError } from './copyState';
import { restoreState } from './restoreState';

export { NotCheckpointableError } from './copyState';

/** A copy of a simulation's state at simulated time `time`. */
export interface Checkpoint {
  /** Simulated epoch ms the copy was taken at. */
  readonly time: number;
  /** Estimated bytes the copy holds (strings, fields, typed arrays), less the objects it shares. */
  readonly bytes: number;
  /** Immutable objects (sealed record blocks) the copy holds by reference, with their heap bytes: checkpoints that share one hold it once. */
  readonly shared: ReadonlyMap<object, number>;
  /** The copy itself (opaque). */
  readonly state: object;
}

/** What stops `sim` being checkpointed now (closure events, pending async work, promises), by path; empty when it can be. */
export function checkpointBlockers(sim: Simulation): string[] {
  return tryCheckpoint(sim).blockers;
}

function tryCheckpoint(sim: Simulation): { cp?: Checkpoint; blockers: string[] } {
  // Async work in flight (a Lambda handler's promise) lives outside the data.
  if (sim.core.pendingCount > 0) return { blockers: [`core: ${sim.core.pendingCount} async task(s) pending`] };
  const { copy, bytes, shared, blockers } = copyState(sim);
  if (blockers.length > 0) return { blockers };
  return { cp: { time: sim.now(), bytes, shared, state: copy }, blockers };
}

/** Takes a checkpoint of `sim`, or throws NotCheckpointableError saying what is not plain data. */
export function takeCheckpoint(sim: Simulation): Checkpoint {
  const { cp, blockers } = tryCheckpoint(sim);
  if (cp === undefined) throw new NotCheckpointableError(blockers);
  return cp;
}

/** Puts the state of `cp` into `fresh`, a simulation just built with the same options (throws NotCheckpointableError if it lacks a bound function). */
export function restoreCheckpoint(fresh: Simulation, cp: Checkpoint): void {
  restoreState(cp.state, fresh);
}
