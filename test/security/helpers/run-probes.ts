/** A probe: one request an attacker could send, and what the system must answer to it. */
import type { RawRequest, RawResponse } from "./security-system.ts";

export const PROBE_FAMILIES = [
  "unauthenticated",
  "cross-agency",
  "roles",
  "csrf",
  "mass-assignment",
  "oversized",
  "malformed-json",
  "content-type",
  "poisoned-text",
  "path-parameters",
  "path-traversal",
  "personal-data",
  "method-confusion",
] as const;
export type ProbeFamily = (typeof PROBE_FAMILIES)[number];

export interface Probe {
  family: ProbeFamily;
  /** What is tried, for the failure list: `POST /api/v1/users as clerk`. */
  name: string;
  request: RawRequest;
  /** The statuses that are right; any other 4xx is a failure too. Default: any 4xx. */
  statuses?: readonly number[];
  /** Texts the answer must not contain (another agency's applicant, a file's contents). */
  secrets?: readonly string[];
  /** The answer may also be the web UI's page (its index.html, whatever build) with 200. */
  mayBePage?: boolean;
  /** Not a refusal but a read or a write that may succeed (2xx), as long as no secret is in it. */
  allowSuccess?: boolean;
}

export interface ProbeResult {
  probe: Probe;
  response: RawResponse;
  /** Why it failed; undefined when it passed. */
  failure: string | undefined;
}

const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

/** The error shape of the API, with a message in Chinese. */
function isChineseError(text: string): boolean {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof e?.code === "string" && typeof e.message === "string" && /[\u4e00-\u9fff]/.test(e.message);
  } catch {
    return false;
  }
}

/** The SPA's index.html (the build may change while the suite runs: no byte comparison). */
function isWebUiPage(text: string): boolean {
  return /^<!doctype html>/i.test(text) && text.includes('<div id="root">') && text.length < 20_000;
}

export function judge(probe: Probe, response: RawResponse): string | undefined {
  const { status, text } = response;
  const leaked = probe.secrets?.find((s) => text.includes(s));
  if (leaked) return `${status}, and the answer contains “${leaked}”`;
  if (probe.mayBePage && status === 200 && isWebUiPage(text)) return undefined;
  // Another test rebuilding web/dist at this moment: the page is "not built yet" for a second.
  if (probe.mayBePage && status === 503 && text.startsWith("网页界面尚未构建")) return undefined;
  if (probe.allowSuccess && status >= 200 && status < 300) return undefined;
  if (status < 400 || status >= 500) return `${status} (expected 4xx): ${text.slice(0, 200)}`;
  if (probe.statuses && !probe.statuses.includes(status)) {
    return `${status} (expected ${probe.statuses.join(" or ")}): ${text.slice(0, 200)}`;
  }
  if (isApiPath(probe.request.path.split("?")[0] ?? "") && !isChineseError(text)) {
    return `${status} without the API's Chinese error body: ${text.slice(0, 200)}`;
  }
  return undefined;
}

/** Sends the probes, `concurrency` at a time, in order of the list within each lane. */
export async function runProbes(
  send: (req: RawRequest) => Promise<RawResponse>,
  probes: readonly Probe[],
  concurrency = 4,
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(probes.length);
  let next = 0;
  const lane = async () => {
    while (next < probes.length) {
      const i = next++;
      const probe = probes[i] as Probe;
      const response = await send(probe.request);
      results[i] = { probe, response, failure: judge(probe, response) };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

/** The failures as lines `family · name → why`, for an assertion that lists them all. */
export function failuresOf(results: readonly ProbeResult[]): string[] {
  return results.filter((r) => r.failure).map((r) => `${r.probe.family} · ${r.probe.name} → ${r.failure}`);
}
