import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE, siteUrl } from '../../src/lib/site-url.ts';

describe('siteUrl', () => {
  it('uses the given site URL', () => {
    expect(siteUrl('https://tang.github.io/', true)).toEqual({
      ok: true,
      site: 'https://tang.github.io',
    });
  });

  it('keeps a placeholder outside a deploy, with a note for the build log', () => {
    const result = siteUrl(undefined, false);
    expect(result).toMatchObject({ ok: true, site: PLACEHOLDER_SITE });
    expect(result.ok && result.note).toMatch(/ATLAS_SITE is not set.*placeholder/);
  });

  it('fails a deploy without a real site URL, naming the variable', () => {
    for (const value of [undefined, '', '  ', PLACEHOLDER_SITE]) {
      const result = siteUrl(value, true);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^ATLAS_SITE must be set to the real site URL/);
    }
  });

  it('rejects what is not an http(s) URL, deploy or not', () => {
    expect(siteUrl('atlas.org', false)).toMatchObject({ ok: false });
    expect(siteUrl('ftp://atlas.org', true)).toMatchObject({ ok: false });
  });
});
