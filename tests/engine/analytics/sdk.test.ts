/**
 * Drives the analytics simulation with the official
 * @aws-sdk/client-kinesis-analytics-v2 through the shared request handler:
 * every operation the simulator serves, and the exceptions AWS names.
 */
import { describe, it, expect } from 'vitest';
import {
  KinesisAnalyticsV2Client, CreateApplicationCommand, DescribeApplicationCommand, ListApplicationsCommand, StartApplicationCommand,
  StopApplicationCommand, UpdateApplicationCommand, DeleteApplicationCommand, AddApplicationInputCommand, AddApplicationOutputCommand,
  DeleteApplicationOutputCommand, CreateApplicationSnapshotCommand, ListApplicationSnapshotsCommand, DeleteApplicationSnapshotCommand,
  DiscoverInputSchemaCommand, ResourceNotFoundException, ConcurrentModificationException, CodeValidationException, UnsupportedOperationException,
  ResourceInUseException, LimitExceededException,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';
import { put, readAll, ROLE, sqlInput, streamArn, world } from './helpers';

const SQL = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker VARCHAR(4), cnt INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM ticker, COUNT(*) FROM "SOURCE_SQL_STREAM_001"
GROUP BY ticker, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`;

async function setup() {
  const sim = await world();
  const client = new KinesisAnalyticsV2Client({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  return { sim, client };
}

describe('Kinesis Data Analytics through @aws-sdk/client-kinesis-analytics-v2', () => {
  it('creates a SQL application, adds input and output, starts it and delivers a tumbling count', async () => {
    const { sim, client } = await setup();
    const created = await client.send(new CreateApplicationCommand({
      ApplicationName: 'tickers', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE,
      ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: '' } } },
    }));
    expect(created.ApplicationDetail!.ApplicationStatus).toBe('READY');
    expect(created.ApplicationDetail!.ApplicationVersionId).toBe(1);
    expect(created.ApplicationDetail!.ApplicationARN).toBe('arn:aws:kinesisanalytics:us-east-1:123456789012:application/tickers');
    const added = await client.send(new AddApplicationInputCommand({ ApplicationName: 'tickers', CurrentApplicationVersionId: 1, Input: sqlInput([['TICKER', 'VARCHAR(4)'], ['PRICE', 'REAL']]) }));
    expect(added.ApplicationVersionId).toBe(2);
    expect(added.InputDescriptions![0].InAppStreamNames).toEqual(['SOURCE_SQL_STREAM_001']);
    expect(added.InputDescriptions![0].InputId).toBe('1.1');
    const out = await client.send(new AddApplicationOutputCommand({
      ApplicationName: 'tickers', CurrentApplicationVersionId: 2,
      Output: { Name: 'DESTINATION_SQL_STREAM', KinesisStreamsOutput: { ResourceARN: streamArn('out') }, DestinationSchema: { RecordFormatType: 'JSON' } },
    }));
    expect(out.ApplicationVersionId).toBe(3);
    await expect(client.send(new UpdateApplicationCommand({
      ApplicationName: 'tickers', CurrentApplicationVersionId: 2,
      ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: SQL } } },
    }))).rejects.toBeInstanceOf(ConcurrentModificationException);
    const upd = await client.send(new UpdateApplicationCommand({
      ApplicationName: 'tickers', CurrentApplicationVersionId: 3,
      ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: SQL } } },
    }));
    expect(upd.ApplicationDetail!.ApplicationVersionId).toBe(4);
    await client.send(new StartApplicationCommand({ ApplicationName: 'tickers', RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] } }));
    expect((await client.send(new DescribeApplicationCommand({ ApplicationName: 'tickers' }))).ApplicationDetail!.ApplicationStatus).toBe('STARTING');
    await sim.advance(30000);
    expect((await client.send(new DescribeApplicationCommand({ ApplicationName: 'tickers' }))).ApplicationDetail!.ApplicationStatus).toBe('RUNNING');
    // Rows read in the minute 11:00:30..11:01:00 fall in the ROWTIME window [11:00, 11:01).
    await sim.advance(500);
    put(sim, { ticker: 'AMZN', price: 1 });
    put(sim, { ticker: 'AMZN', price: 2 });
    put(sim, { ticker: 'MSFT', price: 3 });
    await sim.advance(40000);
    expect(readAll(sim, 'out')).toEqual(['{"TICKER":"AMZN","CNT":2}\n', '{"TICKER":"MSFT","CNT":1}\n']);
    await client.send(new StopApplicationCommand({ ApplicationName: 'tickers' }));
    expect((await client.send(new DescribeApplicationCommand({ ApplicationName: 'tickers' }))).ApplicationDetail!.ApplicationStatus).toBe('STOPPING');
    await sim.advance(10000);
    const list = await client.send(new ListApplicationsCommand({}));
    expect(list.ApplicationSummaries!.map((a) => [a.ApplicationName, a.ApplicationStatus, a.ApplicationVersionId])).toEqual([['tickers', 'READY', 4]]);
    const del = await client.send(new DeleteApplicationOutputCommand({ ApplicationName: 'tickers', CurrentApplicationVersionId: 4, OutputId: '1.1' }));
    expect(del.ApplicationVersionId).toBe(5);
    const d = (await client.send(new DescribeApplicationCommand({ ApplicationName: 'tickers' }))).ApplicationDetail!;
    await client.send(new DeleteApplicationCommand({ ApplicationName: 'tickers', CreateTimestamp: d.CreateTimestamp }));
    await sim.advance(5000);
    await expect(client.send(new DescribeApplicationCommand({ ApplicationName: 'tickers' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses code that does not parse with CodeValidationException and its line and column', async () => {
    const { client } = await setup();
    const bad = `CREATE OR REPLACE PUMP "P" AS INSERT INTO "D"\nSELECT STREAM a FROM "SOURCE_SQL_STREAM_001"\nWINDOW W AS (PARTITION BY a RANGE '1' MINUTE PRECEDING);`;
    const err = await client.send(new CreateApplicationCommand({
      ApplicationName: 'bad', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE,
      ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: bad } } },
    })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeValidationException);
    expect((err as Error).message).toBe("line 3, column 35: expected INTERVAL, found '1'");
  });

  it('refuses new SQL applications from 2025-10-15 on the simulated clock', async () => {
    const sim = await world(1, 7, Date.UTC(2025, 9, 15));
    const client = new KinesisAnalyticsV2Client({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
    const err = await client.send(new CreateApplicationCommand({ ApplicationName: 'late', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedOperationException);
    const ok = await client.send(new CreateApplicationCommand({ ApplicationName: 'flink', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE }));
    expect(ok.ApplicationDetail!.ApplicationStatus).toBe('READY');
  });

  it('runs a Flink application with CUSTOM parallelism, snapshots it, lists and deletes snapshots', async () => {
    const { sim, client } = await setup();
    const flink = `CREATE TABLE src (ticker VARCHAR(4), price DOUBLE, ts TIMESTAMP(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (ticker VARCHAR(4), n BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT ticker, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, ticker;`;
    const c = await client.send(new CreateApplicationCommand({
      ApplicationName: 'f', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE,
      ApplicationConfiguration: {
        ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: flink } },
        FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 4, ParallelismPerKPU: 2, AutoScalingEnabled: false } },
      },
    }));
    expect(c.ApplicationDetail!.ApplicationConfigurationDescription!.FlinkApplicationConfigurationDescription!.ParallelismConfigurationDescription).toEqual({
      ConfigurationType: 'CUSTOM', Parallelism: 4, ParallelismPerKPU: 2, CurrentParallelism: 4, AutoScalingEnabled: false,
    });
    await expect(client.send(new UpdateApplicationCommand({
      ApplicationName: 'f', CurrentApplicationVersionId: 1,
      ApplicationConfigurationUpdate: { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 65, ParallelismPerKPUUpdate: 1 } } },
    }))).rejects.toBeInstanceOf(LimitExceededException);
    await client.send(new StartApplicationCommand({ ApplicationName: 'f' }));
    await expect(client.send(new CreateApplicationSnapshotCommand({ ApplicationName: 'f', SnapshotName: 's1' }))).rejects.toBeInstanceOf(ResourceInUseException);
    await sim.advance(30000);
    expect(sim.analytics.view('f').kpus).toBe(3); // 4 / 2 + 1 orchestration KPU
    await client.send(new CreateApplicationSnapshotCommand({ ApplicationName: 'f', SnapshotName: 's1' }));
    let snaps = (await client.send(new ListApplicationSnapshotsCommand({ ApplicationName: 'f' }))).SnapshotSummaries!;
    expect(snaps.map((s) => [s.SnapshotName, s.SnapshotStatus, s.ApplicationVersionId])).toEqual([['s1', 'CREATING', 1]]);
    await sim.advance(5000);
    snaps = (await client.send(new ListApplicationSnapshotsCommand({ ApplicationName: 'f' }))).SnapshotSummaries!;
    expect(snaps[0].SnapshotStatus).toBe('READY');
    await client.send(new DeleteApplicationSnapshotCommand({ ApplicationName: 'f', SnapshotName: 's1', SnapshotCreationTimestamp: snaps[0].SnapshotCreationTimestamp }));
    expect((await client.send(new ListApplicationSnapshotsCommand({ ApplicationName: 'f' }))).SnapshotSummaries).toEqual([]);
    await client.send(new StopApplicationCommand({ ApplicationName: 'f', Force: true }));
    expect((await client.send(new DescribeApplicationCommand({ ApplicationName: 'f' }))).ApplicationDetail!.ApplicationStatus).toBe('FORCE_STOPPING');
  });

  it('discovers a schema from sampled records', async () => {
    const { sim, client } = await setup();
    put(sim, { heartRate: 72, name: 'alpha', reading: { temp: 36.6 } });
    put(sim, { heartRate: 99, name: 'beta-long-name', reading: { temp: 37.1 } });
    const r = await client.send(new DiscoverInputSchemaCommand({ ResourceARN: streamArn('src'), ServiceExecutionRole: ROLE, InputStartingPositionConfiguration: { InputStartingPosition: 'TRIM_HORIZON' } }));
    expect(r.InputSchema!.RecordColumns).toEqual([
      { Name: 'HEARTRATE', Mapping: '$.heartRate', SqlType: 'TINYINT' },
      { Name: 'NAME', Mapping: '$.name', SqlType: 'VARCHAR(16)' },
      { Name: 'READING_TEMP', Mapping: '$.reading.temp', SqlType: 'REAL' },
    ]);
    expect(r.ParsedInputRecords).toEqual([['72', 'alpha', '36.6'], ['99', 'beta-long-name', '37.1']]);
  });
});
