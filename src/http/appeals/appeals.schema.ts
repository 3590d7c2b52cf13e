import { z } from "zod";
import { APPEAL_KINDS, APPEAL_RESULTS } from "../../domain/vocabulary.ts";
import type { AppealResultInput, NewAppeal } from "../../services/appeal-service.ts";
import { ZCivilDate } from "../validation/common.schema.ts";

export const ZNewAppeal = z.strictObject({
  kind: z.enum(APPEAL_KINDS),
  filedOn: ZCivilDate,
}) satisfies z.ZodType<NewAppeal>;

export const ZAppealResult = z.strictObject({
  result: z.enum(APPEAL_RESULTS),
  on: ZCivilDate,
  reReplyRequired: z.boolean().optional(),
  reReplyDueOn: ZCivilDate.optional(),
  decisionReceivedOn: ZCivilDate.optional(),
}) satisfies z.ZodType<AppealResultInput>;
