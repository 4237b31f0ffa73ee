/**
 * Scenario schema nodes derived from the engine's declared request shapes
 * (engine/<service>/operations/shapes.ts via apiModels), so the scenario
 * allow-list never restates an AWS constraint. What the scenario adds is its
 * own: caps that keep a shared link small (a shard count cap, Data as at most
 * 4 KiB of base64, bounded lists and free strings), readable pattern hints, and
 * members left open where the engine validates a configuration itself.
 */
import type { Shape, StructureShape } from '../engine';
import { arr, bool, int, map, num, obj, openObj, str, type SchemaNode } from './schemaDsl';

/** What a scenario caps or describes beyond the AWS shape. */
export interface ScenarioCaps {
  /** Member name -> the scenario's own node (e.g. ShardCount capped at the scenario's shard limit). */
  members?: Readonly<Record<string, SchemaNode>>;
  /** Member names whose structures accept members the shape does not list (the engine checks them). */
  open?: ReadonlySet<string>;
}

/** Bounds for unbounded model values, to keep hostile documents out. */
const FREE_STRING_MAX = 4096;
const LIST_MAX = 1000;
const MAP_MAX = 200;
/** Base64 of scenario data is kept to 4 KiB of text (a scenario is a link, not a payload store). */
const DATA_BASE64_MAX = 4096;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Readable hints for the model's patterns (the scenario's error messages say these). */
const PATTERN_HINTS: Readonly<Record<string, string>> = {
  '[a-zA-Z0-9_.-]+': 'letters, digits, "_", "." and "-"',
  '[a-zA-Z0-9._-]+': 'letters, digits, "_", "." and "-"',
  '0|([1-9]\\d{0,38})': 'a decimal hash key',
  '0|([1-9]\\d{0,128})': 'a decimal sequence number',
  'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+': 'a Kinesis stream ARN',
  'arn:.*': 'an ARN',
};

/** The scenario node for one declared shape. */
export function schemaOf(shape: Shape, caps: ScenarioCaps = {}, name?: string): SchemaNode {
  const own = name !== undefined ? caps.members?.[name] : undefined;
  if (own !== undefined) return own;
  switch (shape.type) {
    case 'string': {
      if (shape.enum !== undefined) return str({ maxLength: Math.max(...shape.enum.map((e) => e.length)), enum: shape.enum });
      // Patterns with Unicode classes need the 'u' flag the scenario validator does not use; the engine checks those.
      const pattern = shape.pattern !== undefined && !shape.pattern.includes('\\p') ? `^(?:${shape.pattern})$` : undefined;
      const hint = shape.pattern !== undefined ? PATTERN_HINTS[shape.pattern] : undefined;
      return str({ minLength: shape.min ?? 0, maxLength: Math.min(shape.max ?? FREE_STRING_MAX, FREE_STRING_MAX), ...(pattern !== undefined ? { pattern } : {}), ...(hint !== undefined ? { patternHint: hint } : {}) });
    }
    case 'integer':
    case 'long':
      return int(shape.min ?? INT_MIN, shape.max ?? (shape.type === 'integer' ? INT_MAX : Number.MAX_SAFE_INTEGER));
    case 'float':
    case 'double':
      return num(shape.min ?? -Number.MAX_VALUE, shape.max ?? Number.MAX_VALUE);
    case 'boolean':
      return bool();
    case 'blob':
      return str({ minLength: 0, maxLength: DATA_BASE64_MAX });
    case 'timestamp':
      return num(0, 1e11);
    case 'list':
      return arr(schemaOf(shape.member, caps), Math.min(shape.max ?? LIST_MAX, LIST_MAX), shape.min);
    case 'map':
      return map(schemaOf(shape.value, caps), Math.min(shape.max ?? MAP_MAX, MAP_MAX), shape.key.max ?? 128);
    case 'structure':
      return structureSchema(shape, caps, name);
  }
}

/** The scenario node for a request structure (a command's args). */
export function structureSchema(shape: StructureShape, caps: ScenarioCaps = {}, name?: string, description?: string): SchemaNode {
  const props = Object.fromEntries(Object.entries(shape.members).map(([k, m]) => [k, schemaOf(m, caps, k)]));
  const open = Object.keys(shape.members).length === 0 || (name !== undefined && caps.open?.has(name) === true);
  return open ? openObj(props, shape.required ?? [], description) : obj(props, shape.required ?? [], description);
}
