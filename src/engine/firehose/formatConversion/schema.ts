/**
 * The table schema for record format conversion. Firehose reads it from an
 * AWS Glue table (SchemaConfiguration: DatabaseName, TableName, ...) [BC-F;
 * KDF-DG23 record-format-conversion]; the simulator's Data Catalog
 * (src/engine/glue) holds such tables and catalogSchema.ts fills the columns
 * in from the one named. A Glue-like column list given inline,
 * `SchemaConfiguration.Columns: [{ Name, Type }]`, is a simulator extension of
 * the AWS shape. Hive types: string, int, bigint, double, boolean, timestamp.
 */

/** A Glue column as the simulator accepts it. */
export interface GlueColumn {
  Name: string;
  Type: GlueType;
}
export type GlueType = 'string' | 'int' | 'bigint' | 'double' | 'boolean' | 'timestamp';

export const GLUE_TYPES: readonly GlueType[] = ['string', 'int', 'bigint', 'double', 'boolean', 'timestamp'];

/** The Parquet type each Hive type is written as (hyparquet-writer's basic types). */
export const PARQUET_TYPE: Record<GlueType, 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP'> = {
  string: 'STRING',
  int: 'INT32',
  bigint: 'INT64',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
};

/** Reads and checks the column list from a SchemaConfiguration; throws RangeError naming the bad column. */
export function schemaColumns(schemaConfiguration: Record<string, unknown> | undefined): GlueColumn[] {
  const cols = schemaConfiguration?.Columns;
  if (!Array.isArray(cols) || cols.length === 0) throw new RangeError('the table must have at least one column ({ Name, Type })');
  const seen = new Set<string>();
  return cols.map((c: unknown, i) => {
    const { Name, Type } = (c ?? {}) as { Name?: unknown; Type?: unknown };
    if (typeof Name !== 'string' || Name === '') throw new RangeError(`column ${i} has no Name`);
    const type = typeof Type === 'string' ? Type.toLowerCase() : '';
    if (!(GLUE_TYPES as readonly string[]).includes(type)) throw new RangeError(`column ${Name} has unsupported type ${String(Type)}; use one of ${GLUE_TYPES.join(', ')}`);
    // Hive column names are case-insensitive and stored lowercase.
    const name = Name.toLowerCase();
    if (seen.has(name)) throw new RangeError(`column ${Name} appears twice`);
    seen.add(name);
    return { Name: name, Type: type as GlueType };
  });
}
