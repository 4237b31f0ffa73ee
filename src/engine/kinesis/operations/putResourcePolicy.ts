/**
 * PutResourcePolicy: attaches a resource-based policy (a JSON document, as a
 * string) to a stream or a registered consumer, replacing any it had
 * [BC-K PutResourcePolicy]. The simulator stores and returns the document as
 * given and never evaluates it: every call is allowed (see README).
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';
import { checkString } from '../validation';

export interface PutResourcePolicyInput {
  ResourceARN: string;
  Policy: string;
}

export function putResourcePolicy(ctx: KinesisContext, input: PutResourcePolicyInput): Record<string, never> {
  const v = new ValidationErrors();
  checkResourceArn(v, input.ResourceARN);
  checkString(v, input.Policy, 'policy', 0, Number.MAX_SAFE_INTEGER, true);
  v.throwIfAny();
  const r = findResource(ctx, input.ResourceARN);
  // "This is formatted as a JSON string" [BC-K]: a document that is not a JSON object is refused (modelled text).
  let doc: unknown;
  try {
    doc = JSON.parse(input.Policy);
  } catch {
    doc = undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalidArgument('The policy is not valid JSON: it must be a JSON object.');
  r.holder.resourcePolicy = input.Policy;
  return {};
}
