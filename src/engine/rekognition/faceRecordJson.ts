/**
 * The face-search frame record as bytes, built by a compact JSON writer: a
 * face-search processor writes one record per analysed frame with a face into
 * its Kinesis data stream, in AWS's output shape (InputInformation.KinesisVideo,
 * StreamProcessorInformation, FaceSearchResponse) [REK-DG23 output reference].
 * What stays the same through a visit (the stream ARN, the detected face's
 * confidence, the matched faces) is serialised once per visit; a frame adds its
 * fragment number, timestamps and box. The bytes are exactly those of
 * JSON.stringify on the record object with its keys in this order.
 */
import { encodeUtf8 } from '../core/utf8';
import type { SceneBox } from '../video/scene';

/** A matched face as FaceSearchResponse[].MatchedFaces lists it. */
export interface MatchedFace {
  Similarity: number;
  Face: { BoundingBox: SceneBox; FaceId: string; Confidence: number; ImageId: string; ExternalImageId?: string };
}

/** The parts of a visit's frame records that do not change from frame to frame, as UTF-8 bytes. */
export interface FaceRecordTemplate {
  /** Up to the fragment number's opening quote. */
  head: Uint8Array;
  /** The constant pieces between a frame's fragment number, timestamps and box values. */
  between: Uint8Array[];
  /** From DetectedFace.Confidence to the end. */
  tail: Uint8Array;
}

// Between the fragment number, the two timestamps and the four box values (all ASCII), encoded once.
const BETWEEN = [
  '","ServerTimestamp":',
  ',"ProducerTimestamp":',
  ',"FrameOffsetInSeconds":0}},"StreamProcessorInformation":{"Status":"RUNNING"},"FaceSearchResponse":[{"DetectedFace":{"BoundingBox":{"Width":',
  ',"Height":',
  ',"Left":',
  ',"Top":',
  '}',
].map(encodeUtf8);

/** A number as JSON.stringify writes it (non-finite numbers are null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/**
 * Whole milliseconds as seconds, as JSON.stringify writes ms / 1000: the
 * seconds, then the milliseconds without trailing zeros. That decimal reads
 * back as ms / 1000 (both are the double nearest to it), and below 10^12 s
 * doubles lie less than 0.001 apart, so no shorter decimal and no other of
 * its length does: it is the text String() gives. Other values (fractional
 * ms, 10^15 ms and beyond) go through String().
 */
export function secondsText(ms: number): string {
  if (!Number.isInteger(ms) || Math.abs(ms) >= 1e15) return num(ms / 1000);
  const a = Math.abs(ms);
  const whole = Math.floor(a / 1000), frac = a - whole * 1000;
  const sign = ms < 0 ? '-' : '';
  if (frac === 0) return ms === 0 ? '0' : sign + whole;
  const f = frac % 100 === 0 ? String(frac / 100) : frac % 10 === 0 ? String(frac / 10).padStart(2, '0') : String(frac).padStart(3, '0');
  return `${sign}${whole}.${f}`;
}

/** The constant parts of one visit's records: the input stream, the face's confidence and the faces it matched. */
export function faceRecordTemplate(streamArn: string, confidence: number, matches: readonly MatchedFace[]): FaceRecordTemplate {
  const head = `{"InputInformation":{"KinesisVideo":{"StreamArn":${JSON.stringify(streamArn)},"FragmentNumber":"`;
  const tail =
    `,"Confidence":${num(confidence)},"Landmarks":[],"Pose":{"Pitch":0,"Roll":0,"Yaw":0},"Quality":{"Brightness":80,"Sharpness":90}},` +
    `"MatchedFaces":${JSON.stringify(matches)}}]}`;
  return { head: encodeUtf8(head), between: BETWEEN, tail: encodeUtf8(tail) };
}

/**
 * One frame's record, as UTF-8 bytes. `fragmentNumber` is decimal digits;
 * timestamps are epoch ms (the record carries seconds); `face` is the
 * detected face's box.
 */
export function faceRecordBytes(t: FaceRecordTemplate, fragmentNumber: string, serverMs: number, producerMs: number, face: SceneBox): Uint8Array {
  const w = new FaceRecordWriter(t);
  w.add(fragmentNumber, serverMs, producerMs, face);
  return w.finish()[0];
}

/**
 * A visit's frame records written one after another into one buffer, each
 * record a view of its bytes (the data stream copies what it is given, so one
 * allocation serves the visit). The frame's own values are ASCII (digits and
 * number syntax), so they are written a character a byte between the template's pieces.
 */
export class FaceRecordWriter {
  private buf: Uint8Array;
  private used = 0;
  private readonly ends: number[] = [];

  constructor(private readonly t: FaceRecordTemplate) {
    this.buf = new Uint8Array(4 * (t.head.length + t.tail.length + 400));
  }

  /** The box values of the last frame and their text: a person's box keeps its size and lane through a visit. */
  private readonly boxNum = [NaN, NaN, NaN, NaN];
  private readonly boxText = ['', '', '', ''];

  private boxValue(k: number, x: number): string {
    if (!Object.is(this.boxNum[k], x)) {
      this.boxNum[k] = x;
      this.boxText[k] = num(x);
    }
    return this.boxText[k];
  }

  add(fragmentNumber: string, serverMs: number, producerMs: number, face: SceneBox): void {
    const t = this.t;
    const v0 = fragmentNumber, v1 = secondsText(serverMs), v2 = secondsText(producerMs);
    const v3 = this.boxValue(0, face.Width), v4 = this.boxValue(1, face.Height), v5 = this.boxValue(2, face.Left), v6 = this.boxValue(3, face.Top);
    const b = t.between;
    const n =
      t.head.length + t.tail.length + v0.length + v1.length + v2.length + v3.length + v4.length + v5.length + v6.length +
      b[0].length + b[1].length + b[2].length + b[3].length + b[4].length + b[5].length + b[6].length;
    if (this.used + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(2 * this.buf.length, this.used + n));
      grown.set(this.buf.subarray(0, this.used));
      this.buf = grown;
    }
    const out = this.buf;
    let o = this.used;
    out.set(t.head, o);
    o += t.head.length;
    o = ascii(out, o, v0, b[0]);
    o = ascii(out, o, v1, b[1]);
    o = ascii(out, o, v2, b[2]);
    o = ascii(out, o, v3, b[3]);
    o = ascii(out, o, v4, b[4]);
    o = ascii(out, o, v5, b[5]);
    o = ascii(out, o, v6, b[6]);
    out.set(t.tail, o);
    this.used = o + t.tail.length;
    this.ends.push(this.used);
  }

  /** The records written, in order, as views of the buffer. */
  finish(): Uint8Array[] {
    const out: Uint8Array[] = new Array(this.ends.length);
    let start = 0;
    for (let i = 0; i < this.ends.length; i++) {
      out[i] = this.buf.subarray(start, this.ends[i]);
      start = this.ends[i];
    }
    return out;
  }
}

/** Writes ASCII `v` then the bytes `piece` at `o`; returns the offset after them. */
function ascii(out: Uint8Array, o: number, v: string, piece: Uint8Array): number {
  for (let i = 0; i < v.length; i++) out[o++] = v.charCodeAt(i);
  out.set(piece, o);
  return o + piece.length;
}
