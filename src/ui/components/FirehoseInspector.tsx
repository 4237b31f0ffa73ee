/**
 * A Firehose delivery stream: buffer hints, prefixes, compression, the
 * Lambda transform (the Lambda service's built-in functions) and dynamic
 * partitioning, sent as one UpdateDestination with the current version id.
 * The engine checks it: a refusal (for instance turning dynamic partitioning
 * on after creation) shows its own error text, and nothing changes.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { useQuery } from '../useQuery';
import { formatBytes, formatDuration, formatInt, formatPercent } from '../format';

const COMPRESSIONS = ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'];

export function FirehoseInspector({ name }: { name: string }) {
  const f = useApp((s) => s.snapshot?.firehoses.find((x) => x.name === name));
  const arnBase = useApp((s) => s.snapshot?.streams[0]?.arn.split(':').slice(3, 5).join(':') ?? 'us-east-1:123456789012');
  const run = useApp((s) => s.run);
  const d = useQuery({ type: 'firehoseDetail', name }, 0);
  const [size, setSize] = useState('');
  const [interval, setIntervalSec] = useState('');
  const [prefix, setPrefix] = useState('');
  const [errorPrefix, setErrorPrefix] = useState('');
  const [compression, setCompression] = useState('GZIP');
  const [transform, setTransform] = useState('');
  const [dynamic, setDynamic] = useState(false);
  const detail = d.data;
  useEffect(() => {
    if (detail === null) return;
    setSize(String(detail.sizeInMBs));
    setIntervalSec(String(detail.intervalInSeconds));
    setPrefix(detail.prefix);
    setErrorPrefix(detail.errorOutputPrefix);
    setCompression(detail.compression);
    setTransform(detail.transform ?? '');
    setDynamic(detail.dynamicPartitioning);
  }, [detail]);
  if (f === undefined) return <p>Firehose {name} no longer exists.</p>;
  const submit = async () => {
    if (detail === null) return;
    // A built-in transform becomes a Lambda function first (CreateFunction), unless it exists already.
    const fn = detail.functions.find((x) => x.name === transform);
    if (fn !== undefined && !fn.exists && !(await run({ op: 'lambda.createFunction', args: { FunctionName: transform, builtin: transform } }))) return;
    const update: Record<string, unknown> = {
      BufferingHints: { SizeInMBs: Number(size), IntervalInSeconds: Number(interval) },
      Prefix: prefix,
      ErrorOutputPrefix: errorPrefix,
      CompressionFormat: compression,
      ProcessingConfiguration:
        transform === ''
          ? { Enabled: false }
          : { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: `arn:aws:lambda:${arnBase}:function:${transform}` }] }] },
      DynamicPartitioningConfiguration: { Enabled: dynamic },
    };
    if (prefix === '') delete update.Prefix;
    if (errorPrefix === '') delete update.ErrorOutputPrefix;
    const ok = await run(
      { op: 'firehose.updateDestination', args: { DeliveryStreamName: name, CurrentDeliveryStreamVersionId: detail.versionId, DestinationId: detail.destinationId, ExtendedS3DestinationUpdate: update } },
      `UpdateDestination of ${name} accepted (version ${Number(detail.versionId) + 1})`,
    );
    d.refresh();
    if (!ok && detail !== null) setDynamic(detail.dynamicPartitioning);
  };
  return (
    <>
      <h2>Firehose {f.name}</h2>
      <dl className="props">
        <dt>Status</dt>
        <dd>{f.status}</dd>
        <dt>Source</dt>
        <dd>{f.source || 'Direct PUT'}</dd>
        <dt>Destination</dt>
        <dd>s3://{f.bucket}</dd>
        <dt>Buffer</dt>
        <dd>
          {formatBytes(f.bufferBytes)} ({formatPercent(f.bufferFill)} of SizeInMBs), {formatInt(f.bufferRecords)} records
        </dd>
        <dt>Next interval flush</dt>
        <dd>{f.msToFlush === null ? 'buffer empty' : `in ${formatDuration(f.msToFlush)}`}</dd>
        <dt>Objects delivered</dt>
        <dd>{formatInt(f.deliveredObjects)}</dd>
      </dl>
      {d.error && <p role="alert">{`${d.error.type}: ${d.error.message}`}</p>}
      {detail && (
        <form
          className="form-grid"
          aria-label="Delivery stream settings"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3>Destination settings (version {detail.versionId})</h3>
          <label>
            Buffer size (SizeInMBs) <input type="number" value={size} onChange={(e) => setSize(e.target.value)} />
          </label>
          <label>
            Buffer interval (IntervalInSeconds) <input type="number" value={interval} onChange={(e) => setIntervalSec(e.target.value)} />
          </label>
          <label>
            Prefix <input className="mono" value={prefix} onChange={(e) => setPrefix(e.target.value)} placeholder="data/!{timestamp:yyyy/MM/dd}/" spellCheck={false} />
          </label>
          <label>
            ErrorOutputPrefix <input className="mono" value={errorPrefix} onChange={(e) => setErrorPrefix(e.target.value)} placeholder="errors/!{firehose:error-output-type}/" spellCheck={false} />
          </label>
          <label>
            CompressionFormat{' '}
            <select value={compression} onChange={(e) => setCompression(e.target.value)}>
              {COMPRESSIONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Transform (Lambda){' '}
            <select value={transform} onChange={(e) => setTransform(e.target.value)}>
              <option value="">none</option>
              {detail.functions.map((fn) => (
                <option key={fn.name} value={fn.name}>
                  {fn.name}
                  {fn.description ? ` (${fn.description})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={dynamic} onChange={(e) => setDynamic(e.target.checked)} /> Dynamic partitioning
          </label>
          <p className="help">Dynamic partitioning can only be chosen when a delivery stream is created, and never turned off: the engine refuses it here, as AWS does.</p>
          <button type="submit" className="primary">
            Update destination
          </button>
        </form>
      )}
    </>
  );
}
