// Placeholder entry point: the app (src/ui/App.tsx) replaces this.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<h1>RocketScope</h1>);
