/**
 * Demo data of the duty log and incidents: 5–30 log entries a duty day and a
 * few incidents a month over the whole history, with their report chains
 * (some late, as real desks have), escalations, instructions and deadlines.
 *
 * Deterministic (ctx.rng), written a month per transaction through the audited
 * write path (log entries audited one row per duty day, incidents one row per
 * change); nothing later than the core clock's now.
 */
import type { SeedCtx } from './types';
import type { WriteCtx } from '../context';
import type { IncidentFields } from '../../../shared/contract';
import { type LogKind } from '../../../shared/domain/log';
import {
  incidentSubTypes,
  reportTitle,
  type IncidentCategory,
  type IncidentLevel,
  type IncidentSubType,
} from '../../../shared/domain/incident';
import { gradeWorkSafety, isWorkSafetyGraded } from '../../../shared/domain/grading';
import { nationalReportRules, reportDeadlines, supplementWindowEnd } from '../../../shared/domain/deadline';
import { defaultEscalationPolicy } from '../../../shared/domain/escalation';
import { firstReportText, followupReportText } from '../../../shared/domain/incident-report';
import { insertLogEntry, insertLogEntryId, linkLogEntry, type LogContent } from '../log/db';
import {
  insertIncident,
  nextIncidentNo,
  setIncidentStatus,
} from '../incidents/db';
import { acknowledgeEscalation, insertContact, insertEscalation } from '../escalation/db';
import type { Rng } from './rng';
import { activeDeadlines, insertDeadline, meetDeadline } from "../incidents/deadlines-db";
import { insertReport } from "../incidents/reports-db";
import { insertInstruction } from "../incidents/records-db";
import { addDays } from '../../../shared/time';
import { dutyDateOf, dutyDayBounds } from '../../../shared/domain/duty-day';

const tz = 'Asia/Shanghai';
const min = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const units = [
  '端州区应急管理局',
  '鼎湖区应急管理局',
  '高要区政府值班室',
  '四会市政府值班室',
  '市公安局指挥中心',
  '市气象台',
  '市水利局',
  '市交通运输局',
  '市消防救援支队',
  '市卫生健康局',
  '市信访局',
  '市生态环境局',
];
const persons = ['张科长', '李主任', '王值班员', '陈工', '刘副局长', '黄同志', '赵处长', '周值班员'];

const logTexts: Record<LogKind, string[]> = {
  incoming_call: [
    '报告辖区道路积水情况',
    '报告一起交通事故已处置完毕',
    '询问节日值班安排',
    '报告山塘水库巡查情况',
    '报告森林防火巡查无异常',
    '报告群众聚集上访情况',
    '报告辖区停电抢修进展',
    '核实网络舆情信息',
  ],
  outgoing_call: ['通知各区做好强降雨防范', '向市委值班室报送值班情况', '核实突发事件有关情况', '通知带班领导到岗', '督促报送零报告'],
  incoming_doc: [
    '收到市政府办公室关于做好节日值班工作的通知',
    '收到市应急委防汛工作通知',
    '收到省应急厅值班值守工作提示',
    '收到安全生产大检查工作方案',
  ],
  visit: ['群众来访反映拆迁补偿问题，已引导至信访局', '企业人员来访咨询安全生产许可事宜'],
  notice: ['市气象台发布暴雨黄色预警信号', '市气象台发布大风蓝色预警信号', '市三防办启动防风Ⅳ级应急响应', '市三防办解除防汛应急响应'],
  presence_check: ['市值班室电话查岗，值班人员在岗', '省应急厅视频点名，值班人员在岗'],
  other: ['交接班，情况已交接清楚', '值班电话线路测试正常', '整理当日值班日志'],
};

const kindWeights: [LogKind, number][] = [
  ['incoming_call', 40],
  ['outgoing_call', 20],
  ['incoming_doc', 10],
  ['visit', 3],
  ['notice', 10],
  ['presence_check', 7],
  ['other', 10],
];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

const incidentTitles: Record<IncidentCategory, string[]> = {
  natural: ['强降雨引发山体滑坡', '台风影响造成房屋受损', '局地洪涝灾害', '森林火情'],
  accident: ['工贸企业机械伤害事故', '道路交通事故', '民房火灾', '建筑工地高处坠落事故', '危化品运输车辆侧翻'],
  health: ['学校聚集性胃肠炎疫情', '食物中毒事件', '非洲猪瘟疫情'],
  social: ['群众聚集上访事件', '网络舆情事件', '涉外人员纠纷'],
};

export function seedIncidents(ctx: SeedCtx): void {
  const { rng } = ctx;
  const now = ctx.core.clock.now();
  const officers = ctx.people.filter((p) => p.roles.includes('officer')).map((p) => p.name);
  const leaders = ctx.people.filter((p) => p.roles.includes('leader')).map((p) => p.name);
  const officer = () => (officers.length ? rng.pick(officers) : '值班员');
  const leader = () => (leaders.length ? rng.pick(leaders) : '带班领导');

  let day = ctx.fromDate;
  let entries = 0;
  let incidents = 0;
  while (day <= ctx.toDate) {
    const month = day.slice(0, 7);
    ctx.write((w) => {
      let written = 0;
      for (; day <= ctx.toDate && day.slice(0, 7) === month; day = addDays(day, 1)) {
        written += seedDay(w, rng, day, now, officer, leader);
      }
      // A few incidents a month (0–5, more in the flood season).
      const m = Number(month.slice(5, 7));
      const count = rng.int(0, m >= 5 && m <= 9 ? 5 : 3);
      let made = 0;
      for (let i = 0; i < count; i += 1) if (seedIncident(w, rng, month, now, officer, leader)) made += 1;
      // A month only begun (e.g. New Year's night at 00:01) may hold nothing yet; the
      // audited write path refuses an empty transaction, so say so in the chain.
      if (!written && !made) w.audit({ action: 'logEntry.seedDay', entity: 'logEntry', entityId: month, after: { entries: [] } });
      entries += written;
      incidents += made;
    });
  }
  ctx.log(`log entries: ${entries}, incidents: ${incidents}`);
}

function seedDay(w: WriteCtx, rng: Rng, day: string, now: number, officer: () => string, leader: () => string): number {
  const { start } = dutyDayBounds(day, tz);
  const n = rng.int(5, 30);
  const times = Array.from({ length: n }, () => start + rng.int(0, 24 * 60 - 1) * min).sort((a, b) => a - b);
  const by = officer();
  let written = 0;
  const day_: { id: number; kind: LogKind; occurredAt: string; summary: string }[] = [];
  for (const t of times) {
    if (t > now) break;
    const kind = weighted(rng, kindWeights);
    const withFollowUp = kind === 'incoming_call' && rng.chance(0.3);
    const c: LogContent = {
      kind,
      occurredAt: iso(t),
      dutyDate: day,
      sourceUnit: kind === 'other' ? null : rng.pick(units),
      sourcePerson: kind === 'incoming_call' || kind === 'visit' ? rng.pick(persons) : null,
      sourcePhone: kind === 'incoming_call' ? `0758-${rng.int(2200000, 2899999)}` : null,
      summary: rng.pick(logTexts[kind]),
      detail: null,
      reportedTo: withFollowUp ? `已报告带班领导${leader()}` : null,
      proposal: withFollowUp ? '请有关单位按职责处置并及时反馈' : null,
      instruction: withFollowUp && rng.chance(0.5) ? '同意，请密切关注' : null,
      outcome: withFollowUp ? '已处置完毕' : null,
      handler: withFollowUp ? by : null,
      handledAt: withFollowUp ? iso(t + rng.int(10, 120) * min) : null,
    };
    const id = insertLogEntryId(w.db, { ...c, incidentId: null }, by, iso(t + rng.int(0, 5) * min));
    day_.push({ id, kind, occurredAt: c.occurredAt, summary: c.summary });
    written += 1;
  }
  // One audit row per seeded duty day carries every entry of the day: the
  // history stays audited while 10 years seed in well under a minute (an
  // audit row costs ~0.3 ms; 63,000 of them would take the whole budget).
  if (day_.length) w.audit({ action: 'logEntry.seedDay', entity: 'logEntry', entityId: day, after: { entries: day_ } });
  return written;
}

function seedIncident(w: WriteCtx, rng: Rng, month: string, now: number, officer: () => string, leader: () => string): boolean {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = `${month}-${String(rng.int(1, daysInMonth)).padStart(2, '0')}`;
  const occurred = dutyDayBounds(day, tz).start + rng.int(0, 24 * 60 - 1) * min;
  const learned = occurred + rng.int(5, 60) * min;
  if (learned + 3 * 60 * min > now) return false;

  const category = weighted<IncidentCategory>(rng, [
    ['accident', 50],
    ['natural', 25],
    ['health', 10],
    ['social', 15],
  ]);
  const subType = (
    category === 'accident'
      ? rng.pick(['industrial', 'road_traffic', 'fire', 'other_transport', 'facility'])
      : rng.pick(incidentSubTypes[category])
  ) as IncidentSubType;
  const grave = rng.chance(0.12);
  const f: IncidentFields = {
    title: `${rng.pick(['端州区', '鼎湖区', '高要区', '四会市', '广宁县'])}${rng.pick(incidentTitles[category])}`,
    category,
    subType,
    level: 4,
    occurredAt: iso(occurred),
    learnedAt: iso(learned),
    location: `${rng.pick(['某镇', '某街道', '某工业园', '国道321线'])}${rng.int(1, 99)}号`,
    unit: category === 'accident' ? `某${rng.pick(['机械', '化工', '建筑', '运输'])}有限公司` : null,
    source: rng.pick(['区应急管理局值班室电话报告', '市公安局指挥中心通报', '群众来电', '市消防救援支队通报']),
    description: '接报后已第一时间核实情况，组织有关单位赶赴现场处置。',
    deaths: grave ? rng.int(1, 12) : rng.chance(0.3) ? rng.int(0, 2) : 0,
    missing: 0,
    seriousInjuries: rng.chance(0.3) ? rng.int(0, grave ? 20 : 5) : 0,
    injuries: rng.int(0, 8),
    directLossYuan: rng.int(0, grave ? 30_000_000 : 2_000_000),
    scope: '影响范围有限',
    trend: '事态已得到控制',
    leadersOnSite: `${leader()}已赶赴现场指挥处置`,
    measures: '组织救援、疏散群众、设置警戒、救治伤员',
  };
  const graded = isWorkSafetyGraded(category, subType);
  const sug = graded
    ? gradeWorkSafety({ deaths: f.deaths, missing: f.missing, seriousInjuries: f.seriousInjuries, directLossYuan: f.directLossYuan })
    : null;
  f.level = sug
    ? sug.level
    : (weighted<number>(rng, [
        [4, 80],
        [3, 15],
        [2, 5],
      ]) as IncidentLevel);
  const by = officer();
  const rules = nationalReportRules;
  const inc = insertIncident(
    w.db,
    f,
    {
      suggestedLevel: sug?.level ?? null,
      suggestedBasis: sug?.basis ?? [],
      levelOverride: null,
      supplementUntil: (() => {
        const end = supplementWindowEnd(category, subType, occurred, rules);
        return end === null ? null : iso(end);
      })(),
    },
    { no: nextIncidentNo(w.db, month.slice(0, 4)), fromLogEntryId: null },
    by,
    iso(learned + 2 * min),
  );
  // The call that brought the news.
  const entry = insertLogEntry(
    w.db,
    {
      kind: 'incoming_call',
      occurredAt: iso(learned),
      dutyDate: dutyDateOf(learned, tz),
      sourceUnit: f.source,
      sourcePerson: rng.pick(persons),
      sourcePhone: null,
      summary: `报告${f.title}`,
      detail: null,
      reportedTo: null,
      proposal: null,
      instruction: null,
      outcome: null,
      handler: null,
      handledAt: null,
      incidentId: inc.id,
    },
    by,
    iso(learned + min),
  );
  linkLogEntry(w.db, entry.id, inc.id);
  w.audit({ action: 'logEntry.create', entity: 'logEntry', entityId: entry.id, after: { summary: entry.summary } });
  w.audit({ action: 'incident.create', entity: 'incident', entityId: inc.id, after: f });

  for (const d of reportDeadlines({ level: f.level, category: f.category, subType: f.subType, occurredAt: Date.parse(f.occurredAt), learnedAt: learned }, rules)) {
    insertDeadline(w.db, inc.id, d.kind, iso(d.dueAt), iso(learned + 2 * min), d.basis);
  }

  // The report chain: 首报 (mostly on time), 0–2 续报, 终报.
  let t = learned + rng.int(8, rng.chance(0.1) ? 75 : 28) * min;
  const kinds: ('first' | 'followup' | 'final')[] = ['first', ...Array.from({ length: rng.int(0, 2) }, () => 'followup' as const), 'final'];
  let followups = 0;
  for (const kind of kinds) {
    if (t > now) break;
    const method = kind === 'first' ? 'phone' : rng.pick(['written', 'fax', 'system'] as const);
    const open = activeDeadlines(w.db, inc.id, t).filter((d) => d.metAt === null && (d.kind !== 'written' || method !== 'phone'));
    const met = open.map((d) => ({ kind: d.kind, dueAt: d.dueAt, late: t > Date.parse(d.dueAt) }));
    const followupNo = kind === 'followup' ? (followups += 1) : null;
    const r = insertReport(w.db, {
      incidentId: inc.id,
      kind,
      followupNo,
      content: kind === 'first' ? firstReportText(f, tz) : followupReportText(f, f, { final: kind === 'final', instructions: [] }),
      recipient: '市政府总值班室',
      method,
      sentAt: iso(t),
      signedBy: kind === 'first' ? null : leader(),
      recordedAt: iso(t + rng.int(0, 10) * min),
      recordedBy: by,
      incidentVersion: 1,
      met,
      late: met.some((x) => x.late),
    });
    for (const d of open) meetDeadline(w.db, d.id, r.id, iso(t));
    w.audit({
      action: 'report.file',
      entity: 'report',
      entityId: r.id,
      after: { incidentId: inc.id, title: reportTitle(kind, followupNo), late: r.late },
    });
    // A written report follows the phone 首报 within the hour.
    t += (kind === 'first' ? rng.int(20, 50) : rng.int(3, 48) * 60) * min;
  }

  // Graver events are escalated and acknowledged with an instruction.
  if (f.level <= 3 || rng.chance(0.2)) {
    const start = learned + 5 * min;
    const esc = insertEscalation(w.db, inc.id, defaultEscalationPolicy, by, iso(start));
    const step = rng.chance(0.8) ? 0 : 1;
    const contactAt = start + (step === 0 ? 2 : 12) * min;
    const who = leader();
    insertContact(w.db, esc.id, {
      round: 0,
      stepIndex: step,
      target: step === 0 ? 'leaderOnDuty' : 'principalLeader',
      targetName: who,
      targetPhone: null,
      method: 'mobile',
      at: iso(contactAt),
      note: null,
      by,
    });
    acknowledgeEscalation(w.db, esc.id, iso(contactAt + 3 * min), who, 'mobile');
    const ins = insertInstruction(w.db, {
      incidentId: inc.id,
      leaderName: who,
      text: rng.pick([
        '全力做好救援处置，及时续报',
        '请属地政府妥善处置，防止次生灾害',
        '做好善后工作，加强舆情引导',
        '立即核实情况，按规定报告',
      ]),
      givenAt: iso(contactAt + 3 * min),
      recordedAt: iso(contactAt + 5 * min),
      recordedBy: by,
      escalationId: esc.id,
    });
    w.audit({ action: 'escalation.acknowledge', entity: 'escalation', entityId: esc.id, after: { acknowledgedBy: who } });
    w.audit({ action: 'instruction.create', entity: 'instruction', entityId: ins.id, after: ins });
  }

  // Everything older than two weeks is closed; recent ones are still being handled.
  const closed = learned < now - 14 * 24 * 60 * min;
  const statusAt = iso(Math.min(now, learned + rng.int(4, 72) * 60 * min));
  setIncidentStatus(w.db, inc.id, 'open', 'handling', null, by, statusAt);
  if (closed) setIncidentStatus(w.db, inc.id, 'handling', 'closed', null, by, statusAt);
  w.audit({ action: 'incident.setStatus', entity: 'incident', entityId: inc.id, after: { status: closed ? 'closed' : 'handling' } });
  return true;
}
