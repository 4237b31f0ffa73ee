import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OBJECT_CHUNK, ObjectChunk, ObjectTable } from '../../../src/engine/s3/objectTable';
import type { S3ObjectState } from '../../../src/engine/s3/s3Model';
import { copyState } from '../../../src/engine/checkpoint/copyState';
import { restoreState } from '../../../src/engine/checkpoint/restoreState';

const obj = (key: string, size: number): S3ObjectState => ({ key, size, sizeExact: false, lastModified: 1767225600000 + size, lazy: { kind: 'test', n: size } as never });
const view = (t: ObjectTable | Map<string, S3ObjectState>) => [...t.entries()].map(([k, o]) => `${k}=${o.key}:${o.size}:${o.sizeExact}`);

describe('ObjectTable', () => {
  it('answers as a Map does (get, has, size, insertion order) through sets, overwrites, deletes and re-adds across sealed chunks (property)', () => {
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ t: fc.constant('set' as const), k: fc.integer({ min: 0, max: 900 }), v: fc.integer({ min: 0, max: 1e6 }) }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), k: fc.integer({ min: 0, max: 900 }) }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('touch' as const), k: fc.integer({ min: 0, max: 900 }) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 300, maxLength: 1500 }), (ops) => {
        const t = new ObjectTable();
        const m = new Map<string, S3ObjectState>();
        for (const o of ops) {
          const key = `k${o.k}`;
          if (o.t === 'set') {
            t.set(key, obj(key, o.v));
            m.set(key, obj(key, o.v));
          } else if (o.t === 'delete') expect(t.delete(key)).toBe(m.delete(key));
          else {
            // As a read that makes a lazy size exact: the table hands out a changeable object.
            const w = t.writable(key);
            const r = m.get(key);
            expect(w === undefined).toBe(r === undefined);
            if (w !== undefined && r !== undefined) w.sizeExact = r.sizeExact = true;
          }
          expect(t.size).toBe(m.size);
          expect(t.has(key)).toBe(m.has(key));
          expect(t.get(key)?.size).toBe(m.get(key)?.size);
        }
        expect(view(t)).toEqual(view(m));
        expect([...t.keys()]).toEqual([...m.keys()]);
      }),
      { numRuns: 15, seed: 9 },
    );
  });

  it('freezes sealed objects and changes a copy at their place, never the sealed one', () => {
    const t = new ObjectTable();
    for (let i = 0; i < OBJECT_CHUNK + 3; i++) t.set(`k${i}`, obj(`k${i}`, i));
    const sealed = t.get('k5')!;
    expect(Object.isFrozen(sealed)).toBe(true);
    expect(Object.isFrozen(t.get(`k${OBJECT_CHUNK + 1}`)!)).toBe(false);
    const w = t.writable('k5')!;
    expect(w).not.toBe(sealed);
    w.size = 99;
    w.sizeExact = true;
    expect(sealed.size).toBe(5);
    expect(t.get('k5')).toBe(w);
    expect([...t.keys()].indexOf('k5')).toBe(5);
  });

  it('keeps an exact object waiting for compression (keepBody) unfrozen at its place, so it can still be built in place', () => {
    const t = new ObjectTable();
    const waiting: S3ObjectState = { key: 'w', size: 10, sizeExact: false, lastModified: 0, keepBody: true, lazy: { kind: 'x', raw: new Uint8Array(3) } as never };
    t.set('w', waiting);
    for (let i = 0; i < OBJECT_CHUNK; i++) t.set(`k${i}`, obj(`k${i}`, i));
    expect(t.get('w')).toBe(waiting);
    expect(Object.isFrozen(waiting)).toBe(false);
    expect([...t.keys()][0]).toBe('w');
  });

  it('is shared by checkpoints chunk by chunk: a restored table holds the same sealed chunks, rebuilds its index and answers the same', () => {
    const world = { t: new ObjectTable() };
    for (let i = 0; i < 3 * OBJECT_CHUNK + 10; i++) world.t.set(`k${i}`, obj(`k${i}`, i));
    world.t.delete('k7');
    world.t.writable('k300')!.sizeExact = true;
    const { copy, shared, bytes } = copyState(world);
    expect([...shared.keys()].length).toBe(3);
    for (const c of shared.keys()) expect(c).toBeInstanceOf(ObjectChunk);
    // The copy holds the tail of 10 objects, the patch and the tombstone, not 778 objects.
    expect(bytes).toBeLessThan(20_000);
    const fresh = { t: new ObjectTable() };
    fresh.t.set('other', obj('other', 1));
    restoreState(copy, fresh);
    expect(view(fresh.t)).toEqual(view(world.t));
    expect(fresh.t.get('k7')).toBeUndefined();
    expect(fresh.t.get('k300')!.sizeExact).toBe(true);
    expect(fresh.t.get('other')).toBeUndefined();
    // Each world goes on alone: a change in the restored one leaves the original (and the checkpoint) as they were.
    fresh.t.writable('k1')!.size = 1234;
    fresh.t.delete('k2');
    expect(world.t.get('k1')!.size).toBe(1);
    expect(world.t.get('k2')!.size).toBe(2);
    const again = { t: new ObjectTable() };
    restoreState(copy, again);
    expect(view(again.t)).toEqual(view(world.t));
  });
});
