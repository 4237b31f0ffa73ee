import { definePreset } from './preset';

export const customerIdHeavy = definePreset({
  id: 'customer-id-heavy',
  title: 'Customer activity keyed by customer_id, with a few heavy customers',
  explanation:
    'Ten thousand customers, but activity follows a Zipf curve: the top handful produce most of the events. Notice that the shards holding the heaviest customers run hot and throttle while the others idle, even though the total is well under the stream\'s capacity. Try the hot-shard report to see which keys cause it, split the hot shard, or lower the Zipf exponent to flatten the curve.',
  topology: {
    streams: [{ StreamName: 'customer-activity', ShardCount: 4 }],
    producers: [{ name: 'web-app', streamName: 'customer-activity', rate: { kind: 'constant', recordsPerSecond: 2800 }, keys: { name: 'customer_id', count: 10000, zipfExponent: 1.3 }, record: { template: 'clickstream' } }],
    consumers: [{ type: 'polling', name: 'analytics', streamName: 'customer-activity' }],
  },
});
