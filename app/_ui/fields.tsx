import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms";

type Option = { value: string; label: string };

type FieldProps = {
  name: string;
  label: string;
  state?: FormState;
  defaultValue?: string | null;
  hint?: ReactNode;
  /** Sets the ids apart when several forms on one page have a field of the same name. */
  idPrefix?: string;
};

function fieldIds(name: string, prefix?: string) {
  const base = prefix ? `field-${prefix}-${name}` : `field-${name}`;
  return { input: base, error: `${base}-error`, hint: `${base}-hint` };
}

/** What the user typed last time wins over the stored value, so a refused form loses nothing. */
function initialValue(props: FieldProps): string {
  return props.state?.values?.[props.name] ?? props.defaultValue ?? "";
}

function describedBy(props: FieldProps, error: string | undefined): string | undefined {
  const ids = fieldIds(props.name, props.idPrefix);
  return [props.hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell(props: FieldProps & { children: ReactNode }) {
  const ids = fieldIds(props.name, props.idPrefix);
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
  const ids = fieldIds(props.name, props.idPrefix);
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

type SelectProps = FieldProps & { placeholder?: string; required?: boolean; autoFocus?: boolean };

/** The <select> both select fields share; only the options inside differ. */
function SelectShell(props: SelectProps & { children: ReactNode }) {
  const ids = fieldIds(props.name, props.idPrefix);
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
        autoFocus={props.autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.children}
      </select>
    </FieldShell>
  );
}

export function SelectField({ options, ...props }: SelectProps & { options: Option[] }) {
  return (
    <SelectShell {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectShell>
  );
}

export type OptionGroup = { label: string; options: Option[] };

/** A select whose options fall under headings (<optgroup>), e.g. the outcome rows of the report. */
export function GroupedSelectField({ groups, ...props }: SelectProps & { groups: OptionGroup[] }) {
  return (
    <SelectShell {...props}>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectShell>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number; required?: boolean; autoFocus?: boolean; maxLength?: number }) {
  const ids = fieldIds(props.name, props.idPrefix);
  const error = props.state?.fieldErrors?.[props.name];
  return (
    <FieldShell {...props}>
      <textarea
        id={ids.input}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={initialValue(props)}
        required={props.required}
        autoFocus={props.autoFocus}
        maxLength={props.maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props, error)}
      />
    </FieldShell>
  );
}

/**
 * One checkbox sending `value` when ticked. After a refused submission the box shows what was sent:
 * an unticked box sends nothing, so it stays unticked.
 */
export function CheckboxField(props: FieldProps & { value?: string }) {
  const ids = fieldIds(props.name, props.idPrefix);
  const error = props.state?.fieldErrors?.[props.name];
  const value = props.value ?? "true";
  const checked = props.state?.values ? props.state.values[props.name] === value : props.defaultValue === value;
  return (
    <div className="field checkbox">
      <label htmlFor={ids.input}>
        <input
          key={String(checked)}
          id={ids.input}
          type="checkbox"
          name={props.name}
          value={value}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(props, error)}
        />{" "}
        {props.label}
      </label>
      {props.hint ? <span className="hint" id={ids.hint}>{props.hint}</span> : null}
      {error ? <p className="error" id={ids.error} role="alert">{error}</p> : null}
    </div>
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
