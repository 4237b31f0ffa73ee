/**
 * Real jq (jq-wasm: jq 1.7.1 compiled with Emscripten), loaded lazily with a
 * dynamic import so the UI bundle does not carry its 1.3 MB, and then called
 * SYNCHRONOUSLY, so dynamic partitioning stays deterministic under
 * sim.advanceSync as well as sim.advance.
 *
 * How the synchronous call works (read node_modules/jq-wasm/dist/build/jq.js):
 * - the module's `raw(json, query, flags)` is `runtimeInitPromise.then(() =>
 *   rawImpl(...))`, and rawImpl itself is synchronous (Module.callMain over an
 *   in-memory stdin/stdout). Once the runtime is initialised we call `raw`
 *   with Promise.prototype.then swapped, for that one call, for a function
 *   that runs the callback at once; it is restored before rawImpl even runs.
 * - jq-wasm corrupts its heap after roughly 300 calls on one instance (it
 *   aborts with "memory access out of bounds" through its own async API too),
 *   so we start a fresh instance every INSTANCE_CALLS calls. Instances are
 *   made synchronously: the wasm bytes are the data: URI inside the factory's
 *   source text, compiled once at load, and each instance is built with
 *   Emscripten's `instantiateWasm` hook and `new WebAssembly.Instance`
 *   (allowed synchronously in a Web Worker and in Node, where the engine runs).
 *
 * Firehose documents jq 1.6 (JsonParsingEngine JQ-1.6); jq 1.7.1 answers the
 * queries Firehose users write (.field, .a.b, strftime, tostring, select, ...)
 * the same way. Numbers are normalised through JSON.parse, which also prints
 * 1.0 as 1 as jq 1.6 did.
 */
import { fromBase64 } from '../../core/base64';

interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  Instance: new (module: object, imports: object) => { exports: object };
}
type JqFactory = (moduleArg?: object) => Promise<unknown>;
interface JqModule {
  raw(input: string, query: string, flags?: string[]): Promise<string>;
}

/** Fresh jq instance after this many calls (jq-wasm breaks at about 300). */
export const INSTANCE_CALLS = 150;

/** Thrown when jq is needed before loadJq() has finished. */
export class JqNotLoadedError extends Error {
  constructor() {
    super('jq is not loaded yet: call loadJq() (tracked with core.track) and let sim.advance settle it before using dynamic partitioning with inline jq.');
    this.name = 'JqNotLoadedError';
  }
}

/** An error jq reported (compile error, runtime error) with its message. */
export class JqError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqError';
  }
}

/** Synchronous access to a loaded jq. */
export class JqRuntime {
  private module: JqModule | undefined;
  private calls = 0;
  /** Instances created so far (for tests and benchmarks). */
  instances = 0;

  constructor(
    private factory: JqFactory,
    private wasmModule: object,
    private wasm: WasmApi,
  ) {}

  /** Runs `query` over the JSON text `input` with `flags`; returns jq's stdout (trimmed). Throws JqError with jq's stderr. */
  run(input: string, query: string, flags: string[] = ['-c']): string {
    try {
      return callSync(this.instance(), input, query, flags);
    } catch (e) {
      if (e instanceof JqError) throw e;
      // A crashed instance (wasm trap or Emscripten abort): start afresh and try once more.
      this.module = undefined;
      return callSync(this.instance(), input, query, flags);
    }
  }

  private instance(): JqModule {
    if (this.module === undefined || this.calls >= INSTANCE_CALLS) {
      this.module = this.createInstance();
      this.calls = 0;
    }
    this.calls++;
    return this.module;
  }

  private createInstance(): JqModule {
    let captured: JqModule | undefined;
    const { wasm, wasmModule } = this;
    const ready = this.factory({
      instantiateWasm(this: JqModule, imports: object, receive: (instance: object, module: object) => void) {
        captured = this;
        const instance = new wasm.Instance(wasmModule, imports);
        receive(instance, wasmModule);
        return (instance as { exports: object }).exports;
      },
    });
    ready.catch(() => undefined);
    if (captured === undefined) throw new Error('jq-wasm did not instantiate synchronously');
    this.instances++;
    return captured;
  }
}

/** Calls the module's promise-returning raw() synchronously (see the file comment). */
function callSync(m: JqModule, input: string, query: string, flags: string[]): string {
  const proto = Promise.prototype as unknown as { then: unknown };
  const original = proto.then;
  let called = false;
  let out = '';
  let error: unknown;
  proto.then = function (this: unknown, onFulfilled: () => string) {
    proto.then = original;
    called = true;
    try {
      out = onFulfilled();
    } catch (e) {
      error = e;
    }
    return this;
  };
  try {
    m.raw(input, query, flags);
  } finally {
    proto.then = original;
  }
  if (!called) throw new Error('jq-wasm did not run synchronously');
  if (error !== undefined) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^jq: /m.test(message)) throw new JqError(message);
    throw error;
  }
  return out;
}

let loading: Promise<JqRuntime> | undefined;
let loaded: JqRuntime | undefined;

/**
 * Loads jq once (dynamic import + wasm compile). Track the promise on the
 * simulation core (core.track(loadJq())) so sim.advance waits for it.
 */
export function loadJq(): Promise<JqRuntime> {
  loading ??= (async () => {
    const mod = (await import('jq-wasm/dist/build/jq.js')) as unknown as { default?: JqFactory & { default?: JqFactory } };
    const factory = (mod.default?.default ?? mod.default ?? mod) as JqFactory;
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const match = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(factory.toString());
    const bytes = match ? fromBase64(match[1]) : undefined;
    if (!bytes) throw new Error('jq-wasm: could not find the embedded wasm binary');
    const runtime = new JqRuntime(factory, await wasm.compile(bytes), wasm);
    runtime.run('null', '.');
    loaded = runtime;
    return runtime;
  })();
  return loading;
}

/** The loaded jq, or undefined while it is still loading (or was never asked for). */
export function loadedJq(): JqRuntime | undefined {
  return loaded;
}

/** The loaded jq, or JqNotLoadedError. */
export function requireJq(): JqRuntime {
  if (!loaded) throw new JqNotLoadedError();
  return loaded;
}
