/**
 * A tiny declarative schema language for scenario documents. One description
 * drives both the validator (validate.ts, located messages, no eval) and the
 * published JSON Schema (toJsonSchema.ts -> public/scenario.schema.json), so
 * the two cannot drift apart.
 */

export type SchemaNode =
  | { kind: 'string'; minLength?: number; maxLength: number; pattern?: string; patternHint?: string; enum?: readonly string[]; text?: boolean; description?: string }
  | { kind: 'integer'; min: number; max: number; description?: string }
  | { kind: 'number'; min: number; max: number; description?: string }
  | { kind: 'boolean'; description?: string }
  | { kind: 'const'; value: string | number; description?: string }
  /** `open`: fields not listed are accepted as bounded JSON (configs owned by other modules). */
  | { kind: 'object'; props: Record<string, SchemaNode>; required: readonly string[]; open?: boolean; description?: string }
  /** A string-keyed map (Tags, template fields) with bounded size. */
  | { kind: 'map'; values: SchemaNode; maxProps: number; keyMaxLength: number; description?: string }
  | { kind: 'array'; items: SchemaNode; minItems?: number; maxItems: number; description?: string }
  /** The first alternative whose `kind` accepts the value's JSON type is used. */
  | { kind: 'union'; options: readonly SchemaNode[]; description?: string }
  /** Objects told apart by a string field (`kind`, `type`): each variant is an object schema. */
  | { kind: 'tagged'; tag: string; variants: Record<string, SchemaNode>; description?: string }
  /** Any JSON value, bounded only by the document-wide depth and size limits. */
  | { kind: 'json'; description?: string };

type Opt<T> = Omit<T, 'kind'>;
type Of<K extends SchemaNode['kind']> = Extract<SchemaNode, { kind: K }>;

export const str = (o: Opt<Of<'string'>>): SchemaNode => ({ kind: 'string', ...o });
/** Free text shown to people (names, descriptions): any characters but control characters. */
export const text = (maxLength: number, description?: string): SchemaNode => ({ kind: 'string', maxLength, text: true, description });
export const int = (min: number, max: number, description?: string): SchemaNode => ({ kind: 'integer', min, max, description });
export const num = (min: number, max: number, description?: string): SchemaNode => ({ kind: 'number', min, max, description });
export const bool = (description?: string): SchemaNode => ({ kind: 'boolean', description });
export const konst = (value: string | number, description?: string): SchemaNode => ({ kind: 'const', value, description });
export const oneOfStrings = (values: readonly string[], description?: string): SchemaNode => ({
  kind: 'string',
  maxLength: Math.max(...values.map((v) => v.length)),
  enum: values,
  description,
});
export const obj = (props: Record<string, SchemaNode>, required: readonly string[] = [], description?: string): SchemaNode => ({
  kind: 'object',
  props,
  required,
  description,
});
/** An object that also accepts fields it does not list (checked by the engine when applied). */
export const openObj = (props: Record<string, SchemaNode>, required: readonly string[] = [], description?: string): SchemaNode => ({
  kind: 'object',
  props,
  required,
  open: true,
  description,
});
export const map = (values: SchemaNode, maxProps: number, keyMaxLength: number, description?: string): SchemaNode => ({
  kind: 'map',
  values,
  maxProps,
  keyMaxLength,
  description,
});
export const arr = (items: SchemaNode, maxItems: number, minItems?: number, description?: string): SchemaNode => ({
  kind: 'array',
  items,
  maxItems,
  minItems,
  description,
});
export const union = (options: readonly SchemaNode[], description?: string): SchemaNode => ({ kind: 'union', options, description });
export const tagged = (tag: string, variants: Record<string, SchemaNode>, description?: string): SchemaNode => ({ kind: 'tagged', tag, variants, description });
export const json = (description?: string): SchemaNode => ({ kind: 'json', description });
