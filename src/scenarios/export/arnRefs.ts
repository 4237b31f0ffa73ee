/**
 * Reading the simulator's ARNs back into names, so exported templates and
 * scripts refer to the resources they create instead of the simulated account
 * (123456789012) and Region.
 */

/** `arn:aws:kinesis:<region>:<account>:stream/<name>` -> name. */
export function streamNameFromArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /:stream\/([a-zA-Z0-9_.-]+)$/.exec(arn)?.[1];
}

/** `arn:aws:s3:::<bucket>` -> bucket. */
export function bucketFromArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /^arn:aws[\w-]*:s3:::([a-z0-9.-]+)$/.exec(arn)?.[1];
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]` -> name. */
export function functionFromArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /:function:([a-zA-Z0-9_-]+)(:[\w$-]+)?$/.exec(arn)?.[1];
}

/** A CloudFormation logical id from a resource name: letters and digits, prefixed by its kind. */
export function logicalId(kind: string, name: string, taken: Set<string>): string {
  const base = kind + name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  let id = base.slice(0, 200);
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 190)}${n}`;
  taken.add(id);
  return id;
}
