/**
 * The built-in Firehose transformation functions, by name, and helpers that
 * register them in a simulation's Lambda service. Handlers are synchronous,
 * so they work under sim.advanceSync as well as sim.advance.
 */
import type { SimCore } from '../../core/simCore';
import { createRandom } from '../../core/random';
import type { LambdaApi } from '../lambdaService';
import type { FunctionConfiguration, LambdaHandler } from '../types';
import { addFieldHandler, type AddFieldOptions } from './addField';
import { csvToJsonHandler, type CsvToJsonOptions } from './csvToJson';
import { failShareHandler, type FailShareOptions } from './failShare';
import { filterByFieldHandler, type FilterByFieldOptions } from './filterByField';
import { partitionKeysFromFieldsHandler, type PartitionKeysFromFieldsOptions } from './partitionKeysFromFields';

export { csvToJsonHandler, filterByFieldHandler, addFieldHandler, failShareHandler, partitionKeysFromFieldsHandler };
export type { CsvToJsonOptions, FilterByFieldOptions, AddFieldOptions, FailShareOptions, PartitionKeysFromFieldsOptions };

/** Options per built-in, by its registered name. */
export interface BuiltinOptions {
  'firehose-csv-to-json': CsvToJsonOptions;
  'firehose-filter-by-field': FilterByFieldOptions;
  'firehose-add-field': AddFieldOptions;
  'firehose-fail-share': FailShareOptions;
  'firehose-partition-keys': PartitionKeysFromFieldsOptions;
}
export type BuiltinName = keyof BuiltinOptions;

/** Defaults used by registerBuiltinFunctions (each can be re-registered with other options). */
export const BUILTIN_DEFAULTS: BuiltinOptions = {
  'firehose-csv-to-json': { header: ['id', 'name', 'age'] },
  'firehose-filter-by-field': { field: 'level', values: ['DEBUG'], mode: 'drop' },
  'firehose-add-field': { field: 'processed', value: true },
  'firehose-fail-share': { share: 0.1 },
  'firehose-partition-keys': { keys: { customer_id: 'customer_id' } },
};

/** What each built-in does, for the UI's function picker. */
export const BUILTIN_DESCRIPTIONS: Record<BuiltinName, string> = {
  'firehose-csv-to-json': 'CSV lines to JSON objects (header id,name,age by default)',
  'firehose-filter-by-field': 'Drops (or keeps only) JSON records whose field has one of the given values',
  'firehose-add-field': 'Adds a field to every JSON record',
  'firehose-fail-share': 'Fails a share of records (ProcessingFailed), chosen by the seeded generator',
  'firehose-partition-keys': 'Returns JSON fields as metadata.partitionKeys for dynamic partitioning',
};

/** The handler of a built-in; `random` is only used by the fail-share function. */
export function builtinHandler<N extends BuiltinName>(name: N, options: BuiltinOptions[N], random: SimCore['random']): LambdaHandler {
  switch (name) {
    case 'firehose-csv-to-json':
      return csvToJsonHandler(options as CsvToJsonOptions);
    case 'firehose-filter-by-field':
      return filterByFieldHandler(options as FilterByFieldOptions);
    case 'firehose-add-field':
      return addFieldHandler(options as AddFieldOptions);
    case 'firehose-fail-share':
      return failShareHandler(random, options as FailShareOptions);
    case 'firehose-partition-keys':
      return partitionKeysFromFieldsHandler(options as PartitionKeysFromFieldsOptions);
  }
  throw new RangeError(`unknown built-in function ${String(name)}`);
}

interface SimLike {
  core: SimCore;
  lambda: LambdaApi;
}

/** Registers one built-in under `FunctionName` (default: its built-in name) with options and knobs. */
export function registerBuiltinFunction<N extends BuiltinName>(
  sim: SimLike,
  name: N,
  config: { FunctionName?: string; options?: BuiltinOptions[N]; durationMs?: number; errorRate?: number; Timeout?: number } = {},
): FunctionConfiguration {
  const FunctionName = config.FunctionName ?? name;
  const handler = builtinHandler(name, config.options ?? BUILTIN_DEFAULTS[name], createRandom(`${sim.core.seed}|lambda-builtin:${FunctionName}`));
  return sim.lambda.createFunction({
    FunctionName,
    handler,
    durationMs: config.durationMs,
    errorRate: config.errorRate,
    Timeout: config.Timeout ?? 60,
    Description: BUILTIN_DESCRIPTIONS[name],
  });
}

/** Registers every built-in with its defaults; returns their configurations. */
export function registerBuiltinFunctions(sim: SimLike): FunctionConfiguration[] {
  return (Object.keys(BUILTIN_DEFAULTS) as BuiltinName[]).map((name) => registerBuiltinFunction(sim, name));
}
