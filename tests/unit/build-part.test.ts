import { describe, expect, it } from 'vitest';
import {
  buildPart,
  EPISODES_PART_SHARE,
  episodesPartUrls,
  rendersEpisode,
} from '../../src/lib/build-part.ts';

describe('the two parts of the page build', () => {
  it('reads the part from ATLAS_BUILD_PART, every page when it is unset', () => {
    expect(buildPart({})).toBe('all');
    expect(buildPart({ ATLAS_BUILD_PART: '' })).toBe('all');
    expect(buildPart({ ATLAS_BUILD_PART: 'site' })).toBe('site');
    expect(buildPart({ ATLAS_BUILD_PART: 'episodes' })).toBe('episodes');
    expect(() => buildPart({ ATLAS_BUILD_PART: 'Episodes' })).toThrow(/one of all, site, episodes/);
  });

  it('gives each episode page to exactly one of the two parts, and all of them to `all`', () => {
    const positions = Array.from({ length: 1003 }, (_, i) => i);
    for (const position of positions) {
      expect(rendersEpisode('all', position)).toBe(true);
      expect(rendersEpisode('site', position)).not.toBe(rendersEpisode('episodes', position));
    }
    const episodes = positions.filter((p) => rendersEpisode('episodes', p)).length;
    // 6 of every 10, and the 3 left over of the last ten are the first 3 of a ten.
    expect(episodes).toBe(100 * EPISODES_PART_SHARE + Math.min(3, EPISODES_PART_SHARE));
  });

  it('lists the episodes part’s pages for the sitemap, under the base', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `e${String(i)}`);
    const urls = episodesPartUrls(ids, 'https://atlas.example.org', '/atlas/');
    expect(urls).toHaveLength(ids.filter((_, p) => rendersEpisode('episodes', p)).length);
    expect(urls[0]).toBe('https://atlas.example.org/atlas/episodes/e0/');
    expect(urls).not.toContain(
      `https://atlas.example.org/atlas/episodes/e${String(EPISODES_PART_SHARE)}/`,
    );
    expect(episodesPartUrls(['x'], 'https://atlas.example.org', '/')).toEqual([
      'https://atlas.example.org/episodes/x/',
    ]);
  });
});
