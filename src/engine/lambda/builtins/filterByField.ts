/**
 * Built-in: filter by field. Records (JSON objects) whose `field` equals one of
 * `values` are Dropped (mode 'drop', the default) or are the only ones kept
 * (mode 'keep'). Dropped records count as successfully processed and are not
 * delivered [KDF-DG23 data-transformation]. Non-JSON records fail.
 */
import { mapFirehoseRecords, parseJsonObject } from './firehoseRecords';

export interface FilterByFieldOptions {
  field: string;
  values: unknown[];
  mode?: 'drop' | 'keep';
}

/** Makes the handler. */
export function filterByFieldHandler(opts: FilterByFieldOptions) {
  const wanted = new Set(opts.values.map((v) => JSON.stringify(v)));
  const mode = opts.mode ?? 'drop';
  return (event: unknown) =>
    mapFirehoseRecords(event, (text) => {
      const obj = parseJsonObject(text);
      if (!obj) return { result: 'ProcessingFailed' };
      const matches = wanted.has(JSON.stringify(obj[opts.field] ?? null));
      return matches === (mode === 'drop') ? { result: 'Dropped' } : { result: 'Ok', text };
    });
}
