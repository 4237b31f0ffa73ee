/**
 * ScenarioSession: the current run as a scenario. It builds a fresh
 * simulation from a scenario's seed and topology, runs the scenario's commands
 * at their simulated times, records every new change (apply) as a command at
 * the current time, travels in time (seekTo) and forks.
 *
 * Time travel replays from the start: engine state lives in closures and
 * cannot be cloned, and replay is exact because the engine is deterministic
 * (scripts/bench/scenario.bench.ts prints what seeking 1 h and 1 day costs).
 * Commands at time T run after every engine event due at T, the same whether
 * the command was applied live or replayed.
 *
 * The worker owns one session and drives time with session.advance(ms) (not
 * sim.advance, so scheduled commands run); after load or a backward seek,
 * `session.sim` is a new simulation object.
 */
import { createSimulation, PendingAsyncWorkError, type Simulation, type SimulationOptions } from '../engine';
import { runCommand, checkCommand, type CommandOutcome } from './commandRunner';
import { topologyCommands } from './topology';
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
}

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

  constructor(scenario: Scenario, opts: ScenarioSessionOptions = {}) {
    this.make = opts.createSimulation ?? createSimulation;
    this.logCapacity = opts.logCapacity ?? 1000;
    this.load(scenario);
  }

  /** Starts the scenario over: a fresh simulation at its start, topology built, commands pending. */
  load(scenario: Scenario): void {
    this.base = structuredCopy(scenario);
    this.commands = structuredCopy(scenario.commands);
    this.rebuild();
  }

  private rebuild(): void {
    this.sim = this.make({ seed: this.base.seed, startTime: this.base.startTime });
    this.next = 0;
    this.log = [];
    this.replays++;
    this.waited = 0;
    for (const c of topologyCommands(this.base.topology).filter((x) => !isTraffic(x))) this.record(c, runCommand(this.sim, c.op, c.args), true);
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
        this.stepSync(READY_POLL_MS);
        this.waited += READY_POLL_MS;
      } else this.startTraffic();
    }
  }

  private async start(): Promise<void> {
    while (this.starting) {
      if (this.waitingForTopology()) {
        await this.step(READY_POLL_MS);
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

  private startTraffic(): void {
    for (const c of topologyCommands(this.base.topology).filter(isTraffic)) this.record({ ...c, at: this.offset }, runCommand(this.sim, c.op, c.args), true);
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

  private async step(ms: number): Promise<void> {
    const target = this.sim.now() + ms;
    while (this.next < this.commands.length && this.base.startTime + this.commands[this.next].at <= target) {
      const c = this.commands[this.next++];
      await this.sim.core.advanceTo(this.base.startTime + c.at);
      this.record(c, runCommand(this.sim, c.op, c.args));
    }
    await this.sim.core.advanceTo(target);
  }

  private stepSync(ms: number): void {
    const target = this.sim.now() + ms;
    while (this.next < this.commands.length && this.base.startTime + this.commands[this.next].at <= target) {
      const c = this.commands[this.next++];
      this.sim.core.advanceToSync(this.base.startTime + c.at);
      this.record(c, runCommand(this.sim, c.op, c.args));
    }
    this.sim.core.advanceToSync(target);
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
      // After the commands already run, before any later ones (kept in time order).
      this.commands.splice(this.next, 0, recorded);
      this.next++;
    }
    return outcome;
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
    if (target < this.offset) {
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
    if (target < this.offset) {
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

const isTraffic = (c: ScenarioCommand) => c.op.startsWith('traffic.');

/** A deep copy of plain JSON data. */
function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Builds a scenario's topology into an existing, fresh simulation and
 * schedules its commands on the simulation's own event queue (for callers
 * that drive `sim.advance` themselves). Returns the outcomes of the topology.
 */
export function applyScenario(sim: Simulation, scenario: Scenario): CommandOutcome[] {
  const outcomes = topologyCommands(scenario.topology).map((c) => runCommand(sim, c.op, c.args));
  const start = scenario.startTime;
  for (const c of scenario.commands) {
    const args = structuredCopy(c.args);
    sim.core.scheduleAt(start + c.at, `scenario:${c.op}`, () => {
      runCommand(sim, c.op, args);
    });
  }
  return outcomes;
}
