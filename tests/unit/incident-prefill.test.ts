/**
 * The incident form's prefill from a call (issue 11 item 6): the title is
 * the event's nature in a few words, not the whole call.
 */
import { describe, expect, it } from 'vitest';
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
});

describe('incidentDescriptionFromCall', () => {
  it('keeps the whole call', () => {
    expect(incidentDescriptionFromCall('某化工厂发生燃气爆炸，已造成4人死亡', '现场浓烟')).toBe('某化工厂发生燃气爆炸，已造成4人死亡\n现场浓烟');
  });
});
