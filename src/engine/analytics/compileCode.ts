/**
 * Checks an application's code as CreateApplication and UpdateApplication do:
 * it must parse and name streams or tables that exist. A failure is
 * CodeValidationException with the located message [BC-KA2].
 */
import { AwsError } from '../core/errors';
import type { ApplicationState } from './applicationModel';
import { isSqlApp } from './applicationModel';
import { MAX_CODE_CHARS } from './constants';
import { formatSqlError, type SqlError } from './sql/ast';
import { parseSql } from './sql/parse';
import { planProgram, type Plan } from './query/plan';
import { checkEfoOptions } from './efoOptions';

/** Code over 102,400 characters is InvalidArgumentException [LIVE ApplicationCodeUpdate]. */
export function checkCodeSize(code: string): void {
  if (typeof code !== 'string' || code.length > MAX_CODE_CHARS) throw new AwsError('InvalidArgumentException', `Application code must be at most ${MAX_CODE_CHARS} characters.`);
}

/** The in-application stream names a SQL application's inputs create (`<prefix>_001`, ...) [KDA-SQL19 how-it-works-input.md]. */
export function inputStreamNames(app: ApplicationState): string[] {
  return app.inputs.flatMap((i) => Array.from({ length: i.parallelism }, (_, n) => `${i.namePrefix}_${String(n + 1).padStart(3, '0')}`.toUpperCase()));
}

/** Parses and plans text for a dialect: the plan, or the first located error (the editor shows it). */
export function checkSql(code: string, dialect: 'sql' | 'flink', inputStreams: string[] = []): { plan: Plan } | { error: SqlError } {
  const parsed = parseSql(code);
  if ('error' in parsed) return parsed;
  const planned = planProgram(parsed.program, dialect, inputStreams);
  if ('error' in planned) return planned;
  const efo = checkEfoOptions(parsed.program, planned.plan);
  return efo === undefined ? planned : { error: efo };
}

/** Sets app.program and app.plan from app.code, or throws CodeValidationException. Empty code is allowed until start. */
export function compileCode(app: ApplicationState): void {
  if (app.code.trim() === '') {
    app.program = undefined;
    app.plan = undefined;
    return;
  }
  const parsed = parseSql(app.code);
  if ('error' in parsed) throw new AwsError('CodeValidationException', formatSqlError(parsed.error));
  const planned = planProgram(parsed.program, isSqlApp(app) ? 'sql' : 'flink', inputStreamNames(app));
  if ('error' in planned) throw new AwsError('CodeValidationException', formatSqlError(planned.error));
  const efo = checkEfoOptions(parsed.program, planned.plan);
  if (efo !== undefined) throw new AwsError('CodeValidationException', formatSqlError(efo));
  app.program = parsed.program;
  app.plan = planned.plan;
}
