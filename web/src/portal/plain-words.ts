/**
 * The words the portal shows an applicant: dates in Chinese, the deadline as a sentence, the
 * ways to receive the information. The stage comes in words from the server (stageLabel).
 */

/** `2026-12-21` → `2026年12月21日`. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A time stamp as the applicant reads it, in China's time. */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(d);
  return parts;
}

/** Today in China (`YYYY-MM-DD`): an ID number's birth date may not be after it. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** 获取信息的方式 the applicant may choose (art. 29: 获取信息的方式、途径). */
export const DELIVERY_FORMS = ["纸质邮寄", "当面领取", "电子邮件", "网上下载"] as const;
export type DeliveryFormChoice = (typeof DELIVERY_FORMS)[number];

/**
 * The deadline as one sentence: 本机关最迟应于2026年12月21日（含当日）答复您. The due date is the
 * last day allowed (DOMAIN.md §5), so not "…前", which reads as the day before.
 */
export function deadlineSentence(dueOn: string): string {
  return `本机关最迟应于${chineseDate(dueOn)}（含当日）答复您`;
}

/** 12 345 bytes → 12.1 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
