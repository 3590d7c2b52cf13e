import { Select } from "antd";
import { useEffect, useState } from "react";
import { type HandlerChoice, listAgencyHandlers } from "../api/assignment.ts";

/**
 * The agency's enabled handlers as a select (分办 at intake, 转办, 工作交接): name, username and
 * the open cases each already has. `exclude` leaves out one (the current handler, the one leaving).
 */
export function HandlerSelect(props: {
  agencyCode: string;
  exclude?: string | undefined;
  value?: string;
  onChange?: (username: string | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const [handlers, setHandlers] = useState<HandlerChoice[] | null>(null);
  useEffect(() => {
    let live = true;
    listAgencyHandlers(props.agencyCode)
      .then((p) => live && setHandlers(p.items))
      .catch(() => live && setHandlers([]));
    return () => {
      live = false;
    };
  }, [props.agencyCode]);
  const options = (handlers ?? [])
    .filter((h) => h.username !== props.exclude)
    .map((h) => ({
      value: h.username,
      label: `${h.displayName}（${h.username}）· 未办结 ${h.openCases} 件`,
    }));
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      loading={handlers === null}
      options={options}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      placeholder={props.placeholder ?? "选择本机关的承办人"}
      notFoundContent={handlers === null ? "正在载入…" : "本机关没有其他启用中的承办人"}
      aria-label="承办人"
    />
  );
}
