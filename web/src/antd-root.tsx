import "dayjs/locale/zh-cn";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { THEME } from "./theme.ts";

dayjs.locale("zh-cn");

/**
 * Ant Design's provider (zh_CN, the house colour) around every page but the login page: a chunk
 * of its own, so that the login page loads no Ant Design at all. Its App (message, modal,
 * notification: ~17 KB gzip) wraps each page that uses it (`withApp` in app-routes.tsx), not the
 * 工作台.
 */
export default function AntdRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: THEME.primary, borderRadius: THEME.radius } }}
    >
      {children}
    </ConfigProvider>
  );
}
