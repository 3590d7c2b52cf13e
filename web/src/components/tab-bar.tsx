import { type KeyboardEvent, useRef } from "react";

/**
 * Tabs as the WAI-ARIA pattern: a role="tablist" of buttons, the selected one aria-selected and
 * in the tab order, the arrow keys (and Home, End) move between them. The content below is the
 * caller's (`panelId` names it, for aria-controls). Styled like Ant Design's line tabs.
 */
export function TabBar<K extends string>(props: {
  label: string;
  tabs: { key: K; label: string }[];
  active: K;
  onChange(key: K): void;
  panelId: string;
  className?: string;
}) {
  const { tabs, active, onChange } = props;
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : e.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : -1;
    const tab = tabs[to];
    if (!tab) return;
    e.preventDefault();
    onChange(tab.key);
    list.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[to]?.focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={props.label}
      className={`tab-bar${props.className ? ` ${props.className}` : ""}`}
    >
      {tabs.map((t, i) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          id={`${props.panelId}-tab-${t.key}`}
          aria-selected={t.key === active}
          aria-controls={props.panelId}
          tabIndex={t.key === active ? 0 : -1}
          className={t.key === active ? "tab-bar-tab tab-bar-active" : "tab-bar-tab"}
          onClick={() => onChange(t.key)}
          onKeyDown={(e) => move(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
