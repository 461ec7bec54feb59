import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../lib/api';
import { applyApiError } from './FormModal';

interface SaveOptions<F extends string> {
  // The fields of the section an error may be shown under: a list, or a test for sections whose fields are data
  // (a scorecard's criteria). A 400 naming another field shows as the section's error.
  fields?: readonly F[] | ((field: string) => field is F);
  // The id of the element to scroll to for a field's error (default `field-<name>`).
  elementId?: (field: F) => string;
  // A section that is an antd Form: errors go under its fields as a modal's do (applyApiError).
  form?: FormInstance;
}

export interface Save<F extends string> {
  busy: boolean;
  // The section's error, shown above its fields.
  error: string | null;
  setError: (error: string | null) => void;
  // Errors under fields of a section that is not an antd Form, by field.
  fieldErrors: Partial<Record<F, string>>;
  setFieldErrors: (errors: Partial<Record<F, string>>) => void;
  // Forgets the errors of fields the person has just changed.
  clearFieldErrors: (...fields: string[]) => void;
  // Props of the Form.Item of a field: its error, if any.
  fieldStatus: (field: F) => { validateStatus: 'error' | undefined; help: string | undefined };
  // Runs the save: busy while it runs, earlier errors cleared; a 400 whose `field` is one of the section's goes under
  // that field (scrolled into view), any other error becomes the section's error. Resolves to whether it succeeded.
  run: (action: () => Promise<void>) => Promise<boolean>;
}

// The state of saving one section of a page in place (not in a modal, where FormModal does the same).
export function useSave<F extends string = never>({ fields, elementId, form }: SaveOptions<F> = {}): Save<F> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});

  const isField = (field: string): field is F =>
    typeof fields === 'function' ? fields(field) : (fields ?? []).includes(field as F);

  const clearFieldErrors = (...changed: string[]) => {
    if (!changed.some((f) => isField(f) && fieldErrors[f])) return;
    const next = { ...fieldErrors };
    for (const f of changed) delete next[f as F];
    setFieldErrors(next);
  };

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setFieldErrors({});
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      if (form) {
        setError(applyApiError(form, e));
        return false;
      }
      const field = e instanceof ApiError && e.status === 400 ? e.field : null;
      if (field && isField(field)) {
        setFieldErrors({ [field]: errorMessage(e) } as Partial<Record<F, string>>);
        const id = elementId ? elementId(field) : `field-${field}`;
        document.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      } else {
        setError(errorMessage(e));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    setError,
    fieldErrors,
    setFieldErrors,
    clearFieldErrors,
    fieldStatus: (field) => ({
      validateStatus: fieldErrors[field] ? 'error' : undefined,
      help: fieldErrors[field],
    }),
    run,
  };
}
