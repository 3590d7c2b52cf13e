/**
 * 网络申请待确认 (issue 12): the agency's queue of online submissions. A clerk confirms one (the
 * case is registered through the registration path with the applicant's data as submitted,
 * channel online, the art. 31 receipt date the confirmation's unless given; its files follow it;
 * one transaction), or rejects one that is no application at all (no case).
 */
import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import {
  listDocuments,
  openDocument,
  reattachDocuments,
  type StoredDocument,
} from "../documents/document-store.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import { maskApplicant } from "../domain/personal-data.ts";
import { ONLINE_QUEUE_ROLES, REGISTER_ROLES } from "../domain/roles.ts";
import { recordAccess } from "../services/access-log-store.ts";
import { type Actor, canActInAgency, canSeeAgency } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { Applicant, ApplicationView } from "../services/application-types.ts";
import {
  type DbOnlineSubmission,
  decideSubmission,
  listSubmissions,
  lockSubmission,
  portalDb,
  type SubmissionStatus,
} from "./submission-store.ts";

/** A submission as the queue lists it: the applicant masked as in every list. */
export interface SubmissionView {
  id: string;
  agencyCode: string;
  status: SubmissionStatus;
  submittedAt: string;
  /** The day it was submitted (China): the earliest receipt date a confirmation may give. */
  submittedOn: CivilDate;
  applicant: Applicant;
  description: string;
  deliveryForm: string | null;
  rejectReason: string | null;
  applicationId: string | null;
  /** The files sent with it (while pending; a confirmation moves them to the case). */
  documents: SubmissionDocument[];
}

export interface SubmissionDocument {
  id: string;
  fileName: string;
  /** Read from the content. */
  contentType: string;
  size: number;
  kind: string;
  /** Where the staff download it. */
  url: string;
}

function toDocument(submissionId: string, d: StoredDocument): SubmissionDocument {
  return {
    id: d.id,
    fileName: d.downloadName,
    contentType: d.detectedType,
    size: d.size,
    kind: d.kind,
    url: `/api/v1/online-submissions/${submissionId}/documents/${d.id}`,
  };
}

export interface IntakeQueueDeps {
  db: Kysely<Database>;
  applications: ApplicationService;
  now: () => Date;
}

const STATUS_WORDS: Record<SubmissionStatus, string> = {
  pending: "待确认",
  confirmed: "已确认登记",
  rejected: "已不予受理",
  withdrawn: "已由申请人撤回",
};

function notFound(id: string): AppError {
  return new AppError("not_found", { message: `网络申请 ${id} 不存在，或不在您的范围内` });
}

export type IntakeQueueService = ReturnType<typeof makeIntakeQueueService>;

export function makeIntakeQueueService(deps: IntakeQueueDeps) {
  const { db } = deps;

  async function agencyById(trx: Kysely<Database>, id: number) {
    return trx
      .selectFrom("agencies")
      .select(["id", "code", "path"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  }

  function toView(
    s: DbOnlineSubmission,
    agencyCode: string,
    documents: StoredDocument[] = [],
  ): SubmissionView {
    return {
      id: s.id,
      agencyCode,
      status: s.status,
      submittedAt: new Date(s.submitted_at).toISOString(),
      submittedOn: civilDateInChina(new Date(s.submitted_at)),
      applicant: maskApplicant(s.applicant),
      description: s.description,
      deliveryForm: s.delivery_form,
      rejectReason: s.reject_reason,
      applicationId: s.application_id,
      documents: documents.map((d) => toDocument(s.id, d)),
    };
  }

  /** The pending submission `id` locked, visible to the actor (404) and theirs to decide (403). */
  async function lockForDecision(trx: Kysely<Database>, actor: Actor, id: string) {
    const s = await lockSubmission(trx, id);
    if (!s) throw notFound(id);
    const agency = await agencyById(trx, s.agency_id);
    if (!canSeeAgency(actor, agency.path)) throw notFound(id);
    if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, REGISTER_ROLES)) {
      throw new AppError("forbidden", { message: "只有本机关的登记人员可以确认或不予受理网络申请" });
    }
    if (s.status !== "pending") {
      throw new AppError("conflict", {
        message: `该网络申请${STATUS_WORDS[s.status]}，不能再确认或不予受理；请刷新待确认列表`,
      });
    }
    return { s, agency };
  }

  return {
    /** The agency's queue (default: the caller's agency; a system admin without one: every agency's; `status` default pending). */
    async list(
      actor: Actor,
      q: { agency?: string | undefined; status?: SubmissionStatus | undefined; page?: number | undefined },
    ): Promise<{ items: SubmissionView[]; total: number }> {
      const code = q.agency ?? actor.agencyCode;
      let agencyId: number | null = null;
      if (code) {
        const agency = await db
          .selectFrom("agencies")
          .select(["id", "code", "path"])
          .where("code", "=", code)
          .executeTakeFirst();
        if (!agency || !canSeeAgency(actor, agency.path)) {
          throw new AppError("not_found", { message: `机关“${code}”不存在，或不在您的范围内` });
        }
        if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, ONLINE_QUEUE_ROLES)) {
          throw new AppError("forbidden", {
            message: "网络申请待确认列表只对本机关的登记人员和机关管理员开放",
          });
        }
        agencyId = agency.id;
      } else if (!actor.isSystemAdmin) {
        throw new AppError("forbidden", {
          message: "网络申请待确认列表只对本机关的登记人员和机关管理员开放",
        });
      }
      const pageSize = 50;
      const { rows, total } = await listSubmissions(db, agencyId, q.status ?? "pending", {
        offset: ((q.page ?? 1) - 1) * pageSize,
        limit: pageSize,
      });
      const items: SubmissionView[] = [];
      for (const r of rows) {
        items.push(toView(r, r.agency_code, await listDocuments(db, { kind: "submission", id: r.id })));
      }
      return { items, total };
    },

    /**
     * One file of a submission, to its agency's queue workers (an ID copy is personal data: the
     * download is in the access log, by field name only).
     */
    async openDocument(actor: Actor, id: string, docId: string, requestId: string | null) {
      const s = await portalDb(db)
        .selectFrom("online_submissions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      const agency = s ? await agencyById(db, s.agency_id) : undefined;
      if (!s || !agency || !canSeeAgency(actor, agency.path)) throw notFound(id);
      if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, ONLINE_QUEUE_ROLES)) {
        throw new AppError("forbidden", { message: "网络申请的附件只对本机关的登记人员和机关管理员开放" });
      }
      const opened = await openDocument(db, { kind: "submission", id }, docId);
      if (!opened) {
        throw new AppError("not_found", { message: "没有这个附件：网络申请确认后，附件已转入案件材料" });
      }
      if (actor.userId !== null) {
        await recordAccess(db, {
          at: deps.now(),
          userId: actor.userId,
          agencyId: agency.id,
          kind: "submission_document",
          applicationId: null,
          fields: [],
          requestId,
        });
      }
      return opened;
    },

    /** Confirms: the case registered (channel online) and the submission closed, in one transaction. */
    async confirm(
      actor: Actor,
      id: string,
      body: { receivedOn?: CivilDate | undefined },
    ): Promise<ApplicationView> {
      const applicationId = await deps.applications.inTransaction(async (ops) => {
        const { s, agency } = await lockForDecision(ops.db, actor, id);
        const submittedOn = civilDateInChina(new Date(s.submitted_at));
        const receivedOn = body.receivedOn ?? ops.today;
        if (receivedOn < submittedOn) {
          throw new AppError("invalid_input", {
            message: `字段 receivedOn：收到日期不能早于申请人提交的日期（${submittedOn}）`,
            details: [{ field: "receivedOn", message: `不能早于 ${submittedOn}` }],
          });
        }
        const caseId = await ops.register(actor, {
          agencyCode: agency.code,
          channel: "online",
          receivedOn,
          applicant: s.applicant,
          description: s.description,
          deliveryForm: s.delivery_form ?? undefined,
        });
        await decideSubmission(ops.db, s.id, {
          status: "confirmed",
          at: deps.now(),
          by: actor.userId,
          applicationId: caseId,
        });
        await reattachDocuments(
          ops.db,
          { kind: "submission", id: s.id },
          { kind: "application", id: caseId },
        );
        return caseId;
      });
      return deps.applications.get(actor, applicationId);
    },

    /** 不予受理: a submission that is no application (spam, a duplicate); no case, the reason kept. */
    async reject(actor: Actor, id: string, body: { reason: string }): Promise<SubmissionView> {
      return db.transaction().execute(async (trx) => {
        const { s, agency } = await lockForDecision(trx, actor, id);
        const at = deps.now();
        await decideSubmission(trx, s.id, {
          status: "rejected",
          at,
          by: actor.userId,
          rejectReason: body.reason,
        });
        return toView({ ...s, status: "rejected", reject_reason: body.reason, decided_at: at }, agency.code);
      });
    },
  };
}
