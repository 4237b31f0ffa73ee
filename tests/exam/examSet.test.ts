import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeExamSet, decodeMissionFragment, encodeExamSet, missionFragment, validateExamSet, type ExamSet } from '../../src/exam/examSet';
import { MISSIONS } from '../../src/exam/missions';
import { QUESTION_BANK } from '../../src/exam/questions';

const set: ExamSet = {
  version: 1,
  title: 'Week 3: shards',
  note: 'Do the missions first. <script>alert(1)</script> stays text.',
  items: [
    { kind: 'mission', id: 'split-the-hot-shard' },
    { kind: 'question', id: 'hot-few-keys' },
    { kind: 'question', id: 'limit-read' },
  ],
};

describe('exam set links', () => {
  it('round-trips a set through its #x= fragment, order and note kept as text', () => {
    const e = encodeExamSet(set);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    expect(e.fragment.startsWith('#x=')).toBe(true);
    expect(decodeExamSet(e.fragment)).toEqual({ ok: true, set });
  });

  it('refuses unknown ids, unknown fields, too many items and a long note with a message', () => {
    expect(validateExamSet({ ...set, items: [{ kind: 'mission', id: 'no-such-mission' }] })).toEqual({ ok: false, message: 'Item 1: there is no mission "no-such-mission" (the link may come from a newer version).' });
    expect(validateExamSet({ ...set, run: 'x' })).toEqual({ ok: false, message: 'An exam set has no field "run".' });
    expect(validateExamSet({ ...set, items: Array.from({ length: 61 }, () => set.items[1]) }).ok).toBe(false);
    expect(validateExamSet({ ...set, note: 'x'.repeat(1001) })).toEqual({ ok: false, message: "The set's note must be text of at most 1000 characters." });
    expect(validateExamSet({ ...set, version: 2 }).ok).toBe(false);
    expect(validateExamSet({ ...set, items: [{ kind: 'question', id: 'limit-read', html: '<b>' }] })).toEqual({ ok: false, message: 'Item 1 has unknown fields.' });
  });

  it('never throws on hostile fragments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeExamSet(`#x=${s}`);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    expect(decodeExamSet('#x=' + 'A'.repeat(9000))).toEqual({ ok: false, message: 'This exam set link is too long (9000 characters; at most 8192).' });
    expect(decodeExamSet('#x=!!').ok).toBe(false);
    expect(decodeExamSet('#s=abc')).toEqual({ ok: false, message: 'This is not an exam set link.' });
  });

  it('links one mission by id', () => {
    expect(missionFragment('split-the-hot-shard')).toBe('#m=split-the-hot-shard');
    expect(decodeMissionFragment('#m=split-the-hot-shard')).toEqual({ ok: true, id: 'split-the-hot-shard' });
    expect(decodeMissionFragment('#m=missing')).toEqual({ ok: false, message: 'There is no mission "missing".' });
    expect(decodeMissionFragment('#m=<img>').ok).toBe(false);
  });

  it('accepts every mission and question of the banks', () => {
    const all: ExamSet = { version: 1, title: 'all', note: '', items: [...MISSIONS.map((m) => ({ kind: 'mission' as const, id: m.id })), ...QUESTION_BANK.slice(0, 60 - MISSIONS.length).map((q) => ({ kind: 'question' as const, id: q.id }))] };
    const e = encodeExamSet(all);
    expect(e.ok && decodeExamSet(e.fragment).ok).toBe(true);
  });
});
