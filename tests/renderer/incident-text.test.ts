/**
 * Incident words in the UI's language (issue 11 item 9): report titles and
 * the casualty line read in English in English, and in Chinese exactly as
 * the official report template writes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../shared/i18n';
import { casualtiesText } from '../../shared/domain/incident-report';
import { casualtiesIn, reportTitleIn, storedReportTitleIn } from '../../renderer/lib/incident-text';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
  zh = i.getFixedT('zh-CN');
  en = i.getFixedT('en');
});

const cases = [
  { deaths: 3, missing: 0, seriousInjuries: 0, injuries: 6, directLossYuan: 17_951_600 },
  { deaths: 0, missing: 2, seriousInjuries: 1, injuries: 0, directLossYuan: 0 },
  { deaths: 12, missing: 1, seriousInjuries: 4, injuries: 30, directLossYuan: 50_000 },
];

describe('the casualty line', () => {
  it.each(cases)('in Chinese is the report template’s wording (%o)', (c) => {
    expect(casualtiesIn(zh, 'zh-CN', c)).toBe(casualtiesText(c));
  });

  it('reads in English in English', () => {
    expect(casualtiesIn(en, 'en', cases[0]!)).toBe('3 dead, 6 slightly injured, estimated direct economic loss 17,951,600 yuan');
    expect(casualtiesIn(en, 'en', cases[1]!)).toBe('No deaths, 2 missing, 1 seriously injured, direct economic loss still being assessed');
    expect(casualtiesIn(en, 'en', cases[2]!)).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('report titles', () => {
  it('show 首报 / 续报二 / 终报 as First report / Follow-up 2 / Final report in English', () => {
    expect(['首报', '续报二', '续报十二', '终报'].map((x) => storedReportTitleIn('en', x))).toEqual(['First report', 'Follow-up 2', 'Follow-up 12', 'Final report']);
    expect(storedReportTitleIn('zh-CN', '续报二')).toBe('续报二');
    expect(reportTitleIn('en', 'followup', 3)).toBe('Follow-up 3');
    expect(reportTitleIn('zh-CN', 'followup', 3)).toBe('续报三');
  });
});
