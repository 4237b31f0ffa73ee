/**
 * Turns the API's Input and Output shapes into application state, resolving
 * each resource ARN against the simulated account (a stream, a delivery stream
 * or a function that does not exist is InvalidArgumentException, as AWS words
 * a bad resource).
 */
import { AwsError } from '../core/errors';
import type { AnalyticsContext } from './context';
import type { ApplicationState, InputState, OutputState } from './applicationModel';
import type { Input, Output } from './types';
import { MAX_INPUT_PARALLELISM } from './constants';

const STREAM_ARN = /^arn:aws[\w-]*:kinesis:[\w-]+:\d{12}:stream\/([a-zA-Z0-9_.-]+)$/;
const FIREHOSE_ARN = /^arn:aws[\w-]*:firehose:[\w-]+:\d{12}:deliverystream\/([a-zA-Z0-9_.-]+)$/;
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:([a-zA-Z0-9_-]+)(:[\w$-]+)?$/;

/** The stream name of a Kinesis stream ARN that exists, else InvalidArgumentException. */
export function resolveStreamArn(ctx: AnalyticsContext, arn: unknown): string {
  const m = typeof arn === 'string' ? STREAM_ARN.exec(arn) : null;
  const s = m === null ? undefined : ctx.kinesis.streams.get(m[1]);
  if (s === undefined || s.deleted || s.arn !== arn) throw new AwsError('InvalidArgumentException', `Kinesis stream ${String(arn)} does not exist.`);
  return s.name;
}

function resolveFirehoseArn(ctx: AnalyticsContext, arn: unknown): string {
  const m = typeof arn === 'string' ? FIREHOSE_ARN.exec(arn) : null;
  if (m === null) throw new AwsError('InvalidArgumentException', `Firehose delivery stream ${String(arn)} does not exist.`);
  try {
    ctx.firehoseApi.describeDeliveryStream({ DeliveryStreamName: m[1] });
  } catch {
    throw new AwsError('InvalidArgumentException', `Firehose delivery stream ${arn} does not exist.`);
  }
  return m[1];
}

function resolveLambdaArn(ctx: AnalyticsContext, arn: unknown): void {
  const m = typeof arn === 'string' ? LAMBDA_ARN.exec(arn) : null;
  if (m === null || !ctx.lambda.hasFunction(m[1])) throw new AwsError('InvalidArgumentException', `Lambda function ${String(arn)} does not exist.`);
}

/** An InputState from the API's Input. */
export function parseInput(ctx: AnalyticsContext, app: ApplicationState, input: Input | undefined): InputState {
  if (input === undefined || input === null || typeof input !== 'object') throw new AwsError('InvalidArgumentException', 'Input is required.');
  if (typeof input.NamePrefix !== 'string' || !/^[^-\s<>&]{1,32}$/.test(input.NamePrefix)) throw new AwsError('InvalidArgumentException', 'NamePrefix must be 1 to 32 characters without spaces, "-", "<", ">" or "&".');
  const schema = input.InputSchema;
  if (schema === undefined || !Array.isArray(schema.RecordColumns) || schema.RecordColumns.length === 0 || schema.RecordFormat === undefined) {
    throw new AwsError('InvalidArgumentException', 'InputSchema with RecordFormat and at least one RecordColumn is required.');
  }
  if (schema.RecordFormat.RecordFormatType !== 'JSON' && schema.RecordFormat.RecordFormatType !== 'CSV') throw new AwsError('InvalidArgumentException', 'RecordFormatType must be JSON or CSV.');
  const count = input.InputParallelism?.Count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_INPUT_PARALLELISM) throw new AwsError('InvalidArgumentException', `InputParallelism Count must be between 1 and ${MAX_INPUT_PARALLELISM}.`);
  const base = { inputId: `1.${app.nextInputId++}`, namePrefix: input.NamePrefix, parallelism: count, schema };
  if (input.KinesisStreamsInput !== undefined && input.KinesisFirehoseInput === undefined) {
    return { ...base, kind: 'kinesis', resourceArn: input.KinesisStreamsInput.ResourceARN, sourceName: resolveStreamArn(ctx, input.KinesisStreamsInput.ResourceARN) };
  }
  if (input.KinesisFirehoseInput !== undefined && input.KinesisStreamsInput === undefined) {
    return { ...base, kind: 'firehose', resourceArn: input.KinesisFirehoseInput.ResourceARN, sourceName: resolveFirehoseArn(ctx, input.KinesisFirehoseInput.ResourceARN) };
  }
  throw new AwsError('InvalidArgumentException', 'Exactly one of KinesisStreamsInput or KinesisFirehoseInput is required.');
}

/** An OutputState from the API's Output. */
export function parseOutput(ctx: AnalyticsContext, app: ApplicationState, output: Output | undefined): OutputState {
  if (output === undefined || output === null || typeof output !== 'object') throw new AwsError('InvalidArgumentException', 'Output is required.');
  if (typeof output.Name !== 'string' || output.Name.length < 1 || output.Name.length > 32) throw new AwsError('InvalidArgumentException', 'Output Name must be 1 to 32 characters.');
  const format = output.DestinationSchema?.RecordFormatType;
  if (format !== 'JSON' && format !== 'CSV') throw new AwsError('InvalidArgumentException', 'DestinationSchema RecordFormatType must be JSON or CSV.');
  const given = [output.KinesisStreamsOutput, output.KinesisFirehoseOutput, output.LambdaOutput].filter((x) => x !== undefined);
  if (given.length !== 1) throw new AwsError('InvalidArgumentException', 'Exactly one of KinesisStreamsOutput, KinesisFirehoseOutput or LambdaOutput is required.');
  const base = { outputId: `1.${app.nextOutputId++}`, name: output.Name, format };
  if (output.KinesisStreamsOutput !== undefined) {
    resolveStreamArn(ctx, output.KinesisStreamsOutput.ResourceARN);
    return { ...base, kind: 'kinesis', resourceArn: output.KinesisStreamsOutput.ResourceARN };
  }
  if (output.KinesisFirehoseOutput !== undefined) {
    resolveFirehoseArn(ctx, output.KinesisFirehoseOutput.ResourceARN);
    return { ...base, kind: 'firehose', resourceArn: output.KinesisFirehoseOutput.ResourceARN };
  }
  resolveLambdaArn(ctx, output.LambdaOutput!.ResourceARN);
  return { ...base, kind: 'lambda', resourceArn: output.LambdaOutput!.ResourceARN };
}

/** The resource name at the end of an ARN (stream/x, deliverystream/x, function:x). */
export function arnName(arn: string): string {
  const m = /(?:stream\/|deliverystream\/|function:)([^:/]+)/.exec(arn);
  return m === null ? arn : m[1];
}
