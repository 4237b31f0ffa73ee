/**
 * Splits records into Lambda invocations: each batch holds at most
 * BufferSizeInMBs of incoming data [facts B5], and its event must stay under
 * Lambda's 6 MB request limit once the data is base64-encoded and wrapped in
 * JSON (base64 adds a third, so 3 MB of data is about 4 MB of event).
 */
import { utf8Length } from '../../core/utf8';
import { MAX_REQUEST_PAYLOAD_BYTES } from '../../lambda/constants';
import type { TransformInputRecord } from './transformEvent';

/** JSON bytes around the records array (ids, ARNs, region): a generous fixed allowance. */
const EVENT_ENVELOPE_BYTES = 1024;

/** Bytes one record adds to the event JSON. */
export function eventRecordBytes(r: TransformInputRecord, recordIdLength = 56): number {
  const base64 = 4 * Math.ceil(r.data.length / 3);
  // {"recordId":"...","approximateArrivalTimestamp":1767225600000,"data":"..."},
  let n = 14 + recordIdLength + 32 + String(r.arrival).length + 9 + base64 + 2;
  if (r.kinesisRecordMetadata) n += 32 + utf8Length(JSON.stringify(r.kinesisRecordMetadata));
  return n;
}

/** Index ranges [start, end) of the invocation batches, in order; every batch has at least one record. */
export function splitIntoInvocations(records: TransformInputRecord[], bufferSizeBytes: number, maxEventBytes = MAX_REQUEST_PAYLOAD_BYTES): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let data = 0;
  let event = EVENT_ENVELOPE_BYTES;
  for (let i = 0; i < records.length; i++) {
    const d = records[i].data.length;
    const e = eventRecordBytes(records[i]);
    if (i > start && (data + d > bufferSizeBytes || event + e > maxEventBytes)) {
      out.push([start, i]);
      start = i;
      data = 0;
      event = EVENT_ENVELOPE_BYTES;
    }
    data += d;
    event += e;
  }
  if (start < records.length) out.push([start, records.length]);
  return out;
}
