/**
 * AWS-shaped errors. Operations throw AwsError with the exception name AWS uses
 * (the wire protocol's `__type`) and a message modelled on the real one.
 */
export class AwsError extends Error {
  /** HTTP status the service answers with (400 for client errors, 500 for faults). */
  readonly status: number;
  constructor(
    readonly type: string,
    message: string,
    status = 400,
  ) {
    super(message);
    this.name = type;
    this.status = status;
  }
}

/** True when `e` is an AwsError, optionally of the given exception name. */
export function isAwsError(e: unknown, type?: string): e is AwsError {
  return e instanceof AwsError && (type === undefined || e.type === type);
}

export const invalidArgument = (message: string) => new AwsError('InvalidArgumentException', message);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const resourceInUse = (message: string) => new AwsError('ResourceInUseException', message);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);
export const validationError = (message: string) => new AwsError('ValidationException', message);

/**
 * Collects field validation failures and reports them the way AWS's JSON
 * services do: "1 validation error detected: Value 'x' at 'streamName' failed
 * to satisfy constraint: Member must ...".
 */
export class ValidationErrors {
  private failures: string[] = [];

  add(value: unknown, field: string, constraint: string): void {
    const shown = value === undefined ? 'null' : typeof value === 'string' ? value : JSON.stringify(value);
    this.failures.push(`Value '${shown}' at '${field}' failed to satisfy constraint: Member must ${constraint}`);
  }

  throwIfAny(): void {
    const n = this.failures.length;
    if (n === 0) return;
    throw validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.failures.join('; ')}`);
  }
}
