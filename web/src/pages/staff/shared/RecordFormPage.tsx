/**
 * The page around a create/edit form of the parking and waste back office: loading and load error,
 * the read-only notice for staff without write access, the form-level error (field errors sit at
 * their inputs), the submit button and the confirmation in a live region.
 */
import type { FormEvent, ReactNode } from 'react';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { ModulePage } from './ModulePage';
import { useCanWrite } from './useCanWrite';
import type { RecordForm } from './useRecordForm';

interface Props {
  state: Pick<RecordForm, 'title' | 'submitLabel' | 'creating' | 'record' | 'submit' | 'done'>;
  nav: ReactNode;
  module: string;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  /** Shown below the form, e.g. a form of its own for records that belong to this one. */
  after?: ReactNode;
}

export function RecordFormPage({ state, nav, module, onSubmit, children, after }: Props) {
  const canWrite = useCanWrite(module);
  const { creating, record, submit } = state;
  return (
    <ModulePage title={state.title} nav={nav} writes={module}>
      {!creating && record.loading && !record.data ? <Loading /> : null}
      <ErrorNotice error={record.error} />
      {canWrite && (creating || record.data) ? (
        <form onSubmit={onSubmit} noValidate>
          <ErrorNotice error={Object.keys(submit.fieldErrors).length ? null : submit.error} />
          {children}
          <p className="actions">
            <SubmitButton pending={submit.pending}>{state.submitLabel}</SubmitButton>
          </p>
          <StatusNotice>{state.done || null}</StatusNotice>
        </form>
      ) : null}
      {after}
    </ModulePage>
  );
}
