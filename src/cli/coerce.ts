/**
 * Turns what was typed (shorthand strings, JSON values) into the request's
 * wire values by the member's declared shape, as the CLI does: integers from
 * text, `true`/`false`, timestamps to epoch seconds, blobs by the CLI v2 rule
 * (base64 unless --cli-binary-format raw-in-base64-out, then raw UTF-8 text).
 */
import type { Shape } from '../engine';
import { toBase64Text, isBase64 } from './base64Text';

/** The CLI's parameter problems (printed under "Parameter validation failed:"). */
export class ParamError extends Error {}

export type BinaryFormat = 'base64' | 'raw-in-base64-out';

/** Coerces `value` (from shorthand or JSON) to `shape`'s wire form; `path` names it in messages. */
export function coerce(value: unknown, shape: Shape, path: string, binary: BinaryFormat): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw invalidType(path, value, "<class 'str'>");
    case 'integer':
    case 'long': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
      if (typeof value === 'string') throw new ParamError(`invalid literal for int() with base 10: '${value}'`);
      throw invalidType(path, value, "<class 'int'>");
    }
    case 'float':
    case 'double': {
      // botocore validates a float member as int or float; shorthand gives text, which the CLI reads with Python's float().
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
      if (typeof value === 'string') throw new ParamError(`could not convert string to float: '${value}'`);
      throw invalidType(path, value, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw invalidType(path, value, "<class 'bool'>");
    case 'blob': {
      if (typeof value !== 'string') throw invalidType(path, value, "<class 'bytes'>, <class 'bytearray'>, file-like object");
      if (binary === 'raw-in-base64-out') return toBase64Text(value);
      if (!isBase64(value)) throw new ParamError(`Invalid base64: "${value}"`);
      return value;
    }
    case 'timestamp': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string') {
        if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
        const ms = Date.parse(value);
        if (Number.isFinite(ms)) return ms / 1000;
      }
      throw new ParamError(`Invalid timestamp value: ${String(value)}`);
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      return items.map((v, i) => coerce(v, shape.member, `${path}[${i}]`, binary));
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidType(path, value, "<class 'dict'>");
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = coerce(v, shape.value, `${path}.${k}`, binary);
      return out;
    }
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidType(path, value, "<class 'dict'>");
      const out: Record<string, unknown> = {};
      const names = Object.keys(shape.members);
      for (const [k, v] of Object.entries(value)) {
        const member = shape.members[k];
        if (!Object.prototype.hasOwnProperty.call(shape.members, k) || member === undefined) {
          throw new ParamError(`Unknown parameter in ${path}: "${k}", must be one of: ${names.join(', ')}`);
        }
        out[k] = coerce(v, member, `${path}.${k}`, binary);
      }
      for (const r of shape.required ?? []) {
        if (!(r in out)) throw new ParamError(`Missing required parameter in ${path}: "${r}"`);
      }
      return out;
    }
  }
}

function invalidType(path: string, value: unknown, valid: string): ParamError {
  const type = typeof value === 'string' ? "<class 'str'>" : typeof value === 'number' ? "<class 'int'>" : typeof value === 'boolean' ? "<class 'bool'>" : Array.isArray(value) ? "<class 'list'>" : "<class 'dict'>";
  return new ParamError(`Invalid type for parameter ${path}, value: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}, type: ${type}, valid types: ${valid}`);
}
