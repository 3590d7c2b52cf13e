/**
 * 选择受理机关: the agency tree of `GET /api/v1/public/agencies` as an indented list of choices,
 * with a search box that keeps the matching agencies and shows where each sits in the tree.
 */
import { useEffect, useId, useMemo, useState } from "react";
import { Notice } from "./form-controls.tsx";
import { fetchAgencies, type PublicAgency } from "./portal-api.ts";

interface Row {
  code: string;
  name: string;
  depth: number;
  /** The names above it, from the top: 某县人民政府 › 某镇人民政府. */
  path: string;
}

interface FlatAgency extends PublicAgency {
  parentCode?: string | null;
}

/** The tree (nested, or flat with parentCode) as rows in tree order. */
function toRows(agencies: FlatAgency[]): Row[] {
  const nested = agencies.some((a) => a.children?.length)
    ? agencies
    : agencies
        .filter((a) => !a.parentCode || !agencies.some((p) => p.code === a.parentCode))
        .map(function nest(a: FlatAgency): PublicAgency {
          return { ...a, children: agencies.filter((c) => c.parentCode === a.code).map(nest) };
        });
  const rows: Row[] = [];
  const walk = (list: PublicAgency[], depth: number, above: string[]) => {
    for (const a of list) {
      rows.push({ code: a.code, name: a.name, depth, path: above.join(" › ") });
      walk(a.children ?? [], depth + 1, [...above, a.name]);
    }
  };
  walk(nested, 0, []);
  return rows;
}

export function AgencyPicker(props: {
  value: string;
  error?: string | undefined;
  onChange: (code: string, name: string) => void;
}) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const id = useId();
  useEffect(() => {
    fetchAgencies()
      .then((a) => setRows(toRows(Array.isArray(a) ? a : a.agencies)))
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  const shown = useMemo(() => {
    const q = query.trim();
    if (!rows || !q) return rows ?? [];
    return rows.filter((r) => r.name.includes(q) || r.path.includes(q));
  }, [rows, query]);
  const chosen = rows?.find((r) => r.code === props.value);
  return (
    <fieldset className={props.error ? "field has-error" : "field"}>
      <legend>
        受理机关
        <span className="required" aria-hidden="true">
          *
        </span>
      </legend>
      {chosen && (
        <p className="chosen" aria-live="polite">
          已选择：<strong>{chosen.name}</strong>
        </p>
      )}
      <label htmlFor={id} className="sub-label">
        搜索机关
      </label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder="输入机关名称中的字，如“镇”“局”"
        onChange={(e) => setQuery(e.target.value)}
      />
      {loadError && <Notice tone="error">机关列表载入失败：{loadError}</Notice>}
      {!rows && !loadError && <p className="hint">正在载入机关列表……</p>}
      <div className="agency-list" role="radiogroup" aria-label="受理机关">
        {shown.map((r) => (
          <label
            key={r.code}
            className={r.code === props.value ? "agency checked" : "agency"}
            style={query.trim() ? undefined : { paddingLeft: `${0.75 + r.depth * 1.25}rem` }}
          >
            <input
              type="radio"
              name="agency"
              value={r.code}
              checked={r.code === props.value}
              onChange={() => props.onChange(r.code, r.name)}
            />
            <span>
              {r.name}
              {query.trim() && r.path && <small className="agency-path">{r.path}</small>}
            </span>
          </label>
        ))}
        {rows && shown.length === 0 && <p className="hint">没有名称含“{query.trim()}”的机关</p>}
      </div>
      <p className="hint">请向制作或保存所需信息的机关申请；不确定时可选择所在县（区）人民政府。</p>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
