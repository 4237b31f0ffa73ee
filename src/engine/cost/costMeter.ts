/**
 * The cost meter: AWS's billing rules applied to what the simulation did.
 * Firehose bills ingestion per GB with every record rounded up to 5 KB
 * (3 KB counts as 5, 12 KB as 15) [facts B8]; dynamic partitioning per GB
 * delivered plus per object; format conversion per GB (5 KB rounding).
 * Kinesis bills shard-hours and PUT payload units: every record in 25 KB
 * chunks (5 KB = 1 unit, 45 KB = 2, 1 MB = 40) [facts A14].
 */
import * as P from './prices';

/** Bytes billed for `count` records of `recordBytes` each, rounded up per record to `unit`. */
export function roundedBytes(count: number, recordBytes: number, unit: number): number {
  return count * Math.max(1, Math.ceil(recordBytes / unit)) * unit;
}

/** PUT payload units for `count` records of `recordBytes` each. */
export function putPayloadUnits(count: number, recordBytes: number): number {
  return count * Math.max(1, Math.ceil(recordBytes / P.KDS_PUT_UNIT_BYTES));
}

/** Tiered Firehose ingestion charge for `gb` GB in a month. */
export function ingestionUsd(gb: number): number {
  let usd = 0, from = 0;
  for (const t of P.FIREHOSE_INGESTION_TIERS) {
    if (gb <= from) break;
    usd += (Math.min(gb, t.upToGb) - from) * t.usdPerGb;
    from = t.upToGb;
  }
  return usd;
}

export interface CostBreakdown {
  firehoseIngestionUsd: number;
  dynamicPartitioningUsd: number;
  formatConversionUsd: number;
  kinesisShardHoursUsd: number;
  kinesisPutUnitsUsd: number;
  totalUsd: number;
}

/** Accumulates billable quantities; `breakdown()` prices them. */
export class CostMeter {
  firehoseBilledBytes = 0;
  dynamicPartitioningBytes = 0;
  s3Objects = 0;
  formatConversionBilledBytes = 0;
  shardHours = 0;
  putUnits = 0;

  /** Records ingested by Firehose (Direct PUT or read from a stream). */
  addFirehoseRecords(count: number, recordBytes: number): void {
    this.firehoseBilledBytes += roundedBytes(count, recordBytes, P.FIREHOSE_RECORD_ROUNDING_BYTES);
  }
  /** Data delivered by a dynamically partitioned stream, and its objects. */
  addDynamicPartitioning(bytes: number, objects: number): void {
    this.dynamicPartitioningBytes += bytes;
    this.s3Objects += objects;
  }
  addFormatConversion(count: number, recordBytes: number): void {
    this.formatConversionBilledBytes += roundedBytes(count, recordBytes, P.FIREHOSE_RECORD_ROUNDING_BYTES);
  }
  addShardHours(hours: number): void {
    this.shardHours += hours;
  }
  addKinesisPuts(count: number, recordBytes: number): void {
    this.putUnits += putPayloadUnits(count, recordBytes);
  }

  breakdown(): CostBreakdown {
    const b = {
      firehoseIngestionUsd: ingestionUsd(this.firehoseBilledBytes / P.GB),
      dynamicPartitioningUsd: (this.dynamicPartitioningBytes / P.GB) * P.DYNAMIC_PARTITIONING_USD_PER_GB + (this.s3Objects / 1000) * P.DYNAMIC_PARTITIONING_USD_PER_1000_OBJECTS,
      formatConversionUsd: (this.formatConversionBilledBytes / P.GB) * P.FORMAT_CONVERSION_USD_PER_GB,
      kinesisShardHoursUsd: this.shardHours * P.KDS_SHARD_HOUR_USD,
      kinesisPutUnitsUsd: (this.putUnits / 1e6) * P.KDS_USD_PER_MILLION_PUT_UNITS,
      totalUsd: 0,
    };
    b.totalUsd = b.firehoseIngestionUsd + b.dynamicPartitioningUsd + b.formatConversionUsd + b.kinesisShardHoursUsd + b.kinesisPutUnitsUsd;
    return b;
  }
}
