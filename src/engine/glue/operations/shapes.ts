/**
 * The request shapes of the Glue Data Catalog operations the simulator serves,
 * as the AWS Glue API model declares them (members the simulator uses; the
 * rest are accepted and ignored): CreateDatabase, CreateTable, GetTable.
 */
import { s, type OperationShape } from '../../core/shape';

// NameString: 1..255 characters of the single-line string pattern [Glue API reference: Database.Name, Table.Name].
const NameString = s.string({ min: 1, max: 255 });
const CatalogId = s.string({ min: 1, max: 255 });
const Column = s.structure({ Name: NameString, Type: s.string({ min: 0, max: 131072 }), Comment: s.string({ min: 0, max: 255 }) }, ['Name']);
const Columns = s.list(Column);

/** The Glue operations' request shapes, by operation. */
export const glueShapes = {
  CreateDatabase: { input: s.structure({ CatalogId, DatabaseInput: s.structure({ Name: NameString, Description: s.string({ min: 0, max: 2048 }) }, ['Name']) }, ['DatabaseInput']) },
  CreateTable: {
    input: s.structure(
      {
        CatalogId,
        DatabaseName: NameString,
        TableInput: s.structure(
          {
            Name: NameString,
            Description: s.string({ min: 0, max: 2048 }),
            TableType: s.string({ min: 0, max: 255 }),
            StorageDescriptor: s.structure({ Columns, Location: s.string({ min: 0, max: 2056 }) }),
            PartitionKeys: Columns,
            Parameters: s.map(s.string({ min: 1, max: 255 }), s.string({ min: 0, max: 512000 })),
          },
          ['Name'],
        ),
      },
      ['DatabaseName', 'TableInput'],
    ),
  },
  GetTable: { input: s.structure({ CatalogId, DatabaseName: NameString, Name: NameString }, ['DatabaseName', 'Name']) },
} satisfies Record<string, OperationShape>;
