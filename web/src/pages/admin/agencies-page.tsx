import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useCallback, useEffect, useState } from "react";
import { createAgency } from "../../api/endpoints.ts";
import type { Agency } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { loadAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useMeta } from "../../session/meta.tsx";
import { useUser } from "../../session/session.tsx";

function toTree(agencies: Agency[], kindLabel: (k: string) => string): DataNode[] {
  const codes = new Set(agencies.map((a) => a.code));
  const children = (parent: string | null): DataNode[] =>
    agencies
      .filter((a) =>
        parent === null ? a.parentCode === null || !codes.has(a.parentCode) : a.parentCode === parent,
      )
      .map((a) => ({
        key: a.code,
        title: `${a.name}（${a.code}，${kindLabel(a.kind)}）`,
        children: children(a.code),
      }));
  return children(null);
}

interface AgencyFields {
  code: string;
  name: string;
  kind: string;
  parentCode?: string;
}

export default function AgenciesPage() {
  useTitle("机关");
  const meta = useMeta();
  const me = useUser();
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<AgencyFields>();
  const kindLabel = (k: string) => meta.agencyKinds.find((x) => x.id === k)?.label ?? k;

  const load = useCallback(
    (refresh = false) =>
      loadAgencies(refresh)
        .then(setAgencies)
        .catch((e: Error) => setError(e.message)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    let v: AgencyFields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      const a = await createAgency(v.parentCode ? v : { code: v.code, name: v.name, kind: v.kind });
      void message.success(`已新建机关 ${a.name}`);
      setCreating(false);
      await load(true);
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        机关
      </Typography.Title>
      {me.isSystemAdmin && (
        <Button
          type="primary"
          style={{ alignSelf: "flex-start" }}
          onClick={() => {
            form.resetFields();
            setProblem(null);
            setCreating(true);
          }}
        >
          新建机关
        </Button>
      )}
      {error && <Alert type="error" title={error} showIcon />}
      <Card size="small" title="机关层级">
        {agencies.length > 0 && (
          <Tree treeData={toTree(agencies, kindLabel)} defaultExpandAll selectable={false} />
        )}
      </Card>
      <Modal
        open={creating}
        title="新建机关"
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<AgencyFields> form={form} layout="vertical" aria-label="新建机关">
          <Form.Item
            label="机关代码"
            name="code"
            rules={[{ required: true, whitespace: true, message: "请填写机关代码" }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="机关名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: "请填写机关名称" }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="类别" name="kind" rules={[{ required: true, message: "请选择类别" }]}>
            <Select options={meta.agencyKinds.map((k) => ({ value: k.id, label: k.label }))} />
          </Form.Item>
          <Form.Item label="上级机关" name="parentCode">
            <Select allowClear options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Form>
      </Modal>
    </Space>
  );
}
