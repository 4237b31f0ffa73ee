/**
 * The simulated AWS Glue Data Catalog: databases holding tables, as plain data
 * on the simulation (reachable from `sim.glueContext`), so Firehose's record
 * format conversion can read its schema from a table named in
 * SchemaConfiguration (DatabaseName, TableName), as AWS does. Names are stored
 * lower-case: Glue lower-cases database and table names for Hive compatibility
 * [Glue API reference: Database.Name, TableInput.Name].
 */
import { AwsError } from '../core/errors';
import type { SimCore } from '../core/simCore';

/** One column of a table's StorageDescriptor [Glue API reference: Column]. */
export interface GlueCatalogColumn {
  Name: string;
  Type?: string;
  Comment?: string;
}

/** A table as the catalog keeps it (the CreateTable TableInput members the simulator uses). */
export interface GlueTableState {
  Name: string;
  DatabaseName: string;
  Description?: string;
  TableType?: string;
  StorageDescriptor: { Columns: GlueCatalogColumn[]; Location?: string };
  PartitionKeys: GlueCatalogColumn[];
  Parameters?: Record<string, string>;
  /** Epoch ms. */
  CreateTime: number;
  /** Glue's table version; CreateTable makes version "0" [Glue API reference: GetTableVersion]. */
  VersionId: string;
}

export interface GlueDatabaseState {
  Name: string;
  Description?: string;
  CreateTime: number;
  tables: Record<string, GlueTableState>;
}

/** The catalog of one account and Region. */
export interface GlueContext {
  core: SimCore;
  /** Lower-case database name → database. */
  databases: Record<string, GlueDatabaseState>;
}

/** An empty catalog. */
export function createGlueContext(core: SimCore): GlueContext {
  return { core, databases: {} };
}

/** The catalog's database, or EntityNotFoundException as Glue answers it. */
export function findDatabase(ctx: GlueContext, name: string): GlueDatabaseState {
  const db = ctx.databases[name.toLowerCase()];
  if (db === undefined) throw new AwsError('EntityNotFoundException', `Database ${name.toLowerCase()} not found.`);
  return db;
}

/** The catalog's table, or EntityNotFoundException ("Table <name> not found.", the text Glue's GetTable answers). */
export function findTable(ctx: GlueContext, databaseName: string, tableName: string): GlueTableState {
  const t = findDatabase(ctx, databaseName).tables[tableName.toLowerCase()];
  if (t === undefined) throw new AwsError('EntityNotFoundException', `Table ${tableName.toLowerCase()} not found.`);
  return t;
}
