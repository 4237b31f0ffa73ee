import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countShapeFailures, validateShape } from '../../../src/engine/core/validateShape';
import type { Shape, StructureShape } from '../../../src/engine/core/shape';
import { kinesisShapes } from '../../../src/engine/kinesis/operations/shapes';
import { firehoseShapes } from '../../../src/engine/firehose/operations/shapes';
import { analyticsShapes } from '../../../src/engine/analytics/operations/shapes';
import { videoShapes } from '../../../src/engine/video/operations/shapes';

/** Values near a string shape's edges: empty, at and past its lengths, emoji (two UTF-16 units each), digits, wrong types. */
function stringValue(shape: Extract<Shape, { type: 'string' }>): fc.Arbitrary<unknown> {
  const lens = [0, 1, 2, shape.min ?? 1, (shape.max ?? 8) - 1, shape.max ?? 8, (shape.max ?? 8) + 1].filter((n) => n >= 0 && n <= 3000);
  return fc.oneof(
    fc.constantFrom(...lens).map((n) => 'a'.repeat(n)),
    fc.constantFrom(...lens).map((n) => '\u{1F600}'.repeat(Math.ceil(n / 2))),
    fc.constantFrom('0', '123', '01', 'stream-1', 'bad name', 'PROVISIONED', 'ALL', 'arn:aws:kinesis:us-east-1:123456789012:stream/s'),
    ...(shape.enum !== undefined ? [fc.constantFrom(...shape.enum)] : []),
    fc.constantFrom(7, null, undefined),
  );
}

/** An arbitrary value for `shape`: mostly well-typed, often just past a constraint. */
function valueFor(shape: Shape, depth: number): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'string':
      return stringValue(shape);
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return fc.oneof(fc.constantFrom(shape.min ?? 0, (shape.min ?? 0) - 1, shape.max ?? 10, (shape.max ?? 10) + 1), fc.integer(), fc.constant('3'));
    case 'blob':
      return fc.oneof(fc.nat(12).map((n) => new Uint8Array(n)), fc.constant(undefined));
    case 'boolean':
    case 'timestamp':
      return fc.oneof(fc.boolean(), fc.integer());
    case 'list':
      if (depth > 3) return fc.constant([]);
      return fc.oneof(fc.array(fc.oneof(valueFor(shape.member, depth + 1), fc.constant(null)), { maxLength: 4 }), fc.constant('x'));
    case 'map':
      if (depth > 3) return fc.constant({});
      return fc.dictionary(stringValue(shape.key).filter((k): k is string => typeof k === 'string'), valueFor(shape.value, depth + 1), { maxKeys: 3 });
    case 'structure':
      if (depth > 3) return fc.constant({});
      return structureFor(shape, depth);
  }
}

function structureFor(shape: StructureShape, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, member] of Object.entries(shape.members)) members[name] = valueFor(member, depth + 1);
  return fc.record(members, { requiredKeys: [] });
}

const families: Record<string, Record<string, { input: StructureShape }>> = { kinesisShapes, firehoseShapes, analyticsShapes, videoShapes };

describe('validateShape', () => {
  for (const [family, shapes] of Object.entries(families)) {
    it(`passes a request exactly when the full pass finds no failure (${family})`, () => {
      const ops = Object.entries(shapes);
      fc.assert(
        fc.property(
          fc.constantFrom(...ops).chain(([name, op]) => structureFor(op.input, 0).map((input) => [name, op.input, input] as const)),
          ([, shape, input]) => {
            let threw = false;
            try {
              validateShape(shape, input);
            } catch {
              threw = true;
            }
            expect(threw).toBe(countShapeFailures(shape, input) > 0);
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('still names every failing member of a PutRecords entry after the fast pass fails', () => {
    const input = { StreamName: 'bad name', Records: [{ Data: new Uint8Array(1), PartitionKey: 'k' }, { Data: new Uint8Array(1), PartitionKey: '', ExplicitHashKey: '01' }] };
    expect(() => validateShape(kinesisShapes.PutRecords.input, input)).toThrow(
      "3 validation errors detected: Value '01' at 'records.2.member.explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38}); " +
        "Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
  });

  it('counts a key of 256 emoji as 256 characters, and 257 as too long', () => {
    const ok = { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey: '\u{1F600}'.repeat(256) }] };
    expect(() => validateShape(kinesisShapes.PutRecords.input, ok)).not.toThrow();
    const tooLong = { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey: '\u{1F600}'.repeat(257) }] };
    expect(countShapeFailures(kinesisShapes.PutRecords.input, tooLong)).toBe(1);
    expect(() => validateShape(kinesisShapes.PutRecords.input, tooLong)).toThrow(/at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256$/);
  });
});
