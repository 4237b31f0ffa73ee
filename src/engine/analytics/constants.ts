/**
 * Kinesis Data Analytics / Managed Service for Apache Flink numbers, each with
 * its source (collected in ../shared/analytics-video-exam-facts.md §1).
 */

/** The wire target prefix of API v2 (kinesisanalyticsv2, 2018-05-23) [BC-KA2]. */
export const TARGET_PREFIX = 'KinesisAnalytics_20180523';

/**
 * SQL applications are retired [LIVE docs.aws.amazon.com/kinesisanalytics/latest/dev/API_Reference.html,
 * checked 2026-12]: no new SQL applications from 2025-10-15, applications deleted from 2026-01-27.
 */
export const SQL_NO_NEW_APPS_FROM = Date.UTC(2025, 9, 15);
/** From this moment AWS deletes SQL applications; they can no longer be started or run. */
export const SQL_APPS_DELETED_FROM = Date.UTC(2026, 0, 27);

/**
 * RuntimeEnvironment values the simulator accepts: every value of the current
 * API model's enum (@aws-sdk/client-kinesis-analytics-v2 RuntimeEnvironment,
 * which lists FLINK-2_3 too) [BC-KA2]. SQL-1_0 follows the SQL application
 * rules; every other runtime runs Flink SQL text (see README).
 */
export const RUNTIMES = [
  'SQL-1_0', 'FLINK-1_6', 'FLINK-1_8', 'FLINK-1_11', 'FLINK-1_13', 'FLINK-1_15', 'FLINK-1_18', 'FLINK-1_19', 'FLINK-1_20',
  'FLINK-2_2', 'FLINK-2_3', 'ZEPPELIN-FLINK-1_0', 'ZEPPELIN-FLINK-2_0', 'ZEPPELIN-FLINK-3_0',
] as const;

/** Application names: 1..128 of [a-zA-Z0-9_.-] [BC-KA2]. */
export const APP_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const APP_NAME_MAX = 128;
/** Applications per Region (soft) [KDA-FL23 limits.md]. */
export const MAX_APPLICATIONS = 50;
/** Destinations per SQL application [KDA-SQL19 limits.md]. */
export const MAX_OUTPUTS = 3;
/** One streaming source per SQL application [KDA-SQL19 how-it-works.md]. */
export const MAX_INPUTS = 1;
/** InputParallelism.Count maximum [KDA-SQL19 input-parallelism.md]. */
export const MAX_INPUT_PARALLELISM = 64;
/** SQL code size: ApplicationCodeUpdate max 102400 characters [LIVE ApplicationUpdate]. */
export const MAX_CODE_CHARS = 102400;
/** Snapshots per application [KDA-FL23 limits.md]. */
export const MAX_SNAPSHOTS = 1000;

/** KPUs per application by default: 64 (the API text since 2025-08-20; 32 before) [BC-KA2; LIVE ParallelismConfiguration]. */
export const DEFAULT_KPU_QUOTA = 64;
/** SQL applications: 8 KPUs by default (soft) [KDA-SQL19 limits.md]. */
export const SQL_KPU_QUOTA = 8;
/** Parallelism default 1, ParallelismPerKPU default 1 (max 8) [KDA-FL23 how-scaling.md]. */
export const DEFAULT_PARALLELISM = 1;
export const DEFAULT_PARALLELISM_PER_KPU = 1;
export const MAX_PARALLELISM_PER_KPU = 8;
/** One extra KPU per Flink application for orchestration [LIVE how-pricing]; Studio notebooks two more (seen in pricing examples). */
export const ORCHESTRATION_KPUS = 1;
export const STUDIO_EXTRA_KPUS = 2;
/** KPU-hour list price in us-east-1 [LIVE aws.amazon.com/managed-service-apache-flink/pricing, as quoted by 3P]. */
export const KPU_HOUR_USD = 0.11;

/** DEFAULT checkpointing: every 60 s, min pause 5 s [BC-KA2 CheckpointConfiguration]. */
export const CHECKPOINT_INTERVAL_MS = 60000;
export const MIN_PAUSE_BETWEEN_CHECKPOINTS_MS = 5000;

/** Autoscaling: up at >= 75 % CPU for 15 one-minute points, down at < 10 % for 360 [LIVE how-scaling-auto]. */
export const SCALE_UP_CPU = 0.75;
export const SCALE_UP_MINUTES = 15;
export const SCALE_DOWN_CPU = 0.1;
export const SCALE_DOWN_MINUTES = 360;

/**
 * Simulated time between status changes (STARTING -> RUNNING etc.). AWS gives
 * no figure; a start takes about a minute or two in practice, so the simulator
 * takes 30 s to keep lessons brisk.
 */
export const START_DELAY_MS = 30000;
export const STOP_DELAY_MS = 10000;
export const UPDATE_DELAY_MS = 10000;
export const DELETE_DELAY_MS = 5000;

/**
 * Records one KPU processes per second in the simulator's cost model. AWS
 * states none: the SQL guide gives 5,000-15,000 rows/s per in-application
 * stream [KDA-SQL19 input-parallelism.md]; the simulator takes 10,000.
 */
export const RECORDS_PER_KPU_SECOND = 10000;

/** The legacy SQL connector polls each shard about once a second [KDA-SQL19 how-it-works-input.md]. */
export const SQL_POLL_INTERVAL_MS = 1000;
/** The legacy Flink Kinesis consumer: GetRecords every 200 ms, 10,000 records [FCA ConsumerConfigConstants]. */
export const FLINK_LEGACY_POLL_INTERVAL_MS = 200;
/** The FLIP-27 source: empty-records fetch interval 250 ms [FCA KinesisSourceConfigOptions]. */
export const FLINK_SOURCE_POLL_INTERVAL_MS = 250;
