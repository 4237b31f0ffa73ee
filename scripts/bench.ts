/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those whose file
 * name contains the first argument) and prints one line per scenario,
 * `bench <name>: key=value ...`. Figures, not pass/fail: nothing here is a test.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (filter === undefined || f.includes(filter)))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: () => Promise<void> | void };
  await mod.run();
}
