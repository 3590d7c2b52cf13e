/**
 * The applicant's portal: two pages under /apply, 在线申请 (/apply) and 申请查询 (/apply/query),
 * switched with the History API (no router: the portal stays small). The 查询码 handed from the
 * first to the second travels in the history entry's state, never in the address: an address
 * ends up in server logs, proxies and the browser's history list.
 */
import { useEffect, useState } from "react";
import { ApplyPage } from "./apply-page.tsx";
import { QueryPage } from "./query-page.tsx";

type Where = { page: "apply" } | { page: "query"; code: string };

function whereNow(): Where {
  if (window.location.pathname.replace(/\/$/, "") === "/apply/query") {
    const state = window.history.state as { code?: unknown } | null;
    return { page: "query", code: typeof state?.code === "string" ? state.code : "" };
  }
  return { page: "apply" };
}

const TITLES = { apply: "在线申请", query: "申请查询" } as const;

export function PortalApp() {
  const [where, setWhere] = useState<Where>(whereNow);
  useEffect(() => {
    const onPop = () => setWhere(whereNow());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    document.title = `${TITLES[where.page]} - 政府信息公开申请`;
  }, [where.page]);

  function go(to: Where) {
    if (to.page === "apply") window.history.pushState(null, "", "/apply");
    else window.history.pushState(to.code ? { code: to.code } : null, "", "/apply/query");
    setWhere(to);
    window.scrollTo({ top: 0 });
  }

  return (
    <div className="portal">
      <header className="portal-header">
        <h1>政府信息公开申请</h1>
        <nav aria-label="申请人服务">
          {(["apply", "query"] as const).map((page) => (
            <a
              key={page}
              href={page === "apply" ? "/apply" : "/apply/query"}
              aria-current={where.page === page ? "page" : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(page === "apply" ? { page } : { page, code: "" });
              }}
            >
              {TITLES[page]}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {where.page === "apply" ? (
          <ApplyPage onQuery={(code) => go({ page: "query", code })} />
        ) : (
          <QueryPage key={where.code} initialCode={where.code} />
        )}
      </main>
      <footer className="portal-footer no-print">
        依据《中华人民共和国政府信息公开条例》第二十七条至第三十三条办理。无需注册登录。
      </footer>
    </div>
  );
}
