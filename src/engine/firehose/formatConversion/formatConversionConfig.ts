/**
 * Checks and reads DataFormatConversionConfiguration [BC-F; KDF-DG23
 * record-format-conversion; facts B2, B6]: JSON in (OpenX or Hive JSON SerDe),
 * Parquet or ORC out, S3 CompressionFormat UNCOMPRESSED (compression happens
 * inside the columnar file), and BufferingHints.SizeInMBs at least 64 (the
 * default becomes 128).
 */
import { invalidArgument } from '../../core/errors';
import { FORMAT_CONVERSION_DEFAULT_BUFFER_MB, FORMAT_CONVERSION_MIN_BUFFER_MB } from '../constants';
import { deserializerOptions, type DeserializerOptions } from './deserializer';
import { schemaColumns, type GlueColumn } from './schema';

export interface ConversionSettings {
  output: 'Parquet' | 'ORC';
  columns: GlueColumn[];
  deserializer: DeserializerOptions;
  /** Parquet: SNAPPY (default), GZIP or UNCOMPRESSED; ORC: SNAPPY (default), ZLIB or NONE [facts B6]. */
  compression: string;
}

interface ConfigLike {
  Enabled?: boolean;
  SchemaConfiguration?: Record<string, unknown>;
  InputFormatConfiguration?: Record<string, unknown>;
  OutputFormatConfiguration?: { Serializer?: { ParquetSerDe?: Record<string, unknown>; OrcSerDe?: Record<string, unknown> } };
}

/**
 * Validates a conversion configuration against the destination's buffering
 * and compression; throws InvalidArgumentException. Returns the buffer size
 * to use (64..128 MB rule applied), or undefined when conversion is off.
 */
export function validateFormatConversion(config: ConfigLike | undefined, sizeInMBs: number | undefined, compressionFormat: string | undefined): number | undefined {
  if (!config || config.Enabled === false) return undefined;
  if (sizeInMBs !== undefined && sizeInMBs < FORMAT_CONVERSION_MIN_BUFFER_MB) {
    throw invalidArgument(`BufferingHints.SizeInMBs must be at least ${FORMAT_CONVERSION_MIN_BUFFER_MB} when data format conversion is enabled.`);
  }
  if (compressionFormat !== undefined && compressionFormat !== 'UNCOMPRESSED') {
    throw invalidArgument('CompressionFormat must be UNCOMPRESSED when data format conversion is enabled; compression is set in the serializer.');
  }
  readConversionSettings(config);
  return sizeInMBs ?? FORMAT_CONVERSION_DEFAULT_BUFFER_MB;
}

/** The settings a conversion needs; throws InvalidArgumentException for a bad schema or serializer. */
export function readConversionSettings(config: ConfigLike): ConversionSettings {
  const ser = config.OutputFormatConfiguration?.Serializer ?? {};
  const hasParquet = ser.ParquetSerDe !== undefined, hasOrc = ser.OrcSerDe !== undefined;
  if (hasParquet === hasOrc) throw invalidArgument('OutputFormatConfiguration.Serializer must specify exactly one of ParquetSerDe or OrcSerDe.');
  const d = config.InputFormatConfiguration?.Deserializer as Record<string, unknown> | undefined;
  if (d !== undefined && (d.OpenXJsonSerDe !== undefined) === (d.HiveJsonSerDe !== undefined)) {
    throw invalidArgument('InputFormatConfiguration.Deserializer must specify exactly one of OpenXJsonSerDe or HiveJsonSerDe.');
  }
  let columns: GlueColumn[];
  try {
    columns = schemaColumns(config.SchemaConfiguration);
  } catch (e) {
    throw invalidArgument(`SchemaConfiguration: ${(e as Error).message}`);
  }
  const serde = (hasParquet ? ser.ParquetSerDe : ser.OrcSerDe)!;
  const compression = typeof serde.Compression === 'string' ? serde.Compression : 'SNAPPY';
  const allowed = hasParquet ? ['SNAPPY', 'GZIP', 'UNCOMPRESSED'] : ['SNAPPY', 'ZLIB', 'NONE'];
  if (!allowed.includes(compression)) throw invalidArgument(`Compression ${compression} is not valid; use one of ${allowed.join(', ')}.`);
  return { output: hasParquet ? 'Parquet' : 'ORC', columns, deserializer: deserializerOptions(config.InputFormatConfiguration), compression };
}
