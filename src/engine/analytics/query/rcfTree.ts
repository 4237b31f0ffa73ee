/**
 * The random cut trees of a forest, in typed arrays shared by all its trees
 * (node n of tree t lives at t * cap + n): a leaf holds a point (its box is
 * the point, its mass the copies), an internal node a cut and the bounding
 * box of everything below it. Boxes are kept exactly the union of the
 * children's boxes: inserting grows them along the insertion path, removing
 * recomputes them from the children only above a leaf that went away.
 * The operations follow Guha et al. (ICML 2016) and AWS's open-source RCF,
 * and draw their random cuts from the forest's generator in the same order
 * as the object-tree implementation they replace, so scores are unchanged.
 *
 * Layout, for speed: what a walk down reads (cut dimension or -1 for a leaf,
 * left, right) sits in `links`, four int32 a node, beside the cut value in
 * `cuts`; the
 * box is `box[n * 2d + 2i]` (low) and `+ 1` (high) for dimension i.
 */
import type { RcfForest } from './rcf';
import { rand } from './rcf';

/** Leaf marker in a node's cut dimension. */
const LEAF = -1;
/** Offsets in a node's four links: the cut dimension (LEAF for a leaf), the children (LEFT + 1 is RIGHT), one unused. */
const DIM = 0, LEFT = 1, RIGHT = 2;

/** A free node slot of tree t. */
function alloc(f: RcfForest, t: number): number {
  return f.free[t * f.cap + --f.freeTop[t]];
}
function release(f: RcfForest, t: number, n: number): void {
  f.free[t * f.cap + f.freeTop[t]++] = n;
}

function newLeaf(f: RcfForest, t: number, p: Float64Array, o: number): number {
  const n = alloc(f, t), d = f.dim, box = f.box;
  for (let i = 0; i < d; i++) {
    box[n * 2 * d + 2 * i] = p[o + i];
    box[n * 2 * d + 2 * i + 1] = p[o + i];
  }
  f.mass[n] = 1;
  f.links[n * 4 + DIM] = LEAF;
  return n;
}

function samePoint(f: RcfForest, leaf: number, p: Float64Array, o: number): boolean {
  const d = f.dim, box = f.box, at = leaf * 2 * d;
  for (let i = 0; i < d; i++) if (box[at + 2 * i] !== p[o + i]) return false;
  return true;
}

/** Points `parent`'s link to `from` (or the root when parent < 0) at `to`. */
function relink(f: RcfForest, t: number, parent: number, from: number, to: number): void {
  if (parent < 0) f.root[t] = to;
  else if (f.links[parent * 4 + LEFT] === from) f.links[parent * 4 + LEFT] = to;
  else f.links[parent * 4 + RIGHT] = to;
}

/** The child of internal node n that the point at p[o..] goes down to. */
function down(f: RcfForest, n: number, p: Float64Array, o: number): number {
  const links = f.links;
  return p[o + links[n * 4 + DIM]] <= f.cuts[n] ? links[n * 4 + LEFT] : links[n * 4 + RIGHT];
}

/**
 * Inserts p as in the paper: at each node a random cut over the box grown by
 * p either separates p from the box (p becomes a sibling leaf here) or falls
 * inside it, and p goes down the node's own cut. A point equal to a leaf's
 * adds a copy.
 */
export function insertPoint(f: RcfForest, t: number, pts: Float64Array, o: number): void {
  const d = f.dim, box = f.box, links = f.links, path = f.path;
  let node = f.root[t];
  if (node < 0) {
    f.root[t] = newLeaf(f, t, pts, o);
    return;
  }
  let depth = 0, parent = -1;
  for (;;) {
    const leaf = links[node * 4 + DIM] === LEAF;
    if (leaf && samePoint(f, node, pts, o)) {
      f.mass[node]++;
      break;
    }
    const at = node * 2 * d;
    let total = 0;
    for (let i = 0; i < d; i++) total += Math.max(box[at + 2 * i + 1], pts[o + i]) - Math.min(box[at + 2 * i], pts[o + i]);
    let placed = false;
    if (total > 0) {
      let r = rand(f, t) * total;
      for (let dim = 0; dim < d; dim++) {
        const l = Math.min(box[at + 2 * dim], pts[o + dim]);
        const span = Math.max(box[at + 2 * dim + 1], pts[o + dim]) - l;
        if (r < span || dim === d - 1) {
          const cut = l + Math.min(r, span);
          const separatesLeft = pts[o + dim] <= cut && cut < box[at + 2 * dim];
          const separatesRight = pts[o + dim] > cut && cut >= box[at + 2 * dim + 1];
          if (separatesLeft || separatesRight || leaf) {
            const nl = newLeaf(f, t, pts, o);
            const inner = alloc(f, t), ai = inner * 2 * d;
            for (let i = 0; i < d; i++) {
              box[ai + 2 * i] = Math.min(box[at + 2 * i], pts[o + i]);
              box[ai + 2 * i + 1] = Math.max(box[at + 2 * i + 1], pts[o + i]);
            }
            f.mass[inner] = f.mass[node] + 1;
            f.cuts[inner] = cut;
            links[inner * 4 + DIM] = dim;
            links[inner * 4 + LEFT] = pts[o + dim] <= cut ? nl : node;
            links[inner * 4 + RIGHT] = pts[o + dim] <= cut ? node : nl;
            relink(f, t, parent, node, inner);
            placed = true;
          }
          break;
        }
        r -= span;
      }
    }
    if (placed) break;
    // The cut fell inside the box: descend on the node's own cut.
    path[depth++] = node;
    parent = node;
    node = down(f, node, pts, o);
  }
  for (let k = 0; k < depth; k++) {
    const n = path[k], at = n * 2 * d;
    for (let i = 0; i < d; i++) {
      if (pts[o + i] < box[at + 2 * i]) box[at + 2 * i] = pts[o + i];
      if (pts[o + i] > box[at + 2 * i + 1]) box[at + 2 * i + 1] = pts[o + i];
    }
    f.mass[n]++;
  }
}

/** Removes one copy of q (found by following the cuts); a parent left with one child is replaced by it. */
export function removePoint(f: RcfForest, t: number, q: Float64Array): void {
  const d = f.dim, box = f.box, links = f.links, path = f.path;
  let node = f.root[t], depth = 0;
  while (links[node * 4 + DIM] !== LEAF) {
    path[depth++] = node;
    node = down(f, node, q, 0);
  }
  let top = depth; // ancestors path[0..top) lose one unit of mass
  if (--f.mass[node] === 0) {
    release(f, t, node);
    if (depth === 0) {
      f.root[t] = -1;
      return;
    }
    const parent = path[--top];
    const sibling = links[parent * 4 + LEFT] === node ? links[parent * 4 + RIGHT] : links[parent * 4 + LEFT];
    release(f, t, parent);
    relink(f, t, top > 0 ? path[top - 1] : -1, parent, sibling);
    // Boxes above the removed leaf shrink to the union of their children.
    for (let k = top - 1; k >= 0; k--) {
      const n = path[k], at = n * 2 * d, a = links[n * 4 + LEFT] * 2 * d, b = links[n * 4 + RIGHT] * 2 * d;
      for (let i = 0; i < d; i++) {
        box[at + 2 * i] = Math.min(box[a + 2 * i], box[b + 2 * i]);
        box[at + 2 * i + 1] = Math.max(box[a + 2 * i + 1], box[b + 2 * i + 1]);
      }
    }
  }
  for (let k = 0; k < top; k++) f.mass[path[k]]--;
}

/** 1 / (k + 1) for the depths a walk meets (the same divisions, done once). */
const RECIP = Float64Array.from({ length: 4096 }, (_, k) => 1 / (k + 1));
function recip(k: number): number {
  return k < RECIP.length ? RECIP[k] : 1 / (k + 1);
}

/**
 * Tree t's score for the point at pts[o..] (not yet inserted): from the leaf
 * it falls into, up to the root, each node mixes in the probability that a
 * random cut of its box grown by the point would separate it there (scoring
 * 1 / (depth + 1)). A node whose box already holds the point has probability
 * 0 and leaves the score as it is, and so do all nodes above it (their boxes
 * hold its box), so the walk up stops there. `scale` is log2(root mass + 1),
 * the caller's, computed once per change of the tree.
 */
export function treeScore(f: RcfForest, t: number, p: Float64Array, o: number, scale: number): number {
  const links = f.links, cuts = f.cuts, path = f.path, d = f.dim, box = f.box;
  let n = f.root[t], depth = 0;
  for (;;) {
    const dim = links[n * 4 + DIM];
    if (dim === LEAF) break;
    path[depth++] = n;
    n = links[n * 4 + LEFT + (p[o + dim] > cuts[n] ? 1 : 0)];
  }
  // At the leaf: a point already seen scores low, an unseen one as a cut at this depth.
  let score = samePoint(f, n, p, o) ? (1 - f.mass[n] / (2 * f.mass[f.root[t]])) / (depth + Math.log2(f.mass[n] + 1)) : recip(depth);
  for (let k = depth - 1; k >= 0; k--) {
    const at = path[k] * 2 * d;
    let grown = 0, ext = 0;
    for (let i = 0; i < d; i++) {
      const l = box[at + 2 * i], h = box[at + 2 * i + 1], x = p[o + i];
      const ex = (x < l ? l - x : 0) + (x > h ? x - h : 0);
      ext += ex;
      grown += h - l + ex;
    }
    if (ext === 0) break;
    const prob = ext / grown;
    score = prob * recip(k) + (1 - prob) * score;
  }
  return score * scale;
}
