/**
 * RANDOM_CUT_FOREST: a real random cut forest (Guha et al., ICML 2016), as
 * plain data (typed arrays, see rcfTree.ts). Each tree keeps a time-decayed
 * reservoir sample of at most subSampleSize points (weight -seq/timeDecay +
 * log(-log u), the smallest kept, as AWS's open-source RCF does); a point is
 * scored before it is inserted, by the tree's displacement-style visitor (a
 * cut that would separate the point near the root scores high), averaged over
 * numberOfTrees and scaled by log2(mass + 1). Scores are 0 until every tree
 * holds subSampleSize / 4 points and a full shingle has been seen.
 *
 * Each tree draws from its own seeded xorshift128 generator (as each tree of
 * AWS's open-source RCF has its own sampler and random source), held in the
 * forest so checkpoints copy it with the trees. The trees are then
 * independent of one another, and a batch of rows is scored tree by tree
 * (scoreBatch): one tree's few kilobytes stay in the cache for the whole
 * batch, which is what makes 100 trees affordable. A row's score is the sum
 * over the trees in tree order, divided by their number, whatever the batch.
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
  /** Per tree: xorshift128 state (four words at t * 4). */
  rng: Uint32Array;
  /** Points learned so far (every tree learns the first subSampleSize). */
  learned: number;
  /** Point dimension (0 until the first point). */
  dim: number;
  /** Node slots per tree: a tree of n points has at most 2n - 1 nodes. */
  cap: number;
  /** Per tree: its root node (-1 empty), free slots. */
  root: Int32Array;
  freeTop: Int32Array;
  free: Int32Array;
  /** Per node: cut dimension (-1 for a leaf), left, right, unused (see rcfTree.ts); cut value; mass; box (low, high by dimension). */
  links: Int32Array;
  cuts: Float64Array;
  mass: Float64Array;
  box: Float64Array;
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
  /** Scratch: a root-to-leaf path; the point leaving a sample. */
  path: Int32Array;
  old: Float64Array;
}

/** A forest with the given parameters, seeded by `seed` (a 32-bit integer). */
export function createForest(trees: number, sampleSize: number, timeDecay: number, shingleSize: number, seed: number): RcfForest {
  const rng = new Uint32Array(trees * 4);
  for (let t = 0; t < trees; t++) {
    // Tree t's seed: the forest's, mixed with t (golden-ratio step), then the first implementation's expansion.
    const s = (seed + Math.imul(t, 0x9e3779b9)) >>> 0 || 1;
    rng.set([s, (s * 1103515245 + 12345) >>> 0 || 7, (s ^ 0x9e3779b9) >>> 0 || 11, (s * 69069 + 1) >>> 0 || 13], t * 4);
  }
  const none = new Float64Array(0);
  return {
    numberOfTrees: trees, sampleSize, lambda: timeDecay > 0 ? 1 / timeDecay : 0, shingleSize, shingle: [], seq: 0,
    rng, learned: 0, dim: 0, cap: 2 * sampleSize,
    root: new Int32Array(0), freeTop: new Int32Array(0), free: new Int32Array(0),
    links: new Int32Array(0), cuts: none, mass: none, box: none,
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
  f.links = new Int32Array(N * 4);
  f.cuts = new Float64Array(N);
  f.mass = new Float64Array(N);
  f.box = new Float64Array(N * 2 * d);
  f.heapN = new Int32Array(T);
  f.heapW = new Float64Array(T * S);
  f.heapP = new Float64Array(T * S * d);
  f.rejectBelow = new Float64Array(T);
  f.rejectUntil = new Float64Array(T).fill(-1);
  f.path = new Int32Array(cap + 1);
  f.old = new Float64Array(d);
}

/** xorshift128 on tree `tree`'s state: a float in [0, 1). */
export function rand(f: RcfForest, tree: number): number {
  const r = f.rng, k = tree * 4;
  let t = r[k + 3];
  const s = r[k];
  r[k + 3] = r[k + 2];
  r[k + 2] = r[k + 1];
  r[k + 1] = s;
  t ^= t << 11;
  t ^= t >>> 8;
  r[k] = t ^ s ^ (s >>> 19);
  return r[k] / 4294967296;
}

/**
 * The point a row's numeric vector stands for (with the shingle of the rows
 * before it), or undefined when it scores 0 without being learned: the
 * shingle is not full yet, or the vector has another dimension than the
 * forest's or a non-finite value. Rows go through here in order.
 */
export function rowPoint(f: RcfForest, values: number[]): number[] | undefined {
  let point = values;
  if (f.shingleSize > 1) {
    f.shingle.push(values);
    if (f.shingle.length > f.shingleSize) f.shingle.shift();
    if (f.shingle.length < f.shingleSize) return undefined;
    point = f.shingle.flat();
  }
  if (f.dim === 0) allocate(f, point.length);
  if (point.length !== f.dim || !point.every(Number.isFinite)) return undefined;
  return point;
}

/**
 * Scores n points (pts[i * dim ..]) in order, each before it is learned, into
 * scores[0..n): tree by tree, each tree scoring and then sampling point after
 * point, exactly as if the rows had come one at a time.
 */
export function scoreBatch(f: RcfForest, pts: Float64Array, n: number, scores: Float64Array): void {
  const T = f.numberOfTrees, seq0 = f.seq;
  // Every tree has learned min(learned, subSampleSize) points: scores start once that reaches subSampleSize / 4.
  const warmFrom = Math.max(0, Math.ceil(f.sampleSize / 4 - f.learned));
  scores.fill(0, 0, n);
  for (let t = 0; t < T; t++) scoreTree(f, t, pts, n, warmFrom, seq0, scores);
  for (let i = warmFrom; i < n; i++) scores[i] /= T;
  f.seq = seq0 + n;
  f.learned += n;
}

/**
 * Tree t's part of scoreBatch: each point scored, then offered to the
 * reservoir (sample, inlined for the common case). The tree's generator is
 * held in locals between the points (the same xorshift128 steps as rand) and
 * written back before anything else draws from it (insertPoint's cuts); the
 * score's log2(mass + 1) factor is computed once per change of the tree.
 */
function scoreTree(f: RcfForest, t: number, pts: Float64Array, n: number, warmFrom: number, seq0: number, scores: Float64Array): void {
  const S = f.sampleSize, d = f.dim, lambda = f.lambda, r = f.rng, k = t * 4;
  const heapN = f.heapN, heapW = f.heapW, rejectBelow = f.rejectBelow, rejectUntil = f.rejectUntil;
  // The words as int32 (the same bits as the Uint32Array's): small integers in registers, not heap numbers.
  let s0 = r[k] | 0, s1 = r[k + 1] | 0, s2 = r[k + 2] | 0, s3 = r[k + 3] | 0;
  let scale = f.root[t] < 0 ? 0 : Math.log2(f.mass[f.root[t]] + 1);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    if (i >= warmFrom) scores[i] += treeScore(f, t, pts, o, scale);
    // rand(f, t), on the locals.
    let x = s3;
    const s = s0;
    s3 = s2;
    s2 = s1;
    s1 = s;
    x ^= x << 11;
    x ^= x >>> 8;
    s0 = x ^ s ^ (s >>> 19);
    const u = Math.max((s0 >>> 0) / 4294967296, 1e-12);
    // Written back at once: code after the loop would first run in optimized (OSR) code without type feedback and deoptimize on every call.
    setRng(r, k, s0, s1, s2, s3);
    const seq = seq0 + i + 1;
    if (heapN[t] >= S) {
      // sample()'s rejections, without touching the tree.
      if (seq > rejectUntil[t]) bound(f, t, seq);
      if (u < rejectBelow[t]) continue;
      if (-seq * lambda + Math.log(-Math.log(u)) >= heapW[t * S]) continue;
    }
    learn(f, t, pts, o, seq, u);
    s0 = r[k] | 0; s1 = r[k + 1] | 0; s2 = r[k + 2] | 0; s3 = r[k + 3] | 0;
    scale = Math.log2(f.mass[f.root[t]] + 1);
  }
}

/** Writes a tree's generator back. */
function setRng(r: Uint32Array, k: number, s0: number, s1: number, s2: number, s3: number): void {
  r[k] = s0;
  r[k + 1] = s1;
  r[k + 2] = s2;
  r[k + 3] = s3;
}

/** Scores the row's numeric vector, then learns it. Returns ANOMALY_SCORE. */
export function scoreAndUpdate(f: RcfForest, values: number[]): number {
  const point = rowPoint(f, values);
  if (point === undefined) return 0;
  const out = new Float64Array(1);
  scoreBatch(f, Float64Array.from(point), 1, out);
  return out[0];
}

/** Largest seq steps a rejection bound is kept for (it loosens as seq grows). */
const BOUND_STEPS = 1 << 20;
/** Margin on u: far above the rounding in the weight (|dw/du| = 1 / (u |ln u|) >= e). */
const U_MARGIN = 1e-9;

/**
 * Time-decayed reservoir (keep the sampleSize smallest weights), for a draw
 * `u` the caller has not rejected: a tree not yet full keeps the point; a
 * full one keeps it when its weight is below the largest kept, which leaves.
 */
function learn(f: RcfForest, t: number, pts: Float64Array, o: number, seq: number, u: number): void {
  const S = f.sampleSize, d = f.dim;
  if (f.heapN[t] < S) {
    heapPush(f, t, -seq * f.lambda + Math.log(-Math.log(u)), pts, o);
    insertPoint(f, t, pts, o);
    return;
  }
  // w >= top  <=>  u <= exp(-exp(top + seq * lambda)); exp and log only for draws near that line (scoreTree).
  const w = -seq * f.lambda + Math.log(-Math.log(u));
  if (w >= f.heapW[t * S]) return;
  const at = t * S * d;
  for (let i = 0; i < d; i++) f.old[i] = f.heapP[at + i];
  heapReplaceTop(f, t, w, pts, o);
  f.rejectUntil[t] = -1;
  removePoint(f, t, f.old);
  insertPoint(f, t, pts, o);
}

/** A lower bound on the rejection threshold of tree t for the next steps (the threshold falls as seq rises). */
function bound(f: RcfForest, t: number, seq: number): void {
  const steps = f.lambda > 0 ? Math.max(1, Math.min(BOUND_STEPS, Math.floor(0.01 / f.lambda))) : BOUND_STEPS;
  const top = f.heapW[t * f.sampleSize];
  const last = seq + steps;
  f.rejectUntil[t] = last;
  // Far from zero the weights round too coarsely for the margin: no bound there.
  const T = top + last * f.lambda;
  f.rejectBelow[t] = Math.abs(top) < 1e6 && Math.abs(last * f.lambda) < 1e6 ? Math.exp(-Math.exp(T)) - U_MARGIN : -1;
}

function heapSet(f: RcfForest, t: number, i: number, w: number, p: Float64Array, o: number): void {
  const S = f.sampleSize, d = f.dim;
  f.heapW[t * S + i] = w;
  for (let k = 0; k < d; k++) f.heapP[(t * S + i) * d + k] = p[o + k];
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

function heapPush(f: RcfForest, t: number, w: number, p: Float64Array, o: number): void {
  const W = f.heapW, base = t * f.sampleSize;
  let i = f.heapN[t]++;
  heapSet(f, t, i, w, p, o);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (W[base + parent] >= W[base + i]) break;
    heapSwap(f, t, parent, i);
    i = parent;
  }
}

function heapReplaceTop(f: RcfForest, t: number, w: number, p: Float64Array, o: number): void {
  const W = f.heapW, base = t * f.sampleSize, n = f.heapN[t];
  heapSet(f, t, 0, w, p, o);
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
