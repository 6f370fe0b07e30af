import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { isHubMode } from './pages/hub/hub-api';

// The hub serves this same renderer with <html data-dutydesk-mode="hub">: its console loads instead of the desk's.
const root = createRoot(document.getElementById('root')!);
if (isHubMode()) {
  void import('./pages/hub/HubApp').then(({ HubApp }) =>
    root.render(
      <StrictMode>
        <HubApp />
      </StrictMode>,
    ),
  );
} else {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
