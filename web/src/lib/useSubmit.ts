/**
 * State for one form submission: pending flag, the error to show above the form and the field
 * errors to show next to inputs. Client-side checks use the same `fieldErrors` channel as the
 * server's RFC 9457 `errors`, so both look identical to the user.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

export interface SubmitState {
  pending: boolean;
  error: unknown;
  fieldErrors: Record<string, string>;
  setFieldErrors: (errors: Record<string, string>) => void;
  /** Runs the action; resolves to true when it succeeded. */
  run: (action: () => Promise<void>) => Promise<boolean>;
  reset: () => void;
}

export interface SubmitOptions {
  /** Key field errors by their whole path ("organisation.name"), see ApiError.fieldErrors. */
  nestedFields?: boolean;
}

/** The messages of the field errors at `key` and below it ("links.0" also gets "links.0.url"), joined. */
export function errorUnder(fieldErrors: Record<string, string>, key: string): string | undefined {
  const messages = Object.entries(fieldErrors)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .map(([, message]) => message);
  return messages.length ? messages.join('; ') : undefined;
}

export function useSubmit({ nestedFields = false }: SubmitOptions = {}): SubmitState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // Take the user to the first field that needs fixing (WCAG 3.3.1); its error is read out
  // through aria-describedby.
  useEffect(() => {
    if (!Object.keys(fieldErrors).length) return;
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  const run = useCallback(
    async (action: () => Promise<void>) => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        await action();
        return true;
      } catch (err) {
        setError(err);
        if (err instanceof ApiError) setFieldErrors(err.fieldErrors(nestedFields));
        return false;
      } finally {
        setPending(false);
      }
    },
    [nestedFields],
  );

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  return { pending, error, fieldErrors, setFieldErrors, run, reset };
}
