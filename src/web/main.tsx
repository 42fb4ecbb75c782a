import { createRoot } from 'react-dom/client';
import './shared/i18n';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
