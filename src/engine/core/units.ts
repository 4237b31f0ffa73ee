/** Byte units and Region groups shared by every service's limits. */

/** 1 MiB and 1 KiB: AWS's "MB" limits for these services are binary (1 MiB = 1,048,576 bytes) [BC-K; BC-F]. */
export const MiB = 1024 * 1024;
export const KiB = 1024;

/**
 * The three Regions where Kinesis and Firehose quotas are higher (shard quota,
 * on-demand ceiling, Direct PUT throughput) [Q-now; KDF-DG23 limits].
 */
export const BIG_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];
