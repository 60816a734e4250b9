/**
 * The editable fields of a city service as the form holds them (text inputs hold strings) and the
 * conversion to the API body, so the create and the edit page send exactly what the API accepts.
 */
import { ApiError } from '../../../api/client';
import { todayIso } from '../../catalog/shared';
import type { Service, Status } from '../../catalog/types';

/** Fields the form holds as text (numbers and optional dates too, so an empty input stays empty). */
const TEXT_FIELDS = [
  'ref',
  'name',
  'description',
  'ozgId',
  'leikaKey',
  'themenfeldId',
  'lebenslageId',
  'effectiveDate',
  'note',
  'reasonNotOnline',
  'maturityLevel',
  'maturityModel',
  'efaProviderState',
  'onlineUrl',
  'office',
  'plannedGoLive',
  'rolloutProject',
  'notes',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type ServiceFormState = Record<TextField, string> &
  Pick<Service, 'local' | 'efa' | 'epaybl' | 'paymentMethods'> & { status: Status };

/** A blank service; a function so the effective date is today when the form opens. */
export function emptyService(): ServiceFormState {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, ''])) as Record<TextField, string>;
  return {
    ...text,
    effectiveDate: todayIso(),
    status: 'geplant',
    local: false,
    efa: false,
    epaybl: false,
    paymentMethods: [],
  };
}

export function formFromService(s: Service): ServiceFormState {
  return {
    ref: s.ref,
    name: s.name,
    description: s.description,
    ozgId: s.ozg?.id ?? '',
    leikaKey: s.leika?.key ?? '',
    local: s.local,
    themenfeldId: s.themenfeld ? String(s.themenfeld.id) : '',
    lebenslageId: s.lebenslage ? String(s.lebenslage.id) : '',
    status: s.status ?? 'geplant',
    effectiveDate: todayIso(),
    note: '',
    reasonNotOnline: s.reasonNotOnline,
    maturityLevel: s.maturityLevel === null ? '' : String(s.maturityLevel),
    maturityModel: s.maturityModel,
    efa: s.efa,
    efaProviderState: s.efaProviderState,
    onlineUrl: s.onlineUrl,
    epaybl: s.epaybl,
    paymentMethods: s.paymentMethods,
    office: s.office,
    plannedGoLive: s.plannedGoLive ?? '',
    rolloutProject: s.rolloutProject,
    notes: s.notes,
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const idOrNull = (v: string) => (v === '' ? null : Number(v));

/**
 * The API body. `current` is the status the service has now: the status is only sent when the
 * editor changed it, so editing another field with a past effective date never rewrites the status
 * that held on that date. A maturity level that is not a number goes to the server as is, which
 * answers with a field error.
 */
export function toBody(f: ServiceFormState, current?: Status | null): Record<string, unknown> {
  const maturity = f.maturityLevel.trim();
  return {
    ...(current === undefined && f.ref.trim() ? { ref: f.ref.trim() } : {}),
    name: f.name,
    description: f.description,
    ozgId: orNull(f.ozgId),
    leikaKey: orNull(f.leikaKey),
    local: f.local,
    themenfeldId: idOrNull(f.themenfeldId),
    lebenslageId: idOrNull(f.lebenslageId),
    ...(current === undefined || current !== f.status ? { status: f.status } : {}),
    effectiveDate: f.effectiveDate,
    note: f.note,
    reasonNotOnline: f.reasonNotOnline,
    maturityLevel: maturity === '' ? null : Number.isInteger(Number(maturity)) ? Number(maturity) : maturity,
    maturityModel: f.maturityModel,
    efa: f.efa,
    efaProviderState: f.efaProviderState,
    onlineUrl: f.onlineUrl.trim(),
    epaybl: f.epaybl,
    paymentMethods: f.paymentMethods,
    office: f.office,
    plannedGoLive: orNull(f.plannedGoLive),
    rolloutProject: f.rolloutProject,
    notes: f.notes,
  };
}

/**
 * Field errors keyed by their path below the body ("name", "targets.1.ozgId", "sourceIds"), so
 * forms with repeated groups can put each error beside its own input. List indexes of plain arrays
 * ("sourceIds.0") collapse to the array, which has one place for its errors.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const parts = e.field.replace(/^(body|query|params|querystring)\./, '').split('.');
    const key = parts[0] === 'targets' && parts.length > 2 ? parts.slice(0, 3).join('.') : (parts[0] ?? e.field);
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}
