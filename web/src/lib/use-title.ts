import { useEffect } from "react";

/** The browser tab's title: 页面 — 政府信息公开申请办理系统. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — 政府信息公开申请办理系统`;
  }, [title]);
}
