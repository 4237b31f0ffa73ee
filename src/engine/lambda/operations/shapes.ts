/**
 * AWS Lambda request shapes (lambda 2015-03-31) for the simulated functions'
 * read operations the CLI console serves.
 */
import { s, type OperationShape } from '../../core/shape';

const functionName = s.string({ min: 1, max: 170 });

/** The simulated Lambda read operations' request shapes, by AWS operation name. */
export const lambdaShapes: Record<string, OperationShape> = {
  GetFunction: { input: s.structure({ FunctionName: functionName, Qualifier: s.string({ min: 1, max: 128 }) }, ['FunctionName']) },
  ListFunctions: { input: s.structure({ MasterRegion: s.string(), FunctionVersion: s.enum(['ALL']), Marker: s.string(), MaxItems: s.integer(1, 10000) }) },
};
