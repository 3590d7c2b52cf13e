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
