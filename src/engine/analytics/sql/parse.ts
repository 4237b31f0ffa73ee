/**
 * parseSql: text to AST, or the first located error ("line 3, column 17:
 * expected INTERVAL"), from the lexer or the parser.
 */
import type { IRecognitionException } from 'chevrotain';
import { sqlLexer } from './lexer';
import { SqlParser } from './parser';
import type { Program, SqlError } from './ast';

let parser: SqlParser | undefined;

/** The program, or the first error with its line and column. */
export function parseSql(text: string): { program: Program } | { error: SqlError } {
  const lexed = sqlLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    const e = lexed.errors[0];
    return { error: { line: e.line ?? 1, column: e.column ?? 1, message: `unexpected character '${text.charAt(e.offset)}'` } };
  }
  parser ??= new SqlParser();
  parser.input = lexed.tokens;
  let program: Program;
  try {
    program = parser.program();
  } catch (e) {
    const tok = (e as { token?: { startLine?: number; startColumn?: number } }).token;
    return { error: { line: tok?.startLine ?? 1, column: tok?.startColumn ?? 1, message: (e as Error).message } };
  }
  if (parser.errors.length > 0) return { error: describe(parser.errors[0], text) };
  return { program };
}

function describe(e: IRecognitionException, text: string): SqlError {
  const t = e.token;
  // At the end of input chevrotain's token is EOF with no position: point after the last character.
  const atEnd = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
  const lines = text.split('\n');
  const line = atEnd ? lines.length : t.startLine ?? 1;
  const column = atEnd ? lines[lines.length - 1].length + 1 : t.startColumn ?? 1;
  return { line, column, message: conciseMessage(e) };
}

/** "expected INTERVAL, found 'x'" from chevrotain's longer messages. */
function conciseMessage(e: IRecognitionException): string {
  const img = e.token.image;
  const found = e.token.tokenType.name === 'EOF' ? 'end of input' : img.startsWith("'") || img.startsWith('"') ? img : `'${img}'`;
  const m = /Expecting (?:token of type )?--> (.+?) <--/.exec(e.message);
  if (m !== null) return `expected ${m[1]}, found ${found}`;
  const alts = [...e.message.matchAll(/\[([^\]]+)\]/g)].map((x) => x[1].split(', ')[0]);
  if (e.name === 'NoViableAltException' && alts.length > 0) return `expected one of ${[...new Set(alts)].slice(0, 6).join(', ')}, found ${found}`;
  if (e.name === 'NotAllInputParsedException') return `unexpected ${found}`;
  return `${e.message.split('\n')[0]} (found ${found})`;
}
