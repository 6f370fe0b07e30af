/**
 * The shell's navigation: one item per section, in menu order, with its icon.
 *
 * Its own module so the router (which renders the shell) and the shell (which
 * lists the sections) do not import each other.
 */
import {
  IconAddressBook,
  IconClockCheck,
  IconPhoneCheck,
  IconUserStar,
  IconCalendarEvent,
  IconFileReport,
  IconLayoutDashboard,
  IconNotebook,
  IconSettings,
  IconTransfer,
  IconUrgent,
  IconUsersGroup,
  IconChecklist,
  IconMailbox,
} from '@tabler/icons-react';

export const navItems = [
  { path: '/console', key: 'nav.console', icon: IconLayoutDashboard },
  { path: '/log', key: 'nav.log', icon: IconNotebook },
  { path: '/roster', key: 'nav.roster', icon: IconCalendarEvent },
  { path: '/incidents', key: 'nav.incidents', icon: IconUrgent },
  { path: '/petitions', key: 'nav.petitions', icon: IconUsersGroup },
  { path: '/ledger', key: 'nav.ledger', icon: IconChecklist },
  { path: '/documents', key: 'nav.documents', icon: IconMailbox },
  { path: '/handover', key: 'nav.handover', icon: IconTransfer },
  { path: '/reports', key: 'nav.reports', icon: IconFileReport },
  { path: '/attendance', key: 'nav.attendance', icon: IconClockCheck },
  { path: '/presence', key: 'nav.presence', icon: IconPhoneCheck },
  { path: '/leader', key: 'nav.leader', icon: IconUserStar },
  { path: '/directory', key: 'nav.directory', icon: IconAddressBook },
  { path: '/settings', key: 'nav.settings', icon: IconSettings },
] as const;
