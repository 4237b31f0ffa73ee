/**
 * `help`: the services, a service's commands, or a command's parameters with
 * their types and constraints, read from the operation's declared shape.
 */
import type { Shape } from '../engine';
import type { CliService } from './cliModels';
import { WAITERS } from './parseCommand';

/** The help text for `aws help`, `aws <service> help` or `aws <service> <command> help`. */
export function helpText(services: ReadonlyMap<string, CliService>, service?: string, command?: string): string {
  if (service === undefined) return `AWS CLI (simulated)\n\nAvailable services:\n\n${[...services.keys(), 's3'].sort().map((s) => `  o ${s}`).join('\n')}\n`;
  if (service === 's3') return 'S3\n\nAvailable commands:\n\n  o cp   (aws s3 cp s3://bucket/key -)\n  o ls   (aws s3 ls [s3://bucket[/prefix]])\n';
  const svc = services.get(service);
  if (svc === undefined) return '';
  if (command === undefined) {
    const names = [...svc.commands.keys(), ...(WAITERS[service] !== undefined ? ['wait'] : [])].sort();
    return `${service.toUpperCase()}\n\nAvailable commands:\n\n${names.map((n) => `  o ${n}`).join('\n')}\n`;
  }
  const cmd = svc.commands.get(command);
  if (cmd === undefined) return '';
  const synopsis = cmd.params.map((p) => (p.shape.type === 'boolean' ? `[--${p.flag} | --no-${p.flag}]` : p.required ? `--${p.flag} <value>` : `[--${p.flag} <value>]`));
  const options = cmd.params.map((p) => `  --${p.flag} (${p.shape.type})${p.required ? ' [required]' : ''}\n      ${constraints(p.shape)}`.trimEnd());
  if (cmd.paginator !== undefined) {
    synopsis.push('[--starting-token <value>]', '[--page-size <value>]');
    options.push('  --starting-token (string)\n      where to start paginating (a NextToken from an earlier --no-paginate answer)', '  --page-size (integer)\n      items per service call; the CLI still fetches every page');
  }
  return `${cmd.name}\n\n${cmd.operation}\n\nSYNOPSIS\n\n  ${cmd.name}\n${synopsis.map((s) => `    ${s}`).join('\n')}\n    [--cli-input-json <value>]\n\nOPTIONS\n\n${options.join('\n\n')}\n`;
}

function constraints(s: Shape): string {
  const parts: string[] = [];
  if ((s.type === 'string' || s.type === 'blob' || s.type === 'list' || s.type === 'map') && (s.min !== undefined || s.max !== undefined)) parts.push(`length ${s.min ?? 0}..${s.max ?? '*'}`);
  if ((s.type === 'integer' || s.type === 'long' || s.type === 'float' || s.type === 'double') && (s.min !== undefined || s.max !== undefined)) parts.push(`range ${s.min ?? '*'}..${s.max ?? '*'}`);
  if (s.type === 'string' && s.enum !== undefined) parts.push(`one of: ${s.enum.join(', ')}`);
  if (s.type === 'string' && s.pattern !== undefined) parts.push(`pattern: ${s.pattern}`);
  if (s.type === 'blob') parts.push('base64 (or raw text with --cli-binary-format raw-in-base64-out)');
  if (s.type === 'structure') parts.push(`Shorthand: ${Object.keys(s.members).map((m) => `${m}=...`).join(',')}`);
  if (s.type === 'list' && s.member.type === 'structure') parts.push(`Shorthand: ${Object.keys(s.member.members).map((m) => `${m}=...`).join(',')} ...`);
  return parts.join('; ');
}
