import { definePreset } from './preset';

export const transactionId = definePreset({
  id: 'transaction-id',
  title: 'Financial transactions keyed by transaction_id',
  explanation:
    'Every transaction carries a unique id, used as the partition key. Notice the perfectly even spread: unique keys are the easiest way to use every shard. The price is grouping: two transactions of the same account land on different shards, so no consumer sees an account\'s transactions in order. Try switching the key strategy to customer_id and compare the heatmap.',
  topology: {
    streams: [{ StreamName: 'transactions', ShardCount: 4 }],
    producers: [{ name: 'payments', streamName: 'transactions', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'transaction_id' }, record: { template: 'trades' } }],
    consumers: [{ type: 'polling', name: 'fraud-check', streamName: 'transactions' }],
  },
});
