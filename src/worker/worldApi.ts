/**
 * The simulation's API as the UI sees it (SimClient), over one World: the Web
 * Worker exposes it through comlink, the local endpoint (src/server) over a
 * WebSocket. The host supplies the queue that runs one operation at a time,
 * `changed` (send a full snapshot after an operation) and `transferBody` (the
 * worker hands S3 bytes over without copying).
 */
import type { World, ScenarioName } from './world';
import type { Command, CommandResult, OpenResult, S3Listing, S3ObjectBody } from './protocol';
import type { EncodedLink } from '../scenarios/shareLink';
import type { Scenario } from '../scenarios/types';
import { inspect, type InspectAnswers, type InspectQuery } from './inspectApi';
import type { MissionView } from './examHost';
import type { LiveQuestion, LiveQuestionResult, LiveQuestionType } from '../exam/liveQuestions';
import { cliRead } from './cliRead';
import { videoClip, type VideoClip } from './videoClip';
import { attempt } from './attempt';

/** What the host of a World gives its API. */
export interface WorldApiHost {
  /** Runs `fn` after every operation queued before it. */
  serial<T>(fn: () => T | Promise<T>): Promise<T>;
  /** An operation changed the world: the next snapshot is a full one, sent now. */
  changed(): void;
  /** Wraps an S3 object answer for sending (the worker transfers the bytes). */
  transferBody(r: { ok: true; value: S3ObjectBody }): CommandResult<S3ObjectBody>;
}

/** The API over `world`, every change run in turn through `host.serial`. */
export function worldApi(world: World, host: WorldApiHost) {
  const { serial } = host;
  /** Runs a world operation in turn, then sends a full snapshot. */
  const op = <T>(fn: () => T | Promise<T>): Promise<T> =>
    serial(async () => {
      const r = await fn();
      host.changed();
      return r;
    });
  return {
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
    /** The CLI console's reads (Describe/List/Get/Head), answered in the wire's JSON; nothing changes. */
    cliRead(service: string, operation: string, input: Record<string, unknown>): Promise<CommandResult> {
      return serial(() => cliRead(world.sim, service, operation, input));
    },
    /** GetClip over the last `seconds` of a video stream, with the frames to encode (GetClip's bytes count as data out). */
    videoClip(stream: string, seconds: number): Promise<CommandResult<VideoClip>> {
      return serial(() => attempt(() => videoClip(world.sim, stream, seconds)));
    },
    listObjects(bucket: string, prefix: string): Promise<CommandResult<S3Listing>> {
      return serial(() => world.listObjects(bucket, prefix));
    },
    getObject(bucket: string, key: string): Promise<CommandResult<S3ObjectBody>> {
      return serial(() => {
        const r = world.getObject(bucket, key);
        if (!r.ok) return r;
        // Copy: the body may be a view on the engine's own bytes, which must not be detached.
        return host.transferBody({ ok: true as const, value: { ...r.value, body: r.value.body.slice() } });
      });
    },
  };
}

/** The API's methods, by name (what a remote client may call). */
export type WorldApi = ReturnType<typeof worldApi>;
