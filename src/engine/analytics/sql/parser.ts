/**
 * The SQL subset's grammar (chevrotain EmbeddedActionsParser), producing the
 * plain-data AST of ast.ts directly. Both dialects share one grammar: legacy
 * CREATE STREAM / CREATE PUMP, and Flink CREATE TABLE ... WITH / INSERT INTO.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import { allTokens, Comma, Compare, Concat, Dot, Identifier, K, LParen, Minus, NumberLit, Percent, Plus, QuotedIdentifier, RParen, Semi, Slash, Star, StringLit } from './lexer';
import type { ColumnDef, Expr, FromItem, Loc, Program, Select, SelectItem, Statement, TimeUnit, WindowSpec } from './ast';
import { UNIT_MS } from './ast';

const UNITS: TokenType[] = [K.MILLISECOND, K.SECOND, K.MINUTE, K.HOUR, K.DAY];

function loc(t: IToken): Loc {
  return { line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}
function unquote(t: IToken): string {
  // During chevrotain's grammar recording tokens are placeholders without an image.
  const img = t.image ?? '';
  return t.tokenType === QuotedIdentifier ? img.slice(1, -1).replace(/""/g, '"') : img.toUpperCase();
}
function strValue(t: IToken): string {
  return (t.image ?? '').slice(1, -1).replace(/''/g, "'");
}

/** The parser; one instance is reused (grammar recording is costly), its input reset per parse. */
export class SqlParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  public program = this.RULE('program', (): Program => {
    const statements: Statement[] = [];
    this.MANY(() => {
      statements.push(this.SUBRULE(this.statement));
      this.OPTION(() => this.CONSUME(Semi));
    });
    return { statements };
  });

  private statement = this.RULE('statement', (): Statement =>
    this.OR([
      { ALT: () => this.SUBRULE(this.createStmt) },
      { ALT: () => this.SUBRULE(this.insertStmt) },
      { ALT: () => this.SUBRULE(this.setStmt) },
    ]),
  );

  private createStmt = this.RULE('createStmt', (): Statement => {
    const start = this.CONSUME(K.CREATE);
    this.OPTION(() => {
      this.CONSUME(K.OR);
      this.CONSUME(K.REPLACE);
    });
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K.STREAM);
          const name = this.SUBRULE(this.name);
          this.CONSUME(LParen);
          const columns = this.SUBRULE(this.columnDefs);
          this.CONSUME(RParen);
          return { k: 'createStream', name, columns, loc: loc(start) } as Statement;
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.PUMP);
          const name = this.SUBRULE2(this.name);
          this.CONSUME(K.AS);
          this.CONSUME(K.INSERT);
          this.CONSUME(K.INTO);
          const into = this.SUBRULE3(this.name);
          const select = this.SUBRULE(this.select);
          return { k: 'createPump', name, into, select, loc: loc(start) } as Statement;
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.TABLE);
          const name = this.SUBRULE4(this.name);
          this.CONSUME2(LParen);
          const columns: ColumnDef[] = [];
          let watermark: { column: string; delayMs: number } | undefined;
          this.AT_LEAST_ONE_SEP({
            SEP: Comma,
            DEF: () =>
              this.OR2([
                {
                  ALT: () => {
                    this.CONSUME(K.WATERMARK);
                    this.CONSUME(K.FOR);
                    const column = this.SUBRULE5(this.name);
                    this.CONSUME2(K.AS);
                    const e = this.SUBRULE(this.expr);
                    watermark = { column, delayMs: watermarkDelay(e, column) };
                  },
                },
                { ALT: () => { columns.push(this.SUBRULE(this.columnDef)); } },
              ]),
          });
          this.CONSUME2(RParen);
          this.CONSUME(K.WITH);
          this.CONSUME3(LParen);
          const props: Record<string, string> = {};
          this.MANY_SEP({
            SEP: Comma,
            DEF: () => {
              const key = this.CONSUME(StringLit);
              this.CONSUME(Compare);
              const value = this.CONSUME2(StringLit);
              this.ACTION(() => { props[strValue(key)] = strValue(value); });
            },
          });
          this.CONSUME3(RParen);
          return { k: 'createTable', name, columns, ...(watermark !== undefined ? { watermark } : {}), props, loc: loc(start) } as Statement;
        },
      },
    ]);
  });

  private insertStmt = this.RULE('insertStmt', (): Statement => {
    const start = this.CONSUME(K.INSERT);
    this.CONSUME(K.INTO);
    const into = this.SUBRULE(this.name);
    const select = this.SUBRULE(this.select);
    return { k: 'insert', into, select, loc: loc(start) };
  });

  private setStmt = this.RULE('setStmt', (): Statement => {
    const start = this.CONSUME(K.SET);
    const key = this.CONSUME(StringLit);
    this.CONSUME(Compare);
    const value = this.CONSUME2(StringLit);
    return { k: 'set', key: this.ACTION(() => strValue(key)), value: this.ACTION(() => strValue(value)), loc: loc(start) };
  });

  private columnDefs = this.RULE('columnDefs', (): ColumnDef[] => {
    const out: ColumnDef[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { out.push(this.SUBRULE(this.columnDef)); } });
    return out;
  });

  private columnDef = this.RULE('columnDef', (): ColumnDef => {
    const name = this.SUBRULE(this.name);
    const type = this.SUBRULE(this.typeName);
    let metadataFrom: string | undefined;
    this.OPTION(() => {
      this.CONSUME(K.METADATA);
      metadataFrom = 'timestamp';
      this.OPTION2(() => {
        this.CONSUME(K.FROM);
        const t = this.CONSUME(StringLit);
        this.ACTION(() => { metadataFrom = strValue(t); });
      });
      this.OPTION3(() => this.CONSUME(K.VIRTUAL));
    });
    return { name, type, ...(metadataFrom !== undefined ? { metadataFrom } : {}) };
  });

  private typeName = this.RULE('typeName', (): string => {
    const t = this.CONSUME(Identifier);
    let args = '';
    this.OPTION(() => {
      this.CONSUME(LParen);
      const a = this.CONSUME(NumberLit);
      args = `(${a.image}`;
      this.OPTION2(() => {
        this.CONSUME(Comma);
        const b = this.CONSUME2(NumberLit);
        args += `,${b.image}`;
      });
      args += ')';
      this.CONSUME(RParen);
    });
    return (t.image ?? '').toUpperCase() + args;
  });

  private name = this.RULE('name', (): string => {
    const t = this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(QuotedIdentifier) }]);
    return unquote(t);
  });

  public select = this.RULE('select', (): Select => {
    const start = this.CONSUME(K.SELECT);
    this.OPTION(() => this.CONSUME(K.STREAM));
    const items: SelectItem[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { items.push(this.SUBRULE(this.selectItem)); } });
    this.CONSUME(K.FROM);
    const from = this.SUBRULE(this.fromItem);
    const sel: Select = { items, from, windows: {}, loc: loc(start) };
    this.OPTION2(() => {
      this.CONSUME(K.WHERE);
      sel.where = this.SUBRULE(this.expr);
    });
    this.OPTION3(() => {
      this.CONSUME(K.GROUP);
      this.CONSUME(K.BY);
      sel.groupBy = this.SUBRULE(this.exprList);
    });
    this.OPTION4(() => {
      // WINDOWED BY STAGGER goes where GROUP BY would, before HAVING [KDA-SQL19 windowed-sql.md].
      this.CONSUME(K.WINDOWED);
      this.CONSUME2(K.BY);
      this.CONSUME(K.STAGGER);
      this.CONSUME(LParen);
      this.CONSUME(K.PARTITION);
      this.CONSUME3(K.BY);
      const partition = this.SUBRULE2(this.exprList);
      this.CONSUME(K.RANGE);
      const rangeMs = this.SUBRULE(this.intervalLit);
      this.CONSUME(RParen);
      sel.stagger = { partition, rangeMs };
    });
    this.OPTION5(() => {
      this.CONSUME(K.HAVING);
      sel.having = this.SUBRULE2(this.expr);
    });
    this.OPTION6(() => {
      this.CONSUME(K.WINDOW);
      this.AT_LEAST_ONE_SEP2({
        SEP: Comma,
        DEF: () => {
          const n = this.SUBRULE(this.name);
          this.CONSUME(K.AS);
          this.CONSUME2(LParen);
          const spec = this.SUBRULE(this.windowSpec);
          this.CONSUME2(RParen);
          this.ACTION(() => { sel.windows[n] = spec; });
        },
      });
    });
    this.OPTION7(() => {
      this.CONSUME(K.ORDER);
      this.CONSUME4(K.BY);
      this.AT_LEAST_ONE_SEP3({
        SEP: Comma,
        DEF: () => {
          this.SUBRULE3(this.expr);
          this.OPTION8(() => this.OR([{ ALT: () => this.CONSUME(K.ASC) }, { ALT: () => this.CONSUME(K.DESC) }]));
        },
      });
    });
    return sel;
  });

  private selectItem = this.RULE('selectItem', (): SelectItem =>
    this.OR([
      { ALT: () => { this.CONSUME(Star); return { expr: { k: 'star' } } as SelectItem; } },
      {
        ALT: () => {
          const expr = this.SUBRULE(this.expr);
          let alias: string | undefined;
          this.OPTION(() => {
            this.OPTION2(() => this.CONSUME(K.AS));
            alias = this.SUBRULE(this.name);
          });
          return { expr, ...(alias !== undefined ? { alias } : {}) };
        },
      },
    ]),
  );

  private fromItem = this.RULE('fromItem', (): FromItem => {
    const item = this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(K.TABLE);
          this.CONSUME(LParen);
          const f = this.OR2([
            {
              ALT: () => {
                this.CONSUME(K.RANDOM_CUT_FOREST);
                this.CONSUME2(LParen);
                this.CONSUME(K.CURSOR);
                this.CONSUME3(LParen);
                const inner = this.SUBRULE(this.select);
                this.CONSUME3(RParen);
                const args: number[] = [];
                this.MANY(() => {
                  this.CONSUME(Comma);
                  const n = this.CONSUME(NumberLit);
                  args.push(Number(n.image));
                });
                this.CONSUME2(RParen);
                return { k: 'rcf', inner, args, loc: loc(t) } as FromItem;
              },
            },
            {
              ALT: () => {
                const fn = this.CONSUME(Identifier);
                this.CONSUME4(LParen);
                this.CONSUME2(K.TABLE);
                const table = this.SUBRULE(this.name);
                this.CONSUME2(Comma);
                this.CONSUME(K.DESCRIPTOR);
                this.CONSUME5(LParen);
                const timeCol = this.SUBRULE2(this.name);
                this.CONSUME5(RParen);
                const intervals: number[] = [];
                this.AT_LEAST_ONE(() => {
                  this.CONSUME3(Comma);
                  intervals.push(this.SUBRULE(this.intervalLit));
                });
                this.CONSUME4(RParen);
                const name = (fn.image ?? '').toUpperCase();
                if (name !== 'TUMBLE' && name !== 'HOP' && name !== 'CUMULATE' && !this.RECORDING_PHASE) {
                  this.ACTION(() => { throw Object.assign(new Error(`unknown window function ${fn.image}; expected TUMBLE, HOP or CUMULATE`), { token: fn }); });
                }
                return { k: 'tvf', fn: name as 'TUMBLE', table, timeCol, intervals, loc: loc(fn) } as FromItem;
              },
            },
          ]);
          this.CONSUME(RParen);
          return f;
        },
      },
      {
        ALT: () => {
          const t = this.LA(1);
          const name = this.SUBRULE3(this.name);
          return { k: 'stream', name, loc: loc(t) } as FromItem;
        },
      },
    ]);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(K.AS));
      const alias = this.SUBRULE4(this.name);
      this.ACTION(() => { item.alias = alias; });
    });
    return item;
  });

  private windowSpec = this.RULE('windowSpec', (): WindowSpec => {
    this.CONSUME(K.PARTITION);
    this.CONSUME(K.BY);
    const partition = this.SUBRULE(this.exprList);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K.RANGE);
          const rangeMs = this.SUBRULE(this.intervalLit);
          this.CONSUME(K.PRECEDING);
          return { partition, rangeMs };
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.ROWS);
          const n = this.CONSUME(NumberLit);
          this.CONSUME2(K.PRECEDING);
          return { partition, rows: Number(n.image) };
        },
      },
    ]);
  });

  /** INTERVAL '<n>' <unit>, in milliseconds. */
  private intervalLit = this.RULE('intervalLit', (): number => {
    this.CONSUME(K.INTERVAL);
    const n = this.CONSUME(StringLit);
    const u = this.SUBRULE(this.unit);
    return this.ACTION(() => Number(strValue(n)) * UNIT_MS[u]);
  });

  private unit = this.RULE('unit', (): TimeUnit => {
    const t = this.OR(UNITS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
    return (t.image ?? '').toUpperCase() as TimeUnit;
  });

  private exprList = this.RULE('exprList', (): Expr[] => {
    const out: Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { out.push(this.SUBRULE(this.expr)); } });
    return out;
  });

  public expr = this.RULE('expr', (): Expr => {
    let l = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(K.OR);
      const r = this.SUBRULE2(this.andExpr);
      l = { k: 'bin', op: 'OR', l, r };
    });
    return l;
  });

  private andExpr = this.RULE('andExpr', (): Expr => {
    let l = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(K.AND);
      const r = this.SUBRULE2(this.notExpr);
      l = { k: 'bin', op: 'AND', l, r };
    });
    return l;
  });

  private notExpr = this.RULE('notExpr', (): Expr =>
    this.OR([
      { ALT: () => { this.CONSUME(K.NOT); return { k: 'not', e: this.SUBRULE(this.notExpr) } as Expr; } },
      { ALT: () => this.SUBRULE(this.compareExpr) },
    ]),
  );

  private compareExpr = this.RULE('compareExpr', (): Expr => {
    let l = this.SUBRULE(this.addExpr);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            const op = this.CONSUME(Compare);
            const r = this.SUBRULE2(this.addExpr);
            l = { k: 'bin', op: op.image === '!=' ? '<>' : op.image, l, r };
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.IS);
            let negated = false;
            this.OPTION2(() => { this.CONSUME(K.NOT); negated = true; });
            this.CONSUME(K.NULL);
            l = { k: 'isNull', e: l, negated };
          },
        },
      ]),
    );
    return l;
  });

  private addExpr = this.RULE('addExpr', (): Expr => {
    let l = this.SUBRULE(this.mulExpr);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }, { ALT: () => this.CONSUME(Concat) }]);
      const r = this.SUBRULE2(this.mulExpr);
      l = { k: 'bin', op: op.image, l, r };
    });
    return l;
  });

  private mulExpr = this.RULE('mulExpr', (): Expr => {
    let l = this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Star) }, { ALT: () => this.CONSUME(Slash) }, { ALT: () => this.CONSUME(Percent) }]);
      const r = this.SUBRULE2(this.unaryExpr);
      l = { k: 'bin', op: op.image, l, r };
    });
    return l;
  });

  private unaryExpr = this.RULE('unaryExpr', (): Expr =>
    this.OR([
      { ALT: () => { this.CONSUME(Minus); return { k: 'neg', e: this.SUBRULE(this.unaryExpr) } as Expr; } },
      { ALT: () => this.SUBRULE(this.primary) },
    ]),
  );

  private primary = this.RULE('primary', (): Expr =>
    this.OR([
      { ALT: () => ({ k: 'num', v: Number(this.CONSUME(NumberLit).image) }) as Expr },
      { ALT: () => { const t = this.CONSUME(StringLit); return { k: 'str', v: this.ACTION(() => strValue(t)) } as Expr; } },
      { ALT: () => { this.CONSUME(K.TRUE); return { k: 'bool', v: true } as Expr; } },
      { ALT: () => { this.CONSUME(K.FALSE); return { k: 'bool', v: false } as Expr; } },
      { ALT: () => { this.CONSUME(K.NULL); return { k: 'null' } as Expr; } },
      { ALT: () => ({ k: 'interval', ms: this.SUBRULE(this.intervalLit) }) as Expr },
      {
        ALT: () => {
          this.CONSUME(LParen);
          const e = this.SUBRULE(this.expr);
          this.CONSUME(RParen);
          return e;
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.CAST);
          this.CONSUME2(LParen);
          const e = this.SUBRULE2(this.expr);
          this.CONSUME(K.AS);
          const type = this.SUBRULE(this.typeName);
          this.CONSUME2(RParen);
          return { k: 'cast', e, type } as Expr;
        },
      },
      { ALT: () => this.SUBRULE(this.callOrColumn) },
    ]),
  );

  private callOrColumn = this.RULE('callOrColumn', (): Expr => {
    const first = this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(QuotedIdentifier) }]);
    return this.OR2([
      {
        ALT: () => {
          this.CONSUME(LParen);
          const args: Expr[] = [];
          let star = false;
          let to: TimeUnit | undefined;
          let by: number | undefined;
          this.OPTION(() =>
            this.OR3([
              { ALT: () => { this.CONSUME(Star); star = true; } },
              {
                ALT: () => {
                  this.OPTION2(() => this.CONSUME(K.DISTINCT));
                  args.push(this.SUBRULE(this.expr));
                  this.OPTION3(() =>
                    this.OR4([
                      { ALT: () => { this.CONSUME(K.TO); to = this.SUBRULE(this.unit); } },
                      { ALT: () => { this.CONSUME(K.BY); by = this.SUBRULE(this.intervalLit); } },
                      { ALT: () => { this.MANY(() => { this.CONSUME(Comma); args.push(this.SUBRULE2(this.expr)); }); } },
                    ]),
                  );
                },
              },
            ]),
          );
          this.CONSUME(RParen);
          let over: string | WindowSpec | undefined;
          this.OPTION4(() => {
            this.CONSUME(K.OVER);
            over = this.OR5([
              { ALT: () => this.SUBRULE(this.name) },
              {
                ALT: () => {
                  this.CONSUME2(LParen);
                  const spec = this.SUBRULE(this.windowSpec);
                  this.CONSUME2(RParen);
                  return spec;
                },
              },
            ]);
          });
          return { k: 'call', fn: (first.image ?? '').toUpperCase(), args, star, ...(to !== undefined ? { to } : {}), ...(by !== undefined ? { by } : {}), ...(over !== undefined ? { over } : {}), loc: loc(first) } as Expr;
        },
      },
      {
        ALT: () => {
          let name = unquote(first);
          let table: string | undefined;
          this.OPTION5(() => {
            this.CONSUME(Dot);
            const second = this.OR6([{ ALT: () => this.CONSUME2(Identifier) }, { ALT: () => this.CONSUME2(QuotedIdentifier) }]);
            table = name;
            name = unquote(second);
          });
          return { k: 'col', name, ...(table !== undefined ? { table } : {}), loc: loc(first) } as Expr;
        },
      },
    ]);
  });
}

/** `WATERMARK FOR ts AS ts - INTERVAL 'n' unit`: the delay n in ms (0 for `AS ts`). */
function watermarkDelay(e: Expr, column: string): number {
  if (e.k === 'col' && e.name === column) return 0;
  if (e.k === 'bin' && e.op === '-' && e.l.k === 'col' && e.r.k === 'interval') return e.r.ms;
  return 0;
}
