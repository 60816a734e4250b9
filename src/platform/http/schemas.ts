/** Schemas shared by every module's routes. */
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/**
 * A record id (or any positive whole number naming a row) as JSON and JavaScript can hold it exactly:
 * a larger one is a 400 naming the field, not a database overflow.
 */
export const RecordId = () => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const IdParams = Type.Object({ id: RecordId() });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'page size (max 500)' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

/** Standard error responses for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));

export const OkSchema = Type.Object({ ok: Type.Literal(true) });

const NULL_IN_TYPE_LIST = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * `schema` or null. The server runs Ajv with `coerceTypes`, and Ajv coerces "", 0 and false to null
 * wherever a `{ type: 'null' }` is checked — so the obvious `anyOf: [schema, { type: 'null' }]` turns
 * a value the first branch rejects (0 for an id ≥ 1, "" for a date) into null, and bad input silently
 * clears the field instead of answering 400 with the field's name.
 *
 * - A single primitive type becomes a type list, `{ type: ['integer', 'null'], minimum: 1 }`: a value of
 *   the primitive type is checked against the keywords (minLength, format, minimum … apply only to
 *   that type), so 0 or "" fail there. Ajv still turns "" into null for a nullable number, integer or
 *   boolean ("" is not coercible to them) — an emptied input clearing the field, as in a query string.
 * - Anything else (objects, arrays, enums, unions) becomes `anyOf: [{ const: null }, schema]`: `const`
 *   is not a type, so nothing is coerced to null, and null goes first because with
 *   `coerceTypes: 'array'` an array branch would wrap null into `[null]` before `const` saw it.
 *
 * Both are plain JSON Schema for the OpenAPI 3.1 document (which writes the `const` as `enum: [null]`);
 * the static type stays `T | null`, so handlers keep their types.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type } = schema as { type?: unknown };
  if (typeof type === 'string' && NULL_IN_TYPE_LIST.has(type) && !('const' in schema) && !('enum' in schema)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>(Type.Union([Type.Unsafe<null>({ const: null }), schema]));
}
