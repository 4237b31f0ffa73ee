import { bucketArn, definePreset, FIREHOSE_ROLE, functionArn, streamArn } from './preset';

export const firehoseCsvToJson = definePreset({
  id: 'firehose-csv-to-json',
  title: 'Firehose CSV-to-JSON transform, failed records to the error prefix',
  explanation:
    'A stream of CSV lines (id,name,age) feeds a Firehose delivery stream whose Lambda transform turns each line into JSON. A second, buggy producer sends lines separated by semicolons; the function answers ProcessingFailed for those. Notice the two prefixes filling in the bucket: converted objects under people/ and the failed records, wrapped in Firehose\'s error JSON, under errors/processing-failed/. Open one object of each. Try shortening the buffer interval, or make the function fail more with its error rate.',
  topology: {
    buckets: [{ Bucket: 'people-lake' }],
    lambdas: [{ FunctionName: 'csv-to-json', builtin: 'firehose-csv-to-json', options: { header: ['id', 'name', 'age'], numericFields: ['id', 'age'] } }],
    streams: [{ StreamName: 'people-csv', ShardCount: 1 }],
    deliveryStreams: [
      {
        DeliveryStreamName: 'people-to-s3',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn('people-csv'), RoleARN: FIREHOSE_ROLE },
        ExtendedS3DestinationConfiguration: {
          BucketARN: bucketArn('people-lake'),
          RoleARN: FIREHOSE_ROLE,
          Prefix: 'people/',
          ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: functionArn('csv-to-json') }] }] },
        },
      },
    ],
    producers: [
      { name: 'csv-export', streamName: 'people-csv', rate: { kind: 'constant', recordsPerSecond: 8 }, keys: { name: 'random' }, record: { template: '{{seq}},{{name.firstName}},{{random.number({"min":18,"max":90})}}' }, mode: 'exact' },
      { name: 'buggy-export', streamName: 'people-csv', rate: { kind: 'constant', recordsPerSecond: 1 }, keys: { name: 'random' }, record: { template: '{{seq}};{{name.firstName}};{{random.number(90)}}' }, mode: 'exact' },
    ],
  },
});
