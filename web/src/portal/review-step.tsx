/** 确认申请信息: everything the applicant typed, read back before it is sent. */

import { ID_TYPE_LABELS } from "@domain/identity-numbers.ts";
import { APPLICANT_TYPE_LABELS } from "@domain/vocabulary.ts";
import { type Draft, isPerson } from "./application-draft.ts";
import { fileSize } from "./plain-words.ts";

function Row(props: { label: string; value: string | undefined }) {
  if (!props.value) return null;
  return (
    <div className="review-row">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

export function ReviewList(props: { draft: Draft; files: File[] }) {
  const { draft: d, files } = props;
  const person = isPerson(d);
  return (
    <dl className="review" aria-label="申请信息">
      <Row label="受理机关" value={d.agencyName} />
      <Row label="申请人类型" value={person ? "自然人" : APPLICANT_TYPE_LABELS[d.type]} />
      <Row label={person ? "姓名" : "单位名称"} value={d.name.trim()} />
      <Row
        label={person ? ID_TYPE_LABELS[d.idType] : "统一社会信用代码"}
        value={d.idNumber.trim().toUpperCase()}
      />
      {!person && <Row label="法定代表人" value={d.legalRepresentative.trim()} />}
      {!person && <Row label="联系人" value={d.contactPerson.trim()} />}
      <Row label="联系电话" value={d.phone.trim()} />
      <Row label="电子邮箱" value={d.email.trim()} />
      <Row label="通信地址" value={d.address.trim()} />
      <Row label="所需信息" value={d.description.trim()} />
      <Row label="获取信息的方式" value={d.deliveryForm} />
      <Row
        label="附件"
        value={files.length ? files.map((f) => `${f.name}（${fileSize(f.size)}）`).join("、") : "无"}
      />
    </dl>
  );
}
