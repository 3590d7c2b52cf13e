import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { createUser, listUsers } from "../../api/endpoints.ts";
import type { Role, User } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { useAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useMeta } from "../../session/meta.tsx";
import { useUser } from "../../session/session.tsx";

interface NewUserFields {
  username: string;
  password: string;
  displayName: string;
  email?: string;
  agencyCode: string;
  roles: Role[];
}

export default function UsersPage() {
  useTitle("用户和角色");
  const meta = useMeta();
  const me = useUser();
  const { message } = App.useApp();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<string | undefined>(
    me.isSystemAdmin ? undefined : (me.agencyCode ?? undefined),
  );
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<NewUserFields>();

  const load = useCallback(() => {
    listUsers(agency)
      .then((p) => {
        setUsers(p.items);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [agency]);
  useEffect(load, [load]);

  const submit = async () => {
    let v: NewUserFields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      const u = await createUser({
        ...v,
        ...(v.email?.trim() ? { email: v.email.trim() } : { email: undefined }),
      });
      void message.success(`已新建用户 ${u.username}`);
      setCreating(false);
      load();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    }
  };

  const agencyOptions = (me.isSystemAdmin ? agencies : agencies.filter((a) => a.code === me.agencyCode)).map(
    (a) => ({
      value: a.code,
      label: a.name,
    }),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        用户和角色
      </Typography.Title>
      <Space wrap>
        {me.isSystemAdmin && (
          <Select
            aria-label="机关"
            allowClear
            placeholder="全部机关"
            style={{ width: 240 }}
            value={agency}
            onChange={setAgency}
            options={agencyOptions}
          />
        )}
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ agencyCode: agency ?? me.agencyCode ?? undefined, roles: [] });
            setProblem(null);
            setCreating(true);
          }}
        >
          新建用户
        </Button>
      </Space>
      {error && <Alert type="error" title={error} showIcon />}
      <Table<User>
        rowKey="username"
        loading={users === null && !error}
        dataSource={users ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: "用户名", dataIndex: "username" },
          { title: "姓名", dataIndex: "displayName" },
          { title: "机关", dataIndex: "agencyName" },
          {
            title: "角色",
            render: (_, u) => (
              <Space size={4} wrap>
                {u.isSystemAdmin && <Tag color="red">系统管理员</Tag>}
                {u.roles.map((r) => (
                  <Tag key={r}>{meta.label("roles", r)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: "电子邮箱", dataIndex: "email", render: (e: string | null) => e ?? "—" },
        ]}
      />
      <Modal
        open={creating}
        title="新建用户"
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewUserFields> form={form} layout="vertical" aria-label="新建用户">
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: "请填写用户名" }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="初始密码" name="password" rules={[{ required: true, message: "请填写初始密码" }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="姓名"
            name="displayName"
            rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="电子邮箱（接收期限提醒）" name="email">
            <Input />
          </Form.Item>
          <Form.Item label="机关" name="agencyCode" rules={[{ required: true, message: "请选择机关" }]}>
            <Select options={agencyOptions} />
          </Form.Item>
          <Form.Item label="角色" name="roles" rules={[{ required: true, message: "至少选择 1 个角色" }]}>
            <Checkbox.Group options={meta.roles.map((r) => ({ value: r.id, label: r.label }))} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Form>
      </Modal>
    </Space>
  );
}
