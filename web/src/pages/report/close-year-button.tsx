import { Alert, App, Button, Checkbox, Modal, Spin, Typography } from "antd";
import { useState } from "react";
import { closeReport, getReport } from "../../api/endpoints.ts";
import type { AnnualReport, ReportCheck } from "../../api/types.ts";

const isFailing = (severity: "error" | "warning") => (c: ReportCheck) =>
  !c.ok && (c.severity ?? "error") === severity;

/**
 * 定稿（关闭年度）: the confirmation reads the report again and lists the warnings that do not pass
 * (W2 an empty part of 一, W3 fees against table 二, …); with any, closing needs the admin's
 * explicit acknowledgement, which is sent as `acknowledgeWarnings`.
 */
export function CloseYearButton(props: {
  report: AnnualReport;
  agency: string;
  onClosed: (report: AnnualReport) => void;
}) {
  const { message } = App.useApp();
  const { year } = props.report;
  const [fresh, setFresh] = useState<AnnualReport | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [isClosing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hasErrors = props.report.checks.some(isFailing("error"));
  const warnings = fresh?.checks.filter(isFailing("warning")) ?? [];
  const errors = fresh?.checks.filter(isFailing("error")) ?? [];

  const open = () => {
    setOpen(true);
    setFresh(null);
    setAcknowledged(false);
    setProblem(null);
    getReport(props.agency, year, false)
      .then(setFresh)
      .catch((e: Error) => setProblem(e.message));
  };
  const close = async () => {
    setClosing(true);
    setProblem(null);
    try {
      const closed = await closeReport(props.agency, year, warnings.length > 0);
      setOpen(false);
      void message.success(`${year}年度报告已定稿`);
      props.onClosed(closed);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setClosing(false);
    }
  };
  const canClose = fresh !== null && errors.length === 0 && (warnings.length === 0 || isAcknowledged);
  return (
    <>
      <Button type="primary" danger disabled={hasErrors} onClick={open}>
        定稿（关闭年度）
      </Button>
      <Modal
        open={isOpen}
        title={`定稿${year}年度报告`}
        okText={warnings.length > 0 ? "确认提醒并定稿" : "定稿"}
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !canClose, loading: isClosing }}
        onOk={() => void close()}
        onCancel={() => setOpen(false)}
        className="close-year-modal"
      >
        <Typography.Paragraph>
          定稿后{year}年度的数字将冻结，之后的更正需要说明理由并生成新版本。
        </Typography.Paragraph>
        {fresh === null && !problem && <Spin />}
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="以下校验未通过，不能定稿"
            description={<CheckList checks={errors} label="未通过的校验" />}
          />
        )}
        {errors.length === 0 && warnings.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={`以下 ${warnings.length} 项提醒未通过，请核对`}
              description={<CheckList checks={warnings} label="未通过的提醒" />}
            />
            <Checkbox
              checked={isAcknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              style={{ marginTop: 12 }}
            >
              我已阅读以上提醒，确认按现有内容定稿
            </Checkbox>
          </>
        )}
        {fresh !== null && errors.length === 0 && warnings.length === 0 && (
          <Alert type="success" showIcon title="全部校验和提醒均已通过" />
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}

function CheckList({ checks, label }: { checks: ReportCheck[]; label: string }) {
  return (
    <ul className="plain-list" aria-label={label}>
      {checks.map((c) => (
        <li key={c.id}>{c.message}</li>
      ))}
    </ul>
  );
}
