/**
 * The attached mode: when the app is opened from `npm run serve` with
 * `?server=1`, it talks to the server's simulation over a WebSocket instead of
 * its own Web Worker. Calls are the worker's API (SimClient) as messages;
 * snapshots arrive one per frame and are acknowledged once applied, so a busy
 * page never builds a backlog. The static GitHub Pages build never opens a socket.
 */
import type { SimClient } from './store/client';
import type { Snapshot } from '../worker/protocol';
import { decodeMessage, encodeMessage, type AppToServer, type ServerToApp } from '../worker/wireCodec';

/** The endpoint's WebSocket path (src/server/attachApp.ts). */
const WS_PATH = '/__sim/ws';

/** The host the app is attached to, when the page was opened with ?server=1; undefined otherwise. */
export function attachedEndpoint(loc: { search: string; host: string } = location): string | undefined {
  return new URLSearchParams(loc.search).get('server') === '1' ? loc.host : undefined;
}

/** A SimClient over the server's WebSocket; `onSnapshot` resolves once the snapshot is on screen. */
export function connectServer(host: string, onSnapshot: (s: Snapshot) => Promise<void>, onClosed: (why: string) => void): SimClient {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${host}${WS_PATH}`);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const outbox: string[] = [];
  let nextId = 1;
  const post = (m: AppToServer) => {
    const text = encodeMessage(m);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else outbox.push(text);
  };
  socket.addEventListener('open', () => {
    for (const t of outbox.splice(0)) socket.send(t);
  });
  socket.addEventListener('message', (ev) => {
    let m: ServerToApp;
    try {
      m = decodeMessage(String(ev.data)) as ServerToApp;
    } catch {
      return;
    }
    if (m.type === 'snapshot') {
      void onSnapshot(m.snapshot as Snapshot).finally(() => post({ type: 'ack' }));
    } else if (m.type === 'result' || m.type === 'error') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'result') p?.resolve(m.value);
      else p?.reject(new Error(m.message));
    }
  });
  socket.addEventListener('close', () => {
    for (const p of pending.values()) p.reject(new Error('The local endpoint closed the connection.'));
    pending.clear();
    onClosed(`The connection to the local endpoint at ${host} closed; restart npm run serve and reload this page.`);
  });
  const call = (method: string, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      post({ type: 'call', id, method, args });
    });
  return new Proxy({} as SimClient, {
    get: (_t, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined),
  });
}
