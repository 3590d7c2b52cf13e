/** The access log of personal data (issue 10): who saw an applicant's personal fields in full. */
import { api } from "./client.ts";
import type { AccessLogPage } from "./types.ts";

const V1 = "/api/v1";

export interface AccessLogQuery {
  from?: string;
  to?: string;
  user?: string;
  application?: string;
  page?: number;
  pageSize?: number;
}

function search(q: AccessLogQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

const base = (agency: string) => `${V1}/agencies/${encodeURIComponent(agency)}/access-log`;

export const listAccessLog = (agency: string, q: AccessLogQuery) =>
  api.get<AccessLogPage>(`${base(agency)}${search(q)}`);

/** The export of the same filters (no paging). */
export const accessLogExportUrl = (agency: string, format: "xlsx" | "csv", q: AccessLogQuery) => {
  const { page: _page, pageSize: _size, ...filters } = q;
  return `${base(agency)}.${format}${search(filters)}`;
};
