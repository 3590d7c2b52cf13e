import type { Dayjs } from "dayjs";
import { type FormEvent, useEffect, useState } from "react";
import { DeferredRangePicker } from "../components/deferred-range-picker.tsx";
import { fromPicker, toPicker } from "../lib/dates.ts";
import type { MetaIndex } from "../session/meta.tsx";

/** The filters the URL carries (besides view, sort, order and page). */
export const FILTER_KEYS = [
  "agency",
  "state",
  "applicantType",
  "channel",
  "receivedFrom",
  "receivedTo",
  "q",
  "dueBefore",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
type Draft = Partial<Record<FilterKey, string>>;

const draftOf = (params: URLSearchParams): Draft =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""]));

function Choice(props: {
  id: string;
  label: string;
  value: string | undefined;
  all: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  width: number;
}) {
  return (
    <div className="filter-item">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="ogi-input"
        style={{ width: props.width }}
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The 工作台's filters in plain HTML (native selects: no Ant Design Select, Form or Input on the
 * first rows); 查询 puts them into the URL, 重置 clears the URL. 收到日期 is Ant Design's
 * RangePicker, loaded when wanted (DeferredRangePicker).
 */
export function WorklistFilters(props: {
  params: URLSearchParams;
  meta: MetaIndex;
  agencies: { code: string; name: string }[];
  onApply(changes: Record<FilterKey, string | undefined>): void;
  onReset(): void;
}) {
  const { params, meta, agencies } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  useEffect(() => setDraft(draftOf(params)), [params]);
  const set = (k: FilterKey) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply({
      agency: draft.agency || undefined,
      state: draft.state || undefined,
      applicantType: draft.applicantType || undefined,
      channel: draft.channel || undefined,
      q: (draft.q ?? "").trim() || undefined,
      receivedFrom: draft.receivedFrom || undefined,
      receivedTo: draft.receivedTo || undefined,
      dueBefore: undefined,
    });
  };
  const labelled = (list: { id: string; label: string }[]) =>
    list.map((s) => ({ value: s.id, label: s.label }));
  const received: [Dayjs | null, Dayjs | null] = [
    toPicker(draft.receivedFrom) ?? null,
    toPicker(draft.receivedTo) ?? null,
  ];
  return (
    <form className="filters" aria-label="筛选申请" onSubmit={submit}>
      {agencies.length > 1 && (
        <Choice
          id="filter-agency"
          label="机关"
          all="全部机关"
          width={200}
          value={draft.agency}
          onChange={set("agency")}
          options={agencies.map((a) => ({ value: a.code, label: a.name }))}
        />
      )}
      <Choice
        id="filter-state"
        label="状态"
        all="全部"
        width={120}
        value={draft.state}
        onChange={set("state")}
        options={labelled(meta.states)}
      />
      <Choice
        id="filter-applicant-type"
        label="申请人类型"
        all="全部"
        width={140}
        value={draft.applicantType}
        onChange={set("applicantType")}
        options={labelled(meta.applicantTypes)}
      />
      <Choice
        id="filter-channel"
        label="申请方式"
        all="全部"
        width={200}
        value={draft.channel}
        onChange={set("channel")}
        options={labelled(meta.channels)}
      />
      <div className="filter-item">
        <label htmlFor="filter-received">收到日期</label>
        <DeferredRangePicker
          id={{ start: "filter-received" }}
          allowEmpty={[true, true]}
          value={received}
          onChange={(range) =>
            setDraft((d) => ({
              ...d,
              receivedFrom: fromPicker(range?.[0]) ?? "",
              receivedTo: fromPicker(range?.[1]) ?? "",
            }))
          }
        />
      </div>
      <div className="filter-item">
        <label htmlFor="filter-q">关键词</label>
        <input
          id="filter-q"
          type="search"
          className="ogi-input"
          style={{ width: 220 }}
          placeholder="编号、申请人或申请内容"
          value={draft.q ?? ""}
          onChange={(e) => set("q")(e.target.value)}
        />
      </div>
      <div className="filter-item">
        <button type="submit" className="ogi-button ogi-button-primary">
          查询
        </button>
        <button type="button" className="ogi-button" onClick={props.onReset}>
          重置
        </button>
      </div>
    </form>
  );
}
