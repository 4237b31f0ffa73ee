import { definePreset } from './preset';

export const iotDeviceId = definePreset({
  id: 'iot-device-id',
  title: 'IoT telemetry keyed by device_id',
  explanation:
    'A thousand sensors send readings to a 4-shard stream, each keyed by its device_id. Notice how evenly the four shards fill: many keys of similar weight spread across the hash line, and every device keeps its order because all its readings land on one shard. Try raising the rate past 4,000 records/s to see all shards throttle at once, then add shards; or cut the devices to 3 and watch the spread fall apart.',
  topology: {
    streams: [{ StreamName: 'iot-telemetry', ShardCount: 4 }],
    producers: [{ name: 'sensors', streamName: 'iot-telemetry', rate: { kind: 'constant', recordsPerSecond: 2000 }, keys: { name: 'device_id', count: 1000 }, record: { template: 'iot' } }],
    consumers: [{ type: 'polling', name: 'dashboard', streamName: 'iot-telemetry' }],
  },
});
