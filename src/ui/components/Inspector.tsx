/**
 * The inspector: the selected node's parameters and actions. Every action is
 * a command to the engine; a refusal shows the engine's own error text.
 */
import { useApp } from '../store/store';
import { ShardInspector } from './ShardInspector';
import { StreamInspector } from './StreamInspector';
import { ProducerInspector } from './ProducerInspector';
import { ConsumerInspector } from './ConsumerInspector';
import { FirehoseInspector } from './FirehoseInspector';
import { AnalyticsInspector } from './AnalyticsInspector';
import { CameraInspector, VideoConsumerInspector, VideoStreamInspector } from './VideoInspector';

export function Inspector() {
  const selected = useApp((s) => s.selected);
  const firstStream = useApp((s) => s.snapshot?.streams[0]?.name);
  const firstVideo = useApp((s) => s.snapshot?.video?.streams[0]?.name);
  let body;
  if (selected === null || selected.kind === 'stream') {
    const name = selected?.kind === 'stream' ? selected.stream : firstStream;
    body = name !== undefined ? <StreamInspector name={name} /> : firstVideo !== undefined ? <VideoStreamInspector name={firstVideo} /> : <p>Loading the simulation…</p>;
  } else if (selected.kind === 'shard') body = <ShardInspector stream={selected.stream} shardId={selected.shardId} />;
  else if (selected.kind === 'producer') body = <ProducerInspector id={selected.id} />;
  else if (selected.kind === 'consumer') body = <ConsumerInspector id={selected.id} />;
  else if (selected.kind === 'firehose') body = <FirehoseInspector name={selected.name} />;
  else if (selected.kind === 'analytics') body = <AnalyticsInspector name={selected.name} />;
  else if (selected.kind === 'camera') body = <CameraInspector name={selected.name} />;
  else if (selected.kind === 'videoStream') body = <VideoStreamInspector name={selected.name} />;
  else if (selected.kind === 'videoConsumer') body = <VideoConsumerInspector kind={selected.consumerKind} name={selected.name} />;
  else body = <p>Bucket {selected.name}: open the S3 objects view to browse what was delivered.</p>;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
