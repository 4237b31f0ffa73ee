/**
 * The inspector of a Rekognition stream processor: start and stop it, and,
 * while a label detection processor is stopped, change its labels, minimum
 * confidence and region of interest (UpdateStreamProcessor) or delete it.
 * Every edit is a scenario command; the figures come from the snapshot's
 * videoGraph, which reads the engine's processor state.
 */
import { useEffect, useState } from 'react';
import type { VideoConsumerNode } from '../../engine';
import { useApp } from '../store/store';
import { formatInt } from '../format';
import { deleteProcessor, startProcessor, stopProcessor, updateLabelDetection, type RegionBox } from '../videoCommands';

type Processor = Extract<VideoConsumerNode, { kind: 'processor' }>;

const LABELS = ['PERSON', 'PET', 'PACKAGE'] as const;
const EDGES = ['Left', 'Top', 'Width', 'Height'] as const;

export function ProcessorInspector({ p }: { p: Processor }) {
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const home = p.mode === 'ConnectedHome';
  const stopped = p.status === 'STOPPED' || p.status === 'FAILED';
  const running = p.status === 'RUNNING' || p.status === 'STARTING';
  const [labels, setLabels] = useState<string[]>([]);
  const [confidence, setConfidence] = useState('');
  const [useRegion, setUseRegion] = useState(false);
  const [region, setRegion] = useState<Record<(typeof EDGES)[number], string>>({ Left: '0', Top: '0', Width: '1', Height: '1' });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setLabels(p.labels?.includes('ALL') ? [...LABELS] : [...(p.labels ?? [])]);
    setConfidence(String(p.minConfidence ?? ''));
    setUseRegion(p.regionsOfInterest > 0);
    setProblem(null);
    // Only when another processor is selected or it was updated, not on every frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.name, p.status === 'UPDATING']);

  const save = () => {
    const min = Number(confidence);
    if (labels.length === 0) return setProblem('Choose at least one label.');
    if (!Number.isFinite(min) || min < 0 || min > 100) return setProblem('Minimum confidence is a percentage from 0 to 100.');
    let box: RegionBox | null = null;
    if (useRegion) {
      const v = EDGES.map((k) => Number(region[k]));
      if (v.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) return setProblem('A region is given in ratios of the frame, each from 0 to 1.');
      box = { Left: v[0], Top: v[1], Width: v[2], Height: v[3] };
    }
    setProblem(null);
    void run(updateLabelDetection(p.name, labels.length === LABELS.length ? ['ALL'] : labels, min, box, p.regionsOfInterest > 0), `${p.name} updated`);
  };

  return (
    <>
      <h2>Stream processor {p.name}</h2>
      <p className="muted">
        {home ? 'Label detection' : 'Face search'} on video stream {p.stream}: {p.status}.{' '}
        {home
          ? `Looks for ${(p.labels ?? []).join(', ')} at ${p.minConfidence}% confidence or more${p.regionsOfInterest > 0 ? ` inside ${p.regionsOfInterest} region(s) of interest` : ' anywhere in the frame'}; ${formatInt(p.notifications)} notifications, sessions summarised in s3://${p.bucket ?? '-'}.`
          : `Matches faces at ${p.faceMatchThreshold}% similarity or more; ${formatInt(p.records)} records written to ${p.dataStream ?? '-'}.`}
      </p>
      <p>
        {running ? (
          <button type="button" onClick={() => void run(stopProcessor(p.name), `${p.name} stopping`)}>
            Stop processor
          </button>
        ) : (
          <button type="button" disabled={!stopped} onClick={() => void run(startProcessor(p.name), `${p.name} starting`)}>
            Start processor
          </button>
        )}{' '}
        <button
          type="button"
          disabled={!stopped}
          onClick={async () => {
            if (await run(deleteProcessor(p.name), `${p.name} deleted`)) select(null);
          }}
        >
          Delete processor
        </button>
      </p>
      {home && (
        <form
          aria-label="Label detection settings"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <fieldset disabled={!stopped}>
            <legend>Settings (UpdateStreamProcessor{stopped ? '' : ': stop the processor first'})</legend>
            {LABELS.map((l) => (
              <label key={l} className="inline">
                <input type="checkbox" checked={labels.includes(l)} onChange={(e) => setLabels(e.target.checked ? [...labels, l] : labels.filter((x) => x !== l))} /> {l}
              </label>
            ))}
            <label className="block">
              Minimum confidence (%){' '}
              <input type="number" min={0} max={100} step="any" value={confidence} onChange={(e) => setConfidence(e.target.value)} />
            </label>
            <label className="block">
              <input type="checkbox" checked={useRegion} onChange={(e) => setUseRegion(e.target.checked)} /> Only a region of interest (an object counts when more than half of it is inside)
            </label>
            {useRegion &&
              EDGES.map((k) => (
                <label key={k} className="inline">
                  {k}{' '}
                  <input type="number" min={0} max={1} step={0.05} value={region[k]} onChange={(e) => setRegion({ ...region, [k]: e.target.value })} />
                </label>
              ))}
            <p>
              <button type="submit">Update processor</button>
            </p>
          </fieldset>
          {problem !== null && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
        </form>
      )}
    </>
  );
}
