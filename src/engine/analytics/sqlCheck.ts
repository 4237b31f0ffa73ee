/**
 * The editor's SQL check, on its own so the app can load the parser lazily
 * (chevrotain stays out of the first page's JavaScript).
 */
import { checkSql } from './compileCode';
import { formatSqlError } from './sql/ast';

/** Undefined when the text parses and checks, else the located error and its "line L, column C: ..." text. */
export function checkAnalyticsSql(code: string, dialect: 'sql' | 'flink'): { line: number; column: number; message: string; text: string } | undefined {
  const r = checkSql(code, dialect, ['SOURCE_SQL_STREAM_001']);
  return 'error' in r ? { ...r.error, text: formatSqlError(r.error) } : undefined;
}
