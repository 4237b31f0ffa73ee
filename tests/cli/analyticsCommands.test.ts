/** `aws kinesisanalyticsv2` in the console: reads through the wire, changes recorded as the analytics scenario commands. */
import { describe, expect, it } from 'vitest';
import { consoleOn } from './cliHarness';

describe('aws kinesisanalyticsv2', () => {
  it('creates an application as a recorded scenario command and lists it through the wire', async () => {
    const { cli, session } = consoleOn();
    const created = await cli.run('aws kinesisanalyticsv2 create-application --application-name a1 --runtime-environment FLINK-1_20 --service-execution-role arn:aws:iam::123456789012:role/r --query ApplicationDetail.[ApplicationName,ApplicationStatus,ApplicationVersionId]');
    expect(created).toEqual({ stdout: '[\n    "a1",\n    "READY",\n    1\n]\n', stderr: '', status: 0 });
    const listed = await cli.run('aws kinesisanalyticsv2 list-applications --query ApplicationSummaries[].ApplicationName --output text');
    expect(listed).toEqual({ stdout: 'a1\n', stderr: '', status: 0 });
    expect(session.toScenario().commands).toEqual([
      { at: 0, op: 'analytics.createApplication', args: { ApplicationName: 'a1', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: 'arn:aws:iam::123456789012:role/r' } },
    ]);
  });

  it('prints the service error for an unknown application', async () => {
    const { cli } = consoleOn();
    const r = await cli.run('aws kinesisanalyticsv2 describe-application --application-name nope');
    expect(r.status).toBe(254);
    expect(r.stderr).toMatch(/^\nAn error occurred \(ResourceNotFoundException\) when calling the DescribeApplication operation: /);
  });
});
