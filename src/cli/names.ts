/**
 * The AWS CLI's names: operations and members are PascalCase in the API
 * model and kebab-case on the command line, by botocore's `xform_name` rule
 * (`PutRecord` -> `put-record`, `StreamARN` -> `stream-arn`,
 * `ListObjectsV2` -> `list-objects-v2`).
 */

/** botocore's xform_name with "-": a trailing plural acronym (`ARNs`) stays one word. */
export function cliName(name: string): string {
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special !== null) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  const s1 = n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2');
  return s1.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The model name whose CLI name is `cli`, among `names`. */
export function modelName(cli: string, names: Iterable<string>): string | undefined {
  for (const n of names) if (cliName(n) === cli) return n;
  return undefined;
}
