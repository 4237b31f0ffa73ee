/**
 * Turns the schema description (schemaDsl.ts) into JSON Schema (draft
 * 2020-12). `npm run` scripts/write-scenario-schema.ts writes it to
 * public/scenario.schema.json; a test checks that file is up to date.
 */
import type { SchemaNode } from './schemaDsl';
import { commandArgs, scenarioSchema } from './scenarioSchema';

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of one node. */
export function toJsonSchema(node: SchemaNode): JsonSchema {
  const out = convert(node);
  if (node.description !== undefined) out.description = node.description;
  return out;
}

function convert(node: SchemaNode): JsonSchema {
  switch (node.kind) {
    case 'string': {
      if (node.enum !== undefined) return { type: 'string', enum: [...node.enum] };
      const s: JsonSchema = { type: 'string', minLength: node.minLength ?? 1, maxLength: node.maxLength };
      if (node.pattern !== undefined) s.pattern = node.pattern;
      else if (node.text === true) s.pattern = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$';
      return s;
    }
    case 'integer':
      return { type: 'integer', minimum: node.min, maximum: node.max };
    case 'number':
      return { type: 'number', minimum: node.min, maximum: node.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'const':
      return { const: node.value };
    case 'object': {
      const properties = Object.fromEntries(Object.entries(node.props).map(([k, v]) => [k, toJsonSchema(v)]));
      const s: JsonSchema = { type: 'object', properties, additionalProperties: node.open === true };
      if (node.required.length > 0) s.required = [...node.required];
      return s;
    }
    case 'map':
      return { type: 'object', maxProperties: node.maxProps, propertyNames: { minLength: 1, maxLength: node.keyMaxLength }, additionalProperties: toJsonSchema(node.values) };
    case 'array': {
      const s: JsonSchema = { type: 'array', items: toJsonSchema(node.items), maxItems: node.maxItems };
      if (node.minItems !== undefined) s.minItems = node.minItems;
      return s;
    }
    case 'union':
      return { anyOf: node.options.map(toJsonSchema) };
    case 'tagged':
      return { type: 'object', required: [node.tag], oneOf: Object.values(node.variants).map(toJsonSchema) };
    case 'json':
      return {};
  }
}

/** The published schema of a scenario document, with each command's args tied to its op. */
export function scenarioJsonSchema(): JsonSchema {
  const root = toJsonSchema(scenarioSchema);
  const command = ((root.properties as Record<string, JsonSchema>).commands.items as JsonSchema);
  command.allOf = Object.entries(commandArgs)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([op, args]) => ({ if: { properties: { op: { const: op } } }, then: { properties: { args: toJsonSchema(args) } } }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'scenario.schema.json',
    title: 'Kinesis Simulator scenario',
    ...root,
    $comment:
      'Also enforced by the app: nesting at most 12 levels, strings at most 4096 characters, at most 64 fields per object, no __proto__/constructor/prototype keys, commands in time order, unique names.',
  };
}
