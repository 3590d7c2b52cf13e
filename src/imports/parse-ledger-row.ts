import type { CivilDate } from "../domain/civil-date.ts";
import { isMaskedValue } from "../domain/personal-data.ts";
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from "../domain/unsafe-text.ts";
import type { LedgerColumn } from "./ledger-columns.ts";
import type {
  LedgerCase,
  LedgerCell,
  LedgerEnding,
  LedgerRawRow,
  LedgerRowError,
  Parsed,
} from "./ledger-types.ts";
import { parseApplicantType } from "./parse-applicant-type.ts";
import { parseChannel } from "./parse-channel.ts";
import { parseConsultations } from "./parse-consultations.ts";
import { parseExtension } from "./parse-extension.ts";
import { parseFeeAmount } from "./parse-fee-amount.ts";
import { parseFeeNotice } from "./parse-fee-notice.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseOutcome } from "./parse-outcome.ts";
import { parseSupplementNotice } from "./parse-supplement-notice.ts";

export interface ParseRowContext {
  today: CivilDate;
  /** 承办人 (username or display name) → the username of a handler of the agency. */
  resolveHandler(text: string): Parsed<string>;
}

type Cells = ReturnType<typeof cellReader>;

/** Reads cells of one row, recording an error per bad cell. */
function cellReader(raw: LedgerRawRow, errors: LedgerRowError[]) {
  const add = (column: LedgerColumn, message: string) => errors.push({ row: raw.row, column, message });
  const cell = (column: LedgerColumn): LedgerCell => raw.cells[column] ?? null;
  const isEmpty = (column: LedgerColumn) => {
    const v = cell(column);
    return v === null || v === "";
  };
  function optional<T>(column: LedgerColumn, parse: (v: string | number) => Parsed<T>): T | undefined {
    const v = cell(column);
    if (v === null || v === "") return undefined;
    const p = parse(v);
    if (!p.ok) add(column, p.error);
    return p.ok ? p.value : undefined;
  }
  function required<T>(column: LedgerColumn, parse: (v: string | number) => Parsed<T>): T | undefined {
    if (isEmpty(column)) {
      add(column, "不能为空（必填）");
      return undefined;
    }
    return optional(column, parse);
  }
  const text = (v: string | number): Parsed<string> => ({ ok: true, value: String(v).trim() });
  const label =
    <T>(parse: (t: string) => Parsed<T>) =>
    (v: string | number) =>
      parse(String(v));
  return { add, isEmpty, optional, required, text, label };
}

/** Every dated fact of the row, with its column: not in the future, not before receipt. */
function checkDates(c: LedgerCase, cells: Cells, today: CivilDate): void {
  const dated: [LedgerColumn, string, CivilDate | undefined][] = [
    ["收到日期", "收到日期", c.receivedOn],
    ["补正告知日", "补正告知日", c.supplement?.requestedOn],
    ["补正告知日", "补正告知书送达日", c.supplement?.notice.receivedOn],
    ["补正收到日", "补正收到日", c.supplement?.receivedOn],
    ["延期", "批准日", c.extension?.on],
    ["收费通知日", "收费通知日", c.fee?.notifiedOn],
    ["收费通知日", "收费通知送达日", c.fee?.notice.receivedOn],
    ["缴费日", "缴费日", c.fee?.paidOn],
    ["答复日期", "答复日期", c.ending?.on],
    ["送达日期", "送达日期", c.deliveredOn],
    ...c.consultations.flatMap((x): [LedgerColumn, string, CivilDate | undefined][] => [
      ["征求意见", `“${x.name}”的发出日`, x.startedOn],
      ["征求意见", `“${x.name}”的答复日`, x.answeredOn],
      ["征求意见", `“${x.name}”的送达日`, x.receivedOn],
    ]),
  ];
  for (const [column, what, on] of dated) {
    if (on === undefined) continue;
    if (on > today) cells.add(column, `${what} ${on} 晚于今天（${today}），不能登记尚未发生的事项`);
    else if (on < c.receivedOn) cells.add(column, `${what} ${on} 早于收到日期 ${c.receivedOn}`);
  }
  const s = c.supplement;
  if (s?.receivedOn && s.receivedOn < s.requestedOn) {
    cells.add("补正收到日", `补正收到日 ${s.receivedOn} 早于补正告知日 ${s.requestedOn}`);
  }
  const f = c.fee;
  if (f?.paidOn && f.paidOn < f.notifiedOn)
    cells.add("缴费日", `缴费日 ${f.paidOn} 早于收费通知日 ${f.notifiedOn}`);
  if (c.deliveredOn && c.ending && c.deliveredOn < c.ending.on) {
    cells.add("送达日期", `送达日期 ${c.deliveredOn} 早于答复日期 ${c.ending.on}`);
  }
}

/** 答复日期 + 答复结果 (+ 送达日期): how the case ended, or null while open. */
function readEnding(cells: Cells, deliveredOn: CivilDate | undefined): LedgerEnding | null | undefined {
  const on = cells.optional("答复日期", parseLedgerDate);
  const result = cells.optional("答复结果", cells.label(parseOutcome));
  if (cells.isEmpty("答复日期") !== cells.isEmpty("答复结果")) {
    if (cells.isEmpty("答复日期")) cells.add("答复日期", "填写了答复结果，须同时填写答复日期");
    else cells.add("答复结果", "填写了答复日期，须同时填写答复结果（两者都空表示尚未办结）");
    return undefined;
  }
  if (cells.isEmpty("答复日期")) {
    if (deliveredOn) cells.add("送达日期", "尚未答复（答复日期、答复结果为空）的申请不能填写送达日期");
    return null;
  }
  if (on === undefined || result === undefined) return undefined;
  const { outcome, recordedAs } = result;
  if (recordedAs === "automatic" || recordedAs === "withdrawal") {
    if (deliveredOn) {
      const what = recordedAs === "withdrawal" ? "申请人撤回的申请" : "期限届满自动办结的申请";
      cells.add("送达日期", `${what}没有答复书，送达日期应为空`);
    }
    return recordedAs === "automatic" ? { how: "automatic", on, outcome } : { how: "withdrawal", on };
  }
  // “其他” with a delivered reply was a reply “其他”; without one, a withdrawal.
  if (recordedAs === "other" && !deliveredOn) return { how: "withdrawal", on };
  return { how: "decision", on, outcome };
}

/** The fee columns: 收费通知日 (+ 申请人收到日), 缴费日, 收费金额. */
function readFee(cells: Cells): LedgerCase["fee"] | undefined {
  const notice = cells.optional("收费通知日", parseFeeNotice);
  const paidOn = cells.optional("缴费日", parseLedgerDate);
  const amount = cells.optional("收费金额", parseFeeAmount);
  if (cells.isEmpty("收费通知日")) {
    if (!cells.isEmpty("缴费日")) cells.add("缴费日", "填写了缴费日，须同时填写收费通知日");
    if (!cells.isEmpty("收费金额")) cells.add("收费金额", "未填写收费通知日，收费金额应为空");
    return undefined;
  }
  if (cells.isEmpty("收费金额")) cells.add("收费金额", "填写了收费通知日，须填写收费金额（元）");
  if (!notice || !amount) return undefined;
  const { notifiedOn, sentBy, receivedOn } = notice;
  return { notifiedOn, notice: { sentBy, receivedOn }, ...amount, paidOn };
}

/** A masked value (an export's default, 1101**********1234) is imported as not given. */
function unlessMasked(value: string | undefined): string | undefined {
  return value === undefined || value === "" || isMaskedValue(value) ? undefined : value;
}

/** One data row: the case it describes, or the errors of its cells (all of them). */
export function parseLedgerRow(
  raw: LedgerRawRow,
  context: ParseRowContext,
): { value?: LedgerCase; errors: LedgerRowError[] } {
  // a NUL or a lone surrogate (an `_x0000_` escape, a broken paste) never reaches a query
  const unsafe = Object.entries(raw.cells)
    .filter(([, v]) => typeof v === "string" && hasUnsafeText(v))
    .map(([column]) => ({ row: raw.row, column: column as LedgerColumn, message: UNSAFE_TEXT_MESSAGE }));
  if (unsafe.length > 0) return { errors: unsafe };
  const errors: LedgerRowError[] = [];
  const cells = cellReader(raw, errors);
  const ledgerNo = cells.required("编号", cells.text);
  const receivedOn = cells.required("收到日期", parseLedgerDate);
  const channel = cells.required("申请方式", cells.label(parseChannel));
  const applicantType = cells.required("申请人类型", cells.label(parseApplicantType));
  const applicantName = cells.required("申请人", cells.text);
  const applicantIdNumber = cells.optional("证件号码", cells.text);
  const applicantPhone = cells.optional("联系电话", cells.text);
  const description = cells.required("申请内容", cells.text);
  const supplementNotice = cells.optional("补正告知日", parseSupplementNotice);
  const supplementReceived = cells.optional("补正收到日", parseLedgerDate);
  if (!cells.isEmpty("补正收到日") && cells.isEmpty("补正告知日")) {
    cells.add("补正收到日", "填写了补正收到日，须同时填写补正告知日");
  }
  const consultations = cells.optional("征求意见", cells.label(parseConsultations)) ?? [];
  const extension = cells.optional("延期", cells.label(parseExtension));
  const fee = readFee(cells);
  const deliveredOn = cells.optional("送达日期", parseLedgerDate);
  const ending = readEnding(cells, deliveredOn);
  const handlerUsername = cells.optional(
    "承办人",
    cells.label((t) => context.resolveHandler(t)),
  );
  if (errors.length > 0 || ending === undefined) return { errors };
  const value: LedgerCase = {
    row: raw.row,
    ledgerNo: ledgerNo as string,
    receivedOn: receivedOn as CivilDate,
    channel: channel as LedgerCase["channel"],
    applicantType: applicantType as LedgerCase["applicantType"],
    applicantName: applicantName as string,
    applicantIdNumber: unlessMasked(applicantIdNumber),
    applicantPhone: unlessMasked(applicantPhone),
    description: description as string,
    handlerUsername,
    supplement: supplementNotice && {
      requestedOn: supplementNotice.requestedOn,
      windowWorkdays: supplementNotice.windowWorkdays,
      notice: { sentBy: supplementNotice.sentBy, receivedOn: supplementNotice.receivedOn },
      receivedOn: supplementReceived,
    },
    consultations,
    extension,
    fee,
    ending,
    deliveredOn,
  };
  checkDates(value, cells, context.today);
  return errors.length > 0 ? { errors } : { value, errors };
}
