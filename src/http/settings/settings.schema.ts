/** The answer of GET /api/v1/settings, for the document and the web UI's generated types. */
import { z } from "zod";

export const ZSettingsView = z
  .object({
    statute: z.record(z.string(), z.number()).meta({ description: "法定期限（工作日、日、月）" }),
    policy: z.object({
      supplementWindowWorkdays: z.number().int(),
      reminderOffsets: z.array(z.number().int()),
      jobHour: z.number().int(),
      reconcileMinutes: z.number().int(),
      sessionMinutes: z.number().int(),
    }),
  })
  .meta({ id: "SettingsView" });
