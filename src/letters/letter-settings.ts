import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { type AncestorAgency, type ReviewBody, reviewBodyFor } from "../domain/review-body.ts";
import { AGENCY_ADMIN_ROLES } from "../domain/roles.ts";
import type { AgencyKindId } from "../domain/vocabulary.ts";
import { type Actor, canActInAgency } from "../services/actor.ts";
import { defaultShortName } from "./letter-kinds.ts";
import { lettersDb } from "./letter-store.ts";

/** An agency's letter settings and what the tree says without them (GET/PUT …/letter-settings). */
export interface LetterSettings {
  agencyCode: string;
  /** The short name in the agency's numbers (嵋阳镇公开〔2026〕第1号): set, or the default. */
  shortName: string;
  /** The short name the admin set; null: none, the letters use defaultShortName. */
  shortNameSet: string | null;
  /** The short name derived from the agency's name (“嵋阳镇人民政府” → “嵋阳镇”). */
  defaultShortName: string;
  /** The review body (复议机关) the admin set; null: the tree's. */
  reviewBody: string | null;
  /** The review body the replies name from today: the setting, else the tree's; null: none (replies refused). */
  effectiveReviewBody: ReviewBody | null;
  /** The review body the tree alone gives (the nearest people's government above). */
  derivedReviewBody: ReviewBody | null;
  /** Default 缴纳方式 of the fee notices; null: each notice must state it. */
  feePaymentMethod: string | null;
}

/** A change of settings; null clears a setting, an absent field keeps it. */
export interface LetterSettingsChange {
  /** null or "" clears it (back to the default short name). */
  shortName?: string | null | undefined;
  reviewBody?: string | null | undefined;
  feePaymentMethod?: string | null | undefined;
}

/** What the letters of one agency need of it: names, kind, settings, and the agencies above it. */
export interface AgencyForLetters {
  id: number;
  code: string;
  name: string;
  kind: AgencyKindId;
  path: string;
  shortName: string;
  /** The short name set in the settings; null: shortName is the default. */
  shortNameSetting: string | null;
  reviewBodyOverride: string | null;
  feePaymentMethod: string | null;
  /** Nearest first. */
  ancestors: AncestorAgency[];
}

/** The agency by id or code, with its ancestors (from its path of codes). */
export async function loadAgencyForLetters(
  db: Kysely<Database>,
  by: { id: number } | { code: string },
): Promise<AgencyForLetters | undefined> {
  const q = lettersDb(db).selectFrom("agencies").selectAll();
  const a = await ("id" in by ? q.where("id", "=", by.id) : q.where("code", "=", by.code)).executeTakeFirst();
  if (!a) return undefined;
  const codes = a.path.split("/").filter((code) => code !== "" && code !== a.code);
  const above =
    codes.length === 0
      ? []
      : await db.selectFrom("agencies").select(["code", "name", "kind"]).where("code", "in", codes).execute();
  const ancestors = codes
    .reverse()
    .map((code) => above.find((x) => x.code === code))
    .filter((x) => x !== undefined)
    .map((x) => ({ name: x.name, kind: x.kind as AgencyKindId }));
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind as AgencyKindId,
    path: a.path,
    shortName: a.short_name ?? defaultShortName(a.name),
    shortNameSetting: a.short_name,
    reviewBodyOverride: a.review_body,
    feePaymentMethod: a.fee_payment_method,
    ancestors,
  };
}

/** The review body of the agency's act on that day (行政复议法 art. 24; 2017 text arts. 12, 13). */
export function agencyReviewBody(agency: AgencyForLetters, on: CivilDate): ReviewBody | null {
  return reviewBodyFor(
    { kind: agency.kind, reviewBodyOverride: agency.reviewBodyOverride },
    agency.ancestors,
    on,
  );
}

function settingsOf(agency: AgencyForLetters, today: CivilDate): LetterSettings {
  return {
    agencyCode: agency.code,
    shortName: agency.shortName,
    shortNameSet: agency.shortNameSetting,
    defaultShortName: defaultShortName(agency.name),
    reviewBody: agency.reviewBodyOverride,
    effectiveReviewBody: agencyReviewBody(agency, today),
    derivedReviewBody: reviewBodyFor(
      { kind: agency.kind, reviewBodyOverride: null },
      agency.ancestors,
      today,
    ),
    feePaymentMethod: agency.feePaymentMethod,
  };
}

/** The agency, when the actor administers it (its agency admin, or a system admin); else 404. */
async function administered(db: Kysely<Database>, actor: Actor, code: string): Promise<AgencyForLetters> {
  const agency = await loadAgencyForLetters(db, { code });
  if (!agency || !(actor.isSystemAdmin || canActInAgency(actor, agency.path, AGENCY_ADMIN_ROLES))) {
    throw new AppError("not_found", { message: `机关“${code}”不存在，或您不是其管理员` });
  }
  return agency;
}

export async function getLetterSettings(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  today: CivilDate,
): Promise<LetterSettings> {
  return settingsOf(await administered(db, actor, code), today);
}

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

/** Sets the agency's letter settings (agency admin, or a system admin). */
export async function setLetterSettings(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  change: LetterSettingsChange,
  today: CivilDate,
): Promise<LetterSettings> {
  const agency = await administered(db, actor, code);
  const shortName = blankToNull(change.shortName);
  if (shortName && shortName.length > 20) {
    throw new AppError("invalid_input", {
      message: "字段 shortName：应为 1 至 20 个字符",
      details: [{ field: "shortName", message: "应为 1 至 20 个字符" }],
    });
  }
  const set = {
    ...(shortName === undefined ? {} : { short_name: shortName }),
    ...(change.reviewBody === undefined ? {} : { review_body: blankToNull(change.reviewBody) ?? null }),
    ...(change.feePaymentMethod === undefined
      ? {}
      : { fee_payment_method: blankToNull(change.feePaymentMethod) ?? null }),
  };
  if (Object.keys(set).length > 0) {
    await lettersDb(db).updateTable("agencies").set(set).where("id", "=", agency.id).execute();
  }
  return settingsOf((await loadAgencyForLetters(db, { id: agency.id })) as AgencyForLetters, today);
}
