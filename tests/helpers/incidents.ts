/**
 * A work-safety accident as the tests raise it: learned of now, 20 minutes
 * after it happened, 3 deaths (较大, level Ⅲ) unless overridden.
 */
import type { Input } from '../../shared/contract';

export function accidentAt(nowMs: number, over: Partial<Input<'incident.create'>> = {}): Input<'incident.create'> {
  return {
    title: '某化工厂爆炸事故',
    category: 'accident',
    subType: 'industrial',
    level: 3,
    occurredAt: new Date(nowMs - 20 * 60_000).toISOString(),
    learnedAt: new Date(nowMs).toISOString(),
    location: '高新区化工园',
    unit: '某化工有限公司',
    source: '区应急局值班室电话',
    description: '车间反应釜爆炸',
    deaths: 3,
    ...over,
  } as Input<'incident.create'>;
}
