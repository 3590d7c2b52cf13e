/**
 * Citations of the Regulation (《中华人民共和国政府信息公开条例》) as the letters print them:
 * 第三十六条第（二）项, 第十六条第一款, 第十五条、第三十二条.
 */

export const REGULATION_NAME = "《中华人民共和国政府信息公开条例》";

/** One provision: an article (条), optionally its paragraph (款) and item (项). */
export interface RegulationArticle {
  article: number;
  paragraph?: number;
  item?: number;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** 1 → 一, 10 → 十, 16 → 十六, 36 → 三十六 (1–99, as article numbers of the Regulation). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`条款序号 ${n} 超出范围`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? "" : tens === 1 ? "十" : `${DIGITS[tens]}十`;
  return `${head}${ones === 0 ? "" : DIGITS[ones]}`;
}

/** “第三十六条第（二）项” */
export function formatArticle(a: RegulationArticle): string {
  const paragraph = a.paragraph === undefined ? "" : `第${chineseNumeral(a.paragraph)}款`;
  const item = a.item === undefined ? "" : `第（${chineseNumeral(a.item)}）项`;
  return `第${chineseNumeral(a.article)}条${paragraph}${item}`;
}

/** “第十五条、第三十二条” */
export function formatArticles(articles: readonly RegulationArticle[]): string {
  return articles.map(formatArticle).join("、");
}

/** “《中华人民共和国政府信息公开条例》第十五条、第三十二条”, or "" when there is none. */
export function citeRegulation(articles: readonly RegulationArticle[]): string {
  return articles.length === 0 ? "" : `${REGULATION_NAME}${formatArticles(articles)}`;
}
