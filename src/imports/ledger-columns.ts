/**
 * The ledger (台账) contract: one row per application, the columns in this order under a header
 * row, and the cell formats the import reads and the export writes. The template's second sheet
 * (填写说明) is LEDGER_INSTRUCTIONS; the import finds the columns by their headers, so a ledger may
 * leave out 收费金额 (when no row has a fee notice) and may carry further columns (备注 …), which
 * are ignored.
 */

export const LEDGER_COLUMNS = [
  "编号",
  "收到日期",
  "申请方式",
  "申请人类型",
  "申请人",
  "证件号码",
  "联系电话",
  "申请内容",
  "补正告知日",
  "补正收到日",
  "征求意见",
  "延期",
  "收费通知日",
  "缴费日",
  "收费金额",
  "答复日期",
  "答复结果",
  "送达日期",
  "承办人",
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** Columns a ledger may leave out entirely. */
export const OPTIONAL_LEDGER_COLUMNS: ReadonlySet<LedgerColumn> = new Set<LedgerColumn>([
  "收费金额",
  "证件号码",
  "联系电话",
]);

/** Columns holding one date (written as Excel dates by the export). */
export const DATE_COLUMNS: ReadonlySet<LedgerColumn> = new Set<LedgerColumn>([
  "收到日期",
  "补正收到日",
  "缴费日",
  "答复日期",
  "送达日期",
]);

export const LEDGER_SHEET = "台账";
export const INSTRUCTIONS_SHEET = "填写说明";

/** The delivery method recorded for 送达日期 (the ledger does not say how). */
export const LEDGER_DELIVERY_METHOD = "台账导入";
/** The items of a supplement notice recorded from the ledger (the notice itself is on paper). */
export const LEDGER_SUPPLEMENT_ITEMS = ["见台账原始补正告知书"];
/** The reason of an extension whose 延期 cell gives none (the machine requires one, art. 33). */
export const LEDGER_EXTENSION_REASON = "见台账原始延期答复告知书";
/** The free-text reason kept in the log with every imported action. */
export const LEDGER_EVENT_REASON = "台账导入";

/** One line of the 填写说明 sheet: column, 必填, format, example. */
export interface LedgerInstruction {
  column: LedgerColumn;
  required: "必填" | "选填" | "视情况";
  format: string;
  example: string;
}

export const LEDGER_INSTRUCTIONS: readonly LedgerInstruction[] = [
  {
    column: "编号",
    required: "必填",
    format:
      "台账中的申请编号；同一文件内不得重复，也不得与本机关已有申请的编号或受理编号相同（防止重复导入）",
    example: "2025-001",
  },
  {
    column: "收到日期",
    required: "必填",
    format:
      "收到申请之日（《条例》第三十一条）：Excel 日期，或 YYYY-MM-DD 文本（也接受 2025/3/5、2025年3月5日）；不得晚于今天。本表所有日期列同此格式",
    example: "2025-03-05",
  },
  {
    column: "申请方式",
    required: "必填",
    format:
      "当面申请、信函申请（挂号/需签收）、信函申请（平常信函）、网络申请、传真申请；或代码 in_person、post、ordinary_letter、online、fax",
    example: "网络申请",
  },
  {
    column: "申请人类型",
    required: "必填",
    format:
      "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他；或代码 natural_person、commercial_enterprise、research_institution、social_welfare_org、legal_service_org、other_org",
    example: "自然人",
  },
  { column: "申请人", required: "必填", format: "申请人姓名或名称（不超过 100 字）", example: "张三" },
  {
    column: "证件号码",
    required: "选填",
    format:
      "申请人的身份证件号码（不超过 50 字，请设为文本格式）。导出的台账默认脱敏（如 1101**********1234），含 * 的脱敏值导入时视为未填写",
    example: "110101199003071234",
  },
  {
    column: "联系电话",
    required: "选填",
    format: "申请人的联系电话（不超过 50 字）；含 * 的脱敏值（如 136****1111）导入时视为未填写",
    example: "13611111111",
  },
  {
    column: "申请内容",
    required: "必填",
    format: "所申请的政府信息（不超过 5000 字）",
    example: "2024年本镇道路修缮工程的招标文件",
  },
  {
    column: "补正告知日",
    required: "选填",
    format:
      "发出补正告知书之日；可加“,补正期限工作日数”（1–60，不填则按系统设置的补正期限）、“,送达日”（申请人收到告知书之日，也可写“送达2025-03-10”）和送达方式（邮寄、当面、网上、电子邮件、传真；不填按申请方式）。补正期限自送达之日起算，邮寄送达而未填写送达日的期限不起算、不会自动办结；期限届满仍未补正的，系统自动按“逾期不补正、不再处理”办结（《条例》第三十条）",
    example: "2025-03-07,15,送达2025-03-10",
  },
  {
    column: "补正收到日",
    required: "选填",
    format: "收到补正材料之日（须有补正告知日，且不早于它）",
    example: "2025-03-14",
  },
  {
    column: "征求意见",
    required: "选填",
    format:
      "每次征求意见写一项“对象类型:名称,发出日,答复日”，多项之间用“；”或换行分隔。对象类型为第三方、共同制作机关或其他机关，省略时为第三方；答复日可空（未答复：期限届满自动结束，《条例》第三十二条、第三十四条）。可加“,送达2025-03-12”（对方收到征求意见书之日：期限自该日起算；征求意见书默认邮寄，未填写的暂按发出日起算）；第三方、共同制作机关的期限为 15 个工作日，不能另定；征求其他机关意见的，可加“,期限N”（工作日）或“,截止YYYY-MM-DD”（本机关确定的答复日期）",
    example:
      "第三方:某建筑有限公司,2025-03-10,2025-03-20,送达2025-03-12；其他机关:县财政局,2025-03-10,,截止2025-04-10",
  },
  {
    column: "延期",
    required: "选填",
    format: "“批准日,工作日数”，可加“,理由”；工作日数 1–20，批准日须在答复期限届满之前（《条例》第三十三条）",
    example: "2025-04-01,15,涉及档案较多",
  },
  {
    column: "收费通知日",
    required: "选填",
    format:
      "发出收费通知之日；可加“,送达日”（申请人收到通知之日，缴费期限 20 个工作日自该日起算，也可写“送达2025-03-14”）和送达方式（不填按申请方式）。邮寄送达而未填写送达日的，缴费期限不起算、不会自动办结；逾期未缴费的，系统自动按“逾期未缴费、不再处理”办结",
    example: "2025-03-12,送达2025-03-14",
  },
  {
    column: "缴费日",
    required: "选填",
    format: "申请人缴费之日（须有收费通知日，且不早于它）",
    example: "2025-03-20",
  },
  {
    column: "收费金额",
    required: "视情况",
    format: "收费通知的金额（元，最多两位小数）；填写了收费通知日时必填。可加“,按量”（默认按件计收）",
    example: "700,按量",
  },
  {
    column: "答复日期",
    required: "视情况",
    format: "作出答复（或办结）之日；与答复结果同时填写。两者都空 = 尚未办结（结转）",
    example: "2025-03-28",
  },
  {
    column: "答复结果",
    required: "视情况",
    format:
      "年度报告表三的办理结果名称，如“予以公开”“部分公开”“属于国家秘密”“本机关不掌握相关政府信息”“重复申请”“其他”；或代码，如 disclosed、withheld.state_secret。“其他”（或“撤回”）按申请人撤回登记；有送达日期的“其他”按作出“其他”答复登记。“逾期不补正、不再处理”“逾期未缴费、不再处理”由系统按日期推算，台账填写的须与推算的结果和日期一致",
    example: "予以公开",
  },
  {
    column: "送达日期",
    required: "选填",
    format: "答复书送达之日（只适用于作出答复的申请，不早于答复日期）",
    example: "2025-03-30",
  },
  {
    column: "承办人",
    required: "选填",
    format: "本机关承办人的用户名或姓名（须是本机关有“承办人”角色的用户；同名时请填用户名）",
    example: "zhangsan",
  },
];

/** General rules printed above the column table of 填写说明. */
export const LEDGER_GENERAL_NOTES: readonly string[] = [
  "第一个工作表“台账”的第一行是列名，从第二行起每行一件申请；空行忽略；列名之外的列（如“备注”）忽略。",
  "导入前请先“校验”：系统逐行按与在线办理相同的规则登记和办理，列出所有有误的行和列，并给出导入后各年度表三的数字；校验不写入任何数据。",
  "正式导入时只要有一行有误，就整个文件都不导入；全部无误才一次写入。",
  "每行按日期先后登记：补正、征求意见、延期、收费、缴费、答复（或撤回）、送达；日期相同的按此顺序。",
  "逾期不补正、逾期未缴费是期限届满的后果，由系统按日期推算，不能作为办理操作导入。",
  "导入记录的操作人为执行导入的管理员（以本机关登记、承办、审核人员的身份），操作理由为“台账导入”。",
];
