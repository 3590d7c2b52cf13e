import { ZSettings } from "../../../config/settings.ts";
import {
  CONSULTATION_WINDOW_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  LITIGATION_WITHIN_MONTHS,
  MAX_EXTENSION_WORKDAYS,
  REPLY_WORKDAYS,
  REVIEW_WITHIN_DAYS,
  SUPPLEMENT_NOTICE_WORKDAYS,
} from "../../domain/statute.ts";
import type { PolicySettings } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZSettingsView } from "./settings.schema.ts";

/** The settings in force (read-only: they come from the server's environment, config/settings.ts). */
export function settingsRoutes(policy: PolicySettings | undefined): AnyRoute[] {
  const p = policy ?? ZSettings.parse({});
  const body = {
    statute: {
      replyWorkdays: REPLY_WORKDAYS,
      maxExtensionWorkdays: MAX_EXTENSION_WORKDAYS,
      supplementNoticeWorkdays: SUPPLEMENT_NOTICE_WORKDAYS,
      consultationWindowWorkdays: CONSULTATION_WINDOW_WORKDAYS,
      feePaymentWorkdays: FEE_PAYMENT_WORKDAYS,
      reviewWithinDays: REVIEW_WITHIN_DAYS,
      litigationWithinMonths: LITIGATION_WITHIN_MONTHS,
    },
    policy: {
      supplementWindowWorkdays: p.OGI_SUPPLEMENT_WINDOW_WORKDAYS,
      reminderOffsets: p.OGI_REMINDER_OFFSETS,
      jobHour: p.OGI_JOB_HOUR,
      reconcileMinutes: p.OGI_RECONCILE_MINUTES,
      sessionMinutes: p.OGI_SESSION_MINUTES,
    },
  };
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/settings",
      summary: "现行设置：法定期限，以及本系统的补正期限、提醒时点等（由服务器环境变量设定，只读）",
      tag: "meta",
      access: "user",
      response: ZSettingsView,
      async handle() {
        return body;
      },
    }),
  ];
}
