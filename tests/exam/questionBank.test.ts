import { describe, it, expect } from 'vitest';
import { QUESTION_BANK, findQuestion } from '../../src/exam/questions';
import { PRESETS } from '../../src/scenarios/presets';
import { THEME_LABELS } from '../../src/exam/missionTypes';
import { presentOptions } from '../../src/exam/practice';

describe('the written question bank', () => {
  it('holds at least 60 questions with unique ids, each tied to a listed preset, a domain and a theme', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).toBe(QUESTION_BANK.length);
    const presetIds = new Set(PRESETS.map((p) => p.id));
    for (const q of QUESTION_BANK) {
      expect(presetIds.has(q.presetId), `${q.id} -> ${q.presetId}`).toBe(true);
      expect(q.domain, q.id).toMatch(/^(DEA-C01|SAA-C03|DVA-C02) D\d /);
      expect(THEME_LABELS[q.theme], q.id).toBeTypeOf('string');
    }
  });

  it('has four distinct options per question and an answer among them', () => {
    for (const q of QUESTION_BANK) {
      expect(q.options.length, q.id).toBe(4);
      expect(new Set(q.options).size, q.id).toBe(4);
      expect(q.answer >= 0 && q.answer < q.options.length, q.id).toBe(true);
      expect(q.why.length, q.id).toBeGreaterThan(40);
    }
  });

  it('marks the values where older study material and today\'s AWS disagree', () => {
    const era = QUESTION_BANK.filter((q) => q.era !== undefined).map((q) => q.id);
    expect(era).toEqual(expect.arrayContaining(['retention-max', 'reshard-update-count', 'fh-buffer-range', 'putrecords-limits']));
    expect(findQuestion('retention-max')?.era?.older).toBe('Older material says the maximum retention is 7 days (168 hours).');
  });

  it('presents options in a seeded order, so the right answer is not always in the same place', () => {
    const positions = QUESTION_BANK.map((q) => {
      const p = presentOptions(q, 7);
      expect([...p.order].sort()).toEqual([0, 1, 2, 3]);
      expect(p.options[p.answer]).toBe(q.options[q.answer]);
      expect(presentOptions(q, 7)).toEqual(p);
      return p.answer;
    });
    const counts = [0, 1, 2, 3].map((i) => positions.filter((x) => x === i).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
  });
});
