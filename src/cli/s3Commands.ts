/**
 * `aws s3 ls` and `aws s3 cp s3://bucket/key -`, the high-level S3 commands,
 * over the simulated buckets (through s3api reads). `ls` prints as the CLI
 * does: `PRE prefix/` lines, then `date time size key`; buckets as
 * `date time name`.
 */
import type { CliBackend, CliOutput } from './runCli';
import type { GlobalOptions } from './parseCommand';
import { isoFormat } from './format/timestamps';

const fail = (text: string, status = 1): CliOutput => ({ stdout: '', stderr: text + '\n', status });

/** The CLI's `YYYY-MM-DD HH:MM:SS` in UTC (the CLI prints local time; the simulator's zone is UTC). */
function when(epochSeconds: number): string {
  return isoFormat(Math.floor(epochSeconds)).slice(0, 19).replace('T', ' ');
}

function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  return m === null ? undefined : { bucket: m[1], key: m[2] };
}

/** Runs `s3 ls` or `s3 cp`. */
export async function runS3(command: 'ls' | 'cp', args: string[], _options: GlobalOptions, backend: CliBackend): Promise<CliOutput> {
  if (command === 'ls') {
    if (args.length === 0) {
      const r = await backend.read('s3api', 'ListBuckets', {});
      if (!r.ok) return fail(`\nAn error occurred (${r.error.type}) when calling the ListBuckets operation: ${r.error.message}`, 254);
      const buckets = (r.value as { Buckets: { Name: string; CreationDate: number }[] }).Buckets;
      return { stdout: buckets.map((b) => `${when(b.CreationDate)} ${b.Name}\n`).join(''), stderr: '', status: 0 };
    }
    const url = parseS3Url(args[0]);
    if (url === undefined) return fail(`\nargument path: Invalid argument type`, 252);
    const r = await backend.read('s3api', 'ListObjectsV2', { Bucket: url.bucket, Prefix: url.key, Delimiter: '/' });
    if (!r.ok) return fail(`\nAn error occurred (${r.error.type}) when calling the ListObjectsV2 operation: ${r.error.message}`, 254);
    const v = r.value as { CommonPrefixes?: { Prefix: string }[]; Contents?: { Key: string; Size: number; LastModified: number }[] };
    const base = url.key.lastIndexOf('/') + 1;
    const lines = [
      ...(v.CommonPrefixes ?? []).map((p) => `${' '.repeat(27)}PRE ${p.Prefix.slice(base)}\n`),
      ...(v.Contents ?? []).map((o) => `${when(o.LastModified)} ${String(o.Size).padStart(10)} ${o.Key.slice(base)}\n`),
    ];
    return { stdout: lines.join(''), stderr: '', status: lines.length === 0 ? 1 : 0 };
  }
  const [src, dst] = args;
  const url = src === undefined ? undefined : parseS3Url(src);
  if (url === undefined || url.key === '' || dst !== '-') return fail('\nThe console copies from S3 to stdout only: aws s3 cp s3://bucket/key -', 252);
  const r = await backend.read('s3api', 'GetObject', { Bucket: url.bucket, Key: url.key });
  if (!r.ok) return fail(`fatal error: An error occurred (${r.error.type === 'NoSuchKey' ? '404' : r.error.type}) when calling the HeadObject operation: ${r.error.type === 'NoSuchKey' ? 'Key "' + url.key + '" does not exist' : r.error.message}`);
  return { stdout: String((r.value as { BodyText?: string }).BodyText ?? ''), stderr: '', status: 0 };
}
