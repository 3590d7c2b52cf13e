import type { Request, Response } from "express";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { AppError } from "../../app-error.ts";
import type { Database } from "../../db/schema.ts";
import { findDocumentByLetter, openDocument } from "../../documents/document-store.ts";
import type { PortalService } from "../../portal/portal-service.ts";
import { isUnknownCode } from "../../portal/portal-service.ts";
import { APPLICANT_LETTER_KINDS } from "../../portal/public-letters.ts";
import { hashQueryCode, normalizeQueryCode } from "../../portal/query-code.ts";
import { RateLimited } from "../auth/login-limiter.ts";
import { streamDocument } from "../documents/stream-document.ts";
import { type AnyRoute, defineRoute, HttpReply } from "../routing/define-route.ts";
import { parseInput } from "../validation/parse-input.ts";
import {
  ZChallenge,
  ZChallengeRequired,
  ZLetterParams,
  ZPublicAgencies,
  ZPublicStatus,
  ZPublicSubmission,
  ZQueryCodeParams,
  ZSubmitted,
  ZSupplementBody,
  ZWithdrawBody,
} from "./portal.schema.ts";
import { dropBody, isFormRequest, readPortalForm, submissionFields } from "./portal-forms.ts";
import { ChallengeRequired, type PortalGuard, type PortalLimits } from "./portal-guard.ts";

/** A look-up's 429: a delay running (Error, rate_limited) or a question to answer first. */
const LOOKUP_ERROR_BODIES = { 429: ZChallengeRequired };

export const PUBLIC_BASE = "/api/v1/public";

export interface PortalRoutesDeps {
  db: Kysely<Database>;
  portal: PortalService;
  guard: PortalGuard;
  limits: PortalLimits;
  /** Where uploaded files are spooled (default: the system's temporary folder). */
  tmpDir?: string | undefined;
}

const FILES_HELP = "或 multipart/form-data：同名文本字段（applicant 为 JSON），文件放在字段 files（可多个）";

const VERIFY = /^[0-9A-Za-z]{4}$/;

/** The headers of a look-up by 查询码, for the document. */
const LOOKUP_HEADERS: AnyRoute["headers"] = [
  {
    name: "X-Verify",
    required: true,
    description: "申请时所填联系电话或证件号码的最后4位（4个数字或字母，身份证号码末位的X不分大小写）",
  },
  {
    name: "X-Challenge-Token",
    required: false,
    description:
      "查询失败次数较多后：429 challenge_required 答复中 error.challenge.token（或 GET /api/v1/public/challenge）",
  },
  { name: "X-Challenge-Answer", required: false, description: "该算术题的答案（整数）" },
];
const VERIFY_HELP = "请求头 X-Verify：申请时所填联系电话或证件号码的最后4位";

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function verifyOf(req: Request): string {
  const v = header(req, "x-verify");
  if (v === undefined || !VERIFY.test(v)) {
    throw new AppError("invalid_input", {
      message: `请提供验证信息：申请时所填联系电话或证件号码的最后4位（${VERIFY_HELP}）`,
      details: [{ field: "X-Verify", message: "应为4位数字（身份证号码末位可为X）" }],
    });
  }
  return v;
}

/** The client's address as Express sees it behind the trusted proxies (TRUST_PROXY). */
const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";

export function portalRoutes(deps: PortalRoutesDeps): AnyRoute[] {
  const { portal, guard } = deps;

  /**
   * A look-up by code and digits under the guard: 429 while a delay runs, 429 with a question
   * past the free failures, and the one 404 for a wrong code or wrong digits (counted).
   */
  async function lookedUp<T>(
    req: Request,
    res: Response,
    code: string,
    work: (verify: string) => Promise<T>,
  ): Promise<T | HttpReply> {
    const verify = verifyOf(req);
    const codeHash = hashQueryCode(normalizeQueryCode(code) ?? code);
    const ip = ipOf(req);
    try {
      await guard.beginLookup(ip, codeHash, {
        token: header(req, "x-challenge-token"),
        answer: header(req, "x-challenge-answer"),
      });
    } catch (e) {
      if (e instanceof RateLimited) res.setHeader("Retry-After", String(e.retryAfterSeconds));
      if (!(e instanceof ChallengeRequired)) throw e;
      const message =
        e.reason === "wrong"
          ? `验证题答案不正确或已过期，请回答新的算术题后重试：${e.challenge.question}`
          : `查询失败次数较多，请先回答算术题后重试：${e.challenge.question}`;
      const body: z.output<typeof ZChallengeRequired> = {
        error: { code: "challenge_required", message, challenge: e.challenge },
      };
      return new HttpReply(429, body);
    }
    try {
      const result = await work(verify);
      await guard.succeeded(ip, codeHash);
      return result;
    } catch (e) {
      if (!isUnknownCode(e)) await guard.succeeded(ip, codeHash);
      throw e;
    }
  }

  const withUrls = (code: string) => (status: Awaited<ReturnType<PortalService["status"]>>) => ({
    ...status,
    letters: status.letters.map((l) => ({
      ...l,
      url: `${PUBLIC_BASE}/applications/${encodeURIComponent(code)}/letters/${l.kind}`,
    })),
  });

  return [
    defineRoute({
      method: "get",
      path: `${PUBLIC_BASE}/agencies`,
      summary: "（公开，无需登录）可受理申请的机关：代码和名称，按上下级组成树",
      tag: "portal",
      access: "public",
      response: ZPublicAgencies,
      async handle() {
        return { agencies: await agencyTree(deps.db) };
      },
    }),
    defineRoute({
      method: "get",
      path: `${PUBLIC_BASE}/challenge`,
      summary:
        "（公开）一道算术验证题：查询失败次数较多后，查询、补正、撤回须在请求头 X-Challenge-Token、X-Challenge-Answer 中附上令牌和答案（一次有效，5分钟内）",
      tag: "portal",
      access: "public",
      response: ZChallenge,
      async handle() {
        return guard.issueChallenge();
      },
    }),
    defineRoute({
      method: "post",
      path: `${PUBLIC_BASE}/applications`,
      summary:
        "（公开）在线提交政府信息公开申请；进入机关的“网络申请待确认”，机关确认之日为收到申请之日（条例第三十一条）。答复查询码（只显示一次）",
      tag: "portal",
      access: "public",
      body: ZPublicSubmission,
      multipart: {
        fields: ZPublicSubmission,
        files: ["files"],
        maxBytes: deps.limits.maxFileBytes,
        description: `申请的 JSON ${FILES_HELP}；类型按内容判断：PDF、JPEG、PNG、OFD、DOCX、XLSX`,
      },
      status: 201,
      errors: [429],
      response: ZSubmitted,
      async handle({ req, res, body }) {
        try {
          await guard.beginSubmission(ipOf(req));
        } catch (e) {
          if (e instanceof RateLimited) res.setHeader("Retry-After", String(e.retryAfterSeconds));
          if (isFormRequest(req)) dropBody(req, res);
          throw e;
        }
        if (!isFormRequest(req)) return portal.submit(body);
        const form = await readPortalForm(req, res, deps.limits, deps.tmpDir);
        try {
          return await portal.submit(
            parseInput(ZPublicSubmission, submissionFields(form.fields), "body"),
            form.portalFiles,
          );
        } finally {
          await form.dispose();
        }
      },
    }),
    defineRoute({
      method: "get",
      path: `${PUBLIC_BASE}/applications/:queryCode`,
      summary: `（公开）申请查询：办理阶段、收到日期、答复期限、已出具的文书、是否需要补正；不含个人信息。${VERIFY_HELP}；查询码或验证信息不正确一律答复404`,
      tag: "portal",
      access: "public",
      params: ZQueryCodeParams,
      headers: LOOKUP_HEADERS,
      errors: [404, 429],
      errorBodies: LOOKUP_ERROR_BODIES,
      response: ZPublicStatus,
      async handle({ req, res, params }) {
        return lookedUp(req, res, params.queryCode, (v) =>
          portal.status(params.queryCode, v).then(withUrls(params.queryCode)),
        );
      },
    }),
    defineRoute({
      method: "post",
      path: `${PUBLIC_BASE}/applications/:queryCode/supplement`,
      summary: `（公开）网上补正：仅在机关要求补正期间，登记为当天（北京时间）收到补正材料。${VERIFY_HELP}`,
      tag: "portal",
      access: "public",
      params: ZQueryCodeParams,
      headers: LOOKUP_HEADERS,
      body: ZSupplementBody,
      multipart: {
        fields: ZSupplementBody,
        files: ["files"],
        maxBytes: deps.limits.maxFileBytes,
        description: `补正内容 text ${FILES_HELP}`,
      },
      errors: [404, 409, 413, 429],
      errorBodies: LOOKUP_ERROR_BODIES,
      response: ZPublicStatus,
      async handle({ req, res, params, body }) {
        const answer = await lookedUp(req, res, params.queryCode, async (v) => {
          if (!isFormRequest(req)) return portal.supplement(params.queryCode, v, body.text);
          await portal.locate(params.queryCode, v);
          const form = await readPortalForm(req, res, deps.limits, deps.tmpDir);
          try {
            const fields = parseInput(ZSupplementBody, form.fields, "body");
            return await portal.supplement(params.queryCode, v, fields.text, form.portalFiles);
          } finally {
            await form.dispose();
          }
        }).catch((e: unknown) => {
          if (isFormRequest(req) && !req.readableEnded) dropBody(req, res);
          throw e;
        });
        return answer instanceof HttpReply ? dropped(req, res, answer) : withUrls(params.queryCode)(answer);
      },
    }),
    defineRoute({
      method: "post",
      path: `${PUBLIC_BASE}/applications/:queryCode/withdraw`,
      summary: `（公开）撤回申请：机关确认前撤回提交；确认后作为申请人撤回登记（答复前）。${VERIFY_HELP}`,
      tag: "portal",
      access: "public",
      params: ZQueryCodeParams,
      headers: LOOKUP_HEADERS,
      body: ZWithdrawBody,
      isBodyOptional: true,
      errors: [404, 409, 429],
      errorBodies: LOOKUP_ERROR_BODIES,
      response: ZPublicStatus,
      async handle({ req, res, params }) {
        return lookedUp(req, res, params.queryCode, (v) =>
          portal.withdraw(params.queryCode, v).then(withUrls(params.queryCode)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: `${PUBLIC_BASE}/applications/:queryCode/letters/:kind`,
      summary: `（公开）下载机关出具给申请人的文书（出具时固定的 PDF）；kind 为查询结果 letters 中的 kind。${VERIFY_HELP}`,
      tag: "portal",
      access: "public",
      params: ZLetterParams,
      headers: LOOKUP_HEADERS,
      errors: [404, 429],
      errorBodies: LOOKUP_ERROR_BODIES,
      produces: [{ mediaType: "application/pdf", description: "文书的 PDF" }],
      async handle({ req, res, params }) {
        const answer = await lookedUp(req, res, params.queryCode, async (v) => {
          const s = await portal.locate(params.queryCode, v);
          const letters = await portal.status(params.queryCode, v);
          const isIssued = letters.letters.some((l) => l.kind === params.kind);
          if (
            s.application_id === null ||
            !isIssued ||
            !(APPLICANT_LETTER_KINDS as string[]).includes(params.kind)
          ) {
            throw new AppError("not_found", { message: "没有这份文书：请从查询结果的文书列表中选择下载" });
          }
          const owner = { kind: "application" as const, id: s.application_id };
          const frozen = await findDocumentByLetter(deps.db, owner, params.kind);
          const opened = frozen ? await openDocument(deps.db, owner, frozen.id) : null;
          if (!opened) {
            throw new AppError("not_found", {
              message: "这份文书的电子文件（PDF）尚未生成，请稍后再试，或以机关送达的文书为准",
            });
          }
          return opened;
        });
        if (answer instanceof HttpReply) return answer;
        return streamDocument(req, res, answer.document, answer.content);
      },
    }),
  ];
}

/** A refusal answered before a form was read: the rest of the body is dropped. */
function dropped(req: Request, res: Response, reply: HttpReply): HttpReply {
  if (isFormRequest(req)) dropBody(req, res);
  return reply;
}

interface TreeNode {
  code: string;
  name: string;
  children?: TreeNode[];
}

/** Every agency, codes and names only, nested under its parent (ordered by code). */
async function agencyTree(db: Kysely<Database>): Promise<TreeNode[]> {
  const rows = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "parent_id"])
    .orderBy("code")
    .execute();
  const nodes = new Map(rows.map((r) => [r.id, { code: r.code, name: r.name } as TreeNode]));
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id) as TreeNode;
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}
