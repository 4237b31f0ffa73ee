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
 */
import type { RcfForest } from './rcf';
import { rand } from './rcf';

/** Leaf marker in cutDim. */
const LEAF = -1;

/** A free node slot of tree t. */
function alloc(f: RcfForest, t: number): number {
  return f.free[t * f.cap + --f.freeTop[t]];
}
function release(f: RcfForest, t: number, n: number): void {
  f.free[t * f.cap + f.freeTop[t]++] = n;
}

function newLeaf(f: RcfForest, t: number, p: ArrayLike<number>): number {
  const n = alloc(f, t), d = f.dim;
  for (let i = 0; i < d; i++) {
    f.lo[n * d + i] = p[i];
    f.hi[n * d + i] = p[i];
  }
  f.mass[n] = 1;
  f.cutDim[n] = LEAF;
  return n;
}

function samePoint(f: RcfForest, leaf: number, p: ArrayLike<number>): boolean {
  const d = f.dim, lo = f.lo;
  for (let i = 0; i < d; i++) if (lo[leaf * d + i] !== p[i]) return false;
  return true;
}

/** Points `parent`'s link to `from` (or the root when parent < 0) at `to`. */
function relink(f: RcfForest, t: number, parent: number, from: number, to: number): void {
  if (parent < 0) f.root[t] = to;
  else if (f.left[parent] === from) f.left[parent] = to;
  else f.right[parent] = to;
}

/**
 * Inserts p as in the paper: at each node a random cut over the box grown by
 * p either separates p from the box (p becomes a sibling leaf here) or falls
 * inside it, and p goes down the node's own cut. A point equal to a leaf's
 * adds a copy.
 */
export function insertPoint(f: RcfForest, t: number, p: ArrayLike<number>): void {
  const d = f.dim, lo = f.lo, hi = f.hi, path = f.path;
  let node = f.root[t];
  if (node < 0) {
    f.root[t] = newLeaf(f, t, p);
    return;
  }
  let depth = 0, parent = -1;
  for (;;) {
    const leaf = f.cutDim[node] === LEAF;
    if (leaf && samePoint(f, node, p)) {
      f.mass[node]++;
      break;
    }
    let total = 0;
    for (let i = 0; i < d; i++) total += Math.max(hi[node * d + i], p[i]) - Math.min(lo[node * d + i], p[i]);
    let placed = false;
    if (total > 0) {
      let r = rand(f) * total;
      for (let dim = 0; dim < d; dim++) {
        const l = Math.min(lo[node * d + dim], p[dim]);
        const span = Math.max(hi[node * d + dim], p[dim]) - l;
        if (r < span || dim === d - 1) {
          const cut = l + Math.min(r, span);
          const separatesLeft = p[dim] <= cut && cut < lo[node * d + dim];
          const separatesRight = p[dim] > cut && cut >= hi[node * d + dim];
          if (separatesLeft || separatesRight || leaf) {
            const nl = newLeaf(f, t, p);
            const inner = alloc(f, t);
            for (let i = 0; i < d; i++) {
              lo[inner * d + i] = Math.min(lo[node * d + i], p[i]);
              hi[inner * d + i] = Math.max(hi[node * d + i], p[i]);
            }
            f.mass[inner] = f.mass[node] + 1;
            f.cutDim[inner] = dim;
            f.cutVal[inner] = cut;
            f.left[inner] = p[dim] <= cut ? nl : node;
            f.right[inner] = p[dim] <= cut ? node : nl;
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
    node = p[f.cutDim[node]] <= f.cutVal[node] ? f.left[node] : f.right[node];
  }
  for (let k = 0; k < depth; k++) {
    const n = path[k];
    for (let i = 0; i < d; i++) {
      if (p[i] < lo[n * d + i]) lo[n * d + i] = p[i];
      if (p[i] > hi[n * d + i]) hi[n * d + i] = p[i];
    }
    f.mass[n]++;
  }
}

/** Removes one copy of q (found by following the cuts); a parent left with one child is replaced by it. */
export function removePoint(f: RcfForest, t: number, q: ArrayLike<number>): void {
  const d = f.dim, lo = f.lo, hi = f.hi, path = f.path;
  let node = f.root[t], depth = 0;
  while (f.cutDim[node] !== LEAF) {
    path[depth++] = node;
    node = q[f.cutDim[node]] <= f.cutVal[node] ? f.left[node] : f.right[node];
  }
  let top = depth; // ancestors path[0..top) lose one unit of mass
  if (--f.mass[node] === 0) {
    release(f, t, node);
    if (depth === 0) {
      f.root[t] = -1;
      return;
    }
    const parent = path[--top];
    const sibling = f.left[parent] === node ? f.right[parent] : f.left[parent];
    release(f, t, parent);
    relink(f, t, top > 0 ? path[top - 1] : -1, parent, sibling);
    // Boxes above the removed leaf shrink to the union of their children.
    for (let k = top - 1; k >= 0; k--) {
      const n = path[k], a = f.left[n], b = f.right[n];
      for (let i = 0; i < d; i++) {
        lo[n * d + i] = Math.min(lo[a * d + i], lo[b * d + i]);
        hi[n * d + i] = Math.max(hi[a * d + i], hi[b * d + i]);
      }
    }
  }
  for (let k = 0; k < top; k++) f.mass[path[k]]--;
}

/**
 * Tree t's score for p (not yet inserted): from the leaf p falls into, up to
 * the root, each node mixes in the probability that a random cut of its box
 * grown by p would separate p there (scoring 1 / (depth + 1)). A node whose
 * box already holds p has probability 0 and leaves the score as it is, and so
 * do all nodes above it (their boxes hold its box), so the walk up stops there.
 */
export function treeScore(f: RcfForest, t: number, p: ArrayLike<number>): number {
  const d = f.dim, lo = f.lo, hi = f.hi, path = f.path, cutDim = f.cutDim, cutVal = f.cutVal;
  const root = f.root[t];
  let n = root, depth = 0;
  while (cutDim[n] !== LEAF) {
    path[depth++] = n;
    n = p[cutDim[n]] <= cutVal[n] ? f.left[n] : f.right[n];
  }
  const rootMass = f.mass[root];
  // At the leaf: a point already seen scores low, an unseen one as a cut at this depth.
  let score = samePoint(f, n, p) ? (1 - f.mass[n] / (2 * rootMass)) / (depth + Math.log2(f.mass[n] + 1)) : 1 / (depth + 1);
  for (let k = depth - 1; k >= 0; k--) {
    const node = path[k];
    let grown = 0, ext = 0;
    for (let i = 0; i < d; i++) {
      const l = lo[node * d + i], h = hi[node * d + i], x = p[i];
      const e = (x < l ? l - x : 0) + (x > h ? x - h : 0);
      ext += e;
      grown += h - l + e;
    }
    if (ext === 0) break;
    const prob = ext / grown;
    score = prob * (1 / (k + 1)) + (1 - prob) * score;
  }
  return score * Math.log2(rootMass + 1);
}
