/**
 * 申请人信息: the fields each applicant type needs. A natural person: 姓名, 证件类型 and 证件号码
 * (居民身份证 checked to its check digit); a legal person or other organisation: 名称,
 * 统一社会信用代码 (checked), 法定代表人 and 联系人. Then the contact details for both.
 */

import { ID_TYPE_LABELS, type IdType, PERSON_ID_TYPES } from "@domain/identity-numbers.ts";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from "@domain/vocabulary.ts";
import { type Draft, type DraftField, isPerson, type Problems } from "./application-draft.ts";
import { SelectField, TextField } from "./form-controls.tsx";

const TYPE_OPTIONS = APPLICANT_TYPES.map((t) => ({
  value: t,
  label: t === "other_org" ? "其他组织" : APPLICANT_TYPE_LABELS[t],
}));
const ID_OPTIONS = PERSON_ID_TYPES.map((t) => ({
  value: t as IdType,
  label: t === "other" ? "其他" : ID_TYPE_LABELS[t],
}));

export function ApplicantFields(props: {
  draft: Draft;
  problems: Problems;
  set: <K extends DraftField>(field: K, value: Draft[K]) => void;
}) {
  const { draft: d, problems: p, set } = props;
  const person = isPerson(d);
  return (
    <section className="card" aria-labelledby="applicant-title">
      <h2 id="applicant-title">申请人信息</h2>
      <SelectField
        label="申请人类型"
        required
        value={d.type}
        options={TYPE_OPTIONS}
        onChange={(v) => set("type", v)}
      />
      <TextField
        label={person ? "姓名" : "单位名称"}
        required
        value={d.name}
        error={p.name}
        maxLength={100}
        autoComplete={person ? "name" : "organization"}
        onChange={(v) => set("name", v)}
      />
      {person ? (
        <>
          <SelectField
            label="证件类型"
            required
            value={d.idType}
            options={ID_OPTIONS}
            onChange={(v) => set("idType", v)}
          />
          <TextField
            label="证件号码"
            required
            value={d.idNumber}
            error={p.idNumber}
            maxLength={50}
            hint={d.idType === "resident_id" ? "18位，最后一位可能是X" : undefined}
            onChange={(v) => set("idNumber", v)}
          />
        </>
      ) : (
        <>
          <TextField
            label="统一社会信用代码"
            required
            value={d.idNumber}
            error={p.idNumber}
            maxLength={18}
            hint="18位数字或大写字母，见营业执照或登记证书"
            onChange={(v) => set("idNumber", v)}
          />
          <TextField
            label="法定代表人"
            required
            value={d.legalRepresentative}
            error={p.legalRepresentative}
            maxLength={100}
            hint="或主要负责人"
            onChange={(v) => set("legalRepresentative", v)}
          />
          <TextField
            label="联系人"
            required
            value={d.contactPerson}
            error={p.contactPerson}
            maxLength={100}
            onChange={(v) => set("contactPerson", v)}
          />
        </>
      )}
      <TextField
        label="联系电话"
        required
        value={d.phone}
        error={p.phone}
        inputMode="tel"
        autoComplete="tel"
        maxLength={30}
        hint="查询办理进度时需要输入电话号码或证件号码的后4位"
        onChange={(v) => set("phone", v)}
      />
      <TextField
        label="电子邮箱"
        value={d.email}
        error={p.email}
        inputMode="email"
        autoComplete="email"
        maxLength={200}
        hint="填写后，办理进展和文书会发送到此邮箱"
        onChange={(v) => set("email", v)}
      />
      <TextField
        label="通信地址"
        value={d.address}
        error={p.address}
        autoComplete="street-address"
        maxLength={200}
        hint="选择纸质邮寄时必填，请写明邮政编码"
        onChange={(v) => set("address", v)}
      />
    </section>
  );
}
