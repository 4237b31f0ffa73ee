/**
 * RANDOM_CUT_FOREST: a real random cut forest (Guha et al., ICML 2016), as
 * plain data (typed arrays, see rcfTree.ts). Each tree keeps a time-decayed
 * reservoir sample of at most subSampleSize points (weight -seq/timeDecay +
 * log(-log u), the smallest kept, as AWS's open-source RCF does); a point is
 * scored before it is inserted, by the tree's displacement-style visitor (a
 * cut that would separate the point near the root scores high), averaged over
 * numberOfTrees and scaled by log2(mass + 1). Scores are 0 until every tree
 * holds subSampleSize / 4 points and a full shingle has been seen. The
 * generator is the forest's own seeded xorshift128 state, so checkpoints copy
 * it with the trees.
 *
 * The point's dimension is fixed by the first row scored (its numeric
 * columns, times shingleSize); a row with another dimension or a non-finite
 * value scores 0 and is not learned.
 */
import { insertPoint, removePoint, treeScore } from './rcfTree';

export interface RcfForest {
  numberOfTrees: number;
  sampleSize: number;
  lambda: number;
  shingleSize: number;
  shingle: number[][];
  seq: number;
  /** xorshift128 state. */
  rng: Uint32Array;
  /** Point dimension (0 until the first point). */
  dim: number;
  /** Node slots per tree: a tree of n points has at most 2n - 1 nodes. */
  cap: number;
  /** Every tree holds subSampleSize / 4 points (it never goes back). */
  warm: boolean;
  /** Per tree: its root node (-1 empty), free slots. */
  root: Int32Array;
  freeTop: Int32Array;
  free: Int32Array;
  /** Per node: the cut dimension (-1 for a leaf), cut value, children, mass, box (lo, hi by dimension). */
  cutDim: Int32Array;
  cutVal: Float64Array;
  left: Int32Array;
  right: Int32Array;
  mass: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  /** Per tree: the sample as a max-heap on weight (weights, points by dimension). */
  heapN: Int32Array;
  heapW: Float64Array;
  heapP: Float64Array;
  /**
   * Per tree: u below rejectBelow is surely rejected by the reservoir (its
   * weight is at least the largest kept one) while seq <= rejectUntil; a
   * bound with a margin, so the exact test decides every other draw.
   */
  rejectBelow: Float64Array;
  rejectUntil: Float64Array;
  /** Scratch: a root-to-leaf path, and the point leaving a sample. */
  path: Int32Array;
  old: Float64Array;
}

/** A forest with the given parameters, seeded by `seed` (a 32-bit integer). */
export function createForest(trees: number, sampleSize: number, timeDecay: number, shingleSize: number, seed: number): RcfForest {
  const s = seed >>> 0 || 1;
  const none = new Float64Array(0);
  return {
    numberOfTrees: trees, sampleSize, lambda: timeDecay > 0 ? 1 / timeDecay : 0, shingleSize, shingle: [], seq: 0,
    rng: Uint32Array.of(s, (s * 1103515245 + 12345) >>> 0 || 7, (s ^ 0x9e3779b9) >>> 0 || 11, (s * 69069 + 1) >>> 0 || 13),
    dim: 0, cap: 2 * sampleSize, warm: false,
    root: new Int32Array(0), freeTop: new Int32Array(0), free: new Int32Array(0),
    cutDim: new Int32Array(0), cutVal: none, left: new Int32Array(0), right: new Int32Array(0), mass: none, lo: none, hi: none,
    heapN: new Int32Array(0), heapW: none, heapP: none, rejectBelow: none, rejectUntil: none,
    path: new Int32Array(0), old: none,
  };
}

/** Sizes the arrays for points of dimension d (at the first point). */
function allocate(f: RcfForest, d: number): void {
  const T = f.numberOfTrees, S = f.sampleSize, cap = f.cap, N = T * cap;
  f.dim = d;
  f.root = new Int32Array(T).fill(-1);
  f.freeTop = new Int32Array(T).fill(cap);
  f.free = new Int32Array(N);
  for (let t = 0; t < T; t++) for (let k = 0; k < cap; k++) f.free[t * cap + k] = t * cap + cap - 1 - k;
  f.cutDim = new Int32Array(N);
  f.cutVal = new Float64Array(N);
  f.left = new Int32Array(N);
  f.right = new Int32Array(N);
  f.mass = new Float64Array(N);
  f.lo = new Float64Array(N * d);
  f.hi = new Float64Array(N * d);
  f.heapN = new Int32Array(T);
  f.heapW = new Float64Array(T * S);
  f.heapP = new Float64Array(T * S * d);
  f.rejectBelow = new Float64Array(T);
  f.rejectUntil = new Float64Array(T).fill(-1);
  f.path = new Int32Array(cap + 1);
  f.old = new Float64Array(d);
}

/** xorshift128 on the forest's state: a float in [0, 1). */
export function rand(f: RcfForest): number {
  const r = f.rng;
  let t = r[3];
  const s = r[0];
  r[3] = r[2];
  r[2] = r[1];
  r[1] = s;
  t ^= t << 11;
  t ^= t >>> 8;
  r[0] = t ^ s ^ (s >>> 19);
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
  if (f.dim === 0) allocate(f, point.length);
  if (point.length !== f.dim || !point.every(Number.isFinite)) return 0;
  const T = f.numberOfTrees;
  if (!f.warm) {
    let all = true;
    for (let t = 0; t < T && all; t++) all = f.root[t] >= 0 && f.mass[f.root[t]] >= f.sampleSize / 4;
    f.warm = all;
  }
  let score = 0;
  if (f.warm) {
    for (let t = 0; t < T; t++) score += treeScore(f, t, point);
    score /= T;
  }
  f.seq++;
  for (let t = 0; t < T; t++) sample(f, t, point);
  return score;
}

/** Largest seq steps a rejection bound is kept for (it loosens as seq grows). */
const BOUND_STEPS = 1 << 20;
/** Margin on u: far above the rounding in the weight (|dw/du| = 1 / (u |ln u|) >= e). */
const U_MARGIN = 1e-9;

/** Time-decayed reservoir: keep the sampleSize smallest weights. */
function sample(f: RcfForest, t: number, p: number[]): void {
  const u = Math.max(rand(f), 1e-12);
  const S = f.sampleSize, d = f.dim;
  if (f.heapN[t] < S) {
    heapPush(f, t, -f.seq * f.lambda + Math.log(-Math.log(u)), p);
    insertPoint(f, t, p);
    return;
  }
  if (f.seq > f.rejectUntil[t]) bound(f, t);
  // w >= top  <=>  u <= exp(-exp(top + seq * lambda)); exp and log only for draws near that line.
  if (u < f.rejectBelow[t]) return;
  const w = -f.seq * f.lambda + Math.log(-Math.log(u));
  if (w >= f.heapW[t * S]) return;
  const at = t * S * d;
  for (let i = 0; i < d; i++) f.old[i] = f.heapP[at + i];
  heapReplaceTop(f, t, w, p);
  f.rejectUntil[t] = -1;
  removePoint(f, t, f.old);
  insertPoint(f, t, p);
}

/** A lower bound on the rejection threshold of tree t for the next steps (the threshold falls as seq rises). */
function bound(f: RcfForest, t: number): void {
  const steps = f.lambda > 0 ? Math.max(1, Math.min(BOUND_STEPS, Math.floor(0.01 / f.lambda))) : BOUND_STEPS;
  const top = f.heapW[t * f.sampleSize];
  const last = f.seq + steps;
  f.rejectUntil[t] = last;
  // Far from zero the weights round too coarsely for the margin: no bound there.
  const T = top + last * f.lambda;
  f.rejectBelow[t] = Math.abs(top) < 1e6 && Math.abs(last * f.lambda) < 1e6 ? Math.exp(-Math.exp(T)) - U_MARGIN : -1;
}

function heapSet(f: RcfForest, t: number, i: number, w: number, p: ArrayLike<number>): void {
  const S = f.sampleSize, d = f.dim;
  f.heapW[t * S + i] = w;
  for (let k = 0; k < d; k++) f.heapP[(t * S + i) * d + k] = p[k];
}

function heapSwap(f: RcfForest, t: number, a: number, b: number): void {
  const S = f.sampleSize, d = f.dim, W = f.heapW, P = f.heapP;
  const wa = W[t * S + a];
  W[t * S + a] = W[t * S + b];
  W[t * S + b] = wa;
  const pa = (t * S + a) * d, pb = (t * S + b) * d;
  for (let k = 0; k < d; k++) {
    const x = P[pa + k];
    P[pa + k] = P[pb + k];
    P[pb + k] = x;
  }
}

function heapPush(f: RcfForest, t: number, w: number, p: ArrayLike<number>): void {
  const W = f.heapW, base = t * f.sampleSize;
  let i = f.heapN[t]++;
  heapSet(f, t, i, w, p);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (W[base + parent] >= W[base + i]) break;
    heapSwap(f, t, parent, i);
    i = parent;
  }
}

function heapReplaceTop(f: RcfForest, t: number, w: number, p: ArrayLike<number>): void {
  const W = f.heapW, base = t * f.sampleSize, n = f.heapN[t];
  heapSet(f, t, 0, w, p);
  let i = 0;
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < n && W[base + l] > W[base + m]) m = l;
    if (r < n && W[base + r] > W[base + m]) m = r;
    if (m === i) return;
    heapSwap(f, t, m, i);
    i = m;
  }
}
