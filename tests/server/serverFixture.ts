/**
 * Starts the endpoint on an ephemeral loopback port for a test, paused (the
 * test moves simulated time with `host.advance`), and gives SDK client config
 * for it: the SDK's default Node handler over real HTTP, fake credentials.
 */
import { SimHost, emptyScenario, type SimHostOptions } from '../../src/server/simHost';
import { startEndpoint, type Endpoint, type EndpointOptions } from '../../src/server/endpoint';

/** A fixed start, so the tests' figures do not depend on the day they run. */
export const START = Date.UTC(2026, 0, 1);

export interface Running {
  host: SimHost;
  endpoint: Endpoint;
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number };
  stop(): Promise<void>;
}

/** A paused server on 127.0.0.1:<free port>. */
export async function startServer(opts: SimHostOptions = {}, endpointOpts: EndpointOptions = {}): Promise<Running> {
  const host = new SimHost({ scenario: emptyScenario(START), paused: true, ...opts });
  const endpoint = await startEndpoint(host, { port: 0, ...endpointOpts });
  return {
    host,
    endpoint,
    config: {
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' },
      // Throttling is retried by the SDK with wall-clock back-off; the tests want the first answer.
      maxAttempts: 1,
    },
    async stop() {
      await host.stop();
      await endpoint.close();
    },
  };
}
