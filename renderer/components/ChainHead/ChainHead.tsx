/** Console: the audit chain head (seq + short hash, QR) — trust work fills it. */
export function ChainHead() {
  return null;
}
