import type { RequestHandler, Router } from "express";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Settings } from "../../config/settings.ts";
import type { Database } from "../db/schema.ts";
import type { AccountService } from "../services/account-service.ts";
import type { AppealService } from "../services/appeal-service.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { CalendarService } from "../services/calendar-service.ts";
import type { CalendarStore } from "../services/calendar-store.ts";
import type { StatsService } from "../services/stats-service.ts";
import type { Authenticator } from "./auth/authenticate.ts";
import type { LoginLimits } from "./auth/login-limiter.ts";
import type { AnyRoute } from "./routing/define-route.ts";

/** A part of the API built elsewhere (reports, letters) on the app's authenticator. */
export interface HttpExtension {
  /** Mounted after the core routes, before the /api 404. */
  router: Router;
  /** Its JSON routes, listed in the OpenAPI document. */
  specs?: readonly AnyRoute[];
}

export interface HealthReport {
  ok: boolean;
  details: Record<string, string>;
}

/** The policy settings shown at GET /api/v1/settings (config/settings.ts `Settings` satisfies it). */
export type PolicySettings = Pick<
  Settings,
  | "OGI_SUPPLEMENT_WINDOW_WORKDAYS"
  | "OGI_REMINDER_OFFSETS"
  | "OGI_JOB_HOUR"
  | "OGI_RECONCILE_MINUTES"
  | "OGI_SESSION_MINUTES"
>;

/** What the HTTP layer is built from; everything is passed in (STYLE.md). */
export interface HttpDeps {
  db: Kysely<Database>;
  applications: ApplicationService;
  accounts: AccountService;
  calendars: CalendarStore;
  /** Built from db, applications and now when absent. */
  appeals?: AppealService;
  /** Built from db, calendars and applications when absent. */
  calendarService?: CalendarService;
  /** The dashboard's figures; built from db, calendars and now when absent. */
  stats?: StatsService;
  logger: Logger;
  /**
   * Reads OGI_SESSION_MINUTES (cookie lifetime), PUBLIC_URL (https → Secure cookies) and
   * TRUST_PROXY (Express's `trust proxy`; off when absent).
   */
  settings: Pick<Settings, "OGI_SESSION_MINUTES" | "PUBLIC_URL"> & Partial<Pick<Settings, "TRUST_PROXY">>;
  now: () => Date;
  health: () => Promise<HealthReport>;
  /** The settings in force, for GET /api/v1/settings; the defaults when absent. */
  policy?: PolicySettings;
  /** The web UI's static files and page fallback (serveWebApp), mounted after the API. */
  webApp?: RequestHandler | Router;
  /** Failed-login delays (DEFAULT_LOGIN_LIMITS when absent). */
  loginLimits?: LoginLimits;
  /** Further routers (reports, letters), each made with the app's authenticator. */
  extensions?: readonly ((auth: Authenticator) => HttpExtension)[];
}
