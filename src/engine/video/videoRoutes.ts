/**
 * The REST-JSON routes of Kinesis Video Streams for `sim.handleHttp`: POST to
 * the operation's path with a JSON body, timestamps as epoch seconds on the
 * wire, binary payloads (GetMedia, GetClip, ...) as the body with the
 * ContentType header; errors as `x-amzn-errortype` plus a JSON message.
 * A data-plane call must reach the endpoint GetDataEndpoint gave for its API
 * name (the request's Host), else InvalidEndpointException.
 */
import { AwsError } from '../core/errors';
import { decodeUtf8 } from '../core/utf8';
import type { HttpRequest, HttpResponse, RestRoute } from '../wire/http';
import type { VideoContext } from './context';
import { resolveStream } from './context';
import { videoOperations, type VideoOperation } from './operations';

const STATUS: Record<string, number> = { ResourceNotFoundException: 404, NotAuthorizedException: 401, AccessDeniedException: 401 };

function isTimestampKey(k: string): boolean {
  return k.endsWith('Timestamp') || k === 'CreationTime' || k === 'TimeStamp';
}

/** Converts timestamp fields between the wire's epoch seconds and the engine's ms, recursively. */
function mapTimestamps(v: unknown, f: (x: number) => number, key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => mapTimestamps(x, f));
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, mapTimestamps(x, f, k)]));
  }
  if (key !== undefined && typeof v === 'number' && isTimestampKey(key)) return f(v);
  return v;
}

function header(req: HttpRequest, name: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function errorResponse(e: AwsError): HttpResponse {
  return {
    status: STATUS[e.type] ?? e.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': e.type },
    body: JSON.stringify({ message: e.message }),
  };
}

function serve(ctx: VideoContext, op: VideoOperation, req: HttpRequest): HttpResponse {
  try {
    const text = typeof req.body === 'string' ? req.body : decodeUtf8(req.body);
    let input: Record<string, unknown>;
    try {
      input = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      throw new AwsError('SerializationException', 'The request body is not valid JSON.');
    }
    input = mapTimestamps(input, (s) => Math.round(s * 1000)) as Record<string, unknown>;
    const host = header(req, 'host');
    if (op.api !== undefined && host !== undefined) {
      const s = resolveStream(ctx, input as { StreamName?: string; StreamARN?: string });
      const expected = s.endpoints[op.api]!.replace(/^https:\/\//, '');
      if (host.replace(/:\d+$/, '') !== expected) {
        throw new AwsError('InvalidEndpointException', `Caller used wrong endpoint to call ${op.api}. Call GetDataEndpoint with APIName ${op.api} and use the endpoint it returns.`);
      }
    }
    const out = op.run(ctx, input) as Record<string, unknown>;
    if (out.Payload instanceof Uint8Array) {
      return { status: 200, headers: { 'content-type': String(out.ContentType ?? 'application/octet-stream') }, body: out.Payload };
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(mapTimestamps(out, (ms) => ms / 1000)) };
  } catch (e) {
    if (e instanceof AwsError) return errorResponse(e);
    throw e;
  }
}

/** One REST route per video operation, at its AWS path. */
export function videoRoutes(ctx: VideoContext): RestRoute[] {
  return Object.values(videoOperations).map((op) => ({ method: 'POST', path: op.path, service: op.service, handle: (req) => serve(ctx, op, req) }));
}
