import { parseArgs } from "node:util";
import { createDefaultCalendar } from "../../domain/calendar/default-calendar.ts";
import type { CaseFacts } from "../../domain/case-facts.ts";
import { computeReplyDeadline } from "../../domain/deadlines/compute-reply-deadline.ts";
import { CONSULTATION_WINDOW_WORKDAYS, MAX_EXTENSION_WORKDAYS } from "../../domain/statute.ts";
import { CliError } from "../cli-error.ts";
import { parseCliDate, parseCliRange } from "../parse-cli-date.ts";

export const DEADLINE_USAGE = `用法：ogi deadline --received 日期 [--supplement-received 日期]
        [--consultation 开始..结束]... [--fee 通知日..缴费日] [--extend 工作日数] [--json]
  --received             收到申请之日（《条例》第三十一条）
  --supplement-received  收到补正之日：答复期限自该日重新计算（第三十条）
  --consultation S..E    征求意见：发出征求意见书之日..收到意见之日（可多次给出）
  --fee S..E             收费通知发出之日..缴费之日
  --extend N             经批准延期的工作日数（1–20，第三十三条）`;

const OPTIONS = {
  received: { type: "string" },
  "supplement-received": { type: "string" },
  consultation: { type: "string", multiple: true },
  fee: { type: "string" },
  extend: { type: "string" },
  json: { type: "boolean" },
} as const;

/** `ogi deadline ...`: the reply deadline and how it was reached. */
export function runDeadlineCommand(args: string[], out: (line: string) => void): number {
  const values = parse(args);
  const facts = toFacts(values);
  const r = computeReplyDeadline(facts, createDefaultCalendar());
  if (values.json) {
    out(JSON.stringify({ dueOn: r.dueOn, provisional: r.isProvisional, explanation: r.explanation }));
  } else {
    out(`答复期限：${r.dueOn}${r.isProvisional ? "（暂定）" : ""}`);
    for (const line of r.explanation) out(`  ${line}`);
  }
  return 0;
}

function parse(args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new CliError(`多余的参数：${positionals.join(" ")}\n${DEADLINE_USAGE}`);
    return values;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`参数有误：${(e as Error).message}\n${DEADLINE_USAGE}`);
  }
}

function toFacts(values: ReturnType<typeof parse>): CaseFacts {
  if (values.received === undefined)
    throw new CliError(`缺少 --received（收到申请之日）。\n${DEADLINE_USAGE}`);
  const receivedOn = parseCliDate(values.received, "--received");
  const facts: CaseFacts = { receivedOn, consultations: [] };
  if (values["supplement-received"] !== undefined) {
    const on = parseCliDate(values["supplement-received"], "--supplement-received");
    if (on < receivedOn) throw new CliError(`--supplement-received ${on} 早于收到申请之日 ${receivedOn}`);
    facts.supplement = { requestedOn: receivedOn, windowWorkdays: 15, receivedOn: on };
  }
  for (const [i, raw] of (values.consultation ?? []).entries()) {
    const { from, to } = parseCliRange(raw, "--consultation");
    if (from < receivedOn)
      throw new CliError(`--consultation 的开始日期 ${from} 早于收到申请之日 ${receivedOn}`);
    const id = `c${i + 1}`;
    facts.consultations.push({
      id,
      party: "third_party",
      name: `第${i + 1}次征求意见`,
      startedOn: from,
      windowWorkdays: CONSULTATION_WINDOW_WORKDAYS,
      answeredOn: to,
    });
  }
  if (values.fee !== undefined) {
    const { from, to } = parseCliRange(values.fee, "--fee");
    if (from < receivedOn) throw new CliError(`--fee 的通知日期 ${from} 早于收到申请之日 ${receivedOn}`);
    facts.fee = { notifiedOn: from, paidOn: to, basis: "per_volume", amountYuan: 0 };
  }
  if (values.extend !== undefined) {
    const n = Number(values.extend);
    if (!Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_WORKDAYS) {
      throw new CliError(
        `--extend 应为 1 到 ${MAX_EXTENSION_WORKDAYS} 之间的整数（第三十三条：延长期限最长不超过20个工作日），收到“${values.extend}”`,
      );
    }
    facts.extension = { grantedOn: receivedOn, workdays: n };
  }
  return facts;
}
