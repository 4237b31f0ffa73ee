/**
 * GetTable: a table's definition [Glue API reference: GetTable];
 * EntityNotFoundException for a database or table the catalog does not hold.
 */
import { findTable, type GlueContext, type GlueTableState } from '../catalog';

export interface GetTableInput {
  CatalogId?: string;
  DatabaseName: string;
  Name: string;
}

/** The table as Glue returns it (CreateTime in epoch ms; seconds on the wire). */
export function getTable(ctx: GlueContext, input: GetTableInput): { Table: GlueTableState & { CatalogId: string } } {
  const t = findTable(ctx, input.DatabaseName, input.Name);
  return { Table: { ...t, StorageDescriptor: { ...t.StorageDescriptor, Columns: t.StorageDescriptor.Columns.map((c) => ({ ...c })) }, CatalogId: input.CatalogId ?? ctx.core.accountId } };
}
