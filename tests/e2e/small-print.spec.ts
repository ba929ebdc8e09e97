/**
 * The small print of every built page: no words joined by markup, no "1 episodes". Reads the
 * built HTML from disk (.e2e/<project>), so every page is checked, not a sample of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { listFiles } from '../../scripts/site-text.ts';
import { joinedWords, wrongPlurals } from './text-runs.ts';

function builtPages(project: string): Array<{ file: string; html: string }> {
  const dir = join('.e2e', project);
  return listFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(join(dir, file), 'utf8') }));
}

test('the checks see joined words and wrong plurals where markup makes them', () => {
  const bad =
    '<p>on the<a href="/t/">taxonomy pages</a> ·<a href="/r/">Resolvers</a>, its<strong>cause</strong></p>' +
    '<p>Among the 1 episodes with this label; <span>1</span> episodes</p>';
  expect(joinedWords(bad)).toEqual(['"the|taxonomy"', '"·|Resolvers,"', '"its|cause"']);
  expect(wrongPlurals(bad)).toHaveLength(2);
  const good =
    '<p>on the <a href="/t/">taxonomy pages</a> · <a>Resolvers</a>, its <strong>cause</strong></p>' +
    '<p>1 episode, 2 episodes, 11 episodes, 0.1 episodes</p><td>S1</td><td>Wrong</td>';
  expect(joinedWords(good)).toEqual([]);
  expect(wrongPlurals(good)).toEqual([]);
});

test('no built page joins words across markup or says "1 episodes"', () => {
  const pages = builtPages(test.info().project.name);
  expect(pages.length).toBeGreaterThan(50);
  const problems = pages.flatMap(({ file, html }) => [
    ...joinedWords(html).map((w) => `${file}: joined ${w}`),
    ...wrongPlurals(html).map((w) => `${file}: plural ${w}`),
  ]);
  expect(problems).toEqual([]);
});
