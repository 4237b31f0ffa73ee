/**
 * The engine boundary check (scripts/check-engine-boundary.mjs) on small
 * fixture trees: it passes a tree that imports the engine only through
 * src/engine/index.ts, and fails on each way of reaching past it, and on an
 * import cycle inside a folder named acyclic.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const SCRIPT = resolve('scripts/check-engine-boundary.mjs');
let dir = '';

function file(path: string, text: string): void {
  const p = join(dir, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}

function check(...extra: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', join(dir, 'src'), ...extra], { encoding: 'utf8', cwd: dir });
  return { status: r.status, out: r.stdout + r.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundary-'));
  file('src/engine/index.ts', "export { md5Hex } from './kinesis/hashKey';\n");
  file('src/engine/kinesis/hashKey.ts', "export const md5Hex = (s: string) => s;\n");
  file('src/engine/firehose/model.ts', "export interface Model { n: number }\n");
  file('src/engine/firehose/stage.ts', "import type { Model } from './model';\nexport const stage = (m: Model) => m.n;\n");
  file('src/ui/good.ts', "import { md5Hex } from '../engine';\nimport type { X } from '../engine/index';\nexport const a = md5Hex('a');\n");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('check-engine-boundary', () => {
  it('passes when outside code imports the engine only through its index', () => {
    const r = check('--acyclic', join(dir, 'src/engine/firehose'));
    expect(r.status).toBe(0);
    expect(r.out).toContain('engine boundary check passed (1 files');
  });

  it('fails on a static import of an engine internal, naming the file and line', () => {
    file('src/worker/bad.ts', "// a comment\nimport { md5Hex } from '../engine/kinesis/hashKey';\n");
    const r = check();
    expect(r.status).toBe(1);
    expect(r.out).toContain("src/worker/bad.ts:2: imports '../engine/kinesis/hashKey'");
  });

  it('fails on a multi-line import type, a re-export and a dynamic import() of internals', () => {
    file('src/scenarios/multi.ts', "import type {\n  A,\n  B,\n} from '../engine/kinesis/hashKey';\n");
    file('src/cli/reexport.ts', "export { md5Hex } from '../engine/kinesis/hashKey';\n");
    file('src/ui/views/lazy.ts', "export const load = () => import('../../engine/kinesis/hashKey');\n");
    const r = check();
    expect(r.status).toBe(1);
    expect(r.out).toContain('engine boundary check failed (3)');
    expect(r.out).toContain("src/scenarios/multi.ts:4: imports '../engine/kinesis/hashKey'");
    expect(r.out).toContain("src/cli/reexport.ts:1: imports '../engine/kinesis/hashKey'");
    expect(r.out).toContain("src/ui/views/lazy.ts:1: imports '../../engine/kinesis/hashKey'");
  });

  it('ignores an internal path that only a comment mentions', () => {
    file('src/ui/comment.ts', "/** Like import { x } from '../engine/kinesis/hashKey' would. */\n// from '../engine/kinesis/hashKey'\nexport const b = 1;\n");
    expect(check().status).toBe(0);
  });

  it('fails on an import cycle inside an acyclic folder, type-only imports included', () => {
    file('src/engine/firehose/model.ts', "import type { Stage } from './stage';\nexport interface Model { n: number; s?: Stage }\n");
    const r = check('--acyclic', join(dir, 'src/engine/firehose'));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/import cycle in .*firehose: src\/engine\/firehose\/model\.ts -> src\/engine\/firehose\/stage\.ts -> src\/engine\/firehose\/model\.ts/);
  });
});
