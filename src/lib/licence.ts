/**
 * The publication rule for licences: only episodes from repositories under a permissive licence
 * reach the site. Everything here fails closed — an expression that cannot be read with
 * certainty is treated as not permissive.
 */

/** SPDX identifiers that may be published (the one home of the licence rule). */
export const PERMISSIVE_LICENCES: ReadonlySet<string> = new Set([
  '0BSD',
  'AFL-3.0',
  'Apache-1.1',
  'Apache-2.0',
  'Artistic-2.0',
  'BlueOak-1.0.0',
  'BSD-1-Clause',
  'BSD-2-Clause',
  'BSD-2-Clause-FreeBSD',
  'BSD-2-Clause-NetBSD',
  'BSD-2-Clause-Patent',
  'BSD-3-Clause',
  'BSD-3-Clause-Clear',
  'BSL-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC0-1.0',
  'ECL-2.0',
  'ISC',
  'MIT',
  'MIT-0',
  'MIT-CMU',
  'NCSA',
  'PostgreSQL',
  'PSF-2.0',
  'Python-2.0',
  'Unicode-3.0',
  'Unicode-DFS-2016',
  'Unlicense',
  'UPL-1.0',
  'WTFPL',
  'X11',
  'Zlib',
]);

/** Whether `expression` (an SPDX id or expression) may be published. */
export function isPermissive(expression: string): boolean {
  return licenceVerdict(expression).permissive;
}

/** The licence decision for `expression`, with a short human-readable reason. */
export function licenceVerdict(expression: string): { permissive: boolean; reason: string } {
  const trimmed = expression.trim();
  const special = specialReason(trimmed);
  if (special !== undefined) return { permissive: false, reason: special };
  const tokens = tokenize(trimmed);
  if (tokens === undefined) return malformed(trimmed);
  const cursor: Cursor = { tokens, pos: 0 };
  const verdict = parseOr(cursor);
  if (verdict === undefined || cursor.pos !== tokens.length) return malformed(trimmed);
  return verdict.permissive
    ? { permissive: true, reason: 'permissive' }
    : { permissive: false, reason: verdict.reasons.join('; ') };
}

// While parsing, a failed side keeps every distinct reason so a compound says why each part failed.
interface Verdict {
  readonly permissive: boolean;
  readonly reasons: readonly string[];
}

interface Cursor {
  readonly tokens: readonly string[];
  pos: number;
}

const PERMISSIVE_LOWER = new Set([...PERMISSIVE_LICENCES].map((id) => id.toLowerCase()));

// Matched against a whole id or the part before a dash, so LGPL-2.1 is never read as GPL.
const COPYLEFT_FAMILIES = [
  'CC-BY-NC-SA',
  'CC-BY-SA',
  'Sleepycat',
  'CECILL',
  'MS-RL',
  'AGPL',
  'CDDL',
  'CPAL',
  'EUPL',
  'GFDL',
  'LGPL',
  'ODbL',
  'APSL',
  'SSPL',
  'EPL',
  'GPL',
  'MPL',
  'OFL',
  'OSL',
  'CPL',
  'QPL',
  'RPL',
];

const ID_TOKEN = /^[A-Za-z0-9][A-Za-z0-9.:_-]*\+?$/;

function specialReason(text: string): string | undefined {
  if (text === '' || /^(?:NO_LICEN[SC]E|NONE)$/i.test(text)) return 'no licence';
  if (/^NOASSERTION$/i.test(text)) return 'NOASSERTION';
  return undefined;
}

function malformed(trimmed: string): { permissive: false; reason: string } {
  return { permissive: false, reason: `malformed (${JSON.stringify(trimmed)})` };
}

function tokenize(expression: string): string[] | undefined {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  const valid = tokens.every((t) => t === '(' || t === ')' || ID_TOKEN.test(t));
  return valid ? tokens : undefined;
}

// SPDX allows operators in all upper or all lower case; "And" stays an (unknown) id.
function isOperator(token: string | undefined, op: 'AND' | 'OR' | 'WITH'): boolean {
  return token === op || token === op.toLowerCase();
}

function isIdentifier(token: string | undefined): token is string {
  return (
    token !== undefined &&
    token !== '(' &&
    token !== ')' &&
    !isOperator(token, 'AND') &&
    !isOperator(token, 'OR') &&
    !isOperator(token, 'WITH')
  );
}

function parseOr(cursor: Cursor): Verdict | undefined {
  let left = parseAnd(cursor);
  while (left !== undefined && isOperator(cursor.tokens[cursor.pos], 'OR')) {
    cursor.pos += 1;
    const right = parseAnd(cursor);
    if (right === undefined) return undefined;
    left = left.permissive || right.permissive ? permissive() : failure([left, right]);
  }
  return left;
}

function parseAnd(cursor: Cursor): Verdict | undefined {
  let left = parseTerm(cursor);
  while (left !== undefined && isOperator(cursor.tokens[cursor.pos], 'AND')) {
    cursor.pos += 1;
    const right = parseTerm(cursor);
    if (right === undefined) return undefined;
    left = left.permissive && right.permissive ? permissive() : failure([left, right]);
  }
  return left;
}

function parseTerm(cursor: Cursor): Verdict | undefined {
  const token = cursor.tokens[cursor.pos];
  if (token === '(') {
    cursor.pos += 1;
    const inner = parseOr(cursor);
    if (inner === undefined || cursor.tokens[cursor.pos] !== ')') return undefined;
    cursor.pos += 1;
    return inner;
  }
  if (!isIdentifier(token)) return undefined;
  cursor.pos += 1;
  if (isOperator(cursor.tokens[cursor.pos], 'WITH')) {
    // An exception only adds permissions, so the licence before WITH decides.
    if (!isIdentifier(cursor.tokens[cursor.pos + 1])) return undefined;
    cursor.pos += 2;
  }
  return judgeIdentifier(token);
}

function permissive(): Verdict {
  return { permissive: true, reasons: [] };
}

function notPermissive(reason: string): Verdict {
  return { permissive: false, reasons: [reason] };
}

function failure(sides: readonly Verdict[]): Verdict {
  const reasons = sides.filter((s) => !s.permissive).flatMap((s) => s.reasons);
  return { permissive: false, reasons: [...new Set(reasons)] };
}

function judgeIdentifier(token: string): Verdict {
  const special = specialReason(token);
  if (special !== undefined) return notPermissive(special);
  const plus = token.endsWith('+') ? '+' : '';
  const withoutPlus = plus ? token.slice(0, -1) : token;
  const suffix = /-(?:only|or-later)$/i.exec(withoutPlus)?.[0].toLowerCase() ?? '';
  const base = withoutPlus.slice(0, withoutPlus.length - suffix.length);

  if (PERMISSIVE_LOWER.has(base.toLowerCase())) return permissive();
  const family = COPYLEFT_FAMILIES.find((f) => {
    const upper = base.toUpperCase();
    const name = f.toUpperCase();
    return upper === name || upper.startsWith(`${name}-`);
  });
  if (family !== undefined) {
    return notPermissive(`copyleft (${family}${base.slice(family.length)}${suffix}${plus})`);
  }
  return notPermissive(`unrecognised (${token})`);
}
