/**
 * One HTTP entry for every simulated service, each by its real protocol:
 * AWS JSON 1.1 when the request names an `X-Amz-Target` (Kinesis, Firehose,
 * ...), REST-JSON by method and path for the services AWS serves that way
 * (Kinesis Video Streams, ...). Answers are `{ status, headers, body }`, never a crash.
 */
import { AwsError } from '../core/errors';
import { handleAwsJson, type WireResponse, type WireService, type WireEventStream } from './awsJson';
import { decodeUtf8 } from '../core/utf8';

/** An HTTP request as a client sends it (headers case-insensitive). */
export interface HttpRequest {
  method: string;
  /** Path with its query string, e.g. `/describeStream` or `/streams?x=1`. */
  path: string;
  headers: Record<string, string | undefined>;
  body: string | Uint8Array;
}

/** An HTTP response; `eventStream` is set for event-stream operations (SubscribeToShard). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  eventStream?: WireEventStream;
  /** A streaming binary payload (GetMedia and friends) as chunks in order, when a route has one. */
  chunks?: Uint8Array[];
}

/** A REST-JSON route: a method and a path (exact, or a prefix ending in `*`). */
export interface RestRoute {
  method: string;
  path: string;
  /** The service's signing name (kinesisvideo, ...), for errors and the endpoint's logs. */
  service: string;
  /** `query` holds the query string's parameters, percent-decoded (the first value of a repeated name). */
  handle(req: HttpRequest, query: ReadonlyMap<string, string>): HttpResponse;
}

const JSON_11 = 'application/x-amz-json-1.1';

function header(req: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : decodeUtf8(body);
}

/** Serves one HTTP request: JSON 1.1 by X-Amz-Target, otherwise the first REST route that matches. */
export function handleHttp(services: readonly WireService[], routes: readonly RestRoute[], req: HttpRequest): HttpResponse {
  try {
    const target = header(req, 'x-amz-target');
    if (target !== undefined) {
      if (req.method.toUpperCase() !== 'POST') return jsonError(new AwsError('UnknownOperationException', 'JSON 1.1 requests must be POST.', 400));
      return fromWire(handleAwsJson(services, target, bodyText(req.body)));
    }
    const q = req.path.indexOf('?');
    const path = q < 0 ? req.path : req.path.slice(0, q);
    const query = parseQuery(q < 0 ? '' : req.path.slice(q + 1));
    const method = req.method.toUpperCase();
    for (const r of routes) {
      const match = r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path;
      if (match && r.method === method) return r.handle(req, query);
    }
    return jsonError(new AwsError('UnknownOperationException', `No operation is served at ${method} ${path}.`, 404));
  } catch (e) {
    if (e instanceof AwsError) return jsonError(e);
    return jsonError(new AwsError('InternalFailure', 'Internal service failure.', 500));
  }
}

/** A query string's parameters (application/x-www-form-urlencoded rules: '+' is a space), without the DOM's URLSearchParams. */
export function parseQuery(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const dec = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(k)) out.set(k, eq < 0 ? '' : dec(part.slice(eq + 1)));
  }
  return out;
}

function fromWire(r: WireResponse): HttpResponse {
  const out: HttpResponse = { status: r.status, headers: { 'content-type': JSON_11 }, body: r.body };
  if (r.eventStream !== undefined) {
    out.eventStream = r.eventStream;
    out.headers['content-type'] = 'application/vnd.amazon.eventstream';
  }
  return out;
}

function jsonError(e: AwsError): HttpResponse {
  return { status: e.status, headers: { 'content-type': JSON_11, 'x-amzn-errortype': e.type }, body: JSON.stringify({ __type: e.type, message: e.message }) };
}
