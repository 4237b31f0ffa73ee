/**
 * The visual app attached to the endpoint's simulation: the built app
 * (`dist/`) is served at `/`, and the app, opened with `?server=1`, talks to
 * this server's World over a WebSocket at `/__sim/ws` instead of starting its
 * own Web Worker. The same API as the worker's (worldApi.ts) answers calls;
 * one snapshot per frame goes to each app that acknowledged the previous one.
 * Only pages from this server's own origin may connect: another web page open
 * in the browser must not drive the local simulator.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { worldApi } from '../worker/worldApi';
import { encodeMessage, decodeMessage, type AppToServer, type ServerToApp } from '../worker/wireCodec';
import type { SimHost } from './simHost';

export const WS_PATH = '/__sim/ws';
/** Largest message an app may send (a scenario document it opens). */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

interface AttachedApp {
  socket: WebSocket;
  awaiting: boolean;
  /** A snapshot was due while the app was still applying the last one: it gets one on its ack. */
  missed: boolean;
}

/** Serves attached apps on `h1`'s upgrade requests; returns how many are attached and a closer. */
export function attachApps(host: SimHost, h1: Server): { count(): number; close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const apps = new Set<AttachedApp>();
  let force = true;
  const send = (app: AttachedApp, m: ServerToApp) => {
    if (app.socket.readyState === app.socket.OPEN) app.socket.send(encodeMessage(m));
  };
  const push = () => {
    for (const a of apps) if (a.awaiting) a.missed = true;
    const ready = [...apps].filter((a) => !a.awaiting);
    if (ready.length === 0) return;
    const snapshot = host.world.snapshot(force);
    force = false;
    for (const a of ready) {
      a.awaiting = true;
      a.missed = false;
      send(a, { type: 'snapshot', snapshot });
    }
  };
  const api = worldApi(host.world, {
    serial: (fn) => host.serial(fn),
    changed: () => {
      force = true;
      push();
    },
    transferBody: (r) => r,
  }) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const offFrame = host.onFrame(() => push());

  h1.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH || !sameOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const app: AttachedApp = { socket: ws, awaiting: false, missed: false };
      apps.add(app);
      ws.on('error', () => undefined);
      ws.on('close', () => apps.delete(app));
      ws.on('message', (data) => void onMessage(app, String(data)));
      send(app, { type: 'hello', mode: 'server' });
      force = true;
      void host.serial(() => push());
    });
  });

  async function onMessage(app: AttachedApp, text: string): Promise<void> {
    let m: AppToServer;
    try {
      m = decodeMessage(text) as AppToServer;
    } catch {
      return;
    }
    if (m === null || typeof m !== 'object') return;
    if (m.type === 'ack') {
      app.awaiting = false;
      // Paused, no frame comes: a change made meanwhile is sent now.
      if (app.missed) void host.serial(() => push());
      return;
    }
    if (m.type !== 'call' || typeof m.id !== 'number' || typeof m.method !== 'string' || !Array.isArray(m.args)) return;
    // Only the API's own methods, never a property path from the message.
    if (!Object.prototype.hasOwnProperty.call(api, m.method)) return send(app, { type: 'error', id: m.id, message: `No method ${m.method.slice(0, 64)}.` });
    try {
      send(app, { type: 'result', id: m.id, value: await api[m.method](...m.args) });
    } catch (e) {
      send(app, { type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  return {
    count: () => apps.size,
    close: () => {
      offFrame();
      for (const a of apps) a.socket.terminate();
      wss.close();
    },
  };
}

/** True when the page asking to connect was served by this server (Origin's host is the Host asked for). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // Not a browser page (a test client, a CLI tool).
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
