import type { CivilDate } from "./civil-date.ts";
import { REVIEW_LAW_2023_IN_FORCE } from "./statute.ts";
import type { AgencyKindId } from "./vocabulary.ts";

/** An agency as the review body rule sees it: its kind, and the name an admin set, if any. */
export interface ReviewedAgency {
  kind: AgencyKindId;
  /** Set by the agency admin where the tree does not tell (垂直管理, 行政复议法 art. 27). */
  reviewBodyOverride: string | null;
}

/** An agency above it in the tree, nearest first. */
export interface AncestorAgency {
  name: string;
  kind: AgencyKindId;
}

/** The review body (复议机关) a reply names, and why. */
export interface ReviewBody {
  /** “某县人民政府”, or “某县人民政府或者上一级主管部门” for a department before 2024. */
  name: string;
  /** Where the name comes from, in Chinese (the settings page shows it). */
  basis: string;
}

/**
 * The review body of an agency's act on `actOn` (行政复议法 art. 24; before 2024-01-01 the 2017
 * text's arts. 12, 13): the admin's setting when there is one; else the nearest people's
 * government above the agency in the tree: a department's own government (2023 art. 24 ¶1(一);
 * 2017 art. 12 ¶1 also allowed the department above, at the applicant's choice), a township's or a
 * government's government one level up (2023 art. 24 ¶1(二); 2017 art. 13 ¶1). null when the
 * tree has no government above and no setting: the letter must not guess.
 */
export function reviewBodyFor(
  agency: ReviewedAgency,
  ancestors: readonly AncestorAgency[],
  actOn: CivilDate,
): ReviewBody | null {
  const override = agency.reviewBodyOverride?.trim();
  if (override) return { name: override, basis: "本机关管理员设置的行政复议机关" };
  const government = ancestors.find((a) => a.kind === "government");
  if (!government) return null;
  const under2023 = actOn >= REVIEW_LAW_2023_IN_FORCE;
  switch (agency.kind) {
    case "department":
      return under2023
        ? {
            name: government.name,
            basis:
              "《中华人民共和国行政复议法》第二十四条第一款第（一）项：本级人民政府管辖对其工作部门的行政复议",
          }
        : {
            name: `${government.name}或者上一级主管部门`,
            basis:
              "《中华人民共和国行政复议法》（2017年修正）第十二条第一款：由申请人选择本级人民政府或者上一级主管部门",
          };
    case "township":
    case "government":
      return {
        name: government.name,
        basis: under2023
          ? "《中华人民共和国行政复议法》第二十四条第一款第（二）项：上一级人民政府管辖对下一级人民政府的行政复议"
          : "《中华人民共和国行政复议法》（2017年修正）第十三条第一款：向上一级地方人民政府申请行政复议",
      };
    default:
      return null;
  }
}
