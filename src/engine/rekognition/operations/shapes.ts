/**
 * The request shapes of the Amazon Rekognition operations the simulator
 * serves (face collections and stream processors), declared once as the
 * Rekognition API model declares them: member names, types, required members,
 * lengths, ranges, patterns and enums of the API reference [BC-REK]. Members
 * stand in the official SDK's schema order. Percent members
 * (FaceMatchThreshold, ConnectedHome MinConfidence) are floats from 0 to 100;
 * a region of interest's box and polygon points are unbounded floats (the
 * model sets no range; boxes are ratios of the frame by convention).
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';

const CollectionId = s.string({ min: 1, max: 255, pattern: '[a-zA-Z0-9_.\\-]+' });
const StreamProcessorName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.\\-]+' });
const KVS_ARN = s.string({ pattern: '(^arn:([a-z\\d-]+):kinesisvideo:([a-z\\d-]+):\\d{12}:.+$)' });
const KDS_ARN = s.string({ pattern: '(^arn:([a-z\\d-]+):kinesis:([a-z\\d-]+):\\d{12}:.+$)' });
const RoleArn = s.string({ pattern: 'arn:aws:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+' });
const S3Bucket = s.string({ min: 3, max: 255, pattern: '[0-9A-Za-z\\.\\-_]*' });
/** Percent: a float from 0 to 100 in the Rekognition model. */
const Percent = s.float(0, 100);
const BoundingBox = s.structure({ Width: s.float(), Height: s.float(), Left: s.float(), Top: s.float() }, []);
const Point = s.structure({ X: s.float(), Y: s.float() }, []);
/** At most 10 regions per processor (CreateStreamProcessor's RegionsOfInterest: 0 to 10 items). */
const RegionsOfInterest = s.list(s.structure({ BoundingBox, Polygon: s.list(Point) }, []), 0, 10);
// The model's tag patterns use Unicode classes the shape checker does not compile; lengths only.
const RekognitionTags = s.map(s.string({ min: 1, max: 128 }), s.string({ min: 0, max: 256 }), 0, 200);

const input = (members: StructureShape['members'], required: readonly string[] = [], emptyOutput = false): OperationShape => ({
  input: s.structure(members, required),
  ...(emptyOutput ? { emptyOutput: true } : {}),
});

/** rekognition: collections and stream processors. */
export const rekognitionShapes = {
  CreateCollection: input({
    CollectionId,
    Tags: RekognitionTags,
  }, ["CollectionId"]),
  IndexFaces: input({
    CollectionId,
    Image: s.structure({
      Bytes: s.blob(1, 5242880),
      S3Object: s.structure({
        Bucket: S3Bucket,
        Name: s.string({ min: 1, max: 1024 }),
        Version: s.string({ min: 1, max: 1024 }),
      }, []),
    }, []),
    ExternalImageId: s.string({ min: 1, max: 255, pattern: '[a-zA-Z0-9_.\\-:]+' }),
    DetectionAttributes: s.list(s.enum(['DEFAULT', 'ALL', 'AGE_RANGE', 'BEARD', 'EMOTIONS', 'EYE_DIRECTION', 'EYEGLASSES', 'EYES_OPEN', 'GENDER', 'MOUTH_OPEN', 'MUSTACHE', 'FACE_OCCLUDED', 'SMILE', 'SUNGLASSES'])),
    MaxFaces: s.integer(1),
    QualityFilter: s.enum(['NONE', 'AUTO', 'LOW', 'MEDIUM', 'HIGH']),
  }, ["CollectionId","Image"]),
  CreateStreamProcessor: input({
    Input: s.structure({
      KinesisVideoStream: s.structure({
        Arn: KVS_ARN,
      }, []),
    }, []),
    Output: s.structure({
      KinesisDataStream: s.structure({
        Arn: KDS_ARN,
      }, []),
      S3Destination: s.structure({
        Bucket: S3Bucket,
        KeyPrefix: s.string({ max: 1024 }),
      }, []),
    }, []),
    Name: StreamProcessorName,
    Settings: s.structure({
      FaceSearch: s.structure({
        CollectionId,
        FaceMatchThreshold: Percent,
      }, []),
      ConnectedHome: s.structure({
        Labels: s.list(s.string(), 1, 128),
        MinConfidence: Percent,
      }, ["Labels"]),
    }, []),
    RoleArn,
    Tags: RekognitionTags,
    NotificationChannel: s.structure({
      SNSTopicArn: s.string({ pattern: '(^arn:aws:sns:.*:\\w{12}:.+$)' }),
    }, ["SNSTopicArn"]),
    KmsKeyId: s.string({ min: 1, max: 2048, pattern: '^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$' }),
    RegionsOfInterest,
    DataSharingPreference: s.structure({
      OptIn: s.boolean(),
    }, ["OptIn"]),
  }, ["Input","Output","Name","Settings","RoleArn"]),
  StartStreamProcessor: input({
    Name: StreamProcessorName,
    StartSelector: s.structure({
      KVSStreamStartSelector: s.structure({
        ProducerTimestamp: s.long(0),
        FragmentNumber: s.string({ min: 1, max: 128, pattern: '^[0-9]+$' }),
      }, []),
    }, []),
    StopSelector: s.structure({
      MaxDurationInSeconds: s.integer(1, 120),
    }, []),
  }, ["Name"]),
  StopStreamProcessor: input({
    Name: StreamProcessorName,
  }, ["Name"], true),
  UpdateStreamProcessor: input({
    Name: StreamProcessorName,
    SettingsForUpdate: s.structure({
      ConnectedHomeForUpdate: s.structure({
        Labels: s.list(s.string(), 1, 128),
        MinConfidence: Percent,
      }, []),
    }, []),
    RegionsOfInterestForUpdate: RegionsOfInterest,
    DataSharingPreferenceForUpdate: s.structure({
      OptIn: s.boolean(),
    }, ["OptIn"]),
    ParametersToDelete: s.list(s.enum(['ConnectedHomeMinConfidence', 'RegionsOfInterest'])),
  }, ["Name"], true),
  DescribeStreamProcessor: input({
    Name: StreamProcessorName,
  }, ["Name"]),
  ListStreamProcessors: input({
    NextToken: s.string({ max: 255 }),
    MaxResults: s.integer(1),
  }, []),
  DeleteStreamProcessor: input({
    Name: StreamProcessorName,
  }, ["Name"], true),
} satisfies Record<string, OperationShape>;
