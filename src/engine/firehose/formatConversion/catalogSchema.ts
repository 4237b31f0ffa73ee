/**
 * Resolves record format conversion's schema from the Glue Data Catalog, as
 * AWS does: SchemaConfiguration names a table (DatabaseName, TableName, and
 * RoleARN, Region, VersionId, CatalogId) and Firehose reads its
 * StorageDescriptor.Columns [BC-F SchemaConfiguration; KDF-DG
 * record-format-conversion]. The simulator resolves it when the delivery
 * stream is created or its destination updated; a table the catalog does not
 * hold is refused then (modelled text, listed in modelledErrors.ts). The
 * simulator's inline `Columns` stay a documented extension and win when given.
 */
import { invalidArgument } from '../../core/errors';
import type { GlueContext } from '../../glue/catalog';

type ConversionConfig = { Enabled?: boolean; SchemaConfiguration?: Record<string, unknown> } & Record<string, unknown>;

/** The configuration with `SchemaConfiguration.Columns` filled from the catalog table it names (unchanged when it lists Columns or names no table). */
export function resolveCatalogSchema<C extends ConversionConfig>(config: C, glue: GlueContext | undefined): C {
  const sc = config.SchemaConfiguration;
  if (sc === undefined || sc.Columns !== undefined) return config;
  const db = sc.DatabaseName, table = sc.TableName;
  if (typeof db !== 'string' || typeof table !== 'string') {
    throw invalidArgument('SchemaConfiguration must name a Glue table with DatabaseName and TableName (or, in the simulator, list Columns).');
  }
  const t = glue?.databases[db.toLowerCase()]?.tables[table.toLowerCase()];
  if (t === undefined) throw invalidArgument(`Table ${table} in database ${db} was not found in the AWS Glue Data Catalog.`);
  return { ...config, SchemaConfiguration: { ...sc, Columns: t.StorageDescriptor.Columns.map((c) => ({ Name: c.Name, Type: c.Type })) } };
}
