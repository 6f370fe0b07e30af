/**
 * Errors the hub answers with: a code, a bilingual message, and — for a
 * refused chain — the desk, the seq and what was wrong.
 */
import type { ChainRefusalKind, HubErrorBody, HubErrorCode } from '../shared/hub-protocol';

const statusOf: Record<HubErrorCode, number> = {
  VALIDATION: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  ENROL_CODE_INVALID: 403,
  ENROL_CODE_USED: 403,
  ENROL_CODE_EXPIRED: 403,
  DESK_EXISTS: 409,
  DESK_UNKNOWN: 403,
  DESK_REVOKED: 403,
  KEY_UNKNOWN: 403,
  KEY_REVOKED: 403,
  KEY_MISMATCH: 403,
  BAD_SIGNATURE: 403,
  CLOCK_SKEW: 403,
  NONCE_REUSED: 403,
  CHAIN_REFUSED: 409,
  INTERNAL: 500,
};

export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly extra: { deskId?: string; seq?: number; kind?: ChainRefusalKind; hubTime?: string } = {},
  ) {
    super(message);
    this.name = 'HubError';
  }

  get status(): number {
    return statusOf[this.code];
  }

  toBody(): HubErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** A refused chain: names the desk and the seq, in Chinese and English. */
export function chainRefused(deskId: string, seq: number, kind: ChainRefusalKind, detail = ''): HubError {
  const zh: Record<ChainRefusalKind, string> = {
    edited: '内容被改动',
    missing: '缺失',
    reordered: '顺序被调换',
    truncated: '链尾被截断',
    rewritten: '与校验点不符（整链被重写）',
    malformed: '格式不可识别',
    gap: '与上次上报之间有缺口',
    forked: '与已上报的记录不同（链分叉）',
    rotation: '密钥更换记录无效',
    checkpoint: '校验点签名无效',
    batch: '批次范围与签名不符',
  };
  const tail = detail ? ` — ${detail}` : '';
  return new HubError('CHAIN_REFUSED', `台席 ${deskId} 第 ${seq} 条${zh[kind]}，本批拒收 / desk ${deskId} seq ${seq}: ${kind}, batch refused${tail}`, {
    deskId,
    seq,
    kind,
  });
}
