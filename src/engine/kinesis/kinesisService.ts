/**
 * The Kinesis Data Streams service of a simulation: its context and the typed
 * API `sim.kinesis.<operation>(input)`, one method per AWS operation, named in
 * camelCase (`putRecords` for PutRecords).
 */
import { registerLifecycleEvents } from './lifecycleEvents';
import { registerEfoSubscriptionEvents } from './efoSubscription';
import { registerOnDemandScaling } from './onDemandScaling';
import { registerEncryptionChange } from './encryption';
import { registerRetentionSweep } from './retentionSweep';
import type { SimCore } from '../core/simCore';
import { createKinesisContext, type KinesisContext, type KinesisOptions } from './context';
import { kinesisOperations } from './operations';
import { kinesisShapes } from './operations/shapes';
import { validateShape } from '../core/validateShape';

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

/**
 * Builds sim.kinesis: the context and one typed method per operation. Each
 * method first checks the request against the operation's declared shape
 * (AWS's "N validation errors detected: ..." ValidationException), then runs
 * the operation, which checks what depends on the stream.
 */
export function createKinesisService(core: SimCore, opts: KinesisOptions = {}): KinesisService {
  const context = createKinesisContext(core, opts);
  registerRetentionSweep(core);
  registerLifecycleEvents(core);
  registerEfoSubscriptionEvents(core);
  registerOnDemandScaling(core);
  registerEncryptionChange(core);
  const api = {} as Record<string, (input: unknown) => unknown>;
  for (const [name, op] of Object.entries(kinesisOperations)) {
    const shape = (kinesisShapes as Record<string, { input: Parameters<typeof validateShape>[0] }>)[name].input;
    api[name[0].toLowerCase() + name.slice(1)] = (input: unknown) => {
      validateShape(shape, input);
      return (op as (c: KinesisContext, i: unknown) => unknown)(context, input ?? {});
    };
  }
  return { context, api: api as unknown as KinesisApi };
}
