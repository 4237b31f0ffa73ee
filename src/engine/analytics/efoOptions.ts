/**
 * The enhanced fan-out options of a Flink SQL Kinesis source table, as the
 * two connectors name them [FCA docs/content/docs/connectors/table/kinesis.md]:
 * - `kinesis` (FLIP-27 KinesisStreamsSource, connector 5.x): 'source.reader.type' = 'EFO',
 *   'source.efo.consumer.name', 'source.efo.lifecycle' = JOB_MANAGED (default) | SELF_MANAGED;
 * - the legacy FlinkKinesisConsumer: 'scan.stream.recordpublisher' = 'EFO',
 *   'scan.stream.efo.consumername', 'scan.stream.efo.registration' = LAZY (default) | EAGER | NONE.
 * JOB_MANAGED, LAZY and EAGER: the job registers the consumer when it starts
 * (reusing one of that name that exists) and deregisters it when it stops;
 * SELF_MANAGED and NONE: the consumer must be registered outside the job.
 */
import type { Program, SqlError } from './sql/ast';
import type { Plan } from './query/plan';

/** What a source table's EFO reader needs to know. */
export interface EfoOptions {
  consumerName: string;
  /** True when the job registers and deregisters the consumer itself. */
  managed: boolean;
}

const NAME_KEYS = ['source.efo.consumer.name', 'scan.stream.efo.consumername'];
const LIFECYCLE: Record<string, boolean> = { JOB_MANAGED: true, SELF_MANAGED: false };
const REGISTRATION: Record<string, boolean> = { LAZY: true, EAGER: true, NONE: false };
/** Consumer names: 1..128 of [a-zA-Z0-9_.-] [BC-K RegisterStreamConsumer]. */
const CONSUMER_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

function tableProps(program: Program, table: string): { props: Record<string, string>; loc: { line: number; column: number } } | undefined {
  for (const st of program.statements) if (st.k === 'createTable' && st.name === table) return { props: st.props, loc: st.loc };
  return undefined;
}

/** The EFO options of source table `table`, or undefined when it polls. */
export function efoOptionsOf(program: Program, plan: Plan, table: string): EfoOptions | undefined {
  const src = plan.sources.find((s) => s.name === table);
  const t = tableProps(program, table);
  if (src === undefined || src.readerType !== 'EFO' || t === undefined) return undefined;
  const name = NAME_KEYS.map((k) => t.props[k]).find((v) => v !== undefined) ?? '';
  const lifecycle = t.props['source.efo.lifecycle'];
  const registration = t.props['scan.stream.efo.registration'];
  const managed = lifecycle !== undefined ? LIFECYCLE[lifecycle.toUpperCase()] : registration !== undefined ? REGISTRATION[registration.toUpperCase()] : true;
  return { consumerName: name, managed: managed ?? true };
}

/**
 * Checks every EFO source table of a Flink plan: it needs a consumer name (the
 * connectors refuse to start without one) and a known lifecycle; the first
 * problem, located at its CREATE TABLE.
 */
export function checkEfoOptions(program: Program, plan: Plan): SqlError | undefined {
  for (const src of plan.sources) {
    if (src.readerType !== 'EFO') continue;
    const t = tableProps(program, src.name);
    if (t === undefined) continue;
    const at = { line: t.loc.line, column: t.loc.column };
    const name = NAME_KEYS.map((k) => t.props[k]).find((v) => v !== undefined);
    if (name === undefined) return { ...at, message: `table ${src.name} reads with EFO: set 'source.efo.consumer.name' (or 'scan.stream.efo.consumername' for the legacy connector)` };
    if (!CONSUMER_NAME.test(name)) return { ...at, message: `EFO consumer name '${name}' must be 1 to 128 of letters, digits, "_", "." and "-"` };
    const lifecycle = t.props['source.efo.lifecycle'];
    if (lifecycle !== undefined && LIFECYCLE[lifecycle.toUpperCase()] === undefined) return { ...at, message: `'source.efo.lifecycle' must be JOB_MANAGED or SELF_MANAGED, not '${lifecycle}'` };
    const registration = t.props['scan.stream.efo.registration'];
    if (registration !== undefined && REGISTRATION[registration.toUpperCase()] === undefined) return { ...at, message: `'scan.stream.efo.registration' must be LAZY, EAGER or NONE, not '${registration}'` };
  }
  return undefined;
}
