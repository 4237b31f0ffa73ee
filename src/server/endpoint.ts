/**
 * The local endpoint: one loopback port that speaks HTTP/1.1 and HTTP/2
 * cleartext (h2c, told apart by the HTTP/2 connection preface), so the AWS CLI,
 * boto3 and the SDKs' HTTP/1.1 handlers, and the JavaScript SDK's
 * NodeHttp2Handler (which SubscribeToShard needs), all reach the same
 * simulation. Each request passes the HTTP gate (httpGate.ts), then
 * `sim.handleHttp`. Signatures are accepted and never checked. A bad, slow or
 * dropped request is answered or dropped; it never stops the server.
 */
import { createServer as createHttp1, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNet, type AddressInfo, type Socket } from 'node:net';
import { gate, tooLarge, MAX_BODY_BYTES, CBOR_11, mediaType } from './httpGate';
import { initialResponseFrame, messageFrame } from './eventStreamFrames';
import type { SimHost } from './simHost';
import type { HttpResponse } from '../engine';
import { attachApps } from './attachApp';
import { appFile, sendFile } from './staticApp';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

export interface EndpointOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Wall ms a request may take to arrive in full before it is answered 408 (Node's own answer). */
  requestTimeoutMs?: number;
  /** The built app (`dist/`) to serve at `/`, attached to this simulation (none when absent). */
  appDir?: string;
  /** Called once per kind of notable client mistake (a CBOR client, ...), for the console. */
  onNotice?: (text: string) => void;
}

/** A running endpoint. */
export interface Endpoint {
  url: string;
  port: number;
  /** Apps attached over the WebSocket now. */
  attachedApps(): number;
  /** Connections accepted so far, by protocol. */
  connections: { http1: number; h2c: number };
  close(): Promise<void>;
}

/** Starts serving `host` on a loopback port (or the given host and port). */
export async function startEndpoint(host: SimHost, opts: EndpointOptions = {}): Promise<Endpoint> {
  const requestTimeout = opts.requestTimeoutMs ?? 60_000;
  const noticed = new Set<string>();
  const notice = (key: string, text: string) => {
    if (noticed.has(key)) return;
    noticed.add(key);
    opts.onNotice?.(text);
  };
  const handler = (req: Req, res: Res) => {
    serve(host, req, res, notice, opts.appDir).catch(() => fail(res));
  };
  const h1 = createHttp1({ requestTimeout, headersTimeout: Math.min(requestTimeout, 60_000), connectionsCheckingInterval: Math.min(1000, requestTimeout) }, handler);
  // Node starts its request-timeout checks (a stalled client gets 408) when a server
  // listens; this one only receives sockets from the port below, so it is told it listens.
  h1.emit('listening');
  const apps = attachApps(host, h1);
  const h2 = createHttp2({}, handler);
  h2.on('sessionError', () => undefined);
  h2.on('timeout', () => undefined);
  const sockets = new Set<Socket>();
  const connections = { http1: 0, h2c: 0 };
  const net = createNet((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      // "PRI * HTTP/2.0" opens every HTTP/2 connection with prior knowledge; no HTTP/1 method is PRI.
      const isH2 = chunk.subarray(0, 3).toString('latin1') === 'PRI';
      connections[isH2 ? 'h2c' : 'http1']++;
      (isH2 ? h2 : h1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    net.once('error', reject);
    net.listen(opts.port ?? 4567, opts.host ?? '127.0.0.1', () => resolve());
  });
  net.on('error', () => undefined);
  const port = (net.address() as AddressInfo).port;
  const hostName = opts.host ?? '127.0.0.1';
  return {
    url: `http://${hostName.includes(':') ? `[${hostName}]` : hostName}:${port}`,
    port,
    connections,
    attachedApps: () => apps.count(),
    close: () =>
      new Promise<void>((resolve) => {
        apps.close();
        for (const s of sockets) s.destroy();
        h1.close();
        h2.close();
        net.close(() => resolve());
      }),
  };
}

/** Writes a chunk to either kind of response (their write overloads do not unify). */
function write(res: Res, chunk: Uint8Array): void {
  (res as ServerResponse).write(chunk);
}

function fail(res: Res): void {
  try {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure' });
      res.end(JSON.stringify({ __type: 'InternalFailure', message: 'Internal service failure.' }));
    } else res.end();
  } catch {
    // The connection is gone; nothing to answer.
  }
}

/** Reads the body up to MAX_BODY_BYTES; undefined when it is larger (the 413 has been sent) or the client went away. */
function readBody(req: Req, res: Res): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      send(res, tooLarge(), true);
      req.resume();
      return resolve(undefined);
    }
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Uint8Array | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        send(res, tooLarge(), true);
        return finish(undefined);
      }
      parts.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(parts)));
    req.on('error', () => finish(undefined));
    req.on('aborted', () => finish(undefined));
    req.on('close', () => finish(undefined));
  });
}

function send(res: Res, r: HttpResponse, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength);
  const headers: Record<string, string | number> = { ...r.headers, 'content-length': body.length, 'x-amzn-requestid': requestId() };
  // HTTP/2 forbids the Connection header; on HTTP/1.1 it ends a connection whose body was not read.
  if (close && !('stream' in res)) headers.connection = 'close';
  res.writeHead(r.status, headers);
  res.end(body);
}

let requestCount = 0;
/** A request id for the x-amzn-RequestId header (the server's, never the simulation's: ids carry no simulated state). */
function requestId(): string {
  requestCount++;
  const hex = requestCount.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex.slice(-12)}`;
}

async function serve(host: SimHost, req: Req, res: Res, notice: (key: string, text: string) => void, appDir: string | undefined): Promise<void> {
  const path = req.url ?? '/';
  if (appDir !== undefined && (req.method === 'GET' || req.method === 'HEAD') && req.headers['x-amz-target'] === undefined && !path.startsWith('/__sim/')) {
    const file = appFile(appDir, path);
    if (file !== undefined) return sendFile(res, file);
  }
  if (req.method === 'GET' && path === '/__sim/health') {
    const s = await host.state();
    return send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'server', offsetMs: s.offsetMs, served: host.served, unrecorded: host.unrecorded, speed: host.world.loop.speed, playing: host.world.loop.playing }) });
  }
  const body = await readBody(req, res);
  if (body === undefined) return;
  const answer = gate({ method: req.method ?? 'GET', headers: req.headers, body });
  if (answer !== undefined) {
    if (mediaType(req.headers) === CBOR_11) {
      notice('cbor', 'A client sent CBOR (application/x-amz-cbor-1.1), which this endpoint refuses as AWS refuses a content type it does not serve. Java SDK v1 / KCL 1.x: set AWS_CBOR_DISABLE=true (or -Dcom.amazonaws.sdk.disableCbor=true); Java SDK v2 / KCL 2.x: -Daws.cborEnabled=false (or AWS_CBOR_ENABLED=false).');
    }
    return send(res, answer);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!k.startsWith(':') && v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const r = await host.handle({ method: req.method ?? 'GET', path, headers, body });
  if (r.eventStream !== undefined) return streamEvents(res, r);
  if (r.chunks !== undefined) {
    res.writeHead(r.status, { ...r.headers, 'x-amzn-requestid': requestId() });
    for (const c of r.chunks) write(res, c);
    res.end();
    return;
  }
  send(res, r);
}

/** Writes an event-stream response as the events come: they arrive while the loop advances simulated time. */
function streamEvents(res: Res, r: HttpResponse): void {
  const stream = r.eventStream!;
  res.writeHead(r.status, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId() });
  write(res, initialResponseFrame(typeof r.body === 'string' ? r.body : Buffer.from(r.body).toString('utf8')));
  let ended = false;
  const off = stream.listen(
    (m) => {
      if (!res.destroyed) write(res, messageFrame(m));
    },
    () => {
      ended = true;
      if (!res.destroyed) res.end();
    },
  );
  res.on('close', () => {
    off();
    // The client went away before the subscription's end: close it, as AWS does for a dropped connection.
    if (!ended) stream.cancel();
  });
}
