/** Engine calls whose errors come back as data (the S3 browser, the inspector's queries). */
import { isAwsError } from '../engine';
import type { CommandResult } from './protocol';

/** Runs `fn`, turning an AwsError (or any error) into data. */
export function attempt<T>(fn: () => T): CommandResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isAwsError(e)) return { ok: false, error: { type: e.type, message: e.message } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { type: err.name || 'Error', message: err.message } };
  }
}
