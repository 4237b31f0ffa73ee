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
import { createSimulation, type Simulation, type SimulationOptions } from '../engine/simulation';
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
    const cmds = topologyCommands(this.base.topology);
    for (const c of cmds.filter((x) => !runsWhenReady(x))) this.record(c, runCommand(this.sim, c.op, c.args), true);
    // As `aws kinesis wait stream-exists` would: producers and consumers start
    // once the streams and delivery streams are ACTIVE (scheduled commands
    // still run at their times meanwhile).
    // Commands due at the very moment the topology turns ready run after its monitoring and traffic start, as
    // they did when recorded (a SplitShard there must not leave EnableEnhancedMonitoring facing an UPDATING stream).
    for (let waited = 0; waited < READY_WAIT_MAX_MS && !topologyReady(this.sim, this.base); waited += READY_POLL_MS) this.advance(READY_POLL_MS, false);
    for (const c of cmds.filter(runsWhenReady)) this.record({ ...c, at: this.offset }, runCommand(this.sim, c.op, c.args), true);
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

  /** Moves time forward by `ms`, running scheduled commands at their times (those due at the end too, unless `throughEnd` is false). */
  advance(ms: number, throughEnd = true): void {
    const target = this.sim.now() + ms;
    const due = (at: number) => (throughEnd ? this.base.startTime + at <= target : this.base.startTime + at < target);
    while (this.next < this.commands.length && due(this.commands[this.next].at)) {
      const c = this.commands[this.next++];
      this.sim.core.advanceTo(this.base.startTime + c.at);
      this.record(c, runCommand(this.sim, c.op, c.args));
    }
    this.sim.core.advanceTo(target);
  }

  /** Like advance, settling async work (Lambda handlers returning promises) deterministically. */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.sim.now() + ms;
    while (this.next < this.commands.length && this.base.startTime + this.commands[this.next].at <= target) {
      const c = this.commands[this.next++];
      await this.sim.advanceAsync(this.base.startTime + c.at - this.sim.now());
      this.record(c, runCommand(this.sim, c.op, c.args));
    }
    await this.sim.advanceAsync(target - this.sim.now());
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

  /**
   * Records a change that already ran on this simulation (a request the local
   * endpoint served through the wire) at the current time, so the run stays a
   * scenario. False, and nothing recorded, when the scenario format cannot hold it.
   */
  recordServed(op: string, args: Json): boolean {
    if (checkCommand(op, args) !== undefined) return false;
    const recorded: ScenarioCommand = { at: this.offset, op, args };
    this.record(recorded, { ok: true });
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
  seekTo(offsetMs: number): { replayed: boolean } {
    const target = Math.max(0, offsetMs);
    if (target >= this.offset) {
      this.advance(target - this.offset);
      return { replayed: false };
    }
    this.rebuild();
    // The start waits for the topology to be ACTIVE: a target inside that wait shows the first ready moment.
    this.advance(Math.max(0, target - this.offset));
    return { replayed: true };
  }

  /** Async seek, for scenarios whose Lambda handlers return promises. */
  async seekToAsync(offsetMs: number): Promise<{ replayed: boolean }> {
    const target = Math.max(0, offsetMs);
    let replayed = false;
    if (target < this.offset) {
      this.rebuild();
      replayed = true;
    }
    await this.advanceAsync(Math.max(0, target - this.offset));
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
  for (const c of scenario.commands) {
    const args = structuredCopy(c.args);
    sim.core.scheduleAt(start + c.at, `scenario:${c.op}`, () => {
      runCommand(sim, c.op, args);
    });
  }
  return outcomes;
}
