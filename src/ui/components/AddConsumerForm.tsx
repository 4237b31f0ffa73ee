/**
 * Adds a consumer of any kind the engine runs: a polling GetRecords loop
 * (Limit, interval), a KCL application (workers), an enhanced fan-out
 * consumer, or a Lambda event source mapping (BatchSize, batching window,
 * ParallelizationFactor, bisect on error, retries, on-failure destination),
 * whose function is created from the built-in Kinesis handlers if needed.
 */
import { useState } from 'react';
import { useApp } from '../store/store';
import type { StreamSnap } from '../../worker/protocol';
import { addEfoConsumer } from '../commands';

type Kind = 'polling' | 'kcl' | 'efo' | 'lambdaMapping';

const KIND_HELP: Record<Kind, string> = {
  polling: 'GetRecords in a loop: every polling consumer shares the shard\'s 5 reads/s and 2 MiB/s.',
  kcl: 'A KCL application: workers share the shards through leases in a lease table; kill one and its leases fail over.',
  efo: 'Enhanced fan-out: SubscribeToShard pushes records with a dedicated 2 MiB/s per shard for this consumer.',
  lambdaMapping: 'A Lambda event source mapping: batches per shard, with retries, bisecting and an on-failure destination.',
};

/** Built-in Kinesis handlers a mapping can call (src/scenarios/streamFunctions.ts). */
const FUNCTIONS = [
  { name: 'kinesis-count', text: 'kinesis-count (counts records and succeeds)' },
  { name: 'kinesis-poison-pill', text: 'kinesis-poison-pill (fails batches with a POISON record)' },
];

export function AddConsumerForm({ stream }: { stream: StreamSnap }) {
  const run = useApp((s) => s.run);
  const [kind, setKind] = useState<Kind>('polling');
  const [name, setName] = useState('new-consumer');
  const [limit, setLimit] = useState('10000');
  const [interval, setIntervalMs] = useState('1000');
  const [workers, setWorkers] = useState('2');
  const [fn, setFn] = useState(FUNCTIONS[0].name);
  const [batchSize, setBatchSize] = useState('100');
  const [windowSec, setWindowSec] = useState('0');
  const [parallel, setParallel] = useState('1');
  const [bisect, setBisect] = useState(false);
  const [retries, setRetries] = useState('-1');
  const [onFailure, setOnFailure] = useState('');
  const submit = async () => {
    if (kind === 'polling') {
      await run({ op: 'traffic.addConsumer', args: { type: 'polling', name, streamName: stream.name, limit: Number(limit), intervalMs: Number(interval) } }, `Added polling consumer ${name}`);
    } else if (kind === 'kcl') {
      await run({ op: 'traffic.addConsumer', args: { type: 'kcl', name, streamName: stream.name, workers: Number(workers) } }, `Added KCL application ${name}`);
    } else if (kind === 'efo') {
      await run(addEfoConsumer(stream.name, name), `Registered enhanced fan-out consumer ${name}`);
    } else {
      // The function must exist before the mapping (CreateEventSourceMapping checks it).
      const fnName = `${name}-fn`;
      const created = await run({ op: 'lambda.createFunction', args: { FunctionName: fnName, builtin: fn } });
      if (!created) return;
      const args: Record<string, unknown> = {
        type: 'lambdaMapping',
        name,
        FunctionName: fnName,
        EventSourceArn: stream.arn,
        StartingPosition: 'LATEST',
        BatchSize: Number(batchSize),
        MaximumBatchingWindowInSeconds: Number(windowSec),
        ParallelizationFactor: Number(parallel),
        BisectBatchOnFunctionError: bisect,
        MaximumRetryAttempts: Number(retries),
      };
      if (onFailure.trim() !== '') args.DestinationConfig = { OnFailure: { Destination: onFailure.trim() } };
      await run({ op: 'traffic.addConsumer', args }, `Added Lambda mapping ${name} -> ${fnName}`);
    }
  };
  return (
    <form
      className="form-grid"
      aria-label="Add a consumer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Add a consumer</h3>
      <label>
        Consumer kind{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="polling">Polling (GetRecords)</option>
          <option value="kcl">KCL application</option>
          <option value="efo">Enhanced fan-out (SubscribeToShard)</option>
          <option value="lambdaMapping">Lambda event source mapping</option>
        </select>
      </label>
      <p className="help">{KIND_HELP[kind]}</p>
      <label>
        Consumer name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {kind === 'polling' && (
        <>
          <label>
            GetRecords Limit <input type="number" value={limit} onChange={(e) => setLimit(e.target.value)} />
          </label>
          <label>
            Poll interval (ms) <input type="number" value={interval} onChange={(e) => setIntervalMs(e.target.value)} />
          </label>
        </>
      )}
      {kind === 'kcl' && (
        <label>
          Workers <input type="number" value={workers} onChange={(e) => setWorkers(e.target.value)} />
        </label>
      )}
      {kind === 'lambdaMapping' && (
        <>
          <label>
            Function{' '}
            <select value={fn} onChange={(e) => setFn(e.target.value)}>
              {FUNCTIONS.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.text}
                </option>
              ))}
            </select>
          </label>
          <label>
            BatchSize <input type="number" value={batchSize} onChange={(e) => setBatchSize(e.target.value)} />
          </label>
          <label>
            MaximumBatchingWindowInSeconds <input type="number" value={windowSec} onChange={(e) => setWindowSec(e.target.value)} />
          </label>
          <label>
            ParallelizationFactor <input type="number" value={parallel} onChange={(e) => setParallel(e.target.value)} />
          </label>
          <label>
            <input type="checkbox" checked={bisect} onChange={(e) => setBisect(e.target.checked)} /> BisectBatchOnFunctionError
          </label>
          <label>
            MaximumRetryAttempts <input type="number" value={retries} onChange={(e) => setRetries(e.target.value)} />
          </label>
          <label>
            On-failure destination (SQS or SNS ARN) <input value={onFailure} onChange={(e) => setOnFailure(e.target.value)} placeholder="arn:aws:sqs:us-east-1:123456789012:dlq" />
          </label>
        </>
      )}
      <button type="submit">Add consumer</button>
    </form>
  );
}
