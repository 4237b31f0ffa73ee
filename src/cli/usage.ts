/** The AWS CLI v2's usage error, as it prints one (to stderr, exit status 252). */

const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

/** A usage error: the usage text, then `aws: error: <message>` (Unknown options print bare). */
export function usageError(message: string, withUsage = true): { kind: 'error'; text: string; error: string } {
  const text = withUsage ? `${USAGE}\naws: error: ${message}` : `\n${message}`;
  return { kind: 'error', text, error: text };
}
