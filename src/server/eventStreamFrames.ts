/**
 * The binary event-stream encoding (application/vnd.amazon.eventstream) of an
 * event-stream response such as SubscribeToShard's: the initial response as
 * the first message, then one message per event, an exception last if the
 * stream fails. Encoded with @smithy/eventstream-codec, the SDK's own codec.
 */
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { WireEventMessage } from '../engine';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(headers: Record<string, string>, body: string): Uint8Array {
  const h: MessageHeaders = {};
  for (const [k, value] of Object.entries(headers)) h[k] = { type: 'string', value };
  return codec.encode({ headers: h, body: fromUtf8(body) });
}

/** The first message: the operation's JSON response without its event-stream member. */
export function initialResponseFrame(body: string): Uint8Array {
  return frame({ ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, body);
}

/** One event or the exception that ends the stream. */
export function messageFrame(m: WireEventMessage): Uint8Array {
  return m.messageType === 'event'
    ? frame({ ':message-type': 'event', ':event-type': m.eventType, ':content-type': 'application/json' }, m.body)
    : frame({ ':message-type': 'exception', ':exception-type': m.exceptionType, ':content-type': 'application/json' }, m.body);
}
