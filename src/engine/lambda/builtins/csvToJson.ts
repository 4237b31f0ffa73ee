/**
 * Built-in: CSV to JSON, the classic Firehose transform. Each CSV line
 * `1,Alice,30` becomes `{"id":"1","name":"Alice","age":"30"}` followed by a
 * newline (the header is configurable; values stay strings unless
 * `numericFields` names them). A line with the wrong number of fields fails
 * the record (ProcessingFailed), so it lands under processing-failed/.
 */
import { mapFirehoseRecords, type RecordDecision } from './firehoseRecords';

export interface CsvToJsonOptions {
  /** Column names, in order (default id,name,age). */
  header?: string[];
  /** Columns written as JSON numbers when they parse as finite numbers. */
  numericFields?: string[];
  /** Field separator (default ','). */
  delimiter?: string;
}

export const DEFAULT_CSV_HEADER = ['id', 'name', 'age'];

/** Makes the handler. */
export function csvToJsonHandler(opts: CsvToJsonOptions = {}) {
  const header = opts.header ?? DEFAULT_CSV_HEADER;
  const numeric = new Set(opts.numericFields ?? []);
  const delimiter = opts.delimiter ?? ',';
  return (event: unknown) => mapFirehoseRecords(event, (text) => convertCsv(text, header, numeric, delimiter));
}

/** Converts every non-empty line of a record; one bad line fails the record. */
export function convertCsv(text: string, header: string[], numeric: Set<string>, delimiter: string): RecordDecision {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) return { result: 'ProcessingFailed' };
  let out = '';
  for (const line of lines) {
    const fields = splitCsvLine(line, delimiter);
    if (fields === undefined || fields.length !== header.length) return { result: 'ProcessingFailed' };
    const obj: Record<string, string | number> = {};
    header.forEach((name, i) => {
      const raw = fields[i];
      const n = Number(raw);
      obj[name] = numeric.has(name) && raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    });
    out += JSON.stringify(obj) + '\n';
  }
  return { result: 'Ok', text: out };
}

/** Splits one CSV line (RFC 4180 quotes: "a,b" and "" for a quote); undefined if a quote is left open. */
export function splitCsvLine(line: string, delimiter = ','): string[] | undefined {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return undefined;
  out.push(field);
  return out;
}
