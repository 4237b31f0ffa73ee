/**
 * ScenarioSession: the current run as a scenario. It builds a fresh
 * simulation from a scenario's seed and topology, runs the scenario's commands
 * at their simulated times, records every new change (apply) as a command at
 * the current time, travels in time (seekTo) and forks.
 *
 * Time travel: the session takes a checkpoint (a copy of the engine's plain
 * data) every `checkpointEveryMs` of simulated time, within a memory budget
 * (thinned to every other one, at twice the interval, when over it; what
 * checkpoints share by reference, sealed record blocks, slice chunks and S3
 * objects, counts once however many hold it); a seek
 * restores the nearest checkpoint at or before the target and replays only
 * the rest. A world that holds something a checkpoint cannot copy (async
 * work in flight, a function as an event's payload, or a function a freshly
 * built simulation does not have, such as a participant added by a later
 * command; checkpointInfo().blockedBy names them) is replayed from the start
 * instead, which is exact because the engine is deterministic
 * (scripts/bench/scenario.bench.ts prints both costs).
 * Commands at time T run after every engine event due at T, the same whether
 * the command was applied live or replayed.
 *
 * The worker owns one session and drives time with session.advance(ms) (not
 * sim.advance, so scheduled commands run); after load or a backward seek,
 * `session.sim` is a new simulation object.
 */
import { createSimulation, PendingAsyncWorkError, takeCheckpoint, restoreCheckpoint, NotCheckpointableError, type Checkpoint, type Simulation, type SimulationOptions } from '../engine';
import { runCommand, checkCommand, type CommandOutcome } from './commandRunner';
import { runsWhenReady, topologyCommands } from './topology';
import type { Json, Scenario, ScenarioCommand } from './types';

/** One command that ran, with what came of it (for the timeline and the event log). */
export interface CommandLogEntry {
  at: number;
  op: string;
  ok: boolean;
  message?: string;
  /** True for the commands that built the topology. */
  topology?: boolean;
}

export interface ScenarioSessionOptions {
  /** Builds the simulation (tests and the worker may add options). */
  createSimulation?: (opts: SimulationOptions) => Simulation;
  /** Most log entries kept (oldest dropped first). */
  logCapacity?: number;
  /** Simulated ms between checkpoints (default 10 minutes; 0 takes none). */
  checkpointEveryMs?: number;
  /** Most bytes the checkpoints may hold together (default 64 MiB). */
  checkpointBudgetBytes?: number;
}

/** A checkpoint of the run with the session's own place in it. */
interface SessionCheckpoint {
  cp: Checkpoint;
  offset: number;
  next: number;
  waited: number;
  log: CommandLogEntry[];
}

/** What the session's checkpoints hold (for the bench and the timeline). */
export interface CheckpointInfo {
  count: number;
  bytes: number;
  everyMs: number;
  /** Offsets (ms after the start) of the checkpoints, ascending. */
  offsets: number[];
  /** Why this run takes no checkpoints, when it cannot (empty otherwise). */
  blockedBy: string[];
}

const DEFAULT_CHECKPOINT_EVERY_MS = 10 * 60_000;
const DEFAULT_CHECKPOINT_BUDGET = 64 * 1024 * 1024;

/** How often, and how long at most, the start waits for the topology to be ACTIVE. */
const READY_POLL_MS = 1000;
const READY_WAIT_MAX_MS = 120000;

/** True when every stream and delivery stream of the topology is ACTIVE (or failed to be created). */
export function topologyReady(sim: Simulation, scenario: Scenario): boolean {
  for (const st of scenario.topology.streams ?? []) {
    const s = sim.kinesisContext.streams.get(st.StreamName);
    if (s !== undefined && !s.deleted && s.status === 'CREATING') return false;
  }
  for (const d of scenario.topology.deliveryStreams ?? []) {
    try {
      if (sim.firehose.describeDeliveryStream({ DeliveryStreamName: d.DeliveryStreamName }).DeliveryStreamDescription.DeliveryStreamStatus === 'CREATING') return false;
    } catch {
      // Not created (its error is in the log): nothing to wait for.
    }
  }
  return true;
}

export class ScenarioSession {
  /** The simulation of the current run (replaced by load and by a backward seek). */
  sim!: Simulation;
  private base!: Scenario;
  private commands: ScenarioCommand[] = [];
  /** Index of the next command to run. */
  private next = 0;
  private log: CommandLogEntry[] = [];
  private readonly make: (opts: SimulationOptions) => Simulation;
  private readonly logCapacity: number;
  /** True until the topology is ready and the producers and consumers have started. */
  private starting = false;
  /** Simulated ms the start has waited for the topology. */
  private waited = 0;
  /** Number of full replays done (seekTo backwards, load). */
  replays = 0;
  /** Number of seeks served by restoring a checkpoint. */
  restores = 0;
  private checkpoints: SessionCheckpoint[] = [];
  private checkpointEvery: number;
  private readonly checkpointEveryInitial: number;
  private readonly checkpointBudget: number;
  private blockedBy: string[] = [];
  /** Offset of the last checkpoint attempt (taken or not), so each boundary is tried once. */
  private checkpointTriedAt = 0;

  constructor(scenario: Scenario, opts: ScenarioSessionOptions = {}) {
    this.make = opts.createSimulation ?? createSimulation;
    this.logCapacity = opts.logCapacity ?? 1000;
    this.checkpointEveryInitial = this.checkpointEvery = opts.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS;
    this.checkpointBudget = opts.checkpointBudgetBytes ?? DEFAULT_CHECKPOINT_BUDGET;
    this.load(scenario);
  }

  /** Starts the scenario over: a fresh simulation at its start, topology built, commands pending. */
  load(scenario: Scenario): void {
    this.base = structuredCopy(scenario);
    this.commands = structuredCopy(scenario.commands);
    this.checkpoints = [];
    this.checkpointEvery = this.checkpointEveryInitial;
    this.blockedBy = [];
    this.checkpointTriedAt = 0;
    this.rebuild();
  }

  private rebuild(): void {
    this.sim = this.make({ seed: this.base.seed, startTime: this.base.startTime });
    this.next = 0;
    this.log = [];
    this.replays++;
    this.waited = 0;
    for (const c of topologyCommands(this.base.topology).filter((x) => !runsWhenReady(x))) this.record(c, runCommand(this.sim, c.op, c.args), true);
    this.starting = true;
    this.startSync();
  }

  /**
   * As `aws kinesis wait stream-exists` would: producers and consumers start
   * once the streams and delivery streams are ACTIVE (scheduled commands still
   * run at their times meanwhile). Done at once when nothing loads lazily;
   * a topology that loads something (the Parquet writer) finishes starting in
   * the next advance, which can wait for it.
   */
  private startSync(): void {
    while (this.starting && this.sim.core.pendingCount === 0) {
      if (this.waitingForTopology()) {
        this.stepSync(READY_POLL_MS, false);
        this.waited += READY_POLL_MS;
      } else this.startTraffic();
    }
  }

  private async start(): Promise<void> {
    while (this.starting) {
      if (this.waitingForTopology()) {
        await this.step(READY_POLL_MS, false);
        this.waited += READY_POLL_MS;
      } else this.startTraffic();
    }
  }

  private startOrThrow(): void {
    this.startSync();
    if (this.starting) throw new PendingAsyncWorkError(this.sim.core.pendingCount, this.sim.now(), 'scenario:start-traffic');
  }

  private waitingForTopology(): boolean {
    return this.waited < READY_WAIT_MAX_MS && !topologyReady(this.sim, this.base);
  }

  // Commands due at the very moment the topology turns ready run after its monitoring and traffic start, as
  // they did when recorded (a SplitShard there must not leave EnableEnhancedMonitoring facing an UPDATING stream).
  private startTraffic(): void {
    for (const c of topologyCommands(this.base.topology).filter(runsWhenReady)) this.record({ ...c, at: this.offset }, runCommand(this.sim, c.op, c.args), true);
    this.starting = false;
  }

  /** Milliseconds since the scenario's start. */
  get offset(): number {
    return this.sim.now() - this.base.startTime;
  }

  /** How many of the run's commands have run (the rest are what fork would discard). */
  get commandsRun(): number {
    return this.next;
  }

  /** The scenario's start, simulated epoch ms. */
  get startTime(): number {
    return this.base.startTime;
  }

  /**
   * Moves time forward by `ms`, running scheduled commands at their times and
   * everything due with them (async work settles at its simulated time).
   */
  async advance(ms: number): Promise<void> {
    await this.start();
    await this.step(ms);
  }

  /** The synchronous advance: throws (PendingAsyncWorkError) rather than skip async work that is pending. */
  advanceSync(ms: number): void {
    this.startOrThrow();
    this.stepSync(ms);
  }

  // Commands at time T run before a checkpoint at T, which then holds their effect.
  // With `throughEnd` false, commands due exactly at the end wait for the next step (see startTraffic).
  private async step(ms: number, throughEnd = true): Promise<void> {
    const target = this.sim.now() + ms;
    let reached = false;
    for (let stop = this.nextStop(target, throughEnd); stop !== undefined; stop = this.nextStop(target, throughEnd)) {
      await this.sim.core.advanceTo(stop.at);
      reached = this.runStop(stop, target);
    }
    // Once at the target, not twice: each advance runs the after-advance hooks (a checkpoint must not change the world).
    if (!reached) await this.sim.core.advanceTo(target);
  }

  /** step() without awaiting: refuses (in advanceToSync) when lazily loaded work is pending. */
  private stepSync(ms: number, throughEnd = true): void {
    const target = this.sim.now() + ms;
    let reached = false;
    for (let stop = this.nextStop(target, throughEnd); stop !== undefined; stop = this.nextStop(target, throughEnd)) {
      this.sim.core.advanceToSync(stop.at);
      reached = this.runStop(stop, target);
    }
    if (!reached) this.sim.core.advanceToSync(target);
  }

  /** The next command or checkpoint due by `target` (a command first when both fall at one time). */
  private nextStop(target: number, throughEnd: boolean): { kind: 'command' | 'checkpoint'; at: number } | undefined {
    const cAt = this.nextCommandTime();
    const kAt = this.nextCheckpointTime();
    if ((throughEnd ? cAt <= target : cAt < target) && cAt <= kAt) return { kind: 'command', at: cAt };
    if (kAt <= target) return { kind: 'checkpoint', at: kAt };
    return undefined;
  }

  /** Runs a stop the clock has reached; true when it was a checkpoint at the target itself. */
  private runStop(stop: { kind: 'command' | 'checkpoint'; at: number }, target: number): boolean {
    if (stop.kind === 'command') {
      const c = this.commands[this.next++];
      this.record(c, runCommand(this.sim, c.op, c.args));
      return false;
    }
    this.checkpointNow();
    return stop.at === target;
  }

  private nextCommandTime(): number {
    return this.next < this.commands.length ? this.base.startTime + this.commands[this.next].at : Infinity;
  }

  /** Simulated epoch ms of the next checkpoint to take, or Infinity. */
  private nextCheckpointTime(): number {
    if (this.checkpointEvery <= 0 || this.blockedBy.length > 0 || this.starting) return Infinity;
    const e = this.checkpointEvery;
    const last = Math.max(this.checkpoints.length > 0 ? this.checkpoints[this.checkpoints.length - 1].offset : 0, this.checkpointTriedAt);
    let at = (Math.floor(last / e) + 1) * e;
    // Never a boundary behind the clock (after a restore, or a start that waited).
    if (at < this.offset) at = Math.ceil(this.offset / e) * e;
    return this.base.startTime + at;
  }

  private checkpointNow(): void {
    const offset = this.offset;
    this.checkpointTriedAt = offset;
    // Async work in flight (a Lambda handler) is not data: try again at the next boundary.
    if (this.sim.core.pendingCount > 0) return;
    let cp: Checkpoint;
    try {
      cp = takeCheckpoint(this.sim);
    } catch (e) {
      if (!(e instanceof NotCheckpointableError)) throw e;
      this.blockedBy = [...e.blockers];
      return;
    }
    this.checkpoints.push({ cp, offset, next: this.next, waited: this.waited, log: this.log.map((x) => ({ ...x })) });
    // Over budget: keep every other checkpoint and take them half as often.
    while (this.checkpointBytes() > this.checkpointBudget && this.checkpoints.length > 1) {
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 1);
      this.checkpointEvery *= 2;
    }
  }

  /** Bytes the checkpoints hold together: each one's own copy, and each shared sealed block once. */
  private checkpointBytes(): number {
    const shared = new Map<object, number>();
    let n = 0;
    for (const c of this.checkpoints) {
      n += c.cp.bytes;
      for (const [o, b] of c.cp.shared) shared.set(o, b);
    }
    for (const b of shared.values()) n += b;
    return n;
  }

  /** The checkpoints this run holds, their size and interval, or why it takes none. */
  checkpointInfo(): CheckpointInfo {
    return { count: this.checkpoints.length, bytes: this.checkpointBytes(), everyMs: this.checkpointEvery, offsets: this.checkpoints.map((c) => c.offset), blockedBy: [...this.blockedBy] };
  }

  /** Forgets the checkpoints after `offset` (a command was added or dropped there). */
  private dropCheckpointsAfter(offset: number): void {
    this.checkpoints = this.checkpoints.filter((c) => c.offset < offset);
  }

  /**
   * Restores the latest checkpoint at or before `target` (ms after the start)
   * when it is ahead of the current moment or the target is behind it; false
   * when none serves (then nothing changed, unless the restore failed and the
   * world was rebuilt from the start).
   */
  restoreNearest(target: number): boolean {
    let best: SessionCheckpoint | undefined;
    for (const c of this.checkpoints) if (c.offset <= target) best = c;
    if (best === undefined || (target >= this.offset && best.offset <= this.offset)) return false;
    // A fresh world built the same way (topology and traffic started), so what the start
    // creates is there to re-bind; then the checkpoint's data replaces its state.
    this.rebuild();
    this.replays--;
    try {
      restoreCheckpoint(this.sim, best.cp);
    } catch (e) {
      if (!(e instanceof NotCheckpointableError)) throw e;
      this.blockedBy = [...e.blockers];
      this.checkpoints = [];
      this.rebuild();
      return false;
    }
    this.next = best.next;
    this.waited = best.waited;
    this.log = best.log.map((x) => ({ ...x }));
    this.checkpointTriedAt = best.offset;
    this.starting = false;
    this.restores++;
    return true;
  }

  /**
   * Runs a change now and records it at the current time, so the run stays a
   * scenario. Refused commands (unknown op, bad args, an AWS error) are not
   * recorded; their outcome says why.
   */
  apply(command: { op: string; args: Json; note?: string }): CommandOutcome {
    const problem = checkCommand(command.op, command.args);
    if (problem !== undefined) return { ok: false, error: { type: 'ValidationException', message: problem } };
    const recorded: ScenarioCommand = { at: this.offset, op: command.op, args: structuredCopy(command.args) };
    if (command.note !== undefined) recorded.note = command.note;
    const outcome = runCommand(this.sim, recorded.op, recorded.args);
    this.record(recorded, outcome);
    if (outcome.ok) {
      // Checkpoints from now on were taken without this command.
      this.dropCheckpointsAfter(recorded.at);
      // After the commands already run, before any later ones (kept in time order).
      this.commands.splice(this.next, 0, recorded);
      this.next++;
    }
    return outcome;
  }

  /**
   * Records a change that already ran on this simulation (a request the local
   * endpoint served through the wire) at the current time, so the run stays a
   * scenario. False, and nothing recorded, when the scenario format cannot hold it.
   */
  recordServed(op: string, args: Json): boolean {
    if (checkCommand(op, args) !== undefined) return false;
    const recorded: ScenarioCommand = { at: this.offset, op, args };
    this.record(recorded, { ok: true });
    this.dropCheckpointsAfter(recorded.at);
    this.commands.splice(this.next, 0, recorded);
    this.next++;
    return true;
  }

  /** The current run as a scenario document (a copy). */
  toScenario(): Scenario {
    return { ...structuredCopy(this.base), commands: structuredCopy(this.commands) };
  }

  /**
   * Shows the world at `offsetMs` after the start: forward by advancing,
   * backward by replaying from the start. Returns whether it replayed.
   */
  async seekTo(offsetMs: number): Promise<{ replayed: boolean }> {
    const target = Math.max(0, offsetMs);
    let replayed = false;
    if (this.restoreNearest(target)) replayed = true;
    else if (target < this.offset) {
      this.rebuild();
      replayed = true;
    }
    // The start waits for the topology to be ACTIVE: a target inside that wait shows the first ready moment.
    await this.start();
    await this.step(Math.max(0, target - this.offset));
    return { replayed };
  }

  /** The synchronous seek (throws rather than skip pending async work; see advanceSync). */
  seekToSync(offsetMs: number): { replayed: boolean } {
    const target = Math.max(0, offsetMs);
    let replayed = false;
    if (this.restoreNearest(target)) replayed = true;
    else if (target < this.offset) {
      this.rebuild();
      replayed = true;
    }
    this.startOrThrow();
    this.stepSync(Math.max(0, target - this.offset));
    return { replayed };
  }

  /** Commands scheduled after the current time (what fork would discard). */
  futureCommands(): ScenarioCommand[] {
    return this.commands.slice(this.next).map((c) => structuredCopy(c));
  }

  /** Drops the commands after the current time; returns how many were dropped. */
  fork(): number {
    const dropped = this.commands.length - this.next;
    this.commands = this.commands.slice(0, this.next);
    if (dropped > 0) this.dropCheckpointsAfter(this.offset + 1);
    // A fork is no longer the preset it came from.
    if (dropped > 0) delete this.base.presetId;
    return dropped;
  }

  /** What ran since the last load or replay, with outcomes. */
  commandLog(): readonly CommandLogEntry[] {
    return this.log;
  }

  private record(c: ScenarioCommand, outcome: CommandOutcome, topology = false): void {
    const e: CommandLogEntry = { at: c.at, op: c.op, ok: outcome.ok };
    if (!outcome.ok) e.message = `${outcome.error.type}: ${outcome.error.message}`;
    if (topology) e.topology = true;
    this.log.push(e);
    if (this.log.length > this.logCapacity) this.log.shift();
  }
}


/** A deep copy of plain JSON data. */
function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Builds a scenario's topology into an existing, fresh simulation and
 * schedules its commands on the simulation's own event queue (for callers
 * that drive `sim.advance` themselves). Returns the outcomes of the topology:
 * its EnableEnhancedMonitoring requests are refused here while the streams are
 * CREATING, as AWS refuses them (ScenarioSession waits for ACTIVE first).
 */
export function applyScenario(sim: Simulation, scenario: Scenario): CommandOutcome[] {
  const outcomes = topologyCommands(scenario.topology).map((c) => runCommand(sim, c.op, c.args));
  const start = scenario.startTime;
  // A data event per command (the engine's queue takes no closures), so a checkpoint copies them too.
  if (!sim.core.hasHandler(SCENARIO_COMMAND)) sim.core.registerHandler<ScheduledCommand>(SCENARIO_COMMAND, (p) => void runCommand(p.sim, p.op, p.args));
  for (const c of scenario.commands) {
    sim.core.scheduleEventAt(start + c.at, SCENARIO_COMMAND, { sim, op: c.op, args: structuredCopy(c.args) } satisfies ScheduledCommand, `scenario:${c.op}`);
  }
  return outcomes;
}

const SCENARIO_COMMAND = 'scenario:command';

/** A scenario command waiting on the simulation's queue (applyScenario). */
interface ScheduledCommand {
  sim: Simulation;
  op: string;
  args: Json;
}
