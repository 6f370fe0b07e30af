/**
 * Demo people and external contacts.
 */
import { insertPerson } from '../directory/people-db';
import { insertContact } from '../directory/contacts-db';
import type { Person } from '../../../shared/contract';
import type { PersonRole } from '../../../shared/roles';
import type { Rng } from './rng';
import type { WriteCtx } from '../context';

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国红梅斌宇浩凯健俊帆帅旭宁瑞晨欣怡佳琪雪琳晓东海波亮志勤松林峰'.split('');
const departments = ['办公室', '应急指挥中心', '综合科', '安全生产科', '防汛抗旱科', '信访科', '政策法规科', '机关党委'];

export function demoName(rng: Rng): string {
  return rng.pick(surnames) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : '');
}

export function seedPeople(ctx: WriteCtx, rng: Rng, count: number): Person[] {
  const at = new Date(ctx.now).toISOString();
  const out: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    // About one in six is a leader (带班领导), the rest officers; some also standby.
    const roles: PersonRole[] = i % 6 === 0 ? ['leader'] : rng.chance(0.3) ? ['officer', 'standby'] : ['officer'];
    const p = insertPerson(
      ctx.db,
      {
        name: demoName(rng),
        department: rng.pick(departments),
        title: roles.includes('leader') ? rng.pick(['局长', '副局长', '主任', '副主任']) : rng.pick(['科员', '副科长', '科长', '一级主任科员', null]),
        officePhone: `0758-22${String(rng.int(10000, 99999))}`,
        mobile: `13${rng.int(0, 9)}${String(rng.int(10000000, 99999999))}`,
        roles,
        sortOrder: i,
      },
      at,
    );
    ctx.audit({ action: 'person.create', entity: 'person', entityId: p.id, after: p });
    out.push(p);
  }
  return out;
}

const demoContacts = [
  { kind: 'superior', name: '市政府总值班室', unit: '市人民政府办公室', phone: '0758-2888110', fax: '0758-2888119' },
  { kind: 'superior', name: '市应急管理局值班室', unit: '市应急管理局', phone: '0758-2666110', fax: '0758-2666119' },
  { kind: 'neighbour', name: '端州区总值班室', unit: '端州区人民政府', phone: '0758-2555110', fax: '0758-2555119' },
  { kind: 'neighbour', name: '鼎湖区总值班室', unit: '鼎湖区人民政府', phone: '0758-2444110', fax: '0758-2444119' },
  { kind: 'emergency', name: '消防救援指挥中心', unit: '市消防救援支队', phone: '119', fax: null },
  { kind: 'emergency', name: '公安指挥中心', unit: '市公安局', phone: '110', fax: null },
  { kind: 'emergency', name: '急救中心', unit: '市120急救指挥中心', phone: '120', fax: null },
  { kind: 'emergency', name: '气象台值班室', unit: '市气象局', phone: '0758-2333121', fax: null },
] as const;

export function seedContacts(ctx: WriteCtx): void {
  const at = new Date(ctx.now).toISOString();
  demoContacts.forEach((c, i) => {
    const row = insertContact(ctx.db, { ...c, mobile: null, note: null, sortOrder: i }, at);
    ctx.audit({ action: 'contact.create', entity: 'contact', entityId: row.id, after: row });
  });
}
