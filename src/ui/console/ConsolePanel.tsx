/**
 * The AWS CLI console: type `aws kinesis ...`, read what AWS CLI v2 prints.
 * Reads go to the worker's wire entry (cliRead); changes go as scenario
 * commands, recorded at the current simulated time. Output is text nodes
 * only, announced politely to screen readers.
 */
import { useContext, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { apiModels } from '../../engine';
import { createCli, type CliBackend } from '../../cli/runCli';
import { complete } from '../../cli/complete';
import { StoreContext, useApp } from '../store/store';

interface Line {
  id: number;
  kind: 'input' | 'stdout' | 'stderr';
  text: string;
}

const MAX_LINES = 400;

/** Longest common prefix of the candidates. */
function common(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export default function ConsolePanel() {
  const store = useContext(StoreContext);
  const snapshot = useApp((s) => s.snapshot);
  const [lines, setLines] = useState<Line[]>([]);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const history = useRef<string[]>([]);
  const cursor = useRef(0);
  const nextId = useRef(1);

  const cli = useMemo(() => {
    const backend: CliBackend = {
      read: async (service, operation, input) => {
        const client = store!.getState().client;
        if (client.cliRead === undefined) return { ok: false, error: { type: 'UnknownOperationException', message: 'This client serves no console reads.' } };
        return client.cliRead(service, operation, input);
      },
      command: (op, args) => store!.getState().client.command({ op, args } as never),
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          const start = store!.getState().snapshot?.time ?? 0;
          // A paused run would never reach the next poll: move it on as the Jump buttons do.
          if (store!.getState().snapshot?.playing !== true) void store!.getState().client.jump(ms);
          const off = store!.subscribe((s) => {
            if ((s.snapshot?.time ?? 0) >= start + ms) {
              off();
              resolve();
            }
          });
        }),
    };
    return createCli(apiModels, backend);
  }, [store]);

  const print = (add: Omit<Line, 'id'>[]) =>
    setLines((old) => [...old, ...add.filter((l) => l.text !== '').map((l) => ({ ...l, id: nextId.current++ }))].slice(-MAX_LINES));

  const submit = async () => {
    const line = value;
    setValue('');
    if (line.trim() !== '') history.current.push(line);
    cursor.current = history.current.length;
    print([{ kind: 'input', text: `$ ${line}` }]);
    if (line.trim() === 'clear') {
      setLines([]);
      return;
    }
    setBusy(true);
    const out = await cli.run(line);
    setBusy(false);
    print([
      { kind: 'stdout', text: out.stdout.replace(/\n$/, '') },
      { kind: 'stderr', text: out.stderr.replace(/^\n/, '').replace(/\n$/, '') },
    ]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!busy) void submit();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (cursor.current > 0) setValue(history.current[--cursor.current] ?? '');
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (cursor.current < history.current.length) cursor.current++;
      setValue(history.current[cursor.current] ?? '');
    } else if (e.key === 'Tab' && !e.shiftKey && value.trim() !== '') {
      // Shift+Tab (and Tab on an empty line) still moves focus, so the console is no keyboard trap.
      e.preventDefault();
      const resources = {
        streams: snapshot?.streams.map((s) => s.name) ?? [],
        deliveryStreams: snapshot?.firehoses.map((f) => f.name) ?? [],
        buckets: snapshot?.buckets.map((b) => b.name) ?? [],
        functions: [],
      };
      const c = complete(value, cli.services, resources);
      if (c.candidates.length === 1) setValue(c.prefix + c.candidates[0] + ' ');
      else if (c.candidates.length > 1) {
        const p = common(c.candidates);
        if (p.length > c.word.length) setValue(c.prefix + p);
        else print([{ kind: 'stdout', text: c.candidates.join('  ') }]);
      }
    }
  };

  return (
    <section className="cli-console" aria-label="AWS CLI console">
      <pre className="cli-output" aria-live="polite" aria-label="Console output" tabIndex={0}>
        {lines.length === 0 ? 'Type an aws command, e.g. aws kinesis list-streams (Tab completes, arrows recall, "aws help" lists services).' : null}
        {lines.map((l) => (
          <div key={l.id} className={`cli-line cli-${l.kind}`}>
            {l.text}
          </div>
        ))}
      </pre>
      <div className="cli-prompt">
        <label htmlFor="cli-input">$</label>
        <input
          id="cli-input"
          className="cli-input"
          aria-label="AWS CLI command"
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={busy}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
    </section>
  );
}
