/** Create an office (/staff/schadensmelder/dienststellen/neu) or rename it and change its e-mail address (admins). */
import { Link } from 'react-router';
import { textOrNull } from '../shared/formValues';
import { RecordFormPage } from '../shared/RecordFormPage';
import { ADMINS_ONLY } from '../shared/useCanWrite';
import { useRecordForm } from '../shared/useRecordForm';
import { OFFICES_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import type { Office } from './types';

interface OfficeForm {
  code: string;
  name: string;
  email: string;
}

export default function OfficeEditPage() {
  const state = useRecordForm<Office, OfficeForm>({
    apiPath: '/api/reports/offices',
    staffPath: OFFICES_PATH,
    empty: () => ({ code: '', name: '', email: '' }),
    toForm: (o) => ({ code: o.code, name: o.name, email: o.email ?? '' }),
    texts: 'reportsStaff.officeForm',
    idPrefix: 'office',
  });
  const { form, save, creating, text, label: f } = state;

  return (
    <RecordFormPage
      state={state}
      nav={<ReportsStaffNav />}
      module={ADMINS_ONLY}
      onSubmit={(e) =>
        void save(e, () => {
          const email = textOrNull(form.email);
          // The code names the office in links and imports, so it is set once.
          if (creating) return { body: { code: form.code.trim(), name: form.name, ...(email ? { email } : {}) } };
          return { body: { name: form.name, email } };
        })
      }
    >
      <p>
        <Link to={OFFICES_PATH}>{f('back')}</Link>
      </p>
      <div className="staff-form-grid">
        {creating ? text('code', 'text', { required: true, hint: f('codeHint') }) : null}
        {text('name', 'text', { required: true })}
        {text('email', 'email')}
      </div>
    </RecordFormPage>
  );
}
