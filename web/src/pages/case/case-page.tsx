import { ID_TYPE_LABELS } from "@domain/identity-numbers.ts";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { getApplication, issueLetter, letterUrl, listLetters } from "../../api/endpoints.ts";
import type {
  Application,
  ApplicationDetail,
  EventView,
  LetterSummary,
  Proposal,
  ReplyDetails,
} from "../../api/types.ts";
import { useWorkingCalendar } from "../../calendar/use-working-calendar.ts";
import { formatInstant, todayInChina } from "../../lib/dates.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useMeta } from "../../session/meta.tsx";
import { ActionModal, actionTitle } from "./action-modal.tsx";
import { AmendRegistrationModal } from "./amend-registration-modal.tsx";
import { AppealsCard } from "./appeals-card.tsx";
import { ClocksCard } from "./clocks-card.tsx";
import { DeliveryCard } from "./delivery-card.tsx";
import { eventLabel, eventSummary } from "./event-text.ts";
import { RecordReceiptModal } from "./record-receipt-modal.tsx";
import { servedDocumentsOf } from "./served-documents.ts";

/** 给申请人的通知: a chunk of its own, loaded with the case page's second column. */
const NoticesCard = lazy(() => import("./notices-card.tsx").then((m) => ({ default: m.NoticesCard })));
/** 材料 (issue 12): the case's documents, a chunk of its own. */
const DocumentsCard = lazy(() => import("./documents-card.tsx").then((m) => ({ default: m.DocumentsCard })));

const ENDED = new Set(["decided", "delivered", "archived", "closed"]);

function useApplication(id: string) {
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(() => {
    getApplication(id)
      .then((a) => {
        setApp(a);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e))));
  }, [id]);
  useEffect(reload, [reload]);
  return { app, setApp, error, reload };
}

function Details({ app }: { app: Application }) {
  const meta = useMeta();
  const outcome = meta.outcome(app.outcome);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="case-details">
      <Descriptions.Item label="申请人">
        <span className="applicant-name">{app.applicant.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label="申请人情况">
        {meta.label("applicantTypes", app.applicant.type)}
      </Descriptions.Item>
      <Descriptions.Item label="申请方式">{meta.label("channels", app.channel)}</Descriptions.Item>
      <Descriptions.Item label="收到申请之日">{app.receivedOn}</Descriptions.Item>
      <Descriptions.Item label="机关">{app.agencyName}</Descriptions.Item>
      <Descriptions.Item label="承办人">{app.handler ?? "—"}</Descriptions.Item>
      {app.applicant.idType && (
        <Descriptions.Item label="证件类型">{ID_TYPE_LABELS[app.applicant.idType]}</Descriptions.Item>
      )}
      {app.applicant.idNumber && (
        <Descriptions.Item label="证件号码">
          <span className="applicant-id-number">{app.applicant.idNumber}</span>
        </Descriptions.Item>
      )}
      {app.applicant.phone && <Descriptions.Item label="联系电话">{app.applicant.phone}</Descriptions.Item>}
      {app.applicant.email && <Descriptions.Item label="电子邮箱">{app.applicant.email}</Descriptions.Item>}
      {app.applicant.address && (
        <Descriptions.Item label="通信地址">{app.applicant.address}</Descriptions.Item>
      )}
      <Descriptions.Item label="获取信息的方式">{app.deliveryForm ?? "未填写"}</Descriptions.Item>
      {app.trackingNumber && (
        <Descriptions.Item label="挂号单号">
          <span className="mail-tracking-number">{app.trackingNumber}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="申请人信息">
        {app.personalData === "full" ? (
          <Typography.Text type="secondary">完整显示（本次查看已记入访问日志）</Typography.Text>
        ) : (
          <Typography.Text type="secondary">已脱敏（仅承办机关的工作人员可查看完整信息）</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="申请内容" span="filled">
        {/* a long request folds to six lines (展开 / 收起), so the deadlines below stay in view */}
        <Typography.Paragraph
          className="case-description"
          ellipsis={{ rows: 6, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开") }}
        >
          {app.description}
        </Typography.Paragraph>
      </Descriptions.Item>
      {outcome && (
        <Descriptions.Item label="办理结果" span="filled">
          <span className="case-outcome">
            {outcome.shortLabel}；年度报告表三 {outcome.row2021}；依据：{outcome.basis}
            {app.dispositionOn && `；${app.dispositionOn}`}
          </span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * The case's letters: one not issued yet has 出具 (for who may issue it: numbers it once and
 * freezes the DOCX) and a draft preview; an issued one downloads exactly what was issued and says
 * who issued it and when.
 */
function LettersCard({ app, onIssued }: { app: Application; onIssued: () => void }) {
  const { message } = App.useApp();
  const [listed, setListed] = useState<LetterSummary[] | null>(null);
  const [issuing, setIssuing] = useState<string | null>(null);
  const load = useCallback(() => {
    listLetters(app.id)
      .then((p) => setListed(p.items))
      .catch((e: unknown) => {
        setListed([]);
        void message.error(e instanceof ApiError ? e.message : String(e), 6);
      });
  }, [app.id, message]);
  useEffect(load, [load]);
  const issue = async (l: LetterSummary) => {
    setIssuing(l.key);
    try {
      const issued = await issueLetter(app.id, l.kind, l.consultationId);
      void message.success(`${l.title}已出具：${issued.serialNo ?? ""}`);
      load();
      onIssued();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setIssuing(null);
    }
  };
  if (listed === null) return <Card title="文书" size="small" loading />;
  return (
    <Card title="文书" size="small">
      <ul className="plain-list letters-list" aria-label="文书下载">
        {listed.map((l) => (
          <li key={l.key}>
            <Typography.Text>{l.title}</Typography.Text>{" "}
            {l.serialNo ? (
              <Space size="small" wrap>
                <Typography.Text type="secondary">{l.serialNo}</Typography.Text>
                <a
                  href={letterUrl(app.id, l.kind, l.consultationId)}
                  download
                  aria-label={`${l.title}（Word）`}
                >
                  下载（Word）
                </a>
                <Typography.Text type="secondary" className="letter-issued">
                  {l.issuedBy ?? "—"} 于 {l.issuedAt ? formatInstant(l.issuedAt) : "—"} 出具
                </Typography.Text>
              </Space>
            ) : (
              <Space size="small" wrap>
                {l.canIssue && (
                  <Button
                    size="small"
                    type="primary"
                    aria-label={`出具${l.title}`}
                    loading={issuing === l.key}
                    onClick={() => void issue(l)}
                  >
                    出具
                  </Button>
                )}
                <a href={letterUrl(app.id, l.kind, l.consultationId, true)} download>
                  预览草稿
                </a>
                {!l.canIssue && <Typography.Text type="secondary">尚未出具</Typography.Text>}
              </Space>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The proposed reply's details: the proposal's, else those of the event that submitted it. */
function replyDetailsOf(p: Proposal, submitted: EventView | undefined): ReplyDetails {
  const from = { ...submitted?.payload, ...p } as Record<string, unknown>;
  const out: ReplyDetails = {};
  for (const key of ["replyText", "reasons", "holdingAgency"] as const) {
    const v = from[key];
    if (typeof v === "string" && v !== "") out[key] = v;
  }
  if (from.disclosure === "provided" || from.disclosure === "already_public")
    out.disclosure = from.disclosure;
  return out;
}

const PROPOSAL_EVENT: Record<Proposal["kind"], string> = {
  decision: "decision.proposed",
  extension: "extension.requested",
};

/** What an approver's button opens: an action, perhaps under another title and filled in advance. */
interface ChosenAction {
  type: string;
  title?: string;
  initial?: Record<string, unknown>;
}

/**
 * The handler's proposal waiting for the approver (审批): what is proposed, by whom and when,
 * with the approver's buttons: 批准并答复 (decide with the proposed outcome), 批准延期, 退回.
 */
function ProposalCard({
  app,
  canApprove,
  canWithdraw,
  onChoose,
}: {
  app: Application;
  canApprove: (type: string) => boolean;
  /** The handler may take it back (one pending proposal at a time). */
  canWithdraw: boolean;
  onChoose: (action: ChosenAction) => void;
}) {
  const meta = useMeta();
  const p = app.proposal;
  if (!p) return null;
  const submitted = [...(app.events ?? [])].reverse().find((e) => e.type === PROPOSAL_EVENT[p.kind]);
  const outcome = meta.outcome(p.outcome);
  const details = replyDetailsOf(p, submitted);
  const approve: ChosenAction =
    p.kind === "decision"
      ? {
          type: "decide",
          title: "批准并答复",
          initial: { outcome: p.outcome, ...details },
        }
      : { type: "extend", title: "批准延期", initial: { workdays: p.workdays, reason: p.reason } };
  return (
    <Card
      size="small"
      title={p.kind === "decision" ? "待审批：答复" : "待审批：延期"}
      className="pending-proposal"
      extra={<Tag color="orange">待审批</Tag>}
    >
      <Descriptions size="small" column={1}>
        {p.kind === "decision" ? (
          <>
            <Descriptions.Item label="拟作出的办理结果">
              {outcome ? `${outcome.row2021} ${outcome.shortLabel}` : p.outcome}
            </Descriptions.Item>
            {outcome && <Descriptions.Item label="法律依据">{outcome.basis}</Descriptions.Item>}
            {details.reasons && <Descriptions.Item label="理由">{details.reasons}</Descriptions.Item>}
            {details.holdingAgency && (
              <Descriptions.Item label="负责公开的机关">{details.holdingAgency}</Descriptions.Item>
            )}
            {details.replyText && <Descriptions.Item label="答复内容">{details.replyText}</Descriptions.Item>}
          </>
        ) : (
          <>
            <Descriptions.Item label="拟延长">{p.workdays} 个工作日</Descriptions.Item>
            <Descriptions.Item label="延期理由">{p.reason}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="提交">
          {submitted ? `${submitted.actor}，${formatInstant(submitted.enteredAt)}` : "—"}（生效日期 {p.on}）
        </Descriptions.Item>
      </Descriptions>
      {canWithdraw && (
        <Space wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            审批前不能再提交另一份意见；需要修改的，请先撤回。
          </Typography.Text>
          <Button onClick={() => onChoose({ type: "withdraw_proposal" })}>
            {meta.actionLabel("withdraw_proposal")}
          </Button>
        </Space>
      )}
      {(canApprove(approve.type) || canApprove("return_proposal")) && (
        <Space wrap style={{ marginTop: 8 }}>
          {canApprove(approve.type) && (
            <Button type="primary" onClick={() => onChoose(approve)}>
              {approve.title}
            </Button>
          )}
          {canApprove("return_proposal") && (
            <Button danger onClick={() => onChoose({ type: "return_proposal" })}>
              {meta.actionLabel("return_proposal")}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

function EventsTimeline({ app }: { app: Application }) {
  const meta = useMeta();
  const events = app.events ?? [];
  return (
    <Card title="办理过程" size="small">
      <Timeline
        className="case-timeline"
        items={events.map((e) => ({
          key: e.seq,
          color: e.actor === "system" ? "gray" : e.type === "decision.issued" ? "green" : "blue",
          title: `生效日期 ${e.on}`,
          content: (
            <div className={e.superseded ? "case-event-superseded" : undefined}>
              <Typography.Text strong delete={e.superseded !== null}>
                {eventLabel(e, meta)}
              </Typography.Text>
              {e.superseded && (
                <div>
                  <Typography.Text type="warning">
                    已失效：第 {e.superseded.bySeq} 项登记后不再发生（{e.superseded.on}），不计入统计
                  </Typography.Text>
                </div>
              )}
              <div>{eventSummary(e, events, meta)}</div>
              {e.reason && e.reason !== e.payload.reason && <div>理由或备注：{e.reason}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor === "system" ? "系统自动" : e.actor} 于 {formatInstant(e.enteredAt)} 录入
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export default function CasePage() {
  const { id = "" } = useParams();
  const meta = useMeta();
  const calendar = useWorkingCalendar();
  const { app, error, reload } = useApplication(id);
  const [action, setAction] = useState<ChosenAction | null>(null);
  /** 登记送达: the document whose row was clicked ("" from the actions card: the first pending). */
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);
  useTitle(app ? `申请 ${app.trackingNo}` : "申请");
  const today = todayInChina();

  if (error) {
    return (
      <Result
        status={error.status === 404 ? "404" : error.status === 403 ? "403" : "error"}
        title={error.status === 404 ? "找不到这件申请" : "无法打开这件申请"}
        subTitle={error.message}
        extra={<Link to="/">返回工作台</Link>}
      />
    );
  }
  if (!app) return <Spin size="large" style={{ display: "block", margin: 80 }} />;

  // the allowed actions this reader may do (the server's rule: ACTION_ROLES, own agency)
  const mayDo = new Set<string>(app.permissions.actions);
  const mine = (type: string) => mayDo.has(type);
  // 退回 and 撤回 belong to the pending proposal's card, beside its approval.
  const ON_PROPOSAL = new Set(["return_proposal", "withdraw_proposal"]);
  const actions = app.allowedActions.filter((a) => mine(a) && !ON_PROPOSAL.has(a));
  const others = app.allowedActions.filter((a) => !mine(a));
  const flags = meta.flags.filter((f) => app.flags[f.id as keyof Application["flags"]]);
  const documents = servedDocumentsOf(app);
  const pendingReceipts = documents.filter((d) => d.isAwaitingReceipt);
  const canRecordReceipt = mine("record_receipt");
  // The action answers slim (Prefer: return=minimal): its version, state and new events. The page
  // reads the whole case again (deadlines, flags, the applicant in full: that read is logged).
  const afterAction = () => reload();

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap align="center">
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          申请 {app.trackingNo}
        </Typography.Title>
        <Tag color={ENDED.has(app.state) ? "default" : "processing"} className="case-state">
          {app.stateLabel}
        </Tag>
        {flags.map((f) => (
          <Tag key={f.id}>{f.label}</Tag>
        ))}
        <Link to={`/applications/${app.id}/receipt`}>打印回执</Link>
      </Space>
      <Card size="small" title="可执行的操作">
        {actions.length > 0 ? (
          <Space wrap>
            {actions.map((type) => (
              <Button
                key={type}
                type={type === "decide" ? "primary" : "default"}
                onClick={() =>
                  type === "record_receipt"
                    ? setReceiptOf("")
                    : type === "amend_registration"
                      ? setAmending(true)
                      : setAction({ type })
                }
              >
                {actionTitle(type, app, meta)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {ENDED.has(app.state) && app.allowedActions.length === 0
              ? "本申请已办结，没有可执行的操作。"
              : "您的角色在当前状态下没有可执行的操作。"}
          </Typography.Text>
        )}
        {others.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              其他人员可执行：{others.map((t) => actionTitle(t, app, meta)).join("、")}
            </Typography.Text>
          </div>
        )}
      </Card>
      <ProposalCard
        app={app}
        canApprove={mine}
        canWithdraw={mine("withdraw_proposal")}
        onChoose={setAction}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Details app={app} />
            <ClocksCard app={app} today={today} calendar={calendar} />
            <DeliveryCard
              app={app}
              documents={documents}
              canRecord={canRecordReceipt}
              onRecord={(key) => setReceiptOf(key)}
            />
            <AppealsCard applicationId={app.id} canRecord={app.permissions.recordAppeal} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <EventsTimeline app={app} />
            {/* a new version may bring a new letter: read the list again */}
            <LettersCard key={app.version} app={app} onIssued={reload} />
            <Suspense fallback={null}>
              <DocumentsCard
                key={app.version}
                applicationId={app.id}
                canUpload={app.permissions.uploadDocuments}
              />
            </Suspense>
            <Suspense fallback={null}>
              <NoticesCard key={app.version} applicationId={app.id} />
            </Suspense>
          </Space>
        </Col>
      </Row>
      <ActionModal
        type={action?.type ?? null}
        title={action?.title}
        initial={action?.initial}
        app={app}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          afterAction();
        }}
        onConflict={() => {
          setAction(null);
          reload();
        }}
      />
      {amending && (
        <AmendRegistrationModal
          app={app}
          onClose={() => setAmending(false)}
          onDone={() => {
            setAmending(false);
            // a corrected applicant shows in full only through a GET of the case page
            reload();
          }}
          onConflict={() => {
            setAmending(false);
            reload();
          }}
        />
      )}
      {receiptOf !== null && pendingReceipts.length > 0 && (
        <RecordReceiptModal
          app={app}
          pending={pendingReceipts}
          initialKey={receiptOf || undefined}
          onClose={() => setReceiptOf(null)}
          onDone={() => {
            setReceiptOf(null);
            afterAction();
          }}
          onConflict={() => {
            setReceiptOf(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
