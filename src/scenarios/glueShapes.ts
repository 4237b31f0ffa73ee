/**
 * The scenario shapes of the simulated Glue Data Catalog: a topology table
 * (`glueTables: [{ DatabaseName, TableName, Columns: [{ Name, Type }] }]`,
 * the columns as CreateTable's TableInput.StorageDescriptor.Columns) and the
 * commands glue.createDatabase / glue.createTable, which take Glue's own
 * request shapes and run over the wire (`AWSGlue.*`).
 */
import { arr, obj, str, type SchemaNode } from './schemaDsl';
import type { Json, ScenarioCommand } from './types';

/** Most tables a scenario's topology may define. */
export const MAX_GLUE_TABLES = 20;
const MAX_COLUMNS = 100;

// Glue names: 1..255 characters [Glue API reference: NameString].
const glueName = str({ maxLength: 255, pattern: '^\\S+$', patternHint: 'a Glue name without spaces' });
const column = obj({ Name: glueName, Type: str({ maxLength: 255 }) }, ['Name', 'Type'], 'A column, as Glue\'s Column: Name and Hive type (string, int, bigint, double, boolean, timestamp).');
const columns = arr(column, MAX_COLUMNS, 1);

/** One topology table: the database (created if new) and the table's columns. */
export interface GlueTableSpec {
  DatabaseName: string;
  TableName: string;
  Columns: Array<{ Name: string; Type: string }>;
}

/** A topology entry of glueTables. */
export const glueTableSpec: SchemaNode = obj({ DatabaseName: glueName, TableName: glueName, Columns: columns }, ['DatabaseName', 'TableName', 'Columns'], 'A Glue Data Catalog table, for record format conversion\'s SchemaConfiguration.');

/** The glue.* commands, with Glue's request shapes. */
export const glueArgs: Record<string, SchemaNode> = {
  createDatabase: obj({ DatabaseInput: obj({ Name: glueName, Description: str({ maxLength: 2048 }) }, ['Name']) }, ['DatabaseInput'], 'A Glue CreateDatabase request.'),
  createTable: obj(
    { DatabaseName: glueName, TableInput: obj({ Name: glueName, TableType: str({ maxLength: 255 }), StorageDescriptor: obj({ Columns: columns }, ['Columns']) }, ['Name', 'StorageDescriptor']) },
    ['DatabaseName', 'TableInput'],
    'A Glue CreateTable request.',
  ),
};

/** The commands that create the topology's tables: each database once, then its tables. */
export function glueTableCommands(tables: readonly GlueTableSpec[] | undefined, at: number): ScenarioCommand[] {
  const out: ScenarioCommand[] = [];
  const seen = new Set<string>();
  for (const t of tables ?? []) {
    const db = t.DatabaseName.toLowerCase();
    if (!seen.has(db)) {
      seen.add(db);
      out.push({ at, op: 'glue.createDatabase', args: { DatabaseInput: { Name: t.DatabaseName } } });
    }
    const args = { DatabaseName: t.DatabaseName, TableInput: { Name: t.TableName, TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: t.Columns } } };
    out.push({ at, op: 'glue.createTable', args: args as unknown as Json });
  }
  return out;
}
