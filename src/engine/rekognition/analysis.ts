/**
 * What a running stream processor does with its video stream. Rekognition
 * does not analyse every frame; the simulator analyses one frame per fragment
 * (its keyframe) while something is in the scene, at the end of each visit:
 *  - face search writes a frame record per analysed frame with a face into its
 *    Kinesis data stream, in AWS's output shape (InputInformation.KinesisVideo,
 *    StreamProcessorInformation, FaceSearchResponse) [REK-DG23 output reference];
 *    frames with no face are left out to keep the volume down (AWS writes them too);
 *  - connected home publishes an SNS-like notification on the first sighting
 *    of each label in its session and, when the session ends, a summary
 *    notification and a summary object in S3 [REK-DG23 streaming-labels-detection].
 */
import { encodeUtf8 } from '../core/utf8';
import type { SimCore } from '../core/simCore';
import { catchUpStream } from '../video/ingest';
import { MAX_FRAGMENT_MS } from '../video/constants';
import { firstSeqAtTime, forEachFragment, forEachRunSpan } from '../video/fragmentStore';
import { fragmentNumber } from '../video/fragmentNumber';
import type { VideoStreamState } from '../video/types';
import { FaceRecordWriter, faceRecordTemplate, type MatchedFace } from './faceRecordJson';
import { nextVisitEndingAfter, objectOf, sceneSeed, type SceneVisit } from '../video/scene';
import type { RekognitionContext } from './context';
import type { ProcessorState } from './types';
import { DEFAULT_FACE_MATCH_THRESHOLD, reportsObject } from './labelFilter';

/** A visit is analysed once the fragment covering its end is whole: the longest fragment (10 s) plus a second. */
const LATENCY_MS = MAX_FRAGMENT_MS + 1000;
const EMPTY = new Uint8Array(0);
const MAX_NOTIFICATIONS = 500;

function seedOf(ctx: RekognitionContext, p: ProcessorState): string {
  return sceneSeed(ctx.core.seed, p.inputStreamName);
}

/** Schedules the processor's next visit event after `after`. */
export function scheduleNextVisit(ctx: RekognitionContext, p: ProcessorState, after: number): void {
  const v = nextVisitEndingAfter(seedOf(ctx, p), after, ctx.video.scriptedVisits.get(p.inputStreamName) ?? []);
  if (v === undefined) return;
  if (p.session !== undefined && v.start > p.session.end) return;
  ctx.core.scheduleEventAt(v.end + LATENCY_MS, 'rekognition.visit', { processor: p.name, epoch: p.epoch, token: p.visitToken, visit: v });
}

/** The faces of the processor's collection that match a visit's person, as MatchedFaces lists them. */
function matchedFaces(p: ProcessorState, ctx: RekognitionContext, who: string | undefined, similarity: number): MatchedFace[] {
  const threshold = p.settings.FaceSearch?.FaceMatchThreshold ?? DEFAULT_FACE_MATCH_THRESHOLD;
  const collection = ctx.collections.get(p.settings.FaceSearch!.CollectionId!);
  return (collection?.faces ?? [])
    .filter((x) => x.resident !== undefined && x.resident === who && similarity >= threshold)
    .map((x) => ({ Similarity: similarity, Face: { BoundingBox: x.BoundingBox, FaceId: x.FaceId, Confidence: x.Confidence, ImageId: x.ImageId, ExternalImageId: x.ExternalImageId } }));
}

/**
 * Face search over one visit: a frame record for each fragment (its keyframe)
 * whose server time shows the visit's person. Pets and packages have no face,
 * so their visits write nothing. The record's constant parts are built once per visit.
 */
function faceSearchRecords(ctx: RekognitionContext, p: ProcessorState, s: VideoStreamState, first: number, to: number, v: SceneVisit): Array<{ Data: Uint8Array; PartitionKey: string }> {
  const records: Array<{ Data: Uint8Array; PartitionKey: string }> = [];
  if (v.label !== 'PERSON') return records;
  let writer: FaceRecordWriter | undefined;
  let matched = false;
  forEachRunSpan(s, first, s.nextSeq - 1, (r, i0, i1) => {
    for (let i = i0; i <= i1; i++) {
      const server = r.firstServer + i * r.durationMs;
      if (server > to) return false;
      const o = objectOf(v, server);
      if (o === undefined) continue;
      if (writer === undefined) {
        // The similarity and the matches depend on the visit only (its person and confidence), not on the frame.
        const matches = matchedFaces(p, ctx, o.who, Math.min(99.99, o.confidence + 10));
        matched = matches.length > 0;
        writer = new FaceRecordWriter(faceRecordTemplate(p.inputStreamArn, o.confidence, matches));
      }
      p.counters.detectionFrames++;
      if (matched) p.counters.faceMatches++;
      const fn = fragmentNumber(s.index, r.firstSeq + i);
      const face = { Width: o.box.Width * 0.5, Height: o.box.Height * 0.3, Left: o.box.Left + o.box.Width * 0.25, Top: o.box.Top };
      writer.add(fn, server, r.firstProducer + i * r.durationMs, face);
      records.push({ Data: EMPTY, PartitionKey: fn.slice(-12) });
    }
    return true;
  });
  // The records' bytes, each a view of the visit's one buffer (the data stream copies them).
  const data = writer?.finish() ?? [];
  for (let i = 0; i < records.length; i++) records[i].Data = data[i];
  return records;
}

function notify(ctx: RekognitionContext, p: ProcessorState, message: Record<string, unknown>, label: string, confidence: number): void {
  const time = ctx.core.now();
  ctx.notifications.push({ time, topicArn: p.notificationTopicArn!, processor: p.name, message });
  if (ctx.notifications.length > MAX_NOTIFICATIONS) ctx.notifications.shift();
  p.counters.notifications++;
  ctx.core.events.emit({ type: 'labelNotification', time, processor: p.name, stream: p.inputStreamName, label, confidence, topicArn: p.notificationTopicArn! });
}

/** Connected home over one visit: counts each analysed frame showing a reported label (labelFilter's rule), and notifies a label's first sighting in the session. */
function connectedHomeDetections(ctx: RekognitionContext, p: ProcessorState, s: VideoStreamState, first: number, to: number, v: SceneVisit): void {
  forEachFragment(s, first, s.nextSeq - 1, (f) => {
    if (f.ServerTimestamp > to) return false;
    const o = objectOf(v, f.ServerTimestamp);
    if (o === undefined || !reportsObject(p, o)) return;
    p.counters.detectionFrames++;
    const sess = p.session!;
    sess.counts[o.label] = (sess.counts[o.label] ?? 0) + 1;
    if (!sess.seen.includes(o.label)) {
      sess.seen.push(o.label);
      notify(
        ctx,
        p,
        {
          inputInformation: { kinesisVideo: { streamArn: p.inputStreamArn } },
          eventNamespace: { type: 'LABEL_DETECTED' },
          labels: [{ name: o.label, confidence: o.confidence, boundingBox: o.box, videoMapping: { kinesisVideoMapping: { fragmentNumber: f.FragmentNumber, serverTimestamp: f.ServerTimestamp, producerTimestamp: f.ProducerTimestamp, frameOffsetMillis: 0 } } }],
          sessionId: sess.id,
          streamProcessorArn: p.arn,
        },
        o.label,
        o.confidence,
      );
    }
  });
}

function analyseVisit(ctx: RekognitionContext, p: ProcessorState, v: SceneVisit): void {
  const s = ctx.video.streams.get(p.inputStreamName);
  if (s === undefined || s.deleted) return;
  catchUpStream(ctx.video, s, ctx.core.now());
  const run = p.runs[p.runs.length - 1];
  let from = Math.max(v.start, run.start);
  let to = v.end;
  if (p.session !== undefined) {
    from = Math.max(from, p.session.start);
    to = Math.min(to, p.session.end);
  }
  const first = firstSeqAtTime(s, from, 'SERVER');
  if (first === undefined) return;
  const home = p.settings.ConnectedHome;
  if (home !== undefined) {
    connectedHomeDetections(ctx, p, s, first, to, v);
    return;
  }
  const records = faceSearchRecords(ctx, p, s, first, to, v);
  const arn = p.output.KinesisDataStream?.Arn;
  for (let i = 0; i < records.length && arn !== undefined; i += 500) {
    const batch = records.length <= 500 ? records : records.slice(i, i + 500);
    try {
      const out = ctx.kinesis.putRecords({ StreamARN: arn, Records: batch });
      p.counters.recordsWritten += batch.length - (out.FailedRecordCount ?? 0);
      p.counters.recordsFailed += out.FailedRecordCount ?? 0;
    } catch {
      // The output stream is missing or not ACTIVE: the records are lost, as a misconfigured processor's would be.
      p.counters.recordsFailed += batch.length;
    }
  }
}

function endSession(ctx: RekognitionContext, p: ProcessorState): void {
  const sess = p.session!;
  const summary = {
    sessionId: sess.id,
    streamProcessorArn: p.arn,
    startTimestamp: sess.start,
    endTimestamp: sess.end,
    labels: Object.entries(sess.counts).map(([name, frames]) => ({ name, frames })),
  };
  const bucket = p.output.S3Destination?.Bucket;
  if (bucket !== undefined) {
    try {
      ctx.s3.putObject({ Bucket: bucket, Key: `${p.output.S3Destination?.KeyPrefix ?? ''}${p.name}/${sess.id}/summary.json`, Body: encodeUtf8(JSON.stringify(summary)), ContentType: 'application/json' });
    } catch {
      p.statusMessage = `Could not write the session summary to bucket ${bucket}.`;
    }
  }
  notify(ctx, p, { eventNamespace: { type: 'STREAM_PROCESSING_COMPLETE' }, ...summary }, 'SESSION_SUMMARY', 100);
}

function setStatus(core: SimCore, p: ProcessorState, status: ProcessorState['status']): void {
  p.status = status;
  p.updatedAt = core.now();
  core.events.emit({ type: 'streamProcessorStatus', time: core.now(), processor: p.name, status });
}

/** Registers the processors' data-event handlers and the scene hook (once, at service creation). */
export function registerAnalysis(ctx: RekognitionContext): void {
  const core = ctx.core;
  core.registerHandler<{ processor: string; epoch: number; session: string }>('rekognition.running', ({ processor, epoch, session }) => {
    const p = ctx.processors.get(processor);
    if (p === undefined || p.epoch !== epoch || p.status !== 'STARTING') return;
    setStatus(core, p, 'RUNNING');
    p.runs.push({ start: core.now(), session });
    if (p.runs.length > 100) p.runs.shift();
    scheduleNextVisit(ctx, p, p.session?.start ?? core.now());
    if (p.session !== undefined) core.scheduleEventAt(Math.max(core.now(), p.session.end + LATENCY_MS), 'rekognition.sessionEnd', { processor, epoch });
  });
  core.registerHandler<{ processor: string; epoch: number; token: number; visit: SceneVisit }>('rekognition.visit', ({ processor, epoch, token, visit }) => {
    const p = ctx.processors.get(processor);
    if (p === undefined || p.epoch !== epoch || p.visitToken !== token || p.status !== 'RUNNING') return;
    analyseVisit(ctx, p, visit);
    p.analysedUntil = visit.end;
    scheduleNextVisit(ctx, p, visit.end);
  });
  core.registerHandler<{ processor: string; epoch: number }>('rekognition.sessionEnd', ({ processor, epoch }) => {
    const p = ctx.processors.get(processor);
    if (p === undefined || p.epoch !== epoch || p.status !== 'RUNNING') return;
    endSession(ctx, p);
    p.runs[p.runs.length - 1].end = core.now();
    setStatus(core, p, 'STOPPED');
  });
  core.registerHandler<{ processor: string; epoch: number }>('rekognition.stopped', ({ processor, epoch }) => {
    const p = ctx.processors.get(processor);
    if (p === undefined || p.epoch !== epoch || p.status !== 'STOPPING') return;
    if (p.session !== undefined) {
      p.session.end = Math.min(p.session.end, core.now());
      endSession(ctx, p);
    }
    const run = p.runs[p.runs.length - 1];
    if (run !== undefined && run.end === undefined) run.end = core.now();
    setStatus(core, p, 'STOPPED');
  });
  ctx.video.sceneHooks.push((stream) => {
    for (const p of ctx.processors.values()) {
      if (p.inputStreamName !== stream || p.status !== 'RUNNING') continue;
      p.visitToken++;
      scheduleNextVisit(ctx, p, p.analysedUntil);
    }
  });
}
