/**
 * Vetoes: what makes a match of a scrub rule harmless. Code, configuration syntax, placeholders
 * and references to where a secret is kept must come through as they are, or the atlas would
 * mangle the transcripts it exists to show.
 */

/** A match of a scrub rule: `segment.slice(start, end)` is the candidate secret. */
export interface Candidate {
  readonly secret: string;
  readonly segment: string;
  readonly start: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | undefined>>;
}

// ---- Keys -----------------------------------------------------------------------------------

/** Words whose last place in a key says the value is a secret of any shape. */
const STRONG_ENDINGS = /(?:password|passwd|passphrase|pwd|secret|token|credentials?)$/;
const STRONG_WORDS = new Set(['pass', 'pw', 'passw', 'apikey', 'accesskey', 'privatekey']);
/** Compounds that end like a secret word but name something else. */
const NOT_SECRET_COMPOUNDS = new Set(['jsonwebtoken', 'cancellationtoken', 'csrftoken']);
/** Key endings that need a random-looking value before it is taken for a secret. */
const WEAK_WORDS = new Set([
  'key',
  'auth',
  'sig',
  'signature',
  'session',
  'cookie',
  'cred',
  'creds',
]);
/**
 * Last words of keys that describe a secret without holding it: its id, name, type, where it is
 * kept, how long it lasts. (`max_tokens`, `tokenizer` never match: `tokens` is not `token`.)
 */
const META_WORDS = new Set(
  (
    'id ids uuid guid name names type types url uri urls endpoint path paths file files dir ' +
    'length len size count limit ttl expiry expires expiration lifetime timeout policy field ' +
    'fields label hint prompt format header headers scheme version hash hashed hasher algorithm ' +
    'alg kind mode provider strategy manager store service ref env var variable placeholder ' +
    'regex pattern validator validation required enabled disabled min max input visible ' +
    'strength reset stdin host port user username email issuer audience scope scopes prefix suffix ' +
    'location source method flow grant usage budget rotation created updated at date time ' +
    'template display level class style label title description help message error errors ' +
    'rule rules schema option options param params config settings list map enum interface ' +
    'spec test tests mock factory handler provider context hook state'
  ).split(' '),
);

const VERBS = new Set(
  (
    'get set fetch read load check validate hash compare prompt ask input has is use encode ' +
    'decode encrypt decrypt sign save store write print log show find parse generate create ' +
    'make build handle on with to from'
  ).split(' '),
);

/** A key split into lower-case words: `azureClientSecret` → azure, client, secret. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export type KeyStrength = 'strong' | 'weak' | 'none';

/** Whether a key names a secret: always (`password`), if the value looks random (`azureKey`), or not. */
export function keyStrength(key: string): KeyStrength {
  if (/^[.#]/.test(key)) return 'none'; // a CSS selector: .password-field
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last === undefined || META_WORDS.has(last)) return 'none';
  if (words.some((w) => w === 'public' || w === 'publishable' || w === 'pub')) return 'none';
  // `keyring.get_password(…)`, `hashPassword`: a function of a secret, not a secret.
  if (words.some((w) => VERBS.has(w))) return 'none';
  const isStrong = (w: string) =>
    STRONG_WORDS.has(w) || (STRONG_ENDINGS.test(w) && !NOT_SECRET_COMPOUNDS.has(w));
  const pairs = words.slice(1).map((w, i) => `${words[i] ?? ''}${w}`);
  if (words.some(isStrong) || pairs.some((p) => STRONG_WORDS.has(p))) return 'strong';
  if (WEAK_WORDS.has(last) || /key$/.test(last)) return 'weak';
  return 'none';
}

// ---- Values ---------------------------------------------------------------------------------

/** Environment look-ups, template slots and references to where a secret is kept. */
export function isReference(value: string): boolean {
  return (
    /^\$\{[^\r\n]*\}$|^\$\([^\r\n]*\)$|^\$\{\{[^\r\n]*\}\}$|^\$env:\w+$|^%\w+%$/i.test(value) ||
    // $VAR and $var name a variable; $Mixed9Case is more likely a password starting with $.
    /^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$/.test(value) ||
    /^\{\{[^\r\n]*\}\}$|^\{[\w.-]*\}$|^<%=?[^\r\n]*%>$|^<[^<>]*>$|^\[[\w .-]*\]$/.test(value) ||
    /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env\(|env::|secrets\.|vars\.|config\.|settings\.)/.test(
      value,
    )
  );
}

/** Stand-ins: masks, truncations, and values that say they are not real. */
export function isPlaceholder(value: string): boolean {
  const v = value.replace(/^["'`]|["'`]$/g, '');
  if (v.length === 0) return true;
  // `<your key>`, `[PASSWORD]`, `{token}` cut short at a space: template syntax, not a value.
  if (/^[<[{]/.test(v)) return true;
  if (/^[*xX•.…#_-]+$/.test(v)) return true;
  const masked = (v.match(/[xX*•]/g) ?? []).length;
  if (masked >= 4 && masked / v.length >= 0.5) return true;
  // `sk-...`, `ghp_…`: a prefix shown and the rest left out.
  const shown = /^(?<head>[\s\S]*?)(?:\.\.\.|…)$/.exec(v)?.groups?.['head'];
  if (shown !== undefined && (shown.length <= 8 || !/\d/.test(shown))) return true;
  if (/^\[?redacted\]?$/i.test(v)) return true;
  return /^(?:your|my|the|replace|insert|enter|change|put|add|example|sample|dummy|fake|placeholder|not[_-]?a[_-]?real|changeme|redacted|xxx)(?:[_-]|$)|^(?:secret|password|token|key)[_-](?:here|value|goes)/i.test(
    v,
  );
}

/** Code or configuration that stands where a value would: calls, paths, types, keywords. */
const NOT_SECRET_WORDS = new Set(
  (
    'any array await bool boolean bytes dict double false float function import int integer ' +
    'lambda list map never new nil none null number object optional promise record redacted ' +
    'require required self set str string this true typeof undefined unknown void buffer ' +
    'char text varchar bigint uuid date bearer basic token yes no on off enabled disabled ' +
    'empty hidden secret password'
  ).split(' '),
);

function isCode(value: string, next: string): boolean {
  return (
    next === '(' ||
    next === '[' ||
    next === '<' ||
    /^[A-Za-z_$][\w$.]*\(/.test(value) ||
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) ||
    /::/.test(value) ||
    /^[a-z]+(?:[A-Z][a-z]*)+$/.test(value) ||
    /^[A-Za-z_-]*(?:pass|pwd|secret|token|key|auth|cred)[A-Za-z_-]*$/i.test(value) ||
    /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(value) ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
  );
}

/** A type annotation: `token: Buffer`, `apiKey: Uint8Array`, `password: Promise<string>`. */
function isTypeName(value: string): boolean {
  return /^(?:[A-Z][a-z]+)+(?:\d+[A-Z][a-z]+)?(?:<[^<>]*>)?(?:\[\])?\??$/.test(value);
}

/** `value` without the trailing run of any of `chars` (a loop: no regex scans it twice). */
function trimEnd(value: string, chars: string): string {
  let end = value.length;
  while (end > 0 && chars.includes(value.charAt(end - 1))) end -= 1;
  return value.slice(0, end);
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether a value looks generated rather than written: mixed characters, no words, no paths. */
export function looksRandom(value: string, minLength = 8): boolean {
  if (value.length < minLength) return false;
  if (isReference(value) || isPlaceholder(value)) return false;
  const capitals = (value.match(/[A-Z]/g) ?? []).length;
  if (/^[a-z]+(?:[_ -][a-z]+)*$/i.test(value) && capitals < 2) return false;
  if (/^v?\d+(?:\.\d+)+(?:[-+.][\w.]+)?$/.test(value)) return false;
  // Words and small numbers joined by _ or -: an identifier such as DOC_Vector_5_32.
  if (value.split(/[_-]/).every((part) => /^[A-Za-z][a-z]*$|^[A-Z]+$|^\d{1,3}$/.test(part)))
    return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)|:\/\//.test(value)) return false;
  const hasDigit = /\d/.test(value);
  const hasLetter = /[A-Za-z]/.test(value);
  const mixedCase = /[a-z]/.test(value) && /[A-Z]/.test(value);
  if (!(hasDigit && hasLetter) && !(mixedCase && value.length >= 16)) return false;
  return entropy(value) >= 2.8;
}

/** Long random-looking runs that are hashes, encodings or public material, not secrets. */
function isNotHighEntropy({ secret, segment, start }: Candidate): boolean {
  const v = secret;
  const upper = (v.match(/[A-Z]/g) ?? []).length;
  const lower = (v.match(/[a-z]/g) ?? []).length;
  const digits = (v.match(/\d/g) ?? []).length;
  if (upper < 2 || lower < 2 || digits < 2) return true;
  // Subresource and CSP hashes: sha256-…, sha512-….
  if (/^(?:sha\d{1,3}|md5)[-:]/i.test(v)) return true;
  // Words: a path, a host name, an identifier. Random base62 rarely holds long lower-case runs.
  const runs = v.match(/[a-z]{6,}/g) ?? [];
  if (runs.length >= 2 || runs.some((r) => r.length >= 10)) return true;
  if (/[A-Z]{8,}|ABCDEFG|abcdefg|0123456|\d{9,}/.test(v)) return true;
  if (v.split('/').length > 3 || v.includes('//')) return true;
  const before = segment.slice(Math.max(0, start - 48), start);
  if (
    /base64,|sha\d{1,3}[-:]|integrity|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-|publi(?:c|shable)|\bpub(?:_?key)?\b/i.test(
      before,
    )
  ) {
    return true;
  }
  return entropy(v) < 4.2;
}

// ---- Assignments ----------------------------------------------------------------------------

function isBenignAssignment(c: Candidate): boolean {
  const key = c.groups['key'] ?? '';
  const strength = keyStrength(key);
  if (strength === 'none') return true;
  const bare = c.groups['bare'] !== undefined;
  if (isReference(c.secret.trim())) return true;
  // A bare value ends where code punctuation begins: `password: string)`.
  const value = bare ? trimEnd(c.secret, ')]}:.') : c.secret.trim();
  // `${PASSWORD:-default}`: the shell's default, judged on its own.
  if (bare && value.startsWith('-')) return !looksRandom(trimEnd(value.slice(1), '}'));
  if (value.length === 0 || isReference(value) || isPlaceholder(value)) return true;
  // `sk-ant-...`: the bare value stops before the dots that say the rest is left out.
  if (/^(?:\.\.\.|…)/.test(c.segment.slice(c.end, c.end + 3))) return true;
  if (NOT_SECRET_WORDS.has(value.toLowerCase())) return true;
  if (keyWords(value).join('') === keyWords(key).join('')) return true;
  const next = c.segment.charAt(c.end);
  // `apiKey: Uint8Array;` is a type annotation, not a value.
  if (bare && (isTypeName(value) || isCode(value, next))) return true;
  if (strength === 'weak') return !looksRandom(value);
  // `if token == "abcdef"`: a comparison with a short plain literal is a test, not a credential.
  if (/[=!]=/.test(c.groups['op'] ?? '') && value.length < 8 && !looksRandom(value)) return true;
  if (value.length < 4) return true;
  const quoted = !bare;
  if (/^\d+$/.test(value) && !/pass|pwd/i.test(key)) return true;
  return quoted && /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

function isBenignPositional(c: Candidate): boolean {
  return keyStrength(c.groups['key'] ?? '') !== 'strong' || !looksRandom(c.secret, 16);
}

function isBenignFlag(c: Candidate): boolean {
  const value = c.secret;
  if (value.startsWith('-')) return true;
  if (keyStrength(c.groups['key'] ?? '') === 'none') return true;
  if (isReference(value) || isPlaceholder(value)) return true;
  if (NOT_SECRET_WORDS.has(value.toLowerCase())) return true;
  return isCode(value, c.segment.charAt(c.end)) || value.length < 4;
}

function isBenignProse(c: Candidate): boolean {
  const value = trimEnd(c.secret, '.,;:!?)');
  return isTypeName(value) || !looksRandom(value);
}

const SCHEME_WORDS = new Set(['bearer', 'basic', 'token', 'digest', 'negotiate', 'realm']);

function isBenignHeaderValue(c: Candidate): boolean {
  const value = c.secret;
  if (SCHEME_WORDS.has(value.toLowerCase()) || NOT_SECRET_WORDS.has(value.toLowerCase()))
    return true;
  if (isReference(value) || isPlaceholder(value)) return true;
  return isCode(value, c.segment.charAt(c.end)) && !/\d/.test(value);
}

function isBearerWord(c: Candidate): boolean {
  const value = c.secret;
  if (isReference(value) || isPlaceholder(value)) return true;
  // Prose such as "Bearer authentication" is one case of letters; tokens mix cases or digits.
  return !/\d/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value));
}

function isBenignUrlPassword(c: Candidate): boolean {
  const password = c.groups['password'] ?? '';
  return isReference(password) || isPlaceholder(password);
}

function isBenignConnectionValue(c: Candidate): boolean {
  const v = c.secret;
  return (
    isPlaceholderMatch(c) ||
    NOT_SECRET_WORDS.has(v.toLowerCase()) ||
    (isCode(v, '') && !/\d/.test(v))
  );
}

function isPlaceholderMatch(c: Candidate): boolean {
  const v = c.secret;
  return isReference(v) || isPlaceholder(v);
}

// ---- Personal data --------------------------------------------------------------------------

// File extensions that follow an `@` in asset names (logo@2x.png) and import specifiers.
const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif svg webp ico avif bmp tif tiff woff woff2 ttf otf eot css scss less js mjs cjs jsx ts tsx mts cts json map lock html htm vue svelte astro wasm'.split(
    ' ',
  ),
);

function isBenignEmail({ groups, segment, start }: Candidate): boolean {
  // user:password@host in a URL: the url-credentials rule has already judged the password.
  if (/:\/\/[^\s/@]*:$/.test(segment.slice(Math.max(0, start - 300), start))) return true;
  const local = groups['local'] ?? '';
  const domain = (groups['domain'] ?? '').toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    // git@github.com:owner/repo is an SSH remote, not a person.
    local.toLowerCase() === 'git' ||
    FILE_EXTENSIONS.has(tld) ||
    /^\d+x$/.test(labels[0] ?? '') ||
    // Reserved for documentation (RFC 2606): no one can own these addresses.
    /(?:^|\.)example\.(?:com|net|org)$/.test(domain) ||
    ['example', 'test', 'invalid', 'localhost'].includes(tld)
  );
}

const GENERIC_HOME_NAMES = new Set(
  (
    'app appuser circleci codespace default docker ec2-user gitpod guest jovyan linuxbrew me ' +
    'name node public root runner shared ubuntu user username vagrant vscode you your-name ' +
    'your-username your_name your_username yourname yourusername'
  ).split(' '),
);

function isBenignIpv4({ secret, segment, start }: Candidate): boolean {
  const [a, b, c] = secret.split('.').map(Number);
  const reserved =
    a === 127 ||
    a === 0 ||
    // 255.x covers broadcast and netmasks (255.255.255.0), which identify nobody.
    a === 255 ||
    // Documentation ranges (RFC 5737).
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113);
  // "version 1.2.3.4" is a version. After an @ it is an ssh or URL host (root@10.0.0.5): in
  // transcripts those far outnumber four-part package versions, so it is redacted.
  const saidVersion = /\b(?:version|ver\.?)[\s:=]*$/i.test(
    segment.slice(Math.max(0, start - 12), start),
  );
  return reserved || saidVersion;
}

/** Parses an IPv6 address into its eight groups, or undefined when it is not one. */
export function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const groups = [...head, ...tail];
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  if (halves.length === 1 && groups.length !== 8) return undefined;
  if (halves.length === 2 && groups.length > 7) return undefined;
  const fill = new Array<number>(8 - groups.length).fill(0);
  const values = (parts: string[]) => parts.map((g) => parseInt(g, 16));
  return halves.length === 2 ? [...values(head), ...fill, ...values(tail)] : values(groups);
}

function isBenignIpv6({ secret }: Candidate): boolean {
  const groups = ipv6Groups(secret);
  if (groups === undefined) return true;
  // Too little to be an address rather than a time, a MAC fragment or a C++ scope.
  if (secret.split(':').filter((g) => g !== '').length < 3 || !/\d/.test(secret)) return true;
  const [g0 = 0, g1 = 0] = groups;
  const unspecifiedOrLoopback = groups.slice(0, 7).every((g) => g === 0) && (groups[7] ?? 0) <= 1;
  const linkLocal = (g0 & 0xffc0) === 0xfe80;
  const documentation = g0 === 0x2001 && g1 === 0x0db8;
  return unspecifiedOrLoopback || linkLocal || documentation;
}

// ---- The table of vetoes --------------------------------------------------------------------

export const VETOES = {
  placeholder: isPlaceholderMatch,
  urlPassword: isBenignUrlPassword,
  connectionValue: isBenignConnectionValue,
  reference: ({ secret }: Candidate) => isReference(secret),
  notRandom: ({ secret }: Candidate) => !looksRandom(secret, 16),
  notHighEntropy: isNotHighEntropy,
  headerValue: isBenignHeaderValue,
  bearerWord: isBearerWord,
  flagValue: isBenignFlag,
  assignment: isBenignAssignment,
  positional: isBenignPositional,
  prose: isBenignProse,
  email: isBenignEmail,
  homeName: ({ secret }: Candidate) => GENERIC_HOME_NAMES.has(secret.toLowerCase()),
  ipv4: isBenignIpv4,
  ipv6: isBenignIpv6,
} satisfies Record<string, (candidate: Candidate) => boolean>;

export type VetoName = keyof typeof VETOES;
