import { z } from "zod";
import type { AgencyKind } from "../../db/schema.ts";
import { AGENCY_KINDS, type AgencyKindId } from "../../domain/vocabulary.ts";
import type { NewAgency } from "../../services/account-service.ts";
import { requiredText, TEXT_LIMITS, ZCode } from "../validation/common.schema.ts";
import { assertType, type Same } from "../validation/type-checks.ts";

export const ZNewAgency = z.strictObject({
  code: ZCode,
  name: requiredText(TEXT_LIMITS.name),
  kind: z.enum(AGENCY_KINDS),
  parentCode: ZCode.optional(),
}) satisfies z.ZodType<NewAgency>;

/** `:code` of a path. */
export const ZAgencyCodeParams = z.strictObject({ code: ZCode });

// The vocabulary and the database's kind type must stay the same list.
assertType<Same<AgencyKind, AgencyKindId>>();
assertType<Same<keyof z.output<typeof ZNewAgency>, keyof NewAgency>>();
