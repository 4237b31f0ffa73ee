/**
 * The player: the synthetic scene (a room; a person, pet or package passing
 * through at seeded times) drawn on a canvas at the playback position, with
 * the boxes a running Rekognition processor detects, and the lag behind live.
 * A text line says the same for screen readers.
 */
import { useEffect, useRef } from 'react';
import type { SceneObject } from '../../engine';

const W = 320;
const H = 180;
const FILL = { PERSON: '#4a6fa5', PET: '#b5803a', PACKAGE: '#8a6d3b' } as const;

export function ScenePlayer({ scene, detections, lagMs, position }: { scene: SceneObject[]; detections: SceneObject[]; lagMs?: number; position?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    // The room: wall, floor, a door on the right.
    g.fillStyle = '#e8e4da';
    g.fillRect(0, 0, W, H);
    g.fillStyle = '#c9bfa8';
    g.fillRect(0, H * 0.7, W, H * 0.3);
    g.fillStyle = '#7a5c3e';
    g.fillRect(W * 0.82, H * 0.2, W * 0.12, H * 0.5);
    for (const o of scene) {
      g.fillStyle = FILL[o.label];
      g.fillRect(o.box.Left * W, o.box.Top * H, o.box.Width * W, o.box.Height * H);
    }
    g.lineWidth = 2;
    g.strokeStyle = '#d11';
    g.fillStyle = '#d11';
    g.font = '10px sans-serif';
    for (const d of detections) {
      g.strokeRect(d.box.Left * W, d.box.Top * H, d.box.Width * W, d.box.Height * H);
      g.fillText(`${d.label} ${d.confidence.toFixed(1)}%`, d.box.Left * W, Math.max(10, d.box.Top * H - 2));
    }
  }, [scene, detections]);
  const what = scene.length === 0 ? 'an empty room' : scene.map((o) => (o.who !== undefined ? `${o.label.toLowerCase()} (${o.who})` : o.label.toLowerCase())).join(', ');
  return (
    <figure className="scene-player">
      <canvas ref={ref} width={W} height={H} aria-label="Synthetic camera picture" role="img" />
      <figcaption>
        <span role="status">
        {position === undefined ? 'Nothing stored to play yet.' : `Showing ${what}${detections.length > 0 ? `; detected: ${detections.map((d) => d.label).join(', ')}` : ''}; ${((lagMs ?? 0) / 1000).toFixed(1)} s behind live.`}
        </span>
      </figcaption>
    </figure>
  );
}
