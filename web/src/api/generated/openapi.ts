/**
 * Generated from the server's OpenAPI document (src/http/openapi, the zod schemas of the routes)
 * by openapi-typescript: `npm run gen:api-types`. Do not edit; change the route's schema and
 * run it again (npm test fails while this file is not current).
 */

export interface paths {
    "/api/v1/account-audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号操作记录（新建、修改、停用、启用、重置密码、结束会话、本人修改密码），新的在前；系统管理员看全部或按 agency，机关管理员看本机关用户的 */
        get: operations["getApiV1AccountAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可见的机关：系统管理员看全部，主管部门看本机关及下级，其他用户看本机关 */
        get: operations["getApiV1Agencies"];
        put?: never;
        /** 新建机关（系统管理员） */
        post: operations["postApiV1Agencies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人信息访问日志：谁在何时完整查看了哪件申请的哪些申请人信息（最新的在前；本机关管理员或系统管理员） */
        get: operations["getApiV1AgenciesCodeAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/access-log.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出个人信息访问日志（CSV，筛选条件同列表，最多 100000 条；本机关管理员或系统管理员） */
        get: operations["getApiV1AgenciesCodeAccessLogCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/access-log.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出个人信息访问日志（XLSX，筛选条件同列表，最多 100000 条；本机关管理员或系统管理员） */
        get: operations["getApiV1AgenciesCodeAccessLogXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/handlers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本机关启用中的承办人（登记时分办、转办、工作交接时选择），按姓名排列，附各人未办结的申请数；停用的账号不列出 */
        get: operations["getApiV1AgenciesCodeHandlers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入台账（XLSX，一行一件申请）：按与在线办理相同的规则逐行登记和办理；dryRun=true 只校验并计算导入后的表三；正式导入有任何错误时返回 422、不写入（本机关管理员或系统管理员） */
        post: operations["postApiV1AgenciesCodeImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出本机关的台账（XLSX，与导入格式相同）；year：只导出该年收到的申请；证件号码、联系电话默认脱敏，full=true 导出完整值（仅本机关管理员，记入访问日志）（本机关管理员或系统管理员） */
        get: operations["getApiV1AgenciesCodeLedgerXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/letter-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本机关的文书设置：文号简称、行政复议机关（设置值、按机关树确定的机关、答复书实际写明的机关）、默认缴纳方式（本机关管理员） */
        get: operations["getApiV1AgenciesCodeLetterSettings"];
        /** 设置本机关的文书设置：文号简称（如“嵋阳镇”→ 嵋阳镇公开〔2026〕第1号）、机关树不能确定时的行政复议机关、收费通知书的默认缴纳方式（本机关管理员） */
        put: operations["putApiV1AgenciesCodeLetterSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度报告（JSON）：表二、表三、表四与校验；年度关闭后为定稿版本；include=subtree 为本机关及下级机关汇总 */
        get: operations["getApiV1AgenciesCodeReportsYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/amend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修订已关闭的年度：按当前数据生成新版本并列出与上一版的差异（本机关管理员） */
        post: operations["postApiV1AgenciesCodeReportsYearAmend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/cells/{row}/{column}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表三某一单元格所计的申请 */
        get: operations["getApiV1AgenciesCodeReportsYearCellsRowColumn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 关闭年度：年度已结束、错误校验全部通过后定稿为第1版；有未通过的提醒时须 acknowledgeWarnings: true（本机关管理员） */
        post: operations["postApiV1AgenciesCodeReportsYearClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 主管部门总览：下级机关汇总表与各机关年报状态（按《条例》第四十九条的公布期限标出逾期） */
        get: operations["getApiV1AgenciesCodeReportsYearOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/proactive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 填报表二（主动公开政府信息情况），按该年度适用的版式（本机关管理员） */
        put: operations["putApiV1AgenciesCodeReportsYearProactive"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/texts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 填写报告文字：报告说明、一（总述及主动公开、依申请公开、政府信息管理、平台建设、监督保障，政府另有考核评议追责）、五、六（本机关管理员） */
        put: operations["putApiV1AgenciesCodeReportsYearTexts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该年度报告的全部定稿版本（修订原因与差异） */
        get: operations["getApiV1AgenciesCodeReportsYearVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{code}/reports/{year}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某一定稿版本（JSON），不受之后修订的影响 */
        get: operations["getApiV1AgenciesCodeReportsYearVersionsVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记复议决定或判决的结果（只能登记一次） */
        post: operations["postApiV1AppealsIdResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申请列表：按答复期限先后排序（或按 view 标签、sort 列排序），每页 pageSize 件（默认 20，最多 100）；申请人的证件号码、联系电话为脱敏值，不含电子邮箱和通信地址 */
        get: operations["getApiV1Applications"];
        put?: never;
        /** 登记一件政府信息公开申请（登记人员）；答复中的申请人信息为脱敏值 */
        post: operations["postApiV1Applications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一件申请：状态、期限（含计算说明）、可执行的操作和全部事件。申请人的证件号码、联系电话、电子邮箱、通信地址仅对承办机关的工作人员完整显示，并记入访问日志；其他机关（含主管部门）看到的是脱敏值 */
        get: operations["getApiV1ApplicationsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 对申请执行一项操作（补正、征求意见、延期、收费、答复、撤回、送达、归档等）；答复中的申请人信息为脱敏值（完整信息请重新读取申请详情）。请求头 Prefer: return=minimal 时只答复 {id, version, state, events（本次新增的事件和因此被取代的自动事件）, allowedActions}，响应头 Preference-Applied: return=minimal */
        post: operations["postApiV1ApplicationsIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该申请的行政复议和行政诉讼 */
        get: operations["getApiV1ApplicationsIdAppeals"];
        put?: never;
        /** 登记针对该申请的行政复议或行政诉讼（表四） */
        post: operations["postApiV1ApplicationsIdAppeals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件材料列表（含已出具文书的 PDF） */
        get: operations["getApiV1ApplicationsIdDocuments"];
        put?: never;
        /** 上传案件材料（multipart/form-data：file 文件，kind 类别，eventSeq 所属办理记录，可选） */
        post: operations["postApiV1ApplicationsIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/documents/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载案件材料（原样；Content-Type 按内容检测的类型；记入个人信息访问日志） */
        get: operations["getApiV1ApplicationsIdDocumentsDocId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该申请现有的文书（回执、补正告知书、延期答复告知书、征求意见书、收费通知书、答复书）及其文号 */
        get: operations["getApiV1ApplicationsIdLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/letters/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出具文书：从本机关该类文书的年度序号中编号，并保存所出具的 DOCX（此后下载的就是它）；首次出具 201，再次出具 200 并返回同一份文书（不重新编号）。承办人、审核人（回执：登记人员也可） */
        post: operations["postApiV1ApplicationsIdLettersKind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/letters/{kind}/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文书的内容（网页查看、打印）：与 DOCX 同一模型生成的标题、文号（尚未出具为“草稿”）、称谓、正文各段、落款和日期；只读，不编号 */
        get: operations["getApiV1ApplicationsIdLettersKindModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 给申请人的通知：登记、补正、延期、收费、答复、重新答复各一条，邮件和短信是否已发送、何时发送、失败原因 */
        get: operations["getApiV1ApplicationsIdNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作台计数：按期限种类（答复、补正告知、补正、征求意见、缴费、送达签收登记、重新答复）统计已逾期、今天到期、5个工作日内到期的件数，以及待审批件数 */
        get: operations["getApiV1ApplicationsCounters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录：返回令牌（Bearer，30 天）；session 为 true 时（网页）只设置会话 Cookie 并返回 CSRF 令牌，不发令牌。失败较多时逐次延迟（429，Retry-After） */
        post: operations["postApiV1AuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录：吊销本次登录所发的令牌或会话 */
        post: operations["postApiV1AuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户；以会话 Cookie 登录时同时返回 CSRF 令牌（页面刷新后取回） */
        get: operations["getApiV1AuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码：需当前密码；其他已登录的令牌和会话随之失效。当前密码输错较多时逐次延迟（429，Retry-After） */
        post: operations["postApiV1AuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一年的放假安排（未公布的年份为按《全国年节及纪念日放假办法》推算的暂定安排） */
        get: operations["getApiV1CalendarYear"];
        /** 载入或更正一年的放假安排（系统管理员）；所有未办结申请的期限随即重新计算 */
        put: operations["putApiV1CalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 台账导入模板（XLSX）：第一行为列名，另有“填写说明”工作表 */
        get: operations["getApiV1ImportsTemplateXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 界面用的词表：办理结果、操作、状态、申请人类型、申请方式等（含中文名称） */
        get: operations["getApiV1Meta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/online-submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 网络申请待确认：本机关收到的在线申请（登记人员、机关管理员），最早提交的在前，每页50件；申请人的证件号码、联系电话为脱敏值 */
        get: operations["getApiV1OnlineSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/online-submissions/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认网络申请（本机关登记人员）：以申请人提交的信息登记为申请（申请方式：网络），收到日期默认为确认之日（条例第三十一条），附件随之转入案件；答复 Application（申请人信息为脱敏值） */
        post: operations["postApiV1OnlineSubmissionsIdConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/online-submissions/{id}/documents/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载网络申请的附件（本机关登记人员、机关管理员；记入个人信息访问日志） */
        get: operations["getApiV1OnlineSubmissionsIdDocumentsDocId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/online-submissions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予受理网络申请（本机关登记人员）：仅限垃圾信息、测试、重复提交等不构成申请的情形，不产生案件；构成申请的应确认后依法答复 */
        post: operations["postApiV1OnlineSubmissionsIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本接口的 OpenAPI 3.1 文档（由校验请求的同一套 zod 模式生成） */
        get: operations["getApiV1OpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** （公开，无需登录）可受理申请的机关：代码和名称，按上下级组成树 */
        get: operations["getApiV1PublicAgencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** （公开）在线提交政府信息公开申请；进入机关的“网络申请待确认”，机关确认之日为收到申请之日（条例第三十一条）。答复查询码（只显示一次） */
        post: operations["postApiV1PublicApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/applications/{queryCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** （公开）申请查询：办理阶段、收到日期、答复期限、已出具的文书、是否需要补正；不含个人信息。请求头 X-Verify：申请时所填联系电话或证件号码的最后4位；查询码或验证信息不正确一律答复404 */
        get: operations["getApiV1PublicApplicationsQueryCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/applications/{queryCode}/letters/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** （公开）下载机关出具给申请人的文书（出具时固定的 PDF）；kind 为查询结果 letters 中的 kind。请求头 X-Verify：申请时所填联系电话或证件号码的最后4位 */
        get: operations["getApiV1PublicApplicationsQueryCodeLettersKind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/applications/{queryCode}/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** （公开）网上补正：仅在机关要求补正期间，登记为当天（北京时间）收到补正材料。请求头 X-Verify：申请时所填联系电话或证件号码的最后4位 */
        post: operations["postApiV1PublicApplicationsQueryCodeSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/applications/{queryCode}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** （公开）撤回申请：机关确认前撤回提交；确认后作为申请人撤回登记（答复前）。请求头 X-Verify：申请时所填联系电话或证件号码的最后4位 */
        post: operations["postApiV1PublicApplicationsQueryCodeWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** （公开）一道算术验证题：查询失败次数较多后，查询、补正、撤回须在请求头 X-Challenge-Token、X-Challenge-Answer 中附上令牌和答案（一次有效，5分钟内） */
        get: operations["getApiV1PublicChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 现行设置：法定期限，以及本系统的补正期限、提醒时点等（由服务器环境变量设定，只读） */
        get: operations["getApiV1Settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 统计：一个年度每月收到申请数、办理结果、按期答复率、平均答复用时与当前逾期件数 */
        get: operations["getApiV1Stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表（系统管理员看全部或按 agency 筛选；机关管理员看本机关） */
        get: operations["getApiV1Users"];
        put?: never;
        /** 新建用户（系统管理员：任何机关、任何角色；机关管理员：本机关，角色限登记人员、承办人、审核人、管理员） */
        post: operations["postApiV1Users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改用户的姓名、电子邮箱或角色，授予角色的规则同新建用户（系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。） */
        patch: operations["patchApiV1UsersUsername"];
        trace?: never;
    };
    "/api/v1/users/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用账号：不能再登录，全部令牌和会话立即失效；可附 reason（系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。） */
        post: operations["postApiV1UsersUsernameDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用账号；可附 reason（系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。） */
        post: operations["postApiV1UsersUsernameEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/end-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束用户的全部会话和令牌；可附 reason（系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。） */
        post: operations["postApiV1UsersUsernameEndSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 工作交接：把该承办人全部未办结（未归档、未终止）的申请转办给本机关另一名启用中的承办人，每件申请的办理过程记入一条转办及理由；全部成功或全部不变（系统管理员或该用户所在机关的管理员） */
        post: operations["postApiV1UsersUsernameHandOver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码：设为给定的临时密码，或不给则生成一个（仅在本次返回）；用户的会话全部结束，下次登录须先修改密码（系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。） */
        post: operations["postApiV1UsersUsernameResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查：接口、数据库和 Redis 均就绪时返回 200，否则 503 */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessLogEntry: {
            application: {
                id: string;
                trackingNo: string;
            } | null;
            /** Format: date-time */
            at: string;
            caseCount: number;
            fields: ("idNumber" | "phone" | "email" | "address")[];
            id: string;
            /** @enum {string} */
            kind: "case_page" | "ledger_export" | "document_download" | "submission_document";
            kindLabel: string;
            requestId: string | null;
            user: {
                displayName: string;
                username: string;
            };
        };
        AccessLogPage: {
            agencyCode: string;
            agencyName: string;
            items: components["schemas"]["AccessLogEntry"][];
            total: number;
        };
        AccountAuditLine: {
            /** @enum {string} */
            action: "user.created" | "user.updated" | "user.disabled" | "user.enabled" | "password.reset" | "sessions.ended" | "password.changed";
            actionLabel: string;
            /** @description 操作人；null 为系统 */
            actor: {
                displayName: string;
                username: string;
            } | null;
            /** @description 时刻（ISO 8601） */
            at: string;
            details: {
                [key: string]: unknown;
            };
            id: string;
            target: {
                agencyCode: string | null;
                displayName: string;
                username: string;
            };
        };
        AccountAuditPage: {
            items: components["schemas"]["AccountAuditLine"][];
            total: number;
        };
        /** @description Prefer: return=minimal 的答复：本次新增的事件，及因此被取代的自动事件 */
        ActionAnswer: {
            allowedActions: string[];
            events: components["schemas"]["EventView"][];
            id: string;
            /** @enum {string} */
            state: "registered" | "awaiting_supplement" | "in_progress" | "decided" | "delivered" | "archived" | "closed";
            version: number;
        };
        /** @description 一项办理操作：type 决定其余字段 */
        ActionBody: {
            amendmentReason?: string;
            expectedVersion?: number;
            items: string[];
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByAddresseeOn?: string;
            /** @enum {string} */
            sentBy?: "in_person" | "post" | "online" | "email" | "fax";
            /** @constant */
            type: "request_supplement";
            windowWorkdays?: number;
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "receive_supplement";
        } | {
            amendmentReason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            dueOn?: string;
            expectedVersion?: number;
            name: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            /** @enum {string} */
            party: "third_party" | "co_producer" | "other_agency";
            reason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByAddresseeOn?: string;
            /** @enum {string} */
            sentBy?: "in_person" | "post" | "online" | "email" | "fax";
            /** @constant */
            type: "start_consultation";
            windowWorkdays?: number;
        } | {
            amendmentReason?: string;
            consultationId: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "end_consultation";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason: string;
            /** @constant */
            type: "extend";
            workdays: number;
        } | {
            amendmentReason?: string;
            /** @description 收费金额与按数量计算的金额不一致时必填：理由 */
            amountReason?: string;
            amountYuan: number;
            /** @enum {string} */
            basis: "per_item" | "per_volume";
            expectedVersion?: number;
            /** @description 按件计收：同一申请人本自然月内此前已申请件数（累计计算），不填为 0 */
            itemsEarlierThisMonth?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            paymentMethod?: string;
            /** @description 计费数量：按件为本次申请件数，按量为页数；系统据此计算金额 */
            quantity?: number;
            reason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByAddresseeOn?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByApplicantOn?: string;
            /** @enum {string} */
            sentBy?: "in_person" | "post" | "online" | "email" | "fax";
            /** @constant */
            type: "issue_fee_notice";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "receive_fee";
        } | {
            amendmentReason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            dueOn: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason: string;
            /** @constant */
            type: "set_custom_deadline";
        } | {
            amendmentReason?: string;
            /**
             * @description 予以公开的方式：provided 提供（第三十六条第（二）项，不填时按此）；already_public 已主动公开（第三十六条第（一）项，须在 replyText 写明获取方式、途径）
             * @enum {string}
             */
            disclosure?: "provided" | "already_public";
            expectedVersion?: number;
            /** @description 本机关不掌握相关政府信息时：负责公开该信息的行政机关名称及联系方式。填写即按第三十六条第（五）项答复（须同时填写理由）；不填按第三十六条第（四）项（该政府信息不存在） */
            holdingAgency?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            /** @enum {string} */
            outcome: "disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.other";
            reason?: string;
            /** @description 理由：不予公开（第三十六条第（三）项）、部分公开的不予公开部分（第三十七条）、不属于本机关负责公开（第三十六条第（五）项）和其他处理时必填 */
            reasons?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByAddresseeOn?: string;
            /** @description 答复内容：予以公开时为提供方式（已主动公开的，为获取的方式、途径，必填）；行政查询事项为办理途径；其他为补充说明 */
            replyText?: string;
            /** @enum {string} */
            sentBy?: "in_person" | "post" | "online" | "email" | "fax";
            /** @constant */
            type: "decide";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "withdraw";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            method: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "deliver";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "archive";
        } | {
            amendmentReason?: string;
            /**
             * @description 予以公开的方式：provided 提供（第三十六条第（二）项，不填时按此）；already_public 已主动公开（第三十六条第（一）项，须在 replyText 写明获取方式、途径）
             * @enum {string}
             */
            disclosure?: "provided" | "already_public";
            expectedVersion?: number;
            /** @description 本机关不掌握相关政府信息时：负责公开该信息的行政机关名称及联系方式。填写即按第三十六条第（五）项答复（须同时填写理由）；不填按第三十六条第（四）项（该政府信息不存在） */
            holdingAgency?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            /** @enum {string} */
            outcome: "disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.other";
            reason?: string;
            /** @description 理由：不予公开（第三十六条第（三）项）、部分公开的不予公开部分（第三十七条）、不属于本机关负责公开（第三十六条第（五）项）和其他处理时必填 */
            reasons?: string;
            /** @description 答复内容：予以公开时为提供方式（已主动公开的，为获取的方式、途径，必填）；行政查询事项为办理途径；其他为补充说明 */
            replyText?: string;
            /** @constant */
            type: "propose_decision";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason: string;
            /** @constant */
            type: "request_extension";
            workdays: number;
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason: string;
            /** @constant */
            type: "return_proposal";
        } | {
            amendmentReason?: string;
            documentEventSeq: number;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedOn?: string;
            trackingNumber?: string;
            /** @constant */
            type: "record_receipt";
        } | {
            amendmentReason?: string;
            /**
             * @description 予以公开的方式：provided 提供（第三十六条第（二）项，不填时按此）；already_public 已主动公开（第三十六条第（一）项，须在 replyText 写明获取方式、途径）
             * @enum {string}
             */
            disclosure?: "provided" | "already_public";
            expectedVersion?: number;
            /** @description 本机关不掌握相关政府信息时：负责公开该信息的行政机关名称及联系方式。填写即按第三十六条第（五）项答复（须同时填写理由）；不填按第三十六条第（四）项（该政府信息不存在） */
            holdingAgency?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            /** @enum {string} */
            outcome: "disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.other";
            reason?: string;
            /** @description 理由：不予公开（第三十六条第（三）项）、部分公开的不予公开部分（第三十七条）、不属于本机关负责公开（第三十六条第（五）项）和其他处理时必填 */
            reasons?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            receivedByAddresseeOn?: string;
            /** @description 答复内容：予以公开时为提供方式（已主动公开的，为获取的方式、途径，必填）；行政查询事项为办理途径；其他为补充说明 */
            replyText?: string;
            /** @enum {string} */
            sentBy?: "in_person" | "post" | "online" | "email" | "fax";
            /** @constant */
            type: "re_reply";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "withdraw_proposal";
        } | {
            amendmentReason?: string;
            expectedVersion?: number;
            /** @description 本机关启用中的承办人的用户名（GET /api/v1/agencies/{code}/handlers） */
            handlerUsername: string;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            reason?: string;
            /** @constant */
            type: "assign";
        } | {
            amendmentReason?: string;
            changes: {
                /** @description 更正后的申请人信息（整体替换） */
                applicant?: {
                    address?: string;
                    /** @description 联系人（法人或其他组织） */
                    contactPerson?: string;
                    email?: string;
                    idNumber?: string;
                    /**
                     * @description 证件类型：resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他（自然人）；uscc 统一社会信用代码（法人或其他组织；境外组织等可用 other）。缺省时证件号码按原样保存、不作校验（早先登记的申请）
                     * @enum {string}
                     */
                    idType?: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
                    /** @description 法定代表人或主要负责人（法人或其他组织） */
                    legalRepresentative?: string;
                    name: string;
                    phone?: string;
                    /** @enum {string} */
                    type: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                };
                /** @enum {string} */
                channel?: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
                deliveryForm?: string;
                description?: string;
                /**
                 * Format: date
                 * @description 更正后的收到申请日期（《条例》第三十一条）；按新日期重算全部期限，已登记事项因此不成立的予以拒绝（409）
                 */
                receivedOn?: string;
                trackingNumber?: string;
            };
            expectedVersion?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD（中国标准时间的日期）
             */
            on: string;
            /** @description 更正理由（记入办理记录） */
            reason: string;
            /** @constant */
            type: "amend_registration";
        };
        Agency: {
            code: string;
            /** @enum {string} */
            kind: "government" | "department" | "township";
            name: string;
            parentCode: string | null;
        };
        AgencyList: {
            items: components["schemas"]["Agency"][];
            total: number;
        };
        /** @description 主管部门总览：下级机关之一 */
        AgencyStats: {
            agencyCode: string;
            agencyName: string;
            decided: number;
            lateOpen: number;
            onTime: number;
            /** @description onTime / (decided + lateOpen)，三位小数；都为 0 时为 null */
            onTimeRate: number | null;
            open: number;
            overdue: number;
        };
        AmendResult: {
            changes: components["schemas"]["ReportChange"][];
            /** @description false：与最新版本相比没有变化，未生成新版本 */
            created: boolean;
            report: components["schemas"]["AnnualReport"];
            /** @description 调用之后的最新版本 */
            version: number;
        };
        AnnualReport: {
            agencyCode: string;
            /** @enum {string} */
            agencyKind: "government" | "department" | "township";
            agencyName: string;
            checks: components["schemas"]["ReportCheck"][];
            closedAt: string | null;
            /** @enum {string} */
            edition: "2019" | "2021";
            facts: {
                fees: {
                    amountYuan: number;
                    count: number;
                };
                letters?: {
                    [key: string]: number;
                };
                receivedByChannel: {
                    [key: string]: number;
                };
                timeliness: {
                    decisions: number;
                    onTime: number;
                } | null;
            };
            /** @enum {string} */
            scope: "agency" | "subtree";
            /** @enum {string} */
            status: "draft" | "closed";
            /** @description 表二：按该年度版式的各栏数字 */
            table2: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            table2Entered: boolean;
            table3: {
                readonly columns: ("natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org" | "total")[];
                rows: {
                    [key: string]: components["schemas"]["Table3Row"];
                };
            };
            table4: {
                administrative_review: components["schemas"]["Table4Cells"];
                litigation_after_review: components["schemas"]["Table4Cells"];
                litigation_direct: components["schemas"]["Table4Cells"];
            };
            texts: components["schemas"]["ReportTexts"];
            /** @description 所示定稿版本；草稿为 null */
            version: number | null;
            year: number;
        };
        /** @description 年度报告（JSON）及系统围绕机关文字写的内容 */
        AnnualReportView: {
            agencyCode: string;
            /** @enum {string} */
            agencyKind: "government" | "department" | "township";
            agencyName: string;
            checks: components["schemas"]["ReportCheck"][];
            closedAt: string | null;
            /** @enum {string} */
            edition: "2019" | "2021";
            facts: {
                fees: {
                    amountYuan: number;
                    count: number;
                };
                letters?: {
                    [key: string]: number;
                };
                receivedByChannel: {
                    [key: string]: number;
                };
                timeliness: {
                    decisions: number;
                    onTime: number;
                } | null;
            };
            narrative: components["schemas"]["ReportNarrative"];
            /** @enum {string} */
            scope: "agency" | "subtree";
            /** @enum {string} */
            status: "draft" | "closed";
            /** @description 表二：按该年度版式的各栏数字 */
            table2: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            table2Entered: boolean;
            table3: {
                readonly columns: ("natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org" | "total")[];
                rows: {
                    [key: string]: components["schemas"]["Table3Row"];
                };
            };
            table4: {
                administrative_review: components["schemas"]["Table4Cells"];
                litigation_after_review: components["schemas"]["Table4Cells"];
                litigation_direct: components["schemas"]["Table4Cells"];
            };
            texts: components["schemas"]["ReportTexts"];
            /** @description 所示定稿版本；草稿为 null */
            version: number | null;
            year: number;
        };
        Appeal: {
            applicationId: string;
            filedOn: string;
            id: string;
            /** @enum {string} */
            kind: "administrative_review" | "litigation_direct" | "litigation_after_review";
            kindLabel: string;
            result: ("upheld" | "corrected" | "other") | null;
            resultLabel: string | null;
            resultOn: string | null;
            trackingNo: string;
        };
        AppealList: {
            items: components["schemas"]["Appeal"][];
            total: number;
        };
        /** @description 申请人；personalData 为 masked 时证件号码、电话为脱敏值，无电子邮箱和地址 */
        Applicant: {
            address?: string;
            contactPerson?: string;
            email?: string;
            idNumber?: string;
            /** @enum {string} */
            idType?: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
            legalRepresentative?: string;
            name: string;
            phone?: string;
            /** @enum {string} */
            type: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
        };
        Application: {
            agencyCode: string;
            agencyName: string;
            allowedActions: ("request_supplement" | "receive_supplement" | "start_consultation" | "end_consultation" | "extend" | "issue_fee_notice" | "receive_fee" | "set_custom_deadline" | "decide" | "withdraw" | "deliver" | "archive" | "propose_decision" | "request_extension" | "return_proposal" | "record_receipt" | "re_reply" | "withdraw_proposal" | "assign" | "amend_registration")[];
            applicant: components["schemas"]["Applicant"];
            /** @enum {string} */
            channel: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
            deadlines: {
                consultations?: components["schemas"]["ClockView"][];
                feePayment?: components["schemas"]["ClockView"];
                receipts?: components["schemas"]["ClockView"][];
                reply: components["schemas"]["ClockView"];
                reReply?: components["schemas"]["ClockView"];
                supplementNotice?: components["schemas"]["ClockView"];
                supplementWindow?: components["schemas"]["ClockView"];
            };
            deliveryForm: string | null;
            description: string;
            dispositionOn: string | null;
            /** @description 全部事件（详情和操作的答复；列表不含） */
            events?: components["schemas"]["EventView"][];
            flags: {
                awaitingFee: boolean;
                consulting: boolean;
                extended: boolean;
            };
            handler: string | null;
            id: string;
            /** @description 列表项：今天最先到期的期限（待办顺序），没有在计的期限时为 null */
            nextDue?: {
                /** @description 日期 YYYY-MM-DD（中国日历日） */
                dueOn: string;
                /** @enum {string} */
                kind: "reply" | "supplementNotice" | "supplementWindow" | "consultation" | "feePayment" | "receipt" | "reReply";
                label: string;
            } | null;
            outcome: ("disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.supplement_overdue" | "other.fee_unpaid" | "other.other") | null;
            /** @enum {string} */
            personalData: "full" | "masked";
            proposal: components["schemas"]["Proposal"] | null;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            receivedOn: string;
            /** @enum {string} */
            state: "registered" | "awaiting_supplement" | "in_progress" | "decided" | "delivered" | "archived" | "closed";
            stateLabel: string;
            trackingNo: string;
            trackingNumber: string | null;
            version: number;
        };
        /** @description GET /applications/:id：Application 加上读者的权限 */
        ApplicationDetail: {
            agencyCode: string;
            agencyName: string;
            allowedActions: ("request_supplement" | "receive_supplement" | "start_consultation" | "end_consultation" | "extend" | "issue_fee_notice" | "receive_fee" | "set_custom_deadline" | "decide" | "withdraw" | "deliver" | "archive" | "propose_decision" | "request_extension" | "return_proposal" | "record_receipt" | "re_reply" | "withdraw_proposal" | "assign" | "amend_registration")[];
            applicant: components["schemas"]["Applicant"];
            /** @enum {string} */
            channel: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
            deadlines: {
                consultations?: components["schemas"]["ClockView"][];
                feePayment?: components["schemas"]["ClockView"];
                receipts?: components["schemas"]["ClockView"][];
                reply: components["schemas"]["ClockView"];
                reReply?: components["schemas"]["ClockView"];
                supplementNotice?: components["schemas"]["ClockView"];
                supplementWindow?: components["schemas"]["ClockView"];
            };
            deliveryForm: string | null;
            description: string;
            dispositionOn: string | null;
            /** @description 全部事件（详情和操作的答复；列表不含） */
            events?: components["schemas"]["EventView"][];
            flags: {
                awaitingFee: boolean;
                consulting: boolean;
                extended: boolean;
            };
            handler: string | null;
            id: string;
            /** @description 列表项：今天最先到期的期限（待办顺序），没有在计的期限时为 null */
            nextDue?: {
                /** @description 日期 YYYY-MM-DD（中国日历日） */
                dueOn: string;
                /** @enum {string} */
                kind: "reply" | "supplementNotice" | "supplementWindow" | "consultation" | "feePayment" | "receipt" | "reReply";
                label: string;
            } | null;
            outcome: ("disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.supplement_overdue" | "other.fee_unpaid" | "other.other") | null;
            permissions: components["schemas"]["CasePermissions"];
            /** @enum {string} */
            personalData: "full" | "masked";
            proposal: components["schemas"]["Proposal"] | null;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            receivedOn: string;
            /** @enum {string} */
            state: "registered" | "awaiting_supplement" | "in_progress" | "decided" | "delivered" | "archived" | "closed";
            stateLabel: string;
            trackingNo: string;
            trackingNumber: string | null;
            version: number;
        };
        ApplicationPage: {
            items: components["schemas"]["Application"][];
            total: number;
        };
        CalendarCorrection: {
            /** @description 已记录的事实在新安排下不再成立的案件（未改动） */
            conflicts: {
                applicationId: string;
                message: string;
                trackingNo: string;
            }[];
            holidayNames: {
                [key: string]: string;
            };
            /** @description 放假的日期 YYYY-MM-DD */
            holidays: string[];
            /** @description 未公布的年份：按放假办法推算的暂定安排 */
            provisional: boolean;
            /** @description 重新计算了期限的案件数 */
            replanned: number;
            /** @description 放假安排的来源（通知文号） */
            source: string;
            workdayNames: {
                [key: string]: string;
            };
            /** @description 调休上班的日期 YYYY-MM-DD */
            workdays: string[];
            year: number;
        };
        CalendarYearView: {
            holidayNames: {
                [key: string]: string;
            };
            /** @description 放假的日期 YYYY-MM-DD */
            holidays: string[];
            /** @description 未公布的年份：按放假办法推算的暂定安排 */
            provisional: boolean;
            /** @description 放假安排的来源（通知文号） */
            source: string;
            workdayNames: {
                [key: string]: string;
            };
            /** @description 调休上班的日期 YYYY-MM-DD */
            workdays: string[];
            year: number;
        };
        CaseDocument: {
            /** @description 客户端声明的类型（仅作记录） */
            declaredType: string | null;
            /**
             * @description 按内容检测出的类型
             * @enum {string}
             */
            detectedType: "application/pdf" | "image/jpeg" | "image/png" | "application/ofd" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            /** @description 下载时的文件名：扩展名按检测出的类型 */
            downloadName: string;
            eventSeq: number | null;
            fileName: string;
            id: string;
            /** @enum {string} */
            kind: "application_scan" | "envelope" | "id_copy" | "supplement" | "consultation_answer" | "delivery_receipt" | "other" | "issued_letter";
            kindLabel: string;
            /** @description 已出具文书的 PDF：文书键（reply 等） */
            letterKey: string | null;
            sha256: string;
            /** @description 字节 */
            size: number;
            typeLabel: string;
            uploadedAt: string;
            uploadedBy: string | null;
        };
        CaseNotice: {
            /** @description 邮件附件的文件名 */
            attachment: string | null;
            createdAt: string;
            /** @description 所依据的案件事件序号 */
            eventSeq: number;
            id: string;
            /**
             * @description receipt 登记回执，supplement 补正告知，extension 延期答复，fee 收费通知，reply 答复，re_reply 重新答复，withdrawal 撤回确认
             * @enum {string}
             */
            kind: "receipt" | "supplement" | "extension" | "fee" | "reply" | "re_reply" | "withdrawal";
            /** @description 随附文书的文号 */
            letterSerial: string | null;
            mail: components["schemas"]["NoticeChannel"];
            /** @description 事件的生效日期 */
            on: string;
            /** @description 未发送的原因：backdated 补录的过去事件，imported 台账导入，demo 示范数据，superseded 事件已被取代 */
            reason: string | null;
            sms: components["schemas"]["NoticeChannel"];
            /** @enum {string} */
            status: "pending" | "done" | "cancelled" | "skipped";
            /** @description 通知正文（同申请人查询页面），未生成前为 null */
            text: string | null;
        };
        CaseNotices: {
            items: components["schemas"]["CaseNotice"][];
        };
        /** @description 读者在案件页可做的事，按服务器校验的同一规则 */
        CasePermissions: {
            /** @description allowedActions 中读者的角色可执行的（本机关） */
            actions: ("request_supplement" | "receive_supplement" | "start_consultation" | "end_consultation" | "extend" | "issue_fee_notice" | "receive_fee" | "set_custom_deadline" | "decide" | "withdraw" | "deliver" | "archive" | "propose_decision" | "request_extension" | "return_proposal" | "record_receipt" | "re_reply" | "withdraw_proposal" | "assign" | "amend_registration")[];
            /** @description 可登记行政复议、诉讼（本机关承办人、审核人、机关管理员） */
            recordAppeal: boolean;
            /** @description 可上传案件材料（本机关登记人员、承办人、审核人） */
            uploadDocuments: boolean;
        };
        /** @description 表三某一单元格所计的申请 */
        CellApplication: {
            agencyCode: string;
            applicantName: string;
            /** @enum {string} */
            applicantType: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
            dispositionOn: string | null;
            id: string;
            outcome: ("disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.supplement_overdue" | "other.fee_unpaid" | "other.other") | null;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            receivedOn: string;
            trackingNo: string;
        };
        CellApplications: {
            /** @enum {string} */
            column: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org" | "total";
            items: components["schemas"]["CellApplication"][];
            row: string;
            total: number;
        };
        /** @description 算术验证题 */
        Challenge: {
            expiresAt: string;
            /** @description 算术题，如“7 加 5 等于几？”；答案放在请求头 X-Challenge-Answer，令牌放在 X-Challenge-Token */
            question: string;
            token: string;
        };
        /** @description 查询失败次数较多：须先回答 error.challenge 的算术题（请求头 X-Challenge-Token、X-Challenge-Answer） */
        ChallengeRequired: {
            error: {
                challenge: components["schemas"]["Challenge"];
                /** @constant */
                code: "challenge_required";
                message: string;
            };
        };
        ClockCounter: {
            /** @description soonWorkdays 个工作日内到期的件数（不含今天） */
            dueSoon: number;
            /** @description 今天到期的件数 */
            dueToday: number;
            /** @enum {string} */
            kind: "reply" | "supplementNotice" | "supplementWindow" | "consultation" | "feePayment" | "receipt" | "reReply";
            label: string;
            /** @description 已逾期仍未办结的件数 */
            overdue: number;
        };
        ClockView: {
            /**
             * @description 自邮寄文书签收之日起算，签收日期尚未登记：dueOn 为推算
             * @constant
             */
            awaitingReceipt?: true;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            doneOn?: string;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            dueOn: string;
            explanation: string[];
            /** @description 窗口或签收期限的标识：supplement_notice、fee_notice、consultation_letter-<consultationId>；征求意见期限为 consultationId */
            id?: string;
            label: string;
            provisional: boolean;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            startsOn: string;
            /** @enum {string} */
            state: "running" | "paused" | "met" | "missed" | "lapsed";
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_input" | "bad_request" | "payload_too_large" | "unauthenticated" | "forbidden" | "password_change_required" | "not_found" | "illegal_action" | "version_conflict" | "conflict" | "year_closed" | "warnings_unacknowledged" | "rate_limited" | "unavailable" | "internal";
                details?: components["schemas"]["ErrorDetail"][];
                /** @description 中文说明，写明哪里有误、应当怎么做 */
                message: string;
            };
        };
        ErrorDetail: {
            /** @description 字段路径，如 applicant.name */
            field?: string;
            message: string;
        };
        EventView: {
            actor: string;
            enteredAt: string;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            on: string;
            payload: {
                [key: string]: unknown;
            };
            reason: string | null;
            seq: number;
            /** @description 已被取代的自动事件：取代它的事件序号和日期；保留在记录中，不再计入 */
            superseded: {
                bySeq: number;
                /** @description 日期 YYYY-MM-DD（中国日历日） */
                on: string;
            } | null;
            type: string;
        };
        /** @description 本机关可分办的承办人（已启用） */
        HandlerChoice: {
            displayName: string;
            /** @description 其承办、尚未归档或终止的案件数 */
            openCases: number;
            username: string;
        };
        HandlerList: {
            items: components["schemas"]["HandlerChoice"][];
            total: number;
        };
        HandOverReply: {
            fromUsername: string;
            /** @description 转办的案件，各有一条转办记录 */
            moved: {
                id: string;
                trackingNo: string;
            }[];
            toUsername: string;
        };
        /** @description 已处理的行数和总行数 */
        ImportProgress: {
            done: number;
            total: number;
        };
        ImportResult: {
            errors: {
                /** @enum {string} */
                column: "编号" | "收到日期" | "申请方式" | "申请人类型" | "申请人" | "证件号码" | "联系电话" | "申请内容" | "补正告知日" | "补正收到日" | "征求意见" | "延期" | "收费通知日" | "缴费日" | "收费金额" | "答复日期" | "答复结果" | "送达日期" | "承办人";
                message: string;
                /** @description Excel 行号（列名行为第 1 行） */
                row: number;
            }[];
            /** @description 正式导入：写入的行数（有错误时为 0）；校验：全部检查通过的行数 */
            imported: number;
            /** @description 文件中的数据行数（不含列名行和空行） */
            rows: number;
            /** @description 台账涉及的每个年度（2019 年起）导入后本机关表三的各行，与年度报告 JSON 的 table3.rows 相同 */
            tables: {
                [key: string]: {
                    [key: string]: {
                        commercial_enterprise: number;
                        legal_service_org: number;
                        natural_person: number;
                        other_org: number;
                        research_institution: number;
                        social_welfare_org: number;
                        total: number;
                    };
                };
            };
        };
        ImportStreamLine: {
            progress: components["schemas"]["ImportProgress"];
        } | {
            result: components["schemas"]["ImportResult"];
        } | ({
            error: {
                code: string;
                details?: ({
                    field?: string;
                    message: string;
                } & {
                    [key: string]: unknown;
                })[];
                message: string;
            };
        } & {
            [key: string]: unknown;
        });
        LetterList: {
            items: components["schemas"]["LetterSummary"][];
            total: number;
        };
        LetterSettings: {
            agencyCode: string;
            defaultShortName: string;
            derivedReviewBody: components["schemas"]["ReviewBody"] | null;
            /** @description 答复书现在写明的行政复议机关；null 时无法生成答复书 */
            effectiveReviewBody: components["schemas"]["ReviewBody"] | null;
            feePaymentMethod: string | null;
            /** @description 设置的行政复议机关；null 按机关树 */
            reviewBody: string | null;
            /** @description 文号所用的简称：设置的，否则 defaultShortName */
            shortName: string;
            shortNameSet: string | null;
        };
        LetterSummary: {
            /** @description 尚未出具，且读者可以出具 */
            canIssue: boolean;
            consultationId?: string;
            /** @description 文书的日期 YYYY-MM-DD */
            date: string;
            /** @description 发给须登记签收的收件人，有送达回证 */
            hasDeliveryReceipt: boolean;
            issuedAt: string | null;
            issuedBy: string | null;
            /** @description 文书的标识：reply、receipt、consultation_letter:c1 … */
            key: string;
            /** @enum {string} */
            kind: "receipt" | "supplement_notice" | "extension_notice" | "consultation_letter" | "fee_notice" | "reply" | "re_reply";
            /** @description 文号；出具前为 null */
            serialNo: string | null;
            /** @description 文书的标题（政府信息公开申请答复书 …） */
            title: string;
        };
        /** @description 文书的内容（与 DOCX 同一模型），供网页查看和打印 */
        LetterView: {
            /** @description 称谓，如“张三：”；表格为空 */
            addressee: string;
            date: string;
            issued: boolean;
            /** @enum {string} */
            kind: "receipt" | "supplement_notice" | "extension_notice" | "consultation_letter" | "fee_notice" | "reply" | "re_reply" | "delivery_receipt";
            paragraphs: string[];
            /** @description 表格（送达回证）的各行：名称和内容，内容为空的留待手写 */
            rows?: [
                string,
                string
            ][];
            /** @description 文号；尚未出具为“草稿”，没有文号的表格为空 */
            serialNo: string;
            signature: string;
            title: string;
        };
        /** @description API 客户端得到令牌；网页（session: true）只得到会话 Cookie 和 CSRF 令牌 */
        LoginReply: {
            /** @description 令牌失效的时刻（ISO 8601） */
            expiresAt: string;
            token: string;
            user: components["schemas"]["UserInfo"];
        } | {
            /** @description 会话请求的 X-CSRF-Token */
            csrfToken: string | null;
            user: components["schemas"]["UserInfo"];
        };
        MeReply: {
            csrfToken?: string | null;
            user: components["schemas"]["UserInfo"];
        };
        Meta: {
            /** @description 每项操作及可执行它的角色（服务器按同一张表校验） */
            actions: {
                label: string;
                roles: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
                /** @enum {string} */
                type: "request_supplement" | "receive_supplement" | "start_consultation" | "end_consultation" | "extend" | "issue_fee_notice" | "receive_fee" | "set_custom_deadline" | "decide" | "withdraw" | "deliver" | "archive" | "propose_decision" | "request_extension" | "return_proposal" | "record_receipt" | "re_reply" | "withdraw_proposal" | "assign" | "amend_registration";
            }[];
            agencyKinds: {
                /** @enum {string} */
                id: "government" | "department" | "township";
                label: string;
            }[];
            appealKinds: {
                /** @enum {string} */
                id: "administrative_review" | "litigation_direct" | "litigation_after_review";
                label: string;
            }[];
            appealResults: {
                /** @enum {string} */
                id: "upheld" | "corrected" | "other";
                label: string;
            }[];
            applicantTypes: {
                /** @enum {string} */
                id: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                label: string;
            }[];
            channels: {
                /**
                 * @description 文书默认的送达方式
                 * @enum {string}
                 */
                defaultDelivery: "in_person" | "post" | "online" | "email" | "fax";
                /** @enum {string} */
                id: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
                label: string;
            }[];
            consultationParties: {
                /**
                 * @description 文书默认的送达方式
                 * @enum {string}
                 */
                defaultDelivery: "in_person" | "post" | "online" | "email" | "fax";
                /** @enum {string} */
                id: "third_party" | "co_producer" | "other_agency";
                label: string;
            }[];
            deliveryMethods: {
                /** @enum {string} */
                id: "in_person" | "post" | "online" | "email" | "fax";
                label: string;
            }[];
            feeBases: {
                /** @enum {string} */
                id: "per_item" | "per_volume";
                label: string;
            }[];
            flags: {
                id: string;
                label: string;
            }[];
            outcomeGroups: {
                /** @enum {string} */
                id: "disclosed" | "partially_disclosed" | "withheld" | "unavailable" | "not_processed" | "other";
                label: string;
            }[];
            outcomes: components["schemas"]["OutcomeMeta"][];
            outgoingDocuments: {
                /** @enum {string} */
                id: "supplement_notice" | "consultation_letter" | "fee_notice" | "reply";
                label: string;
            }[];
            roles: {
                /** @enum {string} */
                id: "intake" | "handler" | "approver" | "agency_admin" | "supervisor";
                label: string;
            }[];
            states: {
                /** @enum {string} */
                id: "registered" | "awaiting_supplement" | "in_progress" | "decided" | "delivered" | "archived" | "closed";
                label: string;
            }[];
        };
        /** @description 一的一部分：系统写的段落与机关文字的位置 */
        NarrativePart: {
            /** @description 系统按表格与事实写的段落 */
            generated: string[];
            heading: string;
            /** @description 印在上一小节之内（监督保障中的考核评议） */
            isRunIn: boolean;
            /** @enum {string} */
            textKey: "proactive" | "requests" | "management" | "platforms" | "oversight" | "assessment";
            title: string;
        };
        NoticeChannel: {
            attempts: number;
            /** @description 最近一次失败的代码（smtp_550、http_503、timeout 等），不含服务器原文 */
            error: string | null;
            /** @description 发送时间（ISO 8601） */
            sentAt: string | null;
            /**
             * @description pending 待发送，sent 已发送，failed 重试后仍失败，none 无邮箱/手机或未配置短信网关，cancelled 已取消
             * @enum {string}
             */
            status: "pending" | "sent" | "failed" | "none" | "cancelled";
        };
        /** @description 网络申请（列表中申请人的证件号码、联系电话为脱敏值） */
        OnlineSubmission: {
            agencyCode: string;
            applicant: components["schemas"]["Applicant"];
            applicationId: string | null;
            deliveryForm: string | null;
            description: string;
            documents: components["schemas"]["SubmissionDocument"][];
            id: string;
            rejectReason: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected" | "withdrawn";
            /** @description 提交时刻（ISO） */
            submittedAt: string;
            /** @description 提交之日 YYYY-MM-DD（中国日历日）：确认时可给的最早收到日期 */
            submittedOn: string;
        };
        OnlineSubmissionPage: {
            items: components["schemas"]["OnlineSubmission"][];
            total: number;
        };
        OutcomeMeta: {
            basis: string;
            decidable: boolean;
            /** @enum {string} */
            group: "disclosed" | "partially_disclosed" | "withheld" | "unavailable" | "not_processed" | "other";
            /** @enum {string} */
            id: "disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.supplement_overdue" | "other.fee_unpaid" | "other.other";
            label: string;
            /** @description 答复的形式，第一种为默认 */
            replyForms: components["schemas"]["ReplyFormMeta"][];
            row2019: string;
            row2021: string;
            shortLabel: string;
        };
        PasswordReset: {
            /** @description 未给出密码时生成的密码（只此一次） */
            generatedPassword: string | null;
            user: components["schemas"]["User"];
        };
        /** @description 已保存的表二；年度已关闭时附修订结果 */
        ProactiveSaved: {
            amendment: components["schemas"]["AmendResult"] | null;
            /** @description 表二：按该年度版式的各栏数字 */
            table2: {
                [key: string]: {
                    [key: string]: number;
                };
            };
        };
        /** @description 承办人提交、等待审批的答复或延期 */
        Proposal: {
            /** @enum {string} */
            kind: "decision" | "extension";
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            on: string;
            /** @enum {string} */
            outcome?: "disclosed" | "partially_disclosed" | "withheld.state_secret" | "withheld.prohibited_by_law" | "withheld.security_stability" | "withheld.third_party_rights" | "withheld.internal_affairs" | "withheld.process_information" | "withheld.enforcement_file" | "withheld.administrative_query" | "unavailable.not_held" | "unavailable.requires_creation" | "unavailable.unclear_after_supplement" | "not_processed.petition" | "not_processed.duplicate" | "not_processed.publication" | "not_processed.excessive" | "not_processed.confirmation" | "other.supplement_overdue" | "other.fee_unpaid" | "other.other";
            reason?: string;
            replyText?: string;
            workdays?: number;
        };
        PublicAgencies: {
            agencies: components["schemas"]["PublicAgency"][];
        };
        PublicAgency: {
            children?: components["schemas"]["PublicAgency"][];
            code: string;
            name: string;
        };
        /** @description 向申请人出具的文书 */
        PublicLetter: {
            issuedOn: string;
            /** @description 文书的种类，即其下载路径 */
            kind: string;
            serialNo: string | null;
            title: string;
            url: string;
        };
        /** @description 发给申请人的消息（办理各环节发出的邮件、短信的文字） */
        PublicNotice: {
            kind: string;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            sentOn: string;
            text: string;
        };
        /** @description 申请查询：办理阶段和日期，不含个人信息 */
        PublicStatus: {
            agencyName: string;
            canWithdraw: boolean;
            dispositionOn: string | null;
            dueOn: string | null;
            dueOnProvisional: boolean;
            letters: components["schemas"]["PublicLetter"][];
            notices: components["schemas"]["PublicNotice"][];
            receivedOn: string | null;
            rejectReason: string | null;
            /** @enum {string} */
            stage: "awaiting_confirmation" | "rejected" | "registered" | "supplement_requested" | "in_progress" | "extended" | "replied" | "closed" | "withdrawn";
            stageLabel: string;
            submittedAt: string;
            supplementDueOn: string | null;
            supplementRequested: boolean;
            supplementText: string | null;
        };
        ReplyFormMeta: {
            id: string;
            /** @description 答复书中 reasons 的标题（不予公开的理由 …） */
            reasonsLabel?: string;
            /** @description 答复书中 replyText 的标题（提供方式、办理途径 …） */
            replyTextLabel?: string;
            /** @description 答复须写明的内容，缺少时 decide 为 422 */
            requires: ("reasons" | "replyText" | "holdingAgency")[];
        };
        ReportChange: {
            column: string;
            from: number | string;
            row: string;
            /** @enum {string} */
            table: "二" | "三" | "四" | "文字";
            to: number | string;
        };
        ReportCheck: {
            id: string;
            /** @description 未通过时说明哪里不对 */
            message: string;
            ok: boolean;
            /** @enum {string} */
            severity: "error" | "warning";
            /**
             * @description 本年度未核对（ok 为 true）
             * @constant
             */
            skipped?: true;
        };
        /** @description 系统围绕机关文字写的内容（不存储） */
        ReportNarrative: {
            overview: components["schemas"]["NarrativePart"][];
            preface: string;
        };
        ReportOverview: {
            agencies: components["schemas"]["ReportStatusLine"][];
            report: components["schemas"]["AnnualReport"];
        };
        ReportStatusLine: {
            agencyCode: string;
            /** @enum {string} */
            agencyKind: "government" | "department" | "township";
            agencyName: string;
            closedAt: string | null;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            dueOn: string;
            isLate: boolean;
            /** @enum {string} */
            status: "draft" | "closed";
            version: number | null;
        };
        /** @description 机关填写的报告文字 */
        ReportTexts: {
            /** @description 一（五）中的工作考核、社会评议和责任追究结果情况（仅政府，条例第五十条第四项） */
            assessment: string;
            /** @description 一（三）政府信息管理 */
            management: string;
            /** @description 六、其他需要报告的事项 */
            other: string;
            /** @description 一（五）监督保障 */
            oversight: string;
            /** @description 一、总体情况的开头 */
            overview: string;
            /** @description 一（四）平台建设 */
            platforms: string;
            /** @description 报告说明之后：公布渠道、咨询联系方式 */
            preface: string;
            /** @description 一（一）主动公开 */
            proactive: string;
            /** @description 五、存在的主要问题及改进情况 */
            problems: string;
            /** @description 一（二）依申请公开 */
            requests: string;
        };
        /** @description 某一定稿版本及其修订原因与差异 */
        ReportVersion: {
            agencyCode: string;
            /** @enum {string} */
            agencyKind: "government" | "department" | "township";
            agencyName: string;
            changes: components["schemas"]["ReportChange"][];
            checks: components["schemas"]["ReportCheck"][];
            closedAt: string | null;
            /** @enum {string} */
            edition: "2019" | "2021";
            facts: {
                fees: {
                    amountYuan: number;
                    count: number;
                };
                letters?: {
                    [key: string]: number;
                };
                receivedByChannel: {
                    [key: string]: number;
                };
                timeliness: {
                    decisions: number;
                    onTime: number;
                } | null;
            };
            reason: string | null;
            /** @enum {string} */
            scope: "agency" | "subtree";
            /** @enum {string} */
            status: "draft" | "closed";
            /** @description 表二：按该年度版式的各栏数字 */
            table2: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            table2Entered: boolean;
            table3: {
                readonly columns: ("natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org" | "total")[];
                rows: {
                    [key: string]: components["schemas"]["Table3Row"];
                };
            };
            table4: {
                administrative_review: components["schemas"]["Table4Cells"];
                litigation_after_review: components["schemas"]["Table4Cells"];
                litigation_direct: components["schemas"]["Table4Cells"];
            };
            texts: components["schemas"]["ReportTexts"];
            /** @description 所示定稿版本；草稿为 null */
            version: number | null;
            year: number;
        };
        ReportVersionList: {
            items: components["schemas"]["ReportVersionSummary"][];
            total: number;
        };
        ReportVersionSummary: {
            changes: components["schemas"]["ReportChange"][];
            closedAt: string;
            reason: string | null;
            version: number;
        };
        ReviewBody: {
            /** @description 该机关从何而来（设置或机关树） */
            basis: string;
            name: string;
        };
        SessionsEnded: {
            sessionsEnded: number;
            user: components["schemas"]["User"];
        };
        SettingsView: {
            policy: {
                jobHour: number;
                reconcileMinutes: number;
                reminderOffsets: number[];
                sessionMinutes: number;
                supplementWindowWorkdays: number;
            };
            /** @description 法定期限（工作日、日、月） */
            statute: {
                [key: string]: number;
            };
        };
        Stats: {
            /** @description scope 为 subtree 时每个下级机关，否则为空 */
            agencies: components["schemas"]["AgencyStats"][];
            agencyCode: string | null;
            averageWorkdaysToReply: number | null;
            decided: number;
            /** @description 答复期限在本年且已过、仍未办结的件数（计为逾期） */
            lateOpen: number;
            onTime: number;
            /** @description onTime / (decided + lateOpen)，三位小数；都为 0 时为 null */
            onTimeRate: number | null;
            /** @description 年度内办结的件数，按办理结果 */
            outcomes: {
                [key: string]: number;
            };
            overdueByHandler: {
                count: number;
                handler: string | null;
            }[];
            /** @description 每月收到的申请数（12 个） */
            receivedByMonth: number[];
            /** @enum {string} */
            scope: "agency" | "subtree";
            year: number;
        };
        /** @description 随网络申请提交的附件（待确认期间；确认后转入案件） */
        SubmissionDocument: {
            /** @description 按内容识别的类型 */
            contentType: string;
            /** @description 保存时的文件名（扩展名按内容识别的类型） */
            fileName: string;
            id: string;
            kind: string;
            size: number;
            /** @description 工作人员下载附件的地址（会话 Cookie） */
            url: string;
        };
        Submitted: {
            /** @description 查询码（128位随机数，只显示这一次；系统只保存其摘要） */
            queryCode: string;
            submittedAt: string;
        };
        /** @description 表三的一行：按申请人类型的件数及总计 */
        Table3Row: {
            commercial_enterprise: number;
            legal_service_org: number;
            natural_person: number;
            other_org: number;
            research_institution: number;
            social_welfare_org: number;
            total: number;
        };
        /** @description 表四的一组：维持、纠正、其他结果、尚未审结、总计 */
        Table4Cells: {
            corrected: number;
            other: number;
            pending: number;
            total: number;
            upheld: number;
        };
        /** @description 已保存的报告文字；年度已关闭时附修订结果 */
        TextsSaved: {
            amendment: components["schemas"]["AmendResult"] | null;
            texts: components["schemas"]["ReportTexts"];
        };
        User: {
            agencyCode: string | null;
            agencyName: string | null;
            displayName: string;
            email: string | null;
            /** @description 已停用：不能登录，令牌和会话已失效 */
            isDisabled: boolean;
            isSystemAdmin: boolean;
            /** @description 管理员设置了密码：下次登录须先修改 */
            mustChangePassword: boolean;
            roles: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
            username: string;
        };
        /** @description 当前用户在案件之外可以做的事，由服务器按角色表计算 */
        UserCapabilities: {
            /** @description 审批承办人的拟办意见（审核人） */
            approve: boolean;
            /** @description 填报、关闭、修订本机关的年度报告（管理员） */
            closeReports: boolean;
            /** @description 确认网络申请并登记（登记人员） */
            confirmOnlineSubmissions: boolean;
            /** @description 载入或更正工作日历（系统管理员） */
            editCalendar: boolean;
            /** @description 可以授予的角色；不能管理用户时为空 */
            grantRoles: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
            /** @description “待办”列出案件（承办人、审核人、登记人员） */
            hasTodo: boolean;
            /** @description 导入、导出本机关台账（管理员、系统管理员） */
            importLedger: boolean;
            /** @description 本机关的文书设置（管理员） */
            manageAgencySettings: boolean;
            /** @description 管理用户（本机关管理员；系统管理员管理全部） */
            manageUsers: boolean;
            /** @description 登记申请（本机关的登记人员） */
            register: boolean;
            /** @description 查看个人信息访问日志（管理员、系统管理员） */
            viewAccessLog: boolean;
            /** @description 机关页面（管理员、主管部门、系统管理员） */
            viewAgencies: boolean;
            /** @description 查看、退回本机关的网络申请（登记人员、管理员） */
            viewOnlineSubmissions: boolean;
            /** @description 查看本机关及下级机关（主管部门） */
            viewSubtree: boolean;
        };
        UserInfo: {
            agencyCode: string | null;
            agencyName: string | null;
            can: components["schemas"]["UserCapabilities"];
            displayName: string;
            isSystemAdmin: boolean;
            /** @description 管理员设置了密码：须先修改密码 */
            mustChangePassword: boolean;
            roles: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
            username: string;
        };
        UserList: {
            items: components["schemas"]["User"][];
            total: number;
        };
        WorklistCounters: {
            /** @description 范围内待审批的件数 */
            awaitingApproval: number;
            /** @description 每种期限一项，按 CLOCK_KINDS 的顺序，含 0 */
            clocks: components["schemas"]["ClockCounter"][];
            /** @description “即将到期”的最后一天 */
            soonUntil: string;
            soonWorkdays: number;
            /** @description 日期 YYYY-MM-DD（中国日历日） */
            today: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getApiV1AccountAudit: {
        parameters: {
            query?: {
                agency?: string;
                page?: string;
                pageSize?: string;
                username?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountAuditPage"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Agencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Agencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    /** @enum {string} */
                    kind: "government" | "department" | "township";
                    name: string;
                    parentCode?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agency"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeAccessLog: {
        parameters: {
            query?: {
                application?: string;
                from?: string;
                page?: string;
                pageSize?: string;
                to?: string;
                user?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessLogPage"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeAccessLogCsv: {
        parameters: {
            query?: {
                application?: string;
                from?: string;
                to?: string;
                user?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 访问日志 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeAccessLogXlsx: {
        parameters: {
            query?: {
                application?: string;
                from?: string;
                to?: string;
                user?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 访问日志 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeHandlers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandlerList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AgenciesCodeImports: {
        parameters: {
            query?: {
                amendmentReason?: string;
                dryRun?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        /** @description 台账 XLSX 文件本身（不超过 20971520 字节） */
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description 导入（或校验）结果；请求头 Accept 含 application/x-ndjson 时：逐行 JSON，先是若干 {progress:{done,total}}，最后一行为 {result:…}；正式导入有错误时最后一行为 422 的错误体（error 及 rows、imported、errors、tables） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                    "application/x-ndjson": components["schemas"]["ImportStreamLine"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeLedgerXlsx: {
        parameters: {
            query?: {
                full?: "0" | "1" | "true" | "false";
                year?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 台账 XLSX 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeLetterSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterSettings"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1AgenciesCodeLetterSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 收费通知书的默认缴纳方式（收款账户、地点等）；单份收费通知填写的 paymentMethod 优先 */
                    feePaymentMethod?: string | null;
                    /** @description 行政复议机关（答复书救济条款中写明）：仅在机关树不能确定时设置（如垂直管理部门，行政复议法第二十七条）；null 或空字符串恢复按机关树确定 */
                    reviewBody?: string | null;
                    /** @description 文号中的机关简称，如“嵋阳镇”→ 嵋阳镇公开〔2026〕第1号；null 或空字符串恢复按机关名称确定的默认简称 */
                    shortName?: string | null;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterSettings"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeReportsYear: {
        parameters: {
            query?: {
                include?: "subtree";
            };
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnualReportView"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AgenciesCodeReportsYearAmend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AmendResult"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeReportsYearCellsRowColumn: {
        parameters: {
            query?: {
                include?: "subtree";
            };
            header?: never;
            path: {
                code: string;
                column: string;
                row: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellApplications"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AgenciesCodeReportsYearClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description 已阅读并确认未通过的提醒（severity 为 warning 的校验，如 W2 总体情况未填写、W3 信息处理费与表二不一致）后仍关闭；有未通过的提醒而未确认时返回 409 warnings_unacknowledged */
                    acknowledgeWarnings?: boolean;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnualReport"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeReportsYearOverview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOverview"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1AgenciesCodeReportsYearProactive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 年度已关闭时必填：修订原因（将生成新版本） */
                    amendmentReason?: string;
                } & {
                    [key: string]: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProactiveSaved"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1AgenciesCodeReportsYearTexts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 年度已关闭时必填：修订原因（将生成新版本） */
                    amendmentReason?: string;
                    /** @description 一（五）监督保障中的工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项，各级人民政府） */
                    assessment?: string;
                    /** @description 一（三）政府信息管理 */
                    management?: string;
                    /** @description 六、其他需要报告的事项 */
                    other?: string;
                    /** @description 一（五）监督保障 */
                    oversight?: string;
                    /** @description 一、总体情况：各部分之前的总述 */
                    overview?: string;
                    /** @description 一（四）平台建设 */
                    platforms?: string;
                    /** @description 引言之后的报告说明：发布网址、联系方式（编制依据和统计期限由系统生成） */
                    preface?: string;
                    /** @description 一（一）主动公开 */
                    proactive?: string;
                    /** @description 五、存在的主要问题及改进情况 */
                    problems?: string;
                    /** @description 一（二）依申请公开（系统已写明收到和办理的数字） */
                    requests?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextsSaved"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeReportsYearVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportVersionList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AgenciesCodeReportsYearVersionsVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                version: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportVersion"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AppealsIdResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD（中国标准时间的日期）
                     */
                    decisionReceivedOn?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD（中国标准时间的日期）
                     */
                    on: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD（中国标准时间的日期）
                     */
                    reReplyDueOn?: string;
                    reReplyRequired?: boolean;
                    /** @enum {string} */
                    result: "upheld" | "corrected" | "other";
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appeal"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Applications: {
        parameters: {
            query?: {
                agency?: string;
                applicantType?: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                assigned?: "0" | "1" | "true" | "false";
                awaiting?: "approval";
                channel?: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
                dueBefore?: string;
                mine?: "0" | "1" | "true" | "false";
                order?: "asc" | "desc";
                page?: string;
                pageSize?: string;
                q?: string;
                receivedFrom?: string;
                receivedTo?: string;
                sort?: "urgency" | "due" | "receivedOn" | "trackingNo" | "applicant" | "applicantType" | "channel" | "state" | "handler" | "agency";
                state?: "registered" | "awaiting_supplement" | "in_progress" | "decided" | "delivered" | "archived" | "closed";
                view?: "todo" | "mine" | "done" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Applications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agencyCode: string;
                    amendmentReason?: string;
                    applicant: {
                        address?: string;
                        /** @description 联系人（法人或其他组织） */
                        contactPerson?: string;
                        email?: string;
                        idNumber?: string;
                        /**
                         * @description 证件类型：resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他（自然人）；uscc 统一社会信用代码（法人或其他组织；境外组织等可用 other）。缺省时证件号码按原样保存、不作校验（早先登记的申请）
                         * @enum {string}
                         */
                        idType?: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
                        /** @description 法定代表人或主要负责人（法人或其他组织） */
                        legalRepresentative?: string;
                        name: string;
                        phone?: string;
                        /** @enum {string} */
                        type: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                    };
                    /** @enum {string} */
                    channel: "in_person" | "post" | "ordinary_letter" | "online" | "fax";
                    deliveryForm?: string;
                    description: string;
                    handlerUsername?: string;
                    ledgerNo?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD（中国标准时间的日期）
                     */
                    receivedOn: string;
                    /** @description 挂号单号（仅信函申请（挂号/需签收），即 channel 为 post 时） */
                    trackingNumber?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetail"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ApplicationsIdActions: {
        parameters: {
            query?: never;
            header?: {
                /** @description return=minimal（RFC 7240）：只答复 {id, version, state, events, allowedActions}，events 为本次新增的事件及因此被取代的自动事件（superseded 已填），并带响应头 Preference-Applied: return=minimal；不带时答复完整的 Application */
                Prefer?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionBody"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"] | components["schemas"]["ActionAnswer"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ApplicationsIdAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD（中国标准时间的日期）
                     */
                    filedOn: string;
                    /** @enum {string} */
                    kind: "administrative_review" | "litigation_direct" | "litigation_after_review";
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appeal"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDocument"][];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ApplicationsIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description 一个文件；类型按内容判断：PDF、JPEG、PNG、OFD、DOCX、XLSX（每个文件不超过 52428800 字节） */
        requestBody: {
            content: {
                "multipart/form-data": {
                    eventSeq?: number;
                    /** Format: binary */
                    file: string;
                    /** @enum {string} */
                    kind: "application_scan" | "envelope" | "id_copy" | "supplement" | "consultation_answer" | "delivery_receipt" | "other";
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDocument"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdDocumentsDocId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件本身 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdLetters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ApplicationsIdLettersKind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description 征求意见书：第几次征求意见（c1、c2…） */
                    consultationId?: string;
                    /** @description 收费通知书（按件）：本次件数 */
                    items?: number;
                    /** @description 收费通知书（按件）：本月此前已申请件数 */
                    itemsEarlierThisMonth?: number;
                    /** @description 收费通知书（按量）：页数，用于打印计算过程 */
                    pages?: number;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterSummary"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdLettersKindModel: {
        parameters: {
            query?: {
                consultationId?: string;
                items?: string;
                itemsEarlierThisMonth?: string;
                pages?: string;
            };
            header?: never;
            path: {
                id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterView"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsIdNotices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseNotices"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ApplicationsCounters: {
        parameters: {
            query?: {
                agency?: string;
                view?: "todo" | "mine" | "done" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorklistCounters"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    session?: boolean;
                    username: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginReply"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功，无内容 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeReply"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description 成功，无内容 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearView"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1CalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    holidayNames?: {
                        [key: string]: string;
                    };
                    holidays: string[];
                    /** @default false */
                    provisional?: boolean;
                    source: string;
                    workdayNames?: {
                        [key: string]: string;
                    };
                    workdays: string[];
                    year?: number;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarCorrection"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ImportsTemplateXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 空白台账模板 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Meta: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meta"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1OnlineSubmissions: {
        parameters: {
            query?: {
                agency?: string;
                page?: string;
                status?: "pending" | "confirmed" | "rejected" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnlineSubmissionPage"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1OnlineSubmissionsIdConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description 收到申请之日（条例第三十一条：网络申请以双方确认之日为准），默认今天（确认之日）；不得早于提交日、晚于今天
                     */
                    receivedOn?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1OnlineSubmissionsIdDocumentsDocId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件本身 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1OnlineSubmissionsIdReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 不予受理的理由。仅用于明显不构成政府信息公开申请的提交（垃圾信息、测试、同一申请的重复提交）；构成申请的，应确认登记后依法答复（包括不予公开、不予处理的答复） */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnlineSubmission"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1OpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1PublicAgencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAgencies"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1PublicApplications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 申请的 JSON 或 multipart/form-data：同名文本字段（applicant 为 JSON），文件放在字段 files（可多个）；类型按内容判断：PDF、JPEG、PNG、OFD、DOCX、XLSX（每个文件不超过 10485760 字节） */
        requestBody: {
            content: {
                "application/json": {
                    /** @description 受理机关的代码（GET /api/v1/public/agencies） */
                    agencyCode: string;
                    applicant: {
                        address?: string;
                        /** @description 联系人（法人或其他组织必填） */
                        contactPerson?: string;
                        email?: string;
                        idNumber: string;
                        /**
                         * @description 证件类型：自然人 resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他；法人或其他组织 uscc 统一社会信用代码（境外组织等 other）
                         * @enum {string}
                         */
                        idType: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
                        /** @description 法定代表人或主要负责人（法人或其他组织必填） */
                        legalRepresentative?: string;
                        name: string;
                        phone?: string;
                        /** @enum {string} */
                        type: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                    };
                    /** @description 获取信息的方式，如：纸质文本邮寄、当面领取、电子邮件、网上下载 */
                    deliveryForm?: string;
                    /** @description 所需政府信息的名称、文号或者便于查询的其他特征性描述 */
                    description: string;
                };
                "multipart/form-data": {
                    /** @description 受理机关的代码（GET /api/v1/public/agencies） */
                    agencyCode: string;
                    applicant: {
                        address?: string;
                        /** @description 联系人（法人或其他组织必填） */
                        contactPerson?: string;
                        email?: string;
                        idNumber: string;
                        /**
                         * @description 证件类型：自然人 resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他；法人或其他组织 uscc 统一社会信用代码（境外组织等 other）
                         * @enum {string}
                         */
                        idType: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
                        /** @description 法定代表人或主要负责人（法人或其他组织必填） */
                        legalRepresentative?: string;
                        name: string;
                        phone?: string;
                        /** @enum {string} */
                        type: "natural_person" | "commercial_enterprise" | "research_institution" | "social_welfare_org" | "legal_service_org" | "other_org";
                    };
                    /** @description 获取信息的方式，如：纸质文本邮寄、当面领取、电子邮件、网上下载 */
                    deliveryForm?: string;
                    /** @description 所需政府信息的名称、文号或者便于查询的其他特征性描述 */
                    description: string;
                    /** Format: binary */
                    files: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submitted"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1PublicApplicationsQueryCode: {
        parameters: {
            query?: never;
            header: {
                /** @description 该算术题的答案（整数） */
                "X-Challenge-Answer"?: string;
                /** @description 查询失败次数较多后：429 challenge_required 答复中 error.challenge.token（或 GET /api/v1/public/challenge） */
                "X-Challenge-Token"?: string;
                /** @description 申请时所填联系电话或证件号码的最后4位（4个数字或字母，身份证号码末位的X不分大小写） */
                "X-Verify": string;
            };
            path: {
                queryCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatus"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ChallengeRequired"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1PublicApplicationsQueryCodeLettersKind: {
        parameters: {
            query?: never;
            header: {
                /** @description 该算术题的答案（整数） */
                "X-Challenge-Answer"?: string;
                /** @description 查询失败次数较多后：429 challenge_required 答复中 error.challenge.token（或 GET /api/v1/public/challenge） */
                "X-Challenge-Token"?: string;
                /** @description 申请时所填联系电话或证件号码的最后4位（4个数字或字母，身份证号码末位的X不分大小写） */
                "X-Verify": string;
            };
            path: {
                kind: string;
                queryCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文书的 PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ChallengeRequired"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1PublicApplicationsQueryCodeSupplement: {
        parameters: {
            query?: never;
            header: {
                /** @description 该算术题的答案（整数） */
                "X-Challenge-Answer"?: string;
                /** @description 查询失败次数较多后：429 challenge_required 答复中 error.challenge.token（或 GET /api/v1/public/challenge） */
                "X-Challenge-Token"?: string;
                /** @description 申请时所填联系电话或证件号码的最后4位（4个数字或字母，身份证号码末位的X不分大小写） */
                "X-Verify": string;
            };
            path: {
                queryCode: string;
            };
            cookie?: never;
        };
        /** @description 补正内容 text 或 multipart/form-data：同名文本字段（applicant 为 JSON），文件放在字段 files（可多个）（每个文件不超过 10485760 字节） */
        requestBody: {
            content: {
                "application/json": {
                    /** @description 补正内容（按补正告知书的要求补充或更正） */
                    text: string;
                };
                "multipart/form-data": {
                    /** Format: binary */
                    files: string;
                    /** @description 补正内容（按补正告知书的要求补充或更正） */
                    text: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatus"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ChallengeRequired"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1PublicApplicationsQueryCodeWithdraw: {
        parameters: {
            query?: never;
            header: {
                /** @description 该算术题的答案（整数） */
                "X-Challenge-Answer"?: string;
                /** @description 查询失败次数较多后：429 challenge_required 答复中 error.challenge.token（或 GET /api/v1/public/challenge） */
                "X-Challenge-Token"?: string;
                /** @description 申请时所填联系电话或证件号码的最后4位（4个数字或字母，身份证号码末位的X不分大小写） */
                "X-Verify": string;
            };
            path: {
                queryCode: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatus"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 登录失败次数过多 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ChallengeRequired"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1PublicChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Challenge"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Stats: {
        parameters: {
            query?: {
                agency?: string;
                include?: "subtree";
                year?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Users: {
        parameters: {
            query?: {
                agency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agencyCode: string;
                    displayName: string;
                    email?: string;
                    password: string;
                    roles: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
                    username: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1UsersUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    email?: string | null;
                    roles?: ("intake" | "handler" | "approver" | "agency_admin" | "supervisor")[];
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersUsernameDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersUsernameEnable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersUsernameEndSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionsEnded"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersUsernameHandOver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 交接理由，记入每件申请的办理过程 */
                    reason: string;
                    /** @description 接手的承办人（本机关启用中的承办人）的用户名 */
                    toUsername: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandOverReply"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersUsernameResetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            /** @description 请求体不是有效的 JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 不存在，或不在您的查看范围内 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 输入有误：消息和 details 指出字段及原因 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description 系统内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
