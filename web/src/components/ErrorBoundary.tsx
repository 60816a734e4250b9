/**
 * Last line of defence: a render error or a page chunk that fails to load (for example after a
 * new release replaced the files) shows a message with a reload button instead of a blank page.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="notice notice--error" role="alert">
        <p>{t('errors.pageFailed')}</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </button>
        </p>
      </div>
    </div>
  );
}

interface Props {
  /** Changing this value (e.g. the path) clears the error, so navigation recovers. */
  resetKey: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): Partial<{ failedAt: string | null }> {
    return { failedAt: '' };
  }

  static getDerivedStateFromProps(props: Props, state: { failedAt: string | null }) {
    // Remember where the error happened; leave the error state once the user navigates away.
    if (state.failedAt === '') return { failedAt: props.resetKey };
    if (state.failedAt !== null && state.failedAt !== props.resetKey) return { failedAt: null };
    return null;
  }

  override render() {
    return this.state.failedAt !== null ? <Fallback /> : this.props.children;
  }
}
