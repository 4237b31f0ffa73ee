/**
 * ListFunctions: every function's configuration, sorted by name, paged with
 * MaxItems (1..10000, default 50) and Marker [BC-L ListFunctions].
 */
import { ValidationErrors } from '../../core/errors';
import type { LambdaServiceContext } from '../context';
import type { FunctionConfiguration } from '../types';
import { toConfiguration } from './getFunction';

export interface ListFunctionsOutput {
  Functions: FunctionConfiguration[];
  NextMarker?: string;
}

export function listFunctions(ctx: LambdaServiceContext, input: { MaxItems?: number; Marker?: string } = {}): ListFunctionsOutput {
  const v = new ValidationErrors();
  const max = input.MaxItems ?? 50;
  if (!(Number.isInteger(max) && max >= 1 && max <= 10000)) v.add(max, 'maxItems', 'have value between 1 and 10000');
  v.throwIfAny();
  const names = [...ctx.functions.keys()].sort();
  const start = input.Marker === undefined ? 0 : names.findIndex((n) => n > input.Marker!);
  const page = start < 0 ? [] : names.slice(start, start + max);
  const out: ListFunctionsOutput = { Functions: page.map((n) => toConfiguration(ctx.functions.get(n)!)) };
  if (start >= 0 && start + max < names.length) out.NextMarker = page[page.length - 1];
  return out;
}
