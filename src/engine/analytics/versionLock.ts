/**
 * The optimistic lock of configuration changes. UpdateApplication (and the
 * VPC and CloudWatch logging option operations) take either
 * CurrentApplicationVersionId or ConditionalToken: "You must provide the
 * CurrentApplicationVersionId or the ConditionalToken ... For better
 * concurrency support, use the ConditionalToken parameter" [BC-KA2
 * UpdateApplicationRequest; LIVE docs.aws.amazon.com/managed-flink/latest/apiv2/API_UpdateApplication.html].
 * The token is opaque; DescribeApplication returns the current one in
 * ApplicationDetail.ConditionalToken.
 */
import { AwsError } from '../core/errors';
import { md5HexFast } from '../kinesis/md5';
import type { ApplicationState } from './applicationModel';

/**
 * The application's current ConditionalToken: AWS documents no format, so the
 * simulator derives a 32-hex-digit value from the ARN and the version, which
 * changes with every configuration change and is the same on every replay.
 */
export function conditionalTokenOf(app: ApplicationState): string {
  return md5HexFast(`${app.arn}#${app.versionId}#${app.updatedAt}`);
}

/**
 * Checks the lock of an UpdateApplication-style request. Neither given is
 * InvalidArgumentException (one is required); a stale value of either is
 * ConcurrentModificationException. AWS does not say what happens when both are
 * given: the simulator checks both, so each must be current.
 */
export function checkVersionOrToken(app: ApplicationState, versionId: unknown, token: unknown): void {
  if (versionId === undefined && token === undefined) {
    throw new AwsError('InvalidArgumentException', 'Either CurrentApplicationVersionId or ConditionalToken must be provided.');
  }
  if (versionId !== undefined) {
    if (typeof versionId !== 'number') throw new AwsError('InvalidArgumentException', 'CurrentApplicationVersionId must be a number.');
    if (versionId !== app.versionId) {
      throw new AwsError('ConcurrentModificationException', `Provided application version id (${versionId}) does not match the current version id (${app.versionId}) of application ${app.name}.`);
    }
  }
  if (token !== undefined && token !== conditionalTokenOf(app)) {
    throw new AwsError('ConcurrentModificationException', `Provided conditional token does not match the current conditional token of application ${app.name}. Call DescribeApplication for the current ConditionalToken.`);
  }
}
