/**
 * AWS-shaped errors. Operations throw AwsError with the exception name AWS uses
 * (the wire protocol's `__type`) and a message modelled on the real one. The
 * names are a closed union per service, so a misspelt name does not compile;
 * a new service adds its names as another member of AwsErrorName.
 */

/** Errors every JSON 1.1 service answers with before an operation runs (the protocol's own). */
export type ProtocolErrorName = 'SerializationException' | 'UnknownOperationException' | 'InternalFailure' | 'ValidationException';

/** Kinesis Data Streams API errors [BC-K Errors of each action]. */
export type KinesisErrorName =
  | 'InvalidArgumentException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'LimitExceededException'
  | 'ProvisionedThroughputExceededException'
  | 'ExpiredIteratorException'
  | 'ExpiredNextTokenException'
  | 'AccessDeniedException'
  | 'KMSAccessDeniedException'
  | 'KMSDisabledException'
  | 'KMSInvalidStateException'
  | 'KMSNotFoundException'
  | 'KMSOptInRequired'
  | 'KMSThrottlingException'
  | 'InternalFailureException';

/** Amazon Data Firehose API errors [BC-F Errors of each action]. */
export type FirehoseErrorName =
  | 'InvalidArgumentException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'LimitExceededException'
  | 'ConcurrentModificationException'
  | 'ServiceUnavailableException'
  | 'InvalidKMSResourceException'
  | 'InvalidSourceException';

/** AWS Lambda API errors (the control plane and Invoke) [Lambda API Reference, Errors]. */
export type LambdaErrorName =
  | 'InvalidParameterValueException'
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'ResourceInUseException'
  | 'TooManyRequestsException'
  | 'RequestEntityTooLargeException'
  | 'InvalidRequestContentException'
  | 'ServiceException';

/** Amazon S3 error codes [S3 API Reference, Error responses]. */
export type S3ErrorName = 'NoSuchBucket' | 'NoSuchKey' | 'NotFound' | 'BucketAlreadyOwnedByYou' | 'BucketAlreadyExists' | 'BucketNotEmpty' | 'InvalidBucketName' | 'InvalidArgument' | 'AccessDenied';

/** Kinesis Video Streams errors (kinesisvideo, -media, -archived-media) [BC-KV; BC-KVM; BC-KVAM]. */
export type VideoErrorName =
  | 'InvalidArgumentException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'VersionMismatchException'
  | 'AccountStreamLimitExceededException'
  | 'AccountChannelLimitExceededException'
  | 'TagsPerResourceExceededLimitException'
  | 'ClientLimitExceededException'
  | 'ConnectionLimitExceededException'
  | 'InvalidEndpointException'
  | 'NoDataRetentionException'
  | 'NotAuthorizedException';

/** Amazon Rekognition errors [BC-REK]. */
export type RekognitionErrorName = 'InvalidParameterException' | 'ResourceNotFoundException' | 'ResourceInUseException' | 'ResourceAlreadyExistsException' | 'InvalidPaginationTokenException' | 'ValidationException';

/** Kinesis Data Analytics v2 / Managed Service for Apache Flink errors [kinesisanalyticsv2 API Reference, Errors of each action]. */
export type AnalyticsErrorName =
  | 'CodeValidationException'
  | 'ConcurrentModificationException'
  | 'InvalidApplicationConfigurationException'
  | 'InvalidArgumentException'
  | 'InvalidRequestException'
  | 'LimitExceededException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'ResourceProvisionedThroughputExceededException'
  | 'ServiceUnavailableException'
  | 'UnableToDetectSchemaException'
  | 'UnsupportedOperationException';

/** Every exception name the simulated services can answer with. */
/** AWS Glue's Data Catalog exceptions the simulated catalog answers [Glue API reference: CreateDatabase, CreateTable, GetTable]. */
export type GlueErrorName = 'EntityNotFoundException' | 'AlreadyExistsException' | 'InvalidInputException';
export type AwsErrorName = ProtocolErrorName | KinesisErrorName | FirehoseErrorName | LambdaErrorName | S3ErrorName | VideoErrorName | RekognitionErrorName | AnalyticsErrorName | GlueErrorName;

/** An AWS error; `T` narrows the name (an operation that only throws one kind can say so). */
export class AwsError<T extends AwsErrorName = AwsErrorName> extends Error {
  /** HTTP status the service answers with (400 for client errors, 500 for faults). */
  readonly status: number;
  constructor(
    readonly type: T,
    message: string,
    status = 400,
  ) {
    super(message);
    this.name = type;
    this.status = status;
  }
}

/** True when `e` is an AwsError, optionally of the given exception name. */
export function isAwsError<T extends AwsErrorName = AwsErrorName>(e: unknown, type?: T): e is AwsError<T> {
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
/** A value as AWS prints it in a constraint message: null bare, bytes as the Java buffer, lists in brackets, others quoted. */
/** A map shown as Java's Map.toString prints it ('{key=value, ...}'), as AWS's validation messages do. */
export class JavaMap {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

function shownValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Uint8Array) return `'java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]'`;
  if (typeof value === 'string') return `'${value}'`;
  if (value instanceof JavaMap) return `'{${value.entries.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ')}}'`;
  if (Array.isArray(value)) return `'[${value.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ')}]'`;
  return `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
}

export class ValidationErrors {
  private failures: string[] = [];

  add(value: unknown, field: string, constraint: string): void {
    this.failures.push(`Value ${shownValue(value)} at '${field}' failed to satisfy constraint: Member must ${constraint}`);
  }

  /** A failure whose constraint text is not "Member must ..." (AWS's "Map keys must satisfy constraint: [...]"). */
  addRaw(value: unknown, field: string, constraint: string): void {
    this.failures.push(`Value ${shownValue(value)} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  /** How many failures were added. */
  get count(): number {
    return this.failures.length;
  }

  /** Throws the failures (the first `max` of them, as AWS caps the list) as one ValidationException. */
  throwIfAny(max = Infinity): void {
    const shown = this.failures.slice(0, max);
    const n = shown.length;
    if (n === 0) return;
    throw validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${shown.join('; ')}`);
  }
}
