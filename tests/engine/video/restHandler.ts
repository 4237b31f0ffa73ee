/**
 * A request handler for the official REST-JSON SDK clients (kinesis-video,
 * kinesis-video-media, kinesis-video-archived-media) that answers from
 * `sim.handleHttp`: method, path with query, headers (with the Host the client
 * aimed at, so data-plane endpoint checks apply) and body in; status, headers
 * and body out, the body as a Node stream as the SDK's streaming payloads expect.
 */
import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import { toUtf8 } from '@smithy/util-utf8';
import type { Simulation } from '../../../src/engine';

/** What the handler saw: method, host and path of each request. */
export interface RestLog {
  calls: string[];
}

/** A requestHandler for REST-JSON clients that talks to `sim`. */
export function simRestHandler(sim: Simulation, log: RestLog = { calls: [] }) {
  return {
    log,
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const q = Object.entries(request.query ?? {})
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === null || v === undefined ? [] : [[k, v]]))
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&');
      const path = request.path + (q ? `?${q}` : '');
      const body = request.body === undefined || request.body === null ? '' : typeof request.body === 'string' ? request.body : toUtf8(request.body as Uint8Array);
      log.calls.push(`${request.method} ${request.hostname}${path}`);
      const res = sim.handleHttp({ method: request.method, path, headers: { ...request.headers, host: request.hostname }, body });
      const bytes = typeof res.body === 'string' ? new TextEncoder().encode(res.body) : res.body;
      return { response: new HttpResponse({ statusCode: res.status, headers: res.headers, body: Readable.from([Buffer.from(bytes)]) }) };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
  };
}

/** Static fake credentials and Region for SDK clients in tests. */
export const restTestConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' },
  maxAttempts: 1,
};
