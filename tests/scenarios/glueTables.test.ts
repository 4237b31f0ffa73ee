/**
 * topology.glueTables: each database is created once, then its tables, before
 * any delivery stream (whose format conversion resolves its schema from the
 * catalog at CreateDeliveryStream); the clickstream-parquet preset takes its
 * schema from such a table, as AWS users configure it.
 */
import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../src/scenarios/presets';
import { topologyCommands } from '../../src/scenarios/topology';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';

const cols = [{ Name: 'id', Type: 'int' }];

describe('topology.glueTables', () => {
  it('becomes CreateDatabase once per database, then CreateTable, after the buckets and before the delivery streams', () => {
    const cmds = topologyCommands({
      buckets: [{ Bucket: 'lake' }],
      glueTables: [{ DatabaseName: 'web', TableName: 'a', Columns: cols }, { DatabaseName: 'Web', TableName: 'b', Columns: cols }],
      deliveryStreams: [{ DeliveryStreamName: 'd' } as never],
    });
    expect(cmds.map((c) => c.op)).toEqual(['s3.createBucket', 'glue.createDatabase', 'glue.createTable', 'glue.createTable', 'firehose.createDeliveryStream']);
    expect(cmds[2].args).toEqual({ DatabaseName: 'web', TableInput: { Name: 'a', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: cols } } });
  });

  it('refuses the same table twice (names compared as Glue stores them, lower-case)', () => {
    const s = presetScenario('clickstream-parquet')!;
    const t = s.topology.glueTables![0];
    const v = validateScenario({ ...s, topology: { ...s.topology, glueTables: [t, { ...t, TableName: t.TableName.toUpperCase() }] } });
    expect(v.ok ? [] : v.errors).toEqual(['topology.glueTables[1].TableName: duplicates topology.glueTables[0].TableName ("web_analytics.clicks")']);
  });

  it('clickstream-parquet: the delivery stream converts with the catalog table\'s columns', async () => {
    const session = new ScenarioSession(presetScenario('clickstream-parquet')!);
    await session.advance(1000);
    expect(session.commandLog().filter((e) => !e.ok)).toEqual([]);
    const table = session.sim.glueContext.databases.web_analytics.tables.clicks;
    const rt = session.sim.firehoseContext.streams.get('clicks-to-parquet')!.s3.conversion!;
    expect(rt.SchemaConfiguration).toMatchObject({ DatabaseName: 'web_analytics', TableName: 'clicks', Columns: table.StorageDescriptor.Columns });
    expect(table.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(['user_id', 'session', 'ts', 'event', 'page', 'ip']);
  });
});
