/**
 * Timed practice sets: a seeded pick of written questions by theme, answers
 * scored per theme, and the misses kept for the review page (each with its
 * "show me" preset). Pure functions over plain data; the UI keeps the state.
 */
import { createRandom } from '../engine';
import type { ExamTheme } from './missionTypes';
import type { BankQuestion } from './questions';

export interface PracticeOptions {
  /** How many questions (capped by what the themes hold). */
  length: number;
  /** Themes to draw from; empty means all. */
  themes: readonly ExamTheme[];
  /** Seeds the pick, so a set can be retaken or shared as the same set. */
  seed: number;
  /** Minutes allowed (the UI's timer). */
  minutes: number;
}

export interface PracticeSet {
  questionIds: string[];
  minutes: number;
  seed: number;
}

/** One answered question: the option chosen, or null when time ran out first. */
export interface PracticeAnswer {
  questionId: string;
  chosen: number | null;
}

export interface ThemeScore {
  theme: ExamTheme;
  right: number;
  total: number;
}

/** Picks `length` questions from the chosen themes, spread over them, in a seeded order. */
export function buildPractice(bank: readonly BankQuestion[], o: PracticeOptions): PracticeSet {
  const pool = bank.filter((q) => o.themes.length === 0 || o.themes.includes(q.theme));
  const rnd = createRandom(`practice:${o.seed}`);
  const byTheme = new Map<ExamTheme, BankQuestion[]>();
  for (const q of pool) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  for (const list of byTheme.values()) shuffleInPlace(list, rnd);
  // Round-robin over themes so a short set still touches every chosen theme.
  const picked: BankQuestion[] = [];
  const lists = [...byTheme.values()];
  const n = Math.min(Math.max(1, Math.floor(o.length)), pool.length);
  for (let round = 0; picked.length < n; round++) for (const l of lists) if (round < l.length && picked.length < n) picked.push(l[round]);
  shuffleInPlace(picked, rnd);
  return { questionIds: picked.map((q) => q.id), minutes: o.minutes, seed: o.seed };
}

/** Right answers per theme, in the order themes first appear in the set. */
export function scoreByTheme(bank: readonly BankQuestion[], answers: readonly PracticeAnswer[]): ThemeScore[] {
  const out = new Map<ExamTheme, ThemeScore>();
  for (const a of answers) {
    const q = bank.find((x) => x.id === a.questionId);
    if (q === undefined) continue;
    const s = out.get(q.theme) ?? { theme: q.theme, right: 0, total: 0 };
    s.total++;
    if (a.chosen === q.answer) s.right++;
    out.set(q.theme, s);
  }
  return [...out.values()];
}

/** The questions answered wrongly or not at all, for the review page. */
export function misses(bank: readonly BankQuestion[], answers: readonly PracticeAnswer[]): BankQuestion[] {
  return answers.flatMap((a) => {
    const q = bank.find((x) => x.id === a.questionId);
    return q !== undefined && a.chosen !== q.answer ? [q] : [];
  });
}

function shuffleInPlace<T>(a: T[], rnd: { int(n: number): number }): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}

/** A question's options in a seeded order (the bank lists the right one anywhere), with the right option's new index. */
export function presentOptions(q: BankQuestion, seed: number): { options: string[]; answer: number; order: number[] } {
  const rnd = createRandom(`options:${q.id}:${seed}`);
  const order = q.options.map((_, i) => i);
  shuffleInPlace(order, rnd);
  return { options: order.map((i) => q.options[i]), answer: order.indexOf(q.answer), order };
}
