/**
 * Built-in: add a field to every JSON record, either a constant `value` or a
 * value taken from the Firehose event (`approximateArrivalTimestamp`,
 * `recordId`). The record is re-serialised compactly, keeping a trailing newline.
 */
import { mapFirehoseRecords, parseJsonObject, trailingNewline } from './firehoseRecords';

export interface AddFieldOptions {
  field: string;
  value?: unknown;
  valueFrom?: 'approximateArrivalTimestamp' | 'recordId';
}

/** Makes the handler. */
export function addFieldHandler(opts: AddFieldOptions) {
  return (event: unknown) =>
    mapFirehoseRecords(event, (text, record) => {
      const obj = parseJsonObject(text);
      if (!obj) return { result: 'ProcessingFailed' };
      obj[opts.field] = opts.valueFrom !== undefined ? record[opts.valueFrom] : opts.value ?? null;
      return { result: 'Ok', text: JSON.stringify(obj) + trailingNewline(text) };
    });
}
