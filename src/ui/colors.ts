/**
 * Write-use colours: ColorBrewer's sequential YlOrRd scale (lightness falls
 * monotonically, so it reads for colour-blind people and in greyscale), with
 * text and a hatch pattern as the second and third signal.
 */
import { interpolateYlOrRd } from 'd3-scale-chromatic';

/** Fill colour for a write use of 0..1 (clamped; above 1 is the darkest). A plain function, not a React hook: safe in loops and canvas code. */
export function writeUseColor(use: number): string {
  return interpolateYlOrRd(0.08 + 0.92 * Math.min(1, Math.max(0, use)));
}

/**
 * A text label for write use, so colour is never the only signal. "hot" is the
 * engine's verdict (isHot in engine/traffic/hotShards.ts, carried in the
 * snapshot), never a threshold of the UI's own.
 */
export function writeUseLabel(use: number, throttled: number, hot: boolean): string {
  if (throttled > 0) return 'throttling';
  if (hot) return 'hot';
  if (use >= 0.5) return 'busy';
  return 'calm';
}
