import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms";

type Option = { value: string; label: string };

type FieldProps = {
  name: string;
  label: string;
  state?: FormState;
  defaultValue?: string | null;
  hint?: ReactNode;
};

function fieldIds(name: string) {
  return { input: `field-${name}`, error: `field-${name}-error`, hint: `field-${name}-hint` };
}

/** What the user typed last time wins over the stored value, so a refused form loses nothing. */
function initialValue(props: FieldProps): string {
  return props.state?.values?.[props.name] ?? props.defaultValue ?? "";
}

function describedBy(props: FieldProps, error: string | undefined): string | undefined {
  const ids = fieldIds(props.name);
  return [props.hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell(props: FieldProps & { children: ReactNode }) {
  const ids = fieldIds(props.name);
  const error = props.state?.fieldErrors?.[props.name];
  return (
    <div className="field">
      <label htmlFor={ids.input}>{props.label}</label>
      {props.children}
      {props.hint ? <span className="hint" id={ids.hint}>{props.hint}</span> : null}
      {error ? <p className="error" id={ids.error} role="alert">{error}</p> : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: "text" | "password" | "date" | "number" | "search"; autoComplete?: string; required?: boolean; autoFocus?: boolean },
) {
  const ids = fieldIds(props.name);
  const error = props.state?.fieldErrors?.[props.name];
  const isPassword = props.type === "password";
  return (
    <FieldShell {...props}>
      <input
        id={ids.input}
        name={props.name}
        type={props.type ?? "text"}
        // Passwords are never put back into a form.
        defaultValue={isPassword ? undefined : initialValue(props)}
        autoComplete={props.autoComplete}
        required={props.required}
        autoFocus={props.autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props, error)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { options: Option[]; placeholder?: string; required?: boolean }) {
  const ids = fieldIds(props.name);
  const error = props.state?.fieldErrors?.[props.name];
  return (
    <FieldShell {...props}>
      <select
        // A select takes its default only when mounted; remounting on a new default lets React's
        // reset after a refused submission restore the choice the user made.
        key={initialValue(props)}
        id={ids.input}
        name={props.name}
        defaultValue={initialValue(props)}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={`form-message ${state.status === "success" ? "success" : "error"}`} role={state.status === "error" ? "alert" : "status"}>
      {state.message}
    </p>
  );
}
