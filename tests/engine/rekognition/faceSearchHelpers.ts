import type { Simulation } from '../../../src/engine/simulation';

/** Creates and starts a face-search stream processor named `name` from video stream `video` into data stream `output`, matching collection 'home'. */
export function startFaceSearch(sim: Simulation, video: string, output: string, name = 'door'): void {
  sim.rekognition.createStreamProcessor({
    Name: name,
    Input: { KinesisVideoStream: { Arn: sim.video.describeStream({ StreamName: video }).StreamInfo.StreamARN } },
    Output: { KinesisDataStream: { Arn: sim.kinesis.describeStreamSummary({ StreamName: output }).StreamDescriptionSummary.StreamARN } },
    Settings: { FaceSearch: { CollectionId: 'home' } },
    RoleArn: 'arn:aws:iam::123456789012:role/rek',
  });
  sim.rekognition.startStreamProcessor({ Name: name });
}
