/**
 * Report templates: the first report lists the first-report elements; a
 * follow-up lists only what changed since the last report.
 *
 * First-report elements (DOMAIN §2; 国务院应急办 2015 notice): 接报时间
 * (24-hour clock), 信息来源, 事发时间, 事发地点, 事件性质, 影响范围,
 * 人员伤亡和财产损失, 发展趋势, 领导到位情况, 已采取措施. Official reports are
 * written in Chinese, so the template is Chinese whatever the UI language.
 */
import type { IncidentCategory, IncidentLevel, IncidentSubType } from './incident';
import { levelRoman } from './incident';
import { localParts } from '../time';

export interface ReportableIncident {
  title: string;
  category: IncidentCategory;
  subType: IncidentSubType;
  level: IncidentLevel;
  occurredAt: string;
  learnedAt: string;
  location: string | null;
  unit: string | null;
  source: string | null;
  description: string | null;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  injuries: number;
  directLossYuan: number;
  scope: string | null;
  trend: string | null;
  leadersOnSite: string | null;
  measures: string | null;
}

export const categoryNames: Record<IncidentCategory, string> = {
  natural: '自然灾害',
  accident: '事故灾难',
  health: '公共卫生事件',
  social: '社会安全事件',
};

export const subTypeNames: Record<IncidentSubType, string> = {
  flood_drought: '水旱灾害',
  meteorological: '气象灾害',
  earthquake: '地震灾害',
  geological: '地质灾害',
  marine: '海洋灾害',
  biological: '生物灾害',
  forest_fire: '森林草原火灾',
  industrial: '工矿商贸等企业安全事故',
  road_traffic: '道路交通事故',
  other_transport: '其他交通运输事故',
  fire: '火灾事故',
  facility: '公共设施和设备事故',
  environment: '环境污染和生态破坏事件',
  epidemic: '传染病疫情',
  unexplained_illness: '群体性不明原因疾病',
  food_occupational: '食品安全和职业危害',
  animal_epidemic: '动物疫情',
  terrorism: '恐怖袭击事件',
  economic: '经济安全事件',
  foreign: '涉外突发事件',
  mass: '群体性事件',
  other: '其他',
};

export const levelNames: Record<IncidentLevel, string> = { 1: '特别重大', 2: '重大', 3: '较大', 4: '一般' };

/** "Ⅲ级（较大）" */
export const levelLabel = (l: IncidentLevel): string => `${levelRoman[l]}级（${levelNames[l]}）`;

/** 2026年11月25日21时40分 (24-hour clock, desk time zone). */
export function officialTime(isoInstant: string, tz: string): string {
  const p = localParts(Date.parse(isoInstant), tz);
  return `${p.year}年${p.month}月${p.day}日${String(p.hour).padStart(2, '0')}时${String(p.minute).padStart(2, '0')}分`;
}

/** 1234.5 万元 style: loss in yuan → 万元 with up to 2 decimals. */
export function wanYuan(yuan: number): string {
  const v = Math.round((yuan / 10_000) * 100) / 100;
  return `${v}万元`;
}

export function casualtiesText(
  i: Pick<ReportableIncident, 'deaths' | 'missing' | 'seriousInjuries' | 'injuries' | 'directLossYuan'>,
): string {
  const parts: string[] = [];
  parts.push(i.deaths > 0 ? `死亡${i.deaths}人` : '无人员死亡');
  if (i.missing > 0) parts.push(`失踪${i.missing}人`);
  if (i.seriousInjuries > 0) parts.push(`重伤${i.seriousInjuries}人`);
  if (i.injuries > 0) parts.push(`轻伤${i.injuries}人`);
  parts.push(i.directLossYuan > 0 ? `初步估计直接经济损失${wanYuan(i.directLossYuan)}` : '直接经济损失正在统计');
  return parts.join('，');
}

const orPending = (s: string | null): string => (s && s.trim() ? s.trim() : '正在核实');

/** The body of a 首报. */
export function firstReportText(i: ReportableIncident, tz: string): string {
  return [
    `一、接报时间：${officialTime(i.learnedAt, tz)}`,
    `二、信息来源：${orPending(i.source)}`,
    `三、事发时间：${officialTime(i.occurredAt, tz)}`,
    `四、事发地点：${orPending(i.location)}${i.unit ? `（${i.unit}）` : ''}`,
    `五、事件性质：${categoryNames[i.category]}·${subTypeNames[i.subType]}，初判${levelLabel(i.level)}。${i.title}。${i.description ? i.description.trim() : ''}`,
    `六、影响范围：${orPending(i.scope)}`,
    `七、人员伤亡和财产损失：${casualtiesText(i)}`,
    `八、发展趋势：${orPending(i.trend)}`,
    `九、领导到位情况：${orPending(i.leadersOnSite)}`,
    `十、已采取措施：${orPending(i.measures)}`,
  ].join('\n');
}

const fieldLabels: Partial<Record<keyof ReportableIncident, string>> = {
  title: '事件名称',
  level: '事件等级',
  location: '事发地点',
  unit: '涉事单位',
  description: '事件情况',
  scope: '影响范围',
  trend: '发展趋势',
  leadersOnSite: '领导到位情况',
  measures: '已采取措施',
};

/** What changed between two versions, in report language; empty when nothing did. */
export function changesText(prev: ReportableIncident, cur: ReportableIncident): string[] {
  const out: string[] = [];
  const casualtyKeys = ['deaths', 'missing', 'seriousInjuries', 'injuries', 'directLossYuan'] as const;
  if (casualtyKeys.some((k) => prev[k] !== cur[k])) {
    out.push(`人员伤亡和财产损失更新为：${casualtiesText(cur)}（前报：${casualtiesText(prev)}）`);
  }
  for (const [k, label] of Object.entries(fieldLabels) as [keyof ReportableIncident, string][]) {
    if (prev[k] === cur[k]) continue;
    if (k === 'level') out.push(`${label}调整为${levelLabel(cur.level)}（前报：${levelLabel(prev.level)}）`);
    else out.push(`${label}：${orPending(cur[k] as string | null)}`);
  }
  return out;
}

/** The body of a 续报 or 终报: only what changed, then the latest instructions. */
export function followupReportText(
  prev: ReportableIncident,
  cur: ReportableIncident,
  opts: { final: boolean; instructions: { leaderName: string; text: string }[] },
): string {
  const changes = changesText(prev, cur);
  const lines = [`${cur.title}，现将有关情况续报如下：`];
  if (opts.final) lines[0] = `${cur.title}，处置工作已结束，现将有关情况报告如下：`;
  if (changes.length === 0) lines.push('与前报相比，事件情况无新的变化。');
  else changes.forEach((c, n) => lines.push(`${n + 1}. ${c}`));
  for (const ins of opts.instructions) lines.push(`领导批示：${ins.leaderName}：${ins.text}`);
  if (opts.final) lines.push(`最终情况：${casualtiesText(cur)}。`);
  return lines.join('\n');
}
