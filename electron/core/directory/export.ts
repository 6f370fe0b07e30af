/**
 * The 通讯录 as an Excel workbook: 本单位人员 first, in the columns the people
 * import reads back (姓名、部门、职务、办公电话、手机、角色), then 外部联系单位.
 * Both sheets print on A4 in Excel and WPS; formula-like text is neutralised.
 */
import type { ExportedFile } from '../../../shared/contract';
import type { PersonRole } from '../../../shared/roles';
import { translate } from '../../../shared/i18n';
import type { ReadCtx } from '../context';
import { getDesk } from '../desk/db';
import { listPeople } from './people-db';
import { listContacts } from './contacts-db';
import { newWorkbook, officialSheet, workbookFile } from '../lib/xlsx';

/** The words the people import understands (roster-import.ts `roleWords`). */
export const roleWord: Record<PersonRole, string> = { leader: '带班领导', officer: '值班员', standby: '备班', admin: '管理员', principal: '主要领导' };

export async function directoryXlsx(ctx: ReadCtx, opts: { includeInactive?: boolean | undefined }): Promise<ExportedFile> {
  const desk = getDesk(ctx.db);
  const unit = desk?.unitName ?? '';
  const inactive = opts.includeInactive ?? false;
  const subtitle = `${unit}　值班电话：${desk?.dutyPhone ?? '—'}　传真：${desk?.fax ?? '—'}`;
  const wb = newWorkbook();
  const people = officialSheet(wb, {
    name: '本单位人员',
    title: `${unit}通讯录`,
    subtitle,
    orientation: 'portrait',
    fontSize: 12,
    columns: [
      ['姓名', 12],
      ['部门', 20],
      ['职务', 16],
      ['办公电话', 18],
      ['手机', 18],
      ['角色', 22],
      ...(inactive ? ([['状态', 10]] as [string, number][]) : []),
    ],
  });
  for (const p of listPeople(ctx.db, { includeInactive: inactive })) {
    people.add([
      p.name,
      p.department ?? '',
      p.title ?? '',
      p.officePhone ?? '',
      p.mobile ?? '',
      p.roles.map((r) => roleWord[r]).join('、'),
      ...(inactive ? [p.active ? '在用' : '已停用'] : []),
    ]);
  }
  const contacts = officialSheet(wb, {
    name: '外部联系单位',
    title: `${unit}外部联系单位`,
    subtitle,
    orientation: 'portrait',
    fontSize: 12,
    columns: [
      ['类别', 14],
      ['名称', 22],
      ['单位', 22],
      ['电话', 18],
      ['手机', 16],
      ['传真', 16],
      ['备注', 24],
    ],
  });
  for (const c of listContacts(ctx.db, { includeInactive: inactive })) {
    contacts.add([translate('zh-CN', `contacts.kinds.${c.kind}`), c.name, c.unit ?? '', c.phone ?? '', c.mobile ?? '', c.fax ?? '', c.note ?? '']);
  }
  return workbookFile(wb, `${unit}通讯录.xlsx`);
}
