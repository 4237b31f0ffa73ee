/**
 * Draws the synthetic scene (a room with a door; people, pets and packages as
 * their boxes) and a processor's detections on a 2D canvas. The player and
 * the clip export draw with this one function, so a downloaded clip shows
 * what the player shows.
 */
import type { SceneObject } from '../../engine';

const FILL = { PERSON: '#4a6fa5', PET: '#b5803a', PACKAGE: '#8a6d3b' } as const;

export function drawScene(g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, w: number, h: number, scene: readonly SceneObject[], detections: readonly SceneObject[]): void {
  g.fillStyle = '#e8e4da';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#c9bfa8';
  g.fillRect(0, h * 0.7, w, h * 0.3);
  g.fillStyle = '#7a5c3e';
  g.fillRect(w * 0.82, h * 0.2, w * 0.12, h * 0.5);
  for (const o of scene) {
    g.fillStyle = FILL[o.label];
    g.fillRect(o.box.Left * w, o.box.Top * h, o.box.Width * w, o.box.Height * h);
  }
  g.lineWidth = 2;
  g.strokeStyle = '#d11';
  g.fillStyle = '#d11';
  g.font = '10px sans-serif';
  for (const d of detections) {
    g.strokeRect(d.box.Left * w, d.box.Top * h, d.box.Width * w, d.box.Height * h);
    g.fillText(`${d.label} ${d.confidence.toFixed(1)}%`, d.box.Left * w, Math.max(10, d.box.Top * h - 2));
  }
}
