import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { Link } from "react-router";
import type { Application } from "../api/types.ts";
import type { WorklistSort } from "../api/worklist.ts";
import type { Column } from "../components/data-table.tsx";
import { DeadlineTag } from "../components/deadline-tag.tsx";
import { PlainTag } from "../components/plain-tag.tsx";
import type { MetaIndex } from "../session/meta.tsx";

type SortedColumn = Column<Application> & { key: WorklistSort };

/**
 * The 工作台's columns: every one but 证件号码 sorts the whole list on the server
 * (sort=<key>&order=); 证件号码 is masked, so it does not. 机关 for those who see several.
 */
export function worklistColumns(props: {
  meta: MetaIndex;
  today: CivilDate;
  calendar: WorkingCalendar | null;
  showAgency: boolean;
}): Column<Application>[] {
  const { meta, today, calendar } = props;
  const sorted = (column: SortedColumn): Column<Application> => ({ ...column, sortable: true });
  const columns: Column<Application>[] = [
    sorted({
      key: "trackingNo",
      title: "编号",
      className: "nowrap",
      render: (a) => <Link to={`/applications/${a.id}`}>{a.trackingNo}</Link>,
    }),
    sorted({ key: "applicant", title: "申请人", render: (a) => a.applicant.name }),
    // masked by the server (src/domain/personal-data.ts): a list never shows the full number
    {
      key: "idNumber",
      title: "证件号码",
      className: "masked-id",
      render: (a) => a.applicant.idNumber ?? "—",
    },
    sorted({
      key: "applicantType",
      title: "申请人类型",
      render: (a) => meta.label("applicantTypes", a.applicant.type),
    }),
    sorted({
      key: "channel",
      title: "申请方式",
      render: (a) => meta.label("channels", a.channel).replace(/（.*）/, ""),
    }),
    sorted({ key: "receivedOn", title: "收到日期", className: "nowrap", render: (a) => a.receivedOn }),
    sorted({ key: "state", title: "状态", render: (a) => a.stateLabel }),
    sorted({
      key: "urgency",
      title: "最近期限",
      render: (a) =>
        a.nextDue ? (
          <span className="ogi-tags next-due" data-clock={a.nextDue.kind}>
            <span>{a.nextDue.dueOn}</span>
            <PlainTag
              color={a.nextDue.dueOn < today ? "red" : a.nextDue.dueOn === today ? "orange" : "default"}
            >
              {a.nextDue.label}
            </PlainTag>
          </span>
        ) : (
          "—"
        ),
    }),
    sorted({
      key: "due",
      title: "答复期限",
      render: (a) => <DeadlineTag clock={a.deadlines.reply} today={today} calendar={calendar} />,
    }),
    sorted({ key: "handler", title: "承办人", render: (a) => a.handler ?? "—" }),
  ];
  if (props.showAgency)
    columns.splice(1, 0, sorted({ key: "agency", title: "机关", render: (a) => a.agencyName }));
  return columns;
}
