/**
 * Size limits for scenario documents and share links. A link is untrusted
 * input: these bound the work a hostile one can cause (memory, time, nesting)
 * before anything reaches the engine. The README's "Scenarios and sharing"
 * section states them.
 */

/** The scenario format version this build reads and writes. */
export const SCENARIO_VERSION = 1;

/** Longest URL fragment accepted, in characters (before decoding). */
export const MAX_FRAGMENT_CHARS = 96 * 1024;
/** Largest scenario JSON accepted after base64url + inflate: 64 KiB. */
export const MAX_DECODED_BYTES = 64 * 1024;
/** Deepest JSON nesting accepted (objects and arrays). */
export const MAX_DEPTH = 12;
/** Longest string anywhere in a scenario. */
export const MAX_STRING_CHARS = 4096;
/** Most fields in any one object. */
export const MAX_OBJECT_KEYS = 64;

export const MAX_NAME_CHARS = 100;
export const MAX_DESCRIPTION_CHARS = 2000;
export const MAX_STREAMS = 20;
/** Per stream; a 500-shard stream is the largest the app is benchmarked with. */
export const MAX_SHARDS = 1000;
export const MAX_PRODUCERS = 50;
export const MAX_CONSUMERS = 50;
export const MAX_DELIVERY_STREAMS = 20;
export const MAX_LAMBDAS = 20;
export const MAX_BUCKETS = 20;
export const MAX_COMMANDS = 2000;
/** Commands and share-link times reach at most 366 simulated days past the start. */
export const MAX_OFFSET_MS = 366 * 24 * 3600 * 1000;
/** Start times from 1970 to the end of 9999 (what ISO dates can show). */
export const MAX_START_TIME = 253402300799999;
/** Records per second a producer may ask for (the engine throttles far below that per shard). */
export const MAX_PRODUCER_RATE = 1000000;
