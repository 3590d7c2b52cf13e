import { App, Button, Card, Checkbox, Select, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { downloadFile } from "../../api/download-file.ts";
import { ledgerExportUrl, templateUrl } from "../../api/ledger.ts";
import { todayInChina } from "../../lib/dates.ts";
import { useUser } from "../../session/session.tsx";

const ALL_YEARS = 0;

/** 下载模板 (the empty template) and 导出本机关台账 (the agency's cases, one year or all). */
export function LedgerFilesCard({ agency }: { agency: string | undefined }) {
  const { message } = App.useApp();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState<number>(ALL_YEARS);
  const [busy, setBusy] = useState<"template" | "export" | null>(null);
  const [full, setFull] = useState(false);
  // the full export is the agency's own administrator's (src/domain/personal-data.ts)
  const mayExportInFull = !useUser().isSystemAdmin;

  async function download(kind: "template" | "export", url: string, name: string) {
    setBusy(kind);
    try {
      const saved = await downloadFile(url, name);
      void message.success(`已下载 ${saved}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : `下载失败：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card size="small" title="模板与导出">
      <Space wrap size="middle">
        <Button
          loading={busy === "template"}
          onClick={() => void download("template", templateUrl(), "台账导入模板.xlsx")}
        >
          下载模板
        </Button>
        <Space.Compact>
          <Select
            aria-label="导出年度"
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={[
              { value: ALL_YEARS, label: "全部年度" },
              ...Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: `${y}年`,
              })),
            ]}
          />
          <Button
            disabled={!agency}
            loading={busy === "export"}
            onClick={() => {
              if (!agency) return;
              const suffix = year === ALL_YEARS ? "全部年度" : `${year}年`;
              void download(
                "export",
                ledgerExportUrl(agency, year || undefined, full && mayExportInFull),
                `台账-${agency}-${suffix}.xlsx`,
              );
            }}
          >
            导出本机关台账
          </Button>
        </Space.Compact>
        {mayExportInFull && (
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            含完整证件号码和联系电话（记入访问日志）
          </Checkbox>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        模板第一行为列标题，此后每行一件申请。导出的台账与模板格式相同；证件号码、联系电话默认脱敏（如
        1101**********1234），脱敏值导入时视为未填写。
      </Typography.Paragraph>
    </Card>
  );
}
