import { Alert, App, Button, Card, Descriptions, Form, Input, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { fetchLetterSettings, type LetterSettings, putLetterSettings } from "../../api/endpoints.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { yearInChina } from "../../lib/dates.ts";

interface Fields {
  shortName: string;
  reviewBody: string;
  feePaymentMethod: string;
}

/**
 * The agency's letter settings (GET/PUT /agencies/:code/letter-settings): the short name of its
 * numbers, the review body its replies name where the agency tree does not tell it, and the
 * default payment method of its fee notices. The server says which review body is in force.
 */
export function LetterSettingsForm({ agencyCode }: { agencyCode: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [settings, setSettings] = useState<LetterSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetchLetterSettings(agencyCode).then(setSettings, (e: Error) => setProblem(e.message));
  }, [agencyCode]);
  async function save(values: Fields) {
    try {
      const saved = await putLetterSettings(agencyCode, {
        shortName: values.shortName.trim() === "" ? null : values.shortName,
        reviewBody: values.reviewBody.trim() === "" ? null : values.reviewBody,
        feePaymentMethod: values.feePaymentMethod.trim() === "" ? null : values.feePaymentMethod,
      });
      setSettings(saved);
      void message.success("文书设置已保存");
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (rest.length > 0) void message.error(rest.join("；"));
    }
  }
  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!settings) return <Spin />;
  const derived = settings.derivedReviewBody;
  const effective = settings.effectiveReviewBody;
  return (
    <Card size="small" title="本机关文书设置">
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="文书现用的文号简称">
          <span data-testid="short-name-in-use">{settings.shortName}</span>
          <Typography.Text type="secondary">
            {settings.shortNameSet === null ? "（未设置，按机关名称确定）" : "（本机关设置）"}
            ，如 {settings.shortName}公开〔{yearInChina()}〕第1号
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="按机关树确定的行政复议机关">
          {derived ? `${derived.name}（${derived.basis}）` : "机关树中本机关之上没有人民政府，无法确定"}
        </Descriptions.Item>
        <Descriptions.Item label="答复书写明的行政复议机关">
          {effective ? (
            effective.name
          ) : (
            <Typography.Text type="danger">未确定：答复书无法生成，请在下方设置行政复议机关</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        aria-label="本机关文书设置"
        initialValues={{
          shortName: settings.shortNameSet ?? "",
          reviewBody: settings.reviewBody ?? "",
          feePaymentMethod: settings.feePaymentMethod ?? "",
        }}
      >
        <Form.Item
          name="shortName"
          label="本机关文号简称"
          extra={`留空则按机关名称确定：${settings.defaultShortName}`}
        >
          <Input placeholder={settings.defaultShortName} maxLength={20} />
        </Form.Item>
        <Form.Item
          name="reviewBody"
          label="行政复议机关（仅在机关树不能确定时填写，如垂直管理部门；留空按机关树确定）"
          extra="对本机关答复不服的行政复议机关（《行政复议法》第二十四条、第二十七条）。答复书的救济条款写明该机关。"
        >
          <Input placeholder="如：某市税务局" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="feePaymentMethod"
          label="收费通知书默认缴纳方式（单份收费通知填写的优先）"
          extra="如收款单位、账号、缴费地点和时间。未设置且收费通知未填写时，收费通知书无法生成。"
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            保存文书设置
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
