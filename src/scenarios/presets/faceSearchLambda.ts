import { definePreset, streamArn } from './preset';

export const faceSearchLambda = definePreset({
  id: 'video-face-search-lambda',
  title: 'Face search into a Kinesis data stream read by a Lambda consumer',
  explanation:
    'A hallway camera streams into a video stream; a Rekognition face-search stream processor matches faces against a collection in which alice is indexed, and writes a JSON frame record (InputInformation, StreamProcessorInformation, FaceSearchResponse with MatchedFaces) into the Kinesis data stream face-matches. A Lambda event source mapping reads that stream, so the Data Streams engine, its shards and charts take over. Notice: alice walks through at 15 s and, once the fragments are whole, records land in the data stream and the Lambda is invoked; a stranger later gives records with empty MatchedFaces. Try a FaceMatchThreshold of 99.',
  topology: {
    streams: [{ StreamName: 'face-matches', ShardCount: 1 }],
    lambdas: [{ FunctionName: 'on-face', builtin: 'kinesis-count', durationMs: 50 }],
    consumers: [{ type: 'lambdaMapping', FunctionName: 'on-face', EventSourceArn: streamArn('face-matches'), StartingPosition: 'TRIM_HORIZON', BatchSize: 10 }],
  },
  commands: [
    { at: 0, op: 'video.createStream', args: { StreamName: 'hallway', DataRetentionInHours: 24 } },
    { at: 0, op: 'video.addCamera', args: { name: 'hall-cam', streamName: 'hallway' } },
    { at: 0, op: 'video.startCamera', args: { name: 'hall-cam' } },
    { at: 0, op: 'rekognition.createCollection', args: { CollectionId: 'residents' } },
    { at: 0, op: 'rekognition.indexFaces', args: { CollectionId: 'residents', ExternalImageId: 'alice' } },
    { at: 0, op: 'video.addSceneVisit', args: { streamName: 'hallway', label: 'PERSON', who: 'alice', startMs: 15000, durationMs: 12000 } },
    { at: 0, op: 'video.addSceneVisit', args: { streamName: 'hallway', label: 'PERSON', who: 'stranger', startMs: 70000, durationMs: 10000 } },
    { at: 1500, op: 'rekognition.createStreamProcessor', args: { Name: 'hall-faces', VideoStreamName: 'hallway', KinesisStreamName: 'face-matches', CollectionId: 'residents', FaceMatchThreshold: 85 } },
    { at: 2000, op: 'rekognition.startStreamProcessor', args: { Name: 'hall-faces' } },
  ],
});
