// Builds the web app into web/dist, which the API server serves; routes are split into their own chunks.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { designTokensInUse } from './design-tokens-in-use';
import { serverFiles } from './server-files';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), designTokensInUse(), serverFiles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Cytoscape is large and only the graph views need it.
        manualChunks: (id) => (id.includes('node_modules/cytoscape') ? 'cytoscape' : undefined),
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
