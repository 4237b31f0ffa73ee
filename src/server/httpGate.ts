/**
 * The HTTP layer in front of the simulation, answering bad requests the way
 * AWS's front end does before any operation runs (the answers kinesalite
 * recorded against real Kinesis): a JSON 1.1 request that is not a POST gets
 * 403 AccessDeniedException in XML; a content type the service does not speak
 * (CBOR included) gets 404 `<UnknownOperationException/>`; an empty body gets
 * SerializationException; a JSON 1.1 body without X-Amz-Target gets
 * UnknownOperationException. Everything else goes on to `sim.handleHttp`.
 */
import { type HttpResponse, emptyBodyResponse } from '../engine';

/** Largest request body read: a full 10 MiB PutRecords in base64 plus its JSON, so the engine answers its own size limits. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const JSON_11 = 'application/x-amz-json-1.1';
/** The content type the Java SDK and the KPL/KCL use for Kinesis unless CBOR is disabled. */
export const CBOR_11 = 'application/x-amz-cbor-1.1';
const ACCEPTED = new Set([JSON_11, 'application/json']);

/** What the gate needs of a request (header names lower-case, as Node gives them). */
export interface GateRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** The base media type of the request (`application/x-amz-json-1.1; charset=utf-8` → `application/x-amz-json-1.1`). */
export function mediaType(headers: GateRequest['headers']): string {
  const v = headers['content-type'];
  return (Array.isArray(v) ? v[0] : (v ?? '')).split(';')[0].trim().toLowerCase();
}

function xml(status: number, type: string, message?: string): HttpResponse {
  const body = message === undefined ? `<${type}/>\n` : `<${type}>\n  <Message>${escapeXml(message)}</Message>\n</${type}>\n`;
  return { status, headers: { 'content-type': 'application/xml', 'x-amzn-errortype': type }, body };
}

function json(status: number, type: string, message?: string): HttpResponse {
  const payload: Record<string, string> = { __type: type };
  if (message !== undefined) payload.message = message;
  return { status, headers: { 'content-type': JSON_11, 'x-amzn-errortype': type }, body: JSON.stringify(payload) };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 413, as AWS's front end answers a body over its limit (no body). */
export function tooLarge(): HttpResponse {
  return { status: 413, headers: { 'content-type': 'text/plain' }, body: '' };
}

/** The gate's answer for a request the service would refuse before any operation, or undefined to serve it. */
export function gate(req: GateRequest): HttpResponse | undefined {
  const target = req.headers['x-amz-target'];
  const type = mediaType(req.headers);
  if (target === undefined) {
    // A JSON 1.1 client always names its operation; REST-JSON clients send application/json and are routed by path.
    if (type === JSON_11) return json(400, 'UnknownOperationException');
    return undefined;
  }
  if (req.method.toUpperCase() !== 'POST') return xml(403, 'AccessDeniedException', 'Unable to determine service/operation name to be authorized');
  if (!ACCEPTED.has(type)) return xml(404, 'UnknownOperationException');
  if (req.body.length === 0) {
    // The engine's own answer to an empty body, so the wire and the HTTP layer say the same thing.
    const empty = emptyBodyResponse();
    return { status: empty.status, headers: { 'content-type': JSON_11, 'x-amzn-errortype': 'SerializationException' }, body: empty.body };
  }
  return undefined;
}
