/**
 * State of a page that creates a record (no id) or edits one (id): the loaded record, the form
 * filled from it whenever it (re)loads, the confirmation text and the submission state. After a
 * create the page navigates to the new record with `{ created: true }` in the history state, and
 * the freshly mounted edit page starts with the confirmation.
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useApi, type ApiState } from './useApi';
import { useSubmit, type SubmitOptions, type SubmitState } from './useSubmit';

export interface EditForm<T, F> {
  record: ApiState<T>;
  form: F;
  setForm: (next: F) => void;
  done: string;
  setDone: (text: string) => void;
  submit: SubmitState;
}

export function useEditForm<T, F>(
  path: string | null,
  empty: () => F,
  toForm: (record: T) => F,
  savedText: string,
  submitOptions: SubmitOptions = {},
): EditForm<T, F> {
  const record = useApi<T>(path);
  const [form, setForm] = useState<F>(empty);
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [done, setDone] = useState(justCreated ? savedText : '');
  const submit = useSubmit(submitOptions);

  useEffect(() => {
    if (record.data) setForm(toForm(record.data));
    // toForm is a plain mapping; only a newly loaded record refills the form.
  }, [record.data]);

  return { record, form, setForm, done, setDone, submit };
}
