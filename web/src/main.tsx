// Entry: design tokens and NL Design System styles, i18n, the urql client, the session and the routes.
import './nl-design-system';
import '@utrecht/design-tokens/dist/index.css';
import './app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App';
import { client } from './client';
import { SessionProvider } from './session';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </Provider>
  </StrictMode>,
);
