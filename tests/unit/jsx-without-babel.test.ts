import preact from '@astrojs/preact';
import { describe, expect, it } from 'vitest';
import type { Plugin, ResolvedConfig } from 'vite';
import { jsxWithoutBabel, PRESET_JSX_PLUGIN } from '../../src/lib/jsx-without-babel.ts';

/** The Vite plugins `@astrojs/preact` adds to a build, as astro.config.mjs configures it. */
function integrationPlugins(): Plugin[] {
  let plugins: unknown[] = [];
  const setup = preact({ compat: true }).hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command: 'build',
    addRenderer: () => undefined,
    injectScript: () => undefined,
    updateConfig: (config: { vite: { plugins: unknown[] } }) => {
      plugins = config.vite.plugins;
    },
  });
  return plugins.flat(3) as Plugin[];
}

describe('jsxWithoutBabel', () => {
  it('finds the plugin that runs Babel, under the name it looks for', () => {
    const jsx = integrationPlugins().find((plugin) => plugin.name === PRESET_JSX_PLUGIN);
    expect(jsx, `@astrojs/preact adds no plugin named ${PRESET_JSX_PLUGIN}`).toBeDefined();
    expect(typeof jsx?.transform).toBe('function');
  });

  it('takes that transform out in a build and leaves the other plugins alone', () => {
    const plugins = integrationPlugins();
    const before = plugins.map((plugin) => [plugin.name, plugin.transform] as const);
    const ours = jsxWithoutBabel();
    expect(ours.apply).toBe('build');
    (ours.configResolved as (config: ResolvedConfig) => void)({
      plugins,
    } as unknown as ResolvedConfig);
    for (const [name, transform] of before) {
      const after = plugins.find((plugin) => plugin.name === name)?.transform;
      expect(after).toBe(name === PRESET_JSX_PLUGIN ? undefined : transform);
    }
  });
});
