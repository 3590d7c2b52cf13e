import { sql } from "kysely";
import { z } from "zod";
import { AppError } from "../app-error.ts";
import type { Db } from "./report-queries.ts";
import {
  REPORT_TEXT_KEYS,
  type ReportTexts,
  type StoredReportVersion,
  withAllTexts,
} from "./report-types.ts";
import type { Table2Figures } from "./table2/table2-layout.ts";

/**
 * report_figures.data: `{ v: 1, table2?, texts? }`, each part written on its own. Texts are merged
 * key by key, so data written before the subsections of 一 existed (preface, overview, problems,
 * other) stays valid as it is: the missing keys read as "".
 */
const ZStoredFigures = z.object({
  v: z.literal(1),
  table2: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  texts: z
    .object(
      Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, z.string()])) as Record<
        keyof ReportTexts,
        z.ZodString
      >,
    )
    .partial()
    .optional(),
});

export interface StoredFigures {
  table2: Table2Figures | null;
  texts: ReportTexts;
}

/** What the admin entered for year Y, per agency (agencies without a row are absent). */
export async function readFigures(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, StoredFigures>> {
  const result = new Map<number, StoredFigures>();
  if (agencyIds.length === 0) return result;
  const rows = await db
    .selectFrom("report_figures")
    .select(["agency_id", "data"])
    .where("agency_id", "in", agencyIds)
    .where("year", "=", year)
    .execute();
  for (const row of rows) {
    const data = ZStoredFigures.parse(row.data);
    result.set(row.agency_id, { table2: data.table2 ?? null, texts: withAllTexts(data.texts) });
  }
  return result;
}

/**
 * Writes table 二 (replaced whole) or some texts (merged key by key) of year Y, leaving the rest
 * as it is; one atomic upsert, so concurrent writes of different parts both survive.
 */
export async function writeFiguresPart(
  db: Db,
  agencyId: number,
  year: number,
  part: { table2: Table2Figures } | { texts: Partial<ReportTexts> },
): Promise<void> {
  const data = JSON.stringify({ v: 1, ...part });
  await db
    .insertInto("report_figures")
    .values({ agency_id: agencyId, year, data })
    .onConflict((oc) =>
      oc.columns(["agency_id", "year"]).doUpdateSet({
        data: sql`(report_figures.data || (excluded.data - 'texts')) || jsonb_build_object('texts',
          coalesce(report_figures.data->'texts', '{}'::jsonb) || coalesce(excluded.data->'texts', '{}'::jsonb))`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export interface VersionRow {
  agencyId: number;
  version: number;
  closedAt: string;
  reason: string | null;
  stored: StoredReportVersion;
}

function toVersionRow(row: {
  agency_id: number;
  version: number;
  closed_at: Date;
  reason: string | null;
  data: unknown;
}): VersionRow {
  const stored = row.data as StoredReportVersion;
  if (stored.v !== 1)
    throw new AppError("internal", { message: `年度报告版本数据的格式版本 ${String(stored.v)} 无法识别` });
  return {
    agencyId: row.agency_id,
    version: row.version,
    closedAt: new Date(row.closed_at).toISOString(),
    reason: row.reason,
    stored,
  };
}

/** The latest stored version of year Y per agency (closed agencies only). */
export async function latestVersions(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, VersionRow>> {
  const result = new Map<number, VersionRow>();
  if (agencyIds.length === 0) return result;
  const rows = await db
    .selectFrom("report_versions")
    .select(["agency_id", "version", "closed_at", "reason", "data"])
    .distinctOn("agency_id")
    .where("agency_id", "in", agencyIds)
    .where("year", "=", year)
    .orderBy("agency_id")
    .orderBy("version", "desc")
    .execute();
  for (const row of rows) result.set(row.agency_id, toVersionRow(row));
  return result;
}

/** Every version of year Y of one agency, oldest first. */
export async function allVersions(db: Db, agencyId: number, year: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom("report_versions")
    .select(["agency_id", "version", "closed_at", "reason", "data"])
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .orderBy("version")
    .execute();
  return rows.map(toVersionRow);
}

/** Which of the agencies have closed year Y (at least one stored version). */
export async function closedAgencies(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Set<number>> {
  if (agencyIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("report_versions")
    .select("agency_id")
    .distinct()
    .where("agency_id", "in", agencyIds)
    .where("year", "=", year)
    .execute();
  return new Set(rows.map((r) => r.agency_id));
}

/**
 * Stores a new version. The primary key (agency, year, version) makes two concurrent closings or
 * amendments of the same version fail but one: the loser gets a 409.
 */
export async function insertVersion(
  db: Db,
  row: {
    agencyId: number;
    year: number;
    version: number;
    stored: StoredReportVersion;
    reason: string | null;
    userId: number | null;
    closedAt: Date;
  },
): Promise<void> {
  try {
    await db
      .insertInto("report_versions")
      .values({
        agency_id: row.agencyId,
        year: row.year,
        version: row.version,
        data: JSON.stringify(row.stored),
        reason: row.reason,
        closed_by: row.userId,
        closed_at: row.closedAt,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", {
        message: `${row.year}年度报告第${row.version}版已由他人同时生成，请刷新后查看`,
        cause: error,
      });
    }
    throw error;
  }
}

/** PostgreSQL's unique_violation (23505), from pg or PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
