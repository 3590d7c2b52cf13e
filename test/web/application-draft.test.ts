// The portal's online application form (web/src/portal/application-draft.ts): what it asks the
// applicant to mend, field by field, with the server's own rules for ID numbers and phones, and
// the JSON it sends.
import { describe, expect, it } from "vitest";
import {
  type Draft,
  draftFieldOf,
  draftProblems,
  EMPTY_DRAFT,
  toSubmission,
} from "../../web/src/portal/application-draft.ts";

const person: Draft = {
  ...EMPTY_DRAFT,
  agencyCode: "myz",
  agencyName: "梅园镇人民政府",
  name: " 张三 ",
  idNumber: "11010519491231002x",
  phone: "13800138000",
  description: " 本镇2025年道路修缮工程的招标文件 ",
  deliveryForm: "电子邮件",
  email: "zhangsan@example.com",
};

const company: Draft = {
  ...person,
  type: "commercial_enterprise",
  name: "某某科技有限公司",
  idNumber: "91350100M000100Y43",
  legalRepresentative: "李四",
  contactPerson: "王五",
};

describe("draftProblems", () => {
  it("finds nothing wrong with a complete application, a person's or an enterprise's", () => {
    expect(draftProblems(person)).toEqual({});
    expect(draftProblems(company)).toEqual({});
  });

  it("names every missing field in words the applicant can act on", () => {
    expect(draftProblems(EMPTY_DRAFT)).toEqual({
      agencyCode: "请选择向哪个机关申请",
      name: "请填写姓名",
      idNumber: "请填写证件号码",
      phone: "请填写联系电话",
      description: "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述",
      deliveryForm: "请选择获取信息的方式",
    });
    const emptyCompany = draftProblems({ ...EMPTY_DRAFT, type: "commercial_enterprise" });
    expect(emptyCompany.name).toBe("请填写单位名称");
    expect(emptyCompany.idNumber).toBe("请填写统一社会信用代码");
    expect(emptyCompany.legalRepresentative).toBe("请填写法定代表人或主要负责人");
    expect(emptyCompany.contactPerson).toBe("请填写联系人");
  });

  it("checks ID numbers, credit codes, phones and mail addresses by the server's rules", () => {
    expect(draftProblems({ ...person, idNumber: "110105194912310021" }).idNumber).toMatch(/^证件号码/);
    expect(draftProblems({ ...company, idNumber: "91350100M000100Y44" }).idNumber).toMatch(
      /^统一社会信用代码/,
    );
    expect(draftProblems({ ...person, phone: "12345" }).phone).toMatch(/^联系电话/);
    expect(draftProblems({ ...person, email: "zhangsan@" }).email).toBe("电子邮箱格式不正确");
  });

  it("asks for the address or mailbox the chosen way of delivery needs", () => {
    expect(draftProblems({ ...person, email: " " }).email).toBe("选择电子邮件获取时，请填写电子邮箱");
    expect(draftProblems({ ...person, deliveryForm: "纸质邮寄" }).address).toBe(
      "选择纸质邮寄时，请填写通信地址",
    );
    expect(draftProblems({ ...person, deliveryForm: "纸质邮寄", address: "梅园镇人民路1号" })).toEqual({});
  });
});

describe("toSubmission", () => {
  it("trims the fields, upper-cases the ID number and leaves out what was not filled in", () => {
    expect(toSubmission(person)).toEqual({
      agencyCode: "myz",
      applicant: {
        type: "natural_person",
        name: "张三",
        idType: "resident_id",
        idNumber: "11010519491231002X",
        phone: "13800138000",
        email: "zhangsan@example.com",
      },
      description: "本镇2025年道路修缮工程的招标文件",
      deliveryForm: "电子邮件",
    });
  });

  it("sends an organisation's credit code as uscc, with its representative and contact", () => {
    const { applicant } = toSubmission({ ...company, email: "", address: " 梅园镇人民路1号 " });
    expect(applicant).toEqual({
      type: "commercial_enterprise",
      name: "某某科技有限公司",
      idType: "uscc",
      idNumber: "91350100M000100Y43",
      legalRepresentative: "李四",
      contactPerson: "王五",
      phone: "13800138000",
      address: "梅园镇人民路1号",
    });
  });
});

describe("draftFieldOf", () => {
  it("maps a server's field path to the form's field, or to nothing", () => {
    expect(draftFieldOf("applicant.idNumber")).toBe("idNumber");
    expect(draftFieldOf("description")).toBe("description");
    expect(draftFieldOf("applicant.unknown")).toBeUndefined();
    expect(draftFieldOf(undefined)).toBeUndefined();
  });
});
