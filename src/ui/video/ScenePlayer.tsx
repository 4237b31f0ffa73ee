/**
 * The player: the synthetic scene (a room; a person, pet or package passing
 * through at seeded times) drawn on a canvas at the playback position, with
 * the boxes a running Rekognition processor detects, and the lag behind live.
 * A text line says the same for screen readers.
 */
import { useEffect, useRef } from 'react';
import type { SceneObject } from '../../engine';
import { drawScene } from './drawScene';

const W = 320;
const H = 180;

export function ScenePlayer({ scene, detections, lagMs, position }: { scene: SceneObject[]; detections: SceneObject[]; lagMs?: number; position?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    drawScene(g, W, H, scene, detections);
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
