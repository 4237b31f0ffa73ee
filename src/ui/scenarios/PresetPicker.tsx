/** Picks a preset scenario and shows its "what to notice / what to try" paragraph (as text). */
export interface PresetOption {
  id: string;
  title: string;
  explanation: string;
}

export interface PresetPickerProps {
  presets: readonly PresetOption[];
  /** The preset now loaded, if the run is still one. */
  currentId?: string;
  onPick: (id: string) => void;
}

export function PresetPicker({ presets, currentId, onPick }: PresetPickerProps) {
  const current = presets.find((p) => p.id === currentId);
  return (
    <section className="preset-picker" aria-label="Presets">
      <label>
        Preset{' '}
        <select value={currentId ?? ''} onChange={(e) => e.target.value !== '' && onPick(e.target.value)}>
          <option value="">Choose a preset…</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      {current !== undefined && <p className="preset-explanation">{current.explanation}</p>}
    </section>
  );
}
