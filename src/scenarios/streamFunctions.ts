/**
 * Built-in Lambda handlers for Kinesis event source mappings in presets
 * (the Lambda service's own built-ins are Firehose transforms). Synchronous
 * and pure, so runs stay deterministic under sim.advance.
 */
import { fromBase64, decodeUtf8, type LambdaHandler } from '../engine';

interface KinesisEvent {
  Records?: Array<{ kinesis?: { data?: string } }>;
}

/** Throws (a function error) when any record in the batch contains `marker`: the poison-record lesson. */
export function poisonPillHandler(marker = 'POISON'): LambdaHandler {
  return (event) => {
    for (const r of (event as KinesisEvent).Records ?? []) {
      const bytes = fromBase64(r.kinesis?.data ?? '');
      if (bytes !== undefined && decodeUtf8(bytes).includes(marker)) throw new Error(`cannot parse record: ${marker}`);
    }
    return { ok: true };
  };
}

/** Counts records and succeeds (a function that keeps up). */
export function countHandler(): LambdaHandler {
  let seen = 0;
  return (event) => {
    seen += (event as KinesisEvent).Records?.length ?? 0;
    return { seen };
  };
}

/** Scenario built-ins by name, with what each does (for the UI). */
export const STREAM_FUNCTIONS: Record<string, { description: string; make: (options: Record<string, unknown>) => LambdaHandler }> = {
  'kinesis-poison-pill': { description: 'Fails any batch holding a record that contains the marker (default "POISON")', make: (o) => poisonPillHandler(typeof o.marker === 'string' ? o.marker : undefined) },
  'kinesis-count': { description: 'Counts records and succeeds', make: () => countHandler() },
};
