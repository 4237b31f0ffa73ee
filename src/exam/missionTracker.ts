/**
 * Follows one mission on the live simulation: at every whole simulated
 * second (the metrics' resolution) it evaluates each goal condition from
 * engine state and metrics, and records the first second at which all held
 * together within the budget. Its state is plain data; the worker owns one
 * tracker and calls `check` from the play loop's per-second hook.
 */
import type { Simulation } from '../engine';
import { describeCondition, evaluateCondition, type ConditionResult } from './conditions';
import type { Mission } from './missionTypes';

/** Seconds of producer counts kept for rate conditions. */
const HISTORY_SECONDS = 3600;

export type MissionState = 'running' | 'passed' | 'failed' | 'gave-up';

/** One goal line as the mission view shows it. */
export interface GoalLine {
  text: string;
  met: boolean;
  detail: string;
}

/** What the mission view shows, as plain data. */
export interface MissionStatus {
  missionId: string;
  state: MissionState;
  /** Simulated ms since the scenario's start, at the last check. */
  offsetMs: number;
  budgetMs: number;
  goals: GoalLine[];
  /** Offset (ms after the start) of the first second at which every condition held. */
  passedAtMs?: number;
  /** Hints unlocked so far. */
  hintsShown: number;
}

export class MissionTracker {
  readonly status: MissionStatus;
  /** Producer name -> accepted counts at each checked second, newest last. */
  private sent = new Map<string, number[]>();
  private lastCheck = -Infinity;

  constructor(
    readonly mission: Mission,
    /** Simulated epoch ms of the scenario's start. */
    private readonly scenarioStart: number,
  ) {
    this.status = {
      missionId: mission.id,
      state: 'running',
      offsetMs: 0,
      budgetMs: mission.budgetMs,
      goals: mission.goal.map((c) => ({ text: describeCondition(c), met: false, detail: 'not checked yet' })),
      hintsShown: 0,
    };
  }

  /** Evaluates the goal at simulated time `now` (a whole second); returns the status. */
  check(sim: Simulation, now: number): MissionStatus {
    if (now <= this.lastCheck) {
      // A backward seek replayed the run: the goal is judged again from here (a pass stays a pass).
      this.sent.clear();
    }
    this.lastCheck = now;
    this.sampleProducers(sim);
    const offset = now - this.scenarioStart;
    const results: ConditionResult[] = this.mission.goal.map((c) =>
      evaluateCondition(sim, c, { now, startedAt: this.scenarioStart, producerSentAgo: (p, s) => this.sentAgo(p, s) }),
    );
    this.status.offsetMs = offset;
    this.status.goals = this.mission.goal.map((c, i) => ({ text: describeCondition(c), met: results[i].met, detail: results[i].detail }));
    if (this.status.state === 'running') {
      if (results.every((r) => r.met) && offset <= this.mission.budgetMs && offset >= (this.mission.earliestPassMs ?? 0)) {
        this.status.state = 'passed';
        this.status.passedAtMs = offset;
      } else if (offset > this.mission.budgetMs) this.status.state = 'failed';
    }
    return this.status;
  }

  /** Unlocks the next hint; returns how many are shown. */
  nextHint(): number {
    this.status.hintsShown = Math.min(this.mission.hints.length, this.status.hintsShown + 1);
    return this.status.hintsShown;
  }

  /** The learner gives up: the explanation and a solution are shown. */
  giveUp(): void {
    if (this.status.state === 'running' || this.status.state === 'failed') this.status.state = 'gave-up';
  }

  private sampleProducers(sim: Simulation): void {
    for (const p of sim.traffic.listProducers()) {
      const list = this.sent.get(p.name) ?? [];
      list.push(p.counts.sent);
      if (list.length > HISTORY_SECONDS + 1) list.shift();
      this.sent.set(p.name, list);
    }
  }

  private sentAgo(producer: string, secondsAgo: number): number | undefined {
    const list = this.sent.get(producer);
    if (list === undefined || list.length <= secondsAgo) return undefined;
    return list[list.length - 1 - secondsAgo];
  }
}
