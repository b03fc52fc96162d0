// Vite build of the member web app: root web/, output web/dist (served by the server at /), and a dev
// server that forwards /api to the API server on port 3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The member bundle is React, React Router, TanStack Query and i18next (~165 kB gzipped); the staff
    // console and the employer portal are split off (app.tsx). Warn only if it grows past that.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
