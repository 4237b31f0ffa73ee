/**
 * The kinesisvideo, kinesis-video-media and kinesis-video-archived-media
 * operations by their AWS names, with the REST path and data-plane API name
 * each is served at; the typed API and the REST routes are both built from this table.
 */
import type { ApiName } from '../constants';
import type { VideoContext } from '../context';
import { createStream } from './createStream';
import { describeStream } from './describeStream';
import { listStreams } from './listStreams';
import { updateStream } from './updateStream';
import { deleteStream } from './deleteStream';
import { updateDataRetention } from './updateDataRetention';
import { getDataEndpoint } from './getDataEndpoint';
import { tagStream } from './tagStream';
import { untagStream } from './untagStream';
import { listTagsForStream } from './listTagsForStream';
import { tagResource, untagResource, listTagsForResource } from './resourceTags';
import { createSignalingChannel } from './createSignalingChannel';
import { describeSignalingChannel } from './describeSignalingChannel';
import { listSignalingChannels } from './listSignalingChannels';
import { deleteSignalingChannel } from './deleteSignalingChannel';
import { getMedia } from '../getMedia';
import { listFragments } from '../archived/listFragments';
import { getMediaForFragmentList } from '../archived/getMediaForFragmentList';
import { getHLSStreamingSessionURL } from '../archived/getHLSStreamingSessionURL';
import { getDASHStreamingSessionURL } from '../archived/getDASHStreamingSessionURL';
import { getClip } from '../archived/getClip';
import { getImages } from '../archived/getImages';

/** An operation with where it is served. */
export interface VideoOperation {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (ctx: VideoContext, input: any) => any;
  path: string;
  /** Data-plane operations: the APIName whose endpoint must be used. */
  api?: ApiName;
  /** The signing name of the API it belongs to. */
  service: 'kinesisvideo';
}

const cp = (run: VideoOperation['run'], path: string): VideoOperation => ({ run, path, service: 'kinesisvideo' });
const dp = (run: VideoOperation['run'], path: string, api: ApiName): VideoOperation => ({ run, path, api, service: 'kinesisvideo' });

export const videoOperations = {
  CreateStream: cp(createStream, '/createStream'),
  DescribeStream: cp(describeStream, '/describeStream'),
  ListStreams: cp(listStreams, '/listStreams'),
  UpdateStream: cp(updateStream, '/updateStream'),
  DeleteStream: cp(deleteStream, '/deleteStream'),
  UpdateDataRetention: cp(updateDataRetention, '/updateDataRetention'),
  GetDataEndpoint: cp(getDataEndpoint, '/getDataEndpoint'),
  TagStream: cp(tagStream, '/tagStream'),
  UntagStream: cp(untagStream, '/untagStream'),
  ListTagsForStream: cp(listTagsForStream, '/listTagsForStream'),
  TagResource: cp(tagResource, '/TagResource'),
  UntagResource: cp(untagResource, '/UntagResource'),
  ListTagsForResource: cp(listTagsForResource, '/ListTagsForResource'),
  CreateSignalingChannel: cp(createSignalingChannel, '/createSignalingChannel'),
  DescribeSignalingChannel: cp(describeSignalingChannel, '/describeSignalingChannel'),
  ListSignalingChannels: cp(listSignalingChannels, '/listSignalingChannels'),
  DeleteSignalingChannel: cp(deleteSignalingChannel, '/deleteSignalingChannel'),
  GetMedia: dp(getMedia, '/getMedia', 'GET_MEDIA'),
  ListFragments: dp(listFragments, '/listFragments', 'LIST_FRAGMENTS'),
  GetMediaForFragmentList: dp(getMediaForFragmentList, '/getMediaForFragmentList', 'GET_MEDIA_FOR_FRAGMENT_LIST'),
  GetHLSStreamingSessionURL: dp(getHLSStreamingSessionURL, '/getHLSStreamingSessionURL', 'GET_HLS_STREAMING_SESSION_URL'),
  GetDASHStreamingSessionURL: dp(getDASHStreamingSessionURL, '/getDASHStreamingSessionURL', 'GET_DASH_STREAMING_SESSION_URL'),
  GetClip: dp(getClip, '/getClip', 'GET_CLIP'),
  GetImages: dp(getImages, '/getImages', 'GET_IMAGES'),
} satisfies Record<string, VideoOperation>;
