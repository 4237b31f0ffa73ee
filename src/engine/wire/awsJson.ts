/**
 * The AWS JSON 1.1 wire protocol: `X-Amz-Target` names the operation
 * (`Kinesis_20131202.PutRecord`), the body is JSON with blobs in base64 and
 * timestamps in epoch seconds. Answers are `{ status, body }` as the service
 * gives them, errors as `{"__type": "...", "message": "..."}` (the protocol's
 * SerializationException as `{"__type": "com.amazon.coral.service#SerializationException",
 * "Message": "..."}`, as AWS's JSON 1.1 services send it), never a crash.
 * Before an operation runs, the request's JSON types are checked against the
 * operation's declared shape (the type pass, checkWireTypes.ts); an operation
 * whose response has no members answers with an empty body, as AWS does.
 */
import { AwsError } from '../core/errors';
import { checkWireTypes, serializationError } from '../core/checkWireTypes';
import type { OperationShape } from '../core/shape';
import { fromBase64, toBase64 } from '../core/base64';
import { isEngineEventStream, type EngineEventStream } from '../core/eventStream';

/** One service on the wire: its target prefix and operations by AWS name. */
export interface WireService {
  targetPrefix: string;
  operations: Record<string, (input: unknown) => unknown>;
  /** Field names holding blobs (base64 on the wire). */
  blobFields: ReadonlySet<string>;
  /** Field names holding timestamps (epoch seconds on the wire, epoch ms in the engine). */
  isTimestampField: (name: string) => boolean;
  /** Each operation's declared request shape: the type pass runs from it, and `emptyOutput` operations answer with an empty body. */
  shapes?: Readonly<Record<string, OperationShape>>;
}

export interface WireResponse {
  status: number;
  body: string;
  /** Set for event-stream operations (SubscribeToShard): `body` is the initial response, the events follow as messages. */
  eventStream?: WireEventStream;
}

/** One event-stream message: an event of the operation's union, or an exception that ends the stream. */
export type WireEventMessage =
  | { messageType: 'event'; eventType: string; body: string }
  | { messageType: 'exception'; exceptionType: string; body: string };

/** An event stream on the wire: JSON messages as simulated time advances, then the end. */
export interface WireEventStream {
  /** Calls `onMessage` per message (an exception is the last), then `onEnd`. Returns a remover. */
  listen(onMessage: (m: WireEventMessage) => void, onEnd: () => void): () => void;
  /** Closes the stream from the client's side. */
  cancel(): void;
}

const MAX_DEPTH = 64;

/** Handles one request for the registered services. */
export function handleAwsJson(services: readonly WireService[], target: string, body: string): WireResponse {
  const dot = typeof target === 'string' ? target.lastIndexOf('.') : -1;
  const service = dot > 0 ? services.find((s) => s.targetPrefix === target.slice(0, dot)) : undefined;
  const op = service?.operations[target.slice(dot + 1)];
  if (service === undefined || op === undefined || !Object.prototype.hasOwnProperty.call(service.operations, target.slice(dot + 1))) {
    return errorResponse(new AwsError('UnknownOperationException', `Operation ${String(target)} is not supported.`));
  }
  if (body === '' || body === undefined) return emptyBodyResponse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return errorResponse(serializationError('Start of structure or map found where not expected.'));
  }
  // `null`, a bare number or string: AWS's front end answers these as it answers an empty body (kinesalite's recording).
  if (parsed === null || typeof parsed !== 'object') return emptyBodyResponse();
  if (Array.isArray(parsed)) {
    return errorResponse(serializationError('Start of structure or map found where not expected.'));
  }
  const shape = service.shapes?.[target.slice(dot + 1)];
  try {
    if (shape !== undefined) checkWireTypes(shape.input, parsed);
    const input = fromWire(service, parsed, 0);
    const output = op(input);
    if (shape?.emptyOutput === true) return { status: 200, body: '' };
    if (output !== null && typeof output === 'object') {
      // An event-stream member (SubscribeToShard's EventStream) leaves the JSON
      // body, which becomes the initial response, and travels as messages.
      const member = Object.keys(output).find((k) => isEngineEventStream((output as Record<string, unknown>)[k]));
      if (member !== undefined) {
        const { [member]: stream, ...rest } = output as Record<string, unknown>;
        return { status: 200, body: JSON.stringify(toWire(service, rest)), eventStream: wireEventStream(service, stream as EngineEventStream<unknown>) };
      }
    }
    return { status: 200, body: JSON.stringify(toWire(service, output ?? {})) };
  } catch (e) {
    if (e instanceof AwsError) return errorResponse(e);
    return errorResponse(new AwsError('InternalFailure', 'Internal service failure.', 500));
  }
}

/** Wraps an engine event stream: events as JSON in the wire's conventions (base64 blobs, epoch seconds). */
function wireEventStream(service: WireService, src: EngineEventStream<unknown>): WireEventStream {
  return {
    listen(onMessage, onEnd) {
      const offEvent = src.onEvent((e) => onMessage({ messageType: 'event', eventType: src.eventType, body: JSON.stringify(toWire(service, e)) }));
      const offEnd = src.onEnd((end) => {
        if (end.error !== undefined) onMessage({ messageType: 'exception', exceptionType: end.error.type, body: JSON.stringify({ message: end.error.message }) });
        onEnd();
      });
      return () => {
        offEvent();
        offEnd();
      };
    },
    cancel: () => src.cancel(),
  };
}

/**
 * AWS's answer to a JSON 1.1 request with no JSON object to read (an empty
 * body, `null`, a bare scalar): 400 and a bare, un-namespaced
 * `{"__type":"SerializationException"}` with no message, as kinesalite
 * recorded it against real Kinesis. The HTTP gate answers an empty body with
 * this same response, so the two never disagree.
 */
export function emptyBodyResponse(): WireResponse {
  return { status: 400, body: EMPTY_BODY_ANSWER };
}

const EMPTY_BODY_ANSWER = JSON.stringify({ __type: 'SerializationException' });

/** AWS's error body: `__type` and `message`; the protocol's SerializationException is namespaced and says `Message` (kinesalite's tests against AWS). */
function errorResponse(e: AwsError): WireResponse {
  if ((e as AwsError & { messageKey?: string }).messageKey === 'Message') {
    return { status: e.status, body: JSON.stringify({ __type: `com.amazon.coral.service#${e.type}`, Message: e.message }) };
  }
  return { status: e.status, body: JSON.stringify({ __type: e.type, message: e.message }) };
}

/** Converts a parsed request: base64 blobs to bytes, epoch seconds to ms. */
function fromWire(service: WireService, value: unknown, depth: number, key?: string): unknown {
  if (depth > MAX_DEPTH) throw serializationError('Request nesting is too deep.');
  if (key !== undefined && service.blobFields.has(key) && typeof value === 'string') {
    const bytes = fromBase64(value);
    if (bytes === undefined) throw serializationError(`Base64 encoded value for ${key} is invalid.`);
    return bytes;
  }
  if (key !== undefined && service.isTimestampField(key)) {
    if (typeof value === 'number') return Math.round(value * 1000);
    if (typeof value === 'string' && value !== '' && Number.isFinite(Number(value))) return Math.round(Number(value) * 1000);
    if (value !== null && value !== undefined) throw serializationError(`Timestamp value for ${key} is invalid.`);
  }
  if (Array.isArray(value)) return value.map((v) => fromWire(service, v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__') continue;
      out[k] = fromWire(service, v, depth + 1, k);
    }
    return out;
  }
  return value;
}

/** Converts a response: bytes to base64, ms to epoch seconds; drops undefined. */
function toWire(service: WireService, value: unknown, key?: string): unknown {
  if (value instanceof Uint8Array) return toBase64(value);
  if (key !== undefined && typeof value === 'number' && service.isTimestampField(key)) return value / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(service, v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toWire(service, v, k);
    }
    return out;
  }
  return value;
}
