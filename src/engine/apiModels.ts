/**
 * The registry of declared request shapes per AWS service, as the CLI console
 * and the scenario allow-list read them: each service's CLI name, protocol and
 * the shapes of the operations the engine serves. Shape tables may declare
 * operations not served yet; only served ones are listed here.
 */
import type { OperationShape } from './core/shape';
import { kinesisShapes } from './kinesis/operations/shapes';
import { kinesisOperations } from './kinesis/operations';
import { firehoseShapes } from './firehose/operations/shapes';
import { firehoseOperations } from './firehose/operations';
import { analyticsShapes } from './analytics/operations/shapes';
import { analyticsOperations } from './analytics/operations';
import { TARGET_PREFIX as ANALYTICS_TARGET_PREFIX } from './analytics/constants';
import { videoShapes, videoMediaShapes, videoArchivedMediaShapes } from './video/operations/shapes';
import { videoOperations } from './video/operations';
import { rekognitionShapes } from './rekognition/operations/shapes';
import { rekognitionOperations } from './rekognition/rekognitionService';
import { s3Shapes } from './s3/operations/shapes';
import { lambdaShapes } from './lambda/operations/shapes';

/** One service's declared API: CLI name, wire protocol and served operations' shapes. */
export interface ApiModel {
  /** The AWS CLI's service name: 'kinesis' | 'firehose' | 'kinesisanalyticsv2' | 'kinesisvideo' | 'kinesis-video-media' | 'kinesis-video-archived-media' | 'rekognition' | 's3api' | 'lambda'. */
  cli: string;
  protocol: 'json' | 'rest-json';
  /** The X-Amz-Target prefix of a JSON 1.1 service. */
  targetPrefix?: string;
  operations: Readonly<Record<string, OperationShape>>;
}

/** The shapes in `table` of the operations `served` names, in the table's order. */
export function servedShapes(table: Readonly<Record<string, OperationShape>>, served: Readonly<Record<string, unknown>>): Readonly<Record<string, OperationShape>> {
  return Object.fromEntries(Object.entries(table).filter(([name]) => Object.prototype.hasOwnProperty.call(served, name)));
}

/** Every service's declared API, one entry per service. */
export const apiModels: readonly ApiModel[] = [
  { cli: 'kinesis', protocol: 'json', targetPrefix: 'Kinesis_20131202', operations: servedShapes(kinesisShapes, kinesisOperations) },
  { cli: 'firehose', protocol: 'json', targetPrefix: 'Firehose_20150804', operations: servedShapes(firehoseShapes, firehoseOperations) },
  { cli: 'kinesisanalyticsv2', protocol: 'json', targetPrefix: ANALYTICS_TARGET_PREFIX, operations: servedShapes(analyticsShapes, analyticsOperations) },
  { cli: 'kinesisvideo', protocol: 'rest-json', operations: servedShapes(videoShapes, videoOperations) },
  { cli: 'kinesis-video-media', protocol: 'rest-json', operations: servedShapes(videoMediaShapes, videoOperations) },
  { cli: 'kinesis-video-archived-media', protocol: 'rest-json', operations: servedShapes(videoArchivedMediaShapes, videoOperations) },
  { cli: 'rekognition', protocol: 'json', targetPrefix: 'RekognitionService', operations: servedShapes(rekognitionShapes, rekognitionOperations) },
  // S3 is REST-XML at AWS; the simulator serves these through the typed S3 API (the console's s3api).
  { cli: 's3api', protocol: 'rest-json', operations: s3Shapes },
  { cli: 'lambda', protocol: 'rest-json', operations: lambdaShapes },
];
