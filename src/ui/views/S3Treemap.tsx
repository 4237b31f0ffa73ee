/**
 * Delivered prefixes as a d3 treemap: area is bytes, each tile names its
 * prefix with its object count and size. Tiles are buttons: a prefix lists
 * its objects (and zooms the map into it), an object opens. Arrow keys move
 * between tiles; Enter or Space activates one. Text labels, never colour
 * alone: depth shows as lightness and as the tile's text.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { PrefixNode } from '../../worker/inspectProtocol';
import { formatBytes, formatInt } from '../format';

const W = 720;
const H = 260;
const FILLS = ['#dbe9f6', '#bad6ee', '#95c1e3', '#6aa6d6', '#4a8cc7'];

/** The subtree at `prefix` ('' is the root). */
export function subtreeAt(root: PrefixNode, prefix: string): PrefixNode {
  if (prefix === '') return root;
  let node = root;
  for (;;) {
    const next = node.children?.find((c) => c.path !== node.path && prefix.startsWith(c.path) && c.path.endsWith('/'));
    if (next === undefined) return node;
    node = next;
    if (node.path === prefix) return node;
  }
}

export function S3Treemap({ tree, prefix, onPrefix, onObject }: { tree: PrefixNode; prefix: string; onPrefix: (p: string) => void; onObject: (key: string) => void }) {
  const focus = subtreeAt(tree, prefix);
  const tiles = useMemo(() => {
    const h = hierarchy(focus, (d) => d.children)
      .sum((d) => (d.children === undefined ? Math.max(1, d.bytes) : 0))
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    const laid = treemap<PrefixNode>().tile(treemapSquarify).size([W, H]).paddingInner(2).paddingTop(16).round(true)(h);
    // Two levels below the focus: its children, and their children inside them.
    return laid.descendants().filter((d) => d.depth >= 1 && d.depth <= 2);
  }, [focus]);
  const refs = useRef<Array<SVGGElement | null>>([]);
  const activate = (d: HierarchyRectangularNode<PrefixNode>) => {
    const n = d.data;
    if (n.children !== undefined || n.path.endsWith('/')) onPrefix(n.path);
    else onObject(n.path);
  };
  const onKey = (e: KeyboardEvent, i: number, d: HierarchyRectangularNode<PrefixNode>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(d);
      return;
    }
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    refs.current[(i + step + tiles.length) % tiles.length]?.focus();
  };
  if (focus.objects === 0) return <p className="muted">No objects delivered yet.</p>;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="treemap" role="group" aria-label={`Treemap of ${focus.path || focus.name}: ${formatInt(focus.objects)} objects, ${formatBytes(focus.bytes)}. Use the arrow keys to move between tiles and Enter to open one.`}>
      {tiles.map((d, i) => {
        const n = d.data;
        const w = d.x1 - d.x0, h = d.y1 - d.y0;
        const isPrefix = n.children !== undefined || n.path.endsWith('/');
        const label = isPrefix ? `Prefix ${n.path}: ${formatInt(n.objects)} objects, ${formatBytes(n.bytes)}` : `Object ${n.path}: ${formatBytes(n.bytes)}`;
        return (
          <g
            key={`${d.depth}:${n.path}:${n.name}`}
            ref={(el) => {
              refs.current[i] = el;
            }}
            transform={`translate(${d.x0},${d.y0})`}
            role="button"
            tabIndex={0}
            aria-label={label}
            className={`tile depth-${d.depth}`}
            onClick={(e) => {
              e.stopPropagation();
              activate(d);
            }}
            onKeyDown={(e) => onKey(e, i, d)}
          >
            <title>{label}</title>
            <rect width={Math.max(0, w)} height={Math.max(0, h)} fill={FILLS[Math.min(FILLS.length - 1, d.depth - 1 + (isPrefix ? 0 : 2))]} stroke="#1b1f24" strokeOpacity={0.35} />
            {w > 46 && h > 13 && (
              <text x={4} y={12} className="tile-label">
                {isPrefix ? clip(n.name, Math.floor(w / 6.5)) : clipStart(n.name, Math.floor(w / 6.5))}
                {w > 120 && isPrefix ? ` · ${formatInt(n.objects)} obj · ${formatBytes(n.bytes)}` : ''}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, Math.max(1, n - 1)) + '…';
}

/** Keeps the end of an object name (Firehose names start with the stream's name; the time and id at the end tell them apart). */
function clipStart(s: string, n: number): string {
  return s.length <= n ? s : '…' + s.slice(s.length - Math.max(1, n - 1));
}
