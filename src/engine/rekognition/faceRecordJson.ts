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

/** The parts of a visit's frame records that do not change from frame to frame. */
export interface FaceRecordTemplate {
  /** Up to the fragment number's opening quote. */
  head: string;
  /** From DetectedFace.Confidence to the end. */
  tail: string;
  /** Every constant part is ASCII, so a character is a byte. */
  ascii: boolean;
}

/** A number as JSON.stringify writes it (non-finite numbers are null). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The constant parts of one visit's records: the input stream, the face's confidence and the faces it matched. */
export function faceRecordTemplate(streamArn: string, confidence: number, matches: readonly MatchedFace[]): FaceRecordTemplate {
  const head = `{"InputInformation":{"KinesisVideo":{"StreamArn":${JSON.stringify(streamArn)},"FragmentNumber":"`;
  const tail =
    `,"Confidence":${num(confidence)},"Landmarks":[],"Pose":{"Pitch":0,"Roll":0,"Yaw":0},"Quality":{"Brightness":80,"Sharpness":90}},` +
    `"MatchedFaces":${JSON.stringify(matches)}}]}`;
  return { head, tail, ascii: isAscii(head) && isAscii(tail) };
}

/**
 * One frame's record, as UTF-8 bytes. `fragmentNumber` is decimal digits;
 * timestamps are epoch ms (the record carries seconds); `face` is the
 * detected face's box.
 */
export function faceRecordBytes(t: FaceRecordTemplate, fragmentNumber: string, serverMs: number, producerMs: number, face: SceneBox): Uint8Array {
  const text =
    t.head +
    fragmentNumber +
    `","ServerTimestamp":${num(serverMs / 1000)},"ProducerTimestamp":${num(producerMs / 1000)},"FrameOffsetInSeconds":0}},` +
    `"StreamProcessorInformation":{"Status":"RUNNING"},"FaceSearchResponse":[{"DetectedFace":{"BoundingBox":` +
    `{"Width":${num(face.Width)},"Height":${num(face.Height)},"Left":${num(face.Left)},"Top":${num(face.Top)}}` +
    t.tail;
  if (!t.ascii) return encodeUtf8(text);
  // Digits, numbers and ASCII constants: one byte per character, no length pass.
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
