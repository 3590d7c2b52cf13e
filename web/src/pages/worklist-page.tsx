import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { ApiState, ApplicantType, Application, Channel, ListQuery } from "../api/types.ts";
import {
  type ClockCounter,
  fetchWorklistCounters,
  WORKLIST_VIEW_LABELS,
  type WorklistCounters,
  type WorklistSort,
  type WorklistView,
} from "../api/worklist.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { DataTable } from "../components/data-table.tsx";
import { Pager } from "../components/pager.tsx";
import { TabBar } from "../components/tab-bar.tsx";
import { todayInChina } from "../lib/dates.ts";
import { useAgencies } from "../lib/use-agencies.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";
import { useSession } from "../session/session.tsx";
import { worklistColumns } from "./worklist-columns.tsx";
import "./worklist.css";
import { WorklistFilters } from "./worklist-filters.tsx";

const PAGE_SIZE = 20;
const VIEWS: WorklistView[] = ["todo", "mine", "done", "all"];
const SORTS = new Set<string>([
  "urgency",
  "due",
  "receivedOn",
  "trackingNo",
  "applicant",
  "applicantType",
  "channel",
  "state",
  "handler",
  "agency",
]);

function queryOf(params: URLSearchParams, defaultView: WorklistView): ListQuery {
  const view = params.get("view");
  const q: ListQuery = {
    page: Number(params.get("page") ?? "1") || 1,
    pageSize: PAGE_SIZE,
    view: VIEWS.includes(view as WorklistView) ? (view as WorklistView) : defaultView,
  };
  const get = (k: string) => params.get(k) || undefined;
  const agency = get("agency");
  if (agency) q.agency = agency;
  const state = get("state");
  if (state) q.state = state as ApiState;
  const type = get("applicantType");
  if (type) q.applicantType = type as ApplicantType;
  const channel = get("channel");
  if (channel) q.channel = channel as Channel;
  const from = get("receivedFrom");
  if (from) q.receivedFrom = from;
  const to = get("receivedTo");
  if (to) q.receivedTo = to;
  const text = get("q");
  if (text) q.q = text;
  const due = get("dueBefore");
  if (due) q.dueBefore = due;
  const sort = params.get("sort");
  if (sort && SORTS.has(sort)) {
    q.sort = sort as WorklistSort;
    q.order = params.get("order") === "desc" ? "desc" : "asc";
  }
  return q;
}

/** The counters of the tab: per clock kind, overdue, due today, due within 5 WD; the approval queue. */
function useCounters(agency: string | undefined, view: WorklistView | undefined) {
  const [counters, setCounters] = useState<WorklistCounters | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchWorklistCounters({ ...(agency ? { agency } : {}), ...(view ? { view } : {}) }, controller.signal)
      .then(setCounters)
      .catch(() => undefined); // the list below shows the error of the same scope
    return () => controller.abort();
  }, [agency, view]);
  return counters;
}

function ClockCounters({ counters }: { counters: WorklistCounters | null }) {
  if (!counters) return <p className="text-secondary">正在统计期限……</p>;
  const rows = counters.clocks.filter((c) => c.overdue + c.dueToday + c.dueSoon > 0);
  if (rows.length === 0)
    return <p className="text-secondary">本标签下没有逾期、今天到期或即将到期的期限。</p>;
  return (
    <DataTable<ClockCounter>
      caption="各种期限的逾期、今天到期和即将到期件数"
      className="clock-counters"
      size="small"
      rowKey={(c) => c.kind}
      rows={rows}
      columns={[
        { key: "label", title: "期限", render: (c) => c.label },
        {
          key: "overdue",
          title: "已逾期",
          render: (c) => <span className={c.overdue > 0 ? "count-overdue" : undefined}>{c.overdue}</span>,
        },
        { key: "dueToday", title: "今天到期", render: (c) => c.dueToday },
        { key: "dueSoon", title: `${counters.soonWorkdays}个工作日内到期`, render: (c) => c.dueSoon },
      ]}
    />
  );
}

/**
 * 工作台 (issue 11): the tabs 待办 / 我承办的 / 已办 / 全部, the counters of every clock, the
 * filters, and the list sorted and paged by the server, all in the URL. Plain HTML components of
 * our own (DataTable, TabBar, Pager, WorklistFilters): the page the staff open first loads no
 * Ant Design Table, Tabs, Pagination, Select or Form.
 */
export function WorklistPage() {
  useTitle("工作台");
  const meta = useMeta();
  const { user } = useSession();
  const agencies = useAgencies();
  const calendar = useWorkingCalendar({ lazyProvisional: true });
  const [params, setParams] = useSearchParams();
  // a user whose 待办 lists cases (handler, approver, clerk) opens on it; the others on 全部
  const defaultView: WorklistView = user?.can.hasTodo ? "todo" : "all";
  const query = useMemo(() => queryOf(params, defaultView), [params, defaultView]);
  const [data, setData] = useState<{ items: Application[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const today = todayInChina();
  const counters = useCounters(query.agency, query.view);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listApplications(query, controller.signal)
      .then((page) => {
        setData(page);
        setError(null);
      })
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError(e.message);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [query]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const columns = worklistColumns({
    meta,
    today,
    calendar,
    showAgency: Boolean(user?.can.viewSubtree || user?.isSystemAdmin),
  });
  const isApprover = Boolean(user?.can.approve);
  return (
    <div className="worklist-page">
      <h1 className="page-heading">工作台</h1>
      <TabBar<WorklistView>
        label="工作台标签"
        className="worklist-tabs"
        panelId="worklist-panel"
        active={query.view ?? defaultView}
        onChange={(key) => update({ view: key, sort: undefined, order: undefined })}
        tabs={VIEWS.map((v) => ({ key: v, label: WORKLIST_VIEW_LABELS[v] }))}
      />
      <div id="worklist-panel" role="tabpanel" aria-labelledby={`worklist-panel-tab-${query.view}`}>
        <div className={isApprover ? "worklist-cards with-approvals" : "worklist-cards"}>
          <section className="panel" aria-labelledby="clock-counters-title">
            <h2 id="clock-counters-title" className="panel-title">
              期限提醒（按期限种类）
            </h2>
            <ClockCounters counters={counters} />
          </section>
          {isApprover && (
            // not a link: the menu's 审批 (with its badge) is the one way to the queue
            <section className="panel approval-count" aria-labelledby="approval-count-title">
              <h2 id="approval-count-title" className="stat-title">
                待审批
              </h2>
              <p className="stat-value">
                {counters?.awaitingApproval ?? "…"}
                <span className="stat-suffix">件</span>
              </p>
            </section>
          )}
        </div>
        <section className="panel">
          <WorklistFilters
            params={params}
            meta={meta}
            agencies={agencies}
            onApply={update}
            onReset={() => setParams(new URLSearchParams())}
          />
          {query.dueBefore && (
            <div className="ogi-alert ogi-alert-info">
              <span>只显示答复期限早于 {query.dueBefore} 的未办结申请</span>
              <button
                type="button"
                className="ogi-button ogi-button-small"
                onClick={() => update({ dueBefore: undefined })}
              >
                取消
              </button>
            </div>
          )}
        </section>
        {error && (
          <p className="ogi-alert ogi-alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="worklist">
          <DataTable<Application>
            caption={`申请列表（${WORKLIST_VIEW_LABELS[query.view ?? defaultView]}）`}
            rowKey={(a) => a.id}
            columns={columns}
            rows={data?.items ?? []}
            loading={loading}
            sort={query.sort ? { key: query.sort, order: query.order ?? "asc" } : undefined}
            onSort={(key, order) => update({ sort: key, order })}
            empty="没有符合条件的申请"
          />
          <Pager
            page={query.page ?? 1}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            onChange={(page) => update({ page: String(page) })}
          />
        </div>
      </div>
    </div>
  );
}
