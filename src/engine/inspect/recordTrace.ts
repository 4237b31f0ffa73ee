/**
 * The record inspector's queries: a shard's recent records, the newest record
 * with a given partition key, and one record followed from its shard to every
 * reader (their positions against its sequence number) and to the S3 object
 * Firehose wrote it into. Reads go to the shard store directly, never through
 * GetRecords, so inspecting charges no read limit and changes nothing.
 */
import { AwsError, invalidArgument, resourceNotFound } from '../core/errors';
import { routeKey, type StreamState } from '../kinesis/streamModel';
import type { ShardState } from '../kinesis/shardModel';
import { shardSequenceNumber } from '../kinesis/shardModel';
import { md5Hex, partitionKeyToHashKey } from '../kinesis/hashKey';
import { decodeSequenceNumber } from '../kinesis/sequenceNumber';
import { retentionCutoff } from '../kinesis/context';
import { findDeliveredRecord } from '../firehose/deliveryIndex';
import { decodeUtf8 } from '../core/utf8';
import type { ShardCursor } from '../traffic/consumers/shardCursor';
import type { InspectSources } from './sources';
import type { FirehoseProgress, ReaderProgress, RecordSummary, RecordTrace } from './types';

/** Consumer types as the UI names them. */
const KIND: Record<string, string> = { pollingConsumer: 'polling', kclApplication: 'KCL', lambdaMapping: 'Lambda', efoConsumer: 'enhanced fan-out' };

/** Records scanned backwards when looking for a partition key. */
export const KEY_SCAN_LIMIT = 5000;

function streamOf(sim: InspectSources, name: string): StreamState {
  const s = sim.kinesisContext.streams.get(name);
  if (s === undefined || s.deleted) throw resourceNotFound(`Stream ${name} under account ${sim.core.accountId} not found.`);
  return s;
}

function shardOf(sim: InspectSources, s: StreamState, shardId: string): ShardState {
  const sh = s.byId.get(shardId);
  if (sh === undefined) throw resourceNotFound(`Could not find shard ${shardId} in stream ${s.name} under account ${sim.core.accountId}.`);
  return sh;
}

function summary(s: StreamState, sh: ShardState, index: number): RecordSummary {
  const r = sh.store.read(index);
  return { stream: s.name, shardId: sh.shardId, sequenceNumber: shardSequenceNumber(sh, index), partitionKey: r.partitionKey, arrival: r.arrival, sizeBytes: r.data.length + r.partitionKey.length };
}

/** The first retained record index of a shard. */
function firstRetained(sim: InspectSources, s: StreamState, sh: ShardState): number {
  return Math.max(sh.store.trimIndex, sh.store.firstIndexAtOrAfter(retentionCutoff(sim.kinesisContext, s)));
}

/** Records a recentRecords answer holds at most. */
export const MAX_RECENT_RECORDS = 100;

/** The newest `limit` (1..MAX_RECENT_RECORDS) retained records of a shard, newest first. */
export function recentRecords(sim: InspectSources, stream: string, shardId: string, limit = 20): RecordSummary[] {
  limit = Math.min(MAX_RECENT_RECORDS, Math.max(1, Math.floor(limit)));
  const s = streamOf(sim, stream);
  const sh = shardOf(sim, s, shardId);
  const lo = firstRetained(sim, s, sh);
  const out: RecordSummary[] = [];
  for (let i = sh.store.nextIndex - 1; i >= lo && out.length < limit; i--) out.push(summary(s, sh, i));
  return out;
}

/**
 * The newest record with partition key `key`: MD5 picks the open shard
 * [BC-K PutRecord], then up to KEY_SCAN_LIMIT of its newest records are
 * searched. Null when none is found there.
 */
export function findRecordByKey(sim: InspectSources, stream: string, key: string): RecordSummary | null {
  const s = streamOf(sim, stream);
  if (s.open.length === 0) return null;
  const sh = routeKey(s, partitionKeyToHashKey(key));
  const lo = Math.max(firstRetained(sim, s, sh), sh.store.nextIndex - KEY_SCAN_LIMIT);
  for (let i = sh.store.nextIndex - 1; i >= lo; i--) if (sh.store.read(i).partitionKey === key) return summary(s, sh, i);
  return null;
}

interface WithCursors {
  cursors(): ShardCursor[];
}

function hasCursors(c: unknown): c is WithCursors {
  return typeof (c as WithCursors | undefined)?.cursors === 'function';
}

/** Every consumer of the stream, and how far it got in the record's shard. */
function readers(sim: InspectSources, s: StreamState, sh: ShardState, index: number): ReaderProgress[] {
  const out: ReaderProgress[] = [];
  for (const e of sim.traffic.listConsumers()) {
    if (String(e.stream ?? '') !== s.name) continue;
    const c = sim.traffic.getConsumer(e.id) as unknown;
    const base = { id: e.id, name: String((c as { name?: string; spec?: { name?: string } })?.spec?.name ?? (c as { name?: string })?.name ?? e.id), kind: KIND[String(e.type)] ?? String(e.type) };
    // KCL: the lease checkpoint is what survives a worker crash, so it is what "read" means.
    const leases = (e as { leases?: Array<{ leaseKey: string; checkpoint: string }> }).leases;
    const lease = leases?.find((l) => l.leaseKey === sh.shardId);
    if (lease !== undefined) {
      const cp = lease.checkpoint;
      const cpIndex = cp === 'SHARD_END' ? Infinity : (decodeSequenceNumber(cp)?.index ?? -1);
      out.push(cpIndex >= index ? { ...base, state: 'read', position: `checkpoint ${cp}` } : { ...base, state: 'pending', position: `checkpoint ${cp}`, behindBy: cpIndex < 0 ? undefined : index - cpIndex });
      continue;
    }
    if (hasCursors(c)) {
      const cur = c.cursors().find((x) => x.shard === sh);
      if (cur === undefined) {
        out.push({ ...base, state: 'not-reading', position: 'no iterator on this shard' });
        continue;
      }
      const next = cur.position;
      const pos = next >= sh.store.nextIndex ? 'at LATEST (caught up)' : `next ${shardSequenceNumber(sh, next)}`;
      out.push(next > index ? { ...base, state: 'read', position: pos } : { ...base, state: 'pending', position: pos, behindBy: index - next + 1 });
      continue;
    }
    // Enhanced fan-out: the continuation sequence number of the shard's subscription.
    const lineage = (c as { lineage?: { entries: Map<string, { continuation?: string; ended: boolean }> } })?.lineage;
    const entry = lineage?.entries.get(sh.shardId);
    if (entry === undefined) out.push({ ...base, state: 'not-reading', position: 'no subscription to this shard' });
    else {
      const cont = entry.continuation;
      const ci = entry.ended ? Infinity : cont === undefined ? -1 : (decodeSequenceNumber(cont)?.index ?? -1);
      out.push(ci >= index ? { ...base, state: 'read', position: cont ? `ContinuationSequenceNumber ${cont}` : 'SHARD_END' } : { ...base, state: 'pending', position: cont ? `ContinuationSequenceNumber ${cont}` : 'subscribing' });
    }
  }
  return out;
}

/** Every delivery stream reading the stream, and where it has the record. */
function firehoses(sim: InspectSources, s: StreamState, sh: ShardState, index: number, seq: string): FirehoseProgress[] {
  const out: FirehoseProgress[] = [];
  for (const st of sim.firehoseContext.streams.values()) {
    if (st.deleted || st.source?.streamName !== s.name) continue;
    const hit = findDeliveredRecord(st, sh.shardId, seq);
    if (hit !== undefined) {
      out.push({ name: st.name, state: 'delivered', bucket: hit.bucket, key: hit.key, target: hit.target, note: hit.target === 'error' ? 'Written under the error prefix.' : `Delivered to s3://${hit.bucket}/${hit.key}.` });
      continue;
    }
    const pos = st.source.positions.get(sh.shardId);
    const readPast = st.source.done.has(sh.shardId) || (pos !== undefined && pos > index);
    const startedAfter = pos === undefined && !st.source.done.has(sh.shardId);
    if (readPast) {
      const likely = st.s3.lambda === undefined && !st.s3.dynamicPartitioning ? firstObjectAfter(sim, st.s3.bucket, st.name, sh.store.arrivalAt(index)) : undefined;
      if (likely !== undefined) {
        out.push({ name: st.name, state: 'delivered', bucket: st.s3.bucket, key: likely, target: 'data', note: `Most likely in s3://${st.s3.bucket}/${likely}: bulk traffic reaches S3 in slices without per-record sequence numbers, so this is the first object written after the record arrived.` });
        continue;
      }
      out.push({ name: st.name, state: st.s3.lambda !== undefined ? 'unknown' : 'buffered', note: st.s3.lambda !== undefined ? 'Read from the shard; after the Lambda transform the object cannot be traced back to this record.' : 'Read from the shard; waiting in the buffer for the next flush (size or interval).' });
    } else if (startedAfter || (st.source.startedAt > sh.store.arrivalAt(index) && pos === undefined)) {
      out.push({ name: st.name, state: 'unknown', note: 'This delivery stream does not read this shard (it started at LATEST after the record arrived, or has not reached the shard).' });
    } else out.push({ name: st.name, state: 'pending', note: 'Not read yet: Firehose polls each shard once a second.' });
  }
  return out;
}

/** The first object of delivery stream `name` in `bucket` written at or after `time` (Firehose names objects after the stream). */
function firstObjectAfter(sim: InspectSources, bucket: string, name: string, time: number): string | undefined {
  const b = sim.firehoseContext.s3.buckets.get(bucket);
  let best: { key: string; t: number } | undefined;
  for (const o of b?.objects.values() ?? []) {
    if (o.lastModified < time || !o.key.includes(`${name}-`) || o.key.includes('processing-failed') || o.key.includes('-failed/')) continue;
    if (best === undefined || o.lastModified < best.t || (o.lastModified === best.t && o.key < best.key)) best = { key: o.key, t: o.lastModified };
  }
  return best?.key;
}

/** Follows record `sequenceNumber` of `shardId`. */
export function traceRecord(sim: InspectSources, stream: string, shardId: string, sequenceNumber: string): RecordTrace {
  const s = streamOf(sim, stream);
  const sh = shardOf(sim, s, shardId);
  const dec = decodeSequenceNumber(sequenceNumber);
  if (dec === undefined || shardSequenceNumber(sh, dec.index) !== sequenceNumber || dec.index >= sh.store.nextIndex) {
    throw invalidArgument(`Invalid StartingSequenceNumber. It encodes ${shardId}, while it was used in a call to a shard with ${shardId}`);
  }
  const index = dec.index;
  const retained = index >= firstRetained(sim, s, sh);
  if (!retained) throw new AwsError('ExpiredIteratorException', `The record ${sequenceNumber} of ${shardId} has passed the stream's retention period (${s.retentionHours} h).`);
  const r = sh.store.read(index);
  const md5 = r.explicitHashKey === undefined ? md5Hex(r.partitionKey) : null;
  const hashKey = r.explicitHashKey ?? partitionKeyToHashKey(r.partitionKey).toString();
  const text = decodeUtf8(r.data.subarray(0, 1600));
  return {
    record: summary(s, sh, index),
    md5Hex: md5,
    hashKey,
    explicitHashKey: r.explicitHashKey !== undefined,
    shardStart: sh.start.toString(),
    shardEnd: sh.end.toString(),
    retained,
    dataPreview: text.length > 400 ? text.slice(0, 400) + '…' : text,
    readers: readers(sim, s, sh, index),
    firehoses: firehoses(sim, s, sh, index, sequenceNumber),
  };
}
