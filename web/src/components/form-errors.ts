import type { FormInstance } from "antd";
import { ApiError } from "../api/client.ts";

type NamePath = (string | number)[];

/** `applicant.name` → ["applicant", "name"]; `items.0` → ["items", 0]. */
function toNamePath(field: string): NamePath {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts a 422's details next to their fields (Form.setFields). Returns the messages that belong
 * to no field of the form, for an alert. `aliases` maps a server field to the form's (e.g. the
 * receipt date the form derives from its evidence date).
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  aliases: Record<string, NamePath> = {},
): string[] {
  if (!(error instanceof ApiError)) return [(error as Error).message ?? String(error)];
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => JSON.stringify(f.name))
      .concat(Object.values(aliases).map((p) => JSON.stringify(p))),
  );
  const leftover: string[] = [];
  const fields: { name: NamePath; errors: string[] }[] = [];
  for (const d of error.details) {
    if (!d.field) continue;
    let path = aliases[d.field] ?? toNamePath(d.field);
    // items.0 of a list typed as one text area: show it on the list field
    while (path.length > 1 && !known.has(JSON.stringify(path))) path = path.slice(0, -1);
    if (known.has(JSON.stringify(path))) fields.push({ name: path, errors: [d.message] });
    else leftover.push(`${d.field}：${d.message}`);
  }
  if (fields.length > 0) form.setFields(fields);
  if (fields.length === 0) leftover.unshift(error.message);
  return leftover;
}

/**
 * What a case dialog shows when its action failed: a version conflict warns and reloads the case
 * (`onConflict`); another 409 (the state refuses it) is the dialog's alert; a 422 goes next to its
 * fields. Returns the alert's text, or null.
 */
export function caseActionProblem(
  form: FormInstance,
  error: unknown,
  on: {
    warn: (text: string, seconds: number) => unknown;
    onConflict: () => void;
    aliases?: Record<string, NamePath>;
  },
): string | null {
  if (error instanceof ApiError && error.isVersionConflict) {
    on.warn(`其他人刚刚修改了这件申请，已重新载入最新内容，请核对后再操作。（${error.message}）`, 6);
    on.onConflict();
    return null;
  }
  if (error instanceof ApiError && error.status === 409) return error.message;
  const rest = showFieldErrors(form, error, on.aliases);
  return rest.length > 0 ? rest.join("；") : null;
}
