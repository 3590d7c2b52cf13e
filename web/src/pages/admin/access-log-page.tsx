import { PERSONAL_FIELD_LABELS, type PersonalField } from "@domain/personal-data.ts";
import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { type AccessLogQuery, accessLogExportUrl, listAccessLog } from "../../api/access-log.ts";
import { downloadFile } from "../../api/download-file.ts";
import type { AccessLogEntry, AccessLogPage as AccessLogPageData } from "../../api/types.ts";
import { formatInstant, fromPicker, isAfterToday } from "../../lib/dates.ts";
import { useAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useUser } from "../../session/session.tsx";

const PAGE_SIZE = 50;

interface FilterFields {
  range?: [Dayjs | null, Dayjs | null] | null;
  user?: string;
  application?: string;
}

function toQuery(v: FilterFields): AccessLogQuery {
  const q: AccessLogQuery = {};
  const from = fromPicker(v.range?.[0]);
  const to = fromPicker(v.range?.[1]);
  if (from) q.from = from;
  if (to) q.to = to;
  if (v.user?.trim()) q.user = v.user.trim();
  if (v.application?.trim()) q.application = v.application.trim();
  return q;
}

const columns: ColumnsType<AccessLogEntry> = [
  { title: "时间", dataIndex: "at", width: 170, render: (at: string) => formatInstant(at) },
  {
    title: "用户",
    render: (_, e) => (
      <span>
        {e.user.displayName}（{e.user.username}）
      </span>
    ),
  },
  { title: "操作", dataIndex: "kindLabel" },
  {
    title: "申请",
    render: (_, e) =>
      e.application ? (
        <Link to={`/applications/${e.application.id}`}>{e.application.trackingNo}</Link>
      ) : (
        `${e.caseCount} 件`
      ),
  },
  {
    title: "完整显示的字段",
    render: (_, e) => (
      <Space size={[4, 4]} wrap>
        {e.fields.map((f) => (
          <Tag key={f}>{PERSONAL_FIELD_LABELS[f as PersonalField] ?? f}</Tag>
        ))}
      </Space>
    ),
  },
  {
    title: "请求编号",
    dataIndex: "requestId",
    render: (id: string | null) => <Typography.Text type="secondary">{id ?? "—"}</Typography.Text>,
  },
];

/** 系统管理 → 访问日志: who saw which applicant's personal data in full, filtered and exported. */
export default function AccessLogPage() {
  useTitle("访问日志");
  const me = useUser();
  const { message } = App.useApp();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<string | undefined>(me.agencyCode ?? undefined);
  const [query, setQuery] = useState<AccessLogQuery>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AccessLogPageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm<FilterFields>();

  useEffect(() => {
    if (!agency) return;
    let live = true;
    setLoading(true);
    listAccessLog(agency, { ...query, page, pageSize: PAGE_SIZE })
      .then((p) => {
        if (!live) return;
        setData(p);
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [agency, query, page]);

  const exportAs = async (format: "xlsx" | "csv") => {
    if (!agency) return;
    try {
      await downloadFile(accessLogExportUrl(agency, format, query), `访问日志.${format}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        访问日志
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        依《个人信息保护法》记录每一次完整查看申请人证件号码、联系电话、电子邮箱、通信地址的操作：申请详情页（本机关工作人员）和完整台账导出。列表、统计、导出和其他机关看到的都是脱敏信息，不记入本日志。
      </Typography.Paragraph>
      {me.isSystemAdmin && (
        <Space>
          <span>机关</span>
          <Select
            aria-label="机关"
            placeholder="请选择机关"
            style={{ width: 260 }}
            value={agency}
            onChange={(code: string) => {
              setAgency(code);
              setPage(1);
            }}
            options={agencies.map((a) => ({ value: a.code, label: a.name }))}
          />
        </Space>
      )}
      <Form
        form={form}
        layout="inline"
        aria-label="筛选访问日志"
        onFinish={(v) => {
          setQuery(toQuery(v));
          setPage(1);
        }}
      >
        <Form.Item label="日期" name="range">
          <DatePicker.RangePicker disabledDate={isAfterToday} />
        </Form.Item>
        <Form.Item label="用户名" name="user">
          <Input allowClear placeholder="如 zhang.san" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="申请编号" name="application">
          <Input allowClear placeholder="如 town-2026-00001" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({});
                setPage(1);
              }}
            >
              清除
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Space>
        <Button disabled={!agency} onClick={() => void exportAs("xlsx")}>
          导出 Excel
        </Button>
        <Button disabled={!agency} onClick={() => void exportAs("csv")}>
          导出 CSV
        </Button>
        {data && <Typography.Text type="secondary">共 {data.total} 条</Typography.Text>}
      </Space>
      {!agency && <Alert type="info" showIcon title="请先选择机关。" />}
      {error && <Alert type="error" showIcon title={error} />}
      <Table<AccessLogEntry>
        rowKey="id"
        size="small"
        aria-label="访问日志"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: "没有符合条件的访问记录" }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </Space>
  );
}
