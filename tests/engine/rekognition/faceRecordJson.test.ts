import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FaceRecordWriter, faceRecordBytes, faceRecordTemplate, secondsText, type MatchedFace } from '../../../src/engine/rekognition/faceRecordJson';
import { encodeUtf8 } from '../../../src/engine/core/utf8';

// The record object in AWS's face-search output shape [REK-DG23 output reference], keys in the
// order the writer emits them; JSON.stringify of it is the reference the compact writer must equal.
function recordObject(arn: string, fn: string, server: number, producer: number, box: { Width: number; Height: number; Left: number; Top: number }, confidence: number, matches: MatchedFace[]) {
  return {
    InputInformation: { KinesisVideo: { StreamArn: arn, FragmentNumber: fn, ServerTimestamp: server / 1000, ProducerTimestamp: producer / 1000, FrameOffsetInSeconds: 0 } },
    StreamProcessorInformation: { Status: 'RUNNING' },
    FaceSearchResponse: [
      {
        DetectedFace: { BoundingBox: box, Confidence: confidence, Landmarks: [], Pose: { Pitch: 0, Roll: 0, Yaw: 0 }, Quality: { Brightness: 80, Sharpness: 90 } },
        MatchedFaces: matches,
      },
    ],
  };
}

const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const box = fc.record({ Width: ratio, Height: ratio, Left: ratio, Top: ratio });
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('alice', 'caf\u00e9 "quoted"\\', '\u{1F600}', '\u2028'));
const match: fc.Arbitrary<MatchedFace> = fc.record({
  Similarity: fc.double({ min: 80, max: 99.99, noNaN: true }),
  Face: fc.record(
    { BoundingBox: box, FaceId: fc.uuid(), Confidence: fc.double({ min: 0, max: 100, noNaN: true }), ImageId: fc.uuid(), ExternalImageId: text },
    { requiredKeys: ['BoundingBox', 'FaceId', 'Confidence', 'ImageId'] },
  ),
});

describe('faceRecordBytes', () => {
  it('gives exactly the UTF-8 bytes of JSON.stringify of the record object', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant('arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam-1/1767225600000'), text),
        fc.bigInt({ min: 0n, max: 10n ** 47n - 1n }).map((n) => n.toString().padStart(47, '0')),
        fc.integer({ min: 0, max: 4102444800000 }),
        fc.integer({ min: -86400000, max: 4102444800000 }),
        box,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(match, { maxLength: 3 }),
        (arn, fn, server, producer, b, confidence, matches) => {
          const t = faceRecordTemplate(arn, confidence, matches);
          const want = encodeUtf8(JSON.stringify(recordObject(arn, fn, server, producer, b, confidence, matches)));
          expect(faceRecordBytes(t, fn, server, producer, b)).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps non-ASCII text of the constant parts as UTF-8 (a resident named with an accent)', () => {
    const m: MatchedFace = { Similarity: 99, Face: { BoundingBox: { Width: 0.4, Height: 0.5, Left: 0.3, Top: 0.2 }, FaceId: 'f', Confidence: 99.99, ImageId: 'i', ExternalImageId: 'zo\u00eb' } };
    const t = faceRecordTemplate('arn:aws:kinesisvideo:us-east-1:1:stream/a/1', 91.5, [m]);
    const bytes = faceRecordBytes(t, '1', 2000, 1000, { Width: 0.07, Height: 0.15, Left: 0.1, Top: 0.3 });
    const rec = JSON.parse(new TextDecoder().decode(bytes));
    expect(rec.FaceSearchResponse[0].MatchedFaces[0].Face.ExternalImageId).toBe('zo\u00eb');
    expect(rec.InputInformation.KinesisVideo).toEqual({ StreamArn: 'arn:aws:kinesisvideo:us-east-1:1:stream/a/1', FragmentNumber: '1', ServerTimestamp: 2, ProducerTimestamp: 1, FrameOffsetInSeconds: 0 });
    // \u00eb is two bytes in UTF-8.
    expect(bytes.length).toBe(new TextEncoder().encode(JSON.stringify(rec)).length);
    expect(bytes.length).toBe(JSON.stringify(rec).length + 1);
  });

  it('writes the records of a visit one after another, each the bytes faceRecordBytes gives alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4102444800000 }), fc.integer({ min: -86400000, max: 4102444800000 }), box), { minLength: 1, maxLength: 40 }), fc.array(match, { maxLength: 2 }), (frames, matches) => {
        const t = faceRecordTemplate('arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam-1/1767225600000', 88.25, matches);
        const w = new FaceRecordWriter(t);
        // Repeated boxes reuse their text; a changed one is written anew.
        const all = frames.flatMap(([server, producer, b], i) => [[server, producer, b, i] as const, [server + 2000, producer + 2000, b, i] as const]);
        for (const [server, producer, b, i] of all) w.add(String(i).padStart(47, '0'), server, producer, b);
        expect(w.finish()).toEqual(all.map(([server, producer, b, i]) => faceRecordBytes(t, String(i).padStart(47, '0'), server, producer, b)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('secondsText', () => {
  it('writes ms / 1000 as String() does', () => {
    const ms = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger(), fc.integer({ min: 1e15 - 1e6, max: 1e15 + 1e6 }), fc.integer({ min: 0, max: 4102444800000 }), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(ms, (x) => {
        expect(secondsText(x)).toBe(Number.isFinite(x / 1000) ? String(x / 1000) : 'null');
      }),
      { numRuns: 2000 },
    );
    for (const x of [0, -0, 1, -1, 10, 100, 999, 1000, 1001, 1010, 1100, 1e15 - 1, 1e15, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1767229500100, -86400000]) expect(secondsText(x)).toBe(String(x / 1000));
  });
});
