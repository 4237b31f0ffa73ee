/**
 * One declared request shape per operation, as the AWS API models declare
 * them: member types (string, integer, long, float, double, boolean, blob,
 * timestamp, list,
 * map, structure), required members, lengths, value ranges, patterns and
 * enums. An operation declares its shape once (kinesis/operations/shapes.ts
 * for Kinesis) and three readers take it from there:
 *   - the wire layer checks JSON types (a number where a string belongs is
 *     SerializationException, as AWS's JSON 1.1 services answer: checkWireTypes.ts);
 *   - the typed API checks constraints with AWS's message format
 *     ("2 validation errors detected: Value 'x' at 'streamName' failed to
 *     satisfy constraint: ...", validateShape.ts);
 *   - the scenario allow-list and the CLI console derive their parameter
 *     checks and names from it (scenarios/awsShapes.ts).
 * Declare members in the model's order: AWS reports failures in that order.
 */

export type Shape = StringShape | NumberShape | BooleanShape | BlobShape | TimestampShape | ListShape | MapShape | StructureShape;

export interface StringShape {
  type: 'string';
  min?: number;
  max?: number;
  /** The model's pattern, as AWS prints it in messages (anchored when checked). */
  pattern?: string;
  enum?: readonly string[];
}
export interface NumberShape {
  /** integer and long take whole numbers; float and double any JSON number. */
  type: 'integer' | 'long' | 'float' | 'double';
  min?: number;
  max?: number;
}
export interface BooleanShape {
  type: 'boolean';
}
/** Bytes: base64 on the wire, Uint8Array in the engine; lengths count bytes. */
export interface BlobShape {
  type: 'blob';
  min?: number;
  max?: number;
}
/** Epoch seconds on the wire, epoch ms in the engine. */
export interface TimestampShape {
  type: 'timestamp';
}
export interface ListShape {
  type: 'list';
  member: Shape;
  min?: number;
  max?: number;
}
export interface MapShape {
  type: 'map';
  key: StringShape;
  value: Shape;
  min?: number;
  max?: number;
}
export interface StructureShape {
  type: 'structure';
  members: Readonly<Record<string, Shape>>;
  required?: readonly string[];
}

/** Builders that read like the model. */
export const s = {
  string: (c: Omit<StringShape, 'type'> = {}): StringShape => ({ type: 'string', ...c }),
  enum: (values: readonly string[]): StringShape => ({ type: 'string', enum: values }),
  integer: (min?: number, max?: number): NumberShape => ({ type: 'integer', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  long: (min?: number, max?: number): NumberShape => ({ type: 'long', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  float: (min?: number, max?: number): NumberShape => ({ type: 'float', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  double: (min?: number, max?: number): NumberShape => ({ type: 'double', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  boolean: (): BooleanShape => ({ type: 'boolean' }),
  blob: (min?: number, max?: number): BlobShape => ({ type: 'blob', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  timestamp: (): TimestampShape => ({ type: 'timestamp' }),
  list: (member: Shape, min?: number, max?: number): ListShape => ({ type: 'list', member, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  map: (key: StringShape, value: Shape, min?: number, max?: number): MapShape => ({ type: 'map', key, value, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }),
  structure: (members: Record<string, Shape>, required: readonly string[] = []): StructureShape => ({ type: 'structure', members, required }),
};

/** An operation's request shape and, for the CLI and docs, its one-line purpose. */
export interface OperationShape {
  input: StructureShape;
  /** Operations whose response has no members answer with an empty body. */
  emptyOutput?: boolean;
}
