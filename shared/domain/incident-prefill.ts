/**
 * An incident form prefilled from the call that reported it.
 *
 * The title is the event's nature in a few words, not the whole call: the
 * caller's framing ("区应急局来电：", "报告") goes, the first clause stays,
 * "发生" drops out ("某化工厂发生燃气爆炸，已造成4人死亡" → "某化工厂燃气爆炸").
 * The whole call goes to the description, so nothing is lost. 涉事单位 is left
 * empty: the caller's unit reported the event, it is the 信息来源.
 */
import { invisibleInLine } from '../contract/common';
import { firstChars } from '../text';

const invisibleAll = new RegExp(invisibleInLine.source, 'gu');

const callerFrame =
  /^[^，。,：:]{0,24}?(?:来电报告|来电反映|来电称|电话报告|来电|来文|报告称|报告|反映|通报|称)[：:，,\s]*/u;
const clauseEnd = /[，。；;,！!？?\n]/u;

export function incidentTitleFromCall(summary: string): string {
  // A title is one line: the invisible characters a one-line field refuses (the joiner of an emoji family
  // among them) go, so the proposed title is one the form can save.
  let s = summary.replace(invisibleAll, '').trim();
  const framed = callerFrame.exec(s);
  // Only strip a frame that leaves something to name the event with.
  if (framed && s.length - framed[0].length >= 4) s = s.slice(framed[0].length);
  const end = s.search(clauseEnd);
  if (end > 0) s = s.slice(0, end);
  s = s.replace(/(?<=.)(?:突然)?发生(?:了)?(?:一起|一宗|一处)?/u, '').trim();
  // Cut by user-perceived characters: never inside an emoji (a ZWJ family or a skin tone is one character).
  return firstChars(s, 30);
}

/** The description: what the caller said, in full (summary, then the detail). */
export function incidentDescriptionFromCall(summary: string, detail: string | null): string {
  return [summary.trim(), detail?.trim()].filter(Boolean).join('\n');
}
