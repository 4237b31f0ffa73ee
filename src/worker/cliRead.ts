/**
 * The console's reads: Describe/List/Get/Head operations through the
 * engine's wire protocol (JSON 1.1 for Kinesis and Firehose), or the typed
 * S3 and Lambda APIs with their answers in the wire's conventions (epoch
 * seconds). Anything that is not a read is refused: changes go through
 * scenario commands so they are recorded.
 */
import { apiModels, isAwsError, type Simulation } from '../engine';
import type { CommandResult } from './protocol';

const READ = /^(Describe|List|Get|Head)/;
const MS_FIELDS = new Set(['LastModified', 'CreationDate']);
const VIDEO_CLIS = new Set(['kinesisvideo', 'kinesis-video-media', 'kinesis-video-archived-media']);

/** Runs one read operation of a CLI service; the answer is plain JSON data. */
export function cliRead(sim: Simulation, service: string, operation: string, input: Record<string, unknown>): CommandResult {
  const model = apiModels.find((m) => m.cli === service);
  if (model === undefined || !Object.prototype.hasOwnProperty.call(model.operations, operation) || !READ.test(operation) || operation === 'SubscribeToShard') {
    return { ok: false, error: { type: 'UnknownOperationException', message: `The console does not read ${service} ${operation}.` } };
  }
  if (model.protocol === 'json' && model.targetPrefix !== undefined) {
    const res = sim.handleAwsJson(`${model.targetPrefix}.${operation}`, JSON.stringify(input));
    const body = JSON.parse(res.body) as Record<string, unknown>;
    if (res.status !== 200) return { ok: false, error: { type: String(body.__type ?? 'Error'), message: String(body.message ?? body.Message ?? '') } };
    return { ok: true, value: body };
  }
  if (VIDEO_CLIS.has(service)) {
    // The video APIs' request URIs are the operation names in lowerCamel case (POST /describeStream, /getHLSStreamingSessionURL).
    const res = sim.handleHttp({ method: 'POST', path: `/${operation[0].toLowerCase()}${operation.slice(1)}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    // GetMedia, GetClip and friends answer with a binary payload the CLI writes to an outfile; the console prints text only.
    if (res.status === 200 && (res.chunks !== undefined || !/json/.test(res.headers['content-type'] ?? 'application/json'))) {
      return { ok: false, error: { type: 'UnsupportedOperation', message: `${operation} answers with a binary payload; the console prints text only (see the Video view).` } };
    }
    const text = typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body);
    const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
    if (res.status !== 200) return { ok: false, error: { type: String(res.headers['x-amzn-errortype'] ?? body.__type ?? 'Error').split(':')[0], message: String(body.message ?? body.Message ?? '') } };
    return { ok: true, value: body };
  }
  const api = (service === 's3api' ? sim.s3 : sim.lambda) as unknown as Record<string, (i: unknown) => unknown>;
  const method = operation[0].toLowerCase() + operation.slice(1);
  try {
    const out = api[method](input);
    return { ok: true, value: toWire(out) };
  } catch (e) {
    if (isAwsError(e)) return { ok: false, error: { type: e.type, message: e.message } };
    return { ok: false, error: { type: 'InternalFailure', message: 'Internal service failure.' } };
  }
}

/** Epoch ms to epoch seconds for S3's dates; an object body as UTF-8 text (BodyText) for `s3 cp ... -`. */
function toWire(v: unknown, key?: string): unknown {
  if (v instanceof Uint8Array) return undefined;
  if (typeof v === 'number' && key !== undefined && MS_FIELDS.has(key)) return v / 1000;
  if (Array.isArray(v)) return v.map((x) => toWire(x));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'function') continue;
      if (x instanceof Uint8Array && k === 'Body') out.BodyText = new TextDecoder().decode(x);
      else out[k] = toWire(x, k);
    }
    return out;
  }
  return v;
}
