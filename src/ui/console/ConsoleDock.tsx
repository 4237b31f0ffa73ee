/** The header's Console toggle and the console panel, loaded only when opened (JMESPath and the parser stay out of the initial JS). */
import { lazy, Suspense, useState } from 'react';

const ConsolePanel = lazy(() => import('./ConsolePanel'));

export function ConsoleDock() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="console-toggle" aria-pressed={open} aria-controls={open ? 'cli-console' : undefined} onClick={() => setOpen(!open)}>
        Console
      </button>
      {open ? (
        <div id="cli-console" className="cli-dock">
          <Suspense fallback={<p>Loading the console…</p>}>
            <ConsolePanel />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
