/**
 * The registry of AWS API models the CLI console and the scenario allow-list
 * read: per CLI service name, its protocol and its operations' declared
 * request shapes (one source: each service's operations/shapes.ts).
 */
import type { OperationShape } from './core/shape';
import { kinesisShapes } from './kinesis/operations/shapes';
import { firehoseShapes } from './firehose/operations/shapes';
import { s3Shapes } from './s3/operations/shapes';
import { lambdaShapes } from './lambda/operations/shapes';

/** One service as the AWS CLI names it, with its wire protocol and operation shapes. */
export interface ApiModel {
  cli: string;
  protocol: 'json' | 'rest-json';
  targetPrefix?: string;
  operations: Readonly<Record<string, OperationShape>>;
}

/** Every simulated service's API model. */
export const apiModels: readonly ApiModel[] = [
  { cli: 'kinesis', protocol: 'json', targetPrefix: 'Kinesis_20131202', operations: kinesisShapes },
  { cli: 'firehose', protocol: 'json', targetPrefix: 'Firehose_20150804', operations: firehoseShapes },
  // S3 is REST-XML at AWS; the simulator serves these through the typed API (s3api in the console).
  { cli: 's3api', protocol: 'rest-json', operations: s3Shapes },
  { cli: 'lambda', protocol: 'rest-json', operations: lambdaShapes },
];
