/**
 * The on-screen print button under a printed document (hidden on paper).
 * In Electron it opens the system print dialog (which can save a PDF); in the
 * browser, the browser's.
 */
import { useTranslation } from 'react-i18next';

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <p className="dd-noprint" style={{ textAlign: 'center', marginTop: '8mm' }}>
      <button type="button" onClick={() => window.print()}>
        {t('common.print')}
      </button>
    </p>
  );
}
