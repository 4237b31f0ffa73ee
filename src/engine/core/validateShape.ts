/**
 * The constraint pass of a request against its declared shape, with AWS's
 * message format: every failure as "Value 'x' at 'member.path' failed to
 * satisfy constraint: Member must ...", counted and joined with "; " in the
 * model's member order ("2 validation errors detected: ...; ..."), member
 * names in lower camel case, list members as 'records.1.member.partitionKey',
 * at most 10 failures reported (as AWS truncates). One formatter for every
 * service: ValidationErrors in core/errors.ts.
 */
import { JavaMap, ValidationErrors } from './errors';
import type { Shape, StructureShape } from './shape';

/** AWS reports at most this many failures in one message. */
const MAX_REPORTED = 10;

/** Compiled, anchored patterns (a cache of pure values, not simulation state). */
const compiled = new Map<string, RegExp>();
function anchored(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

/** Unicode characters (code points), as AWS counts string lengths (a 256-emoji partition key is allowed). */
function charCount(text: string, max: number | undefined): number {
  if (max === undefined || text.length <= max) {
    // Surrogate pairs only shrink the count; below the max the UTF-16 length decides the min check too.
    if (text.length === 0 || !/[\uD800-\uDBFF]/.test(text)) return text.length;
  }
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const lowerFirst = (k: string) => (k === '' ? k : k[0].toLowerCase() + k.slice(1));

/**
 * Checks `input` against `shape`; throws ValidationException with every failure when any.
 * A request that passes (nearly all of them) costs one pass that builds nothing: the
 * member paths and messages are built only when some constraint fails, so a PutRecords
 * of 500 entries does not make 1,500 path strings to throw them away.
 */
export function validateShape(shape: StructureShape, input: unknown): void {
  const value = (input ?? {}) as Record<string, unknown>;
  if (structurePasses(shape, value)) return;
  const v = new ValidationErrors();
  collectStructure(v, shape, value, '');
  v.throwIfAny(MAX_REPORTED);
}

/** How many failures the full pass finds (every one, before AWS's cap of 10): the fast pass's oracle in tests. */
export function countShapeFailures(shape: StructureShape, input: unknown): number {
  const v = new ValidationErrors();
  collectStructure(v, shape, (input ?? {}) as Record<string, unknown>, '');
  return v.count;
}

/** A structure's members as parallel arrays, in declared order: what the fast pass walks per item. */
interface MemberPlan {
  names: string[];
  shapes: Shape[];
  required: boolean[];
}

/** Member plans of the declared shapes (a cache of pure values derived from constants, not simulation state). */
const plans = new WeakMap<StructureShape, MemberPlan>();
function planOf(shape: StructureShape): MemberPlan {
  let plan = plans.get(shape);
  if (plan === undefined) {
    const names = Object.keys(shape.members);
    plan = { names, shapes: names.map((n) => shape.members[n]), required: names.map((n) => shape.required?.includes(n) === true) };
    plans.set(shape, plan);
  }
  return plan;
}

/**
 * True when `collectStructure` would add no failure: the same rules in the same
 * shape walk, answering yes or no without paths, messages or allocation.
 */
function structurePasses(shape: StructureShape, value: Record<string, unknown>): boolean {
  return planPasses(planOf(shape), value);
}

/** structurePasses with the member plan already looked up (a list of 500 structures looks it up once). */
function planPasses(plan: MemberPlan, value: Record<string, unknown>): boolean {
  const names = plan.names;
  for (let i = 0; i < names.length; i++) {
    const x = value[names[i]];
    if (x === undefined || x === null) {
      if (plan.required[i]) return false;
      continue;
    }
    if (!passes(plan.shapes[i], x)) return false;
  }
  return true;
}

/** True when `collect` would add no failure for `x` (see structurePasses). */
function passes(shape: Shape, x: unknown): boolean {
  switch (shape.type) {
    case 'string': {
      if (typeof x !== 'string') return true;
      if (shape.min !== undefined || shape.max !== undefined) {
        // A UTF-16 length within max and at least twice min holds at least min code points.
        const quick = (shape.max === undefined || x.length <= shape.max) && (shape.min === undefined || x.length >= 2 * shape.min);
        if (!quick) {
          const n = charCount(x, shape.max);
          if ((shape.min !== undefined && n < shape.min) || (shape.max !== undefined && n > shape.max)) return false;
        }
      }
      if (shape.pattern !== undefined && !anchored(shape.pattern).test(x)) return false;
      return shape.enum === undefined || shape.enum.includes(x);
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return typeof x !== 'number' || ((shape.min === undefined || x >= shape.min) && (shape.max === undefined || x <= shape.max));
    case 'blob':
      return !(x instanceof Uint8Array) || ((shape.min === undefined || x.length >= shape.min) && (shape.max === undefined || x.length <= shape.max));
    case 'list': {
      if (!Array.isArray(x)) return true;
      if ((shape.min !== undefined && x.length < shape.min) || (shape.max !== undefined && x.length > shape.max)) return false;
      const member = shape.member;
      if (member.type === 'structure') {
        const plan = planOf(member);
        for (let i = 0; i < x.length; i++) {
          const item: unknown = x[i];
          if (item !== null && typeof item === 'object' && !planPasses(plan, item as Record<string, unknown>)) return false;
        }
        return true;
      }
      for (let i = 0; i < x.length; i++) {
        const item: unknown = x[i];
        if (item !== null && item !== undefined && !passes(member, item)) return false;
      }
      return true;
    }
    case 'map': {
      if (x === null || typeof x !== 'object' || Array.isArray(x)) return true;
      let n = 0;
      for (const k in x as Record<string, unknown>) {
        if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
        n++;
        if (!passes(shape.key, k)) return false;
        const item = (x as Record<string, unknown>)[k];
        if (item !== null && item !== undefined && !passes(shape.value, item)) return false;
      }
      return (shape.min === undefined || n >= shape.min) && (shape.max === undefined || n <= shape.max);
    }
    case 'structure':
      return x === null || typeof x !== 'object' || Array.isArray(x) || structurePasses(shape, x as Record<string, unknown>);
    case 'boolean':
    case 'timestamp':
      return true;
  }
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
      const n = charCount(x, shape.max);
      if (shape.min !== undefined && n < shape.min) v.add(x, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && n > shape.max) v.add(x, path, `have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !anchored(shape.pattern).test(x)) v.add(x, path, `satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(x)) v.add(x, path, `satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
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
      // A non-empty list of structures is shown abbreviated ('[501 records]'): AWS
      // prints every member's Java form, which the simulator does not imitate.
      const shown = shape.member.type === 'structure' && x.length > 0 ? `[${x.length} ${path.slice(path.lastIndexOf('.') + 1)}]` : x;
      if (shape.min !== undefined && x.length < shape.min) v.add(shown, path, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && x.length > shape.max) v.add(shown, path, `have length less than or equal to ${shape.max}`);
      // A list of scalars fails as a whole, listing every constraint of its member
      // ("Value '[Bytes]' at 'shardLevelMetrics' failed to satisfy constraint: Member
      // must satisfy constraint: [Member must satisfy enum value set: [...]]"), as AWS answers.
      if (isScalar(shape.member)) {
        if (x.some((item) => item !== null && item !== undefined && fails(shape.member, item))) v.add(x, path, `satisfy constraint: [${memberRules(shape.member)}]`);
        return;
      }
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
      // Keys (and scalar values) fail at the map, shown as Java prints a map, with every
      // rule of the key shape: "Map keys must satisfy constraint: [Member must have length
      // less than or equal to 128, Member must have length greater than or equal to 1]".
      const shown = new JavaMap(entries);
      if (entries.some(([k]) => fails(shape.key, k))) v.addRaw(shown, path, `Map keys must satisfy constraint: [${memberRules(shape.key)}]`);
      if (isScalar(shape.value)) {
        if (entries.some(([, item]) => item !== null && item !== undefined && fails(shape.value, item))) v.addRaw(shown, path, `Map value must satisfy constraint: [${memberRules(shape.value)}]`);
      } else {
        for (const [k, item] of entries) if (item !== null && item !== undefined) collect(v, shape.value, item, `${path}.${k}.value`);
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

type ScalarShape = Extract<Shape, { type: 'string' | 'integer' | 'long' | 'float' | 'double' }>;
function isScalar(shape: Shape): shape is ScalarShape {
  return shape.type === 'string' || isNumber(shape);
}

function isNumber(shape: Shape): shape is Extract<Shape, { type: 'integer' | 'long' | 'float' | 'double' }> {
  return shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double';
}

/** Whether one scalar breaks any rule of its shape. */
function fails(shape: Shape, x: unknown): boolean {
  const probe = new ValidationErrors();
  collect(probe, shape, x, '');
  return probe.count > 0;
}

/** Every rule of a scalar member in AWS's order (max, min, pattern, enum), each "Member must ...". */
function memberRules(shape: Shape): string {
  const rules: string[] = [];
  if (shape.type === 'string') {
    if (shape.max !== undefined) rules.push(`Member must have length less than or equal to ${shape.max}`);
    if (shape.min !== undefined) rules.push(`Member must have length greater than or equal to ${shape.min}`);
    if (shape.pattern !== undefined) rules.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    if (shape.enum !== undefined) rules.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  } else if (isNumber(shape)) {
    if (shape.max !== undefined) rules.push(`Member must have value less than or equal to ${shape.max}`);
    if (shape.min !== undefined) rules.push(`Member must have value greater than or equal to ${shape.min}`);
  }
  return rules.join(', ');
}
