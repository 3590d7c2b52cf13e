import { administrationRefusal } from "@domain/account-rules.ts";
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
import { disableUser, enableUser, endUserSessions } from "../../api/accounts.ts";
import { createUser, listUsers } from "../../api/endpoints.ts";
import type { Role, User } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { useAgencies } from "../../lib/use-agencies.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useMeta } from "../../session/meta.tsx";
import { useUser } from "../../session/session.tsx";
import { AccountAuditCard } from "./account-audit-card.tsx";
import { HandOverModal } from "./hand-over-modal.tsx";
import { EditUserModal, ResetPasswordModal } from "./user-modals.tsx";

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
  const { message, modal } = App.useApp();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<string | undefined>(
    me.isSystemAdmin ? undefined : (me.agencyCode ?? undefined),
  );
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  /** 工作交接: the handler whose open cases go to another (issue 11). */
  const [handingOver, setHandingOver] = useState<User | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
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
  /** After a change: the list and the audit below it. */
  const reload = useCallback(() => {
    load();
    setAuditVersion((v) => v + 1);
  }, [load]);

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
      reload();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    }
  };

  /** Asks first, then runs a one-click action (disable, enable, end sessions) and says what it did. */
  const confirmAction = (title: string, content: string, run: () => Promise<string>) => {
    modal.confirm({
      title,
      content,
      okText: "确定",
      cancelText: "取消",
      onOk: async () => {
        try {
          void message.success(await run());
          reload();
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });
  };

  // The roles this administrator may grant, as the server says (every role for the system admin).
  const grantable = meta.roles.filter((r) => me.can.grantRoles.some((g) => g === r.id));
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
        className="users-table"
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
          {
            title: "状态",
            render: (_, u) => (
              <Space size={4} wrap>
                {u.isDisabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
              </Space>
            ),
          },
          {
            title: "操作",
            render: (_, u) => {
              const refusal = administrationRefusal(me, u);
              if (refusal) return <Typography.Text type="secondary">—</Typography.Text>;
              const self = u.username === me.username;
              return (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      confirmAction(
                        `结束 ${u.displayName} 的全部会话？`,
                        "该用户在所有设备上立即退出登录，需要重新登录。",
                        async () => `已结束 ${(await endUserSessions(u.username)).sessionsEnded} 个会话`,
                      )
                    }
                  >
                    结束会话
                  </Button>
                  {u.roles.includes("handler") && u.agencyCode && (
                    <Button type="link" size="small" onClick={() => setHandingOver(u)}>
                      交接申请
                    </Button>
                  )}
                  {u.isDisabled ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        confirmAction(
                          `启用 ${u.displayName} 的账号？`,
                          "启用后该用户可以再次登录。",
                          async () => {
                            await enableUser(u.username);
                            return `已启用 ${u.username}`;
                          },
                        )
                      }
                    >
                      启用
                    </Button>
                  ) : (
                    !self && (
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() =>
                          confirmAction(
                            `停用 ${u.displayName} 的账号？`,
                            u.roles.includes("handler")
                              ? "停用后该用户立即退出登录，且不能再登录，直到重新启用。其承办的未办结申请请用“交接申请”转给其他承办人。"
                              : "停用后该用户立即退出登录，且不能再登录，直到重新启用。",
                            async () => {
                              await disableUser(u.username);
                              return `已停用 ${u.username}`;
                            },
                          )
                        }
                      >
                        停用
                      </Button>
                    )
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <AccountAuditCard agency={agency} version={auditVersion} />
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
            <Checkbox.Group options={grantable.map((r) => ({ value: r.id, label: r.label }))} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Form>
      </Modal>
      <EditUserModal
        user={editing}
        grantable={grantable}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          void message.success(`已保存 ${u.username}`);
          setEditing(null);
          reload();
        }}
      />
      <HandOverModal
        user={handingOver}
        onClose={() => setHandingOver(null)}
        onDone={(r) => {
          setHandingOver(null);
          void message.success(
            r.moved.length > 0
              ? `已将 ${r.moved.length} 件申请转办给 ${r.toUsername}：${r.moved.map((m) => m.trackingNo).join("、")}`
              : "该承办人没有未办结的申请",
            8,
          );
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          reload();
        }}
      />
    </Space>
  );
}
