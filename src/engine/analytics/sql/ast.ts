/**
 * The parsed form of an application's SQL, as plain data (it is kept on the
 * application and copied by checkpoints). One AST for both dialects: legacy
 * Kinesis Data Analytics SQL (streams and pumps) and the Flink SQL subset
 * (tables with a Kinesis or Firehose connector, INSERT INTO).
 */

/** Where a node starts in the source (1-based line and column). */
export interface Loc { line: number; column: number }

export type TimeUnit = 'MILLISECOND' | 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY';

export type Expr =
  | { k: 'col'; name: string; table?: string; loc: Loc }
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'interval'; ms: number }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'isNull'; e: Expr; negated: boolean }
  | { k: 'cast'; e: Expr; type: string }
  /** A function call; `to` is FLOOR(x TO unit), `by` is STEP(x BY INTERVAL ...), `over` names or defines a window. */
  | { k: 'call'; fn: string; args: Expr[]; star: boolean; to?: TimeUnit; by?: number; over?: string | WindowSpec; loc: Loc; slot?: number };

export interface SelectItem { expr: Expr | { k: 'star' }; alias?: string }

/** PARTITION BY ... RANGE INTERVAL ... PRECEDING | ROWS n PRECEDING. */
export interface WindowSpec { partition: Expr[]; rangeMs?: number; rows?: number }

export type FromItem =
  | { k: 'stream'; name: string; alias?: string; loc: Loc }
  | { k: 'rcf'; inner: Select; args: number[]; alias?: string; loc: Loc }
  | { k: 'tvf'; fn: 'TUMBLE' | 'HOP' | 'CUMULATE'; table: string; timeCol: string; intervals: number[]; alias?: string; loc: Loc };

export interface Select {
  items: SelectItem[];
  from: FromItem;
  where?: Expr;
  groupBy?: Expr[];
  stagger?: { partition: Expr[]; rangeMs: number };
  having?: Expr;
  windows: Record<string, WindowSpec>;
  loc: Loc;
}

export interface ColumnDef { name: string; type: string; metadataFrom?: string }

export type Statement =
  | { k: 'createStream'; name: string; columns: ColumnDef[]; loc: Loc }
  | { k: 'createPump'; name: string; into: string; select: Select; loc: Loc }
  | { k: 'createTable'; name: string; columns: ColumnDef[]; watermark?: { column: string; delayMs: number }; props: Record<string, string>; loc: Loc }
  | { k: 'insert'; into: string; select: Select; loc: Loc }
  | { k: 'set'; key: string; value: string; loc: Loc };

export interface Program { statements: Statement[] }

/** A parse or validation error at a place in the text. */
export interface SqlError { line: number; column: number; message: string }

/** "line 3, column 17: expected INTERVAL" */
export function formatSqlError(e: SqlError): string {
  return `line ${e.line}, column ${e.column}: ${e.message}`;
}

/** Milliseconds in one unit. */
export const UNIT_MS: Record<TimeUnit, number> = { MILLISECOND: 1, SECOND: 1000, MINUTE: 60000, HOUR: 3600000, DAY: 86400000 };
