import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database, DbAppeal } from "../db/schema.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import { APPEAL_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import {
  APPEAL_KIND_LABELS,
  APPEAL_RESULT_LABELS,
  type AppealKind,
  type AppealResult,
} from "../domain/vocabulary.ts";
import { type Actor, canActInAgency } from "./actor.ts";
import type { ApplicationService } from "./application-service.ts";
import type { CaseRow } from "./case-store.ts";

export interface NewAppeal {
  kind: AppealKind;
  /** The day the review was applied for or the suit filed. */
  filedOn: CivilDate;
}

export interface AppealResultInput {
  result: AppealResult;
  /** The day of the review decision or judgment. */
  on: CivilDate;
  /** 重新答复: the decision corrected the reply and orders a new one (DOMAIN.md §3). */
  reReplyRequired?: boolean | undefined;
  /** The period the decision set for the new reply, when it set one. */
  reReplyDueOn?: CivilDate | undefined;
  /** The day the agency received the decision (default: `on`); the re-reply clock counts from it. */
  decisionReceivedOn?: CivilDate | undefined;
}

/** A review or lawsuit about one application (table 四). */
export interface AppealView {
  id: string;
  applicationId: string;
  trackingNo: string;
  kind: AppealKind;
  kindLabel: string;
  filedOn: CivilDate;
  result: AppealResult | null;
  resultLabel: string | null;
  resultOn: CivilDate | null;
}

export type AppealService = ReturnType<typeof makeAppealService>;

/** Reviews and lawsuits: filed against a visible application, their result recorded once. */
export function makeAppealService(deps: {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "visibleCase" | "inTransaction">;
  now: () => Date;
}) {
  const { db } = deps;

  function assertNotFuture(date: CivilDate, field: string) {
    const today = civilDateInChina(deps.now());
    if (date > today) throw invalid(field, `不能晚于今天（${today}）`);
  }

  function assertMayRecord(actor: Actor, c: CaseRow) {
    if (!canActInAgency(actor, c.agency.path, APPEAL_ROLES)) {
      throw new AppError("forbidden", {
        message: `只有本机关的${APPEAL_ROLES.map((r) => ROLE_LABELS[r]).join("、")}可以登记行政复议和行政诉讼`,
      });
    }
  }

  async function visibleAppeal(actor: Actor, id: string): Promise<{ appeal: DbAppeal; c: CaseRow }> {
    const notFound = new AppError("not_found", {
      message: `复议或诉讼记录 ${id} 不存在，或不在您的查看范围内`,
    });
    const appeal = await db.selectFrom("appeals").selectAll().where("id", "=", id).executeTakeFirst();
    if (!appeal) throw notFound;
    try {
      return { appeal, c: await deps.applications.visibleCase(actor, appeal.application_id) };
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw notFound;
      throw e;
    }
  }

  return {
    async file(actor: Actor, applicationId: string, input: NewAppeal): Promise<AppealView> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      assertMayRecord(actor, c);
      assertNotFuture(input.filedOn, "filedOn");
      if (input.filedOn < c.row.received_on) {
        throw invalid("filedOn", `不能早于收到申请之日（${c.row.received_on}）`);
      }
      const row: DbAppeal = {
        id: randomUUID(),
        application_id: c.row.id,
        kind: input.kind,
        filed_on: input.filedOn,
        result: null,
        result_on: null,
        created_at: deps.now(),
      };
      await db.insertInto("appeals").values(row).execute();
      return toView(row, c.row.tracking_no);
    },

    async recordResult(actor: Actor, id: string, input: AppealResultInput): Promise<AppealView> {
      const { appeal, c } = await visibleAppeal(actor, id);
      assertMayRecord(actor, c);
      assertNotFuture(input.on, "on");
      if (input.on < appeal.filed_on) throw invalid("on", `不能早于提起之日（${appeal.filed_on}）`);
      const received = input.decisionReceivedOn ?? input.on;
      assertNotFuture(received, "decisionReceivedOn");
      if (received < input.on) throw invalid("decisionReceivedOn", `不能早于决定之日（${input.on}）`);
      if (input.reReplyRequired && input.result !== "corrected") {
        throw invalid("reReplyRequired", "只有复议决定纠正或判决重新答复（结果纠正）时才需重新答复");
      }
      if (!input.reReplyRequired && input.reReplyDueOn !== undefined) {
        throw invalid("reReplyDueOn", "未要求重新答复时不填写重新答复期限");
      }
      // Once only, also against a concurrent request: the row changes only while it has no result.
      // The re-reply order goes to the case in the same transaction (all or nothing).
      const updated = await deps.applications.inTransaction(async (ops) => {
        const res = await ops.db
          .updateTable("appeals")
          .set({ result: input.result, result_on: input.on })
          .where("id", "=", id)
          .where("result", "is", null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return false;
        if (input.reReplyRequired) {
          await ops.record(actor, c.row.id, {
            type: "rereply.ordered",
            on: received,
            appealId: id,
            ...(input.reReplyDueOn === undefined ? {} : { dueOn: input.reReplyDueOn }),
          });
        }
        return true;
      });
      if (!updated) {
        const now = await db.selectFrom("appeals").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
        throw new AppError("conflict", {
          message: `该${APPEAL_KIND_LABELS[now.kind as AppealKind]}已于 ${now.result_on} 登记结果（${
            APPEAL_RESULT_LABELS[now.result as AppealResult]
          }），不能重复登记`,
        });
      }
      return toView({ ...appeal, result: input.result, result_on: input.on }, c.row.tracking_no);
    },

    async listForApplication(actor: Actor, applicationId: string): Promise<AppealView[]> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      const rows = await db
        .selectFrom("appeals")
        .selectAll()
        .where("application_id", "=", c.row.id)
        .orderBy("filed_on")
        .orderBy("created_at")
        .execute();
      return rows.map((r) => toView(r, c.row.tracking_no));
    },
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError("invalid_input", {
    message: `字段 ${field}：${message}`,
    details: [{ field, message }],
  });
}

function toView(row: DbAppeal, trackingNo: string): AppealView {
  const kind = row.kind as AppealKind;
  const result = row.result as AppealResult | null;
  return {
    id: row.id,
    applicationId: row.application_id,
    trackingNo,
    kind,
    kindLabel: APPEAL_KIND_LABELS[kind],
    filedOn: row.filed_on as CivilDate,
    result,
    resultLabel: result ? APPEAL_RESULT_LABELS[result] : null,
    resultOn: (row.result_on as CivilDate | null) ?? null,
  };
}
