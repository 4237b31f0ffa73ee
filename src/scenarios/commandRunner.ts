/**
 * Runs one allow-listed scenario command against a simulation. Kinesis and
 * Firehose commands go through the AWS JSON wire protocol (so args are exactly
 * the service's request, blobs in base64, and errors are AWS's); S3, Lambda
 * and traffic commands call their typed APIs. Nothing else can be reached: the
 * op must be a key of commandArgs, and the method is chosen from this file's
 * own table, never from a property path in the document.
 */
import { type Simulation, isAwsError, builtinHandler, BUILTIN_DEFAULTS, BUILTIN_DESCRIPTIONS, type BuiltinName } from '../engine';
import { commandArgs } from './scenarioSchema';
import { STREAM_FUNCTIONS } from './streamFunctions';
import { checkBounds, checkNode, Problems } from './validate';
import type { Json, LambdaSpec } from './types';
import { videoRunners } from './videoShapes';

/** What running a command gave: ok, or the engine's error as data. */
export type CommandOutcome = { ok: true; output?: unknown } | { ok: false; error: { type: string; message: string } };

type Runner = (sim: Simulation, args: Record<string, Json>) => unknown;

const wire =
  (prefix: string, operation: string): Runner =>
  (sim, args) => {
    const res = sim.handleAwsJson(`${prefix}.${operation}`, JSON.stringify(args));
    // Operations that return nothing answer with an empty body, as AWS does.
    const body = (res.body === '' ? {} : JSON.parse(res.body)) as Record<string, unknown>;
    // The protocol's own errors are namespaced (com.amazon.coral.service#SerializationException); SDKs keep the name after '#'.
    if (res.status !== 200) throw new CommandError(String(body.__type ?? 'Error').replace(/^.*#/, ''), String(body.message ?? body.Message ?? ''));
    return body;
  };
const kinesis = (op: string) => wire('Kinesis_20131202', op);
const firehose = (op: string) => wire('Firehose_20150804', op);
const analytics = (op: string) => wire('KinesisAnalytics_20180523', op);
const glue = (op: string) => wire('AWSGlue', op);

/** A service of the simulation that may not be assembled in every build. */
function service(sim: Simulation, name: 's3' | 'lambda' | 'traffic'): Record<string, (...a: unknown[]) => unknown> {
  const svc = (sim as unknown as Record<string, unknown>)[name];
  if (svc === undefined || svc === null) throw new CommandError('UnsupportedOperation', `The ${name} service is not available in this build of the engine.`);
  return svc as Record<string, (...a: unknown[]) => unknown>;
}

function call(sim: Simulation, svc: 's3' | 'lambda' | 'traffic', method: string, ...args: unknown[]): unknown {
  const s = service(sim, svc);
  const fn = s[method];
  if (typeof fn !== 'function') throw new CommandError('UnsupportedOperation', `${svc}.${method} is not available in this build of the engine.`);
  return fn.apply(s, args);
}

/** Splits `{ id, ...patch }` for update methods that take (id, patch). */
function idAndPatch(args: Record<string, Json>): [string, Record<string, Json>] {
  const { id, ...patch } = args;
  return [String(id), patch];
}

/** Creates a Lambda function from the built-in catalogue. */
export function createLambda(sim: Simulation, spec: LambdaSpec): unknown {
  if (Object.prototype.hasOwnProperty.call(STREAM_FUNCTIONS, spec.builtin)) {
    const f = STREAM_FUNCTIONS[spec.builtin];
    const options = spec.options !== null && typeof spec.options === 'object' && !Array.isArray(spec.options) ? spec.options : {};
    return call(sim, 'lambda', 'createFunction', {
      FunctionName: spec.FunctionName,
      handler: f.make(options),
      durationMs: spec.durationMs,
      errorRate: spec.errorRate,
      Timeout: spec.Timeout ?? 60,
      MemorySize: spec.MemorySize,
      ReservedConcurrentExecutions: spec.ReservedConcurrentExecutions,
      Description: spec.Description ?? f.description,
    });
  }
  if (!Object.prototype.hasOwnProperty.call(BUILTIN_DEFAULTS, spec.builtin)) {
    throw new CommandError('InvalidParameterValueException', `Unknown built-in function "${spec.builtin}"; built-ins are: ${[...Object.keys(BUILTIN_DEFAULTS), ...Object.keys(STREAM_FUNCTIONS)].join(', ')}.`);
  }
  const name = spec.builtin as BuiltinName;
  const options = (spec.options ?? BUILTIN_DEFAULTS[name]) as never;
  const handler = builtinHandler(name, options, sim.core.random.fork('lambda-builtin:' + spec.FunctionName));
  return call(sim, 'lambda', 'createFunction', {
    FunctionName: spec.FunctionName,
    handler,
    durationMs: spec.durationMs,
    errorRate: spec.errorRate,
    Timeout: spec.Timeout ?? 60,
    MemorySize: spec.MemorySize,
    ReservedConcurrentExecutions: spec.ReservedConcurrentExecutions,
    Description: spec.Description ?? BUILTIN_DESCRIPTIONS[name],
  });
}

const RUNNERS = new Map<string, Runner>([
  ['kinesis.createStream', kinesis('CreateStream')],
  ['kinesis.deleteStream', kinesis('DeleteStream')],
  ['kinesis.splitShard', kinesis('SplitShard')],
  ['kinesis.mergeShards', kinesis('MergeShards')],
  ['kinesis.updateShardCount', kinesis('UpdateShardCount')],
  ['kinesis.increaseStreamRetentionPeriod', kinesis('IncreaseStreamRetentionPeriod')],
  ['kinesis.decreaseStreamRetentionPeriod', kinesis('DecreaseStreamRetentionPeriod')],
  ['kinesis.updateStreamMode', kinesis('UpdateStreamMode')],
  ['kinesis.updateStreamWarmThroughput', kinesis('UpdateStreamWarmThroughput')],
  ['kinesis.registerStreamConsumer', kinesis('RegisterStreamConsumer')],
  ['kinesis.deregisterStreamConsumer', kinesis('DeregisterStreamConsumer')],
  ['kinesis.enableEnhancedMonitoring', kinesis('EnableEnhancedMonitoring')],
  ['kinesis.disableEnhancedMonitoring', kinesis('DisableEnhancedMonitoring')],
  ['kinesis.startStreamEncryption', kinesis('StartStreamEncryption')],
  ['kinesis.stopStreamEncryption', kinesis('StopStreamEncryption')],
  ['kinesis.addTagsToStream', kinesis('AddTagsToStream')],
  ['kinesis.removeTagsFromStream', kinesis('RemoveTagsFromStream')],
  ['kinesis.updateMaxRecordSize', kinesis('UpdateMaxRecordSize')],
  ['kinesis.putRecord', kinesis('PutRecord')],
  ['kinesis.putRecords', kinesis('PutRecords')],
  ['firehose.createDeliveryStream', firehose('CreateDeliveryStream')],
  ['firehose.deleteDeliveryStream', firehose('DeleteDeliveryStream')],
  ['firehose.updateDestination', firehose('UpdateDestination')],
  ['firehose.putRecord', firehose('PutRecord')],
  ['analytics.createApplication', analytics('CreateApplication')],
  ['analytics.startApplication', analytics('StartApplication')],
  ['analytics.stopApplication', analytics('StopApplication')],
  ['analytics.updateApplication', analytics('UpdateApplication')],
  ['analytics.deleteApplication', analytics('DeleteApplication')],
  ['analytics.addApplicationInput', analytics('AddApplicationInput')],
  ['analytics.addApplicationOutput', analytics('AddApplicationOutput')],
  ['analytics.deleteApplicationOutput', analytics('DeleteApplicationOutput')],
  ['analytics.createApplicationSnapshot', analytics('CreateApplicationSnapshot')],
  ['analytics.injectFault', (sim, a) => sim.analytics.injectFault(String(a.ApplicationName))],
  ['analytics.setRecordsPerKpuSecond', (sim, a) => sim.analytics.setRecordsPerKpuSecond(String(a.ApplicationName), Number(a.RecordsPerKpuSecond))],
  ['glue.createDatabase', glue('CreateDatabase')],
  ['glue.createTable', glue('CreateTable')],
  ['s3.createBucket', (sim, a) => call(sim, 's3', 'createBucket', a)],
  ['s3.deleteBucket', (sim, a) => call(sim, 's3', 'deleteBucket', a)],
  ['lambda.createFunction', (sim, a) => createLambda(sim, a as unknown as LambdaSpec)],
  ['lambda.updateFunctionConfiguration', (sim, a) => call(sim, 'lambda', 'updateFunctionConfiguration', a)],
  ['lambda.deleteFunction', (sim, a) => call(sim, 'lambda', 'deleteFunction', a)],
  ['traffic.addProducer', (sim, a) => call(sim, 'traffic', 'addProducer', a)],
  ['traffic.updateProducer', (sim, a) => call(sim, 'traffic', 'updateProducer', ...idAndPatch(a))],
  ['traffic.removeProducer', (sim, a) => call(sim, 'traffic', 'removeProducer', String(a.id))],
  ['traffic.addConsumer', (sim, a) => call(sim, 'traffic', 'addConsumer', a)],
  ['traffic.updateConsumer', (sim, a) => call(sim, 'traffic', 'updateConsumer', ...idAndPatch(a))],
  ['traffic.removeConsumer', (sim, a) => call(sim, 'traffic', 'removeConsumer', String(a.id))],
  ...videoRunners,
]);

/** An error as data with an AWS-like type. */
export class CommandError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks a command's op and args against the allow-list; a message or undefined. */
export function checkCommand(op: unknown, args: unknown): string | undefined {
  if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(commandArgs, op) || !RUNNERS.has(op)) {
    return `op: unknown command ${JSON.stringify(String(op).slice(0, 64))}`;
  }
  const problems = new Problems();
  checkBounds(args, problems);
  if (problems.messages.length === 0) checkNode(args, commandArgs[op], 'args', problems);
  return problems.messages[0];
}

/** Runs a command now; never throws (engine errors come back as data). */
export function runCommand(sim: Simulation, op: string, args: Json): CommandOutcome {
  const problem = checkCommand(op, args);
  if (problem !== undefined) return { ok: false, error: { type: 'ValidationException', message: problem } };
  try {
    const output = RUNNERS.get(op)!(sim, args as Record<string, Json>);
    return { ok: true, output };
  } catch (e) {
    if (e instanceof CommandError) return { ok: false, error: { type: e.type, message: e.message } };
    if (isAwsError(e)) return { ok: false, error: { type: e.type, message: e.message } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { type: err.name || 'Error', message: err.message } };
  }
}
