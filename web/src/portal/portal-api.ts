/**
 * The applicant's portal calls the public API only (`/api/v1/public/…`, no session, no CSRF):
 * JSON in and out, or multipart when files go with it. Every refusal becomes a PortalError with
 * the server's Chinese message, its field details, a 429's Retry-After and, after repeated
 * failures, the arithmetic challenge to answer.
 */

import type { components, operations } from "../api/generated/openapi.ts";

const PUBLIC = "/api/v1/public";

/** One entry of a refusal's `details` (the document's ErrorDetail). */
export type FieldProblem = Schemas["ErrorDetail"];

/** The server's arithmetic question (the document's Challenge), answered by the next call. */
export type Challenge = Pick<Schemas["Challenge"], "token" | "question">;

/** The look-ups' X-Challenge-Token and X-Challenge-Answer: the question's token and the applicant's answer. */
export interface ChallengeAnswer {
  token: Schemas["Challenge"]["token"];
  answer: NonNullable<LookupHeaders["X-Challenge-Answer"]>;
}

type LookupHeaders = NonNullable<operations["getApiV1PublicApplicationsQueryCode"]["parameters"]["header"]>;

export class PortalError extends Error {
  override readonly name = "PortalError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    /** Seconds to wait (429's Retry-After). */
    readonly retryAfter?: number,
    readonly challenge?: Challenge,
  ) {
    super(message);
  }
}

type Schemas = components["schemas"];

/** An agency that takes applications, with those below it. */
export type PublicAgency = Schemas["PublicAgency"];
/** `POST /api/v1/public/applications`: the submission as the server's schema accepts it. */
export type SubmissionInput =
  operations["postApiV1PublicApplications"]["requestBody"]["content"]["application/json"];
export type PublicApplicant = SubmissionInput["applicant"];
export type ApplicantKind = PublicApplicant["type"];
/** The query code (shown once) and the submission's time. */
export type Submitted = Schemas["Submitted"];
/** A letter issued to the applicant (`kind` is its download path). */
export type PublicLetter = Schemas["PublicLetter"];
/** A message to the applicant (the words of the mail and SMS sent at a step of the case). */
export type PublicNotice = Schemas["PublicNotice"];
/** `GET /api/v1/public/applications/:queryCode`: stage and dates, no personal data. */
export type PublicStatus = Schemas["PublicStatus"];
type SupplementBody =
  operations["postApiV1PublicApplicationsQueryCodeSupplement"]["requestBody"]["content"]["application/json"];

/** A refusal's body: the document's Error, or a look-up's 429 ChallengeRequired (empty when not JSON: a proxy's page). */
type ErrorJson = Partial<Schemas["Error"] | Schemas["ChallengeRequired"]>;

async function toError(res: Response): Promise<PortalError> {
  let body: ErrorJson = {};
  try {
    body = (await res.json()) as ErrorJson;
  } catch {
    // not JSON: a proxy's page
  }
  const retry = Number(res.headers.get("Retry-After"));
  const e = body.error;
  const challenge =
    e && "challenge" in e ? { token: e.challenge.token, question: e.challenge.question } : undefined;
  const message =
    e?.message ??
    (res.status === 429 ? "操作过于频繁，请稍后再试" : `服务暂时不可用（${res.status}），请稍后再试`);
  return new PortalError(
    res.status,
    e?.code ?? "http_error",
    message,
    (e && "details" in e ? e.details : undefined) ?? [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    challenge,
  );
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${PUBLIC}${path}`, { credentials: "omit", ...init });
  } catch {
    throw new PortalError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** Multipart: the JSON fields as text parts, then every file under `files`. */
function multipartInit(fields: Record<string, unknown>, files: File[], headers: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    form.append(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  for (const f of files) form.append("files", f, f.name);
  return { method: "POST", headers: { Accept: "application/json", ...headers }, body: form };
}

function verifyHeaders(verify: string, answer?: ChallengeAnswer): Record<string, string> {
  const h: Record<string, string> = { "X-Verify": verify };
  if (answer) {
    h["X-Challenge-Token"] = answer.token;
    h["X-Challenge-Answer"] = answer.answer;
  }
  return h;
}

export const fetchAgencies = () => call<Schemas["PublicAgencies"]>("/agencies", {});

export function submitApplication(input: SubmissionInput, files: File[], answer?: ChallengeAnswer) {
  const headers: Record<string, string> = answer
    ? { "X-Challenge-Token": answer.token, "X-Challenge-Answer": answer.answer }
    : {};
  const init =
    files.length > 0 ? multipartInit({ ...input }, files, headers) : jsonInit("POST", input, headers);
  return call<Submitted>("/applications", init);
}

const at = (code: string) => `/applications/${encodeURIComponent(code.trim())}`;

export const fetchStatus = (code: string, verify: string, answer?: ChallengeAnswer) =>
  call<PublicStatus>(at(code), { headers: { Accept: "application/json", ...verifyHeaders(verify, answer) } });

export function answerSupplement(code: string, verify: string, text: string, files: File[]) {
  const headers = verifyHeaders(verify);
  const body: SupplementBody = { text };
  const init = files.length > 0 ? multipartInit(body, files, headers) : jsonInit("POST", body, headers);
  return call<PublicStatus>(`${at(code)}/supplement`, init);
}

export const withdrawApplication = (code: string, verify: string) =>
  call<PublicStatus>(`${at(code)}/withdraw`, jsonInit("POST", {}, verifyHeaders(verify)));

/** Where a letter of the case is downloaded (the frozen PDF as issued). */
export const letterPath = (code: string, kind: string) =>
  `${PUBLIC}${at(code)}/letters/${encodeURIComponent(kind)}`;

/** A letter's file: fetched with the verification header, then saved under its own name. */
export async function downloadLetter(code: string, kind: string, verify: string, fallbackName: string) {
  let res: Response;
  try {
    res = await fetch(letterPath(code, kind), { headers: { "X-Verify": verify }, credentials: "omit" });
  } catch {
    throw new PortalError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const disposition = res.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
