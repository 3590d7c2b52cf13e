import {
  CONSULTATION_WINDOW_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  MAX_EXTENSION_WORKDAYS,
  REPLY_WORKDAYS,
  SUPPLEMENT_NOTICE_WORKDAYS,
} from "@domain/statute.ts";
import { Alert, Card, Descriptions, Space, Typography } from "antd";
import { useTitle } from "../../lib/use-title.ts";

/**
 * Reminder settings and letter serial formats. API v1 has no endpoint for settings: the
 * statutory periods come from src/domain/statute.ts; the policy values shown are the defaults
 * of config/settings.ts, which the server may override through its environment.
 */
export default function SettingsPage() {
  useTitle("提醒与文书编号");
  const year = new Date().getFullYear();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        提醒与文书编号
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="本页只读"
        description="系统接口尚未提供读取或修改这些设置的功能。提醒时点和补正期限由服务器的环境变量 OGI_REMINDER_OFFSETS、OGI_SUPPLEMENT_WINDOW_WORKDAYS 设定，下表为默认值；如需调整，请联系系统管理员。"
      />
      <Card size="small" title="法定期限（《条例》）">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="答复期限（第三十三条）">{REPLY_WORKDAYS} 个工作日</Descriptions.Item>
          <Descriptions.Item label="延期答复上限（第三十三条）">
            {MAX_EXTENSION_WORKDAYS} 个工作日
          </Descriptions.Item>
          <Descriptions.Item label="补正告知期限（第三十条）">
            {SUPPLEMENT_NOTICE_WORKDAYS} 个工作日
          </Descriptions.Item>
          <Descriptions.Item label="第三方征求意见期限（第三十二条）">
            {CONSULTATION_WINDOW_WORKDAYS} 个工作日
          </Descriptions.Item>
          <Descriptions.Item label="缴费期限（国办函〔2020〕109号）">
            {FEE_PAYMENT_WORKDAYS} 个工作日
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="提醒设置（默认值）">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="期限提醒（承办人）">
            到期前 5 个工作日、2 个工作日及到期当日
          </Descriptions.Item>
          <Descriptions.Item label="逾期督办">逾期后提醒审核人和本机关管理员</Descriptions.Item>
          <Descriptions.Item label="补正期限（机关确定）">15 个工作日</Descriptions.Item>
          <Descriptions.Item label="年度报告发布提醒">
            政府部门 1 月 31 日前，人民政府 3 月 31 日前（第四十九条）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="文书编号格式（默认）">
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="申请编号">机关代码-年度-五位序号，如 myz-{year}-00001</Descriptions.Item>
          <Descriptions.Item label="答复书编号">
            ××公开〔{year}〕第N号（按机关、按年度连续编号）
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
