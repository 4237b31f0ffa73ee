/**
 * What the UI may ask of the simulation: the worker's API, seen through
 * comlink as promises. Tests give the store a fake with the same shape.
 */
import type { Command, CommandResult, OpenResult, S3Listing, S3ObjectBody } from '../../worker/protocol';
import type { EncodedLink } from '../../scenarios/shareLink';
import type { Scenario } from '../../scenarios/types';
import type { InspectAnswers, InspectQuery } from '../../worker/inspectApi';
import type { VideoClip } from '../../worker/videoClip';
import type { MissionView } from '../../worker/examHost';
import type { LiveQuestion, LiveQuestionResult, LiveQuestionType } from '../../exam/liveQuestions';

export interface SimClient {
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  setSpeed(speed: number): Promise<CommandResult<number>>;
  jump(ms: number): Promise<void>;
  reset(seed?: string, scenario?: string): Promise<void>;
  command(cmd: Command): Promise<CommandResult>;
  listObjects(bucket: string, prefix: string): Promise<CommandResult<S3Listing>>;
  /** The CLI console's reads (Describe/List/Get/Head) in the wire's JSON; optional so test fakes need not serve them. */
  cliRead?(service: string, operation: string, input: Record<string, unknown>): Promise<CommandResult>;
  getObject(bucket: string, key: string): Promise<CommandResult<S3ObjectBody>>;
  /** The Video view's clip: GetClip over the last seconds of a stream and its frames; optional so fakes and the endpoint client need not serve it. */
  videoClip?(stream: string, seconds: number): Promise<CommandResult<VideoClip>>;
  /** On-demand reads: record trace, S3 prefix tree, settings, hot shards, cost. */
  query<Q extends InspectQuery>(q: Q): Promise<CommandResult<InspectAnswers[Q['type']]>>;
  /** Opens a URL fragment (a share link); a bad one opens the default scenario with a message. */
  open(fragment: string): Promise<OpenResult>;
  openPreset(id: string): Promise<OpenResult>;
  /** Opens a scenario document (saved or imported); validated in the worker. */
  openScenario(doc: unknown): Promise<OpenResult>;
  /** Shows the world at `offsetMs` after the scenario's start. */
  seek(offsetMs: number): Promise<void>;
  /** Drops the commands after now; resolves to how many. */
  fork(): Promise<number>;
  /** The current run as a scenario document. */
  scenario(): Promise<Scenario>;
  /** The share-link fragment for the run at this moment. */
  shareFragment(): Promise<EncodedLink>;
  /** Exam mode: a mission opened at its start, checked every simulated second in the worker. */
  openMission(id: string, withSolution?: boolean): Promise<OpenResult>;
  stopMission(): Promise<void>;
  missionView(): Promise<MissionView | null>;
  missionHint(): Promise<MissionView | null>;
  missionGiveUp(): Promise<MissionView | null>;
  /** A question generated from the live simulation. */
  liveQuestion(type: LiveQuestionType, seed: number): Promise<LiveQuestionResult>;
  /** Sends the question's PutRecords (recorded) and judges entry 3 from the engine's answer. */
  answerPutRecords(q: LiveQuestion): Promise<{ answer: number; why: string }>;
}
