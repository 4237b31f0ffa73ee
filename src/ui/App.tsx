import { useMemo } from 'react';
import { createSimulation } from '../engine';

/**
 * Placeholder page until the visual simulator lands: runs a small stream in the
 * engine so the page shows real numbers from it.
 */
export function App() {
  const summary = useMemo(() => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 'demo-stream', ShardCount: 4 });
    sim.advance(10_000);
    const encoder = new TextEncoder();
    for (let i = 0; i < 100; i++) {
      sim.kinesis.putRecord({ StreamName: 'demo-stream', PartitionKey: `device-${i % 10}`, Data: encoder.encode(`{"reading":${i}}`) });
    }
    return sim.kinesis.describeStream({ StreamName: 'demo-stream' }).StreamDescription;
  }, []);
  return (
    <main>
      <h1>Kinesis Simulator</h1>
      <p>
        Stream <strong>{summary.StreamName}</strong> is {summary.StreamStatus} with {summary.Shards.length} shards.
      </p>
      <ul aria-label="Shards">
        {summary.Shards.map((s) => (
          <li key={s.ShardId}>
            {s.ShardId}: {s.HashKeyRange.StartingHashKey} to {s.HashKeyRange.EndingHashKey}
          </li>
        ))}
      </ul>
    </main>
  );
}
