/** Form fields shared by the Open311 POST and the web form: coordinates, attribute[CODE], media files. */
import { AppError } from '../../platform/http/errors.js';

export function numberField(v: unknown, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const n = Number(v);
  if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) {
    throw new AppError('REPORTS_COORDINATE_INVALID', `${field} must be a decimal number in WGS84 degrees.`, { field: `body.${field}` });
  }
  return n;
}

/** attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2 → { CODE: v | [v1, v2] } */
export function attributesOf(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(key);
    if (!m) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    out[m[1]!] = m[2] ? values : values.length === 1 ? values[0]! : values;
  }
  return out;
}

export function mediaOf(body: Record<string, unknown>): Buffer[] {
  return ['media', 'media[]'].flatMap((k) => {
    const v = body[k];
    return (Array.isArray(v) ? v : [v]).filter((x): x is Buffer => Buffer.isBuffer(x));
  });
}

/**
 * A cut-off or garbled multipart body makes the parser (busboy) throw a plain Error, which would be a
 * 500: it is the client's fault, so it becomes a 400 naming the body.
 */
export function asClientError(error: unknown): unknown {
  const e = error as { statusCode?: unknown; message?: unknown };
  if (e && e.statusCode === undefined && typeof e.message === 'string' && /^(Unexpected end of (multipart|form)|Malformed (part header|urlencoded form))/i.test(e.message)) {
    return new AppError('REPORTS_BODY_MALFORMED', `The form data could not be read: ${e.message}.`, { field: 'body' });
  }
  return error;
}
