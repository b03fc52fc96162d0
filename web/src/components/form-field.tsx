// Labelled inputs with hints and errors tied to the control (aria-describedby, aria-invalid), so a
// screen reader hears the label, the hint and what went wrong.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldShell {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}

function describedBy(props: FieldShell): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages(props: FieldShell) {
  return (
    <>
      {props.hint ? (
        <p className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { id, label, hint, error, className, ...input } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} label={label} hint={hint} error={error} />
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        {...input}
      />
    </div>
  );
}

export function TextArea(props: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const { id, label, hint, error, ...input } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        {...input}
      />
    </div>
  );
}

export function SelectField(
  props: FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { readonly children: ReactNode },
) {
  const { id, label, hint, error, children, ...select } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
