/**
 * A JSON 1.1 request with no JSON object to read: an empty body, `null` or a
 * bare scalar is AWS front end's bare `{"__type":"SerializationException"}`
 * (400, no message; kinesalite's recording against real Kinesis) on every
 * service the wire serves, the HTTP gate answers an empty body with the same
 * bytes, and `{}` is still a request with no members.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine';
import { gate } from '../../../src/server/httpGate';

const BARE = { status: 400, body: '{"__type":"SerializationException"}' };
const targets = ['Kinesis_20131202.ListStreams', 'Firehose_20150804.ListDeliveryStreams'];

describe('an empty JSON 1.1 request body', () => {
  for (const target of targets) {
    it(`${target}: '', 'null' and scalars are SerializationException; '{}' is served`, () => {
      const sim = createSimulation({ seed: 1 });
      for (const body of ['', 'null', '7', '"x"', 'true']) expect([body, sim.handleAwsJson(target, body)]).toEqual([body, BARE]);
      expect(sim.handleAwsJson(target, '{}').status).toBe(200);
    });
  }

  it('the HTTP gate answers an empty body with the engine\'s own response', () => {
    const sim = createSimulation({ seed: 1 });
    const res = gate({ method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': targets[0] }, body: new Uint8Array() });
    expect(res).toEqual({ status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'SerializationException' }, body: sim.handleAwsJson(targets[0], '').body });
    expect(res?.body).toBe(BARE.body);
  });
});
