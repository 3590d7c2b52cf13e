/**
 * 网络申请待确认 (issue 12): the applications submitted on the public portal to the user's
 * agency, oldest first. A clerk opens one (the applicant's data as submitted, its attachments),
 * then 确认受理 (the receipt date defaults to today, art. 31; the registered case opens) or
 * 不予受理 (not an application at all: a reason the applicant sees).
 */

import { ID_TYPE_LABELS } from "@domain/identity-numbers.ts";
import { APPLICANT_TYPE_LABELS } from "@domain/vocabulary.ts";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../api/client.ts";
import {
  confirmSubmission,
  listOnlineSubmissions,
  type OnlineSubmission,
  rejectSubmission,
} from "../api/online-submissions.ts";
import { formatInstant, fromPicker, isAfterToday, todayInChina, toPicker } from "../lib/dates.ts";
import { useTitle } from "../lib/use-title.ts";

function Details(props: { s: OnlineSubmission }) {
  const { s } = props;
  const a = s.applicant;
  const org = a.type !== "natural_person";
  return (
    <Descriptions column={1} size="small" bordered aria-label="网络申请的内容">
      <Descriptions.Item label="提交时间">{formatInstant(s.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="申请人类型">{APPLICANT_TYPE_LABELS[a.type]}</Descriptions.Item>
      <Descriptions.Item label={org ? "单位名称" : "姓名"}>{a.name}</Descriptions.Item>
      {a.idNumber && (
        <Descriptions.Item label={a.idType ? ID_TYPE_LABELS[a.idType] : "证件号码"}>
          {a.idNumber}
        </Descriptions.Item>
      )}
      {org && <Descriptions.Item label="法定代表人">{a.legalRepresentative ?? "未填写"}</Descriptions.Item>}
      {org && <Descriptions.Item label="联系人">{a.contactPerson ?? "未填写"}</Descriptions.Item>}
      <Descriptions.Item label="联系电话">{a.phone ?? "未填写"}</Descriptions.Item>
      {a.email && <Descriptions.Item label="电子邮箱">{a.email}</Descriptions.Item>}
      {a.address && <Descriptions.Item label="通信地址">{a.address}</Descriptions.Item>}
      <Descriptions.Item label="申请内容">
        <div style={{ whiteSpace: "pre-wrap" }}>{s.description}</div>
      </Descriptions.Item>
      <Descriptions.Item label="获取信息的方式">{s.deliveryForm ?? "未填写"}</Descriptions.Item>
      <Descriptions.Item label="附件">
        {s.documents.length > 0 ? (
          <ul className="plain-list">
            {s.documents.map((d) => (
              <li key={d.id}>
                <a href={d.url} download={d.fileName}>
                  {d.fileName}
                </a>
                <Typography.Text type="secondary">（{Math.ceil(d.size / 1024)} KB）</Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          "无"
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ConfirmDialog(props: {
  s: OnlineSubmission;
  onClose: () => void;
  onDone: (caseId: string) => void;
}) {
  const [form] = Form.useForm<{ receivedOn: Dayjs }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      const app = await confirmSubmission(props.s.id, fromPicker(v.receivedOn));
      props.onDone(app.id);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title="确认受理网络申请"
      okText="确认受理"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>
        确认后登记为网络申请，申请人的信息和附件转入案件，无需重新录入；答复期限自收到申请之日起计算。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: toPicker(todayInChina()) }}>
        <Form.Item
          label="收到申请之日"
          name="receivedOn"
          rules={[{ required: true, message: "请选择收到申请之日" }]}
          extra={`网络申请以双方确认之日为收到申请之日（《条例》第三十一条），默认今天；不早于提交日 ${props.s.submittedOn}。`}
        >
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => isAfterToday(d) || (fromPicker(d) ?? "") < props.s.submittedOn}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" title={problem} showIcon />}
    </Modal>
  );
}

function RejectDialog(props: { s: OnlineSubmission; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function reject() {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      await rejectSubmission(props.s.id, v.reason.trim());
      props.onDone();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title="不予受理"
      okText="不予受理"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => void reject()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>
        只用于不构成政府信息公开申请的提交（如广告、重复提交）：不登记案件，申请人在申请查询中看到下面的原因。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          label="原因"
          name="reason"
          rules={[{ required: true, whitespace: true, message: "请写明原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" title={problem} showIcon />}
    </Modal>
  );
}

export default function OnlineSubmissionsPage() {
  useTitle("网络申请待确认");
  const navigate = useNavigate();
  const { message } = App.useApp();
  // below Ant Design's md (768 px) the drawer takes the whole width
  const isPhone = Grid.useBreakpoint().md === false;
  const [items, setItems] = useState<OnlineSubmission[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<OnlineSubmission | null>(null);
  const [dialog, setDialog] = useState<"confirm" | "reject" | null>(null);
  const load = useCallback(() => {
    listOnlineSubmissions({})
      .then((page) => setItems(page.items))
      .catch((e: Error) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  useEffect(load, [load]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        网络申请待确认
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        申请人在网上提交的申请，确认受理后登记为案件（申请方式：网络申请）。
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon />}
      <Table<OnlineSubmission>
        rowKey="id"
        className="online-submissions"
        loading={!items && !error}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "没有待确认的网络申请" }}
        columns={[
          { title: "提交时间", dataIndex: "submittedAt", render: (v: string) => formatInstant(v) },
          {
            title: "申请人",
            key: "applicant",
            render: (_, s) => `${s.applicant.name}（${APPLICANT_TYPE_LABELS[s.applicant.type]}）`,
          },
          {
            title: "申请内容",
            dataIndex: "description",
            render: (v: string) => (
              <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: "操作",
            key: "open",
            render: (_, s) => (
              <Button
                type="link"
                onClick={() => setOpen(s)}
                aria-label={`查看 ${s.applicant.name} 的网络申请`}
              >
                查看
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        title="网络申请"
        size={isPhone ? "100%" : 560}
        onClose={() => setOpen(null)}
        extra={
          <Space>
            <Button danger onClick={() => setDialog("reject")}>
              不予受理
            </Button>
            <Button type="primary" onClick={() => setDialog("confirm")}>
              确认受理
            </Button>
          </Space>
        }
      >
        {open && <Details s={open} />}
      </Drawer>
      {open && dialog === "confirm" && (
        <ConfirmDialog
          s={open}
          onClose={() => setDialog(null)}
          onDone={(caseId) => {
            void message.success("已确认受理，登记为案件");
            void navigate(`/applications/${caseId}`);
          }}
        />
      )}
      {open && dialog === "reject" && (
        <RejectDialog
          s={open}
          onClose={() => setDialog(null)}
          onDone={() => {
            void message.success("已不予受理");
            setDialog(null);
            setOpen(null);
            load();
          }}
        />
      )}
    </Space>
  );
}
