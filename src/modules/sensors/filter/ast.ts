/** The $filter / $orderby syntax tree. `pos` is the 0-based character offset in the source text. */

export type Literal =
  | { k: 'lit'; type: 'string'; value: string; pos: number }
  | { k: 'lit'; type: 'number'; value: number; pos: number }
  | { k: 'lit'; type: 'boolean'; value: boolean; pos: number }
  | { k: 'lit'; type: 'null'; value: null; pos: number }
  | { k: 'lit'; type: 'datetime'; value: string; pos: number }
  | { k: 'lit'; type: 'geometry'; value: string; pos: number };

export type BinaryOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or' | 'add' | 'sub' | 'mul' | 'div' | 'mod';

export type Node =
  | Literal
  | { k: 'path'; segs: string[]; pos: number }
  | { k: 'bin'; op: BinaryOp; l: Node; r: Node; pos: number }
  | { k: 'not'; e: Node; pos: number }
  | { k: 'neg'; e: Node; pos: number }
  | { k: 'call'; name: string; args: Node[]; pos: number };

export interface OrderItem {
  expr: Node;
  desc: boolean;
}

/** A problem in a query option, with the position to point the client at. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly position: number | undefined,
    readonly option = '$filter',
  ) {
    super(message);
  }
}
