/**
 * Shell-like word splitting for the console, without any shell: words split
 * on unquoted whitespace; single quotes keep everything literally; double
 * quotes keep everything but `\"`, `\\`, `\$` and `` \` `` escapes; a
 * backslash outside quotes takes the next character literally. Nothing is
 * expanded or evaluated ($VAR, `cmd`, globs stay as typed).
 */

/** The words of a line, or the problem (an unterminated quote). */
export type Tokens = { ok: true; words: string[] } | { ok: false; message: string };

/** Splits a command line into words as a POSIX shell would, without expansion. */
export function tokenize(line: string): Tokens {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: 'Unterminated single quote' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) return { ok: false, message: 'Unterminated double quote' };
      inWord = true;
    } else if (c === '\\') {
      // A backslash before a newline joins lines; before anything else it quotes it.
      if (i + 1 < line.length && line[i + 1] !== '\n') {
        word += line[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** Quotes a word so tokenize gives it back unchanged (single quotes where needed). */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return "'" + word.replace(/'/g, `'\\''`) + "'";
}
