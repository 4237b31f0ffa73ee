import { describe, expect, it } from 'vitest';
import { CursorReport } from '../../../../src/engine/traffic/consumers/consumerTotals';
import { createCursor, touchCursors, type ShardCursor } from '../../../../src/engine/traffic/consumers/shardCursor';
import type { AgeBoardLike, MetricsSink } from '../../../../src/engine/traffic/trafficService';
import type { ShardState } from '../../../../src/engine/kinesis/shardModel';

/** A sink whose board records what it was told; columns are given out in order of first request. */
function fakeSink() {
  const columns = new Map<string, number>();
  const reports: Array<{ cols: number[]; ages: number[]; maxAge: number }> = [];
  const board: AgeBoardLike & { layout: number } = {
    layout: 0,
    column: (id) => columns.get(id) ?? (columns.set(id, columns.size + 10), columns.size + 9),
    reportMany: (cols, ages, n, maxAge) => reports.push({ cols: Array.from(cols.subarray(0, n)), ages: Array.from(ages.subarray(0, n)), maxAge }),
  };
  const sink = { ageBoard: () => board } as unknown as MetricsSink;
  return { sink, board, reports, columns };
}

/** The simulation's cursor epoch (a KinesisContext field). */
const ctx = { cursorEpoch: 0 };

function cursor(id: string, age: number, polls: number, ended = false): ShardCursor {
  const c = createCursor(ctx, { shardId: id } as ShardState, 0);
  c.iteratorAgeMs = age;
  c.counters.polls = polls;
  c.ended = ended;
  return c;
}

describe('CursorReport', () => {
  it('reports every live cursor age each second, walking the cursors only after one changed', () => {
    const { sink, board, reports, columns } = fakeSink();
    const cursors = [cursor('shard-a', 5000, 3), cursor('shard-b', 250, 4), cursor('shard-c', 9000, 7, true)];
    let walks = 0;
    const list = () => (walks++, cursors);
    const r = new CursorReport();
    expect(r.report(ctx, sink, 's', list)).toBe(14); // polls of all three, the ended one included
    expect(r.report(ctx, sink, 's', list)).toBe(14);
    expect(walks).toBe(1);
    expect(reports).toEqual([
      { cols: [10, 11], ages: [5000, 250], maxAge: 5000 },
      { cols: [10, 11], ages: [5000, 250], maxAge: 5000 },
    ]);
    // A cursor moved (stepCursor and retirements touch the epoch): walk again.
    cursors[1].iteratorAgeMs = 7000;
    cursors[1].counters.polls = 5;
    touchCursors(ctx);
    expect(r.report(ctx, sink, 's', list)).toBe(15);
    expect(walks).toBe(2);
    expect(reports[2]).toEqual({ cols: [10, 11], ages: [5000, 7000], maxAge: 7000 });
    // The stream's columns were laid out again (an expired shard): resolve them anew.
    columns.clear();
    columns.set('shard-b', 3);
    board.layout = 1;
    r.report(ctx, sink, 's', list);
    expect(walks).toBe(3);
    expect(reports[3]).toEqual({ cols: [11, 3], ages: [5000, 7000], maxAge: 7000 });
    // The epoch is the simulation's own: another simulation's cursors moving changes nothing here.
    touchCursors({ cursorEpoch: 0 });
    r.report(ctx, sink, 's', list);
    expect(walks).toBe(3);
  });

  it('reports nothing when every cursor has ended, but still counts their polls', () => {
    const { sink, reports } = fakeSink();
    const r = new CursorReport();
    expect(r.report(ctx, sink, 's', () => [cursor('x', 100, 2, true)])).toBe(2);
    expect(reports).toEqual([]);
  });
});
