import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Progress,
  Result,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client.ts";
import { type ImportOutcome, type ImportProgress, importLedger } from "../../api/ledger.ts";
import type { ImportReply, ImportRowError } from "../../api/types.ts";
import { useAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useUser } from "../../session/session.tsx";
import { LedgerConfirmModal } from "./ledger-confirm-modal.tsx";
import { LedgerFilesCard } from "./ledger-files-card.tsx";
import { ImportErrorsTable, YearTables } from "./ledger-import-report.tsx";

/** The last dry run: which file, for which agency and amendment reason, and the verdict. */
interface Check {
  file: File;
  agency: string;
  reason: string;
  reply: ImportReply;
}

interface Running {
  dryRun: boolean;
  progress: ImportProgress | null;
}

interface Failure {
  title: string;
  message: string;
  errors: ImportRowError[];
}

function percentOf(progress: ImportProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.floor((progress.done * 100) / progress.total));
}

function progressText(running: Running): string {
  const what = running.dryRun ? "正在校验" : "正在导入";
  const p = running.progress;
  return p ? `${what}：${p.done} / ${p.total} 行` : `${what}：正在上传文件……`;
}

/** 台账导入: template, export, dry run with its errors and tables 三, then the real import. */
export default function LedgerImportPage() {
  useTitle("台账导入");
  const me = useUser();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<string | undefined>(
    me.isSystemAdmin ? undefined : (me.agencyCode ?? undefined),
  );
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const [check, setCheck] = useState<Check | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<ImportReply | null>(null);
  const [confirming, setConfirming] = useState(false);
  const live = useRef(true);
  const dryRunAbort = useRef<AbortController | null>(null);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      dryRunAbort.current?.abort();
    };
  }, []);
  // Leaving during a real run would not stop it, but the admin would not see how it ended.
  useEffect(() => {
    if (!running || running.dryRun) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  const agencyName =
    agencies.find((a) => a.code === agency)?.name ??
    (agency === me.agencyCode ? me.agencyName : agency) ??
    "";
  const shown = check && check.file === file && check.agency === agency ? check : null;
  const current = shown && shown.reason === reason.trim() ? shown : null;
  const canImport =
    current !== null && current.reply.errors.length === 0 && current.reply.rows > 0 && !running && !imported;

  function reset(nextFile: File | null) {
    setFile(nextFile);
    setCheck(null);
    setFailure(null);
    setImported(null);
  }

  async function run(dryRun: boolean) {
    if (!file || !agency) return;
    const sent = { file, agency, reason: reason.trim() };
    setFailure(null);
    setRunning({ dryRun, progress: null });
    const abort = dryRun ? new AbortController() : null;
    dryRunAbort.current = abort;
    let outcome: ImportOutcome;
    try {
      outcome = await importLedger(agency, file, {
        dryRun,
        amendmentReason: sent.reason || undefined,
        signal: abort?.signal,
        onProgress: (progress) => {
          if (live.current) setRunning({ dryRun, progress });
        },
      });
    } catch (e) {
      if (!live.current || (e as Error).name === "AbortError") return;
      setRunning(null);
      setFailure({
        title: dryRun ? "校验未完成" : "导入未完成",
        message: e instanceof ApiError ? e.message : String((e as Error).message ?? e),
        errors: [],
      });
      return;
    }
    if (!live.current) return;
    setRunning(null);
    if (!outcome.ok) {
      // A real run the server refused row by row: nothing was written; the dry run no longer holds.
      setCheck(null);
      setFailure({ title: "导入被拒绝，未写入任何申请", message: outcome.message, errors: outcome.errors });
    } else if (dryRun) {
      setCheck({ ...sent, reply: outcome.reply });
    } else {
      setImported(outcome.reply);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: "ledger", name: file.name, size: file.size, status: "done" }]
    : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="ledger-import">
      <Typography.Title level={3} className="page-title">
        台账导入
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        将以往在电子表格中登记的依申请公开台账导入本系统。先校验（试导入）：逐行检查并显示将形成的各年度表三，不写入任何数据；校验无误后再正式导入，全部写入或全部不写入。
      </Typography.Paragraph>
      {me.isSystemAdmin ? (
        <Space>
          <span>机关</span>
          <Select
            aria-label="机关"
            placeholder="请选择要导入的机关"
            style={{ width: 260 }}
            value={agency}
            disabled={running !== null}
            onChange={(code: string) => {
              setAgency(code);
              reset(file);
            }}
            options={agencies.map((a) => ({ value: a.code, label: a.name }))}
          />
        </Space>
      ) : (
        <Typography.Text>
          机关：<strong>{agencyName}</strong>
        </Typography.Text>
      )}
      <LedgerFilesCard agency={agency} />
      <Card size="small" title="导入台账">
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={fileList}
            disabled={!agency || running !== null || imported !== null}
            beforeUpload={(picked) => {
              if (!picked.name.toLowerCase().endsWith(".xlsx")) {
                reset(null);
                setFailure({
                  title: "文件格式不对",
                  message: `“${picked.name}”不是 .xlsx 文件。请用模板（Excel 2007 及以上格式）整理台账后再选择。`,
                  errors: [],
                });
                return Upload.LIST_IGNORE;
              }
              reset(picked);
              return false;
            }}
            onRemove={() => reset(null)}
          >
            <p className="ant-upload-text">点击选择或将台账文件拖到此处</p>
            <p className="ant-upload-hint">
              {agency ? "只接受一个 .xlsx 文件；选择后不会自动上传。" : "请先选择机关。"}
            </p>
          </Upload.Dragger>
          <div>
            <label htmlFor="ledger-amendment-reason">更正理由（选填）</label>
            <Input
              id="ledger-amendment-reason"
              aria-label="更正理由"
              value={reason}
              maxLength={500}
              disabled={running !== null || imported !== null}
              onChange={(e) => setReason(e.target.value)}
              placeholder="台账中有申请落在年度报告已关闭的年度时必填，如：补录2024年纸质台账中遗漏的申请"
              style={{ marginTop: 4 }}
            />
            <Typography.Text type="secondary">
              已关闭年度的报告将因导入生成更正版本，此理由记入更正记录。
            </Typography.Text>
          </div>
          <Space wrap>
            <Button
              type="primary"
              disabled={!file || !agency || running !== null || imported !== null}
              loading={running?.dryRun === true}
              onClick={() => void run(true)}
            >
              校验（试导入）
            </Button>
            <Button danger disabled={!canImport} onClick={() => setConfirming(true)}>
              正式导入
            </Button>
            {file && !current && !running && !imported && (
              <Typography.Text type="secondary">
                {shown ? "更正理由已修改，请重新校验。" : "正式导入前须先校验此文件，且没有错误。"}
              </Typography.Text>
            )}
          </Space>
          {(running || imported) && (
            <div className="import-progress">
              <Progress
                aria-label={running?.dryRun ? "校验进度" : "导入进度"}
                percent={imported ? 100 : percentOf(running?.progress ?? null)}
                status={imported ? "success" : "active"}
              />
              <Typography.Text type="secondary">
                {running ? progressText(running) : `已导入 ${imported?.imported ?? 0} 件`}
              </Typography.Text>
            </div>
          )}
        </Space>
      </Card>
      {failure && (
        <Alert
          className="import-failure"
          type="error"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.message}
        />
      )}
      {failure && failure.errors.length > 0 && (
        <Card size="small" title="错误明细">
          <ImportErrorsTable errors={failure.errors} />
        </Card>
      )}
      {imported ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`已向“${agencyName}”导入 ${imported.imported} 件申请。`}
          extra={[
            <Button key="worklist" type="primary" onClick={() => navigate("/")}>
              到工作台查看
            </Button>,
            <Button key="again" onClick={() => reset(null)}>
              导入另一个文件
            </Button>,
          ]}
        />
      ) : (
        shown && <CheckReport check={shown} />
      )}
      <LedgerConfirmModal
        open={confirming}
        agencyName={agencyName}
        rows={current?.reply.rows ?? 0}
        years={Object.keys(current?.reply.tables ?? {}).sort()}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(false);
        }}
      />
    </Space>
  );
}

/** The dry run's verdict: 行数 and 错误数, the errors, and table 三 of each year. */
function CheckReport({ check }: { check: Check }) {
  const { reply } = check;
  const errors = reply.errors.length;
  return (
    <Card size="small" title="校验结果" className="import-check">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions size="small" bordered column={3} className="import-summary">
          <Descriptions.Item label="文件">{check.file.name}</Descriptions.Item>
          <Descriptions.Item label="行数">{reply.rows}</Descriptions.Item>
          <Descriptions.Item label="错误数">{errors}</Descriptions.Item>
        </Descriptions>
        {errors > 0 ? (
          <>
            <Alert
              type="error"
              showIcon
              title={`发现 ${errors} 处错误，不能导入`}
              description="请按下表在台账中逐一改正，保存后重新选择文件并校验。"
            />
            <ImportErrorsTable errors={reply.errors} />
          </>
        ) : reply.rows === 0 ? (
          <Alert type="warning" showIcon title="台账中没有数据行" description="请在模板第二行起填写申请。" />
        ) : (
          <Alert
            type="success"
            showIcon
            title={`校验通过：${reply.rows} 行均可导入`}
            description="下表为导入后各年度的表三，核对无误后可正式导入。"
          />
        )}
        {errors === 0 && <YearTables tables={reply.tables} />}
      </Space>
    </Card>
  );
}
