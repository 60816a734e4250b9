import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton';

/** Step 3: the recovery codes, shown exactly once. */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function download() {
    const blob = new Blob([`${t('staff.enrol.recoveryFileHeader')}\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'confluentes-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section>
      <h2 id="enrol-recovery-title" ref={headingRef} tabIndex={-1}>
        {t('staff.enrol.steps.recovery')}
      </h2>
      <div className="notice notice--info">
        <p>{t('staff.enrol.recoveryIntro')}</p>
      </div>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p className="actions">
        <CopyButton text={codes.join('\n')} label={t('staff.enrol.copyCodes')} />
        <button type="button" className="button button--secondary" onClick={download}>
          {t('staff.enrol.downloadCodes')}
        </button>
      </p>
      <p>
        <button type="button" className="button" onClick={onDone}>
          {t('staff.enrol.savedThem')}
        </button>
      </p>
    </section>
  );
}
