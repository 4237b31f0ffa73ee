import { describe, it, expect } from 'vitest';
import { buildPractice, misses, scoreByTheme } from '../../src/exam/practice';
import { QUESTION_BANK } from '../../src/exam/questions';

describe('practice sets', () => {
  it('picks the asked number from the chosen themes, touching each theme, the same for the same seed', () => {
    const a = buildPractice(QUESTION_BANK, { length: 6, themes: ['fan-out', 'kcl', 'firehose-buffering'], seed: 3, minutes: 10 });
    expect(a.questionIds).toHaveLength(6);
    const themes = a.questionIds.map((id) => QUESTION_BANK.find((q) => q.id === id)!.theme);
    expect(new Set(themes)).toEqual(new Set(['fan-out', 'kcl', 'firehose-buffering']));
    expect(themes.filter((t) => t === 'kcl')).toHaveLength(2);
    expect(buildPractice(QUESTION_BANK, { length: 6, themes: ['fan-out', 'kcl', 'firehose-buffering'], seed: 3, minutes: 10 })).toEqual(a);
    expect(new Set(a.questionIds).size).toBe(6);
  });

  it('caps the length at what the themes hold, and takes all themes when none is chosen', () => {
    const kpl = QUESTION_BANK.filter((q) => q.theme === 'kpl').length;
    expect(buildPractice(QUESTION_BANK, { length: 50, themes: ['kpl'], seed: 1, minutes: 5 }).questionIds).toHaveLength(kpl);
    expect(buildPractice(QUESTION_BANK, { length: 1000, themes: [], seed: 1, minutes: 5 }).questionIds).toHaveLength(QUESTION_BANK.length);
  });

  it('scores per theme and lists the misses, unanswered ones included', () => {
    const ids = ['limit-write', 'limit-read', 'efo-limit', 'kcl-failover'];
    const bank = QUESTION_BANK;
    const right = (id: string) => bank.find((q) => q.id === id)!.answer;
    const answers = [
      { questionId: 'limit-write', chosen: right('limit-write') },
      { questionId: 'limit-read', chosen: (right('limit-read') + 1) % 4 },
      { questionId: 'efo-limit', chosen: right('efo-limit') },
      { questionId: 'kcl-failover', chosen: null },
    ];
    expect(ids).toEqual(answers.map((a) => a.questionId));
    expect(scoreByTheme(bank, answers)).toEqual([
      { theme: 'throughput-errors', right: 1, total: 2 },
      { theme: 'fan-out', right: 1, total: 1 },
      { theme: 'kcl', right: 0, total: 1 },
    ]);
    expect(misses(bank, answers).map((q) => q.id)).toEqual(['limit-read', 'kcl-failover']);
  });
});
