import { Alert, Input, Modal, Typography } from "antd";
import { useState } from "react";

export const CONFIRM_PHRASE = "确认导入";

/** The last step before a real import: the admin types the phrase, since it writes many cases. */
export function LedgerConfirmModal(props: {
  open: boolean;
  agencyName: string;
  rows: number;
  years: string[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState("");
  const ready = typed.trim() === CONFIRM_PHRASE;
  return (
    <Modal
      open={props.open}
      title="正式导入台账"
      okText="正式导入"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !ready }}
      onOk={() => {
        if (ready) props.onConfirm();
      }}
      onCancel={props.onCancel}
      afterClose={() => setTyped("")}
      destroyOnHidden
    >
      <Typography.Paragraph>
        将向“{props.agencyName}”写入 <strong>{props.rows}</strong> 件申请
        {props.years.length > 0 && `（${props.years.map((y) => `${y}年`).join("、")}）`}
        ，写入后计入工作台和各年度报告。
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title="全部写入或全部不写入"
        description="导入过程中任何一行出错，整个文件都不会写入。请先核对上方的表三与台账一致。"
        style={{ marginBottom: 12 }}
      />
      <label htmlFor="ledger-confirm-input">
        请输入“{CONFIRM_PHRASE}”以继续：
        <Input
          id="ledger-confirm-input"
          aria-label="确认文字"
          value={typed}
          autoComplete="off"
          placeholder={CONFIRM_PHRASE}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => {
            if (ready) props.onConfirm();
          }}
          style={{ marginTop: 6 }}
        />
      </label>
    </Modal>
  );
}
