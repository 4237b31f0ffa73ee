/**
 * Prices the cost meter uses: US East (N. Virginia), USD, on-demand list
 * prices. Source: https://aws.amazon.com/firehose/pricing/ and
 * https://aws.amazon.com/kinesis/data-streams/pricing/ as recalled on
 * 2025-01 (the search tool was not available to re-check them); the Kinesis
 * figures match the illustrative numbers in kinesis-facts.md A14, which are
 * marked unverified there. Billing rules are from facts B8 and A14.
 */
export const PRICES_SOURCE = 'aws.amazon.com/firehose/pricing + aws.amazon.com/kinesis/data-streams/pricing, us-east-1, recalled 2025-01';

/** Firehose Direct PUT / KDS-source ingestion, per GB, tiered per month. */
export const FIREHOSE_INGESTION_TIERS: ReadonlyArray<{ upToGb: number; usdPerGb: number }> = [
  { upToGb: 500 * 1024, usdPerGb: 0.029 },
  { upToGb: 2000 * 1024, usdPerGb: 0.025 },
  { upToGb: 5000 * 1024, usdPerGb: 0.02 },
  { upToGb: Infinity, usdPerGb: 0.02 },
];
/** Each record is rounded up to the next 5 KB for ingestion and format conversion [facts B8]. */
export const FIREHOSE_RECORD_ROUNDING_BYTES = 5 * 1024;
/** Format conversion, per GB (5 KB rounding). */
export const FORMAT_CONVERSION_USD_PER_GB = 0.018;
/** Dynamic partitioning: per GB delivered, per 1,000 S3 objects, per jq processing hour. */
export const DYNAMIC_PARTITIONING_USD_PER_GB = 0.02;
export const DYNAMIC_PARTITIONING_USD_PER_1000_OBJECTS = 0.005;
export const JQ_USD_PER_HOUR = 0.07;

/** Kinesis Data Streams, provisioned: per shard-hour and per million PUT payload units of 25 KB [facts A14]. */
export const KDS_SHARD_HOUR_USD = 0.015;
export const KDS_PUT_UNIT_BYTES = 25 * 1024;
export const KDS_USD_PER_MILLION_PUT_UNITS = 0.014;

export const GB = 1024 * 1024 * 1024;

/** Kinesis Data Streams, on-demand: per stream-hour, per GB written (records rounded up to 1 KB), per GB read [facts A14]; us-east-1 as recalled 2025-01. */
export const KDS_ON_DEMAND_STREAM_HOUR_USD = 0.04;
export const KDS_ON_DEMAND_WRITE_USD_PER_GB = 0.08;
export const KDS_ON_DEMAND_WRITE_ROUNDING_BYTES = 1024;
