/**
 * /vereine/einladung?token=… — the link of an invitation e-mail. The visitor accepts with a button
 * (a mail scanner that opens the link must not accept it); the token goes to
 * POST /api/community/invitations/accept. A logged-in session is read first so its CSRF token goes
 * along; without an account yet the answer leads on to setting password and authenticator.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { SessionProvider } from '../../auth/SessionContext';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSubmit } from '../../lib/useSubmit';
import type { InvitationAnswer } from './types';
import './i18n';

export default function InvitationPage() {
  return (
    <SessionProvider>
      <Invitation />
    </SessionProvider>
  );
}

function Invitation() {
  const { t } = useTranslation();
  useDocumentTitle(t('community.invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const submit = useSubmit();
  const [answer, setAnswer] = useState<InvitationAnswer | null>(null);

  async function accept() {
    if (submit.pending) return;
    await submit.run(async () => {
      setAnswer(await api<InvitationAnswer>('/api/community/invitations/accept', { method: 'POST', body: { token } }));
    });
  }

  const error = submit.error;
  const code = error instanceof ApiError ? error.problem.code : '';
  return (
    <div className="page page--narrow">
      <h1>{t('community.invitation.title')}</h1>
      {!token ? (
        <p className="notice notice--error" role="alert">
          {t('community.invitation.missing')}
        </p>
      ) : answer ? null : (
        <>
          <p>{t('community.invitation.intro')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void accept()} disabled={submit.pending}>
              {submit.pending ? t('common.working') : t('community.invitation.accept')}
            </button>
          </div>
        </>
      )}
      <StatusNotice>
        {answer ? (
          answer.enrolmentUrl ? (
            <>
              <p>{t('community.invitation.enrol')}</p>
              <p>
                <a href={answer.enrolmentUrl.replace(/^https?:\/\/[^/]+/, '')}>{t('community.invitation.enrolLink')}</a>
              </p>
            </>
          ) : (
            <>
              <p>{t('community.invitation.accepted', { role: t(`community.invitation.role.${answer.role}`) })}</p>
              <p>
                <Link to={`/staff/vereine/${answer.organisationId}`}>{t('community.invitation.toOrganisation')}</Link>
              </p>
            </>
          )
        ) : null}
      </StatusNotice>
      {code === 'COMMUNITY_INVITATION_INVALID' ? (
        <p className="notice notice--error" role="alert">
          {t('community.invitation.invalid')}
        </p>
      ) : code === 'AUTH_REQUIRED' ? (
        <div className="notice notice--error" role="alert">
          <p>{t('community.invitation.login')}</p>
          <p>
            <Link to="/staff/login" state={{ from: `/vereine/einladung?token=${encodeURIComponent(token)}` }}>
              {t('community.invitation.loginLink')}
            </Link>
          </p>
        </div>
      ) : code === 'COMMUNITY_INVITATION_OTHER_ADDRESS' ? (
        <p className="notice notice--error" role="alert">
          {t('community.invitation.otherAddress')}
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
    </div>
  );
}
