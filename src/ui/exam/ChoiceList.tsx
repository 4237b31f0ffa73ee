/** A question's options as a radio group, keyboard-usable, with the right and chosen answers marked once judged. */
export function ChoiceList(p: { name: string; legend: string; options: string[]; chosen: number | null; onChoose(i: number): void; right?: number; disabled?: boolean }) {
  return (
    <fieldset className="choices">
      <legend>{p.legend}</legend>
      {p.options.map((o, i) => {
        const mark = p.right === undefined ? '' : i === p.right ? ' right' : i === p.chosen ? ' wrong' : '';
        return (
          <label key={`${i}-${o}`} className={`choice${mark}`}>
            <input type="radio" name={p.name} checked={p.chosen === i} disabled={p.disabled} onChange={() => p.onChoose(i)} /> {o}
            {p.right !== undefined && i === p.right && <span className="sr-tag"> (correct answer)</span>}
            {p.right !== undefined && i === p.chosen && i !== p.right && <span className="sr-tag"> (your answer)</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
