import { Redis } from "ioredis";
import { createPortalExtension } from "../../../src/http/portal/create-portal-extension.ts";
import type { PortalLimits } from "../../../src/http/portal/portal-guard.ts";
import { type ApiResponse, startTestApp, type TestApp } from "../../http/helpers/test-app.ts";
import { freshQueuePrefix, redisUrl } from "../../support/services.ts";

/** A natural person whose numbers pass the checks; X-Verify is 5678 (phone) or 002X (ID). */
export const PERSON = {
  type: "natural_person",
  name: "网申甲",
  idType: "resident_id",
  idNumber: "11010519491231002X",
  phone: "13912345678",
  address: "某县某镇幸福路8号",
} as const;

export const ORGANISATION = {
  type: "commercial_enterprise",
  name: "某某建材有限公司",
  idType: "uscc",
  idNumber: "91350100M000100Y43",
  legalRepresentative: "法人乙",
  contactPerson: "联系人丙",
  phone: "0359-2234567",
} as const;

export function submissionBody(overrides: Record<string, unknown> = {}) {
  return {
    agencyCode: "town",
    applicant: { ...PERSON },
    description: "2025年本镇农村危房改造补助资金的发放名单",
    deliveryForm: "电子邮件",
    ...overrides,
  };
}

export interface PortalTestApp extends TestApp {
  redis: Redis;
  /** A public call (no token) with headers, from the given client address (X-Forwarded-For). */
  pub<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; ip?: string },
  ): Promise<ApiResponse<T>>;
}

/** The test app with the portal mounted on the run's Redis (a prefix of its own). */
export async function startPortalApp(
  databaseUrl: string | undefined,
  options: { limits?: PortalLimits } = {},
): Promise<PortalTestApp> {
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  const prefix = `${freshQueuePrefix()}:portal:`;
  const app = await startTestApp(databaseUrl, {
    http: {
      // X-Forwarded-For from the test's own loopback connection is believed (TRUST_PROXY=loopback).
      settings: { TRUST_PROXY: ["loopback"] },
      extensions: ({ db, applications, now }) => [
        (auth) =>
          createPortalExtension(auth, {
            db,
            applications,
            now,
            redis,
            redisPrefix: prefix,
            limits: options.limits,
          }),
      ],
    },
  });
  const pub: PortalTestApp["pub"] = (method, path, o = {}) =>
    app.call(method, path, {
      as: null,
      ...(o.body === undefined ? {} : { body: o.body }),
      headers: { ...(o.ip ? { "x-forwarded-for": o.ip } : {}), ...o.headers },
    });
  return {
    ...app,
    redis,
    pub,
    async close() {
      await app.close();
      redis.disconnect();
    },
  };
}
