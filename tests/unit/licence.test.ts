import { describe, it, expect } from 'vitest';
import { PERMISSIVE_LICENCES, isPermissive, licenceVerdict } from '../../src/lib/licence.ts';

const REQUIRED_PERMISSIVE = [
  'MIT',
  'MIT-0',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSD-3-Clause-Clear',
  '0BSD',
  'ISC',
  'Unlicense',
  'CC0-1.0',
  'Zlib',
  'BSL-1.0',
  'CC-BY-4.0',
  'PostgreSQL',
  'NCSA',
  'X11',
  'Python-2.0',
  'WTFPL',
  'UPL-1.0',
  'BlueOak-1.0.0',
  'MIT-CMU',
  'Artistic-2.0',
];

describe('PERMISSIVE_LICENCES', () => {
  it.each(REQUIRED_PERMISSIVE)('lists %s', (id) => {
    expect(PERMISSIVE_LICENCES.has(id)).toBe(true);
  });

  it('holds no copyleft identifier', () => {
    const copyleft = [...PERMISSIVE_LICENCES].filter((id) =>
      /GPL|MPL|EPL|EUPL|CDDL|OSL|-SA-|-NC-/i.test(id),
    );
    expect(copyleft).toEqual([]);
  });
});

describe('licenceVerdict on a single identifier', () => {
  it.each([...PERMISSIVE_LICENCES])('permits %s', (id) => {
    expect(licenceVerdict(id)).toEqual({ permissive: true, reason: 'permissive' });
  });

  it.each([...PERMISSIVE_LICENCES])('permits %s written in lower case', (id) => {
    expect(isPermissive(id.toLowerCase())).toBe(true);
  });

  it('ignores whitespace around the identifier', () => {
    expect(isPermissive('  MIT\n')).toBe(true);
  });

  it.each([
    ['GPL-2.0', 'copyleft (GPL-2.0)'],
    ['GPL-3.0', 'copyleft (GPL-3.0)'],
    ['GPL-3.0-only', 'copyleft (GPL-3.0-only)'],
    ['GPL-3.0-or-later', 'copyleft (GPL-3.0-or-later)'],
    ['AGPL-3.0', 'copyleft (AGPL-3.0)'],
    ['AGPL-3.0-only', 'copyleft (AGPL-3.0-only)'],
    ['LGPL-2.1', 'copyleft (LGPL-2.1)'],
    ['LGPL-3.0-or-later', 'copyleft (LGPL-3.0-or-later)'],
    ['MPL-2.0', 'copyleft (MPL-2.0)'],
    ['EPL-1.0', 'copyleft (EPL-1.0)'],
    ['EPL-2.0', 'copyleft (EPL-2.0)'],
    ['EUPL-1.2', 'copyleft (EUPL-1.2)'],
    ['CDDL-1.0', 'copyleft (CDDL-1.0)'],
    ['OSL-3.0', 'copyleft (OSL-3.0)'],
    ['CC-BY-SA-4.0', 'copyleft (CC-BY-SA-4.0)'],
    ['SSPL-1.0', 'copyleft (SSPL-1.0)'],
  ])('refuses %s as copyleft', (id, reason) => {
    expect(licenceVerdict(id)).toEqual({ permissive: false, reason });
  });

  it('names a copyleft licence in canonical case when given in lower case', () => {
    expect(licenceVerdict('gpl-3.0-or-later')).toEqual({
      permissive: false,
      reason: 'copyleft (GPL-3.0-or-later)',
    });
  });

  it('refuses NO_LICENSE as no licence', () => {
    expect(licenceVerdict('NO_LICENSE')).toEqual({ permissive: false, reason: 'no licence' });
  });

  it('refuses an empty string as no licence', () => {
    expect(licenceVerdict('')).toEqual({ permissive: false, reason: 'no licence' });
  });

  it('refuses a blank string as no licence', () => {
    expect(licenceVerdict('   ')).toEqual({ permissive: false, reason: 'no licence' });
  });

  it('refuses NOASSERTION', () => {
    expect(licenceVerdict('NOASSERTION')).toEqual({ permissive: false, reason: 'NOASSERTION' });
  });

  it('refuses noassertion in lower case', () => {
    expect(isPermissive('noassertion')).toBe(false);
  });

  it('refuses an unknown identifier and names it', () => {
    expect(licenceVerdict('Foo-1.0')).toEqual({
      permissive: false,
      reason: 'unrecognised (Foo-1.0)',
    });
  });

  it.each(['LicenseRef-Proprietary', 'CC-BY-NC-4.0', 'other', 'SEE LICENSE IN LICENSE.txt'])(
    'refuses %s',
    (id) => {
      expect(isPermissive(id)).toBe(false);
    },
  );
});

describe('licenceVerdict on suffixes', () => {
  it('permits a permissive licence with a trailing +', () => {
    expect(licenceVerdict('Apache-2.0+')).toEqual({ permissive: true, reason: 'permissive' });
  });

  it('refuses a copyleft licence with a trailing +', () => {
    expect(licenceVerdict('GPL-2.0+')).toEqual({
      permissive: false,
      reason: 'copyleft (GPL-2.0+)',
    });
  });

  it('does not let -only or -or-later turn an unknown id into a known one', () => {
    expect(licenceVerdict('Foo-1.0-only')).toEqual({
      permissive: false,
      reason: 'unrecognised (Foo-1.0-only)',
    });
  });
});

describe('licenceVerdict on expressions', () => {
  it('permits A OR B when only A is permissive', () => {
    expect(licenceVerdict('MIT OR GPL-3.0')).toEqual({ permissive: true, reason: 'permissive' });
  });

  it('permits A OR B when only B is permissive', () => {
    expect(isPermissive('GPL-3.0-only OR Apache-2.0')).toBe(true);
  });

  it('refuses A OR B when neither is permissive and gives both reasons', () => {
    expect(licenceVerdict('GPL-3.0 OR MPL-2.0')).toEqual({
      permissive: false,
      reason: 'copyleft (GPL-3.0); copyleft (MPL-2.0)',
    });
  });

  it('permits A AND B when both are permissive', () => {
    expect(isPermissive('MIT AND Apache-2.0')).toBe(true);
  });

  it('refuses A AND B when one side is copyleft and names it', () => {
    expect(licenceVerdict('MIT AND LGPL-2.1-only')).toEqual({
      permissive: false,
      reason: 'copyleft (LGPL-2.1-only)',
    });
  });

  it('refuses A AND B when one side is unknown', () => {
    expect(isPermissive('Foo-1.0 AND MIT')).toBe(false);
  });

  it('accepts operators written in lower case', () => {
    expect(isPermissive('gpl-3.0 or mit')).toBe(true);
  });

  it('binds AND tighter than OR when OR comes first', () => {
    // Left to right this would be (MIT OR Apache-2.0) AND GPL-3.0, which is not permissive.
    expect(isPermissive('MIT OR Apache-2.0 AND GPL-3.0')).toBe(true);
  });

  it('binds AND tighter than OR when AND comes first', () => {
    // Right to left this would be GPL-3.0 AND (GPL-2.0 OR MIT), which is not permissive.
    expect(isPermissive('GPL-3.0 AND GPL-2.0 OR MIT')).toBe(true);
  });

  it('lets parentheses override precedence', () => {
    expect(isPermissive('(MIT OR Apache-2.0) AND GPL-3.0')).toBe(false);
  });

  it('reads nested parentheses', () => {
    expect(isPermissive('((MIT) AND (BSD-3-Clause OR GPL-2.0))')).toBe(true);
  });

  it('judges A WITH exception by the licence before WITH when it is permissive', () => {
    expect(licenceVerdict('Apache-2.0 WITH LLVM-exception')).toEqual({
      permissive: true,
      reason: 'permissive',
    });
  });

  it('judges A WITH exception by the licence before WITH when it is copyleft', () => {
    expect(licenceVerdict('GPL-2.0 WITH Classpath-exception-2.0')).toEqual({
      permissive: false,
      reason: 'copyleft (GPL-2.0)',
    });
  });

  it('reads WITH inside an OR', () => {
    expect(isPermissive('GPL-2.0-or-later WITH GCC-exception-3.1 OR MIT')).toBe(true);
  });

  it.each([
    '(MIT',
    'MIT)',
    'MIT AND',
    'OR MIT',
    'MIT OR OR Apache-2.0',
    'MIT Apache-2.0',
    'MIT WITH',
    'WITH LLVM-exception',
    'MIT WITH (LLVM-exception)',
    '()',
    'MIT/Apache-2.0',
    'MIT, Apache-2.0',
    'MIT And Apache-2.0',
  ])('refuses the malformed expression %j', (expression) => {
    const verdict = licenceVerdict(expression);
    expect(verdict.permissive).toBe(false);
    expect(verdict.reason).toMatch(/^malformed/);
  });
});

describe('isPermissive', () => {
  it.each(['MIT', 'GPL-3.0', 'NOASSERTION', 'MIT OR GPL-3.0', '(MIT'])(
    'agrees with licenceVerdict on %j',
    (expression) => {
      expect(isPermissive(expression)).toBe(licenceVerdict(expression).permissive);
    },
  );
});
