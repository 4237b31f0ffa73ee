/**
 * The AppendDelimiterToRecord processor: adds a new line after each record
 * before it is buffered, so an S3 object of JSON records is one record per
 * line [BC-F ProcessorType; facts B4].
 */

const NEWLINE = 10;

/** The record followed by '\n'. */
export function appendDelimiterToRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 1);
  out.set(data, 0);
  out[data.length] = NEWLINE;
  return out;
}
