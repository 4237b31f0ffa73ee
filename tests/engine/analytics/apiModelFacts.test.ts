/**
 * The API model's facts, through @aws-sdk/client-kinesis-analytics-v2: every
 * RuntimeEnvironment the SDK's enum lists is accepted (SQL-1_0 with the SQL
 * application rules), and UpdateApplication requires only ApplicationName,
 * with CurrentApplicationVersionId or ConditionalToken as the optimistic lock.
 */
import { describe, it, expect } from 'vitest';
import {
  KinesisAnalyticsV2Client, CreateApplicationCommand, DescribeApplicationCommand, UpdateApplicationCommand, RuntimeEnvironment,
  ConcurrentModificationException, InvalidArgumentException, UnsupportedOperationException,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';
import { ANALYTICS_RUNTIMES } from '../../../src/engine';
import { ROLE, world } from './helpers';

const FLINK = `CREATE TABLE src (ticker VARCHAR(4)) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (ticker VARCHAR(4)) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT ticker FROM src;`;

async function setup(startTime?: number) {
  const sim = await world(1, 7, startTime);
  const client = new KinesisAnalyticsV2Client({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  return { sim, client };
}

describe('analytics API model facts', () => {
  it("accepts exactly the SDK enum's RuntimeEnvironment values, FLINK-2_3 included", () => {
    expect([...ANALYTICS_RUNTIMES].sort()).toEqual(Object.values(RuntimeEnvironment).sort());
    expect(ANALYTICS_RUNTIMES).toContain('FLINK-2_3');
  });

  it('creates an application on every runtime of the enum; only SQL-1_0 is refused after 2025-10-15', async () => {
    const { client } = await setup(Date.UTC(2026, 0, 5));
    for (const rt of Object.values(RuntimeEnvironment)) {
      const name = `app-${rt.replace(/_/g, '-')}`;
      const send = client.send(new CreateApplicationCommand({ ApplicationName: name, RuntimeEnvironment: rt, ServiceExecutionRole: ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: rt === 'SQL-1_0' ? '' : FLINK } } } }));
      if (rt === 'SQL-1_0') {
        await expect(send).rejects.toBeInstanceOf(UnsupportedOperationException);
        continue;
      }
      const d = (await send).ApplicationDetail!;
      expect([d.RuntimeEnvironment, d.ApplicationStatus, d.ApplicationMode]).toEqual([rt, 'READY', rt.startsWith('ZEPPELIN') ? 'INTERACTIVE' : 'STREAMING']);
    }
  });

  it('runs SQL-1_0 under the SQL rules: no FlinkApplicationConfiguration', async () => {
    const { client } = await setup();
    await expect(client.send(new CreateApplicationCommand({
      ApplicationName: 'sql', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE,
      ApplicationConfiguration: { FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'DEFAULT' } } },
    }))).rejects.toThrow('FlinkApplicationConfiguration is not valid for RuntimeEnvironment SQL-1_0.');
  });

  it('UpdateApplication takes ConditionalToken instead of CurrentApplicationVersionId; a stale token is ConcurrentModificationException', async () => {
    const { client } = await setup();
    await client.send(new CreateApplicationCommand({ ApplicationName: 'f', RuntimeEnvironment: 'FLINK-2_3', ServiceExecutionRole: ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: FLINK } } } }));
    const t1 = (await client.send(new DescribeApplicationCommand({ ApplicationName: 'f' }))).ApplicationDetail!.ConditionalToken!;
    expect(t1).toMatch(/^[0-9a-f]{32}$/);
    const up = { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM' as const, ParallelismUpdate: 2 } } };
    const u = await client.send(new UpdateApplicationCommand({ ApplicationName: 'f', ConditionalToken: t1, ApplicationConfigurationUpdate: up }));
    expect(u.ApplicationDetail!.ApplicationVersionId).toBe(2);
    const t2 = u.ApplicationDetail!.ConditionalToken!;
    expect(t2).not.toBe(t1);
    expect((await client.send(new DescribeApplicationCommand({ ApplicationName: 'f' }))).ApplicationDetail!.ConditionalToken).toBe(t2);
    const stale = client.send(new UpdateApplicationCommand({ ApplicationName: 'f', ConditionalToken: t1, ApplicationConfigurationUpdate: up }));
    await expect(stale).rejects.toBeInstanceOf(ConcurrentModificationException);
    await expect(client.send(new UpdateApplicationCommand({ ApplicationName: 'f', ConditionalToken: t1, ApplicationConfigurationUpdate: up }))).rejects.toThrow('Provided conditional token does not match the current conditional token of application f.');
    // The version id still works as the lock.
    expect((await client.send(new UpdateApplicationCommand({ ApplicationName: 'f', CurrentApplicationVersionId: 2, ApplicationConfigurationUpdate: up }))).ApplicationDetail!.ApplicationVersionId).toBe(3);
  });

  it('UpdateApplication with neither lock is InvalidArgumentException; with both, each must be current', async () => {
    const { client } = await setup();
    await client.send(new CreateApplicationCommand({ ApplicationName: 'f', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: FLINK } } } }));
    const up = { ApplicationSnapshotConfigurationUpdate: { SnapshotsEnabledUpdate: true } };
    const neither = client.send(new UpdateApplicationCommand({ ApplicationName: 'f', ApplicationConfigurationUpdate: up }));
    await expect(neither).rejects.toBeInstanceOf(InvalidArgumentException);
    await expect(client.send(new UpdateApplicationCommand({ ApplicationName: 'f', ApplicationConfigurationUpdate: up }))).rejects.toThrow('Either CurrentApplicationVersionId or ConditionalToken must be provided.');
    const token = (await client.send(new DescribeApplicationCommand({ ApplicationName: 'f' }))).ApplicationDetail!.ConditionalToken!;
    await expect(client.send(new UpdateApplicationCommand({ ApplicationName: 'f', CurrentApplicationVersionId: 9, ConditionalToken: token, ApplicationConfigurationUpdate: up }))).rejects.toBeInstanceOf(ConcurrentModificationException);
    const both = await client.send(new UpdateApplicationCommand({ ApplicationName: 'f', CurrentApplicationVersionId: 1, ConditionalToken: token, ApplicationConfigurationUpdate: up }));
    expect(both.ApplicationDetail!.ApplicationVersionId).toBe(2);
  });
});
