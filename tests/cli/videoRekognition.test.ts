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
});
