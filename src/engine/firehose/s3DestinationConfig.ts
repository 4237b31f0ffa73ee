/**
 * ExtendedS3DestinationConfiguration: validation with AWS's rules and the
 * compiled form the pipeline runs on (bucket, prefixes, hints, processors).
 */
import { parseLambdaProcessor, type ProcessorLike } from './transform/processorParameters';
import { AwsError, ValidationErrors } from '../core/errors';
import { checkEnum, checkInt, checkString } from '../kinesis/validation';
import { compilePrefix, validatePrefixes, type CompiledPrefix } from './prefix';
import { zoneOffsetMinutes } from './calendar';
import {
  COMPRESSION_EXTENSIONS, COMPRESSION_FORMATS, FORMAT_CONVERSION_DEFAULT_BUFFER_MB, FORMAT_CONVERSION_MIN_BUFFER_MB,
  MAX_PREFIX_FIELD, MiB, S3_BUFFER_INTERVAL_S, S3_BUFFER_SIZE_MB, type CompressionFormat,
} from './constants';
import type { BufferHints } from './buffer';
import type { BufferingHints, DataFormatConversionConfiguration, ExtendedS3DestinationConfiguration, Processor, S3DestinationConfiguration } from './types';
import { validateFormatConversion } from './formatConversion/formatConversionConfig';
import { resolveCatalogSchema } from './formatConversion/catalogSchema';
import type { GlueContext } from '../glue/catalog';

const invalid = (m: string) => new AwsError('InvalidArgumentException', m);

/** A compiled plain S3 target (the destination itself, or its backup). */
export interface S3Target {
  bucket: string;
  prefix: CompiledPrefix;
  errorPrefix: CompiledPrefix;
  compression: CompressionFormat;
  hints: BufferHints;
}

export interface S3Runtime extends S3Target {
  extension: string;
  offsetMinutes: number;
  dynamicPartitioning: boolean;
  /** The MetadataExtractionQuery (jq) and the keys it defines. */
  metadataQuery?: string;
  queryKeys: string[];
  appendDelimiter: boolean;
  lambda?: Processor;
  formatConversion: boolean;
  /** The DataFormatConversionConfiguration with its schema resolved (Columns from the Glue table it names), when conversion is on. */
  conversion?: DataFormatConversionConfiguration;
  backup?: S3Target;
}

/** The bucket name of `arn:aws:s3:::<bucket>`. */
export function bucketOfArn(arn: string): string {
  const m = /^arn:aws[\w-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(arn);
  if (m === null) throw invalid(`BucketARN ${arn} is not a valid S3 bucket ARN.`);
  return m[1];
}

/** Validates BufferingHints ranges and the both-or-neither rule; returns the hints in force. */
export function checkHints(v: ValidationErrors, h: BufferingHints | undefined, field: string, size: { min: number; max: number; default: number }, interval: { min: number; max: number; default: number }): { sizeMb: number; intervalS: number; given: boolean } {
  if (h === undefined) return { sizeMb: size.default, intervalS: interval.default, given: false };
  checkInt(v, h.SizeInMBs, `${field}.sizeInMBs`, size.min, size.max);
  checkInt(v, h.IntervalInSeconds, `${field}.intervalInSeconds`, interval.min, interval.max);
  v.throwIfAny();
  // "If you specify a value for one of them, you must also provide a value for the other" [BC-F BufferingHints].
  if ((h.SizeInMBs === undefined) !== (h.IntervalInSeconds === undefined)) {
    throw invalid('BufferingHints: SizeInMBs and IntervalInSeconds must both be specified, or neither.');
  }
  return { sizeMb: h.SizeInMBs ?? size.default, intervalS: h.IntervalInSeconds ?? interval.default, given: h.SizeInMBs !== undefined };
}

/** The value of a processor parameter. */
export function param(p: Processor | undefined, name: string): string | undefined {
  return p?.Parameters?.find((x) => x.ParameterName === name)?.ParameterValue;
}

/** The top-level keys of a jq object construction `{a: .x, b: .y|f}` (the MetadataExtractionQuery). */
export function queryKeyNames(query: string): string[] {
  const q = query.trim();
  if (!q.startsWith('{') || !q.endsWith('}')) throw invalid(`MetadataExtractionQuery ${query} must be a jq object construction such as {customer_id:.customer_id}.`);
  const keys: string[] = [];
  let depth = 0, start = 1, inStr = false;
  const body = q.slice(0, -1);
  for (let i = 1; i <= body.length; i++) {
    const c = body[i];
    if (inStr) { if (c === '\\') i++; else if (c === '"') inStr = false; continue; }
    if (c === '"') inStr = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ',' && depth === 0) || i === body.length) {
      const entry = body.slice(start, i).trim();
      const colon = entry.indexOf(':');
      if (entry !== '') keys.push((colon < 0 ? entry : entry.slice(0, colon)).trim().replace(/^"|"$/g, ''));
      start = i + 1;
    }
  }
  return keys;
}

/** Validates and compiles a plain S3 configuration (the backup, or the deprecated S3DestinationConfiguration). */
export function compileS3Target(c: S3DestinationConfiguration, field: string): S3Target {
  const v = new ValidationErrors();
  checkString(v, c?.RoleARN, `${field}.roleARN`, 1, 512, true);
  checkString(v, c?.BucketARN, `${field}.bucketARN`, 1, 2048, true);
  checkString(v, c?.Prefix, `${field}.prefix`, 0, MAX_PREFIX_FIELD);
  checkString(v, c?.ErrorOutputPrefix, `${field}.errorOutputPrefix`, 0, MAX_PREFIX_FIELD);
  checkEnum(v, c?.CompressionFormat, `${field}.compressionFormat`, COMPRESSION_FORMATS);
  v.throwIfAny();
  const hints = checkHints(v, c.BufferingHints, `${field}.bufferingHints`, S3_BUFFER_SIZE_MB, S3_BUFFER_INTERVAL_S);
  const { data, error } = validatePrefixes(c.Prefix, c.ErrorOutputPrefix, false, [], false);
  return {
    bucket: bucketOfArn(c.BucketARN),
    prefix: data,
    errorPrefix: error,
    compression: (c.CompressionFormat ?? 'UNCOMPRESSED') as CompressionFormat,
    hints: { sizeBytes: hints.sizeMb * MiB, intervalMs: hints.intervalS * 1000 },
  };
}

/** Validates and compiles an ExtendedS3DestinationConfiguration. */
export function compileExtendedS3(c: ExtendedS3DestinationConfiguration, field = 'extendedS3DestinationConfiguration', glue?: GlueContext): S3Runtime {
  const base = compileS3Target({ ...c, Prefix: undefined, ErrorOutputPrefix: undefined, BufferingHints: undefined }, field);
  const v = new ValidationErrors();
  checkEnum(v, c.S3BackupMode, `${field}.s3BackupMode`, ['Disabled', 'Enabled']);
  checkString(v, c.FileExtension, `${field}.fileExtension`, 0, 128, false, /^$|\.[0-9a-z!\-_.*'()]+$/, "^$|\\.[0-9a-z!\\-_.*'()]+");
  checkString(v, c.CustomTimeZone, `${field}.customTimeZone`, 0, 50);
  v.throwIfAny();
  const offsetMinutes = zoneOffsetMinutes(c.CustomTimeZone);
  if (offsetMinutes === undefined) throw invalid(`CustomTimeZone ${c.CustomTimeZone} is not supported by the simulator (supported: UTC, fixed offsets such as +05:30, and zones without daylight saving time).`);

  const processing = c.ProcessingConfiguration?.Enabled === true ? c.ProcessingConfiguration.Processors ?? [] : [];
  const lambda = processing.find((p) => p.Type === 'Lambda');
  // Every processor parameter is checked here, at CreateDeliveryStream / UpdateDestination, as AWS does:
  // a stream that went ACTIVE never refuses a put over its processor [KDF-DG data-transformation].
  if (lambda !== undefined) parseLambdaProcessor(lambda as ProcessorLike, 'S3');
  const extraction = processing.find((p) => p.Type === 'MetadataExtraction');
  const metadataQuery = param(extraction, 'MetadataExtractionQuery');
  const dynamic = c.DynamicPartitioningConfiguration?.Enabled === true;
  if (extraction !== undefined && !dynamic) throw invalid('MetadataExtraction processor requires dynamic partitioning to be enabled.');
  const queryKeys = metadataQuery === undefined ? [] : queryKeyNames(metadataQuery);
  const formatConversion = c.DataFormatConversionConfiguration?.Enabled === true;

  // The model's range (1..128) is the ValidationException; conversion's 64 MiB floor is its own rule, answered by validateFormatConversion.
  const size = formatConversion ? { ...S3_BUFFER_SIZE_MB, default: FORMAT_CONVERSION_DEFAULT_BUFFER_MB } : S3_BUFFER_SIZE_MB;
  const hints = checkHints(v, c.BufferingHints, `${field}.bufferingHints`, size, S3_BUFFER_INTERVAL_S);
  // Zero buffering is not available with dynamic partitioning [buffering-hints doc; facts B2].
  if (dynamic && hints.intervalS < 60) throw invalid('BufferingHints.IntervalInSeconds must be at least 60 when dynamic partitioning is enabled.');
  // Conversion rules (UNCOMPRESSED output; one serializer; a schema of supported types) checked at creation, as AWS does.
  const conversion = formatConversion ? resolveCatalogSchema(c.DataFormatConversionConfiguration as DataFormatConversionConfiguration & Record<string, unknown>, glue) : undefined;
  if (conversion !== undefined) validateFormatConversion(conversion as never, hints.sizeMb, base.compression);

  const { data, error } = validatePrefixes(c.Prefix, c.ErrorOutputPrefix, dynamic, queryKeys, lambda !== undefined);
  // (An empty ErrorOutputPrefix with dynamic partitioning is refused by validatePrefixes: its Prefix always has expressions.)
  let backup: S3Target | undefined;
  if (c.S3BackupMode === 'Enabled') {
    if (c.S3BackupConfiguration === undefined) throw invalid('S3BackupConfiguration is required when S3BackupMode is Enabled.');
    backup = compileS3Target(c.S3BackupConfiguration, `${field}.s3BackupConfiguration`);
  }
  const formatExt = formatConversion ? (c.DataFormatConversionConfiguration?.OutputFormatConfiguration?.Serializer?.OrcSerDe !== undefined ? '.orc' : '.parquet') : '';
  return {
    ...base,
    prefix: data,
    errorPrefix: error,
    hints: { sizeBytes: hints.sizeMb * MiB, intervalMs: hints.intervalS * 1000 },
    extension: c.FileExtension !== undefined && c.FileExtension !== '' ? c.FileExtension : formatExt + COMPRESSION_EXTENSIONS[base.compression],
    offsetMinutes,
    dynamicPartitioning: dynamic,
    metadataQuery,
    queryKeys,
    appendDelimiter: processing.some((p) => p.Type === 'AppendDelimiterToRecord'),
    lambda,
    formatConversion,
    conversion,
    backup,
  };
}

/** The configuration as DescribeDeliveryStream shows it, defaults filled in. */
export function describeExtendedS3(c: ExtendedS3DestinationConfiguration, rt: S3Runtime): Record<string, unknown> {
  return {
    ...c,
    BufferingHints: { SizeInMBs: rt.hints.sizeBytes / MiB, IntervalInSeconds: rt.hints.intervalMs / 1000 },
    CompressionFormat: rt.compression,
    EncryptionConfiguration: c.EncryptionConfiguration ?? { NoEncryptionConfig: 'NoEncryption' },
    S3BackupMode: c.S3BackupMode ?? 'Disabled',
    CloudWatchLoggingOptions: c.CloudWatchLoggingOptions ?? { Enabled: false },
  };
}

export { compilePrefix };
