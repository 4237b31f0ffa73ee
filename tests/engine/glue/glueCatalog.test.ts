/**
 * The simulated Glue Data Catalog through the official @aws-sdk/client-glue
 * (CreateDatabase, CreateTable, GetTable over `AWSGlue.*` JSON 1.1), and
 * Firehose reading record format conversion's schema from the table its
 * SchemaConfiguration names, as a configuration copied from AWS does.
 */
import { describe, expect, it } from 'vitest';
import { CreateDatabaseCommand, CreateTableCommand, EntityNotFoundException, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { parquetReadObjects } from 'hyparquet';
import { createSimulation, type Simulation } from '../../../src/engine';
import { loadParquetWriter } from '../../../src/engine/firehose/formatConversion/parquetLoader';
import { simRequestHandler } from '../kinesis/sdkHandler';

const ROLE = 'arn:aws:iam::123456789012:role/firehose';
const client = (sim: Simulation) =>
  new GlueClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestHandler: simRequestHandler(sim) });

async function clicksTable(sim: Simulation) {
  const glue = client(sim);
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'Web' } }));
  await glue.send(new CreateTableCommand({
    DatabaseName: 'web',
    TableInput: { Name: 'Clicks', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'ID', Type: 'int' }, { Name: 'page', Type: 'string' }] } },
  }));
  return glue;
}

describe('the Glue Data Catalog over the SDK', () => {
  it('creates a database and a table and returns it, names lower-cased as Glue keeps them', async () => {
    const sim = createSimulation({ seed: 1 });
    const glue = await clicksTable(sim);
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'WEB', Name: 'clicks' }));
    expect(Table).toEqual({
      Name: 'clicks',
      DatabaseName: 'web',
      TableType: 'EXTERNAL_TABLE',
      StorageDescriptor: { Columns: [{ Name: 'id', Type: 'int' }, { Name: 'page', Type: 'string' }] },
      PartitionKeys: [],
      CreateTime: new Date(sim.now()),
      VersionId: '0',
      CatalogId: '123456789012',
    });
    expect(sim.glueContext.databases.web.tables.clicks.StorageDescriptor.Columns).toEqual([{ Name: 'id', Type: 'int' }, { Name: 'page', Type: 'string' }]);
  });

  it('answers a missing table with EntityNotFoundException, "Table <name> not found."', async () => {
    const sim = createSimulation({ seed: 1 });
    const glue = await clicksTable(sim);
    const err = await glue.send(new GetTableCommand({ DatabaseName: 'web', Name: 'views' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EntityNotFoundException);
    expect((err as Error).message).toBe('Table views not found.');
  });
});

describe('record format conversion with the schema in a Glue table', () => {
  const conversion = (schema: Record<string, unknown>) => ({
    Enabled: true,
    SchemaConfiguration: schema,
    InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
    OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
  });
  const create = (sim: Simulation, schema: Record<string, unknown>) =>
    sim.handleAwsJson('Firehose_20150804.CreateDeliveryStream', JSON.stringify({
      DeliveryStreamName: 'pq',
      ExtendedS3DestinationConfiguration: {
        RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake', CompressionFormat: 'UNCOMPRESSED',
        BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
        DataFormatConversionConfiguration: conversion(schema),
      },
    }));

  it('takes AWS\'s own SchemaConfiguration and writes Parquet with the table\'s columns', async () => {
    await loadParquetWriter();
    const sim = createSimulation({ seed: 1 });
    sim.s3.createBucket({ Bucket: 'lake' });
    await clicksTable(sim);
    const schema = { DatabaseName: 'web', TableName: 'clicks', RoleARN: ROLE, Region: 'us-east-1', VersionId: 'LATEST', CatalogId: '123456789012' };
    expect(create(sim, schema).status).toBe(200);
    await sim.advance(5000);
    sim.firehose.putRecordBatch({ DeliveryStreamName: 'pq', Records: [{ Data: new TextEncoder().encode('{"id":1,"page":"/a","extra":true}') }, { Data: new TextEncoder().encode('{"ID":2,"page":"/b"}') }] });
    await sim.advance(60_000);
    const [obj] = sim.s3.listObjectsV2({ Bucket: 'lake' }).Contents ?? [];
    const body = sim.s3.getObject({ Bucket: 'lake', Key: obj.Key }).Body;
    const rows = await parquetReadObjects({ file: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer });
    expect(rows).toEqual([{ id: 1, page: '/a' }, { id: 2, page: '/b' }]);
    // DescribeDeliveryStream shows the configuration as given: the schema by reference, no columns copied in.
    const d = JSON.parse(sim.handleAwsJson('Firehose_20150804.DescribeDeliveryStream', '{"DeliveryStreamName":"pq"}').body);
    expect(d.DeliveryStreamDescription.Destinations[0].ExtendedS3DestinationDescription.DataFormatConversionConfiguration.SchemaConfiguration).toEqual(schema);
  });

  it('refuses at CreateDeliveryStream a table the catalog does not hold', () => {
    const sim = createSimulation({ seed: 1 });
    sim.s3.createBucket({ Bucket: 'lake' });
    expect(create(sim, { DatabaseName: 'web', TableName: 'clicks', RoleARN: ROLE })).toEqual({
      status: 400,
      body: JSON.stringify({ __type: 'InvalidArgumentException', message: 'Table clicks in database web was not found in the AWS Glue Data Catalog.' }),
    });
  });
});
