/** The JSON answers of the agency routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { AGENCY_KINDS } from "../../domain/vocabulary.ts";

export const ZAgency = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(AGENCY_KINDS),
    parentCode: z.string().nullable(),
  })
  .meta({ id: "Agency" });

export const ZAgencyList = z
  .object({ items: z.array(ZAgency), total: z.number().int() })
  .meta({ id: "AgencyList" });

export const ZHandlerChoice = z
  .object({
    username: z.string(),
    displayName: z.string(),
    openCases: z.number().int().meta({ description: "其承办、尚未归档或终止的案件数" }),
  })
  .meta({ id: "HandlerChoice", description: "本机关可分办的承办人（已启用）" });

export const ZHandlerList = z
  .object({ items: z.array(ZHandlerChoice), total: z.number().int() })
  .meta({ id: "HandlerList" });
