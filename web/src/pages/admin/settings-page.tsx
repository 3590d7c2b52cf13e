import { Alert, Card, Descriptions, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { fetchSettings, type SettingsView } from "../../api/endpoints.ts";
import { yearInChina } from "../../lib/dates.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../../session/session.tsx";
import { LetterSettingsForm } from "./letter-settings-form.tsx";

const wd = (n: number | undefined) => `${n ?? "—"} 个工作日`;

/** The reminder settings and periods in force (GET /api/v1/settings), and the letter settings. */
export default function SettingsPage() {
  useTitle("提醒与文书编号");
  const { user } = useSession();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const year = yearInChina();
  useEffect(() => {
    void fetchSettings().then(setSettings, () => undefined);
  }, []);
  if (!settings) return <Spin />;
  const { statute: s, policy: p } = settings;
  const offsets = p.reminderOffsets.map((o) => (o === 0 ? "到期当日" : `到期前 ${o} 个工作日`)).join("、");
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        提醒与文书编号
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="现行设置"
        description="以下为服务器当前生效的设置。提醒时点、补正期限等由服务器环境变量（OGI_REMINDER_OFFSETS、OGI_SUPPLEMENT_WINDOW_WORKDAYS 等）设定，如需调整请联系系统管理员。"
      />
      <Card size="small" title="法定期限（《条例》）">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="答复期限（第三十三条）">{wd(s.replyWorkdays)}</Descriptions.Item>
          <Descriptions.Item label="延期答复上限（第三十三条）">
            {wd(s.maxExtensionWorkdays)}
          </Descriptions.Item>
          <Descriptions.Item label="补正告知期限（第三十条）">
            {wd(s.supplementNoticeWorkdays)}
          </Descriptions.Item>
          <Descriptions.Item label="第三方征求意见期限（第三十二条）">
            {wd(s.consultationWindowWorkdays)}
          </Descriptions.Item>
          <Descriptions.Item label="缴费期限（国办函〔2020〕109号）">
            {wd(s.feePaymentWorkdays)}
          </Descriptions.Item>
          <Descriptions.Item label="救济途径">
            行政复议 {s.reviewWithinDays} 日内，行政诉讼 {s.litigationWithinMonths}{" "}
            个月内；2024年1月1日起，不予公开（含部分公开中不予公开的部分）须先申请行政复议（《行政复议法》第二十三条）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="提醒设置">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="期限提醒（承办人）">{offsets}</Descriptions.Item>
          <Descriptions.Item label="逾期督办">逾期后提醒审核人和本机关管理员，并每日汇总</Descriptions.Item>
          <Descriptions.Item label="补正期限（机关确定）">{wd(p.supplementWindowWorkdays)}</Descriptions.Item>
          <Descriptions.Item label="每日任务时点">北京时间 {p.jobHour}:00</Descriptions.Item>
          <Descriptions.Item label="年度报告发布提醒">
            政府部门 1 月 31 日前，人民政府 3 月 31 日前（第四十九条），当月 5、15、25 日提醒
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="文书编号格式">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="申请编号">机关代码-年度-五位序号，如 myz-{year}-00001</Descriptions.Item>
          <Descriptions.Item label="答复书编号">
            简称公开〔{year}〕第N号（按机关、按年度、按文书种类连续编号）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {user?.can.manageAgencySettings && user.agencyCode && (
        <LetterSettingsForm agencyCode={user.agencyCode} />
      )}
    </Space>
  );
}
