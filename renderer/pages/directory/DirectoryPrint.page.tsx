/**
 * The printed 通讯录 (`#/print/directory`): the unit's people by department,
 * then the outside contacts by kind — the sheet kept by the duty phone.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import type { Contact, Person } from '../../../shared/contract';
import { contactKinds } from '../../../shared/contract/directory';
import { formatDate } from '../../lib/format';
import { useDesk, useNow } from '../../lib/desk-context';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './directory-print.css';
import { PrintToolbar } from '../../components/Print/PrintButton';

function byDepartment(people: Person[], none: string): [string, Person[]][] {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const k = p.department ?? none;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups.entries()];
}

export function DirectoryPrintPage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const desk = useApiQuery('desk.get', {});
  const people = useApiQuery('people.list', {});
  const contacts = useApiQuery('contacts.list', {});
  if (!desk.data || !people.data || !contacts.data) return null;
  const kinds: [string, Contact[]][] = contactKinds
    .map((k): [string, Contact[]] => [t(`contacts.kinds.${k}`), contacts.data.filter((c) => c.kind === k)])
    .filter(([, cs]) => cs.length > 0);
  return (
    <>
    <PrintToolbar title={`${desk.data.unitName}${t('directory.printTitle')}`} fallback="/directory" />
    <div className="dd-official dd-directory-print" data-testid="directory-print">
      <h1>
        {desk.data.unitName}
        {t('directory.printTitle')}
      </h1>
      <p className="meta">
        {t('desk.dutyPhone')}：{desk.data.dutyPhone ?? '—'}　{t('desk.fax')}：{desk.data.fax ?? '—'}
      </p>
      <h2>{t('directory.printPeople')}</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '24mm' }}>{t('people.name')}</th>
            <th>{t('people.title')}</th>
            <th style={{ width: '36mm' }}>{t('people.officePhone')}</th>
            <th style={{ width: '32mm' }}>{t('people.mobile')}</th>
          </tr>
        </thead>
        <tbody>
          {byDepartment(people.data, t('directory.noDepartment')).flatMap(([dept, ps]) => [
            <tr key={`d-${dept}`}>
              <td colSpan={4} className="group">
                {dept}
              </td>
            </tr>,
            ...ps.map((p) => (
              <tr key={p.id} data-testid="directory-print-person">
                <td>{p.name}</td>
                <td>{p.title ?? ''}</td>
                <td className="num">{p.officePhone ?? ''}</td>
                <td className="num">{p.mobile ?? ''}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      {kinds.length > 0 && (
        <>
          <h2>{t('directory.printContacts')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('contacts.name')}</th>
                <th style={{ width: '34mm' }}>{t('contacts.phone')}</th>
                <th style={{ width: '30mm' }}>{t('people.mobile')}</th>
                <th style={{ width: '30mm' }}>{t('desk.fax')}</th>
                <th>{t('contacts.note')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.flatMap(([kind, cs]) => [
                <tr key={`k-${kind}`}>
                  <td colSpan={5} className="group">
                    {kind}
                  </td>
                </tr>,
                ...cs.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.name}
                      {c.unit && c.unit !== c.name ? `（${c.unit}）` : ''}
                    </td>
                    <td className="num">{c.phone ?? ''}</td>
                    <td className="num">{c.mobile ?? ''}</td>
                    <td className="num">{c.fax ?? ''}</td>
                    <td>{c.note ?? ''}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </>
      )}
      <p className="foot">
        {t('directory.printedOn')}：{formatDate(now, tz)}
      </p>
    </div>
    </>
  );
}
