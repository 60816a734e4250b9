import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../../api/client';
import type { StageAnswer } from '../../../api/types';
import { useSession } from '../../../auth/SessionContext';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';

/** Step 2: the 6-digit TOTP code, or one of the recovery codes when the phone is not at hand. */
export function SecondFactorStep() {
  const { t } = useTranslation();
  const { refresh, clear } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const form = useSubmit();
  const cancel = useSubmit();

  // Focus follows the step and the toggle, so the user can type the code straight away.
  useEffect(() => inputRef.current?.focus(), [useRecovery]);

  function toggle() {
    setUseRecovery((v) => !v);
    setCode('');
    form.reset();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    const value = useRecovery ? code.trim() : code.replace(/\s+/g, '');
    if (!useRecovery && !/^\d{6}$/.test(value)) {
      form.setFieldErrors({ code: t('staff.login.codeFormat') });
      return;
    }
    if (useRecovery && !value) {
      form.setFieldErrors({ recoveryCode: t('staff.login.recoveryRequired') });
      return;
    }
    await form.run(async () => {
      const body = useRecovery ? { recoveryCode: value } : { code: value };
      const answer = await api<StageAnswer>('/api/auth/mfa', { method: 'POST', body });
      setCsrfToken(answer.csrfToken);
      await refresh();
    });
  }

  async function startOver() {
    await cancel.run(async () => {
      await api('/api/auth/logout', { method: 'POST' });
    });
    clear();
  }

  const fe = form.fieldErrors;
  return (
    <section>
      <h2 id="login-mfa-title">{t('staff.login.mfaStep')}</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {useRecovery ? (
          <Field
            id="login-recovery"
            label={t('staff.login.recoveryCode')}
            hint={t('staff.login.recoveryHint')}
            error={fe['recoveryCode']}
          >
            {(p) => (
              <input
                {...p}
                ref={inputRef}
                name="recoveryCode"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
        ) : (
          <Field id="login-code" label={t('staff.login.code')} hint={t('staff.login.codeHint')} error={fe['code']}>
            {(p) => (
              <input
                {...p}
                ref={inputRef}
                name="code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                className="input--code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="actions">
          <SubmitButton pending={form.pending}>{t('staff.login.verify')}</SubmitButton>
          <button type="button" className="button button--link" onClick={toggle}>
            {useRecovery ? t('staff.login.useApp') : t('staff.login.useRecovery')}
          </button>
        </div>
      </form>
      <p>
        <button type="button" className="button button--link" onClick={() => void startOver()}>
          {t('staff.login.startOver')}
        </button>
      </p>
    </section>
  );
}
