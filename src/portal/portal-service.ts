/**
 * The applicant's side of an online application (issue 12, the public portal): submit, look up
 * by 查询码 and the last four characters of the phone or ID number, answer a supplement notice,
 * withdraw. No login: the 查询码 (128 random bits, stored as its sha256) is the key. Every case
 * write goes through the application service's action path as a portal actor of the case's
 * agency, so the machine, the replay and the deadlines are the staff side's own.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { type DocumentLimits, type SpooledFile, storeSpooled } from "../documents/document-store.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import type { DocumentKind } from "../domain/document-kinds.ts";
import { listApplicantNotices } from "../notices/list-applicant-notices.ts";
import { type Actor, SYSTEM_ACTOR } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { ActionInput, Applicant, ApplicationView } from "../services/application-types.ts";
import { type PublicLetter, publicLetters } from "./public-letters.ts";
import { PUBLIC_STAGE_LABELS, type PublicStage, stageOfCase, stageOfSubmission } from "./public-stage.ts";
import { generateQueryCode, hashQueryCode, matchesVerification, normalizeQueryCode } from "./query-code.ts";
import { type DbOnlineSubmission, decideSubmission, insertSubmission, portalDb } from "./submission-store.ts";

export interface PublicSubmissionInput {
  agencyCode: string;
  applicant: Applicant;
  description: string;
  deliveryForm?: string | undefined;
}

/** What the status page shows: stage and dates, no personal data. */
export interface PublicStatus {
  stage: PublicStage;
  stageLabel: string;
  submittedAt: string;
  agencyName: string;
  /** The art. 31 receipt date, once a clerk confirmed the submission. */
  receivedOn: CivilDate | null;
  /** The reply deadline while the reply clock runs (or has run out unanswered). */
  dueOn: CivilDate | null;
  /** The deadline falls in a year whose official holidays are not yet published. */
  dueOnProvisional: boolean;
  /** The day the case was answered or ended. */
  dispositionOn: CivilDate | null;
  supplementRequested: boolean;
  /** What the supplement notice asks for, while one is open. */
  supplementText: string | null;
  /** The last day to answer it, when known (the notice's receipt is recorded). */
  supplementDueOn: CivilDate | null;
  /** Why the agency did not take the submission (rejected). */
  rejectReason: string | null;
  canWithdraw: boolean;
  letters: PublicLetter[];
  /** The messages sent to the applicant (receipt, supplement notice, extension, fee, reply), oldest first. */
  notices: { kind: string; sentOn: CivilDate; text: string }[];
}

/** A file the applicant sent with the form, spooled to disk (the caller disposes of it). */
export interface PortalFile {
  fileName: string;
  declaredType: string;
  spooled: SpooledFile;
}

export interface PortalServiceDeps {
  db: Kysely<Database>;
  applications: ApplicationService;
  now: () => Date;
  /** Limits of the files of one submission (and of one supplement). */
  fileLimits: DocumentLimits;
}

/** One answer for a wrong code and for wrong digits: nothing tells which (no enumeration). */
class UnknownCode extends AppError {
  constructor() {
    super("not_found", {
      message: "查询码或验证信息不正确：请核对查询码，并输入申请时所填联系电话或证件号码的最后4位",
    });
  }
}

function unknownCode(): AppError {
  return new UnknownCode();
}

/** A failed verification (counted by the portal's guard), as opposed to any other refusal. */
export function isUnknownCode(e: unknown): boolean {
  return e instanceof UnknownCode;
}

const NOBODY: Applicant = { type: "natural_person", name: "", phone: "\u0000\u0000\u0000\u0000" };

/** The one who acts for the applicant on the case: the intake role of the case's agency, no user. */
function portalActor(agency: { id: number; code: string; path: string }): Actor {
  return {
    userId: null,
    username: "portal",
    displayName: "申请人（网上）",
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyPath: agency.path,
    roles: ["intake"],
    isSystemAdmin: false,
  };
}

export type PortalService = ReturnType<typeof makePortalService>;

export function makePortalService(deps: PortalServiceDeps) {
  const { db, applications } = deps;
  const today = () => civilDateInChina(deps.now());

  /**
   * The submission of a code whose verification matches, else the one 404. One indexed read
   * (with the case's applicant joined) whether the code exists or not, and a constant-time
   * comparison against a dummy when it does not, so the two failures take the same time.
   */
  async function locate(code: string, verify: string): Promise<DbOnlineSubmission> {
    const hash = hashQueryCode(normalizeQueryCode(code) ?? code);
    const row = await portalDb(db)
      .selectFrom("online_submissions as s")
      .leftJoin("applications as a", "a.id", "s.application_id")
      .selectAll("s")
      .select("a.applicant as caseApplicant")
      .where("s.query_code_hash", "=", hash)
      .executeTakeFirst();
    const applicant = (row?.caseApplicant ?? row?.applicant ?? NOBODY) as Applicant;
    const isMatch = matchesVerification(verify, applicant);
    if (!row || !isMatch) throw unknownCode();
    const { caseApplicant: _c, ...submission } = row;
    return submission;
  }

  /** The applicant's files as documents of `owner`, in the caller's transaction (none: nothing). */
  async function storeFiles(
    trx: Kysely<Database>,
    owner: { kind: "submission" | "application"; id: string },
    files: readonly PortalFile[],
    kind: DocumentKind,
    at: Date,
    eventSeq?: number,
  ): Promise<void> {
    for (const f of files) {
      await storeSpooled(
        trx,
        f.spooled,
        {
          owner,
          kind,
          eventSeq,
          fileName: f.fileName,
          declaredType: f.declaredType,
          uploadedBy: null,
          uploadedAt: at,
        },
        deps.fileLimits,
      );
    }
  }

  async function caseView(applicationId: string): Promise<ApplicationView> {
    return applications.get(SYSTEM_ACTOR, applicationId);
  }

  async function agencyOf(code: string) {
    return db
      .selectFrom("agencies")
      .select(["id", "code", "name", "path"])
      .where("code", "=", code)
      .executeTakeFirst();
  }

  async function statusOf(s: DbOnlineSubmission): Promise<PublicStatus> {
    const agency = await db
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", s.agency_id)
      .executeTakeFirstOrThrow();
    const base = {
      submittedAt: new Date(s.submitted_at).toISOString(),
      agencyName: agency.name,
      receivedOn: null,
      dueOn: null,
      dueOnProvisional: false,
      dispositionOn: null,
      supplementRequested: false,
      supplementText: null,
      supplementDueOn: null,
      rejectReason: null,
      letters: [],
      notices: [],
    };
    if (s.status !== "confirmed" || s.application_id === null) {
      const stage = stageOfSubmission(s.status === "confirmed" ? "pending" : s.status);
      return {
        ...base,
        stage,
        stageLabel: PUBLIC_STAGE_LABELS[stage],
        rejectReason: s.reject_reason,
        canWithdraw: s.status === "pending",
      };
    }
    const view = await caseView(s.application_id);
    const stage = stageOfCase(view);
    const reply = view.deadlines.reply;
    const isRunning = reply.state === "running" || reply.state === "missed";
    const isSupplement = view.state === "awaiting_supplement";
    return {
      ...base,
      stage,
      stageLabel: PUBLIC_STAGE_LABELS[stage],
      receivedOn: view.receivedOn,
      dueOn: isRunning && !isSupplement ? reply.dueOn : null,
      dueOnProvisional: isRunning && !isSupplement && reply.provisional,
      dispositionOn: view.dispositionOn,
      supplementRequested: isSupplement,
      supplementText: isSupplement ? supplementItems(view) : null,
      supplementDueOn: isSupplement ? (view.deadlines.supplementWindow?.dueOn ?? null) : null,
      canWithdraw: view.allowedActions.includes("withdraw"),
      letters: await publicLetters(db, s.application_id),
      notices: (await listApplicantNotices(db, s.application_id)).map((n) => ({
        kind: n.kind,
        sentOn: n.on,
        text: n.text,
      })),
    };
  }

  /** A case action for the applicant, dated today; a refusal of the machine in the applicant's words. */
  async function actForApplicant(
    s: DbOnlineSubmission,
    input: ActionInput,
    refusal: string,
    /** More writes in the action's transaction, given the seq of the event it recorded. */
    alongside?: (trx: Kysely<Database>, caseId: string, seq: number) => Promise<void>,
  ): Promise<void> {
    const view = await caseView(s.application_id as string);
    const agency = await agencyOf(view.agencyCode);
    if (!agency) throw unknownCode();
    try {
      await applications.inTransaction(async (ops) => {
        await ops.act(portalActor(agency), view.id, input);
        // the action is the last event it appended: its seq is the row's version
        const row = await ops.db
          .selectFrom("applications")
          .select("version")
          .where("id", "=", view.id)
          .executeTakeFirstOrThrow();
        await alongside?.(ops.db, view.id, row.version);
      });
    } catch (e) {
      if (e instanceof AppError && (e.code === "illegal_action" || e.code === "version_conflict"))
        throw new AppError("conflict", { message: refusal });
      throw e;
    }
  }

  return {
    /** 在线申请: a pending submission in the agency's intake queue, and its 查询码 (shown once). */
    async submit(
      input: PublicSubmissionInput,
      files: readonly PortalFile[] = [],
    ): Promise<{ queryCode: string; submittedAt: string }> {
      const agency = await agencyOf(input.agencyCode);
      if (!agency) {
        throw new AppError("invalid_input", {
          message: "所选机关不存在，请从机关列表中重新选择",
          details: [{ field: "agencyCode", message: "机关不存在" }],
        });
      }
      const queryCode = generateQueryCode();
      const submittedAt = deps.now();
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertSubmission(trx, {
          id,
          agency_id: agency.id,
          query_code_hash: hashQueryCode(normalizeQueryCode(queryCode) as string),
          applicant_type: input.applicant.type,
          applicant: input.applicant,
          description: input.description,
          delivery_form: input.deliveryForm ?? null,
          status: "pending",
          submitted_at: submittedAt,
        });
        await storeFiles(trx, { kind: "submission", id }, files, "other", submittedAt);
      });
      return { queryCode, submittedAt: submittedAt.toISOString() };
    },

    /** 申请查询: where the application stands. Reads only. */
    async status(code: string, verify: string): Promise<PublicStatus> {
      return statusOf(await locate(code, verify));
    },

    /** Checks code and digits (the uniform 404) and hands back the submission. */
    locate,

    /** 网上补正: recorded as receive_supplement today (China), only while a supplement is requested. */
    async supplement(
      code: string,
      verify: string,
      text: string,
      files: readonly PortalFile[] = [],
    ): Promise<PublicStatus> {
      const s = await locate(code, verify);
      if (s.status !== "confirmed") {
        throw new AppError("conflict", {
          message: "您的申请尚未受理登记，目前不需要补正；如需补充说明，可撤回后重新提交",
        });
      }
      const view = await caseView(s.application_id as string);
      if (view.state !== "awaiting_supplement") {
        throw new AppError("conflict", {
          message: "机关目前没有要求补正，无需提交补正材料；如有疑问请联系办理机关",
        });
      }
      await actForApplicant(
        s,
        { type: "receive_supplement", on: today(), reason: `申请人通过网上申请查询提交补正：${text}` },
        "补正未能登记：申请的办理情况刚刚发生变化，请刷新后查看",
        (trx, caseId, seq) =>
          storeFiles(trx, { kind: "application", id: caseId }, files, "supplement", deps.now(), seq),
      );
      return statusOf(s);
    },

    /** 撤回: a pending submission is withdrawn; a case gets the withdraw action, today. */
    async withdraw(code: string, verify: string): Promise<PublicStatus> {
      const s = await locate(code, verify);
      if (s.status === "pending") {
        await db.transaction().execute(async (trx) => {
          const done = await decideSubmission(trx, s.id, { status: "withdrawn", at: deps.now(), by: null });
          if (!done) throw new AppError("conflict", { message: "机关刚刚处理了您的申请，请刷新后查看" });
        });
        return statusOf({ ...s, status: "withdrawn" });
      }
      if (s.status !== "confirmed") {
        throw new AppError("conflict", {
          message: s.status === "withdrawn" ? "该申请已经撤回" : "该提交未被受理，无需撤回",
        });
      }
      await actForApplicant(
        s,
        { type: "withdraw", on: today(), reason: "申请人通过网上申请查询撤回申请" },
        "申请已经答复或终止，不能再撤回",
      );
      return statusOf(s);
    },
  };
}

/** The items of the open supplement notice (the agency's words), as one text. */
function supplementItems(view: ApplicationView): string | null {
  const notice = (view.events ?? [])
    .filter((e) => e.type === "supplement.requested" && e.superseded === null)
    .at(-1);
  const items = notice?.payload.items;
  return Array.isArray(items) ? items.map(String).join("；") : null;
}
