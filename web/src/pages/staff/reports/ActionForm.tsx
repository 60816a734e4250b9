/**
 * One workflow action on a report as its own titled form: the form-level error (field errors sit at
 * their inputs), the submit button and the confirmation in a live region. `action` sends the request
 * and returns the confirmation text (`check` may stop it first with field errors); the page then reloads the report.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import type { SubmitState } from '../../../lib/useSubmit';

interface Props {
  title: string;
  submitLabel: string;
  submit: SubmitState;
  action: () => Promise<string>;
  /** A client-side check; its field errors show like the server's and nothing is sent. */
  check?: () => Record<string, string> | null;
  onDone: () => void;
  children: ReactNode;
}

export function ActionForm({ title, submitLabel, submit, action, check, onDone, children }: Props) {
  const titleId = useId();
  const [done, setDone] = useState('');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    setDone('');
    const problems = check?.();
    if (problems) {
      submit.setFieldErrors(problems);
      return;
    }
    let text = '';
    const ok = await submit.run(async () => {
      text = await action();
    });
    if (ok) {
      setDone(text);
      onDone();
    }
  }
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNotice error={Object.keys(submit.fieldErrors).length ? null : submit.error} />
        {children}
        <p className="actions">
          <SubmitButton pending={submit.pending}>{submitLabel}</SubmitButton>
        </p>
        <StatusNotice>{done || null}</StatusNotice>
      </form>
    </section>
  );
}
