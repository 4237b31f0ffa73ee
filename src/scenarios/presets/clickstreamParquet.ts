import { bucketArn, definePreset, FIREHOSE_ROLE, streamArn } from './preset';

export const clickstreamParquet = definePreset({
  id: 'clickstream-parquet',
  title: 'Clickstream to S3 with Parquet conversion',
  explanation:
    'The classic analytics pipeline: a website\'s clickstream goes into a stream, Firehose reads it, converts each JSON event to the columns of a Glue Data Catalog table (web_analytics.clicks, named in SchemaConfiguration as on AWS) and writes Parquet files under a date-based prefix, ready for Athena. Notice that format conversion forces a buffer of at least 64 MB and UNCOMPRESSED at the S3 level (Parquet compresses inside the file), and open a delivered object to see it as a table. Try ORC instead of Parquet, or add a column that the events do not have.',
  topology: {
    buckets: [{ Bucket: 'clickstream-lake' }],
    glueTables: [
      {
        DatabaseName: 'web_analytics',
        TableName: 'clicks',
        Columns: [
          { Name: 'user_id', Type: 'string' },
          { Name: 'session', Type: 'string' },
          { Name: 'ts', Type: 'string' },
          { Name: 'event', Type: 'string' },
          { Name: 'page', Type: 'string' },
          { Name: 'ip', Type: 'string' },
        ],
      },
    ],
    streams: [{ StreamName: 'clickstream', ShardCount: 2 }],
    deliveryStreams: [
      {
        DeliveryStreamName: 'clicks-to-parquet',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn('clickstream'), RoleARN: FIREHOSE_ROLE },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn('clickstream-lake'),
          RoleARN: FIREHOSE_ROLE,
          Prefix: 'clicks/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/',
          ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
          BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
          CompressionFormat: 'UNCOMPRESSED',
          DataFormatConversionConfiguration: {
            Enabled: true,
            // AWS's own shape: the schema lives in a Glue Data Catalog table (topology.glueTables above).
            SchemaConfiguration: { DatabaseName: 'web_analytics', TableName: 'clicks', RoleARN: FIREHOSE_ROLE, Region: 'us-east-1', VersionId: 'LATEST' },
            InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
            OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
          },
        },
      },
    ],
    producers: [{ name: 'website', streamName: 'clickstream', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'customer_id', count: 1000 }, record: { template: 'clickstream' }, mode: 'exact' }],
  },
});
