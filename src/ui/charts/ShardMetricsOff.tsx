/**
 * What a shard-level chart shows while enhanced monitoring does not publish
 * its metric: AWS publishes shard-level metrics only after
 * EnableEnhancedMonitoring, so there is nothing to draw. The button enables
 * them (a scenario command, recorded like any other edit).
 */
import { useApp } from '../store/store';
import { enableEnhancedMonitoring } from '../commands';

/** True when the stream's enhanced monitoring publishes every metric in `metrics`. */
export function shardMetricsOn(enabled: readonly string[] | undefined, metrics: readonly string[]): boolean {
  return metrics.every((m) => enabled?.includes(m) === true);
}

export function ShardMetricsOff({ title, stream, metrics }: { title: string; stream: string; metrics: readonly string[] }) {
  const run = useApp((s) => s.run);
  return (
    <figure className="chart chart-off" aria-label={`${title}: no data`}>
      <figcaption>{title}</figcaption>
      <p role="note">
        Shard-level metrics are off: enable enhanced monitoring ({metrics.join(', ')}) to see this chart. Stream-level metrics are always published;
        shard-level ones only from the moment enhanced monitoring is on.
      </p>
      <button
        type="button"
        onClick={() => void run(enableEnhancedMonitoring(stream), `EnableEnhancedMonitoring ALL on ${stream}`)}
      >
        Enable enhanced monitoring (ALL)
      </button>
    </figure>
  );
}
