/**
 * The Kinesis Data Streams service of a simulation: its context and the typed
 * API `sim.kinesis.<operation>(input)`, one method per AWS operation, named in
 * camelCase (`putRecords` for PutRecords).
 */
import { registerLifecycleEvents } from './lifecycleEvents';
import { registerOnDemandScaling } from './onDemandScaling';
import { registerRetentionSweep } from './retentionSweep';
import type { SimCore } from '../core/simCore';
import { createKinesisContext, type KinesisContext, type KinesisOptions } from './context';
import { kinesisOperations } from './operations';

type Ops = typeof kinesisOperations;
type LowerFirst<S extends string> = S extends `${infer H}${infer T}` ? `${Lowercase<H>}${T}` : S;

/** The typed Kinesis API: each AWS operation as a method taking its request shape. */
export type KinesisApi = {
  [K in keyof Ops as LowerFirst<K & string>]: (input: Parameters<Ops[K]>[1]) => ReturnType<Ops[K]>;
};

export interface KinesisService {
  context: KinesisContext;
  api: KinesisApi;
}

/** Builds sim.kinesis: the context and one typed method per operation. */
export function createKinesisService(core: SimCore, opts: KinesisOptions = {}): KinesisService {
  const context = createKinesisContext(core, opts);
  registerRetentionSweep(core);
  registerLifecycleEvents(core);
  registerOnDemandScaling(core);
  const api = {} as Record<string, (input: unknown) => unknown>;
  for (const [name, op] of Object.entries(kinesisOperations)) {
    api[name[0].toLowerCase() + name.slice(1)] = (input: unknown) => (op as (c: KinesisContext, i: unknown) => unknown)(context, input ?? {});
  }
  return { context, api: api as unknown as KinesisApi };
}
