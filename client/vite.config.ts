import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Read by scripts/start-page-size.ts, which holds the start page to its JavaScript budget.
    manifest: true,
    // The libraries every page needs change far less often than our code: a chunk of their own
    // stays cached across releases. Heavier ones (the week calendar) stay with the lazy page
    // that uses them, outside the start page's budget.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|luxon|zod|cookie|set-cookie-parser)[\\/]/ }] } } },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/ical': 'http://localhost:3000' } },
});
