/**
 * hyparquet-writer, loaded lazily (dynamic import) so the UI bundle does not
 * carry it until a delivery stream converts to Parquet. Loading is the only
 * async step: once loaded, writing a file is synchronous, so conversion runs
 * inside the event that flushes the buffer, deterministically. Track the load
 * with core.track(loadParquetWriter()) (preloadFormatConversion does) when a
 * stream with DataFormatConversionConfiguration is created.
 */

/** The part of hyparquet-writer the converter uses. */
export interface ParquetWriterModule {
  parquetWriteBuffer(options: {
    columnData: Array<{ name: string; data: unknown[]; type?: string; nullable?: boolean }>;
    codec?: string;
    compressors?: Record<string, (input: Uint8Array) => Uint8Array>;
    statistics?: boolean;
    rowGroupSize?: number | number[];
    createdBy?: string;
  }): ArrayBuffer;
}

/** Thrown when a conversion runs before the writer has loaded. */
export class ParquetWriterNotLoadedError extends Error {
  constructor() {
    super('hyparquet-writer is not loaded yet: call core.track(loadParquetWriter()) (preloadFormatConversion) and let sim.advance settle it before converting records to Parquet.');
    this.name = 'ParquetWriterNotLoadedError';
  }
}

let loading: Promise<ParquetWriterModule> | undefined;
let loaded: ParquetWriterModule | undefined;

/** Loads hyparquet-writer once. */
export function loadParquetWriter(): Promise<ParquetWriterModule> {
  loading ??= import('hyparquet-writer').then((m) => {
    loaded = m as unknown as ParquetWriterModule;
    return loaded;
  });
  return loading;
}

/** The loaded writer, or undefined. */
export function loadedParquetWriter(): ParquetWriterModule | undefined {
  return loaded;
}

/** Starts the load and tracks it on the core, so sim.advance waits for it. */
export function preloadFormatConversion(core: { track<T>(p: Promise<T>): Promise<T> }): void {
  if (!loaded) core.track(loadParquetWriter()).catch(() => undefined);
}
