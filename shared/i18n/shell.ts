/** App shell, login, setup, directory and settings texts. */
export const shell = {
  'zh-CN': {
    nav: {
      console: '值班台',
      roster: '排班',
      incidents: '事件',
      handover: '交接班',
      reports: '报表',
      directory: '通讯录',
      settings: '设置',
    },
  },
  en: {
    nav: {
      console: 'Console',
      roster: 'Roster',
      incidents: 'Incidents',
      handover: 'Handover',
      reports: 'Reports',
      directory: 'Directory',
      settings: 'Settings',
    },
  },
} as const;
