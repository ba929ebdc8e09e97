import { describe, it, expect } from 'vitest';
import { withoutUnusedHashes } from '../../src/lib/csp.ts';

const policy =
  "default-src 'self';object-src 'none'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC=';";
const page = (body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('withoutUnusedHashes', () => {
  it("drops the hashes of a page that runs only scripts from files, keeping 'self' and the other directives", () => {
    const out = withoutUnusedHashes(
      page('<p>x</p><script type="module" src="/_astro/a.js"></script>'),
    );
    expect(out).toContain(
      `content="default-src 'self';object-src 'none'; script-src 'self'; style-src 'self';"`,
    );
    expect(out).not.toContain('sha256');
  });

  it('keeps the policy whole when the page has inline code, a style element or an island', () => {
    for (const body of [
      '<script>alert(1)</script>',
      '<script type="module">import "x"</script>',
      '<style>p{}</style>',
      '<astro-island uid="1"></astro-island>',
    ]) {
      expect(withoutUnusedHashes(page(body))).toBe(page(body));
    }
  });

  it('is not fooled by escaped markup in hostile text', () => {
    const out = withoutUnusedHashes(page('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>'));
    expect(out).not.toContain('sha256');
  });

  it('leaves a page without a policy unchanged', () => {
    expect(withoutUnusedHashes('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
