// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { siteUrl } from './src/lib/site-url.ts';
import { buildPart, episodesPartUrls } from './src/lib/build-part.ts';
import { dataDir, EPISODE_IDS_FILE } from './src/lib/data-step.ts';
import { jsxWithoutBabel, OXC_JSX } from './src/lib/jsx-without-babel.ts';

// Where the site lives. GitHub Pages serves a project site under /<repo>/, so both are settable;
// scripts/build.ts also points outDir at a temporary folder and swaps it in only on success.
const base = process.env.ATLAS_BASE || '/';
// The deploy workflow sets ATLAS_DEPLOY=1: there a missing or placeholder site URL stops the build.
const chosen = siteUrl(process.env.ATLAS_SITE, process.env.ATLAS_DEPLOY === '1');
if (!chosen.ok) throw new Error(chosen.error);
if (chosen.note) console.warn(`[site] ${chosen.note}`);
const site = chosen.site;
const outDir = process.env.ATLAS_OUT_DIR || './dist';

// `npm run build` renders the pages in two processes (src/lib/build-part.ts). The `site` part
// writes the sitemap, listing the episode pages the `episodes` part renders; that part writes
// none, and keeps its own cache so the two processes never write the same files.
const part = buildPart(process.env);
const sitemapOf = {
  all: () => [sitemap()],
  site: () => {
    const ids = JSON.parse(readFileSync(`${dataDir(process.env)}/${EPISODE_IDS_FILE}`, 'utf8'));
    return [sitemap({ customPages: episodesPartUrls(ids, site, base) })];
  },
  episodes: () => [],
};

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'ignore',
  // Lossless whitespace compression. Astro 7's default ('jsx') drops the space between a line's
  // last word and an element that opens the next line, joining words ("on the<a>taxonomy").
  compressHTML: true,
  integrations: [preact({ compat: true }), ...sitemapOf[part]()],
  ...(part === 'episodes' ? { cacheDir: './node_modules/.astro-episodes' } : {}),
  // Stylesheets as files, never inlined: cached once instead of repeated in every page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scoped styles mark elements with a short class rather than a long data attribute.
  scopedStyleStrategy: 'class',
  // Text from the chats is hostile: no inline script runs unless Astro hashed it at build time.
  // connect-src, font-src and worker-src are left to default-src ('self'), which they fall back
  // to: the policy is in every page, and 16,000 episode pages repeated them for nothing.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // No script is inlined: the copy buttons' module was 570 bytes in each of 16,000 episode pages;
  // as a file it is fetched once and cached.
  // Assets are named by their hash alone: every episode page links three stylesheets and a script,
  // and names like `CopyButton.astro_astro_type_script_index_0_lang.<hash>.js` were 1 MB of
  // dist/ at 16,000 episodes.
  vite: {
    // JSX is compiled by Oxc in a build, not Babel (src/lib/jsx-without-babel.ts).
    plugins: [jsxWithoutBabel()],
    oxc: OXC_JSX,
    build: {
      chunkSizeWarningLimit: 200,
      assetsInlineLimit: 0,
      rolldownOptions: { output: { assetFileNames: '_astro/[hash][extname]' } },
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: '_astro/[hash].js',
              chunkFileNames: '_astro/[hash].js',
              assetFileNames: '_astro/[hash][extname]',
            },
          },
        },
      },
    },
  },
});
