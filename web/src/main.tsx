// Entry: design tokens and NL Design System styles, i18n, the urql client, the session and the routes.
import './nl-design-system';
// The one theme the app uses (body.utrecht-theme): not the media-query and dark-mode variants of index.css.
import '@utrecht/design-tokens/dist/theme.css';
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
