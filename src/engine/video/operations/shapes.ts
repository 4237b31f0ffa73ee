/**
 * The request shapes of the Kinesis Video Streams operations the simulator
 * serves, declared once as the AWS API models declare them (kinesisvideo
 * 2017-09-30, kinesis-video-media and kinesis-video-archived-media): member
 * names, types, required members and the lengths, ranges, patterns and enums
 * of the API references [KVS-API]. Members stand in the order of the
 * official SDK's schema, which lists required members first. The CLI console
 * and the scenario allow-list read them through apiModels.
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';

const StreamName = s.string({ min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' });
/** StreamARN, ChannelARN and ResourceARN share the model's ResourceARN shape. */
const ResourceARN = s.string({ min: 1, max: 1024, pattern: 'arn:[a-z\\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+' });
const DeviceName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const MediaType = s.string({ min: 1, max: 128, pattern: '[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+(,[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+)*' });
const KmsKeyId = s.string({ min: 1, max: 2048, pattern: '.+' });
const Version = s.string({ min: 1, max: 64, pattern: '[a-zA-Z0-9]+' });
const NextToken = s.string({ min: 0, max: 512, pattern: '[a-zA-Z0-9+/=]*' });
const ChannelName = s.string({ min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' });
const APIName = s.enum(['PUT_MEDIA', 'GET_MEDIA', 'LIST_FRAGMENTS', 'GET_MEDIA_FOR_FRAGMENT_LIST', 'GET_HLS_STREAMING_SESSION_URL', 'GET_DASH_STREAMING_SESSION_URL', 'GET_CLIP', 'GET_IMAGES']);
// The model's tag patterns use Unicode classes (\p{L}\p{Z}\p{N}) the shape checker does not compile; lengths only.
const TagKey = s.string({ min: 1, max: 128 });
const TagValue = s.string({ min: 0, max: 256 });
const ResourceTags = s.map(TagKey, TagValue, 1, 50);
const Tag = s.structure({ Key: TagKey, Value: TagValue }, ['Key', 'Value']);
/** Fragment numbers are decimal strings [GetMediaForFragmentList]. */
const FragmentNumber = s.string({ min: 1, max: 128, pattern: '^[0-9]+$' });
const TimestampSelectorType = s.enum(['PRODUCER_TIMESTAMP', 'SERVER_TIMESTAMP']);
const ArchivedNextToken = s.string({ min: 1, max: 4096, pattern: '[a-zA-Z0-9_\\.\\-]+' });

const input = (members: StructureShape['members'], required: readonly string[] = [], emptyOutput = false): OperationShape => ({
  input: s.structure(members, required),
  ...(emptyOutput ? { emptyOutput: true } : {}),
});

/** kinesisvideo: the control plane (streams, retention, endpoints, tags, signaling channels). */
export const videoShapes = {
  CreateStream: input({
    StreamName,
    DeviceName,
    MediaType,
    KmsKeyId,
    DataRetentionInHours: s.integer(0),
    Tags: ResourceTags,
    StreamStorageConfiguration: s.structure({
      DefaultStorageTier: s.enum(['HOT', 'WARM']),
    }, ["DefaultStorageTier"]),
  }, ["StreamName"]),
  DescribeStream: input({
    StreamName,
    StreamARN: ResourceARN,
  }, []),
  ListStreams: input({
    MaxResults: s.integer(1, 10000),
    NextToken,
    StreamNameCondition: s.structure({
      ComparisonOperator: s.enum(['BEGINS_WITH']),
      ComparisonValue: StreamName,
    }, []),
  }, []),
  UpdateStream: input({
    CurrentVersion: Version,
    StreamName,
    StreamARN: ResourceARN,
    DeviceName,
    MediaType,
  }, ["CurrentVersion"], true),
  DeleteStream: input({
    StreamARN: ResourceARN,
    CurrentVersion: Version,
  }, ["StreamARN"], true),
  UpdateDataRetention: input({
    CurrentVersion: Version,
    Operation: s.enum(['INCREASE_DATA_RETENTION', 'DECREASE_DATA_RETENTION']),
    DataRetentionChangeInHours: s.integer(1),
    StreamName,
    StreamARN: ResourceARN,
  }, ["CurrentVersion","Operation","DataRetentionChangeInHours"], true),
  GetDataEndpoint: input({
    APIName,
    StreamName,
    StreamARN: ResourceARN,
  }, ["APIName"]),
  TagStream: input({
    Tags: ResourceTags,
    StreamARN: ResourceARN,
    StreamName,
  }, ["Tags"], true),
  UntagStream: input({
    TagKeyList: s.list(TagKey, 1, 50),
    StreamARN: ResourceARN,
    StreamName,
  }, ["TagKeyList"], true),
  ListTagsForStream: input({
    NextToken,
    StreamARN: ResourceARN,
    StreamName,
  }, []),
  TagResource: input({
    ResourceARN,
    Tags: s.list(Tag, 1, 50),
  }, ["ResourceARN","Tags"], true),
  UntagResource: input({
    ResourceARN,
    TagKeyList: s.list(TagKey, 1, 50),
  }, ["ResourceARN","TagKeyList"], true),
  ListTagsForResource: input({
    ResourceARN,
    NextToken,
  }, ["ResourceARN"]),
  CreateSignalingChannel: input({
    ChannelName,
    ChannelType: s.enum(['SINGLE_MASTER', 'FULL_MESH']),
    SingleMasterConfiguration: s.structure({
      MessageTtlSeconds: s.integer(5, 120),
    }, []),
    Tags: s.list(Tag, 0, 50),
  }, ["ChannelName"]),
  DescribeSignalingChannel: input({
    ChannelName,
    ChannelARN: ResourceARN,
  }, []),
  ListSignalingChannels: input({
    MaxResults: s.integer(1, 10000),
    NextToken,
    ChannelNameCondition: s.structure({
      ComparisonOperator: s.enum(['BEGINS_WITH']),
      ComparisonValue: ChannelName,
    }, []),
  }, []),
  DeleteSignalingChannel: input({
    ChannelARN: ResourceARN,
    CurrentVersion: Version,
  }, ["ChannelARN"], true),
} satisfies Record<string, OperationShape>;

/** kinesis-video-media: GetMedia. */
export const videoMediaShapes = {
  GetMedia: input({
    StartSelector: s.structure({
      StartSelectorType: s.enum(['FRAGMENT_NUMBER', 'SERVER_TIMESTAMP', 'PRODUCER_TIMESTAMP', 'NOW', 'EARLIEST', 'CONTINUATION_TOKEN']),
      AfterFragmentNumber: FragmentNumber,
      StartTimestamp: s.timestamp(),
      ContinuationToken: s.string({ min: 1, max: 128, pattern: '^[a-zA-Z0-9_\\.\\-]+$' }),
    }, ["StartSelectorType"]),
    StreamName,
    StreamARN: ResourceARN,
  }, ["StartSelector"]),
} satisfies Record<string, OperationShape>;

/** kinesis-video-archived-media: fragments, HLS and DASH sessions, clips and images. */
export const videoArchivedMediaShapes = {
  ListFragments: input({
    StreamName,
    StreamARN: ResourceARN,
    MaxResults: s.long(1, 1000),
    NextToken: ArchivedNextToken,
    FragmentSelector: s.structure({
      FragmentSelectorType: TimestampSelectorType,
      TimestampRange: s.structure({
        StartTimestamp: s.timestamp(),
        EndTimestamp: s.timestamp(),
      }, ["StartTimestamp","EndTimestamp"]),
    }, ["FragmentSelectorType","TimestampRange"]),
  }, []),
  GetMediaForFragmentList: input({
    Fragments: s.list(FragmentNumber, 1, 1000),
    StreamName,
    StreamARN: ResourceARN,
  }, ["Fragments"]),
  GetHLSStreamingSessionURL: input({
    StreamName,
    StreamARN: ResourceARN,
    PlaybackMode: s.enum(['LIVE', 'LIVE_REPLAY', 'ON_DEMAND']),
    HLSFragmentSelector: s.structure({
      FragmentSelectorType: TimestampSelectorType,
      TimestampRange: s.structure({
        StartTimestamp: s.timestamp(),
        EndTimestamp: s.timestamp(),
      }, []),
    }, []),
    ContainerFormat: s.enum(['FRAGMENTED_MP4', 'MPEG_TS']),
    DiscontinuityMode: s.enum(['ALWAYS', 'NEVER', 'ON_DISCONTINUITY']),
    DisplayFragmentTimestamp: s.enum(['ALWAYS', 'NEVER']),
    Expires: s.integer(300, 43200),
    MaxMediaPlaylistFragmentResults: s.long(1, 5000),
  }, []),
  GetDASHStreamingSessionURL: input({
    StreamName,
    StreamARN: ResourceARN,
    PlaybackMode: s.enum(['LIVE', 'LIVE_REPLAY', 'ON_DEMAND']),
    DisplayFragmentTimestamp: s.enum(['ALWAYS', 'NEVER']),
    DisplayFragmentNumber: s.enum(['ALWAYS', 'NEVER']),
    DASHFragmentSelector: s.structure({
      FragmentSelectorType: TimestampSelectorType,
      TimestampRange: s.structure({
        StartTimestamp: s.timestamp(),
        EndTimestamp: s.timestamp(),
      }, []),
    }, []),
    Expires: s.integer(300, 43200),
    MaxManifestFragmentResults: s.long(1, 5000),
  }, []),
  GetClip: input({
    ClipFragmentSelector: s.structure({
      FragmentSelectorType: TimestampSelectorType,
      TimestampRange: s.structure({
        StartTimestamp: s.timestamp(),
        EndTimestamp: s.timestamp(),
      }, ["StartTimestamp","EndTimestamp"]),
    }, ["FragmentSelectorType","TimestampRange"]),
    StreamName,
    StreamARN: ResourceARN,
  }, ["ClipFragmentSelector"]),
  GetImages: input({
    ImageSelectorType: TimestampSelectorType,
    StartTimestamp: s.timestamp(),
    EndTimestamp: s.timestamp(),
    Format: s.enum(['JPEG', 'PNG']),
    StreamName,
    StreamARN: ResourceARN,
    SamplingInterval: s.integer(),
    FormatConfig: s.map(s.enum(['JPEGQuality']), s.string({ min: 0, max: 256, pattern: '^[a-zA-Z_0-9]+' }), 0, 1),
    WidthPixels: s.integer(1, 3840),
    HeightPixels: s.integer(1, 2160),
    MaxResults: s.long(1, 100),
    NextToken: ArchivedNextToken,
  }, ["ImageSelectorType","StartTimestamp","EndTimestamp","Format"]),
} satisfies Record<string, OperationShape>;
