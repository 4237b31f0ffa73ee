/**
 * Kinesis Video Streams control-plane request shapes (kinesisvideo
 * 2017-09-30) for the operations the CLI console serves, members in the
 * model's order. REST-JSON: each is a POST to its lowerCamel request URI
 * (`/describeStream`), as the AWS model declares.
 */
import { s, type OperationShape } from '../../core/shape';

const streamName = s.string({ min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' });
const arn = s.string({ min: 1, max: 1024 });
const channelName = s.string({ min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' });
const nextToken = s.string({ min: 0, max: 512 });
const nameCondition = s.structure({ ComparisonOperator: s.enum(['BEGINS_WITH']), ComparisonValue: s.string({ min: 1, max: 256 }) });

/** The console's kinesisvideo operations' request shapes, by AWS operation name. */
export const videoShapes: Record<string, OperationShape> = {
  CreateSignalingChannel: {
    input: s.structure({ ChannelName: channelName, ChannelType: s.enum(['SINGLE_MASTER', 'FULL_MESH']), SingleMasterConfiguration: s.structure({ MessageTtlSeconds: s.integer(5, 120) }) }, ['ChannelName']),
  },
  CreateStream: {
    input: s.structure(
      { DeviceName: s.string({ min: 1, max: 128 }), StreamName: streamName, MediaType: s.string({ min: 1, max: 128 }), KmsKeyId: s.string({ min: 1, max: 2048 }), DataRetentionInHours: s.integer(0), Tags: s.map(s.string({ min: 1, max: 128 }), s.string({ min: 0, max: 256 }), 1, 50) },
      ['StreamName'],
    ),
  },
  DescribeSignalingChannel: { input: s.structure({ ChannelName: channelName, ChannelARN: arn }) },
  DescribeStream: { input: s.structure({ StreamName: streamName, StreamARN: arn }) },
  GetDataEndpoint: {
    input: s.structure(
      { StreamName: streamName, StreamARN: arn, APIName: s.enum(['PUT_MEDIA', 'GET_MEDIA', 'LIST_FRAGMENTS', 'GET_MEDIA_FOR_FRAGMENT_LIST', 'GET_HLS_STREAMING_SESSION_URL', 'GET_DASH_STREAMING_SESSION_URL', 'GET_CLIP', 'GET_IMAGES']) },
      ['APIName'],
    ),
  },
  ListSignalingChannels: { input: s.structure({ MaxResults: s.integer(1, 10000), NextToken: nextToken, ChannelNameCondition: nameCondition }) },
  ListStreams: { input: s.structure({ MaxResults: s.integer(1, 10000), NextToken: nextToken, StreamNameCondition: nameCondition }) },
  ListTagsForStream: { input: s.structure({ NextToken: nextToken, StreamARN: arn, StreamName: streamName }) },
};
