/**
 * The online application as the applicant fills it in, its checks (the domain's own rules for
 * ID numbers, credit codes and phones: src/domain/identity-numbers.ts, the same the server
 * applies) and the JSON the public API takes.
 */
import { type IdType, idNumberProblem, phoneProblem } from "@domain/identity-numbers.ts";
import { todayInChina } from "./plain-words.ts";
import type { ApplicantKind, SubmissionInput } from "./portal-api.ts";

export interface Draft {
  agencyCode: string;
  agencyName: string;
  type: ApplicantKind;
  name: string;
  idType: IdType;
  idNumber: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  description: string;
  deliveryForm: string;
}

export const EMPTY_DRAFT: Draft = {
  agencyCode: "",
  agencyName: "",
  type: "natural_person",
  name: "",
  idType: "resident_id",
  idNumber: "",
  legalRepresentative: "",
  contactPerson: "",
  phone: "",
  email: "",
  address: "",
  description: "",
  deliveryForm: "",
};

export type DraftField = keyof Draft;
export type Problems = Partial<Record<DraftField, string>>;

export const isPerson = (d: Pick<Draft, "type">) => d.type === "natural_person";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the draft, by field (empty when it may be reviewed). */
export function draftProblems(d: Draft): Problems {
  const p: Problems = {};
  const person = isPerson(d);
  if (!d.agencyCode) p.agencyCode = "请选择向哪个机关申请";
  if (!d.name.trim()) p.name = person ? "请填写姓名" : "请填写单位名称";
  if (!d.idNumber.trim()) p.idNumber = person ? "请填写证件号码" : "请填写统一社会信用代码";
  else {
    const problem = idNumberProblem(person ? d.idType : "uscc", d.idNumber, todayInChina());
    if (problem) p.idNumber = person ? `证件号码${problem}` : `统一社会信用代码${problem}`;
  }
  if (!person && !d.legalRepresentative.trim()) p.legalRepresentative = "请填写法定代表人或主要负责人";
  if (!person && !d.contactPerson.trim()) p.contactPerson = "请填写联系人";
  if (!d.phone.trim()) p.phone = "请填写联系电话";
  else {
    const problem = phoneProblem(d.phone);
    if (problem) p.phone = `联系电话${problem}`;
  }
  if (d.email.trim() && !EMAIL.test(d.email.trim())) p.email = "电子邮箱格式不正确";
  if (d.deliveryForm === "电子邮件" && !d.email.trim()) p.email = "选择电子邮件获取时，请填写电子邮箱";
  if (d.deliveryForm === "纸质邮寄" && !d.address.trim()) p.address = "选择纸质邮寄时，请填写通信地址";
  if (!d.description.trim()) p.description = "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述";
  if (!d.deliveryForm) p.deliveryForm = "请选择获取信息的方式";
  return p;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The body of `POST /api/v1/public/applications` (empty fields left out). */
export function toSubmission(d: Draft): SubmissionInput {
  const person = isPerson(d);
  /** `{key: value}` when the field was filled in, else nothing (the key left out). */
  const filled = <K extends string>(key: K, s: string) => {
    const v = opt(s);
    return v === undefined ? {} : ({ [key]: v } as { [P in K]: string });
  };
  const applicant: SubmissionInput["applicant"] = {
    type: d.type,
    name: d.name.trim(),
    idType: person ? d.idType : "uscc",
    idNumber: d.idNumber.trim().toUpperCase(),
    ...(person ? {} : filled("legalRepresentative", d.legalRepresentative)),
    ...(person ? {} : filled("contactPerson", d.contactPerson)),
    ...filled("phone", d.phone),
    ...filled("email", d.email),
    ...filled("address", d.address),
  };
  return {
    agencyCode: d.agencyCode,
    applicant,
    description: d.description.trim(),
    deliveryForm: d.deliveryForm,
  };
}

/** A server's field path (`applicant.idNumber`) as the draft's field. */
export function draftFieldOf(path: string | undefined): DraftField | undefined {
  if (!path) return undefined;
  const last = path
    .split(/[.[\]/]/)
    .filter(Boolean)
    .pop();
  return last && last in EMPTY_DRAFT ? (last as DraftField) : undefined;
}
