import { describe, it, expect } from 'vitest';
import { consoleOn } from './cliHarness';

describe('kinesisvideo and rekognition in the console', () => {
  it('creates a video stream as a scenario command and reads it back over REST-JSON', async () => {
    const { cli, session } = consoleOn();
    expect((await cli.run('aws kinesisvideo create-stream --stream-name door-cam --data-retention-in-hours 24')).status).toBe(0);
    expect(session.toScenario().commands.map((c) => [c.op, c.args])).toEqual([['video.createStream', { StreamName: 'door-cam', DataRetentionInHours: 24 }]]);
    await session.advance(10_000);
    const d = await cli.run("aws kinesisvideo describe-stream --stream-name door-cam --query 'StreamInfo.[StreamName,Status,DataRetentionInHours]' --output text");
    expect(d).toEqual({ stdout: 'door-cam\tACTIVE\t24\n', stderr: '', status: 0 });
    const missing = await cli.run('aws kinesisvideo describe-stream --stream-name nope');
    expect(missing.status).toBe(254);
    expect(missing.stderr).toMatch(/^\nAn error occurred \(ResourceNotFoundException\) when calling the DescribeStream operation: /);
  });

  it('lists Rekognition stream processors through JSON 1.1', async () => {
    const { cli } = consoleOn();
    expect(await cli.run('aws rekognition list-stream-processors')).toEqual({ stdout: '{\n    "StreamProcessors": []\n}\n', stderr: '', status: 0 });
  });

  it('creates, updates and starts a label detection processor from AWS requests, each recorded as a scenario command', async () => {
    const { cli, session } = consoleOn();
    const created = await cli.run('aws kinesisvideo create-stream --stream-name door --data-retention-in-hours 24');
    const arn = JSON.parse(created.stdout).StreamARN as string;
    await session.advance(10_000);
    const create = await cli.run(
      `aws rekognition create-stream-processor --name porch --input KinesisVideoStream={Arn=${arn}} --stream-processor-output S3Destination={Bucket=home-events} --settings 'ConnectedHome={Labels=[ALL]}' --role-arn arn:aws:iam::123456789012:role/r --notification-channel SNSTopicArn=arn:aws:sns:us-east-1:123456789012:t --query StreamProcessorArn --output text`,
    );
    expect(create).toEqual({ stdout: 'arn:aws:rekognition:us-east-1:123456789012:streamprocessor/porch\n', stderr: '', status: 0 });
    expect(await cli.run("aws rekognition update-stream-processor --name porch --settings-for-update 'ConnectedHomeForUpdate={MinConfidence=abc}'")).toEqual({
      stdout: '',
      stderr: "\nParameter validation failed:\ncould not convert string to float: 'abc'\n",
      status: 252,
    });
    expect(await cli.run("aws rekognition update-stream-processor --name porch --settings-for-update 'ConnectedHomeForUpdate={Labels=[PET],MinConfidence=70.5}'")).toEqual({ stdout: '', stderr: '', status: 0 });
    await session.advance(1000);
    expect(await cli.run("aws rekognition describe-stream-processor --name porch --query '[Status,Settings.ConnectedHome.MinConfidence,Settings.ConnectedHome.Labels[0]]' --output text")).toEqual({
      stdout: 'STOPPED\t70.5\tPET\n',
      stderr: '',
      status: 0,
    });
    expect((await cli.run('aws rekognition start-stream-processor --name porch --stop-selector MaxDurationInSeconds=30')).status).toBe(0);
    expect(session.toScenario().commands.map((c) => c.op)).toEqual([
      'video.createStream',
      'rekognition.createStreamProcessor',
      'rekognition.updateStreamProcessor',
      'rekognition.startStreamProcessor',
    ]);
  });
});
