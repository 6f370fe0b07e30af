/**
 * Settings tabs of the incidents work (deadline rules, escalation policy) — incidents work fills it.
 */
import type { SettingsPanel } from './TrustPanels';
export const incidentPanels: SettingsPanel[] = [];
