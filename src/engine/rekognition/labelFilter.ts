/**
 * Which scene objects a connected-home (label detection) processor reports:
 * its labels (ALL for every label), its minimum confidence and its regions of
 * interest. One rule, read by the analysis that writes notifications and by
 * the player's boxes, so the two never disagree.
 *
 * Regions [BC-REK RegionOfInterest]: "A word, face, or label is included in
 * the region if it is more than half in that region. If there is more than one
 * region, [it] is compared with all regions": an object is kept when more than
 * half of its box lies inside at least one region (a box, or a polygon of up
 * to 10 points), in the frame's ratio coordinates.
 */
import type { SceneBox, SceneLabel, SceneObject } from '../video/scene';
import type { ProcessorState, RegionOfInterest } from './types';

/** The labels ALL stands for. */
export const ALL_LABELS: readonly SceneLabel[] = ['PERSON', 'PET', 'PACKAGE'];

/**
 * MinConfidence when a connected-home processor gives none. The API reference
 * states no default; the simulator takes 50 percent (a simulator choice, shown
 * in the Limits tab with the processor's settings).
 */
export const DEFAULT_MIN_CONFIDENCE = 50;

/** FaceMatchThreshold when a face search processor gives none: "The default is 80" [BC-REK FaceSearchSettings]. */
export const DEFAULT_FACE_MATCH_THRESHOLD = 80;

/** The labels a processor detects (face search: people, whose faces it matches). */
export function detectedLabels(p: ProcessorState): readonly string[] {
  const home = p.settings.ConnectedHome;
  if (home === undefined) return ['PERSON'];
  return home.Labels.includes('ALL') ? ALL_LABELS : home.Labels;
}

/** Whether processor `p` reports object `o`. */
export function reportsObject(p: ProcessorState, o: SceneObject): boolean {
  if (!detectedLabels(p).includes(o.label)) return false;
  const home = p.settings.ConnectedHome;
  if (home !== undefined && o.confidence < (home.MinConfidence ?? DEFAULT_MIN_CONFIDENCE)) return false;
  return p.regionsOfInterest === undefined || p.regionsOfInterest.length === 0 || p.regionsOfInterest.some((r) => overlapShare(o.box, r) > 0.5);
}

/** The share (0..1) of `box`'s area inside region `r`. */
export function overlapShare(box: SceneBox, r: RegionOfInterest): number {
  const area = box.Width * box.Height;
  if (!(area > 0)) return 0;
  if (r.Polygon !== undefined && r.Polygon.length >= 3) return polygonArea(clipToBox(r.Polygon.map((q) => [q.X ?? 0, q.Y ?? 0] as const), box)) / area;
  const b = r.BoundingBox;
  if (b === undefined) return 0;
  const w = Math.min(box.Left + box.Width, (b.Left ?? 0) + (b.Width ?? 0)) - Math.max(box.Left, b.Left ?? 0);
  const h = Math.min(box.Top + box.Height, (b.Top ?? 0) + (b.Height ?? 0)) - Math.max(box.Top, b.Top ?? 0);
  return w > 0 && h > 0 ? (w * h) / area : 0;
}

type Pt = readonly [number, number];

/** Sutherland–Hodgman: the part of polygon `poly` inside the (convex) rectangle `box`. */
function clipToBox(poly: readonly Pt[], box: SceneBox): Pt[] {
  const edges: Array<[(p: Pt) => boolean, (a: Pt, b: Pt) => Pt]> = [
    [(p) => p[0] >= box.Left, (a, b) => atX(a, b, box.Left)],
    [(p) => p[0] <= box.Left + box.Width, (a, b) => atX(a, b, box.Left + box.Width)],
    [(p) => p[1] >= box.Top, (a, b) => atY(a, b, box.Top)],
    [(p) => p[1] <= box.Top + box.Height, (a, b) => atY(a, b, box.Top + box.Height)],
  ];
  let out: Pt[] = [...poly];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

function atX(a: Pt, b: Pt, x: number): Pt {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}
function atY(a: Pt, b: Pt, y: number): Pt {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

/** Shoelace area of a simple polygon. */
function polygonArea(poly: readonly Pt[]): number {
  let twice = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}
