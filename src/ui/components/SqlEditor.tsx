/**
 * The SQL editor: CodeMirror 6 with SQL highlighting, and the engine's parser
 * run on every change so its located error is drawn inline (a lint mark at the
 * line and column) as well as told in the status line under the editor. This
 * module and everything it imports is one lazily loaded chunk (React.lazy in
 * AnalyticsInspector), so neither CodeMirror nor chevrotain is in the first
 * page's JavaScript.
 */
import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { setDiagnostics, lintGutter, type Diagnostic } from '@codemirror/lint';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { checkAnalyticsSql } from '../../engine';

/** What the parser said about the text: undefined when it parses. */
export type SqlProblem = { line: number; column: number; text: string } | undefined;

export interface SqlEditorProps {
  /** The accessible name of the editing area (the visible label's text). */
  label: string;
  /** Id of the element that tells the parser's verdict (aria-describedby). */
  describedBy: string;
  value: string;
  dialect: 'sql' | 'flink';
  onChange: (code: string) => void;
  onProblem: (p: SqlProblem) => void;
}

/**
 * Token classes, coloured in styles.css from the app's light and dark palettes
 * (CodeMirror's default colours fail WCAG contrast on the inspector's panel).
 */
const sqlHighlight = HighlightStyle.define([
  { tag: tags.keyword, class: 'sql-keyword' },
  { tag: [tags.string, tags.special(tags.string)], class: 'sql-string' },
  { tag: [tags.number, tags.bool, tags.null], class: 'sql-number' },
  { tag: [tags.lineComment, tags.blockComment], class: 'sql-comment' },
  { tag: [tags.typeName, tags.standard(tags.name)], class: 'sql-type' },
  { tag: tags.special(tags.name), class: 'sql-quoted' },
]);

/** The parser's error as a CodeMirror diagnostic at its line and column (1-based in, offsets out). */
function diagnosticsFor(state: EditorState, problem: SqlProblem): Diagnostic[] {
  if (problem === undefined) return [];
  const line = state.doc.line(Math.min(Math.max(problem.line, 1), state.doc.lines));
  const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
  // Mark to the end of the word at the error (at least one character where there is one).
  let to = from;
  while (to < line.to && /\S/.test(state.doc.sliceString(to, to + 1))) to++;
  return [{ from, to: Math.max(to, Math.min(from + 1, line.to)), severity: 'error', message: problem.text }];
}

export default function SqlEditor({ label, describedBy, value, dialect, onChange, onProblem }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onProblem, dialect });
  latest.current = { onChange, onProblem, dialect };

  const check = (v: EditorView) => {
    const text = v.state.doc.toString();
    const found = text.trim() === '' ? undefined : checkAnalyticsSql(text, latest.current.dialect);
    const problem: SqlProblem = found === undefined ? undefined : { line: found.line, column: found.column, text: found.text };
    v.dispatch(setDiagnostics(v.state, diagnosticsFor(v.state, problem)));
    latest.current.onProblem(problem);
  };

  useEffect(() => {
    if (host.current === null) return;
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      sql({ dialect: StandardSQL, upperCaseKeywords: true }),
      syntaxHighlighting(sqlHighlight),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, 'aria-multiline': 'true', spellcheck: 'false' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        latest.current.onChange(u.state.doc.toString());
        check(u.view);
      }),
    ];
    const v = new EditorView({ parent: host.current, state: EditorState.create({ doc: value, extensions }) });
    // Long code scrolls inside the editor's max height: the scroller takes keyboard focus so it can be scrolled without a mouse (axe scrollable-region-focusable).
    v.scrollDOM.tabIndex = 0;
    view.current = v;
    check(v);
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is made once per mount; text from the engine arrives through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, describedBy]);

  // A new version of the code from the engine (an update, a preset) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (v === null || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  // The dialect decides which grammar checks the text.
  useEffect(() => {
    if (view.current !== null) check(view.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dialect]);

  return <div ref={host} className="sql-editor cm-host" />;
}
