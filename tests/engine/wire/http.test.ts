import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine';
import { parseQuery } from '../../../src/engine/wire/http';

describe('handleHttp', () => {
  it('serves JSON 1.1 by X-Amz-Target with the same answer as handleAwsJson', () => {
    const sim = createSimulation({ seed: 1 });
    const r = sim.handleHttp({ method: 'POST', path: '/', headers: { 'X-Amz-Target': 'Kinesis_20131202.ListStreams' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(r.body as string)).toEqual(JSON.parse(sim.handleAwsJson('Kinesis_20131202.ListStreams', '{}').body));
  });

  it('answers UnknownOperationException for a path no service serves', () => {
    const sim = createSimulation({ seed: 1 });
    const r = sim.handleHttp({ method: 'POST', path: '/nothing', headers: {}, body: '' });
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });

  it('routes REST-JSON requests to a registered route with the query parsed', () => {
    const sim = createSimulation({ seed: 1 });
    sim.restRoutes.push({ method: 'POST', path: '/echo', service: 'test', handle: (req, q) => ({ status: 200, headers: {}, body: `${q.get('a')}:${req.body as string}` }) });
    const r = sim.handleHttp({ method: 'post', path: '/echo?a=1', headers: {}, body: 'x' });
    expect(r).toEqual({ status: 200, headers: {}, body: '1:x' });
  });

  it('parses a query string as forms do: percent-decoding, + as a space, the first of repeated names', () => {
    expect([...parseQuery('a=1&b=x%2Fy+z&a=2&flag&=v&bad=%E0%A4%A')]).toEqual([['a', '1'], ['b', 'x/y z'], ['flag', ''], ['', 'v'], ['bad', '%E0%A4%A']]);
  });
});
