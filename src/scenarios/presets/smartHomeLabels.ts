import { definePreset, ACCOUNT, REGION } from './preset';

export const smartHomeLabels = definePreset({
  id: 'smart-home-label-detection',
  title: 'Smart-home camera with Rekognition label detection and a notification',
  explanation:
    'A front-door camera streams 2-second fragments into a Kinesis video stream with 24 hours of retention. A Rekognition stream processor with connected-home settings (PERSON, PET, PACKAGE) runs a 120-second session over it. Notice what happens: a stranger walks past at about 20 s; once the fragment covering the end of the pass is whole, the processor publishes one SNS notification for the first sighting of PERSON (not one per frame), and when the session ends it writes a summary object to the S3 bucket and sends a completion notification. Label detection answers "a person", never which person: that is face search. Try a PET visit, or a MinConfidence above the detections.',
  topology: { buckets: [{ Bucket: 'home-events' }] },
  commands: [
    { at: 0, op: 'video.createStream', args: { StreamName: 'front-door', DataRetentionInHours: 24, MediaType: 'video/h264' } },
    { at: 0, op: 'video.addCamera', args: { name: 'doorbell', streamName: 'front-door', fps: 24, resolution: '720p' } },
    { at: 0, op: 'video.startCamera', args: { name: 'doorbell' } },
    { at: 0, op: 'video.addSceneVisit', args: { streamName: 'front-door', label: 'PERSON', who: 'stranger', startMs: 20000, durationMs: 12000 }, note: 'someone walks past the door' },
    {
      at: 1500,
      op: 'rekognition.createStreamProcessor',
      args: { Name: 'door-labels', VideoStreamName: 'front-door', Labels: ['PERSON', 'PET', 'PACKAGE'], MinConfidence: 50, Bucket: 'home-events', KeyPrefix: 'door/', SNSTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:home-alerts` },
    },
    { at: 2000, op: 'rekognition.startStreamProcessor', args: { Name: 'door-labels', MaxDurationInSeconds: 120 } },
  ],
});
