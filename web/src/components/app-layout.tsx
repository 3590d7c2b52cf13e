import { MenuOutlined, UserOutlined } from "@ant-design/icons";
import { Badge, Button, Drawer, Grid, Layout, Menu, type MenuProps, Space } from "antd";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useApprovalCount } from "../lib/use-approval-count.ts";
import { useMeta } from "../session/meta.tsx";
import { useSession, useUser } from "../session/session.tsx";
import { ChangePasswordButton } from "./change-password-button.tsx";
import { PlainTag } from "./plain-tag.tsx";

type Item = Required<MenuProps>["items"][number];

function useMenuItems(): Item[] {
  const { can } = useUser();
  const approvals = useApprovalCount();
  const link = (to: string, label: string): Item => ({ key: to, label: <Link to={to}>{label}</Link> });
  const items: Item[] = [link("/", "工作台")];
  if (can.register) items.push(link("/intake", "登记"));
  if (can.viewOnlineSubmissions) items.push(link("/online-submissions", "网络申请待确认"));
  if (can.approve)
    items.push({
      key: "/approvals",
      label: (
        <Link to="/approvals">
          审批
          {approvals ? (
            <Badge
              count={approvals}
              size="small"
              className="approval-badge"
              style={{ marginInlineStart: 6 }}
              title={`待审批 ${approvals} 件`}
            />
          ) : null}
        </Link>
      ),
    });
  items.push(link("/reports", "年度报告"), link("/dashboard", "统计"), link("/calculator", "期限计算器"));
  const system: Item[] = [];
  if (can.manageUsers) system.push(link("/admin/users", "用户和角色"));
  if (can.viewAgencies) system.push(link("/admin/agencies", "机关"));
  if (can.importLedger) system.push(link("/admin/ledger-import", "台账导入"));
  if (can.viewAccessLog) system.push(link("/admin/access-log", "访问日志"));
  system.push(link("/admin/calendar", "工作日历"), link("/admin/settings", "提醒与文书编号"));
  items.push({ key: "admin", label: "系统管理", children: system });
  return items;
}

function selectedKey(path: string): string {
  if (path.startsWith("/applications")) return "/";
  return path;
}

/**
 * The frame of every page: the user, role and agency in the header, the menu by what the server
 * says the user may do (`user.can`). On a narrow
 * screen (below Ant Design's md, 768 px) in the Ant Design Pro manner: the header keeps the title
 * (cut with an ellipsis) and the user's name, the menu and the user's details, password and
 * logout open as drawers from two icon buttons, so the title and the name never run into each
 * other and the page gets the whole width.
 */
export function AppLayout() {
  const user = useUser();
  const meta = useMeta();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // useBreakpoint is empty before its first measure: wide until it says otherwise
  const narrow = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const [userOpen, setUserOpen] = useState(false);
  const items = useMenuItems();
  const roles = user.isSystemAdmin ? ["系统管理员"] : user.roles.map((r) => meta.label("roles", r));
  const roleTags = roles.map((r) => (
    <PlainTag key={r} color="gold">
      {r}
    </PlainTag>
  ));
  const logoutButton = (
    <Button
      size="small"
      onClick={() => {
        void logout().then(() => navigate("/login"));
      }}
    >
      退出登录
    </Button>
  );
  const menu = (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(location.pathname)]}
        defaultOpenKeys={location.pathname.startsWith("/admin") ? ["admin"] : []}
        items={items}
        onClick={() => setMenuOpen(false)}
      />
    </nav>
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className={narrow ? "app-header app-header-narrow" : "app-header"}>
        {narrow && (
          <Button
            type="text"
            className="app-menu-button"
            aria-label="打开菜单"
            icon={<MenuOutlined />}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Link to="/" className="app-title" title="政府信息公开申请办理系统">
          政府信息公开申请办理系统
        </Link>
        {narrow ? (
          <Button
            type="text"
            className="app-user app-user-button"
            aria-label="当前用户"
            icon={<UserOutlined />}
            onClick={() => setUserOpen(true)}
          >
            <span className="user-name">{user.displayName}</span>
          </Button>
        ) : (
          <Space size="middle" className="app-user" aria-label="当前用户">
            <span className="user-name">{user.displayName}</span>
            {roleTags}
            <span className="user-agency">{user.agencyName ?? "（无机关）"}</span>
            <ChangePasswordButton />
            {logoutButton}
          </Space>
        )}
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            size={260}
            title="菜单"
            className="app-menu-drawer"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light">
            {menu}
          </Layout.Sider>
        )}
        {narrow && (
          <Drawer
            placement="right"
            open={userOpen}
            onClose={() => setUserOpen(false)}
            size={280}
            title={user.displayName}
            className="app-user-drawer"
          >
            <Space orientation="vertical" size="middle">
              <div>{roleTags}</div>
              <span>{user.agencyName ?? "（无机关）"}</span>
              <ChangePasswordButton />
              {logoutButton}
            </Space>
          </Drawer>
        )}
        {/* Layout.Content is the page's <main> landmark */}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
