/**
 * The worker's exam host: the mission being played (its tracker, checked at
 * every whole simulated second from the play loop's hook) and the live
 * questions asked of the current world. Plain method calls, so vitest runs it
 * without a worker; simWorker.ts exposes them through comlink.
 */
import type { Simulation } from '../engine';
import { findMission } from '../exam/missions';
import { MissionTracker, type MissionStatus } from '../exam/missionTracker';
import { generateLiveQuestion, judgePutRecords, type LiveQuestion, type LiveQuestionResult, type LiveQuestionType } from '../exam/liveQuestions';
import { withCommands } from '../exam/missionRun';
import type { ScenarioSession } from '../scenarios/scenarioSession';
import type { Scenario } from '../scenarios/types';

/** What the UI shows of a mission besides its live status (the static parts travel once). */
export interface MissionView {
  status: MissionStatus;
  hints: string[];
  explanation?: string;
}

export class ExamHost {
  private tracker: MissionTracker | null = null;

  /** The scenario a mission starts from (with its reference solution when `withSolution`), or undefined for an unknown id. */
  missionScenario(id: string, withSolution = false): Scenario | undefined {
    const m = findMission(id);
    if (m === undefined) return undefined;
    return withSolution ? withCommands(m.scenario, m.solution) : m.scenario;
  }

  /** Starts following mission `id` on a session just loaded with its scenario. */
  start(id: string, session: ScenarioSession): boolean {
    const m = findMission(id);
    if (m === undefined) return false;
    this.tracker = new MissionTracker(m, session.startTime);
    this.tracker.check(session.sim, session.sim.now() - (session.sim.now() % 1000));
    return true;
  }

  /** Leaves exam mode's mission (the scenario stays as it is). */
  stop(): void {
    this.tracker = null;
  }

  /** The play loop's per-second hook. */
  onSecond(sim: Simulation, time: number): void {
    this.tracker?.check(sim, time);
  }

  /** The mission view, or null when no mission runs. Hints and the explanation are shown only once unlocked. */
  view(): MissionView | null {
    const t = this.tracker;
    if (t === null) return null;
    const s = structuredClone(t.status);
    const ended = s.state !== 'running';
    return { status: s, hints: t.mission.hints.slice(0, s.hintsShown), ...(ended ? { explanation: t.mission.explanation } : {}) };
  }

  nextHint(): MissionView | null {
    this.tracker?.nextHint();
    return this.view();
  }

  giveUp(): MissionView | null {
    this.tracker?.giveUp();
    return this.view();
  }

  /** A live question about the world now. */
  question(sim: Simulation, type: LiveQuestionType, seed: number): LiveQuestionResult {
    return generateLiveQuestion(sim, type, seed);
  }

  /** Sends the question's PutRecords as a recorded command and judges entry 3 from the engine's answer. */
  answerPutRecords(session: ScenarioSession, q: LiveQuestion): { answer: number; why: string } {
    if (q.request === undefined) return { answer: -1, why: 'This question sends no request.' };
    const out = session.apply({ op: 'kinesis.putRecords', args: q.request, note: 'exam question: what does PutRecords return for entry 3?' });
    return judgePutRecords(q, out.ok ? { ok: true, output: out.output } : out);
  }
}
