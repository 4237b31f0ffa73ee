/**
 * Lambda limits the simulator enforces [BC-L; Lambda quotas page].
 */

/** Synchronous invocation payload limit, request and response: 6 MB (6,291,456 bytes) [KDF-DG23 data-transformation; Lambda quotas]. */
export const MAX_REQUEST_PAYLOAD_BYTES = 6291456;
/** Lambda reports the response limit as 6291556 bytes in its Function.ResponseSizeTooLarge message. */
export const MAX_RESPONSE_PAYLOAD_BYTES = 6291556;
/** Timeout range, seconds; default 3 [BC-L Timeout]. */
export const TIMEOUT_RANGE: [number, number] = [1, 900];
export const DEFAULT_TIMEOUT_SECONDS = 3;
/** MemorySize range, MB; default 128 [BC-L MemorySize]. */
export const MEMORY_RANGE: [number, number] = [128, 10240];
export const DEFAULT_MEMORY_MB = 128;
/** Default account concurrency limit (unreserved pool) [Lambda quotas]. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
/** Default simulated run time of an invocation, ms (a simulator knob, not an AWS value). */
export const DEFAULT_DURATION_MS = 100;
/** FunctionName: 1-64 characters of letters, digits, hyphens and underscores (the short-name form) [BC-L FunctionName]. */
export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9-_]{1,64}$/;
