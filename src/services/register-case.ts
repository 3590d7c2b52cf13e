import { randomUUID } from "node:crypto";
import { initialSnapshot } from "../../machines/inert-transition.ts";
import { toStoredSnapshot } from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import { nextCounter } from "../db/next-counter.ts";
import { type CivilDate, yearOf } from "../domain/civil-date.ts";
import { REGISTER_ROLES } from "../domain/roles.ts";
import { findHandler } from "./action-helpers.ts";
import { type Actor, canActInAgency, canSeeAgency } from "./actor.ts";
import type { ActionInput, RegisterInput } from "./application-types.ts";
import type { CaseWriteResult, WriteContext } from "./case-change.ts";
import { type CaseRow, type Db, insertCaseRow, loadCase } from "./case-store.ts";
import { writeCase } from "./write-case.ts";

export function assertNotFuture(on: CivilDate, field: string, t: CivilDate) {
  if (on > t) {
    throw new AppError("invalid_input", {
      message: `字段 ${field}：不能晚于今天（${t}）`,
      details: [{ field, message: `不能晚于今天（${t}）` }],
    });
  }
}

/** Facts a clerk records have happened: the receipt dates an action carries cannot lie ahead. */
export function assertReceiptsPast(input: ActionInput, t: CivilDate) {
  for (const field of ["receivedByAddresseeOn", "receivedByApplicantOn", "receivedOn"] as const) {
    const value = (input as Partial<Record<typeof field, CivilDate>>)[field];
    if (value !== undefined && value > t) {
      throw new AppError("invalid_input", {
        message: `字段 ${field}：不能晚于今天（${t}）；对方尚未收到时请不填，收到后再登记送达`,
        details: [{ field, message: `不能晚于今天（${t}）` }],
      });
    }
  }
}

/** Registers in the caller's transaction: the row, then its first entry through writeCase. */
export async function registerCase(
  trx: Db,
  ctx: WriteContext,
  actor: Actor,
  input: RegisterInput,
): Promise<{ id: string; result: CaseWriteResult }> {
  assertNotFuture(input.receivedOn, "receivedOn", ctx.today);
  const agency = await trx
    .selectFrom("agencies")
    .selectAll()
    .where("code", "=", input.agencyCode)
    .executeTakeFirst();
  if (!agency || !canSeeAgency(actor, agency.path)) {
    throw new AppError("not_found", {
      message: `机关“${input.agencyCode}”不存在，或不在您的范围内`,
      details: [{ field: "agencyCode", message: "机关不存在" }],
    });
  }
  if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, REGISTER_ROLES)) {
    throw new AppError("forbidden", { message: "只有本机关的登记人员可以登记申请" });
  }
  const handlerId = input.handlerUsername
    ? (await findHandler(trx, input.handlerUsername, agency.id)).id
    : null;
  const snapshot = initialSnapshot(ctx.machine, { receivedOn: input.receivedOn });
  const id = randomUUID();
  const seq = await nextCounter(trx, `tracking:${agency.id}:${yearOf(input.receivedOn)}`);
  await insertCaseRow(trx, {
    id,
    tracking_no: `${agency.code}-${yearOf(input.receivedOn)}-${String(seq).padStart(5, "0")}`,
    agency_id: agency.id,
    channel: input.channel,
    applicant_type: input.applicant.type,
    applicant: JSON.stringify(input.applicant),
    description: input.description,
    delivery_form: input.deliveryForm ?? null,
    mail_tracking_no: input.trackingNumber ?? null,
    handler_user_id: handlerId,
    received_on: input.receivedOn,
    state: "registered",
    outcome: null,
    disposition_on: null,
    reply_due_on: null,
    snapshot: JSON.stringify(toStoredSnapshot(snapshot)),
    version: 0,
  });
  const c = (await loadCase(trx, id, true)) as CaseRow;
  const result = await writeCase(
    trx,
    c,
    {
      kind: "registered",
      actor,
      payload: {
        channel: input.channel,
        applicantType: input.applicant.type,
        backdated: input.receivedOn < ctx.today,
        ...(input.ledgerNo ? { ledgerNo: input.ledgerNo } : {}),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
      },
      amendmentReason: input.amendmentReason,
    },
    ctx,
  );
  return { id, result };
}
