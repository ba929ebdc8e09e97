/** Set-up of every integration test file: the temporary folders it made go when it is done. */
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeTempDirs } from './support.ts';

afterAll(() => {
  for (const dir of madeTempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
