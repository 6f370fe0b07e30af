/**
 * Settings tabs of the trust work (audit verify, backups, integrity) — trust work fills it.
 */
export interface SettingsPanel {
  value: string;
  labelKey: string;
  render: () => React.ReactNode;
}
export const trustPanels: SettingsPanel[] = [];
