/** The JSON answers of login and /auth/me, for the document and the web UI's generated types. */
import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";

const can = (description: string) => z.boolean().meta({ description });

/** What the user may do outside a case (user-capabilities.ts): the web's menus and pages. */
export const ZUserCapabilities = z
  .object({
    register: can("登记申请（本机关的登记人员）"),
    viewOnlineSubmissions: can("查看、退回本机关的网络申请（登记人员、管理员）"),
    confirmOnlineSubmissions: can("确认网络申请并登记（登记人员）"),
    approve: can("审批承办人的拟办意见（审核人）"),
    hasTodo: can("“待办”列出案件（承办人、审核人、登记人员）"),
    viewSubtree: can("查看本机关及下级机关（主管部门）"),
    manageUsers: can("管理用户（本机关管理员；系统管理员管理全部）"),
    grantRoles: z.array(z.enum(ROLES)).meta({ description: "可以授予的角色；不能管理用户时为空" }),
    viewAgencies: can("机关页面（管理员、主管部门、系统管理员）"),
    importLedger: can("导入、导出本机关台账（管理员、系统管理员）"),
    viewAccessLog: can("查看个人信息访问日志（管理员、系统管理员）"),
    manageAgencySettings: can("本机关的文书设置（管理员）"),
    closeReports: can("填报、关闭、修订本机关的年度报告（管理员）"),
    editCalendar: can("载入或更正工作日历（系统管理员）"),
  })
  .meta({ id: "UserCapabilities", description: "当前用户在案件之外可以做的事，由服务器按角色表计算" });

export const ZUserInfo = z
  .object({
    username: z.string(),
    displayName: z.string(),
    agencyCode: z.string().nullable(),
    agencyName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    isSystemAdmin: z.boolean(),
    mustChangePassword: z.boolean().meta({ description: "管理员设置了密码：须先修改密码" }),
    can: ZUserCapabilities,
  })
  .meta({ id: "UserInfo" });

export const ZLoginReply = z
  .union([
    z.object({
      token: z.string(),
      expiresAt: z.string().meta({ description: "令牌失效的时刻（ISO 8601）" }),
      user: ZUserInfo,
    }),
    z.object({
      user: ZUserInfo,
      csrfToken: z.string().nullable().meta({ description: "会话请求的 X-CSRF-Token" }),
    }),
  ])
  .meta({
    id: "LoginReply",
    description: "API 客户端得到令牌；网页（session: true）只得到会话 Cookie 和 CSRF 令牌",
  });

export const ZMeReply = z
  .object({ user: ZUserInfo, csrfToken: z.string().nullable().optional() })
  .meta({ id: "MeReply" });
