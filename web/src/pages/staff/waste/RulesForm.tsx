/** The alert rules: editors of waste change them (audited); other staff see them as a list. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';
import { asText, numberOrText, textOrNull } from '../shared/formValues';
import { TextInput } from '../shared/inputs';
import { useCanWrite } from '../shared/useCanWrite';
import type { Rules } from './types';

type Form = Record<keyof Rules, string>;
const NUMBERS = ['thresholdPct', 'staleHours', 'sameValueCount'] as const;

export function RulesForm() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('waste');
  const r = (key: string) => t(`wasteStaff.rules.${key}`);
  const rules = useApi<Rules>('/api/waste/rules');
  const [form, setForm] = useState<Form>({ thresholdPct: '', staleHours: '', sameValueCount: '', email: '' });
  const [done, setDone] = useState('');
  const submit = useSubmit();
  const err = submit.fieldErrors;

  useEffect(() => {
    if (rules.data)
      setForm({
        thresholdPct: asText(rules.data.thresholdPct),
        staleHours: asText(rules.data.staleHours),
        sameValueCount: asText(rules.data.sameValueCount),
        email: asText(rules.data.email),
      });
  }, [rules.data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    await submit.run(async () => {
      const body = { ...Object.fromEntries(NUMBERS.map((k) => [k, numberOrText(form[k])])), email: textOrNull(form.email) };
      await api<Rules>('/api/waste/rules', { method: 'PUT', body });
      setDone(t('staffModules.saved'));
      rules.reload();
    });
  }

  return (
    <section aria-labelledby="waste-rules-title">
      <h2 id="waste-rules-title">{r('rulesTitle')}</h2>
      <p>{r('intro')}</p>
      {rules.loading && !rules.data ? <Loading /> : null}
      <ErrorNotice error={rules.error} />
      {rules.data && !canWrite ? (
        <dl>
          {NUMBERS.map((k) => (
            <div key={k}>
              <dt>{r(k)}</dt>
              <dd>{formatNumber(rules.data![k])}</dd>
            </div>
          ))}
          <div>
            <dt>{r('email')}</dt>
            <dd>{rules.data.email ?? r('noEmail')}</dd>
          </div>
        </dl>
      ) : null}
      {rules.data && canWrite ? (
        <form onSubmit={onSubmit} noValidate>
          <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
          <div className="staff-form-grid">
            {NUMBERS.map((k) => (
              <TextInput
                key={k}
                id={`rules-${k}`}
                label={r(k)}
                kind="number"
                required
                error={err[k]}
                value={form[k]}
                onChange={(v) => setForm({ ...form, [k]: v })}
              />
            ))}
          </div>
          <TextInput
            id="rules-email"
            label={t('staffModules.optional', { label: r('email') })}
            kind="email"
            error={err['email']}
            value={form.email}
            onChange={(v) => setForm({ ...form, email: v })}
          />
          <p className="actions">
            <SubmitButton pending={submit.pending}>{t('staffModules.save')}</SubmitButton>
          </p>
          <StatusNotice>{done || null}</StatusNotice>
        </form>
      ) : null}
    </section>
  );
}
