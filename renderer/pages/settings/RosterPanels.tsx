/**
 * Settings tabs of the roster work (shift templates, holidays, fairness weights) — roster work fills it.
 */
import type { SettingsPanel } from './TrustPanels';
export const rosterPanels: SettingsPanel[] = [];
