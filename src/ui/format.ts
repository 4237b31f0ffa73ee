/** Number formatting shared by the panels (plain text, never HTML). */

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return int.format(n);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${one.format(n / (1024 * 1024))} MiB`;
  if (n >= 1024) return `${one.format(n / 1024)} KiB`;
  return `${int.format(n)} B`;
}

export function formatPercent(f: number): string {
  return `${int.format(f * 100)}%`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${int.format(ms)} ms`;
  if (ms < 60_000) return `${one.format(ms / 1000)} s`;
  if (ms < 3_600_000) return `${one.format(ms / 60_000)} min`;
  return `${one.format(ms / 3_600_000)} h`;
}

/** What a load figure's window covers, in words: "last 10 s", or fewer seconds early in a run. */
export function formatWindow(heat: { windowMs: number; seconds: number }): string {
  const asked = Math.round(heat.windowMs / 1000);
  if (heat.seconds <= 0) return 'no data yet';
  return heat.seconds < asked ? `last ${int.format(heat.seconds)} s (all the run has so far)` : `last ${int.format(asked)} s`;
}

/** A shard id without its zero padding, for tight spots: shardId-000000000007 -> 7. */
export function shortShardId(id: string): string {
  return String(Number(id.replace(/^shardId-/, '')));
}
