/**
 * The console's view of the API models: per CLI service, its commands by
 * kebab-case name and each command's parameters (`--stream-name` ->
 * `StreamName`), all derived from the engine's declared shapes (apiModels).
 */
import type { ApiModel, OperationShape, Shape } from '../engine';
import { cliName } from './names';
import { paginatorOf, type Paginator } from './paginators';

/** One command-line parameter of a command. */
export interface CliParam {
  /** `--stream-name` without the dashes. */
  flag: string;
  member: string;
  shape: Shape;
  required: boolean;
}

/** One command (`put-record`) of a service. */
export interface CliCommand {
  name: string;
  operation: string;
  shape: OperationShape;
  params: CliParam[];
  /** Set when the CLI paginates the operation: its token and page-size members are hidden. */
  paginator?: Paginator;
}

/** One service (`kinesis`) as the console knows it. */
export interface CliService {
  name: string;
  model: ApiModel;
  commands: Map<string, CliCommand>;
}

/**
 * awscli's argrename.py: parameters renamed where the model's name would
 * clash with a global option (`--output`) or read wrongly.
 */
const ARG_RENAMES: Readonly<Record<string, string>> = {
  'rekognition.create-stream-processor.output': 'stream-processor-output',
  // awscli's argrename: the member Output would clash with the global --output.
  'kinesisanalyticsv2.add-application-output.output': 'application-output',
};

/** Builds the console's services from the engine's API models. */
export function cliServices(models: readonly ApiModel[]): Map<string, CliService> {
  const out = new Map<string, CliService>();
  for (const model of models) {
    const commands = new Map<string, CliCommand>();
    for (const [operation, shape] of Object.entries(model.operations)) {
      const required = new Set(shape.input.required ?? []);
      const paginator = paginatorOf(model.cli, operation);
      const hidden = new Set(paginator === undefined ? [] : [paginator.inputToken, paginator.limitKey]);
      const params = Object.entries(shape.input.members)
        .filter(([member]) => !hidden.has(member))
        .map(([member, s]) => {
          const flag = cliName(member);
          return { flag: ARG_RENAMES[`${model.cli}.${cliName(operation)}.${flag}`] ?? flag, member, shape: s, required: required.has(member) };
        });
      commands.set(cliName(operation), { name: cliName(operation), operation, shape, params, ...(paginator !== undefined ? { paginator } : {}) });
    }
    out.set(model.cli, { name: model.cli, model, commands: new Map([...commands].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) });
  }
  return out;
}

/** The type name `help` prints for a shape, as the CLI's docs do. */
export function typeName(shape: Shape): string {
  switch (shape.type) {
    case 'list':
      return 'list';
    case 'structure':
      return 'structure';
    case 'map':
      return 'map';
    default:
      return shape.type;
  }
}
