/** Rekognition state: face collections and stream processors, as plain data. */

export type ProcessorStatus = 'STOPPED' | 'STARTING' | 'RUNNING' | 'FAILED' | 'STOPPING' | 'UPDATING';

/** A face indexed into a collection (the simulator's identity is the resident it shows). */
export interface FaceRecord {
  FaceId: string;
  ImageId: string;
  ExternalImageId?: string;
  /** The scene resident this face is (IndexFaces reads it from ExternalImageId). */
  resident?: string;
  Confidence: number;
  BoundingBox: { Left: number; Top: number; Width: number; Height: number };
}

export interface CollectionState {
  id: string;
  arn: string;
  createdAt: number;
  faces: FaceRecord[];
}

/** Face search or connected-home settings, as CreateStreamProcessor takes them [BC-REK]. */
export interface ProcessorSettings {
  FaceSearch?: { CollectionId?: string; FaceMatchThreshold?: number };
  ConnectedHome?: { Labels: string[]; MinConfidence?: number };
}

/** A region of interest, as the API takes it: a box or a polygon, in ratios of the frame [BC-REK]. */
export interface RegionOfInterest {
  BoundingBox?: { Width?: number; Height?: number; Left?: number; Top?: number };
  Polygon?: Array<{ X?: number; Y?: number }>;
}

/** A stream processor. */
export interface ProcessorState {
  name: string;
  arn: string;
  status: ProcessorStatus;
  statusMessage?: string;
  createdAt: number;
  updatedAt: number;
  inputStreamArn: string;
  inputStreamName: string;
  output: { KinesisDataStream?: { Arn: string }; S3Destination?: { Bucket?: string; KeyPrefix?: string } };
  roleArn: string;
  settings: ProcessorSettings;
  notificationTopicArn?: string;
  kmsKeyId?: string;
  /** Where in the frame a label detection processor looks (none: the whole frame). */
  regionsOfInterest?: RegionOfInterest[];
  dataSharingOptIn?: boolean;
  tags: Record<string, string>;
  /** Intervals it ran, for the player's boxes: [start, end) (end undefined while running). */
  runs: Array<{ start: number; end?: number; session: string }>;
  /** Connected home: the current session and its window, and labels already notified. */
  session?: { id: string; start: number; end: number; seen: string[]; counts: Record<string, number> };
  /** Where the processor has analysed up to (server time). */
  analysedUntil: number;
  counters: { detectionFrames: number; recordsWritten: number; recordsFailed: number; notifications: number; faceMatches: number };
  /** Bumped on every start, so events of an earlier run are ignored. */
  epoch: number;
  /** Bumped when the scene's schedule changes, so a superseded visit event is ignored. */
  visitToken: number;
}

/** An SNS-like notification a connected-home processor published. */
export interface LabelNotification {
  time: number;
  topicArn: string;
  processor: string;
  message: Record<string, unknown>;
}
