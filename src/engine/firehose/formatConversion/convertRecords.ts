/**
 * Record format conversion [KDF-DG23 record-format-conversion; facts B6]:
 * JSON records become one Parquet file (real bytes, hyparquet-writer) or an
 * ORC-sized placeholder, with the schema's columns in order. A record may
 * hold several concatenated JSON objects (each is a row). A record that cannot
 * be deserialised fails alone and goes to format-conversion-failed/; the
 * others are converted.
 */
import { gzipSync } from 'fflate';
import { decodeUtf8 } from '../../core/utf8';
import { deaggregateJson } from '../partitioning/deaggregation';
import { deserializeRecord, type RowValue } from './deserializer';
import type { ConversionSettings } from './formatConversionConfig';
import { estimateOrcBytes, orcPlaceholder } from './orcEstimate';
import { loadedParquetWriter, ParquetWriterNotLoadedError, type ParquetWriterModule } from './parquetLoader';
import { PARQUET_TYPE } from './schema';

/** Error code for records that fail conversion (modelled on Firehose's DataFormatConversion.* codes). */
export const CONVERSION_FAILED_CODE = 'DataFormatConversion.MalformedData';
/** Written into the Parquet footer's created_by, fixed so output bytes are deterministic. */
export const PARQUET_CREATED_BY = 'kinesis-simulator via hyparquet-writer';

export interface ConversionResult {
  /** The file, or undefined when no record could be converted. */
  body?: Uint8Array;
  /** Records (by input index) that could not be converted. */
  failed: Array<{ index: number; errorCode: string; errorMessage: string }>;
  /** Rows written. */
  rows: number;
  /** Default object name extension for the format [facts B3]. */
  extension: '.parquet' | '.orc';
}

/** Converts a batch of JSON records with the given settings; Parquet needs hyparquet-writer loaded. */
export function convertRecords(records: Uint8Array[], settings: ConversionSettings, writer: ParquetWriterModule | undefined = loadedParquetWriter()): ConversionResult {
  const rows: RowValue[][] = [];
  const failed: ConversionResult['failed'] = [];
  records.forEach((bytes, index) => {
    const parts = deaggregateJson(bytes);
    if (!parts.ok || parts.records.length === 0) {
      failed.push({ index, errorCode: CONVERSION_FAILED_CODE, errorMessage: parts.ok ? 'Record is empty' : `Record is not valid JSON: ${parts.error}` });
      return;
    }
    const recordRows: RowValue[][] = [];
    for (const p of parts.records) {
      const r = deserializeRecord(decodeUtf8(p), settings.columns, settings.deserializer);
      if (!r.ok) {
        failed.push({ index, errorCode: CONVERSION_FAILED_CODE, errorMessage: r.errorMessage });
        return;
      }
      recordRows.push(r.values);
    }
    rows.push(...recordRows);
  });
  const extension = settings.output === 'Parquet' ? '.parquet' : '.orc';
  if (rows.length === 0) return { failed, rows: 0, extension };
  if (settings.output === 'ORC') return { body: orcPlaceholder(estimateOrcBytes(settings.columns, rows, settings.compression)), failed, rows: rows.length, extension };
  if (!writer) throw new ParquetWriterNotLoadedError();
  const buffer = writer.parquetWriteBuffer({
    columnData: settings.columns.map((c, ci) => ({ name: c.Name, type: PARQUET_TYPE[c.Type], nullable: true, data: rows.map((r) => r[ci]) })),
    codec: settings.compression,
    // GZIP pages through fflate with a zero mtime, so the bytes do not depend on the wall clock.
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input, { mtime: 0 }) },
    createdBy: PARQUET_CREATED_BY,
  });
  return { body: new Uint8Array(buffer), failed, rows: rows.length, extension };
}
