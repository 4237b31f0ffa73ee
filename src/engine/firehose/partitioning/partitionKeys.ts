/**
 * Inline partition-key extraction for dynamic partitioning [KDF-DG23
 * dynamic-partitioning; facts B4]: a MetadataExtractionQuery such as
 * `{customer_id: .customer_id, year: .ts|strftime("%Y")}` (or a key -> query
 * map, up to 50 keys) runs with real jq over each JSON record. A record that
 * is not JSON, whose query errors, or whose key comes out null, goes to the
 * error prefix instead.
 *
 * Speed: records are run through jq in batches of about 20 KB, handed to jq as
 * one `--argjson` array rather than on stdin (jq-wasm feeds stdin one byte at a
 * time and copies the rest of its buffer at each byte, so a stdin batch costs
 * the square of its size; a 100-record batch as an argument costs about a
 * tenth of the same records through 3 KB stdin batches), and answers are
 * memoised by record text, since bulk traffic repeats itself.
 */
import { decodeUtf8 } from '../../core/utf8';
import { JqError, requireJq, type JqRuntime } from './jqRuntime';

/** Partition keys of one record, or why there are none (the pipeline's KeyExtraction shape). */
export type KeyExtraction = { keys: Record<string, string> } | { error: string; errorCode: string };

/** Firehose's error code for records whose keys cannot be extracted. */
export const EXTRACTION_FAILED = 'DynamicPartitioning.MetadataExtractionFailed';
/** Message Firehose writes for a record that is not JSON. */
export const NON_JSON_MESSAGE = 'Non JSON record provided';
/** At most 50 partition keys per stream [facts B4]. */
export const MAX_PARTITION_KEYS = 50;
/** Input characters per jq call (jq-wasm's stdout grows by a copy per byte, so the answers must stay short too). */
const BATCH_CHARS = 20000;
/** The variable holding a batch's records: a name no Firehose query uses. */
const RECORDS_VAR = '__firehose_records';
/** Memo size per extractor; cleared when full. */
const MEMO_LIMIT = 50000;

/** Builds one jq object query from a key -> query map: {"k": (q), ...}. */
export function metadataQueryFromMap(queries: Record<string, string>): string {
  const keys = Object.keys(queries);
  if (keys.length === 0 || keys.length > MAX_PARTITION_KEYS) throw new RangeError(`between 1 and ${MAX_PARTITION_KEYS} partition keys are allowed, got ${keys.length}`);
  return '{' + keys.map((k) => `${JSON.stringify(k)}: (${queries[k]})`).join(', ') + '}';
}

/** Extracts partition keys for one query over many records, with a memo. */
export class PartitionKeyExtractor {
  readonly query: string;
  private memo = new Map<string, KeyExtraction>();
  /** jq calls made (for tests and benchmarks). */
  jqCalls = 0;

  constructor(query: string | Record<string, string>) {
    this.query = typeof query === 'string' ? query : metadataQueryFromMap(query);
  }

  /** Keys for records given as JSON text; needs jq loaded (JqNotLoadedError otherwise). */
  extractTexts(texts: string[], jq: JqRuntime = requireJq()): KeyExtraction[] {
    const out: KeyExtraction[] = new Array(texts.length);
    const todo: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      const known = this.memo.get(texts[i]);
      if (known) out[i] = known;
      else if (!isJsonValue(texts[i])) out[i] = { error: NON_JSON_MESSAGE, errorCode: EXTRACTION_FAILED };
      else todo.push(i);
    }
    // Distinct texts only, in batches.
    const distinct = [...new Set(todo.map((i) => texts[i]))];
    const answers = new Map<string, KeyExtraction>();
    for (let start = 0; start < distinct.length; ) {
      let end = start;
      let chars = 0;
      while (end < distinct.length && (end === start || chars + distinct[end].length <= BATCH_CHARS)) chars += distinct[end++].length + 1;
      const batch = distinct.slice(start, end);
      this.runBatch(jq, batch).forEach((a, k) => answers.set(batch[k], a));
      start = end;
    }
    if (this.memo.size + answers.size > MEMO_LIMIT) this.memo.clear();
    for (const [t, a] of answers) this.memo.set(t, a);
    for (const i of todo) out[i] = answers.get(texts[i])!;
    return out;
  }

  /** Keys for records given as bytes (UTF-8 JSON). */
  extract(records: Uint8Array[], jq: JqRuntime = requireJq()): KeyExtraction[] {
    return this.extractTexts(records.map(decodeUtf8), jq);
  }

  /**
   * One jq call over several records: each yields exactly one line, {"ok":[...outputs]} or {"err":message}.
   * The records come in as one array argument with null input (-n), each run as `.` in turn; every
   * text is one JSON value (checked before), so the array is well formed. A query that may read
   * further inputs (input, inputs) runs on each record alone on stdin instead, where it finds none,
   * as a record does on its own.
   */
  private runBatch(jq: JqRuntime, texts: string[]): KeyExtraction[] {
    const body = `try {ok: [${this.query}]} catch {err: (if type == "string" then . else tojson end)}`;
    const readsInputs = /\binputs?\b/.test(this.query);
    if (readsInputs && texts.length > 1) return texts.flatMap((t) => this.runBatch(jq, [t]));
    let stdout: string;
    this.jqCalls++;
    try {
      stdout = readsInputs
        ? jq.run(texts[0], body, ['-c'])
        : jq.run('', `$${RECORDS_VAR}[] | ${body}`, ['-c', '-n', '--argjson', RECORDS_VAR, `[${texts.join(',')}]`]);
    } catch (e) {
      if (!(e instanceof JqError)) throw e;
      // A compile error fails every record the same way.
      const message = e.message.split('\n')[0].replace(/^jq: error: /, '');
      return texts.map(() => ({ error: message, errorCode: EXTRACTION_FAILED }));
    }
    const lines = stdout === '' ? [] : stdout.split('\n');
    if (lines.length !== texts.length) {
      // A query that reads further inputs (input, inputs) breaks the one-line-per-record shape: run one by one.
      if (texts.length > 1) return texts.flatMap((t) => this.runBatch(jq, [t]));
      return [{ error: 'The query did not produce one result for the record', errorCode: EXTRACTION_FAILED }];
    }
    return lines.map((line) => toExtraction(JSON.parse(line) as { ok?: unknown[]; err?: string }));
  }
}

function toExtraction(answer: { ok?: unknown[]; err?: string }): KeyExtraction {
  // jq 1.7 says 'Cannot index number with string "b"'; Firehose runs jq 1.6, which says 'Cannot index number with "b"'.
  if (answer.err !== undefined || answer.ok === undefined) return { error: String(answer.err).replace(/ with string "/, ' with "'), errorCode: EXTRACTION_FAILED };
  if (answer.ok.length !== 1) return { error: `The query produced ${answer.ok.length} results; exactly one object is required`, errorCode: EXTRACTION_FAILED };
  const obj = answer.ok[0];
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { error: 'The query must produce an object of partition keys', errorCode: EXTRACTION_FAILED };
  const keys: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === null || v === undefined) return { error: `The partition key ${k} evaluated to null`, errorCode: EXTRACTION_FAILED };
    // Strings as they are; numbers and booleans as jq 1.6 prints them (JSON.parse already normalised 1.0 to 1).
    keys[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return { keys };
}

/** True when the text is exactly one JSON value (jq would otherwise read several, or fail). */
function isJsonValue(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The single-record form: keys for `recordJson` from a key -> query map (or a
 * MetadataExtractionQuery). Needs jq loaded. Prefer a PartitionKeyExtractor
 * for many records: it batches and memoises.
 */
export function extractPartitionKeys(queries: Record<string, string> | string, recordJson: string): KeyExtraction {
  return new PartitionKeyExtractor(queries).extractTexts([recordJson])[0];
}
