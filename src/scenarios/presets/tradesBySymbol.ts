import { definePreset } from './preset';

export const tradesBySymbol = definePreset({
  id: 'trades-by-symbol',
  title: 'Trades keyed by symbol',
  explanation:
    'Trades are keyed by their ticker so each symbol\'s trades stay in order. There are only six symbols and a couple of them trade far more than the rest (six Zipf-weighted keys stand in for AMZN, AAPL and friends). Notice the hot shards: a handful of keys over four shards can never be even, and a busy symbol cannot be spread without giving up its order. Try adding a suffix-like spread by switching to hostname_timestamp, and think about what the consumer must then do to restore order.',
  topology: {
    streams: [{ StreamName: 'trades', ShardCount: 4 }],
    producers: [{ name: 'exchange-feed', streamName: 'trades', rate: { kind: 'constant', recordsPerSecond: 2400 }, keys: { name: 'customer_id', count: 6, zipfExponent: 1.2 }, record: { template: 'trades' } }],
    consumers: [{ type: 'polling', name: 'order-book', streamName: 'trades' }],
  },
});
