/**
 * A canonical text of everything reachable from a value (for deep-equality of
 * whole simulations, which have cycles): objects are numbered in the order
 * first met and met again as `#n`; functions print as `fn` (they are re-bound,
 * not state); class instances print their constructor's name, less the
 * fields they declare not to be state (checkpointSkip). A pure cache
 * (`static checkpointCache`, which checkpoints do not copy) prints as its
 * class alone: what it holds is not state.
 */
export function canonical(root: unknown): string[] {
  const ids = new Map<object, number>();
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'function') return void out.push(`${path}=fn`);
    if (v === null || typeof v !== 'object') return void out.push(`${path}=${typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v)}`);
    const id = ids.get(v);
    if (id !== undefined) return void out.push(`${path}=#${id}`);
    ids.set(v, ids.size);
    const kind = (v as { constructor?: { name?: string } }).constructor?.name ?? 'null';
    out.push(`${path}:${kind}#${ids.size - 1}`);
    if ((v as { constructor?: { checkpointCache?: boolean } }).constructor?.checkpointCache === true) return;
    if (ArrayBuffer.isView(v)) return void out.push(`${path}=[${Array.from(v as unknown as ArrayLike<number>).join(',')}]`);
    if (v instanceof Map) {
      let i = 0;
      for (const [k, x] of v) {
        walk(k, `${path}<${i}k>`);
        walk(x, `${path}<${i++}>`);
      }
      return;
    }
    if (v instanceof Set) {
      let i = 0;
      for (const x of v) walk(x, `${path}{${i++}}`);
      return;
    }
    // Fields a class declares not to be state (checkpointSkip) are not compared: a restore keeps the fresh object's.
    const skip = (v as { constructor?: { checkpointSkip?: readonly string[] } }).constructor?.checkpointSkip;
    for (const k of Object.keys(v)) if (skip === undefined || !skip.includes(k)) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(root, '');
  return out;
}
