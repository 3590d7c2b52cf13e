import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { putReportTexts } from "../../api/endpoints.ts";
import type { AnnualReport, NarrativePart, ReportTexts } from "../../api/types.ts";

/** One text of the form: its field, label, and the system's paragraphs shown above it. */
interface TextField {
  key: keyof ReportTexts;
  label: string;
  /** The system's paragraphs around this text (figures from the tables), read-only. */
  generated: string[];
  /** A part of 一 that the 2021 format asks for (W2 warns while it is empty). */
  isRequired: boolean;
}

function partLabel(part: NarrativePart): string {
  return part.isRunIn ? `一${part.heading}：${part.title}` : `一${part.heading}`;
}

/** The fields in document order, with the parts of 一 as the server builds them for this agency. */
function textFields(report: AnnualReport): TextField[] {
  const narrative = report.narrative;
  const parts: TextField[] = (narrative?.overview ?? []).map((part) => ({
    key: part.textKey,
    label: partLabel(part),
    generated: part.generated,
    isRequired: true,
  }));
  return [
    {
      key: "preface",
      label: "引言：报告说明（发布网址、联系方式）",
      generated: narrative ? [narrative.preface] : [],
      isRequired: false,
    },
    { key: "overview", label: "一、总体情况：总述", generated: [], isRequired: false },
    ...parts,
    { key: "problems", label: "五、存在的主要问题及改进情况", generated: [], isRequired: false },
    { key: "other", label: "六、其他需要报告的事项", generated: [], isRequired: false },
  ];
}

function Generated({ paragraphs }: { paragraphs: string[] }) {
  if (paragraphs.length === 0) return null;
  return (
    <section className="report-generated" aria-label="系统生成的段落">
      <Typography.Text type="secondary">系统根据本年度数据生成（随数据更新，不可编辑）：</Typography.Text>
      {paragraphs.map((text) => (
        <Typography.Paragraph key={text} style={{ marginBottom: 4 }}>
          {text}
        </Typography.Paragraph>
      ))}
    </section>
  );
}

function FieldLabel({ field, value }: { field: TextField; value: string | undefined }) {
  return (
    <Space size={4}>
      <span>{field.label}</span>
      {field.isRequired && (value ?? "").trim() === "" && <Tag color="orange">待填写</Tag>}
    </Space>
  );
}

/**
 * The report's texts: the preface addition, 一's opening and each part of the 2021 format with
 * the paragraphs the system writes for it shown above the editor, 五 and 六. Read-only unless
 * the agency's admin edits an open year.
 */
export function ReportTextsCard(props: {
  report: AnnualReport;
  editable: boolean;
  agency: string;
  /** After a save: the page reloads the report (checks and generated paragraphs). */
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Partial<ReportTexts>>();
  const [problem, setProblem] = useState<string | null>(null);
  const texts = props.report.texts;
  const fields = textFields(props.report);
  const values = Form.useWatch([], form) ?? texts ?? {};
  useEffect(() => form.setFieldsValue(texts ?? {}), [texts, form]);
  if (!props.editable) {
    return (
      <Card size="small" title="文字部分" className="report-texts">
        {fields.map((f) => (
          <section key={f.key} aria-label={f.label}>
            <Typography.Text strong>
              <FieldLabel field={f} value={texts?.[f.key]} />
            </Typography.Text>
            <Generated paragraphs={f.generated} />
            <Typography.Paragraph>{texts?.[f.key] || "（未填写）"}</Typography.Paragraph>
          </section>
        ))}
      </Card>
    );
  }
  const save = async (v: Partial<ReportTexts>) => {
    setProblem(null);
    try {
      await putReportTexts(props.agency, props.report.year, v);
      void message.success("文字部分已保存");
      props.onSaved();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <Card size="small" title="文字部分" className="report-texts">
      <Form<Partial<ReportTexts>> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        {fields.map((f) => (
          <Form.Item
            key={f.key}
            label={<FieldLabel field={f} value={values[f.key]} />}
            htmlFor={`report-text-${f.key}`}
          >
            <Generated paragraphs={f.generated} />
            <Form.Item name={f.key} noStyle>
              <Input.TextArea id={`report-text-${f.key}`} aria-label={f.label} rows={3} />
            </Form.Item>
          </Form.Item>
        ))}
        {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
        <Button htmlType="submit">保存文字部分</Button>
      </Form>
    </Card>
  );
}
