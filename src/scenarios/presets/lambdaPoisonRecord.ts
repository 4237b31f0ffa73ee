import { definePreset, streamArn } from './preset';

export const lambdaPoisonRecord = definePreset({
  id: 'lambda-poison-record',
  title: 'Lambda mapping with parallelization factor and a poison record',
  explanation:
    'A Lambda event source mapping reads a 2-shard stream with ParallelizationFactor 2 (up to two concurrent batches per shard, order kept per partition key). At 30 seconds a record the function cannot parse arrives. Notice what happens: the batch fails, BisectBatchOnFunctionError splits it in halves until the poison record is alone, the retries run out (MaximumRetryAttempts 2), and the record goes to the on-failure destination while the shard moves on. Try setting bisect off, or retries to -1 (forever), and watch the shard stall behind one record.',
  topology: {
    lambdas: [{ FunctionName: 'order-handler', builtin: 'kinesis-poison-pill', durationMs: 50 }],
    streams: [{ StreamName: 'orders', ShardCount: 2 }],
    producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 8 }, keys: { name: 'device_id', count: 50 }, record: { template: 'clickstream' }, mode: 'exact' }],
    consumers: [
      {
        type: 'lambdaMapping',
        FunctionName: 'order-handler',
        EventSourceArn: streamArn('orders'),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 10,
        ParallelizationFactor: 2,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:order-failures' } },
      },
    ],
  },
  commands: [
    // "POISON" in base64: the function throws on any batch holding it.
    { at: 30000, op: 'kinesis.putRecord', args: { StreamName: 'orders', PartitionKey: 'device-000007', Data: 'eyJvcmRlciI6IlBPSVNPTiJ9' }, note: 'a record the function cannot parse' },
  ],
});
