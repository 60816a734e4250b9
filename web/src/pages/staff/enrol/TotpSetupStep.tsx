import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../../api/client';
import type { TotpConfirmed, TotpSetup } from '../../../api/types';
import { CopyButton } from '../../../components/CopyButton';
import { Field } from '../../../components/Field';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { groupInFours, svgDataUrl } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';

/**
 * Step 2: connect an authenticator app. The QR code arrives as SVG text and is shown through an
 * <img> data: URL, never injected as markup, so nothing in it can run.
 */
export function TotpSetupStep({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);
  const load = useSubmit();
  const form = useSubmit();

  async function start() {
    await load.run(async () => {
      setSetup(await api<TotpSetup>('/api/auth/totp/setup', { method: 'POST' }));
    });
  }

  useEffect(() => {
    headingRef.current?.focus();
    // Each setup call makes a new secret; StrictMode's double effect must not create two.
    if (started.current) return;
    started.current = true;
    void start();
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) {
      form.setFieldErrors({ code: t('staff.login.codeFormat') });
      return;
    }
    await form.run(async () => {
      const answer = await api<TotpConfirmed>('/api/auth/totp/confirm', { method: 'POST', body: { code: value } });
      setCsrfToken(answer.csrfToken);
      onConfirmed(answer.recoveryCodes);
    });
  }

  return (
    <section>
      <h2 id="enrol-totp-title" ref={headingRef} tabIndex={-1}>
        {t('staff.enrol.steps.totp')}
      </h2>
      <p>{t('staff.enrol.totpIntro')}</p>
      {load.pending ? <Loading /> : null}
      <ErrorNotice error={load.error}>
        <button type="button" className="button button--secondary" onClick={() => void start()}>
          {t('common.retry')}
        </button>
      </ErrorNotice>
      {setup ? (
        <>
          <figure className="qr">
            <img src={svgDataUrl(setup.qrSvg)} alt={t('staff.enrol.qrAlt')} width={200} height={200} />
          </figure>
          <h3>{t('staff.enrol.manualTitle')}</h3>
          <p>{t('staff.enrol.manualIntro')}</p>
          <p className="secret">
            {t('staff.enrol.secretLabel')}: <code>{groupInFours(setup.secret)}</code>
          </p>
          <p className="actions">
            <CopyButton text={setup.secret} label={t('staff.enrol.copySecret')} />
            <a href={setup.otpauthUrl}>{t('staff.enrol.openInApp')}</a>
          </p>
          <h3>{t('staff.enrol.confirmTitle')}</h3>
          <ErrorNotice error={form.error} />
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <Field
              id="enrol-code"
              label={t('staff.login.code')}
              hint={t('staff.login.codeHint')}
              error={form.fieldErrors['code']}
            >
              {(p) => (
                <input
                  {...p}
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
            <SubmitButton pending={form.pending}>{t('staff.enrol.confirm')}</SubmitButton>
          </form>
        </>
      ) : null}
    </section>
  );
}
