/**
 * A request handler for the official AWS SDK v3 clients that answers from a
 * simulation instead of the network: it reads the X-Amz-Target header and the
 * JSON body, calls `sim.handleAwsJson`, and returns the service's answer. An
 * event-stream response (SubscribeToShard) becomes an
 * application/vnd.amazon.eventstream body: an initial-response message, then
 * one message per engine event as the test advances the simulation, encoded
 * with @smithy/eventstream-codec. Reusable by any AWS JSON 1.1 service the
 * simulation registers (Kinesis, Firehose).
 */
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { Simulation } from '../../../src/engine';
import type { WireEventMessage, WireEventStream } from '../../../src/engine/wire/awsJson';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** What the handler saw: the targets called, in order. */
export interface SimHandlerLog {
  targets: string[];
}

/** A requestHandler for `new KinesisClient({ requestHandler })` that talks to `sim`. */
export function simRequestHandler(sim: Simulation, log: SimHandlerLog = { targets: [] }) {
  return {
    log,
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
      const body = request.body === undefined || request.body === null ? '' : typeof request.body === 'string' ? request.body : toUtf8(request.body as Uint8Array);
      log.targets.push(target);
      const res = sim.handleAwsJson(target, body);
      if (res.eventStream !== undefined) {
        return {
          response: new HttpResponse({
            statusCode: res.status,
            headers: { 'content-type': 'application/vnd.amazon.eventstream' },
            body: eventStreamBody(res.body, res.eventStream),
          }),
        };
      }
      return {
        response: new HttpResponse({
          statusCode: res.status,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: fromUtf8(res.body),
        }),
      };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
  };
}

/** Static fake credentials and Region for SDK clients in tests (no signing secret ever leaves the process). */
export const sdkTestConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' },
  // The SDK would retry throttling with wall-clock back-off; the tests want the first answer.
  maxAttempts: 1,
};

function frame(headers: Record<string, string>, body: string): Uint8Array {
  const h: MessageHeaders = {};
  for (const [k, value] of Object.entries(headers)) h[k] = { type: 'string', value };
  return codec.encode({ headers: h, body: fromUtf8(body) });
}

function toFrame(m: WireEventMessage): Uint8Array {
  return m.messageType === 'event'
    ? frame({ ':message-type': 'event', ':event-type': m.eventType, ':content-type': 'application/json' }, m.body)
    : frame({ ':message-type': 'exception', ':exception-type': m.exceptionType, ':content-type': 'application/json' }, m.body);
}

/**
 * The response body of an event-stream operation: the initial response, then
 * each message as the simulation produces it; it ends when the stream ends. A
 * client that stops reading closes the subscription, as a dropped connection would.
 */
async function* eventStreamBody(initialResponse: string, stream: WireEventStream): AsyncGenerator<Uint8Array> {
  yield frame({ ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, initialResponse);
  const queue: Uint8Array[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  const off = stream.listen(
    (m) => {
      queue.push(toFrame(m));
      wake?.();
    },
    () => {
      done = true;
      wake?.();
    },
  );
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    off();
    if (!done) stream.cancel();
  }
}
