import type { RangePickerProps } from "antd/es/date-picker";
import { lazy, Suspense, useState } from "react";

const RangePicker = lazy(() => import("./range-picker.tsx"));

/**
 * A RangePicker whose code (Ant Design's DatePicker, ~31 KB gzip) loads only when it is wanted:
 * at once when it has a value, otherwise when the pointer or the focus reaches it. Until then a
 * read-only plain input of the same size stands in, so that the 工作台's first rows wait neither
 * for it nor for Ant Design's Input.
 */
export function DeferredRangePicker(props: RangePickerProps) {
  const [wanted, setWanted] = useState(false);
  const hasValue = Array.isArray(props.value) && props.value.some((v) => v != null);
  const placeholder = (
    <input
      readOnly
      id={typeof props.id === "string" ? props.id : props.id?.start}
      className="ogi-input deferred-range-picker"
      placeholder="开始日期 → 结束日期"
      style={{ width: 240 }}
      onPointerEnter={() => setWanted(true)}
      onFocus={() => setWanted(true)}
    />
  );
  if (!wanted && !hasValue) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <RangePicker {...props} />
    </Suspense>
  );
}
