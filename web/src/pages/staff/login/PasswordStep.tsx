import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../../api/client';
import type { StageAnswer } from '../../../api/types';
import { useSession } from '../../../auth/SessionContext';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';

/** Step 1: e-mail and password. Locked accounts (423) and rate limits (429) explain themselves in `detail`. */
export function PasswordStep() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    const missing: Record<string, string> = {};
    if (!email.trim()) missing['email'] = t('staff.login.emailRequired');
    if (!password) missing['password'] = t('staff.login.passwordRequired');
    if (Object.keys(missing).length) {
      form.setFieldErrors(missing);
      return;
    }
    await form.run(async () => {
      const answer = await api<StageAnswer>('/api/auth/login', { method: 'POST', body: { email: email.trim(), password } });
      setCsrfToken(answer.csrfToken);
      await refresh(); // the new stage decides what LoginPage shows next
    });
  }

  const fe = form.fieldErrors;
  return (
    <section>
      <h2 id="login-password-title">{t('staff.login.passwordStep')}</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field id="login-email" label={t('staff.login.email')} error={fe['email']}>
          {(p) => (
            <input
              {...p}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="login-password" label={t('staff.login.password')} error={fe['password']}>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton pending={form.pending}>{t('staff.login.submit')}</SubmitButton>
      </form>
    </section>
  );
}
