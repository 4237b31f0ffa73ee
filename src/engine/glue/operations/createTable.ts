/**
 * CreateTable: adds a table (its TableInput: StorageDescriptor.Columns,
 * PartitionKeys, ...) to a database [Glue API reference: CreateTable]. The
 * database must exist (EntityNotFoundException); a name in use is
 * AlreadyExistsException. Column names are kept lower-case, as Hive does.
 */
import { AwsError } from '../../core/errors';
import { findDatabase, type GlueCatalogColumn, type GlueContext } from '../catalog';

export interface CreateTableInput {
  CatalogId?: string;
  DatabaseName: string;
  TableInput: {
    Name: string;
    Description?: string;
    TableType?: string;
    StorageDescriptor?: { Columns?: GlueCatalogColumn[]; Location?: string };
    PartitionKeys?: GlueCatalogColumn[];
    Parameters?: Record<string, string>;
  };
}

const column = (c: GlueCatalogColumn): GlueCatalogColumn => ({ ...c, Name: c.Name.toLowerCase() });

/** Creates a table; the response has no members. */
export function createTable(ctx: GlueContext, input: CreateTableInput): Record<string, never> {
  const db = findDatabase(ctx, input.DatabaseName);
  const t = input.TableInput;
  const name = t.Name.toLowerCase();
  if (db.tables[name] !== undefined) throw new AwsError('AlreadyExistsException', 'Table already exists.');
  db.tables[name] = {
    Name: name,
    DatabaseName: db.Name,
    Description: t.Description,
    TableType: t.TableType,
    StorageDescriptor: { Columns: (t.StorageDescriptor?.Columns ?? []).map(column), Location: t.StorageDescriptor?.Location },
    PartitionKeys: (t.PartitionKeys ?? []).map(column),
    Parameters: t.Parameters,
    CreateTime: ctx.core.now(),
    VersionId: '0',
  };
  return {};
}
