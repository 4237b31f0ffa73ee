/**
 * The simulated Lambda service: `sim.lambda.createFunction({...})` and the
 * other control-plane operations in AWS shapes, plus the engine-internal
 * `invoke` that Firehose transforms and event source mappings call.
 */
import type { SimCore } from '../core/simCore';
import { createLambdaContext, functionNameOf, type LambdaOptions, type LambdaServiceContext } from './context';
import { invokeFunction, registerInvokeEvents } from './invoke';
import type { Continuation } from '../core/eventQueue';
import type { LambdaMetricSeries } from './metrics';
import { createFunction } from './operations/createFunction';
import { deleteFunction } from './operations/deleteFunction';
import { getFunction, type GetFunctionOutput } from './operations/getFunction';
import { listFunctions, type ListFunctionsOutput } from './operations/listFunctions';
import { updateFunctionConfiguration } from './operations/updateFunctionConfiguration';
import type { CreateFunctionInput, FunctionConfiguration, UpdateFunctionConfigurationInput } from './types';

/** `sim.lambda`: the typed API plus engine-internal hooks. */
export interface LambdaApi {
  createFunction(input: CreateFunctionInput): FunctionConfiguration;
  getFunction(input: { FunctionName: string }): GetFunctionOutput;
  deleteFunction(input: { FunctionName: string }): Record<string, never>;
  listFunctions(input?: { MaxItems?: number; Marker?: string }): ListFunctionsOutput;
  updateFunctionConfiguration(input: UpdateFunctionConfigurationInput): FunctionConfiguration;
  /**
   * Engine-internal synchronous invocation: the continuation `then` (a handler
   * registered on the core, as data) runs with the InvokeResult on the
   * simulated clock at completion (durationMs later, or at the Timeout).
   * Returns the request id.
   */
  invoke(functionNameOrArn: string, event: unknown, then: Continuation): string;
  /** The function's 1-second metrics ring and totals, or undefined if it does not exist. */
  metrics(functionNameOrArn: string): LambdaMetricSeries | undefined;
  /** Whether a function exists (name or ARN). */
  hasFunction(functionNameOrArn: string): boolean;
  /** The service state, for other services and views (not an AWS API). */
  context: LambdaServiceContext;
}

/** Creates the Lambda service of a simulation. */
export function createLambdaService(core: SimCore, opts: LambdaOptions = {}): LambdaApi {
  const ctx = createLambdaContext(core, opts);
  registerInvokeEvents(core);
  return {
    createFunction: (input) => createFunction(ctx, input),
    getFunction: (input) => getFunction(ctx, input),
    deleteFunction: (input) => deleteFunction(ctx, input),
    listFunctions: (input) => listFunctions(ctx, input ?? {}),
    updateFunctionConfiguration: (input) => updateFunctionConfiguration(ctx, input),
    invoke: (name, event, then) => invokeFunction(ctx, name, event, then),
    metrics: (name) => ctx.metrics.get(functionNameOf(name)),
    hasFunction: (name) => ctx.functions.has(functionNameOf(name)),
    context: ctx,
  };
}
