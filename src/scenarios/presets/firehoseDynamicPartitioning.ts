import { bucketArn, definePreset, FIREHOSE_ROLE, streamArn } from './preset';

export const firehoseDynamicPartitioning = definePreset({
  id: 'firehose-dynamic-partitioning',
  title: 'Firehose dynamic partitioning by customer and date',
  explanation:
    'Customer events flow from a stream into Firehose with dynamic partitioning: a jq query pulls user_id out of each JSON record, and the prefix customer_id=!{partitionKeyFromQuery:customer_id}/dt=!{timestamp:yyyy-MM-dd}/ gives every customer its own folder per day. Notice one buffer per active partition, each flushing on its own, and the many small objects that heavy partitioning creates. Try a coarser key, a bigger buffer, or more customers to approach the active-partition limit.',
  topology: {
    buckets: [{ Bucket: 'customer-lake' }],
    streams: [{ StreamName: 'customer-events', ShardCount: 2 }],
    deliveryStreams: [
      {
        DeliveryStreamName: 'events-by-customer',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn('customer-events'), RoleARN: FIREHOSE_ROLE },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn('customer-lake'),
          RoleARN: FIREHOSE_ROLE,
          Prefix: 'customer_id=!{partitionKeyFromQuery:customer_id}/dt=!{timestamp:yyyy-MM-dd}/',
          ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
          BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
          DynamicPartitioningConfiguration: { Enabled: true },
          ProcessingConfiguration: {
            Enabled: true,
            Processors: [
              {
                Type: 'MetadataExtraction',
                Parameters: [
                  { ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer_id: .user_id}' },
                  { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' },
                ],
              },
              { Type: 'AppendDelimiterToRecord', Parameters: [{ ParameterName: 'Delimiter', ParameterValue: '\\n' }] },
            ],
          },
        },
      },
    ],
    producers: [{ name: 'web-app', streamName: 'customer-events', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'customer_id', count: 20, zipfExponent: 1.1 }, record: { template: 'clickstream' }, mode: 'exact' }],
  },
});
