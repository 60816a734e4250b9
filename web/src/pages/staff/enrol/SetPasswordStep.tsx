import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../../../api/client';
import type { StageAnswer } from '../../../api/types';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';

export const MIN_PASSWORD_LENGTH = 12;

/** Step 1: choose a password. The server also rejects common passwords (field error 400). */
export function SetPasswordStep({ token, onDone }: { token: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useSubmit();

  useEffect(() => headingRef.current?.focus(), []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD_LENGTH)
      problems['password'] = t('staff.enrol.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    else if (password !== repeat) problems['repeat'] = t('staff.enrol.passwordMismatch');
    if (Object.keys(problems).length) {
      form.setFieldErrors(problems);
      return;
    }
    await form.run(async () => {
      const answer = await api<StageAnswer>('/api/auth/enrolment', { method: 'POST', body: { token, password } });
      setCsrfToken(answer.csrfToken);
      await onDone();
    });
  }

  const linkUnusable = form.error instanceof ApiError && (form.error.status === 404 || form.error.status === 410);
  const fe = form.fieldErrors;
  return (
    <section>
      <h2 id="enrol-password-title" ref={headingRef} tabIndex={-1}>
        {t('staff.enrol.steps.password')}
      </h2>
      <ErrorNotice error={form.error}>{linkUnusable ? <p>{t('staff.enrol.askForNewLink')}</p> : null}</ErrorNotice>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          id="enrol-password"
          label={t('staff.enrol.password')}
          hint={t('staff.enrol.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          error={fe['password']}
        >
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id="enrol-repeat" label={t('staff.enrol.repeat')} error={fe['repeat']}>
          {(p) => (
            <input
              {...p}
              name="repeat"
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton pending={form.pending}>{t('staff.enrol.setPassword')}</SubmitButton>
      </form>
    </section>
  );
}
