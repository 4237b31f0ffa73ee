/**
 * The type pass of a JSON 1.1 request, before anything is converted: a value
 * of the wrong JSON type for its member is SerializationException, with the
 * wording AWS's Java-based JSON services use (documented by kinesalite's
 * tests against real AWS), and the error's key is `Message` (capital M).
 * Members the shape does not know are ignored, as AWS ignores them.
 */
import { AwsError } from './errors';
import type { Shape } from './shape';

/** A SerializationException, answered with `Message` as the JSON 1.1 services send it. */
export function serializationError(message: string): AwsError {
  const e = new AwsError('SerializationException', message);
  (e as AwsError & { messageKey?: string }).messageKey = 'Message';
  return e;
}

const BASE64_CHAR = /[^A-Za-z0-9+/=]|=[^=]/;

/** The Java class AWS's JSON 1.1 deserialiser names for each number type. */
const JAVA_NUMBER = { integer: 'Integer', long: 'Long', float: 'Float', double: 'Double' } as const;

/** Throws SerializationException at the first member whose JSON type does not fit `shape`. */
export function checkWireTypes(shape: Shape, value: unknown): void {
  if (value === null || value === undefined) return;
  const kind = Array.isArray(value) ? 'list' : typeof value;
  const notObject = () => {
    if (kind === 'list') throw serializationError('Start of list found where not expected');
    if (kind === 'object') throw serializationError('Start of structure or map found where not expected.');
  };
  switch (shape.type) {
    case 'string':
      notObject();
      if (kind === 'boolean') throw serializationError('class java.lang.Boolean can not be converted to an String');
      if (kind === 'number') throw serializationError('class java.math.BigDecimal can not be converted to an String');
      return;
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      notObject();
      const name = JAVA_NUMBER[shape.type];
      if (kind === 'boolean') throw serializationError(`class java.lang.Boolean can not be converted to an ${name}`);
      if (kind === 'string') throw serializationError(`class java.lang.String can not be converted to an ${name}`);
      return;
    }
    case 'boolean':
      notObject();
      if (kind === 'number') throw serializationError('class java.math.BigDecimal can not be converted to an Boolean');
      if (kind === 'string') throw serializationError(`'${String(value).toUpperCase()}' can not be converted to an Boolean`);
      return;
    case 'blob': {
      notObject();
      if (kind === 'boolean') throw serializationError('class java.lang.Boolean can not be converted to a Blob');
      if (kind === 'number') throw serializationError('class java.math.BigDecimal can not be converted to a Blob');
      const text = value as string;
      if (text.length % 4 !== 0) throw serializationError(`'${text}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: ${text.length}`);
      const bad = BASE64_CHAR.exec(text);
      if (bad !== null) throw serializationError(`'${text}' can not be converted to a Blob: Invalid Base64 character: '${bad[0][0]}'`);
      if (!canonicalBase64(text)) throw serializationError(`'${text}' can not be converted to a Blob: Invalid last non-pad Base64 character dectected`);
      return;
    }
    case 'timestamp':
      notObject();
      // AWS's JSON 1.1 timestamps are epoch seconds as numbers; a string is not one.
      if (kind !== 'number') throw serializationError(kind === 'string' ? 'class java.lang.String can not be converted to milliseconds since epoch' : 'class java.lang.Boolean can not be converted to milliseconds since epoch');
      return;
    case 'list':
      if (kind !== 'list') {
        if (kind === 'object') throw serializationError('Start of structure or map found where not expected.');
        throw serializationError('Expected list or null');
      }
      for (const v of value as unknown[]) checkWireTypes(shape.member, v);
      return;
    case 'map':
      if (kind === 'list') throw serializationError('Start of list found where not expected');
      if (kind !== 'object') throw serializationError('Expected map or null');
      for (const v of Object.values(value as Record<string, unknown>)) checkWireTypes(shape.value, v);
      return;
    case 'structure':
      if (kind === 'list') throw serializationError('Start of list found where not expected');
      if (kind !== 'object') throw serializationError('Expected null');
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const m = shape.members[k];
        if (m !== undefined) checkWireTypes(m, v);
      }
      return;
  }
}

/** True when the last non-pad character carries no stray bits (as a strict decoder requires). */
function canonicalBase64(text: string): boolean {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (pad === 0 || text.length === 0) return true;
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const last = A.indexOf(text[text.length - pad - 1]);
  return pad === 2 ? (last & 0x0f) === 0 : (last & 0x03) === 0;
}
