/**
 * The error codes and messages Firehose writes into the processing-failed/
 * JSON record of a record the transform could not process [KDF-DG23
 * data-transformation, facts B5]; the record itself ({attemptsMade,
 * arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData,
 * lambdaArn}, in that order, one per line) is written by routeFailed in
 * delivery.ts.
 */
/** Error code and message for records the function itself marked ProcessingFailed (modelled; the facts file has no verbatim text). */
export const RECORD_PROCESSING_FAILED = {
  errorCode: 'Lambda.ProcessingFailed',
  errorMessage: 'The Lambda function returned ProcessingFailed for this record.',
} as const;

/** Firehose's codes for invocations that failed, by Lambda's error (modelled on Firehose's error log entries). */
export function invocationErrorCode(errorType: string, functionError: boolean): { errorCode: string; errorMessage: string } {
  if (functionError) return { errorCode: 'Lambda.FunctionError', errorMessage: 'The Lambda function was successfully invoked but it returned an error result.' };
  switch (errorType) {
    case 'TooManyRequestsException':
      return { errorCode: 'Lambda.InvokeLimitExceeded', errorMessage: 'The Lambda concurrent execution limit is exceeded. Increase the concurrent execution limit.' };
    case 'ResourceNotFoundException':
      return { errorCode: 'Lambda.FunctionNotFound', errorMessage: 'The Lambda function was not found. Check that the LambdaArn names an existing function.' };
    case 'RequestEntityTooLargeException':
      return { errorCode: 'Lambda.RequestEntityTooLarge', errorMessage: 'The request to the Lambda function exceeded the 6 MB payload limit.' };
    case 'Firehose.InvocationTimeout':
      return { errorCode: 'Lambda.FunctionTimedOut', errorMessage: 'The Lambda function did not return within the 5 minutes Firehose waits for an invocation.' };
    default:
      return { errorCode: `Lambda.${errorType}`, errorMessage: `The Lambda invocation failed with ${errorType}.` };
  }
}
