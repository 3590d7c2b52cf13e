import { Alert, App, Button, Checkbox, Input, Modal, Spin, Tooltip, Typography } from "antd";
import { useState } from "react";
import { closeReport, getReport } from "../../api/endpoints.ts";
import type { AnnualReport } from "../../api/types.ts";
import { blockingChecks, CheckList, checkText, warningsToAcknowledge } from "./check-verdict.tsx";

/** What stands between a draft and its 定稿, as the server decides it (POST …/close). */
export interface CloseBlockers {
  /** The year has not ended: closing opens on 1 January of the next year. */
  notEnded: string | null;
  blocking: AnnualReport["checks"];
  warnings: AnnualReport["checks"];
}

export function closeBlockers(report: AnnualReport, today: string): CloseBlockers {
  const opens = `${report.year + 1}-01-01`;
  return {
    notEnded:
      today < opens ? `${report.year}年度尚未结束，${report.year + 1}年1月1日起才能定稿（关闭年度）` : null,
    blocking: blockingChecks(report.checks),
    warnings: warningsToAcknowledge(report.checks),
  };
}

/**
 * The reasons the 定稿 button is disabled, or the warnings 定稿 will ask about: shown on the
 * page (a phone has no hover) and in the button's tooltip.
 */
export function CloseBlockersAlert({ blockers }: { blockers: CloseBlockers }) {
  const { notEnded, blocking, warnings } = blockers;
  if (!notEnded && blocking.length === 0 && warnings.length === 0) return null;
  const isBlocked = notEnded !== null || blocking.length > 0;
  return (
    <Alert
      type={isBlocked ? "error" : "warning"}
      showIcon
      className="close-blockers"
      title={isBlocked ? "暂不能定稿，原因如下" : `定稿时须确认以下 ${warnings.length} 项提醒`}
      description={
        <>
          {notEnded && <Typography.Paragraph style={{ marginBottom: 4 }}>{notEnded}</Typography.Paragraph>}
          {blocking.length > 0 && <CheckList checks={blocking} label="未通过的校验" />}
          {warnings.length > 0 && <CheckList checks={warnings} label="需确认的提醒" />}
        </>
      }
    />
  );
}

/**
 * 定稿（关闭年度）: irreversible. The dialog reads the report again, lists the failing checks and
 * the warnings to acknowledge (sent as `acknowledgeWarnings`), and asks for the year typed out.
 */
export function CloseYearButton(props: {
  report: AnnualReport;
  agency: string;
  agencyName: string;
  today: string;
  onClosed: (report: AnnualReport) => void;
}) {
  const { message } = App.useApp();
  const { year } = props.report;
  const [fresh, setFresh] = useState<AnnualReport | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [typed, setTyped] = useState("");
  const [isClosing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = closeBlockers(props.report, props.today);
  const isDisabled = shown.notEnded !== null || shown.blocking.length > 0;
  const errors = fresh ? blockingChecks(fresh.checks) : [];
  const warnings = fresh ? warningsToAcknowledge(fresh.checks) : [];

  const open = () => {
    setOpen(true);
    setFresh(null);
    setAcknowledged(false);
    setTyped("");
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
  const isTyped = typed.trim() === String(year) || typed.trim() === props.agencyName;
  const canClose =
    fresh !== null && errors.length === 0 && (warnings.length === 0 || isAcknowledged) && isTyped;
  const reasons = [
    ...(shown.notEnded ? [shown.notEnded] : []),
    ...shown.blocking.map((c) => `${c.id} 未通过：${checkText(c)}`),
  ];
  return (
    <>
      <Tooltip
        title={isDisabled ? reasons.join("\n") : undefined}
        styles={{ root: { whiteSpace: "pre-line" } }}
      >
        <span>
          <Button type="primary" danger disabled={isDisabled} onClick={open}>
            定稿（关闭年度）
          </Button>
        </span>
      </Tooltip>
      <Modal
        open={isOpen}
        title={`定稿${year}年度报告（不可撤销）`}
        okText={warnings.length > 0 ? "确认提醒并定稿" : "定稿"}
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !canClose, loading: isClosing }}
        onOk={() => void close()}
        onCancel={() => setOpen(false)}
        className="close-year-modal"
      >
        <Alert
          type="warning"
          showIcon
          title="定稿后不能撤销"
          description={`定稿后${props.agencyName}${year}年度报告的数字即冻结为第1版，不能回到草稿。之后发现的错误只能以“修订”更正：说明理由，生成新版本，各版本均予保留。`}
          style={{ marginBottom: 12 }}
        />
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
              title={`以下 ${warnings.length} 项提醒需确认`}
              description={<CheckList checks={warnings} label="需确认的提醒" />}
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
        {fresh !== null && errors.length === 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              请输入年度“{year}”或机关名称“{props.agencyName}”以确认定稿：
            </Typography.Paragraph>
            <Input
              aria-label="输入年度或机关名称以确认"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={String(year)}
              status={typed !== "" && !isTyped ? "error" : ""}
            />
          </div>
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
