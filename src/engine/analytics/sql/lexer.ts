/**
 * Tokens of the SQL subset (chevrotain). Keywords are case-insensitive and
 * yield to longer identifiers; "quoted identifiers" keep their case, as
 * Kinesis Data Analytics SQL creates them [KDA-SQL19 how-it-works-input.md].
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_$]*/ });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /"(?:[^"]|"")+"/, label: 'quoted identifier' });
export const StringLit = createToken({ name: 'StringLit', pattern: /'(?:[^']|'')*'/, label: 'string' });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, label: 'number' });
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n\r]*/, group: Lexer.SKIPPED });
const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });

function kw(word: string): TokenType {
  return createToken({ name: word, pattern: new RegExp(`${word}(?![A-Za-z0-9_$])`, 'i'), longer_alt: Identifier, label: word });
}

export const K = {
  CREATE: kw('CREATE'), OR: kw('OR'), REPLACE: kw('REPLACE'), STREAM: kw('STREAM'), PUMP: kw('PUMP'), AS: kw('AS'),
  INSERT: kw('INSERT'), INTO: kw('INTO'), SELECT: kw('SELECT'), FROM: kw('FROM'), WHERE: kw('WHERE'), GROUP: kw('GROUP'),
  BY: kw('BY'), HAVING: kw('HAVING'), WINDOWED: kw('WINDOWED'), WINDOW: kw('WINDOW'), STAGGER: kw('STAGGER'), PARTITION: kw('PARTITION'),
  RANGE: kw('RANGE'), ROWS: kw('ROWS'), PRECEDING: kw('PRECEDING'), INTERVAL: kw('INTERVAL'), OVER: kw('OVER'), TABLE: kw('TABLE'),
  CURSOR: kw('CURSOR'), DESCRIPTOR: kw('DESCRIPTOR'), WITH: kw('WITH'), WATERMARK: kw('WATERMARK'), FOR: kw('FOR'),
  METADATA: kw('METADATA'), VIRTUAL: kw('VIRTUAL'), AND: kw('AND'), NOT: kw('NOT'), SET: kw('SET'), TO: kw('TO'), CAST: kw('CAST'),
  ORDER: kw('ORDER'), ASC: kw('ASC'), DESC: kw('DESC'), DISTINCT: kw('DISTINCT'), NULL: kw('NULL'), IS: kw('IS'), TRUE: kw('TRUE'),
  FALSE: kw('FALSE'), RANDOM_CUT_FOREST: kw('RANDOM_CUT_FOREST'),
  MILLISECOND: kw('MILLISECOND'), SECOND: kw('SECOND'), MINUTE: kw('MINUTE'), HOUR: kw('HOUR'), DAY: kw('DAY'),
};

export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Semi = createToken({ name: 'Semi', pattern: /;/, label: "';'" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'" });
export const Compare = createToken({ name: 'Compare', pattern: /<>|!=|<=|>=|=|<|>/, label: 'comparison' });
export const Concat = createToken({ name: 'Concat', pattern: /\|\|/, label: "'||'" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: /%/, label: "'%'" });

export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, QuotedIdentifier, StringLit, NumberLit,
  ...Object.values(K), Identifier,
  LParen, RParen, Comma, Semi, Dot, Star, Compare, Concat, Plus, Minus, Slash, Percent,
];

/** The lexer, built once (token definitions are code, not simulation state). */
export const sqlLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
