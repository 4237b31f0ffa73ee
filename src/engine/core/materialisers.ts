/**
 * The materialiser registry: code that turns a lazy recipe (plain data such
 * as `{ kind: 'producer-block', ... }`) into records when someone reads them.
 * A recipe names its materialiser by `kind` instead of holding a closure, so
 * the state that holds recipes (segment blocks, bulk sources) stays plain
 * data a checkpoint can copy. Built with the simulation (SimCore), never
 * module state; implementations are registered once at creation and must be
 * pure functions of the recipe (a restored world reads the same records).
 */

/** One simulation's materialisers by kind, and the derived objects they cache. */
export class MaterialiserRegistry {
  /** Caches are derived from recipes (a compiled template, a key population): not state, rebuilt on demand. */
  static readonly checkpointSkip: readonly string[] = ['cache'];
  private readonly byKind = new Map<string, unknown>();
  // Made with the registry (a restore keeps the fresh one's), so every world has one, filled or not.
  private readonly cache = new WeakMap<object, unknown>();

  /** Registers the materialiser for `kind` (once per kind; a second traffic service on the same core reuses it). */
  register<T>(kind: string, impl: T): void {
    if (!this.byKind.has(kind)) this.byKind.set(kind, impl);
  }

  /** The materialiser for `kind`; throws when none is registered (a recipe from a service this world lacks). */
  get<T>(kind: string): T {
    const impl = this.byKind.get(kind);
    if (impl === undefined) throw new Error(`no materialiser registered for recipe kind '${kind}'`);
    return impl as T;
  }

  /** A derived object for `key` (a recipe's shared spec), built once by `make` and kept while the key lives. */
  derived<K extends object, V>(key: K, make: (key: K) => V): V {
    const cache = this.cache;
    let v = cache.get(key) as V | undefined;
    if (v === undefined) {
      v = make(key);
      cache.set(key, v);
    }
    return v;
  }
}
