import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so the built app works at the root and under a GitHub Pages sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
