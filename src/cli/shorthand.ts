/**
 * The AWS CLI's shorthand syntax for structures, maps and lists:
 * `Key=Value,Other=[a,b],Nested={A=1,B=2}`, values quoted with '' or "" when
 * they hold commas or brackets. It gives strings, lists and objects; the
 * shape decides afterwards what each string means (coerce.ts).
 */

/** A parsed shorthand value: strings only at the leaves. */
export type Shorthand = string | Shorthand[] | { [key: string]: Shorthand };

/** Thrown for text that is not shorthand, with the CLI's wording. */
export class ShorthandError extends Error {}

/** Parses `Key=Value,...` into an object (the top level of a structure or map). */
export function parseShorthand(text: string): { [key: string]: Shorthand } {
  const p = new Parser(text);
  const out = p.keyvals('');
  if (p.i < text.length) p.fail('Expected: \',\', received: \'' + text[p.i] + '\'');
  return out;
}

/** Whether a word reads as shorthand (`Key=...`) rather than a bare value. */
export function looksLikeShorthand(text: string): boolean {
  return /^\s*[A-Za-z0-9_.:-]+\s*=/.test(text);
}

class Parser {
  i = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new ShorthandError(`Error parsing parameter: ${what}\n${this.text}\n${' '.repeat(this.i)}^`);
  }

  keyvals(closer: string): { [key: string]: Shorthand } {
    const out: { [key: string]: Shorthand } = {};
    for (;;) {
      this.space();
      const keyStart = this.i;
      while (this.i < this.text.length && /[A-Za-z0-9_.:\-/#@ ]/.test(this.text[this.i]) && this.text[this.i] !== '=') this.i++;
      const key = this.text.slice(keyStart, this.i).trim();
      if (key === '' || this.text[this.i] !== '=') this.fail(`Expected: '=', received: '${this.text[this.i] ?? 'EOF'}' for input:`);
      this.i++;
      if (key !== '__proto__') out[key] = this.value(closer, true);
      else this.value(closer, true);
      this.space();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      return out;
    }
  }

  /** One value; at a key's top level a bare `a,b` run after `=` continues until the next `Key=`. */
  value(closer: string, csvAllowed: boolean): Shorthand {
    this.space();
    const c = this.text[this.i];
    if (c === '[') {
      this.i++;
      const items: Shorthand[] = [];
      this.space();
      if (this.text[this.i] === ']') {
        this.i++;
        return items;
      }
      for (;;) {
        items.push(this.value(']', false));
        this.space();
        if (this.text[this.i] === ',') {
          this.i++;
          continue;
        }
        if (this.text[this.i] === ']') {
          this.i++;
          return items;
        }
        this.fail(`Expected: ']', received: '${this.text[this.i] ?? 'EOF'}' for input:`);
      }
    }
    if (c === '{') {
      this.i++;
      this.space();
      if (this.text[this.i] === '}') {
        this.i++;
        return {};
      }
      const obj = this.keyvals('}');
      if (this.text[this.i] !== '}') this.fail(`Expected: '}', received: '${this.text[this.i] ?? 'EOF'}' for input:`);
      this.i++;
      return obj;
    }
    const first = this.scalar(closer);
    if (!csvAllowed) return first;
    // `Key=a,b,c`: a comma not followed by `Name=` continues a list of values.
    const items = [first];
    while (this.text[this.i] === ',' && !looksLikeShorthand(this.text.slice(this.i + 1))) {
      this.i++;
      items.push(this.scalar(closer));
    }
    return items.length === 1 ? first : items;
  }

  scalar(closer: string): string {
    this.space();
    const c = this.text[this.i];
    if (c === '"' || c === "'") {
      const end = this.text.indexOf(c, this.i + 1);
      if (end < 0) this.fail(`Expected: '${c}', received: 'EOF' for input:`);
      const s = this.text.slice(this.i + 1, end);
      this.i = end + 1;
      return s;
    }
    const start = this.i;
    while (this.i < this.text.length && this.text[this.i] !== ',' && this.text[this.i] !== closer && !(closer === '}' && this.text[this.i] === ']')) this.i++;
    return this.text.slice(start, this.i).trim();
  }

  space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }
}
