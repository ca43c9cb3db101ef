import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'

export default defineConfig({
  // Brotli and gzip siblings of every asset, made once at build; the server picks by Accept-Encoding.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  server: {
    port: 5173,
    // `pnpm dev`: the API runs on 4000 (pnpm start's default), the client here.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    // The dashboard's table library is large; ECharts is split off and loaded only with a chart.
    chunkSizeWarningLimit: 1500,
  },
})
