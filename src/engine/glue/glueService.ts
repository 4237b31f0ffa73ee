/**
 * Builds sim.glue: the simulated Data Catalog's typed API (createDatabase,
 * createTable, getTable) and its JSON 1.1 wire service (`AWSGlue.CreateTable`,
 * ...), each operation checked against its declared shape first, over one
 * plain-data catalog that Firehose's record format conversion reads.
 */
import type { SimCore } from '../core/simCore';
import { validateShape } from '../core/validateShape';
import type { WireService } from '../wire/awsJson';
import { createGlueContext, type GlueContext } from './catalog';
import { createDatabase, type CreateDatabaseInput } from './operations/createDatabase';
import { createTable, type CreateTableInput } from './operations/createTable';
import { getTable, type GetTableInput } from './operations/getTable';
import { glueShapes } from './operations/shapes';

/** The typed Glue API. */
export interface GlueApi {
  createDatabase(input: CreateDatabaseInput): Record<string, never>;
  createTable(input: CreateTableInput): Record<string, never>;
  getTable(input: GetTableInput): ReturnType<typeof getTable>;
}

const OPERATIONS = { CreateDatabase: createDatabase, CreateTable: createTable, GetTable: getTable } as const;

/** The catalog, its API and its wire service. */
export function createGlueService(core: SimCore): { context: GlueContext; api: GlueApi; wire: WireService } {
  const context = createGlueContext(core);
  const ops: Record<string, (input: unknown) => unknown> = {};
  const api: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(OPERATIONS)) {
    const f = (input: unknown) => {
      validateShape(glueShapes[name as keyof typeof glueShapes].input, input);
      return (op as (c: GlueContext, i: unknown) => unknown)(context, input);
    };
    ops[name] = f;
    api[name[0].toLowerCase() + name.slice(1)] = f;
  }
  const wire: WireService = {
    targetPrefix: 'AWSGlue',
    operations: ops,
    blobFields: new Set(),
    isTimestampField: (n) => n.endsWith('Time'),
    shapes: glueShapes,
  };
  return { context, api: api as unknown as GlueApi, wire };
}
