import { Tag } from "antd";
import type { ReportCheck as ReportCheckOfApi } from "../../api/types.ts";

/** A check as the server sends it; `skipped`: not checked this year (未核对), ok is then true. */
type ReportCheck = ReportCheckOfApi & { skipped?: boolean };

/**
 * One vocabulary for the report's checks, wherever they are listed (the check list, the 定稿
 * button's reasons, the 定稿 dialog): 通过; 未通过 (an error: 定稿 is refused until it passes);
 * 需确认 (a warning that does not hold, which 定稿 asks the admin to acknowledge, or a check that
 * could not be made this year, 未核对, for the admin to look at).
 */
export type CheckVerdict = "通过" | "未通过" | "需确认";

export function checkVerdict(c: ReportCheck): CheckVerdict {
  if (!c.ok) return (c.severity ?? "error") === "error" ? "未通过" : "需确认";
  return c.skipped ? "需确认" : "通过";
}

/** Errors that fail: 定稿 is refused while any remains. */
export const blockingChecks = (checks: ReportCheck[]) => checks.filter((c) => checkVerdict(c) === "未通过");
/** Warnings that fail: 定稿 needs their acknowledgement (the server's acknowledgeWarnings). */
export const warningsToAcknowledge = (checks: ReportCheck[]) =>
  checks.filter((c) => !c.ok && c.severity === "warning");

const COLORS: Record<CheckVerdict, string> = { 通过: "green", 未通过: "red", 需确认: "orange" };

/** The message without its leading id (“T2 现行有效件数 …” → “现行有效件数 …”). */
export function checkText(c: ReportCheck): string {
  return c.message.startsWith(c.id) ? c.message.slice(c.id.length).trim() : c.message;
}

export function CheckLine({ check }: { check: ReportCheck }) {
  const verdict = checkVerdict(check);
  return (
    <>
      <Tag color={COLORS[verdict]} data-verdict={verdict}>
        {check.id} {verdict}
      </Tag>
      {checkText(check)}
    </>
  );
}

export function CheckList({ checks, label }: { checks: ReportCheck[]; label: string }) {
  return (
    <ul className="plain-list" aria-label={label}>
      {checks.map((c) => (
        <li key={c.id}>
          <CheckLine check={c} />
        </li>
      ))}
    </ul>
  );
}
