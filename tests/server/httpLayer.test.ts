/**
 * Bad input at the HTTP layer, sent with Node's own http client (an SDK would
 * never send it): each gets AWS's answer, and the server serves the next request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect } from 'node:net';
import { MAX_BODY_BYTES } from '../../src/server/httpGate';
import { startServer, type Running } from './serverFixture';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/', headers: opts.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const JSON11 = 'application/x-amz-json-1.1';
const listStreams = { 'x-amz-target': 'Kinesis_20131202.ListStreams', 'content-type': JSON11 };

describe('the HTTP layer', () => {
  let s: Running;
  let port: number;
  let notices: string[];
  beforeEach(async () => {
    notices = [];
    s = await startServer({}, { requestTimeoutMs: 300, onNotice: (t) => notices.push(t) });
    port = s.endpoint.port;
  });
  afterEach(() => s.stop());

  it('serves a well-formed request, in application/json as well', async () => {
    const a = await send(port, { headers: listStreams, body: '{}' });
    expect([a.status, a.headers['content-type'], a.body]).toEqual([200, JSON11, '{"StreamNames":[],"HasMoreStreams":false,"StreamSummaries":[]}']);
    const b = await send(port, { headers: { ...listStreams, 'content-type': 'application/json' }, body: '{}' });
    expect(b.status).toBe(200);
  });

  it('answers a JSON 1.1 body without X-Amz-Target with UnknownOperationException', async () => {
    const a = await send(port, { headers: { 'content-type': JSON11 }, body: '{}' });
    expect([a.status, a.body, a.headers['x-amzn-errortype']]).toEqual([400, '{"__type":"UnknownOperationException"}', 'UnknownOperationException']);
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const a = await send(port, { headers: { ...listStreams, 'x-amz-target': 'Kinesis_20131202.Teleport' }, body: '{}' });
    expect([a.status, JSON.parse(a.body)]).toEqual([400, { __type: 'UnknownOperationException', message: 'Operation Kinesis_20131202.Teleport is not supported.' }]);
  });

  it('answers malformed JSON with SerializationException', async () => {
    const a = await send(port, { headers: listStreams, body: '{"Limit":' });
    expect([a.status, JSON.parse(a.body).__type]).toEqual([400, 'com.amazon.coral.service#SerializationException']);
    const empty = await send(port, { headers: listStreams, body: '' });
    expect([empty.status, empty.body]).toEqual([400, '{"__type":"SerializationException"}']);
  });

  it('answers a content type the service does not speak (CBOR included) with 404 UnknownOperationException', async () => {
    const text = await send(port, { headers: { ...listStreams, 'content-type': 'text/plain' }, body: '{}' });
    expect([text.status, text.body]).toEqual([404, '<UnknownOperationException/>\n']);
    const cbor = await send(port, { headers: { ...listStreams, 'content-type': 'application/x-amz-cbor-1.1' }, body: Buffer.from([0xa0]) });
    expect([cbor.status, cbor.body]).toEqual([404, '<UnknownOperationException/>\n']);
    await send(port, { headers: { ...listStreams, 'content-type': 'application/x-amz-cbor-1.1' }, body: Buffer.from([0xa0]) });
    // The console hint comes once, naming the Java SDKs' switches.
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('AWS_CBOR_DISABLE=true');
    expect(notices[0]).toContain('-Daws.cborEnabled=false');
  });

  it('answers a GET with a target with AccessDeniedException, as AWS does', async () => {
    const a = await send(port, { method: 'GET', headers: listStreams });
    expect(a.status).toBe(403);
    expect(a.body).toBe('<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n');
  });

  it('answers an oversized body with 413 and keeps serving', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const a = await send(port, { headers: listStreams, body: big }).catch((e: NodeJS.ErrnoException) => ({ status: -1, headers: {}, body: e.code ?? '' }));
    // The 413 is sent before the whole body is read; the client may see the answer or, having written into a closed socket, EPIPE/ECONNRESET.
    expect([413, -1]).toContain(a.status);
    const declared = await send(port, { headers: { ...listStreams, 'content-length': String(MAX_BODY_BYTES + 1) } }).catch(() => ({ status: -1, headers: {}, body: '' }));
    expect([413, -1]).toContain(declared.status);
    expect((await send(port, { headers: listStreams, body: '{}' })).status).toBe(200);
  });

  it('survives a connection dropped mid-body and one that stalls (408 from Node once the request timeout passes)', async () => {
    const dropped = connect(port, '127.0.0.1');
    await new Promise<void>((r) => dropped.once('connect', () => r()));
    dropped.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\nContent-Type: ${JSON11}\r\nContent-Length: 100\r\n\r\n{"Lim`);
    dropped.destroy();

    const stalled = connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      stalled.on('data', (c: Buffer) => (text += c.toString('latin1')));
      stalled.on('close', () => resolve(text));
      stalled.on('error', () => resolve(text));
    });
    stalled.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\nContent-Type: ${JSON11}\r\nContent-Length: 100\r\n\r\n{`);
    expect((await answer).split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect((await send(port, { headers: listStreams, body: '{}' })).status).toBe(200);
  });

  it('answers the health probe with the mode', async () => {
    const a = await send(port, { method: 'GET', path: '/__sim/health' });
    expect([a.status, JSON.parse(a.body)]).toEqual([200, { mode: 'server', offsetMs: 0, served: 0, unrecorded: 0, speed: 1, playing: false }]);
  });
});
