import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { LazyResult } from "./components/lazy-result.tsx";
import { PageLoading } from "./components/page-loading.tsx";
import { MetaProvider } from "./session/meta.tsx";
import { type Capability, useSession } from "./session/session.tsx";

// Every page is its own chunk (the login page and the 工作台 too): the entry holds React, the
// router and the session, no Ant Design; AntdRoot (its provider) is a chunk of its own that every
// page but the login page loads.
const LoginPage = lazy(() => import("./pages/login-page.tsx").then((m) => ({ default: m.LoginPage })));
const importAntdRoot = () => import("./antd-root.tsx");
const importLayout = () => import("./components/app-layout.tsx").then((m) => ({ default: m.AppLayout }));
const importWorklist = () => import("./pages/worklist-page.tsx").then((m) => ({ default: m.WorklistPage }));
const AntdRoot = lazy(importAntdRoot);
const importAntApp = () => import("./antd-app.tsx");
const AntApp = lazy(importAntApp);
const AppLayout = lazy(importLayout);
const WorklistPage = lazy(importWorklist);
const ForcedPasswordChange = lazy(() =>
  import("./components/forced-password-change.tsx").then((m) => ({ default: m.ForcedPasswordChange })),
);
const IntakePage = lazy(() => import("./pages/intake-page.tsx"));
const OnlineSubmissionsPage = lazy(() => import("./pages/online-submissions-page.tsx"));
const importCase = () => import("./pages/case/case-page.tsx");
const CasePage = lazy(importCase);
const ReceiptPage = lazy(() => import("./pages/receipt-page.tsx"));
const ApprovalsPage = lazy(() => import("./pages/approvals-page.tsx"));
const ReportPage = lazy(() => import("./pages/report/report-page.tsx"));
const DashboardPage = lazy(() => import("./pages/dashboard-page.tsx"));
const UsersPage = lazy(() => import("./pages/admin/users-page.tsx"));
const AgenciesPage = lazy(() => import("./pages/admin/agencies-page.tsx"));
const CalendarPage = lazy(() => import("./pages/admin/calendar-page.tsx"));
const SettingsPage = lazy(() => import("./pages/admin/settings-page.tsx"));
const LedgerImportPage = lazy(() => import("./pages/admin/ledger-import-page.tsx"));
const AccessLogPage = lazy(() => import("./pages/admin/access-log-page.tsx"));
const CalculatorPage = lazy(() => import("./pages/calculator-page.tsx"));

const Loading = PageLoading;

/**
 * The chunks of a logged-in page in parallel, not one after the other as the nested lazy
 * components would ask for them (the provider, then the layout, then Ant Design's App around
 * every page but the 工作台, then the page); the two busiest pages' own chunks too.
 */
function preloadShell(pathname: string): void {
  void importAntdRoot();
  if (!pathname.endsWith("/receipt")) void importLayout();
  if (pathname === "/") {
    void importWorklist();
    return;
  }
  void importAntApp();
  if (/^\/applications\/[^/]+$/.test(pathname)) void importCase();
}

/** A page only some users may use (the server's `user.can`); others see why not. */
function Gate(props: { can: Capability; children: ReactNode }) {
  const { user } = useSession();
  if (user?.can[props.can]) return <>{props.children}</>;
  return <LazyResult status="403" title="无权访问" subTitle="您的角色不能使用此页面。" />;
}

function Authenticated({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading />;
  if (status === "anonymous") return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // A password an administrator set: the user's own first (every other call is refused until then).
  if (user?.mustChangePassword) return lazyPage(<AntdRoot>{withApp(<ForcedPasswordChange />)}</AntdRoot>);
  preloadShell(location.pathname);
  // the vocabularies load while Ant Design does
  return <MetaProvider>{lazyPage(<AntdRoot>{children}</AntdRoot>)}</MetaProvider>;
}

const lazyPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
/** A page that uses App.useApp (message, modal): inside Ant Design's App, loaded with it. */
const withApp = (node: ReactNode) => lazyPage(<AntApp>{node}</AntApp>);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={lazyPage(<LoginPage />)} />
      <Route
        path="/applications/:id/receipt"
        element={<Authenticated>{withApp(<ReceiptPage />)}</Authenticated>}
      />
      <Route element={<Authenticated>{lazyPage(<AppLayout />)}</Authenticated>}>
        <Route index element={lazyPage(<WorklistPage />)} />
        <Route
          path="intake"
          element={withApp(
            <Gate can="register">
              <IntakePage />
            </Gate>,
          )}
        />
        <Route
          path="online-submissions"
          element={withApp(
            <Gate can="viewOnlineSubmissions">
              <OnlineSubmissionsPage />
            </Gate>,
          )}
        />
        <Route path="applications/:id" element={withApp(<CasePage />)} />
        <Route
          path="approvals"
          element={withApp(
            <Gate can="approve">
              <ApprovalsPage />
            </Gate>,
          )}
        />
        <Route path="reports" element={withApp(<ReportPage />)} />
        <Route path="dashboard" element={withApp(<DashboardPage />)} />
        <Route
          path="admin/users"
          element={withApp(
            <Gate can="manageUsers">
              <UsersPage />
            </Gate>,
          )}
        />
        <Route
          path="admin/agencies"
          element={withApp(
            <Gate can="viewAgencies">
              <AgenciesPage />
            </Gate>,
          )}
        />
        <Route
          path="admin/ledger-import"
          element={withApp(
            <Gate can="importLedger">
              <LedgerImportPage />
            </Gate>,
          )}
        />
        <Route
          path="admin/access-log"
          element={withApp(
            <Gate can="viewAccessLog">
              <AccessLogPage />
            </Gate>,
          )}
        />
        <Route path="admin/calendar" element={withApp(<CalendarPage />)} />
        <Route path="admin/settings" element={withApp(<SettingsPage />)} />
        <Route path="calculator" element={withApp(<CalculatorPage />)} />
        <Route
          path="*"
          element={<LazyResult status="404" title="页面不存在" subTitle="请从左侧菜单进入。" />}
        />
      </Route>
    </Routes>
  );
}
