/**
 * Exam progress kept in the browser: missions passed (with the moment and the
 * hints used) and the last practice scores per theme. Read back as untrusted
 * data (localStorage is as untrusted as a link): anything malformed is dropped.
 */
import type { KeyValueStore } from './scenarioStorage';
import type { ThemeScore } from '../../exam/practice';

const KEY = 'kinesis-sim:exam-progress:v1';

export interface MissionProgress {
  passed: boolean;
  /** Simulated ms after the start when the goal was first met. */
  passedAtMs?: number;
  hintsUsed: number;
  attempts: number;
}

export interface ExamProgress {
  missions: Record<string, MissionProgress>;
  /** Totals over every practice set taken, per theme. */
  practice: Record<string, { right: number; total: number }>;
}

const empty = (): ExamProgress => ({ missions: {}, practice: {} });

export class ExamProgressStore {
  constructor(private readonly store: KeyValueStore | undefined = typeof localStorage === 'undefined' ? undefined : localStorage) {}

  load(): ExamProgress {
    try {
      const raw = this.store?.getItem(KEY);
      if (raw === null || raw === undefined || raw.length > 200000) return empty();
      const doc = JSON.parse(raw) as unknown;
      return sanitize(doc);
    } catch {
      return empty();
    }
  }

  /** Records one attempt's outcome (a pass is kept once earned). */
  recordMission(id: string, outcome: { passed: boolean; passedAtMs?: number; hintsUsed: number }): ExamProgress {
    const p = this.load();
    const old = p.missions[id] ?? { passed: false, hintsUsed: 0, attempts: 0 };
    p.missions[id] = outcome.passed && !old.passed
      ? { passed: true, passedAtMs: outcome.passedAtMs, hintsUsed: outcome.hintsUsed, attempts: old.attempts + 1 }
      : { ...old, attempts: old.attempts + 1 };
    this.save(p);
    return p;
  }

  /** Adds a practice set's scores to the per-theme totals. */
  recordPractice(scores: readonly ThemeScore[]): ExamProgress {
    const p = this.load();
    for (const s of scores) {
      const t = p.practice[s.theme] ?? { right: 0, total: 0 };
      p.practice[s.theme] = { right: t.right + s.right, total: t.total + s.total };
    }
    this.save(p);
    return p;
  }

  private save(p: ExamProgress): void {
    try {
      this.store?.setItem(KEY, JSON.stringify(p));
    } catch {
      // Private mode or a full store: progress lives for this page only.
    }
  }
}

function sanitize(doc: unknown): ExamProgress {
  const out = empty();
  if (doc === null || typeof doc !== 'object') return out;
  const d = doc as { missions?: unknown; practice?: unknown };
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1e9;
  if (d.missions !== null && typeof d.missions === 'object') {
    for (const [id, v] of Object.entries(d.missions as Record<string, unknown>)) {
      if (!/^[a-z0-9-]{1,64}$/.test(id) || v === null || typeof v !== 'object') continue;
      const m = v as Record<string, unknown>;
      if (typeof m.passed !== 'boolean' || !isCount(m.hintsUsed) || !isCount(m.attempts)) continue;
      out.missions[id] = { passed: m.passed, hintsUsed: m.hintsUsed as number, attempts: m.attempts as number, ...(isCount(m.passedAtMs) ? { passedAtMs: m.passedAtMs as number } : {}) };
    }
  }
  if (d.practice !== null && typeof d.practice === 'object') {
    for (const [theme, v] of Object.entries(d.practice as Record<string, unknown>)) {
      if (!/^[a-z-]{1,40}$/.test(theme) || v === null || typeof v !== 'object') continue;
      const t = v as Record<string, unknown>;
      if (isCount(t.right) && isCount(t.total) && (t.right as number) <= (t.total as number)) out.practice[theme] = { right: t.right as number, total: t.total as number };
    }
  }
  return out;
}
