// The one form field of the app (NL Design System form-field pattern): label above the control, then the
// description, then the error message; the control is marked aria-invalid and described by both.
import { useTranslation } from 'react-i18next';
import type { ChangeEvent, ReactNode } from 'react';
import {
  FormField as UtrechtFormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { problemText, type Problem } from './problems';

interface Common {
  /** Also the anchor of the error summary's link to this field. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  problems?: Problem[];
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Filters are all optional: saying so on each adds nothing. */
  markOptional?: boolean;
}

type Control =
  | {
      control?: 'text' | 'password' | 'date' | 'number' | 'search';
      autoComplete?: string;
      min?: string | number;
      max?: string | number;
      list?: string;
    }
  | { control: 'textarea'; rows?: number }
  | { control: 'select'; options: { value: string; label: string }[]; placeholder?: string };

export type FormFieldProps = Common & Control;

export function FormField(props: FormFieldProps) {
  const { t } = useTranslation();
  const { id, label, description, problems = [], required, value, onChange, disabled, markOptional = true } = props;
  const invalid = problems.length > 0;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const common = { id, name: id, required, disabled, invalid, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  const change = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onChange(event.target.value);
  let control: ReactNode;
  if (props.control === 'select') {
    control = (
      <Select {...common} value={value} onChange={change}>
        <SelectOption value="">{props.placeholder ?? t('forms.choose')}</SelectOption>
        {props.options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    );
  } else if (props.control === 'textarea') {
    control = <Textarea {...common} rows={props.rows ?? 3} value={value} onChange={change} />;
  } else {
    control = (
      <Textbox
        {...common}
        type={props.control ?? 'text'}
        autoComplete={props.autoComplete}
        min={props.min}
        max={props.max}
        list={props.list}
        value={value}
        onChange={change}
      />
    );
  }
  return (
    <UtrechtFormField invalid={invalid} type={props.control === 'select' ? 'select' : 'text'}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {!required && markOptional && <span className="kk-optional"> {t('forms.optional')}</span>}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription className="utrecht-form-field__description" id={descriptionId}>
          {description}
        </FormFieldDescription>
      )}
      {invalid && (
        <FormFieldErrorMessage className="utrecht-form-field__error-message" id={errorId}>
          {problems.map((p) => problemText(t, p)).join(' ')}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{control}</div>
    </UtrechtFormField>
  );
}
