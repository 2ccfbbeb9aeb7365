import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Read by scripts/start-page-size.ts, which holds the start page to its JavaScript budget.
    manifest: true,
    // Libraries change far less often than our code: a chunk of their own stays cached across releases.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/ical': 'http://localhost:3000' } },
});
