#!/usr/bin/env node
// Fails when code outside src/engine imports the engine other than through
// src/engine/index.ts (static, `import type`, multi-line, `export ... from`
// and dynamic `import()` alike), or when a folder named with --acyclic has an
// import cycle among its own files (type-only imports count: a model that
// takes its types from its own downstream stages is the circle to avoid).
// Usage: node scripts/check-engine-boundary.mjs [--root src] [--acyclic src/engine/firehose ...]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
let root = 'src';
const acyclic = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i];
  else if (args[i] === '--acyclic') acyclic.push(args[++i]);
  else {
    console.error(`unknown argument ${args[i]}`);
    process.exit(2);
  }
}
if (acyclic.length === 0 && args.length === 0) acyclic.push(join(root, 'engine', 'firehose'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier `text` imports or re-exports, with its line. */
export function specifiers(text) {
  // Comments out (keeping line breaks, so line numbers hold); strings stay.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
  const out = [];
  const re = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(code)) !== null; ) out.push({ spec: m[1], line: code.slice(0, m.index).split('\n').length });
  return out;
}

/** The file a relative specifier names (TypeScript's resolution: .ts, .tsx, /index.ts), or undefined. */
function resolveFile(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const problems = [];
const engineDir = resolve(root, 'engine');
const engineIndex = join(engineDir, 'index.ts');
let checked = 0;
for (const file of walk(root)) {
  const abs = resolve(file);
  if (abs === engineDir || abs.startsWith(engineDir + sep)) continue;
  checked++;
  for (const { spec, line } of specifiers(readFileSync(file, 'utf8'))) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(abs), spec);
    if (target !== engineDir && !target.startsWith(engineDir + sep)) continue;
    const hit = resolveFile(abs, spec);
    if (hit === engineIndex) continue;
    problems.push(`${file}:${line}: imports '${spec}': outside src/engine, import the engine only through src/engine/index.ts`);
  }
}

/** Import cycles among the files of `dir` (each reported once, as a path a -> b -> a). */
function cyclesIn(dir) {
  const files = walk(dir).map((f) => resolve(f));
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, [...new Set(specifiers(readFileSync(f, 'utf8')).filter((s) => s.spec.startsWith('.')).map((s) => resolveFile(f, s.spec)).filter((t) => t !== undefined && inside.has(t)))].sort()]));
  const state = new Map();
  const stack = [];
  const found = [];
  const seen = new Set();
  const visit = (f) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f)) {
      if (state.get(t) === 'open') {
        const cycle = stack.slice(stack.indexOf(t));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          found.push([...cycle, t].map((p) => relative(process.cwd(), p)).join(' -> '));
        }
      } else if (state.get(t) === undefined) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files.sort()) if (state.get(f) === undefined) visit(f);
  return found;
}
for (const dir of acyclic) for (const c of cyclesIn(dir)) problems.push(`import cycle in ${dir}: ${c}`);

if (problems.length > 0) {
  console.error(`engine boundary check failed (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`engine boundary check passed (${checked} files import the engine only through src/engine/index.ts; no import cycle in ${acyclic.join(', ')})`);
