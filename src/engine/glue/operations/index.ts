/** The Glue Data Catalog operations the simulator serves, by AWS name. */
export { createDatabase } from './createDatabase';
export { createTable } from './createTable';
export { getTable } from './getTable';
