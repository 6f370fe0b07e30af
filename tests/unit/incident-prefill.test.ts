/**
 * The incident form's prefill from a call (issue 11 item 6): the title is
 * the event's nature in a few words, not the whole call.
 */
import { describe, expect, it } from 'vitest';
import { invisibleInLine } from '../../shared/contract/common';
import { incidentDescriptionFromCall, incidentTitleFromCall } from '../../shared/domain/incident-prefill';

describe('incidentTitleFromCall', () => {
  it.each([
    ['某化工厂发生燃气爆炸，已造成4人死亡', '某化工厂燃气爆炸'],
    ['区应急局来电：高新区化工园一车间发生爆炸，现场有人员伤亡', '高新区化工园一车间爆炸'],
    ['市公安局指挥中心电话报告，G324国道发生一起三车追尾事故，2人受伤', 'G324国道三车追尾事故'],
    ['鼎湖区来电报告山体滑坡', '山体滑坡'],
    ['山体滑坡', '山体滑坡'],
  ])('%s → %s', (call, title) => expect(incidentTitleFromCall(call)).toBe(title));

  it('never runs longer than 30 characters', () => {
    expect(incidentTitleFromCall('一'.repeat(80)).length).toBe(30);
  });

  it('counts an emoji with its skin tone or a flag as one character, and never cuts inside one', () => {
    const thumb = '\u{1F44D}\u{1F3FD}';
    const flag = '\u{1F1E8}\u{1F1F3}';
    expect(incidentTitleFromCall(`${'来'.repeat(29)}${thumb}之后`)).toBe(`${'来'.repeat(29)}${thumb}`);
    expect(incidentTitleFromCall(`${'来'.repeat(28)}${flag}${thumb}之后`)).toBe(`${'来'.repeat(28)}${flag}${thumb}`);
    expect(incidentTitleFromCall(`${'来'.repeat(30)}${thumb}`)).toBe('来'.repeat(30));
  });

  it('proposes a title a one-line field accepts: the joiners of an emoji family go', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const title = incidentTitleFromCall(`某小区${family}\u200B被困`);
    expect(title).toBe('某小区\u{1F468}\u{1F469}\u{1F467}被困');
    expect(invisibleInLine.test(title)).toBe(false);
  });
});

describe('incidentDescriptionFromCall', () => {
  it('keeps the whole call', () => {
    expect(incidentDescriptionFromCall('某化工厂发生燃气爆炸，已造成4人死亡', '现场浓烟')).toBe('某化工厂发生燃气爆炸，已造成4人死亡\n现场浓烟');
  });
});
