import { definePreset } from './preset';

export const serverId = definePreset({
  id: 'server-id',
  title: 'Log aggregation keyed by server_id',
  explanation:
    'The same logs keyed by the server that wrote them: twenty servers over eight shards. Notice the lumpy spread: with only a few keys per shard, MD5 gives some shards three or four servers and others one. Better than log_level, still not even. Try 200 servers, or 8 servers on 8 shards, and see how the number of keys per shard drives the balance.',
  topology: {
    streams: [{ StreamName: 'app-logs', ShardCount: 8 }],
    producers: [{ name: 'log-shippers', streamName: 'app-logs', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'server_id', count: 20 }, record: { template: 'logs' } }],
    consumers: [{ type: 'polling', name: 'log-indexer', streamName: 'app-logs' }],
  },
});
