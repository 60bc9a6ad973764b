// Form state in one place: values by field name, problems by field name, and the props a FormField needs.
import { useCallback, useState } from 'react';
import type { FormProblems } from './problems';

export function useForm<T extends Record<string, string>>(formId: string, initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [problems, setProblems] = useState<FormProblems>({});
  const idOf = useCallback((field: string) => `${formId}-${field}`, [formId]);
  /** The props a FormField needs for a field: id, value, change handler and that field's problems. */
  const field = (name: keyof T & string) => ({
    id: idOf(name),
    value: values[name],
    onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
    problems: problems[name],
  });
  return { values, setValues, problems, setProblems, idOf, field };
}
