/**
 * The dashboard's figures, computed by the server (`GET /api/v1/stats`) with grouped queries.
 * The page reads only DashboardStats.
 */
import { api } from "./client.ts";
import type { components } from "./generated/openapi.ts";

/** The answer of `GET /api/v1/stats` (src/services/stats-service.ts). */
type StatsReply = components["schemas"]["Stats"];

/** One agency of a supervisor's subtree (scope subtree only). */
export type AgencyStats = components["schemas"]["AgencyStats"];

export interface DashboardStats {
  /** The agency (or the subtree's top) the figures are of. */
  agencyCode: string | null;
  year: number;
  /** Applications received in each month of the year (12 numbers). */
  receivedPerMonth: number[];
  /** Dispositions in the year by outcome id (only those that occur). */
  outcomes: Record<string, number>;
  /** Replies (decisions) given in the year, and those given by the reply deadline. */
  decisions: number;
  onTime: number;
  /** Open cases whose reply deadline (in the year) has passed: counted late by the rate. */
  lateOpen: number;
  /** The server's on-time rate (0–1): onTime / (decisions + lateOpen); null when both are 0. */
  onTimeRate: number | null;
  /** Each agency of the subtree (a supervisor's overview); empty for one agency. */
  agencies: AgencyStats[];
  /** Mean working days from receipt to reply, over those decisions (null when none). */
  averageWorkdaysToReply: number | null;
  /** Open cases past their reply deadline today, by handler. */
  overdueByHandler: { handler: string; count: number }[];
  /** Applications received in the year. */
  total: number;
}

const NO_HANDLER = "（未指定承办人）";

/** One agency's figures, or (no agency) the caller's agency and all below it that it may see. */
export async function fetchDashboardStats(args: {
  agency?: string;
  year: number;
  signal?: AbortSignal;
}): Promise<DashboardStats> {
  const query = args.agency
    ? { agency: args.agency, year: String(args.year) }
    : { year: String(args.year), include: "subtree" };
  const s = await api.get<StatsReply>("/api/v1/stats", query, args.signal);
  return {
    agencyCode: s.agencyCode,
    year: s.year,
    receivedPerMonth: s.receivedByMonth,
    outcomes: Object.fromEntries(Object.entries(s.outcomes).filter(([, n]) => n > 0)),
    decisions: s.decided,
    onTime: s.onTime,
    lateOpen: s.lateOpen,
    onTimeRate: s.onTimeRate,
    agencies: s.agencies,
    averageWorkdaysToReply: s.averageWorkdaysToReply,
    overdueByHandler: s.overdueByHandler.map((h) => ({ handler: h.handler ?? NO_HANDLER, count: h.count })),
    total: s.receivedByMonth.reduce((x, y) => x + y, 0),
  };
}
