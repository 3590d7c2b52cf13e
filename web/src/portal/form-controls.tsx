/** Plain, accessible form controls of the portal: a label, the control, a hint and the error. */
import { type ReactNode, useId } from "react";

interface FieldProps {
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
}

function FieldFrame(props: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={props.error ? "field has-error" : "field"}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {props.children}
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, props: FieldProps): string | undefined {
  const ids = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    multiline?: boolean;
    inputMode?: "text" | "tel" | "email" | "numeric";
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const id = useId();
  const common = {
    id,
    value: props.value,
    maxLength: props.maxLength,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props),
    "aria-required": props.required || undefined,
  };
  return (
    <FieldFrame {...props} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={6} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.inputMode === "email" ? "email" : props.inputMode === "tel" ? "tel" : "text"}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & { value: T; options: { value: T; label: string }[]; onChange: (value: T) => void },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        value={props.value}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radio buttons under one legend. */
export function RadioField<T extends string>(
  props: FieldProps & { name: string; value: T | ""; options: readonly T[]; onChange: (value: T) => void },
) {
  const id = useId();
  return (
    <fieldset className={props.error ? "field has-error" : "field"} aria-describedby={describedBy(id, props)}>
      <legend>
        {props.label}
        {props.required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      <div className="choices">
        {props.options.map((o) => (
          <label key={o} className={props.value === o ? "choice checked" : "choice"}>
            <input
              type="radio"
              name={props.name}
              value={o}
              checked={props.value === o}
              onChange={() => props.onChange(o)}
            />
            {o}
          </label>
        ))}
      </div>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** A message box: an error, a warning or good news. */
export function Notice(props: { tone: "error" | "warning" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`notice ${props.tone}`} role={props.tone === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}
