/**
 * Tags on streams and consumers: the model's shape limits (a TagMap of up to
 * 200 entries, keys 1..128, values 0..256 [BC-K AddTagsToStream, TagResource])
 * and the service's own rules: at most 50 tags per resource, at most 10 per
 * AddTagsToStream call, the characters AWS allows, and the reserved `aws:`
 * prefix [BC-K Tag; KDS-DG tagging].
 */
import { invalidArgument, JavaMap, type ValidationErrors } from '../core/errors';
import { checkString } from './validation';

/** Tags one stream or consumer may hold [BC-K AddTagsToStream: "up to 50 tags"]. */
export const MAX_TAGS_PER_RESOURCE = 50;
/** Tags one AddTagsToStream call may add [BC-K AddTagsToStream Tags: "A set of up to 10 key-value pairs"]. */
export const MAX_TAGS_PER_ADD_TAGS_CALL = 10;
/** Entries a TagMap may hold in the API model [BC-K AddTagsToStream: "Map Entries: Maximum number of 200 items"]. */
export const TAG_MAP_MAX_ENTRIES = 200;
/** Keys a TagKeyList may hold [BC-K RemoveTagsFromStream, UntagResource: 1..50 items]. */
export const TAG_KEY_LIST_MAX = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
/** Unicode letters, digits, white space and _ . / = + - % @ [BC-K Tag], plus ':' [BC-K TagResource]. */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;

/** The model's constraints on a TagMap field, as ValidationException failures. */
export function checkTagMap(v: ValidationErrors, tags: unknown, field: string, required: boolean): void {
  if (tags === undefined || tags === null) {
    if (required) v.add(tags, field, 'not be null');
    return;
  }
  if (typeof tags !== 'object' || Array.isArray(tags)) return v.add(tags, field, 'be a map');
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > TAG_MAP_MAX_ENTRIES) v.add(tags, field, `have length less than or equal to ${TAG_MAP_MAX_ENTRIES}`);
  for (const [k, val] of entries) {
    if (k.length < 1 || k.length > TAG_KEY_MAX) v.addRaw(new JavaMap(entries), field, `Map keys must satisfy constraint: [Member must have length less than or equal to ${TAG_KEY_MAX}, Member must have length greater than or equal to 1]`);
    if (typeof val !== 'string') v.add(tags, field, 'satisfy constraint: Map value must be a string');
    else if (val.length > TAG_VALUE_MAX) v.addRaw(new JavaMap(entries), field, `Map value must satisfy constraint: [Member must have length less than or equal to ${TAG_VALUE_MAX}, Member must have length greater than or equal to 0]`);
  }
}

/** The model's constraints on a TagKeyList field (1..50 keys of 1..128 characters). */
export function checkTagKeyList(v: ValidationErrors, keys: unknown, field: string): void {
  if (keys === undefined || keys === null) return v.add(keys, field, 'not be null');
  if (!Array.isArray(keys)) return v.add(keys, field, 'be a list');
  if (keys.length < 1) v.add('[]', field, 'have length greater than or equal to 1');
  else if (keys.length > TAG_KEY_LIST_MAX) v.add(`[${keys.length} keys]`, field, `have length less than or equal to ${TAG_KEY_LIST_MAX}`);
  keys.forEach((k, i) => checkString(v, k, `${field}.${i + 1}.member`, 1, TAG_KEY_MAX, true));
}

/** The service's character and prefix rules, as InvalidArgumentException (modelled texts, see README). */
export function checkTagCharacters(strings: readonly string[]): void {
  if (strings.some((x) => !TAG_CHARS.test(x))) {
    // The text AWS answered to kinesalite's suite, with ':' allowed as TagResource documents.
    throw invalidArgument('Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @ :.');
  }
}

/** Keys beginning with `aws:` are AWS's own [KDS-DG tagging restrictions]. */
export function checkReservedPrefix(keys: readonly string[]): void {
  const bad = keys.find((k) => k.toLowerCase().startsWith('aws:'));
  if (bad !== undefined) throw invalidArgument(`Tag key ${bad} uses the reserved prefix aws:, which is reserved for AWS use.`);
}

/**
 * Adds `tags` to `target` (overwriting keys it already has) unless the result
 * would exceed 50 tags; `what` names the resource in the error.
 */
export function addTags(target: Record<string, string>, tags: Record<string, string>, what: string): void {
  const keys = Object.keys(tags);
  checkTagCharacters([...keys, ...Object.values(tags)]);
  checkReservedPrefix(keys);
  const after = new Set([...Object.keys(target), ...keys]);
  if (after.size > MAX_TAGS_PER_RESOURCE) {
    throw invalidArgument(`Failed to add tags to ${what} because a given resource cannot have more than ${MAX_TAGS_PER_RESOURCE} tags associated with it.`);
  }
  for (const k of keys) target[k] = tags[k];
}

/** Removes `keys` from `target`; keys it does not hold are ignored [BC-K RemoveTagsFromStream]. */
export function removeTags(target: Record<string, string>, keys: readonly string[]): void {
  checkTagCharacters(keys);
  checkReservedPrefix(keys);
  for (const k of keys) delete target[k];
}

/** The AWS `Tag` list, sorted by key (the order ListTagsForStream pages in). */
export function tagList(tags: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.keys(tags)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => ({ Key: k, Value: tags[k] }));
}
