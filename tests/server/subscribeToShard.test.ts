/**
 * SubscribeToShard's event stream over the endpoint: HTTP/2 cleartext with the
 * client's default handler (@aws-sdk/client-kinesis defaults to
 * NodeHttp2Handler, the transport AWS serves SubscribeToShard over), and over
 * HTTP/1.1 with NodeHttpHandler. Events come as the simulation advances.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateStreamCommand, DeregisterStreamConsumerCommand, KinesisClient, PutRecordCommand, RegisterStreamConsumerCommand, ResourceNotFoundException,
  SubscribeToShardCommand, type SubscribeToShardEventStream,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startServer, type Running } from './serverFixture';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Waits until `ready()` holds, yielding to the network between checks (bounded; no wall-clock figure is asserted). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('SubscribeToShard over the endpoint', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer();
  });
  afterEach(() => s.stop());

  for (const transport of ['HTTP/2 (h2c, the default NodeHttp2Handler)', 'HTTP/1.1 (NodeHttpHandler)'] as const) {
    it(`streams SubscribeToShardEvents over ${transport} until the consumer is deregistered`, async () => {
      const kinesis = new KinesisClient(transport.startsWith('HTTP/2') ? s.config : { ...s.config, requestHandler: new NodeHttpHandler() });
      await kinesis.send(new CreateStreamCommand({ StreamName: 'efo', ShardCount: 1 }));
      await s.host.advance(60_000);
      const arn = s.host.world.sim.kinesis.describeStreamSummary({ StreamName: 'efo' }).StreamDescriptionSummary.StreamARN;
      const reg = await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'reader' }));
      await s.host.advance(5000);
      const first = await kinesis.send(new PutRecordCommand({ StreamName: 'efo', PartitionKey: 'p', Data: enc.encode('one') }));
      const out = await kinesis.send(new SubscribeToShardCommand({ ConsumerARN: reg.Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }));
      const events: SubscribeToShardEventStream[] = [];
      let failure: unknown;
      let finished = false;
      const reading = (async () => {
        try {
          for await (const e of out.EventStream!) events.push(e);
        } catch (e) {
          failure = e;
        }
        finished = true;
      })();
      await s.host.advance(200);
      await until(() => events.length >= 1);
      expect(events.map((e) => e.SubscribeToShardEvent!.Records!.map((r) => [r.PartitionKey, dec.decode(r.Data), r.SequenceNumber]))).toEqual([[['p', 'one', first.SequenceNumber]]]);
      expect(events[0].SubscribeToShardEvent!.MillisBehindLatest).toBe(0);

      await kinesis.send(new PutRecordCommand({ StreamName: 'efo', PartitionKey: 'p', Data: enc.encode('two') }));
      await s.host.advance(200);
      await until(() => events.length >= 2);
      expect(events.map((e) => e.SubscribeToShardEvent!.Records!.map((r) => dec.decode(r.Data)))).toEqual([['one'], ['two']]);
      expect(finished).toBe(false);

      await kinesis.send(new DeregisterStreamConsumerCommand({ ConsumerARN: reg.Consumer!.ConsumerARN }));
      await reading;
      expect(failure).toBeInstanceOf(ResourceNotFoundException);
      expect((failure as Error).message).toBe(`Consumer ${reg.Consumer!.ConsumerARN} under account 123456789012 not found.`);
      // Every request of this client went over the transport named.
      expect(transport.startsWith('HTTP/2') ? s.endpoint.connections.h2c : s.endpoint.connections.http1).toBeGreaterThan(0);
      expect(transport.startsWith('HTTP/2') ? s.endpoint.connections.http1 : s.endpoint.connections.h2c).toBe(0);
      kinesis.destroy();
    });
  }
});
