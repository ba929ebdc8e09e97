/**
 * The production build compiles JSX with Vite's own transform (Oxc) instead of Babel.
 *
 * `@astrojs/preact` always hands `@preact/preset-vite` a Babel configuration, and with one the
 * preset runs every `.ts`/`.tsx` module of both bundles through Babel, for features of the dev
 * server (hook names for the devtools, the JSX dev transform). In a build that was about 2 s of
 * each Astro process's CPU. Oxc compiles the same JSX with the same automatic runtime from
 * `preact`; on a 16,000-episode site both parts' output (pages and assets) was byte-identical
 * with either. `astro dev` keeps Babel.
 *
 * If the preset renames its plugin, this finds nothing and the build runs Babel as before;
 * tests/unit/jsx-without-babel.test.ts fails so that the speed-up is not lost unnoticed.
 */
import type { Plugin } from 'vite';

/** The name `@preact/preset-vite` gives its JSX plugin (the one that runs Babel). */
export const PRESET_JSX_PLUGIN = 'vite:preact-jsx';

/** Oxc's JSX options: what the preset configures itself when it is given no Babel options. */
export const OXC_JSX = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

/** A build-only plugin that takes the Babel transform out of the preset's JSX plugin. */
export function jsxWithoutBabel(): Plugin {
  return {
    name: 'atlas:jsx-without-babel',
    apply: 'build',
    configResolved(config) {
      const preset = config.plugins.find((plugin) => plugin.name === PRESET_JSX_PLUGIN);
      if (preset) (preset as { transform?: unknown }).transform = undefined;
    },
  };
}
