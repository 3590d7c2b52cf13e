import { CHANNEL_LABELS, CHANNELS, type Channel } from "../domain/vocabulary.ts";
import type { Parsed } from "./ledger-types.ts";
import { type LabelVocabulary, matchLabel } from "./match-label.ts";

/** Besides the UI's labels and the ids: the labels without “申请” (当面, 网络, 信函（平常信函）…). */
const VOCABULARY: LabelVocabulary<Channel> = {
  what: "申请方式",
  entries: CHANNELS.map((id) => ({
    id,
    label: CHANNEL_LABELS[id],
    aliases: [CHANNEL_LABELS[id].replace("申请", "")],
  })),
};

/** 申请方式: a channel by its label (当面申请 …) or id (in_person …). */
export function parseChannel(text: string): Parsed<Channel> {
  return matchLabel(text, VOCABULARY);
}
