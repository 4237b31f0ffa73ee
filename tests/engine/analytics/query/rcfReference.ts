/**
 * The first RANDOM_CUT_FOREST implementation (object trees, arrays per node,
 * one point at a time), kept as the oracle for the typed-array, tree-by-tree
 * forest in src/engine/analytics/query/rcf.ts: same seed and inputs must give
 * the very same scores, bit for bit. One change from the original: each tree
 * draws from its own generator (seeded as rcf.ts seeds them) instead of one
 * generator shared by all trees, which is what lets rcf.ts score a batch tree
 * by tree.
 */

/** A node: a leaf holds a point (mass = copies), an internal node a cut. */
export interface RcfNode {
  min: number[];
  max: number[];
  mass: number;
  point?: number[];
  cutDim?: number;
  cutVal?: number;
  left?: RcfNode;
  right?: RcfNode;
}

export interface RcfTree {
  root?: RcfNode;
  rng: [number, number, number, number];
  /** The sample as a max-heap on weight: points and their weights. */
  heapW: number[];
  heapP: number[][];
}

export interface RcfForest {
  trees: RcfTree[];
  sampleSize: number;
  lambda: number;
  shingleSize: number;
  shingle: number[][];
  seq: number;
}

/** A forest with the given parameters, seeded by `seed` (a 32-bit integer). */
export function createForest(trees: number, sampleSize: number, timeDecay: number, shingleSize: number, seed: number): RcfForest {
  return {
    trees: Array.from({ length: trees }, (_, t) => {
      const s = (seed + Math.imul(t, 0x9e3779b9)) >>> 0 || 1;
      return { heapW: [], heapP: [], rng: [s, (s * 1103515245 + 12345) >>> 0 || 7, (s ^ 0x9e3779b9) >>> 0 || 11, (s * 69069 + 1) >>> 0 || 13] as [number, number, number, number] };
    }),
    sampleSize, lambda: timeDecay > 0 ? 1 / timeDecay : 0, shingleSize, shingle: [], seq: 0,
  };
}

/** xorshift128 on the tree's state: a float in [0, 1). */
function rand(tr: RcfTree): number {
  const r = tr.rng;
  let t = r[3];
  const s = r[0];
  r[3] = r[2];
  r[2] = r[1];
  r[1] = s;
  t ^= t << 11;
  t ^= t >>> 8;
  r[0] = (t ^ s ^ (s >>> 19)) >>> 0;
  return r[0] / 4294967296;
}

/** Scores the row's numeric vector, then learns it. Returns ANOMALY_SCORE. */
export function scoreAndUpdate(f: RcfForest, values: number[]): number {
  let point = values;
  if (f.shingleSize > 1) {
    f.shingle.push(values);
    if (f.shingle.length > f.shingleSize) f.shingle.shift();
    if (f.shingle.length < f.shingleSize) return 0;
    point = f.shingle.flat();
  }
  const warm = f.trees.every((t) => (t.root?.mass ?? 0) >= f.sampleSize / 4);
  let score = 0;
  if (warm) {
    for (const t of f.trees) score += treeScore(t.root!, point);
    score /= f.trees.length;
  }
  f.seq++;
  for (const t of f.trees) sample(f, t, point);
  return score;
}

/** Time-decayed reservoir: keep the sampleSize smallest weights. */
function sample(f: RcfForest, t: RcfTree, p: number[]): void {
  const u = Math.max(rand(t), 1e-12);
  const w = -f.seq * f.lambda + Math.log(-Math.log(u));
  if (t.heapW.length < f.sampleSize) {
    heapPush(t, w, p);
    t.root = insert(t, t.root, p);
    return;
  }
  if (w >= t.heapW[0]) return;
  const old = t.heapP[0];
  heapReplaceTop(t, w, p);
  t.root = remove(t.root!, old);
  t.root = insert(t, t.root, p);
}

function heapPush(t: RcfTree, w: number, p: number[]): void {
  const W = t.heapW, P = t.heapP;
  let i = W.length;
  W.push(w);
  P.push(p);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (W[parent] >= W[i]) break;
    [W[parent], W[i]] = [W[i], W[parent]];
    [P[parent], P[i]] = [P[i], P[parent]];
    i = parent;
  }
}

function heapReplaceTop(t: RcfTree, w: number, p: number[]): void {
  const W = t.heapW, P = t.heapP, n = W.length;
  W[0] = w;
  P[0] = p;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < n && W[l] > W[m]) m = l;
    if (r < n && W[r] > W[m]) m = r;
    if (m === i) return;
    [W[m], W[i]] = [W[i], W[m]];
    [P[m], P[i]] = [P[i], P[m]];
    i = m;
  }
}

function leaf(p: number[]): RcfNode {
  return { min: p.slice(), max: p.slice(), mass: 1, point: p };
}

function same(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Insert as in the paper: a random cut over the box grown by p either separates p here or sends it down. */
function insert(f: RcfTree, node: RcfNode | undefined, p: number[]): RcfNode {
  if (node === undefined) return leaf(p);
  if (node.point !== undefined && same(node.point, p)) {
    node.mass++;
    return node;
  }
  const d = p.length;
  let total = 0;
  for (let i = 0; i < d; i++) total += Math.max(node.max[i], p[i]) - Math.min(node.min[i], p[i]);
  if (total > 0) {
    let r = rand(f) * total;
    let dim = 0;
    for (; dim < d; dim++) {
      const lo = Math.min(node.min[dim], p[dim]);
      const span = Math.max(node.max[dim], p[dim]) - lo;
      if (r < span || dim === d - 1) {
        const cut = lo + Math.min(r, span);
        const separatesLeft = p[dim] <= cut && cut < node.min[dim];
        const separatesRight = p[dim] > cut && cut >= node.max[dim];
        if (separatesLeft || separatesRight || node.point !== undefined) {
          const nl = leaf(p);
          const left = p[dim] <= cut ? nl : node;
          const right = p[dim] <= cut ? node : nl;
          return { min: minOf(node.min, p), max: maxOf(node.max, p), mass: node.mass + 1, cutDim: dim, cutVal: cut, left, right };
        }
        break;
      }
      r -= span;
    }
  }
  // The cut fell inside the box: descend on the node's own cut.
  if (p[node.cutDim!] <= node.cutVal!) node.left = insert(f, node.left, p);
  else node.right = insert(f, node.right, p);
  grow(node, p);
  node.mass++;
  return node;
}

function grow(n: RcfNode, p: number[]): void {
  for (let i = 0; i < p.length; i++) {
    if (p[i] < n.min[i]) n.min[i] = p[i];
    if (p[i] > n.max[i]) n.max[i] = p[i];
  }
}
function minOf(a: number[], b: number[]): number[] {
  return a.map((x, i) => Math.min(x, b[i]));
}
function maxOf(a: number[], b: number[]): number[] {
  return a.map((x, i) => Math.max(x, b[i]));
}

/** Removes one copy of p; a parent left with one child is replaced by it. */
function remove(node: RcfNode, p: number[]): RcfNode | undefined {
  if (node.point !== undefined) {
    node.mass--;
    return node.mass > 0 ? node : undefined;
  }
  const goLeft = p[node.cutDim!] <= node.cutVal!;
  const child = remove(goLeft ? node.left! : node.right!, p);
  if (child === undefined) return goLeft ? node.right : node.left;
  if (goLeft) node.left = child;
  else node.right = child;
  node.mass--;
  node.min = minOf(node.left!.min, node.right!.min);
  node.max = maxOf(node.left!.max, node.right!.max);
  return node;
}

/** One tree's score for p (not yet inserted). */
function treeScore(root: RcfNode, p: number[]): number {
  const path: RcfNode[] = [];
  let n: RcfNode = root;
  while (n.point === undefined) {
    path.push(n);
    n = p[n.cutDim!] <= n.cutVal! ? n.left! : n.right!;
  }
  let depth = path.length;
  // At the leaf: a point already seen scores low, an unseen one as a cut at this depth.
  let score = same(n.point, p) ? (1 - n.mass / (2 * root.mass)) / (depth + Math.log2(n.mass + 1)) : 1 / (depth + 1);
  let below: RcfNode = n;
  for (let i = path.length - 1; i >= 0; i--) {
    depth--;
    const node = path[i];
    // Probability that a random cut of this node's box grown by p separates p.
    let grown = 0, ext = 0;
    for (let k = 0; k < p.length; k++) {
      const lo = node.min[k], hi = node.max[k];
      const e = (p[k] < lo ? lo - p[k] : 0) + (p[k] > hi ? p[k] - hi : 0);
      ext += e;
      grown += hi - lo + e;
    }
    const prob = grown > 0 ? ext / grown : 0;
    score = prob * (1 / (depth + 1)) + (1 - prob) * score;
    below = node;
  }
  void below;
  return score * Math.log2(root.mass + 1);
}
