/**
 * Validates untrusted JSON against a schema description (schemaDsl.ts) and
 * reports located messages such as `topology.producers[2].rate: must be at most
 * 1000000`. Nothing is evaluated: values are only inspected.
 */
import type { SchemaNode } from './schemaDsl';
import { MAX_DEPTH, MAX_OBJECT_KEYS, MAX_STRING_CHARS } from './limits';

/** Field names refused anywhere: they could reach an object's prototype when copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** At most this many messages are reported; the first is usually enough. */
const MAX_MESSAGES = 10;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export class Problems {
  readonly messages: string[] = [];
  add(path: string, message: string): void {
    if (this.messages.length < MAX_MESSAGES) this.messages.push(`${path || '(document)'}: ${message}`);
  }
  get full(): boolean {
    return this.messages.length >= MAX_MESSAGES;
  }
}

/** `a.b[2].c`, with odd keys quoted: `Tags["my key"]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key.length > 40 ? key.slice(0, 40) + '…' : key)}]`;
}

/**
 * Document-wide bounds checked before the schema: nesting depth, string
 * lengths, object sizes, forbidden keys and non-JSON values. Iterative, so a
 * deeply nested value cannot exhaust the stack.
 */
export function checkBounds(value: unknown, problems: Problems): void {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0 && !problems.full) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING_CHARS) problems.add(path, `must be at most ${MAX_STRING_CHARS} characters long`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.add(path, 'must be a finite number');
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) {
        problems.add(path, `is nested too deeply (more than ${MAX_DEPTH} levels)`);
        continue;
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: joinPath(path, i), depth: depth + 1 });
      } else {
        if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
          problems.add(path, 'must be plain JSON');
          continue;
        }
        const keys = Object.keys(v);
        if (keys.length > MAX_OBJECT_KEYS) problems.add(path, `must have at most ${MAX_OBJECT_KEYS} fields`);
        for (const k of keys.reverse()) {
          if (FORBIDDEN_KEYS.has(k)) problems.add(joinPath(path, k), 'forbidden field name');
          else stack.push({ v: (v as Record<string, unknown>)[k], path: joinPath(path, k), depth: depth + 1 });
        }
      }
    } else if (typeof v !== 'boolean' && v !== null) {
      problems.add(path, 'must be plain JSON');
    }
  }
}

/** Checks `value` against `node`, adding a located message per problem. */
export function checkNode(value: unknown, node: SchemaNode, path: string, problems: Problems): void {
  if (problems.full) return;
  switch (node.kind) {
    case 'string': {
      if (typeof value !== 'string') return problems.add(path, 'must be a string');
      if (node.enum !== undefined) {
        if (!node.enum.includes(value)) problems.add(path, `must be one of: ${node.enum.join(', ')}`);
        return;
      }
      const min = node.minLength ?? 1;
      if (value.length < min) return problems.add(path, min === 1 ? 'must not be empty' : `must be at least ${min} characters long`);
      if (value.length > node.maxLength) return problems.add(path, `must be at most ${node.maxLength} characters long`);
      if (node.text === true && CONTROL_CHARS.test(value)) return problems.add(path, 'must not contain control characters');
      if (node.pattern !== undefined && !new RegExp(node.pattern).test(value)) {
        problems.add(path, `must match ${node.patternHint ?? node.pattern}`);
      }
      return;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return problems.add(path, node.kind === 'integer' ? 'must be an integer' : 'must be a number');
      if (node.kind === 'integer' && !Number.isInteger(value)) return problems.add(path, 'must be an integer');
      if (value < node.min) return problems.add(path, `must be at least ${node.min}`);
      if (value > node.max) return problems.add(path, `must be at most ${node.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') problems.add(path, 'must be true or false');
      return;
    case 'const':
      if (value !== node.value) problems.add(path, `must be ${JSON.stringify(node.value)}`);
      return;
    case 'array': {
      if (!Array.isArray(value)) return problems.add(path, 'must be an array');
      if (value.length > node.maxItems) return problems.add(path, `must have at most ${node.maxItems} items`);
      if (node.minItems !== undefined && value.length < node.minItems) return problems.add(path, `must have at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
      value.forEach((item, i) => checkNode(item, node.items, joinPath(path, i), problems));
      return;
    }
    case 'object': {
      if (!isPlainObject(value)) return problems.add(path, 'must be an object');
      for (const key of node.required) if (!(key in value)) problems.add(joinPath(path, key), 'is required');
      for (const [key, v] of Object.entries(value)) {
        const child = Object.prototype.hasOwnProperty.call(node.props, key) ? node.props[key] : undefined;
        if (child !== undefined) checkNode(v, child, joinPath(path, key), problems);
        else if (node.open !== true) problems.add(joinPath(path, key), 'unknown field');
      }
      return;
    }
    case 'map': {
      if (!isPlainObject(value)) return problems.add(path, 'must be an object');
      const entries = Object.entries(value);
      if (entries.length > node.maxProps) return problems.add(path, `must have at most ${node.maxProps} fields`);
      for (const [key, v] of entries) {
        if (key.length === 0 || key.length > node.keyMaxLength) problems.add(joinPath(path, key), `field names must be 1 to ${node.keyMaxLength} characters long`);
        else checkNode(v, node.values, joinPath(path, key), problems);
      }
      return;
    }
    case 'union': {
      const match = node.options.find((o) => acceptsType(o, value));
      if (match === undefined) return problems.add(path, `must be ${node.options.map(typeName).join(' or ')}`);
      checkNode(value, match, path, problems);
      return;
    }
    case 'tagged': {
      if (!isPlainObject(value)) return problems.add(path, 'must be an object');
      const tagValue = value[node.tag];
      const names = Object.keys(node.variants);
      if (typeof tagValue !== 'string' || !Object.prototype.hasOwnProperty.call(node.variants, tagValue)) {
        return problems.add(joinPath(path, node.tag), tagValue === undefined ? 'is required' : `must be one of: ${names.join(', ')}`);
      }
      checkNode(value, node.variants[tagValue], path, problems);
      return;
    }
    case 'json':
      return; // bounded by checkBounds
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function acceptsType(node: SchemaNode, v: unknown): boolean {
  switch (node.kind) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'const':
      return typeof v === typeof node.value;
    case 'array':
      return Array.isArray(v);
    case 'object':
    case 'map':
    case 'tagged':
      return isPlainObject(v);
    case 'union':
      return node.options.some((o) => acceptsType(o, v));
    case 'json':
      return true;
  }
}

function typeName(node: SchemaNode): string {
  switch (node.kind) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'const':
      return JSON.stringify(node.value);
    case 'array':
      return 'an array';
    case 'object':
    case 'map':
    case 'tagged':
      return 'an object';
    case 'union':
      return node.options.map(typeName).join(' or ');
    case 'json':
      return 'any JSON value';
  }
}
