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

// Between the fragment number, the two timestamps and the four box values (all ASCII).
const BETWEEN = [
  '","ServerTimestamp":',
  ',"ProducerTimestamp":',
  ',"FrameOffsetInSeconds":0}},"StreamProcessorInformation":{"Status":"RUNNING"},"FaceSearchResponse":[{"DetectedFace":{"BoundingBox":{"Width":',
  ',"Height":',
  ',"Left":',
  ',"Top":',
  '}',
];

/** A number as JSON.stringify writes it (non-finite numbers are null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/** The constant parts of one visit's records: the input stream, the face's confidence and the faces it matched. */
export function faceRecordTemplate(streamArn: string, confidence: number, matches: readonly MatchedFace[]): FaceRecordTemplate {
  const head = `{"InputInformation":{"KinesisVideo":{"StreamArn":${JSON.stringify(streamArn)},"FragmentNumber":"`;
  const tail =
    `,"Confidence":${num(confidence)},"Landmarks":[],"Pose":{"Pitch":0,"Roll":0,"Yaw":0},"Quality":{"Brightness":80,"Sharpness":90}},` +
    `"MatchedFaces":${JSON.stringify(matches)}}]}`;
  return { head: encodeUtf8(head), between: BETWEEN.map(encodeUtf8), tail: encodeUtf8(tail) };
}

/**
 * One frame's record, as UTF-8 bytes. `fragmentNumber` is decimal digits;
 * timestamps are epoch ms (the record carries seconds); `face` is the
 * detected face's box. The frame's own values are ASCII (digits and number
 * syntax), so they are written a character a byte between the template's pieces.
 */
export function faceRecordBytes(t: FaceRecordTemplate, fragmentNumber: string, serverMs: number, producerMs: number, face: SceneBox): Uint8Array {
  const values = [fragmentNumber, num(serverMs / 1000), num(producerMs / 1000), num(face.Width), num(face.Height), num(face.Left), num(face.Top)];
  let n = t.head.length + t.tail.length;
  for (let k = 0; k < values.length; k++) n += values[k].length + t.between[k].length;
  const out = new Uint8Array(n);
  out.set(t.head, 0);
  let o = t.head.length;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    for (let i = 0; i < v.length; i++) out[o++] = v.charCodeAt(i);
    out.set(t.between[k], o);
    o += t.between[k].length;
  }
  out.set(t.tail, o);
  return out;
}
