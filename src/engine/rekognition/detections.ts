/** What a running processor sees at an instant, for the player's boxes: the scene's objects its settings detect. */
import { sceneAt, sceneSeed, type SceneObject } from '../video/scene';
import type { RekognitionContext } from './context';
import { reportsObject } from './labelFilter';

/** Objects detected on `stream` at server time `t` by a processor that was running then. */
export function detectionsAt(ctx: RekognitionContext, stream: string, t: number): Array<SceneObject & { processor: string }> {
  const out: Array<SceneObject & { processor: string }> = [];
  for (const p of ctx.processors.values()) {
    if (p.inputStreamName !== stream) continue;
    if (!p.runs.some((r) => t >= r.start && (r.end === undefined || t < r.end))) continue;
    if (p.session !== undefined && (t < p.session.start || t > p.session.end)) continue;
    for (const o of sceneAt(sceneSeed(ctx.core.seed, stream), t, ctx.video.scriptedVisits.get(stream) ?? [])) {
      if (reportsObject(p, o)) out.push({ ...o, processor: p.name });
    }
  }
  return out;
}
