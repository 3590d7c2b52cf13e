/** The JSON answers of the appeal routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { APPEAL_KINDS, APPEAL_RESULTS } from "../../domain/vocabulary.ts";

export const ZAppeal = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    trackingNo: z.string(),
    kind: z.enum(APPEAL_KINDS),
    kindLabel: z.string(),
    filedOn: z.string(),
    result: z.enum(APPEAL_RESULTS).nullable(),
    resultLabel: z.string().nullable(),
    resultOn: z.string().nullable(),
  })
  .meta({ id: "Appeal" });

export const ZAppealList = z
  .object({ items: z.array(ZAppeal), total: z.number().int() })
  .meta({ id: "AppealList" });
