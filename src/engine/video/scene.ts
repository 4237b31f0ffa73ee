/**
 * The synthetic scene every camera sees: a room that a person, a pet or a
 * package passes through at seeded times. It is a pure function of the seed,
 * the stream name and the time (plus visits a scenario scripts), so the
 * player draws it, Rekognition "detects" it, and both agree, bit for bit.
 * Video bytes are not simulated; this scene is what they would show.
 */
import { hash32 } from '../core/random';

/** Labels the scene holds (Rekognition's connected-home labels). */
export type SceneLabel = 'PERSON' | 'PET' | 'PACKAGE';

/** One pass of something through the room. */
export interface SceneVisit {
  id: string;
  label: SceneLabel;
  /** For a person: who (a resident name, or "stranger"). */
  who?: string;
  start: number;
  end: number;
  /** Vertical lane 0..1, so passes differ. */
  lane: number;
}

/** A box in Rekognition's ratio form (0..1 of the frame). */
export interface SceneBox {
  Left: number;
  Top: number;
  Width: number;
  Height: number;
}

/** Something visible at an instant. */
export interface SceneObject {
  visit: string;
  label: SceneLabel;
  who?: string;
  box: SceneBox;
  /** How sure a detector is of it (deterministic per visit), percent. */
  confidence: number;
}

/** The residents a face collection can index; anyone else is a stranger. */
export const RESIDENTS = ['alice', 'bob', 'carol', 'dan'] as const;
/** One visit may start in each slot of this length (about 34 passes a day: a front door, not a station). */
export const SCENE_SLOT_MS = 15 * 60 * 1000;
const VISIT_CHANCE = 0.35;

function rand(seed: string, slot: number, k: number): number {
  return hash32(`${seed}|${slot}|${k}`) / 4294967296;
}

/** The seeded visit of a slot, if any. */
export function visitInSlot(seed: string, slot: number): SceneVisit | undefined {
  if (rand(seed, slot, 0) >= VISIT_CHANCE) return undefined;
  const start = slot * SCENE_SLOT_MS + Math.floor(rand(seed, slot, 1) * (SCENE_SLOT_MS - 60000));
  const r = rand(seed, slot, 3);
  const label: SceneLabel = r < 0.6 ? 'PERSON' : r < 0.9 ? 'PET' : 'PACKAGE';
  const duration = label === 'PACKAGE' ? 60000 : 8000 + Math.floor(rand(seed, slot, 2) * 22000);
  const v: SceneVisit = { id: `v${slot}`, label, start, end: start + duration, lane: rand(seed, slot, 5) };
  if (label === 'PERSON') {
    const i = Math.floor(rand(seed, slot, 4) * (RESIDENTS.length + 1));
    v.who = i < RESIDENTS.length ? RESIDENTS[i] : 'stranger';
  }
  return v;
}

/** The scene's seed for one stream. */
export function sceneSeed(simSeed: number | string, stream: string): string {
  return `${simSeed}/${stream}`;
}

/** Visits overlapping [from, to], seeded and scripted, in start order. */
export function visitsBetween(seed: string, from: number, to: number, scripted: readonly SceneVisit[] = []): SceneVisit[] {
  const out: SceneVisit[] = [];
  for (let slot = Math.floor((from - 60000) / SCENE_SLOT_MS); slot * SCENE_SLOT_MS <= to; slot++) {
    const v = visitInSlot(seed, slot);
    if (v !== undefined && v.end >= from && v.start <= to) out.push(v);
  }
  for (const v of scripted) if (v.end >= from && v.start <= to) out.push(v);
  return out.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
}

/** The first visit that ends after `t` (searching at most `horizonMs` ahead). */
export function nextVisitEndingAfter(seed: string, t: number, scripted: readonly SceneVisit[] = [], horizonMs = 24 * 3600 * 1000): SceneVisit | undefined {
  let best: SceneVisit | undefined;
  for (const v of scripted) if (v.end > t && (best === undefined || v.end < best.end)) best = v;
  for (let slot = Math.floor((t - 60000) / SCENE_SLOT_MS); slot * SCENE_SLOT_MS <= t + horizonMs; slot++) {
    if (best !== undefined && slot * SCENE_SLOT_MS > best.end) break;
    const v = visitInSlot(seed, slot);
    if (v !== undefined && v.end > t && (best === undefined || v.end < best.end)) best = v;
  }
  return best;
}

/** Where a visit's object is at `t`: people and pets cross the room, a package stays put. */
export function objectOf(v: SceneVisit, t: number): SceneObject | undefined {
  if (t < v.start || t > v.end) return undefined;
  const p = (t - v.start) / Math.max(1, v.end - v.start);
  const confidence = 80 + Math.round(hash32(v.id) % 1900) / 100;
  if (v.label === 'PACKAGE') return { visit: v.id, label: v.label, box: { Left: 0.68, Top: 0.72, Width: 0.12, Height: 0.12 }, confidence };
  const w = v.label === 'PERSON' ? 0.14 : 0.16;
  const h = v.label === 'PERSON' ? 0.5 : 0.16;
  const top = v.label === 'PERSON' ? 0.25 + v.lane * 0.15 : 0.7 + v.lane * 0.12;
  const left = Math.min(1 - w, Math.max(0, -w + p * (1 + w)));
  const o: SceneObject = { visit: v.id, label: v.label, box: { Left: round(left), Top: round(top), Width: w, Height: h }, confidence };
  if (v.who !== undefined) o.who = v.who;
  return o;
}

/** Everything visible at `t`. */
export function sceneAt(seed: string, t: number, scripted: readonly SceneVisit[] = []): SceneObject[] {
  const out: SceneObject[] = [];
  for (const v of visitsBetween(seed, t, t, scripted)) {
    const o = objectOf(v, t);
    if (o !== undefined) out.push(o);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
