import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startSimulation } from './ui/workerClient';
import { attachedEndpoint } from './ui/serverClient';
import './ui/styles.css';
import { registerServiceWorker } from './ui/registerServiceWorker';

const store = startSimulation();
// Offline after the first load (production builds only).
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} endpoint={attachedEndpoint()} />
  </StrictMode>,
);
