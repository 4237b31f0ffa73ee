/**
 * The simulated Lambda service's shapes: AWS names at the boundary
 * (FunctionName, FunctionArn, Timeout, MemorySize) [BC-L], plus the
 * simulator's knobs (handler, durationMs, errorRate).
 */

/** What a handler sees as its second argument (a tiny subset of Lambda's context object). */
export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  memoryLimitInMB: number;
  /** Simulated milliseconds left before the function times out. */
  getRemainingTimeInMillis(): number;
}

/** A function body: returns the response payload, or a promise of it. */
export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown;

/** CreateFunction request: AWS fields plus the simulator's knobs. */
export interface CreateFunctionInput {
  FunctionName: string;
  handler: LambdaHandler;
  /** Simulated run time of one invocation, ms (default 100). */
  durationMs?: number;
  /** Share of invocations that fail with a function error, 0..1, drawn from the seeded generator (default 0). */
  errorRate?: number;
  /** Seconds, 1..900 (Lambda's default is 3) [BC-L Timeout]. */
  Timeout?: number;
  /** MB, 128..10240 (default 128) [BC-L MemorySize]. */
  MemorySize?: number;
  /** Concurrency reserved for this function; also its cap (0..account limit). */
  ReservedConcurrentExecutions?: number;
  Description?: string;
  Runtime?: string;
}

/** UpdateFunctionConfiguration request: the function's name and any of CreateFunction's knobs and AWS fields (not Runtime). */
export type UpdateFunctionConfigurationInput = Pick<CreateFunctionInput, 'FunctionName'> & Partial<Omit<CreateFunctionInput, 'FunctionName' | 'Runtime'>>;

/** FunctionConfiguration as GetFunction/ListFunctions return it, plus the knobs. */
export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  Description: string;
  State: 'Active';
  /** Simulated epoch ms of the last change. */
  LastModified: number;
  Version: '$LATEST';
  ReservedConcurrentExecutions?: number;
  durationMs: number;
  errorRate: number;
}

/** The internal model of one function. */
export interface LambdaFunction {
  name: string;
  arn: string;
  handler: LambdaHandler;
  durationMs: number;
  errorRate: number;
  timeoutSeconds: number;
  memorySize: number;
  reservedConcurrency?: number;
  description: string;
  runtime: string;
  lastModified: number;
  /** Invocations running now (counted against concurrency). */
  running: number;
  /** Seeded generator for this function's failures, from the simulation seed and the function name. */
  random: import('../core/random').Random;
}

/** The outcome of one engine-internal invocation, delivered at its simulated completion time. */
export type InvokeResult =
  | {
      ok: true;
      /** The handler's response, as the JSON payload would carry it (JSON round-tripped). */
      payload: unknown;
      /** Simulated duration, ms. */
      durationMs: number;
      requestId: string;
    }
  | {
      ok: false;
      /** 'Unhandled' for errors inside the function (Lambda's X-Amz-Function-Error); absent for invoke errors. */
      functionError?: 'Unhandled';
      /** Lambda's errorType / exception name: TooManyRequestsException, RequestEntityTooLargeException, Sandbox.Timedout, Function.ResponseSizeTooLarge, ResourceNotFoundException, Error ... */
      errorType: string;
      errorMessage: string;
      durationMs: number;
      requestId: string;
    };
