/**
 * CreateDatabase: adds a database to the catalog [Glue API reference:
 * CreateDatabase]. A name already in use is AlreadyExistsException.
 */
import { AwsError } from '../../core/errors';
import type { GlueContext } from '../catalog';

export interface CreateDatabaseInput {
  CatalogId?: string;
  DatabaseInput: { Name: string; Description?: string };
}

/** Creates a database; the response has no members. */
export function createDatabase(ctx: GlueContext, input: CreateDatabaseInput): Record<string, never> {
  const name = input.DatabaseInput.Name.toLowerCase();
  if (ctx.databases[name] !== undefined) throw new AwsError('AlreadyExistsException', 'Database already exists.');
  ctx.databases[name] = { Name: name, Description: input.DatabaseInput.Description, CreateTime: ctx.core.now(), tables: {} };
  return {};
}
