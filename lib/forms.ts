import { ZodError } from "zod";
import { printableText } from "@/lib/printable-text";
import { InputError } from "@/lib/server/errors";

/**
 * What a server action hands back to its form: the values as typed (never a password), an error per
 * field, and a message for the whole form.
 */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Shown once, e.g. a generated password; never kept in values. */
  secret?: string;
};

export const initialFormState: FormState = { status: "idle" };

/** Field names that are never echoed back to the browser. */
const SECRET_FIELD = /password/i;

export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || SECRET_FIELD.test(key) || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/** The first message per field, keyed by the field's name as the form uses it. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What was submitted, as the data layer parses it: text only, without invisible controls (never changed in a password). */
export function formDataObject(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = SECRET_FIELD.test(key) ? value : printableText(value);
  }
  return values;
}

/**
 * Runs a form's work on what was submitted. The data layer parses the input with the schema it shares
 * with the form; a refusal, from the schema or from a rule only the database can judge, comes back with
 * everything the user typed (never a password) and the reason next to each field.
 */
export async function runForm(
  formData: FormData,
  work: (submitted: Record<string, string>) => Promise<FormState>,
): Promise<FormState> {
  // A hand-made POST can call an action with anything in place of the form; that is a bad request, not a crash.
  if (!((formData as unknown) instanceof FormData)) return { status: "error", message: "请求无效，请刷新页面后重新提交" };
  const values = typedValues(formData);
  try {
    return await work(formDataObject(formData));
  } catch (error) {
    if (error instanceof ZodError) {
      return { status: "error", message: "请按提示修改后再提交", fieldErrors: fieldErrorsOf(error), values };
    }
    if (error instanceof InputError) {
      return { status: "error", message: "请按提示修改后再提交", fieldErrors: error.fieldErrors, values };
    }
    throw error;
  }
}
