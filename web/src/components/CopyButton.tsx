/** Copies text to the clipboard and says so in a live region (clipboard may be blocked). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy__result">
        {result === 'copied' ? t('common.copied') : result === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
