/**
 * Checks a transformation Lambda's response against the contract
 * [KDF-DG23 data-transformation]: {records:[{recordId, result, data,
 * metadata?{partitionKeys}}]}, every recordId of the batch exactly once,
 * result Ok / Dropped / ProcessingFailed, data base64. A response that breaks
 * the contract fails the whole invocation (it is retried like a function error).
 */
import { fromBase64 } from '../../core/base64';

/** Per-record verdict from a valid response, in the batch's order. */
export type RecordVerdict =
  | { result: 'Ok'; data: Uint8Array; partitionKeys?: Record<string, string> }
  | { result: 'Dropped' }
  | { result: 'ProcessingFailed' };

export type ResponseCheck = { ok: true; verdicts: RecordVerdict[] } | { ok: false; errorCode: string; errorMessage: string };

/** Firehose's error codes and messages for responses that break the contract (modelled on its error log entries). */
export const RESPONSE_ERRORS = {
  json: ['Lambda.JsonProcessingException', 'There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Data Firehose.'],
  missing: ['Lambda.MissingRecordId', 'One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.'],
  duplicate: ['Lambda.DuplicatedRecordId', 'Multiple records were returned with the same record Id. Ensure that the Lambda function returns unique record Ids for each record.'],
} as const;

const fail = ([errorCode, errorMessage]: readonly [string, string]): ResponseCheck => ({ ok: false, errorCode, errorMessage });

/** Validates `payload` for the batch whose record ids are `recordIds` (in order). */
export function checkTransformResponse(payload: unknown, recordIds: string[]): ResponseCheck {
  const records = (payload as { records?: unknown })?.records;
  if (typeof payload !== 'object' || payload === null || !Array.isArray(records)) return fail(RESPONSE_ERRORS.json);
  const index = new Map(recordIds.map((id, i) => [id, i]));
  const verdicts: Array<RecordVerdict | undefined> = new Array(recordIds.length);
  for (const r of records as unknown[]) {
    if (typeof r !== 'object' || r === null) return fail(RESPONSE_ERRORS.json);
    const { recordId, result, data, metadata } = r as { recordId?: unknown; result?: unknown; data?: unknown; metadata?: unknown };
    if (typeof recordId !== 'string') return fail(RESPONSE_ERRORS.json);
    const i = index.get(recordId);
    // An id that was never sent means one that was sent is missing.
    if (i === undefined) return fail(RESPONSE_ERRORS.missing);
    if (verdicts[i] !== undefined) return fail(RESPONSE_ERRORS.duplicate);
    if (result === 'Dropped' || result === 'ProcessingFailed') {
      verdicts[i] = { result };
      continue;
    }
    if (result !== 'Ok' || typeof data !== 'string') return fail(RESPONSE_ERRORS.json);
    const bytes = fromBase64(data);
    if (bytes === undefined) return fail(RESPONSE_ERRORS.json);
    const v: RecordVerdict = { result: 'Ok', data: bytes };
    if (metadata !== undefined && metadata !== null) {
      const keys = (metadata as { partitionKeys?: unknown }).partitionKeys;
      if (keys !== undefined) {
        if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return fail(RESPONSE_ERRORS.json);
        const partitionKeys: Record<string, string> = {};
        for (const [k, val] of Object.entries(keys)) {
          if (typeof val !== 'string') return fail(RESPONSE_ERRORS.json);
          partitionKeys[k] = val;
        }
        v.partitionKeys = partitionKeys;
      }
    }
    verdicts[i] = v;
  }
  if (verdicts.some((v) => v === undefined) || records.length !== recordIds.length) return fail(RESPONSE_ERRORS.missing);
  return { ok: true, verdicts: verdicts as RecordVerdict[] };
}
