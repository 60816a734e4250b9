/**
 * Recursive-descent parser for $filter and $orderby with the OData 4.0 precedence
 * (URL conventions §5.1.1.8), lowest first: or, and, not, eq/ne, gt/ge/lt/le, add/sub,
 * mul/div/mod, unary minus, primary. `not` binds to the comparison after it (FROST and the
 * SensorThings test suites read `not a lt 1 and b` as `(not a lt 1) and b`).
 * Limits on length and nesting keep hostile input cheap; every error names its position.
 */
import { QueryError, type BinaryOp, type Node, type OrderItem } from './ast.js';
import { tokenize, type Token } from './lexer.js';

export const MAX_FILTER_LENGTH = 4096;
const MAX_DEPTH = 64;

const EQUALITY = new Set(['eq', 'ne']);
const RELATIONAL = new Set(['gt', 'ge', 'lt', 'le']);
const ADDITIVE = new Set(['add', 'sub']);
const MULTIPLICATIVE = new Set(['mul', 'div', 'mod']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly option: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.t !== 'eof') this.i++;
    return t;
  }
  private fail(message: string, t: Token = this.peek()): never {
    const what = t.t === 'eof' ? 'end of input' : `'${String(t.v)}'`;
    throw new QueryError(`${message} at position ${t.pos} (found ${what})`, t.pos, this.option);
  }
  private isWord(word: string | Set<string>): boolean {
    const t = this.peek();
    return t.t === 'ident' && (typeof word === 'string' ? t.v === word : word.has(t.v));
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.t === 'punct' && t.v === p;
  }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail(`expected '${p}'`);
    this.next();
  }
  private enter(t: Token) {
    if (++this.depth > MAX_DEPTH) throw new QueryError(`expression nested too deeply (more than ${MAX_DEPTH} levels) at position ${t.pos}`, t.pos, this.option);
  }

  atEnd(): boolean {
    return this.peek().t === 'eof';
  }

  expectEnd(): void {
    if (!this.atEnd()) this.fail('unexpected token');
  }

  expr(): Node {
    return this.or();
  }

  private binaryLevel(ops: Set<string>, sub: () => Node): Node {
    let left = sub();
    while (this.isWord(ops)) {
      const t = this.next();
      const right = sub();
      left = { k: 'bin', op: t.v as BinaryOp, l: left, r: right, pos: t.pos };
    }
    return left;
  }

  private or(): Node {
    return this.binaryLevel(new Set(['or']), () => this.and());
  }
  private and(): Node {
    return this.binaryLevel(new Set(['and']), () => this.not());
  }
  private not(): Node {
    if (this.isWord('not')) {
      const t = this.next();
      this.enter(t);
      const e = this.not();
      this.depth--;
      return { k: 'not', e, pos: t.pos };
    }
    return this.equality();
  }
  private equality(): Node {
    return this.binaryLevel(EQUALITY, () => this.relational());
  }
  private relational(): Node {
    return this.binaryLevel(RELATIONAL, () => this.additive());
  }
  private additive(): Node {
    return this.binaryLevel(ADDITIVE, () => this.multiplicative());
  }
  private multiplicative(): Node {
    return this.binaryLevel(MULTIPLICATIVE, () => this.unary());
  }
  private unary(): Node {
    if (this.isPunct('-')) {
      const t = this.next();
      const n = this.peek();
      if (n.t === 'number') {
        this.next();
        return { k: 'lit', type: 'number', value: -n.v, pos: t.pos };
      }
      this.enter(t);
      const e = this.unary();
      this.depth--;
      return { k: 'neg', e, pos: t.pos };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.peek();
    switch (t.t) {
      case 'punct':
        if (t.v === '(') {
          this.next();
          this.enter(t);
          const e = this.expr();
          this.expectPunct(')');
          this.depth--;
          return e;
        }
        return this.fail('expected a value, property or function');
      case 'string':
        this.next();
        return { k: 'lit', type: 'string', value: t.v, pos: t.pos };
      case 'number':
        this.next();
        return { k: 'lit', type: 'number', value: t.v, pos: t.pos };
      case 'datetime':
        this.next();
        return { k: 'lit', type: 'datetime', value: t.v, pos: t.pos };
      case 'geo':
        this.next();
        return { k: 'lit', type: 'geometry', value: t.v, pos: t.pos };
      case 'eof':
        return this.fail('expected a value, property or function');
      case 'ident':
        return this.identifier();
    }
  }

  private identifier(): Node {
    const t = this.next() as Extract<Token, { t: 'ident' }>;
    if (t.v === 'true' || t.v === 'false') return { k: 'lit', type: 'boolean', value: t.v === 'true', pos: t.pos };
    if (t.v === 'null') return { k: 'lit', type: 'null', value: null, pos: t.pos };
    if (this.isPunct('(')) {
      const open = this.next();
      this.enter(open);
      const args: Node[] = [];
      if (!this.isPunct(')')) {
        args.push(this.expr());
        while (this.isPunct(',')) {
          this.next();
          args.push(this.expr());
        }
      }
      this.expectPunct(')');
      this.depth--;
      return { k: 'call', name: t.v, args, pos: t.pos };
    }
    const segs = [t.v];
    while (this.isPunct('/')) {
      this.next();
      const s = this.peek();
      if (s.t === 'ident') segs.push(s.v);
      else if (s.t === 'number' && Number.isInteger(s.v)) segs.push(String(s.v));
      else this.fail('expected a property name after /');
      this.next();
    }
    return { k: 'path', segs, pos: t.pos };
  }

  orderItem(): OrderItem {
    const expr = this.expr();
    let desc = false;
    if (this.isWord('asc') || this.isWord('desc')) desc = this.next().v === 'desc';
    return { expr, desc };
  }

  orderList(): OrderItem[] {
    const items = [this.orderItem()];
    while (this.isPunct(',')) {
      this.next();
      items.push(this.orderItem());
    }
    this.expectEnd();
    return items;
  }
}

function checkLength(text: string, option: string) {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new QueryError(`${option} is longer than ${MAX_FILTER_LENGTH} characters (position ${MAX_FILTER_LENGTH})`, MAX_FILTER_LENGTH, option);
  }
  if (text.trim() === '') throw new QueryError(`${option} is empty (position 0)`, 0, option);
}

export function parseFilter(text: string): Node {
  checkLength(text, '$filter');
  const p = new Parser(tokenize(text, '$filter'), '$filter');
  const e = p.expr();
  p.expectEnd();
  return e;
}

export function parseOrderBy(text: string): OrderItem[] {
  checkLength(text, '$orderby');
  return new Parser(tokenize(text, '$orderby'), '$orderby').orderList();
}
