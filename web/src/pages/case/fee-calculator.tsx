import { computeItemFee } from "@domain/fees/compute-item-fee.ts";
import { computeVolumeFee } from "@domain/fees/compute-volume-fee.ts";
import type { FeeResult } from "@domain/fees/fee-types.ts";
import { Alert, Button, Form, InputNumber, Space } from "antd";
import { useState } from "react";

/**
 * The fee rules' calculator (国办函〔2020〕109号, src/domain/fees): per item, cumulative per
 * applicant and month; per volume, by pages. The result fills the amount field.
 */
export function FeeCalculator(props: { basis: string | undefined; onUse: (amountYuan: number) => void }) {
  const [earlier, setEarlier] = useState<number | null>(0);
  const [count, setCount] = useState<number | null>(null);
  let result: FeeResult | null = null;
  let problem: string | null = null;
  try {
    if (count !== null) {
      result =
        props.basis === "per_item"
          ? computeItemFee({ itemsEarlierThisMonth: earlier ?? 0, items: count })
          : computeVolumeFee(count);
    }
  } catch (e) {
    problem = (e as Error).message;
  }
  const perItem = props.basis === "per_item";
  return (
    <div className="fee-calculator" style={{ background: "#fafafa", padding: 12, marginBottom: 16 }}>
      <Space wrap>
        {perItem && (
          <Form.Item label="本月此前已申请件数" style={{ marginBottom: 0 }}>
            <InputNumber min={0} value={earlier} onChange={setEarlier} />
          </Form.Item>
        )}
        <Form.Item label={perItem ? "本次申请件数" : "页数"} style={{ marginBottom: 0 }}>
          <InputNumber min={0} value={count} onChange={setCount} />
        </Form.Item>
        {result && (
          <Button onClick={() => result && props.onUse(result.amountYuan)}>
            使用计算结果 {result.amountYuan} 元
          </Button>
        )}
      </Space>
      {result && (
        <ul className="explanation" aria-label="收费计算">
          {result.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {problem && <Alert type="error" title={problem} showIcon style={{ marginTop: 8 }} />}
    </div>
  );
}
