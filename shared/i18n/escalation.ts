/**
 * Texts of escalation's fallbacks: who a step reached and why, when the
 * roster or the directory names nobody for it. Chinese first.
 */
export const escalation = {
  'zh-CN': {
    escalation: {
      fallback: {
        shiftLeader: '当前班次未排带班领导，改报交班班次的带班领导',
        principal: '值班表未排带班领导，改报单位主要领导',
        admin: '值班表未排带班领导、通讯录未标注单位主要领导，改报系统管理员',
        none: '值班表、通讯录均未指定人员，且无管理员账号：请电话联系上级值班室',
      },
    },
  },
  en: {
    escalation: {
      fallback: {
        shiftLeader: 'No leader on the running shift: sent to the leader of the shift handing over',
        principal: 'No leader on the roster: sent to the principal leader',
        admin: 'No leader on the roster and no principal leader marked in the directory: sent to the admin',
        none: 'Nobody on the roster or in the directory, and no admin account: phone the superior duty office',
      },
    },
  },
} as const;
