/** Tokenises OData/SensorThings filter text. Every token remembers its offset for error messages. */
import { QueryError } from './ast.js';

export type Token =
  | { t: 'ident'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'datetime'; v: string; pos: number }
  | { t: 'geo'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ',' | '/' | '-'; pos: number }
  | { t: 'eof'; v: ''; pos: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_@$][A-Za-z0-9_.@$]*/;

export function tokenize(text: string, option = '$filter'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '/' || c === '-') {
      tokens.push({ t: 'punct', v: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readString(text, i, option);
      tokens.push({ t: 'string', v: value, pos: i });
      i = end;
      continue;
    }
    const rest = text.slice(i, i + 40);
    if (c >= '0' && c <= '9') {
      const dt = DATETIME.exec(rest);
      if (dt && dt[0].length > 4 && dt[0].includes('-')) {
        tokens.push({ t: 'datetime', v: dt[0], pos: i });
        i += dt[0].length;
        continue;
      }
      const num = NUMBER.exec(text.slice(i, i + 400));
      if (num) {
        const value = Number(num[0]);
        if (!Number.isFinite(value)) throw new QueryError(`number too large at position ${i}`, i, option);
        tokens.push({ t: 'number', v: value, pos: i });
        i += num[0].length;
        continue;
      }
    }
    const id = IDENT.exec(text.slice(i, i + 400));
    if (id) {
      const word = id[0];
      // geography'POINT(1 2)' and geometry'…' are one literal.
      if ((word === 'geography' || word === 'geometry') && text[i + word.length] === "'") {
        const [value, end] = readString(text, i + word.length, option);
        tokens.push({ t: 'geo', v: value, pos: i });
        i = end;
        continue;
      }
      tokens.push({ t: 'ident', v: word, pos: i });
      i += word.length;
      continue;
    }
    throw new QueryError(`unexpected character '${c}' at position ${i}`, i, option);
  }
  tokens.push({ t: 'eof', v: '', pos: text.length });
  return tokens;
}

function readString(text: string, start: number, option: string): [string, number] {
  let i = start + 1;
  let out = '';
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) throw new QueryError(`unterminated string starting at position ${start}`, start, option);
    out += text.slice(i, q);
    if (text[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    return [out, q + 1];
  }
}
