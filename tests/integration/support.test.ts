import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempParent, ROOT, tempDir } from './support.ts';

describe('removeTempParent', () => {
  it('removes the temporary folder that holds a path', () => {
    const file = join(tempDir('remove'), 'dist');
    mkdirSync(file);
    writeFileSync(join(file, 'index.html'), 'x');
    removeTempParent(file);
    expect(existsSync(join(file, '..'))).toBe(false);
  });

  it('removes nothing for a path a failed beforeAll never set', () => {
    expect(() => removeTempParent('')).not.toThrow();
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });

  it('refuses a folder that is not one of its temporary folders', () => {
    expect(() => removeTempParent(join(ROOT, 'dist'))).toThrow(/refusing to remove/);
    expect(() => removeTempParent('..')).toThrow(/refusing to remove/);
  });
});
