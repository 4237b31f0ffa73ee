/**
 * Amazon Rekognition request shapes (rekognition 2016-06-27) for the
 * stream-processor operations the CLI console serves, members in the model's
 * order.
 */
import { s, type OperationShape } from '../../core/shape';

const processorName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.\\-]+' });

/** The console's Rekognition operations' request shapes, by AWS operation name. */
export const rekognitionShapes: Record<string, OperationShape> = {
  CreateCollection: { input: s.structure({ CollectionId: s.string({ min: 1, max: 255, pattern: '[a-zA-Z0-9_.\\-]+' }), Tags: s.map(s.string({ min: 1, max: 128 }), s.string({ min: 0, max: 256 }), 0, 200) }, ['CollectionId']) },
  DescribeStreamProcessor: { input: s.structure({ Name: processorName }, ['Name']) },
  ListStreamProcessors: { input: s.structure({ NextToken: s.string({ max: 2048 }), MaxResults: s.integer(1) }) },
  StartStreamProcessor: {
    input: s.structure(
      { Name: processorName, StartSelector: s.structure({ KVSStreamStartSelector: s.structure({ ProducerTimestamp: s.long(0), FragmentNumber: s.string({ min: 1, max: 128 }) }) }), StopSelector: s.structure({ MaxDurationInSeconds: s.long(1, 120) }) },
      ['Name'],
    ),
  },
  StopStreamProcessor: { input: s.structure({ Name: processorName }, ['Name']), emptyOutput: true },
};
