/**
 * "My scenarios": save the current run in the browser, open or delete saved
 * ones, import a JSON file (never replacing a saved one without asking) and
 * export the run as JSON, an AWS CLI script or a CloudFormation template.
 * Names are shown as text only.
 */
import { useMemo, useState } from 'react';
import { ScenarioStorage, exportFile, importFile, type SavedScenario } from '../storage/scenarioStorage';
import { toAwsCliScript } from '../../scenarios/export/awsCli';
import { toCloudFormation } from '../../scenarios/export/cloudFormation';
import { downloadText } from './download';
import type { Scenario } from '../../scenarios/types';

export interface MyScenariosPanelProps {
  /** The current run as a scenario. */
  current: () => Scenario | Promise<Scenario>;
  /** Opens a scenario (saved or imported). */
  onOpen: (scenario: Scenario) => void;
  storage?: ScenarioStorage;
}

type Pending = { scenario: Scenario; existing: SavedScenario; then: 'save' | 'import' } | null;

export function MyScenariosPanel({ current, onOpen, storage }: MyScenariosPanelProps) {
  const store = useMemo(() => storage ?? new ScenarioStorage(), [storage]);
  const [items, setItems] = useState<SavedScenario[]>(() => store.list());
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [name, setName] = useState('');
  const refresh = () => setItems(store.list());

  const save = (scenario: Scenario, then: 'save' | 'import', overwrite = false) => {
    const r = store.save(scenario, { overwrite });
    if (r.ok) {
      setMessage(then === 'save' ? `Saved "${scenario.name}".` : `Imported "${scenario.name}".`);
      setPending(null);
      refresh();
    } else if (r.reason === 'exists') setPending({ scenario, existing: r.existing, then });
    else setMessage(r.message);
  };

  const saveCurrent = async () => {
    const s = await current();
    const trimmed = name.trim();
    save(trimmed === '' ? s : { ...s, name: trimmed.slice(0, 100) }, 'save');
  };

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    const r = importFile(await file.text());
    if (!r.ok) return setMessage(r.message);
    save(r.scenario, 'import');
  };

  const exportAs = async (kind: 'json' | 'cli' | 'cfn') => {
    const s = await current();
    const f = exportFile(s);
    if (kind === 'json') downloadText(f.filename, f.text);
    else if (kind === 'cli') downloadText(f.filename.replace(/\.scenario\.json$/, '.sh'), toAwsCliScript(s), 'text/x-shellscript');
    else downloadText(f.filename.replace(/\.scenario\.json$/, '.cfn.json'), JSON.stringify(toCloudFormation(s), null, 2) + '\n');
  };

  return (
    <section className="my-scenarios" aria-label="My scenarios">
      <h2>My scenarios</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveCurrent();
        }}
      >
        <label>
          Name <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="(the scenario's name)" />
        </label>
        <button type="submit">Save current run</button>
      </form>
      {pending !== null && (
        <div role="alertdialog" aria-label="Replace saved scenario" className="confirm">
          <p>A scenario named "{pending.existing.name}" is already saved. Replace it?</p>
          <button type="button" className="danger" onClick={() => save(pending.scenario, pending.then, true)}>
            Replace
          </button>
          <button type="button" onClick={() => setPending(null)}>
            Keep the saved one
          </button>
        </div>
      )}
      <ul aria-label="Saved scenarios">
        {items.map((s) => (
          <li key={s.id}>
            <span className="saved-name">{s.name}</span>{' '}
            <button type="button" onClick={() => onOpen(s.scenario)} aria-label={`Open ${s.name}`}>
              Open
            </button>{' '}
            <button
              type="button"
              aria-label={`Delete ${s.name}`}
              onClick={() => {
                store.remove(s.id);
                refresh();
              }}
            >
              Delete
            </button>
          </li>
        ))}
        {items.length === 0 && <li className="muted">Nothing saved yet.</li>}
      </ul>
      <div className="scenario-files">
        <label>
          Import JSON file <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportAs('cli')}>
          Export AWS CLI script
        </button>
        <button type="button" onClick={() => void exportAs('cfn')}>
          Export CloudFormation
        </button>
      </div>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
