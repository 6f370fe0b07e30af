/**
 * The on-screen print button under a printed document (hidden on paper).
 * In Electron it opens the system print dialog (which can save a PDF); in the
 * browser, the browser's.
 */
import { useTranslation } from 'react-i18next';

/** Prints once the document's fonts have loaded, so paper never gets a fallback face. */
export async function printWhenFontsReady(): Promise<void> {
  await document.fonts.ready;
  window.print();
}

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <p className="dd-noprint" style={{ textAlign: 'center', marginTop: '8mm' }}>
      <button type="button" onClick={() => void printWhenFontsReady()}>
        {t('common.print')}
      </button>
    </p>
  );
}
