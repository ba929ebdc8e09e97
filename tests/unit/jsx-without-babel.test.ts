import preactPreset from '@preact/preset-vite';
import { describe, expect, it } from 'vitest';
import type { Plugin, ResolvedConfig } from 'vite';
import { jsxWithoutBabel, PRESET_JSX_PLUGIN } from '../../src/lib/jsx-without-babel.ts';

/** The preset's plugins as @astrojs/preact creates them: always with Babel options. */
function presetPlugins(): Plugin[] {
  return (preactPreset({ babel: {} }) as unknown[]).flat(3) as Plugin[];
}

describe('jsxWithoutBabel', () => {
  it('finds the preset plugin that runs Babel, under the name it looks for', () => {
    const jsx = presetPlugins().find((plugin) => plugin.name === PRESET_JSX_PLUGIN);
    expect(jsx, `@preact/preset-vite has no plugin named ${PRESET_JSX_PLUGIN}`).toBeDefined();
    expect(typeof jsx?.transform).toBe('function');
  });

  it('takes that transform out in a build and leaves the other plugins alone', () => {
    const plugins = presetPlugins();
    const before = plugins.map((plugin) => [plugin.name, plugin.transform] as const);
    const ours = jsxWithoutBabel();
    expect(ours.apply).toBe('build');
    const resolved = { plugins } as unknown as ResolvedConfig;
    (ours.configResolved as (config: ResolvedConfig) => void)(resolved);
    for (const [name, transform] of before) {
      const after = plugins.find((plugin) => plugin.name === name)?.transform;
      expect(after).toBe(name === PRESET_JSX_PLUGIN ? undefined : transform);
    }
  });
});
