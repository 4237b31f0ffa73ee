/**
 * The app's side of the attached mode, spoken by a test client with `ws`:
 * a hello, a snapshot per frame once the previous one is acknowledged, the
 * worker's API as calls, and the same world the SDK clients see.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { CreateStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { decodeMessage, encodeMessage } from '../../src/worker/wireCodec';
import type { ServerToApp } from '../../src/worker/wireCodec';
import type { Snapshot } from '../../src/worker/protocol';
import { startServer, type Running } from './serverFixture';

/** A test app: collects messages, answers nothing unless told. */
function connect(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url.replace('http://', 'ws://') + '/__sim/ws', { headers });
  const inbox: ServerToApp[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (d) => {
    inbox.push(decodeMessage(String(d)) as ServerToApp);
    for (const w of waiters.splice(0)) w();
  });
  const next = async (pred: (m: ServerToApp) => boolean): Promise<ServerToApp> => {
    for (;;) {
      const i = inbox.findIndex(pred);
      if (i >= 0) return inbox.splice(i, 1)[0];
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { ws, inbox, next, send: (m: unknown) => ws.send(encodeMessage(m)), opened: new Promise<void>((r, j) => (ws.once('open', () => r()), ws.once('error', j))) };
}

describe('the attached app over the WebSocket', () => {
  let s: Running;
  const dirs: string[] = [];
  beforeEach(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'sim-dist-'));
    dirs.push(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'a.js'), 'export {};');
    s = await startServer({}, { appDir: dist });
  });
  afterEach(async () => {
    await s.stop();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('sends a hello and a snapshot, answers API calls, and shows what SDK clients did', async () => {
    const app = connect(s.endpoint.url);
    await app.opened;
    expect(await app.next((m) => m.type === 'hello')).toEqual({ type: 'hello', mode: 'server' });
    const first = (await app.next((m) => m.type === 'snapshot')) as { snapshot: Snapshot };
    expect(first.snapshot.streams).toEqual([]);
    expect(first.snapshot.series?.times).toBeInstanceOf(Float64Array);
    expect(s.endpoint.attachedApps()).toBe(1);

    const kinesis = new KinesisClient(s.config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'seen-in-app', ShardCount: 3 }));
    kinesis.destroy();
    // A change from the app: a recorded scenario command, as in the worker.
    app.send({ type: 'call', id: 1, method: 'command', args: [{ op: 'kinesis.createStream', args: { StreamName: 'from-app', ShardCount: 1 } }] });
    expect(await app.next((m) => m.type === 'result' || m.type === 'error')).toEqual({ type: 'result', id: 1, value: { ok: true, value: {} } });
    app.send({ type: 'ack' });
    const after = (await app.next((m) => m.type === 'snapshot')) as { snapshot: Snapshot };
    expect(after.snapshot.streams.map((x) => [x.name, x.openShardCount]).sort()).toEqual([
      ['from-app', 1],
      ['seen-in-app', 3],
    ]);
    app.send({ type: 'call', id: 2, method: 'scenario', args: [] });
    const sc = (await app.next((m) => m.type === 'result' && m.id === 2)) as { value: { commands: Array<{ op: string }> } };
    expect(sc.value.commands.map((c) => c.op)).toEqual(['kinesis.createStream', 'kinesis.createStream']);
    app.send({ type: 'call', id: 3, method: 'constructor', args: [] });
    expect(await app.next((m) => m.type === 'error')).toEqual({ type: 'error', id: 3, message: 'No method constructor.' });
    app.ws.close();
  });

  it('refuses a page from another origin', async () => {
    const app = connect(s.endpoint.url, { origin: 'http://evil.example' });
    await expect(app.opened).rejects.toThrow('Unexpected server response: 403');
  });

  it('serves the built app at /?server=1 and nothing outside its folder', async () => {
    const get = (path: string) =>
      new Promise<{ status: number; location?: string; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: s.endpoint.port, path }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get('/')).toEqual({ status: 302, location: '/?server=1', body: '' });
    expect(await get('/?server=1')).toEqual({ status: 200, location: undefined, body: '<!doctype html><title>app</title>' });
    expect((await get('/assets/a.js')).body).toBe('export {};');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/sw.js')).status).toBe(404);
  });
});
