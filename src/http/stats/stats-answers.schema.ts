/** The answer of GET /api/v1/stats, for the document and the web UI's generated types. */
import { z } from "zod";

const ZRate = z
  .number()
  .nullable()
  .meta({ description: "onTime / (decided + lateOpen)，三位小数；都为 0 时为 null" });

export const ZAgencyStats = z
  .object({
    agencyCode: z.string(),
    agencyName: z.string(),
    open: z.number().int(),
    overdue: z.number().int(),
    decided: z.number().int(),
    onTime: z.number().int(),
    lateOpen: z.number().int(),
    onTimeRate: ZRate,
  })
  .meta({ id: "AgencyStats", description: "主管部门总览：下级机关之一" });

export const ZStats = z
  .object({
    agencyCode: z.string().nullable(),
    year: z.number().int(),
    scope: z.enum(["agency", "subtree"]),
    receivedByMonth: z.array(z.number().int()).meta({ description: "每月收到的申请数（12 个）" }),
    outcomes: z.record(z.string(), z.number().int()).meta({ description: "年度内办结的件数，按办理结果" }),
    decided: z.number().int(),
    onTime: z.number().int(),
    lateOpen: z.number().int().meta({ description: "答复期限在本年且已过、仍未办结的件数（计为逾期）" }),
    onTimeRate: ZRate,
    averageWorkdaysToReply: z.number().nullable(),
    overdueByHandler: z.array(z.object({ handler: z.string().nullable(), count: z.number().int() })),
    agencies: z.array(ZAgencyStats).meta({ description: "scope 为 subtree 时每个下级机关，否则为空" }),
  })
  .meta({ id: "Stats" });
