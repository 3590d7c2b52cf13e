import type { ResultProps } from "antd";
import { lazy, Suspense } from "react";

const Result = lazy(() => import("./result.tsx"));

/**
 * Ant Design's Result (无权访问, 页面不存在, a failed load), loaded only when one is shown: the
 * entry chunk, and so the login page and the 工作台, do not carry its illustrations.
 */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
