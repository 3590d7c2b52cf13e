import { Alert, App, Button, Card, Drawer, Select, Space, Spin, Switch, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client.ts";
import { getReport, putProactive, reportCell, reportFileUrl, reportOverview } from "../../api/endpoints.ts";
import type { AnnualReport, CellMember, ReportStatusLine } from "../../api/types.ts";
import { YearSelect } from "../../components/year-select.tsx";
import { todayInChina } from "../../lib/dates.ts";
import { useAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useUser } from "../../session/session.tsx";
import { CheckList } from "./check-verdict.tsx";
import { CloseBlockersAlert, CloseYearButton, closeBlockers } from "./close-year-button.tsx";
import { type CellRef, Table2View, Table3View, Table4View } from "./official-tables.tsx";
import { ReportTextsCard } from "./report-texts-card.tsx";
import { closedOnOf, ReportVersionsCard } from "./report-versions-card.tsx";

function CellDrawer(props: {
  cell: CellRef | null;
  agency: string;
  year: number;
  subtree: boolean;
  onClose: () => void;
}) {
  const { cell } = props;
  const [items, setItems] = useState<CellMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!cell) return;
    setItems(null);
    setError(null);
    reportCell(props.agency, props.year, cell.row, cell.column, props.subtree)
      .then((p) => setItems(p.items))
      .catch((e: Error) => setError(e.message));
  }, [cell, props.agency, props.year, props.subtree]);
  return (
    <Drawer
      open={cell !== null}
      onClose={props.onClose}
      size={560}
      title={cell ? `${cell.name} · ${cell.columnLabel}` : ""}
      className="cell-drawer"
    >
      {error && <Alert type="error" title={error} showIcon />}
      {items === null && !error && <Spin />}
      {items && (
        <Typography.Paragraph>
          {items.length === 0 ? "该单元格没有申请" : `共 ${items.length} 件`}
        </Typography.Paragraph>
      )}
      <ul className="plain-list" aria-label="计入该单元格的申请">
        {(items ?? []).map((m) => (
          <li key={m.id}>
            <Link to={`/applications/${m.id}`}>{m.trackingNo}</Link>
            <div>
              <Typography.Text type="secondary">
                {[
                  m.applicantName,
                  m.receivedOn && `收到 ${m.receivedOn}`,
                  m.dispositionOn && `办结 ${m.dispositionOn}`,
                ]
                  .filter(Boolean)
                  .join("　")}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
    </Drawer>
  );
}

function StatusTable({ agency, year }: { agency: string; year: number }) {
  const [lines, setLines] = useState<ReportStatusLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reportOverview(agency, year)
      .then((o) => setLines(o.agencies))
      .catch((e: Error) => setError(e.message));
  }, [agency, year]);
  return (
    <Card size="small" title={`${year}年度报告状态（本机关及下级机关）`} className="report-status">
      {error ? (
        <Alert type="warning" title={`无法读取各机关的报告状态：${error}`} />
      ) : (
        <Table<ReportStatusLine>
          size="small"
          rowKey="agencyCode"
          pagination={false}
          scroll={{ x: "max-content" }}
          loading={lines === null}
          dataSource={lines ?? []}
          columns={[
            { title: "机关", dataIndex: "agencyName" },
            {
              title: "状态",
              render: (_, l) =>
                l.status === "closed" ? (
                  <Tag color="green">已定稿（第 {l.version} 版）</Tag>
                ) : (
                  <Tag>草稿</Tag>
                ),
            },
            { title: "定稿日期", render: (_, l) => (l.closedAt ? closedOnOf(l.closedAt) : "—") },
            { title: "公布期限", dataIndex: "dueOn" },
            {
              title: "",
              render: (_, l) =>
                l.isLate ? (
                  <Tag color="red">逾期</Tag>
                ) : (
                  l.status === "closed" && <Tag color="green">按期</Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export default function ReportPage() {
  useTitle("年度报告");
  const user = useUser();
  const { message } = App.useApp();
  const agencies = useAgencies();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [agency, setAgency] = useState<string | null>(user.agencyCode);
  const [year, setYear] = useState(thisYear);
  const supervisor = user.can.viewSubtree;
  const [subtree, setSubtree] = useState(supervisor);
  const [report, setReport] = useState<AnnualReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cell, setCell] = useState<CellRef | null>(null);
  const [editing, setEditing] = useState(false);
  const [table2, setTable2] = useState<AnnualReport["table2"]>({});

  const load = useCallback(() => {
    if (!agency) return;
    setError(null);
    getReport(agency, year, subtree)
      .then((r) => {
        setReport(r);
        setTable2(r.table2);
      })
      .catch((e: unknown) => {
        setReport(null);
        setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
      });
  }, [agency, year, subtree]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!agency && agencies[0]) setAgency(agencies[0].code);
  }, [agency, agencies]);

  const isAdmin = user.can.closeReports && agency === user.agencyCode && !subtree;
  const draft = report?.status === "draft";
  const today = todayInChina();
  const agencyName = agencies.find((a) => a.code === agency)?.name ?? agency ?? "";
  const saveTable2 = async () => {
    if (!agency) return;
    try {
      await putProactive(agency, year, table2);
      setEditing(false);
      void message.success("表二已保存");
      load();
    } catch (e) {
      void message.error((e as Error).message, 8);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        政府信息公开工作年度报告
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <span>
            机关{" "}
            <Select
              aria-label="机关"
              style={{ width: 220 }}
              value={agency}
              onChange={setAgency}
              options={agencies.map((a) => ({ value: a.code, label: a.name }))}
            />
          </span>
          <YearSelect value={year} onChange={setYear} />
          {supervisor && (
            <span>
              <Switch checked={subtree} onChange={setSubtree} aria-label="汇总下级机关" /> 汇总下级机关
            </span>
          )}
          {report && agency && (
            <>
              <a href={reportFileUrl(agency, year, "docx", subtree)} download>
                <Button>下载 Word</Button>
              </a>
              <a href={reportFileUrl(agency, year, "xlsx", subtree)} download>
                <Button>下载 Excel</Button>
              </a>
            </>
          )}
          {report && isAdmin && draft && agency && (
            <CloseYearButton
              report={report}
              agency={agency}
              agencyName={agencyName}
              today={today}
              onClosed={() => load()}
            />
          )}
        </Space>
      </Card>
      {error && (
        <Alert
          type={error.status === 404 ? "warning" : "error"}
          showIcon
          title={error.status === 404 ? "无法读取年度报告" : "年度报告读取失败"}
          description={error.message}
        />
      )}
      {report && isAdmin && draft && <CloseBlockersAlert blockers={closeBlockers(report, today)} />}
      {supervisor && agency && <StatusTable agency={agency} year={year} />}
      {report && (
        <>
          <Space wrap>
            <Tag color={report.status === "closed" ? "green" : "default"}>
              {report.status === "closed"
                ? `已定稿${report.version ? `（第 ${report.version} 版）` : ""}${report.closedAt ? ` 定稿日期 ${closedOnOf(report.closedAt)}` : ""}`
                : "草稿"}
            </Tag>
            <Tag>
              {report.edition === "2021" ? "国办公开办函〔2021〕30号格式" : "国办公开办函〔2019〕60号格式"}
            </Tag>
            {report.scope === "subtree" && <Tag color="blue">本机关及下级机关合计</Tag>}
          </Space>
          <Card
            size="small"
            title="校验（未通过的须更正后才能定稿；需确认的提醒在定稿时确认，未核对的请自行核对）"
          >
            <CheckList checks={report.checks} label="校验结果" />
          </Card>
          {report.status === "closed" && agency && !subtree && (
            <ReportVersionsCard agency={agency} year={year} canAmend={isAdmin} onAmended={load} />
          )}
          <Card
            size="small"
            extra={
              isAdmin &&
              draft &&
              (editing ? (
                <Space>
                  <Button type="primary" onClick={() => void saveTable2()}>
                    保存表二
                  </Button>
                  <Button
                    onClick={() => {
                      setTable2(report.table2);
                      setEditing(false);
                    }}
                  >
                    取消
                  </Button>
                </Space>
              ) : (
                <Button onClick={() => setEditing(true)}>编辑表二</Button>
              ))
            }
          >
            <Table2View
              report={report}
              editing={editing}
              values={table2}
              onChange={(row, column, value) =>
                setTable2((t) => ({ ...t, [row]: { ...(t[row] ?? {}), [column]: value } }))
              }
            />
          </Card>
          <Card size="small">
            <Typography.Paragraph type="secondary">
              点击表三中的数字，查看计入该单元格的申请。
            </Typography.Paragraph>
            <Table3View report={report} onCell={setCell} />
          </Card>
          <Card size="small">
            <Table4View report={report} />
          </Card>
          <ReportTextsCard report={report} editable={isAdmin && draft} onSaved={load} agency={agency ?? ""} />
        </>
      )}
      <CellDrawer
        cell={cell}
        agency={agency ?? ""}
        year={year}
        subtree={subtree}
        onClose={() => setCell(null)}
      />
    </Space>
  );
}
