/**
 * The constraint pass of a request against its declared shape, with AWS's
 * message format: every failure as "Value 'x' at 'member.path' failed to
 * satisfy constraint: Member must ...", counted and joined with "; " in the
 * model's member order ("2 validation errors detected: ...; ..."), member
 * names in lower camel case, list members as 'records.1.member.partitionKey',
 * at most 10 failures reported (as AWS truncates). One formatter for every
 * service: ValidationErrors in core/errors.ts.
 */
import { ValidationErrors } from './errors';
import type { Shape, StructureShape } from './shape';

/** AWS reports at most this many failures in one message. */
const MAX_REPORTED = 10;

const lowerFirst = (k: string) => (k === '' ? k : k[0].toLowerCase() + k.slice(1));

/** Checks `input` against `shape`; throws ValidationException with every failure when any. */
export function validateShape(shape: StructureShape, input: unknown): void {
  const v = new ValidationErrors();
  collectStructure(v, shape, (input ?? {}) as Record<string, unknown>, '');
  v.throwIfAny(MAX_REPORTED);
}

function collectStructure(v: ValidationErrors, shape: StructureShape, value: Record<string, unknown>, parent: string): void {
  const required = new Set(shape.required ?? []);
  for (const [name, member] of Object.entries(shape.members)) {
    const path = (parent === '' ? '' : `${parent}.`) + lowerFirst(name);
    const x = value[name];
    if (x === undefined || x === null) {
      if (required.has(name)) v.add(null, path, 'not be null');
      continue;
    }
    collect(v, member, x, path);
  }
}

function collect(v: ValidationErrors, shape: Shape, x: unknown, path: string): void {
  switch (shape.type) {
    case 'string': {
      if (typeof x !== 'string') return;
      if (shape.min !== undefined && x.length < shape.min) v.add(x, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && x.length > shape.max) v.add(x, path, `have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`).test(x)) v.add(x, path, `satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(x)) v.add(x, path, `satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer':
    case 'long':
      if (typeof x !== 'number') return;
      if (shape.min !== undefined && x < shape.min) v.add(x, path, `have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && x > shape.max) v.add(x, path, `have value less than or equal to ${shape.max}`);
      return;
    case 'blob': {
      if (!(x instanceof Uint8Array)) return;
      if (shape.min !== undefined && x.length < shape.min) v.add(x, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && x.length > shape.max) v.add(x, path, `have length less than or equal to ${shape.max}`);
      return;
    }
    case 'list': {
      if (!Array.isArray(x)) return;
      if (shape.min !== undefined && x.length < shape.min) v.add(x, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && x.length > shape.max) v.add(x, path, `have length less than or equal to ${shape.max}`);
      x.forEach((item, i) => {
        const p = `${path}.${i + 1}.member`;
        if (shape.member.type === 'structure' && item !== null && typeof item === 'object') collectStructure(v, shape.member, item as Record<string, unknown>, p);
        else if (item !== null && item !== undefined) collect(v, shape.member, item, p);
      });
      return;
    }
    case 'map': {
      if (x === null || typeof x !== 'object' || Array.isArray(x)) return;
      const entries = Object.entries(x as Record<string, unknown>);
      if (shape.min !== undefined && entries.length < shape.min) v.add(x, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && entries.length > shape.max) v.add(x, path, `have length less than or equal to ${shape.max}`);
      for (const [k, item] of entries) {
        collect(v, shape.key, k, `${path}.${k}.key`);
        if (item !== null && item !== undefined) collect(v, shape.value, item, `${path}.${k}.value`);
      }
      return;
    }
    case 'structure':
      if (x !== null && typeof x === 'object' && !Array.isArray(x)) collectStructure(v, shape, x as Record<string, unknown>, path);
      return;
    case 'boolean':
    case 'timestamp':
      return;
  }
}
