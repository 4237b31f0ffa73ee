/**
 * Field checks shared by CreateFunction and UpdateFunctionConfiguration,
 * reported as Lambda's ValidationException / InvalidParameterValueException.
 */
import { AwsError, ValidationErrors } from '../core/errors';
import { FUNCTION_NAME_PATTERN, MEMORY_RANGE, TIMEOUT_RANGE } from './constants';

/** Lambda's exception for a bad knob value. */
export const invalidParameter = (message: string) => new AwsError('InvalidParameterValueException', message);

/** FunctionName: 1..64 of [a-zA-Z0-9-_], reported as a ValidationException entry. */
export function checkFunctionName(v: ValidationErrors, name: unknown): void {
  if (typeof name !== 'string' || !FUNCTION_NAME_PATTERN.test(name)) {
    v.add(name, 'functionName', 'satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length between 1 and 64');
  }
}

/** Checks the fields both requests share. */
export function checkConfiguration(
  v: ValidationErrors,
  input: { Timeout?: number; MemorySize?: number; durationMs?: number; errorRate?: number; ReservedConcurrentExecutions?: number; handler?: unknown },
): void {
  const { Timeout, MemorySize } = input;
  if (Timeout !== undefined && !(Number.isInteger(Timeout) && Timeout >= TIMEOUT_RANGE[0] && Timeout <= TIMEOUT_RANGE[1])) {
    v.add(Timeout, 'timeout', `have value between ${TIMEOUT_RANGE[0]} and ${TIMEOUT_RANGE[1]}`);
  }
  if (MemorySize !== undefined && !(Number.isInteger(MemorySize) && MemorySize >= MEMORY_RANGE[0] && MemorySize <= MEMORY_RANGE[1])) {
    v.add(MemorySize, 'memorySize', `have value between ${MEMORY_RANGE[0]} and ${MEMORY_RANGE[1]}`);
  }
  const r = input.ReservedConcurrentExecutions;
  if (r !== undefined && !(Number.isInteger(r) && r >= 0)) v.add(r, 'reservedConcurrentExecutions', 'have value greater than or equal to 0');
}

/** The simulator's knobs: not AWS fields, so plain InvalidParameterValueException. */
export function checkKnobs(input: { durationMs?: number; errorRate?: number; handler?: unknown }, handlerRequired: boolean): void {
  if (input.durationMs !== undefined && !(Number.isFinite(input.durationMs) && input.durationMs >= 0)) {
    throw invalidParameter(`durationMs must be a finite number >= 0, got ${input.durationMs}`);
  }
  if (input.errorRate !== undefined && !(input.errorRate >= 0 && input.errorRate <= 1)) {
    throw invalidParameter(`errorRate must be between 0 and 1, got ${input.errorRate}`);
  }
  if ((handlerRequired || input.handler !== undefined) && typeof input.handler !== 'function') {
    throw invalidParameter('handler must be a function (event, context) => response | Promise<response>');
  }
}
