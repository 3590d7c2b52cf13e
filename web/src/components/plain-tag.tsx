import type { ReactNode } from "react";

/** Ant Design's preset tag colours this UI uses (styles.css `.ogi-tag-*`). */
export type TagColor = "default" | "red" | "orange" | "green" | "blue" | "volcano" | "purple" | "gold";

/**
 * A tag in Ant Design's look without its code (a span and styles.css), for the 工作台 and the
 * layout, which must load little JavaScript. Other attributes (data-*, title) pass through.
 */
export function PlainTag(props: {
  color?: string;
  children: ReactNode;
  title?: string;
  className?: string;
  [data: `data-${string}`]: string | undefined;
}) {
  const { color = "default", children, className, ...rest } = props;
  return (
    <span {...rest} className={`ogi-tag ogi-tag-${color}${className ? ` ${className}` : ""}`}>
      {children}
    </span>
  );
}
