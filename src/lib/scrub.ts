/**
 * Removes secrets and personal data from free text before it is published.
 *
 * Each rule redacts one kind of secret. Rules run one after another over the whole text, and each
 * sees only the text between markers, so a marker (the release's own or one just written) is never
 * rewritten, counted or matched by a later rule.
 */
import { createHash } from 'node:crypto';

export const REDACTION_KINDS = [
  'private-key',
  'jwt',
  'github-token',
  'openai-key',
  'anthropic-key',
  'aws-key',
  'google-key',
  'slack-token',
  'stripe-key',
  'bearer-token',
  'url-credentials',
  'secret-assignment',
  'email',
  'home-path',
  'ip-address',
] as const;

/** One kind of secret or personal data that the scrubber redacts. */
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** How many redactions of each kind were made. */
export type RedactionTally = Partial<Record<RedactionKind, number>>;

/** The release's own marker: `[REDACTED:<kind>:<first 12 hex of sha256 of the secret>]`. */
export function redactionMarker(kind: RedactionKind, secret: string): string {
  const digest = createHash('sha256').update(secret, 'utf8').digest('hex');
  return `[REDACTED:${kind}:${digest.slice(0, 12)}]`;
}

/** Replace every secret and piece of personal data in `text`; add one to `tally[kind]` per replacement. */
export function scrubText(text: string, tally?: RedactionTally): string {
  return scrub(text, (kind) => {
    if (tally !== undefined) tally[kind] = (tally[kind] ?? 0) + 1;
  });
}

/** Everything scrubText would redact in `text`, in rule order; empty when the text is clean. */
export function findSecrets(text: string): Array<{ kind: RedactionKind; match: string }> {
  const found: Array<{ kind: RedactionKind; match: string }> = [];
  scrub(text, (kind, match) => found.push({ kind, match }));
  return found;
}

/** A candidate secret: `segment.slice(start, end)`, with the regex's named groups. */
interface Candidate {
  readonly secret: string;
  readonly segment: string;
  readonly start: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | undefined>>;
}

interface Rule {
  readonly kind: RedactionKind;
  /** Flags `dg`; the named group `secret` (or `bare`) is replaced, the rest of the match kept. */
  readonly pattern: RegExp;
  /** Vetoes a match that only looks like a secret. */
  readonly isBenign?: (candidate: Candidate) => boolean;
}

const MARKER = /(\[REDACTED:[A-Za-z0-9_-]+:[0-9a-fA-F]{12}\])/;

function scrub(text: string, onRedact: (kind: RedactionKind, secret: string) => void): string {
  let result = text;
  for (const rule of RULES) {
    // split() with a capturing group puts the markers at the odd indices.
    result = result
      .split(MARKER)
      .map((part, i) => (i % 2 === 1 ? part : applyRule(part, rule, onRedact)))
      .join('');
  }
  return result;
}

function applyRule(
  segment: string,
  rule: Rule,
  onRedact: (kind: RedactionKind, secret: string) => void,
): string {
  const { pattern } = rule;
  let out = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(segment); match !== null; match = pattern.exec(segment)) {
    const range = match.indices?.groups?.['secret'] ?? match.indices?.groups?.['bare'];
    if (range === undefined) continue;
    const [start, end] = range;
    const secret = segment.slice(start, end);
    const groups = match.groups ?? {};
    if (rule.isBenign?.({ secret, segment, start, end, groups })) {
      // Look again inside a vetoed value: a harmless URL may still carry ?token=… in its query.
      pattern.lastIndex = Math.max(start, match.index + 1);
      continue;
    }
    onRedact(rule.kind, secret);
    out += segment.slice(copied, start) + redactionMarker(rule.kind, secret);
    copied = end;
  }
  return copied === 0 ? segment : out + segment.slice(copied);
}

function rx(source: string, flags = 'dg'): RegExp {
  return new RegExp(source, flags);
}

// A line break as written in plain text or inside a JSON/escaped string.
const NEWLINE = String.raw`(?:\r?\n|\\r\\n|\\n)`;
const BASE64 = '[A-Za-z0-9+/=]';
const PEM_BEGIN = '-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
const PEM_END = '-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
const PEM_COMPLETE = String.raw`${PEM_BEGIN}(?:(?!-----BEGIN)[\s\S]){0,10000}?${PEM_END}`;
// A key cut off mid-block: headers, then base64 lines; a space-separated run must look like key data.
const PEM_TRUNCATED =
  PEM_BEGIN +
  String.raw`(?:${NEWLINE}[A-Za-z-]+: [^\r\n\\]*)*` +
  String.raw`(?:(?:${NEWLINE})+[ \t]*${BASE64}+|[ \t]+${BASE64}{20,})*`;

const QUOTES = '"\'`';
const VALUE_STOP = String.raw`\s${QUOTES},;&(){}[\]<>`;
const KEY_CHAR = '[A-Za-z0-9_.-]';
const SECRET_KEY_WORD = String.raw`(?:pass(?:word|wd|phrase)|(?<![a-z])pass(?![a-z])|pwd|secret|token|api[_-]?key)`;

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;

const RULES: readonly Rule[] = [
  { kind: 'private-key', pattern: rx(`(?<secret>${PEM_COMPLETE}|${PEM_TRUNCATED})`) },
  {
    kind: 'jwt',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)`,
    ),
  },
  {
    kind: 'github-token',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`,
    ),
  },
  {
    kind: 'openai-key',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>sk-(?!ant-)(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,}))`,
    ),
  },
  {
    kind: 'anthropic-key',
    pattern: rx(String.raw`(?<![A-Za-z0-9_-])(?<secret>sk-ant-[A-Za-z0-9_-]{20,})`),
  },
  {
    kind: 'aws-key',
    pattern: rx(
      String.raw`(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])`,
    ),
  },
  {
    kind: 'aws-key',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_])(?:aws_?)?secret_?access_?key["']?[ \t]*[:=][ \t]*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`,
      'dgi',
    ),
  },
  {
    kind: 'google-key',
    pattern: rx(String.raw`(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])`),
  },
  {
    kind: 'slack-token',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9])(?<secret>xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})`,
    ),
  },
  {
    kind: 'slack-token',
    pattern: rx(
      String.raw`hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)`,
    ),
  },
  {
    kind: 'stripe-key',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_])(?<secret>(?:sk_live|sk_test|rk_live|rk_test|pk_live)_[A-Za-z0-9]{16,})`,
    ),
  },
  {
    kind: 'bearer-token',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_-])(?:[Bb]earer|BEARER)[ \t]+(?<secret>[A-Za-z0-9._~+/=-]{16,})`,
    ),
    // Prose such as "Bearer authentication" is one case of letters; tokens mix cases or digits.
    isBenign: ({ secret }) => !/\d/.test(secret) && !(/[a-z]/.test(secret) && /[A-Z]/.test(secret)),
  },
  {
    kind: 'bearer-token',
    pattern: rx(
      String.raw`Authorization["']?[ \t]*[:=][ \t]*["']?Basic[ \t]+(?<secret>[A-Za-z0-9+/]{8,}={0,2})`,
      'dgi',
    ),
  },
  {
    kind: 'url-credentials',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://(?<secret>[^\s:/@"'<>]*:(?<password>[^\s/"'<>]+))@(?=[A-Za-z0-9[])`,
    ),
    isBenign: ({ groups }) => isReference(groups['password'] ?? ''),
  },
  {
    kind: 'secret-assignment',
    pattern: rx(
      // The lookahead finds the key word once per key; matching it inline backtracks quadratically.
      String.raw`(?<!${KEY_CHAR})(?=${KEY_CHAR}*?${SECRET_KEY_WORD})(?<key>${KEY_CHAR}+)` +
        String.raw`\\?["']?[ \t]*(?::=|[:=])(?![=:>])[ \t]*` +
        String.raw`(?:(?<quote>\\?[${QUOTES}])(?<secret>[^\r\n]*?)\k<quote>|(?<bare>[^${VALUE_STOP}]*[^${VALUE_STOP}.:]))`,
      'dgi',
    ),
    isBenign: isBenignAssignment,
  },
  {
    kind: 'email',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9._%+-])(?<secret>(?<local>[A-Za-z0-9][A-Za-z0-9._%+-]*)@(?<domain>(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}))(?![A-Za-z0-9-])`,
    ),
    isBenign: ({ groups }) => isBenignEmail(groups['local'] ?? '', groups['domain'] ?? ''),
  },
  {
    kind: 'home-path',
    pattern: rx(
      String.raw`(?:(?<![\p{L}\p{N}_.\-])(?:/mnt/[a-z])?/(?:Users|home)/|(?<![\p{L}\p{N}])[A-Za-z]:(?:\\{1,2}|/)[Uu]sers(?:\\{1,2}|/))(?<secret>[\p{L}\p{N}._\-]*[\p{L}\p{N}_\-])`,
      'dgu',
    ),
    isBenign: ({ secret }) => GENERIC_HOME_NAMES.has(secret.toLowerCase()),
  },
  {
    kind: 'ip-address',
    pattern: rx(
      String.raw`(?<![A-Za-z0-9_.])(?<secret>(?:${OCTET}\.){3}${OCTET})(?![A-Za-z0-9_]|\.\d)`,
    ),
    isBenign: isBenignIp,
  },
];

// Values that are code, configuration syntax or a stand-in, not a secret.
const NOT_SECRET_WORDS = new Set([
  'any',
  'array',
  'await',
  'bool',
  'boolean',
  'bytes',
  'dict',
  'double',
  'false',
  'float',
  'function',
  'import',
  'int',
  'integer',
  'lambda',
  'list',
  'map',
  'never',
  'new',
  'nil',
  'none',
  'null',
  'number',
  'object',
  'optional',
  'promise',
  'record',
  'redacted',
  'require',
  'required',
  'self',
  'set',
  'str',
  'string',
  'this',
  'true',
  'typeof',
  'undefined',
  'unknown',
  'void',
]);

/** Environment look-ups, template slots, placeholders and masks. */
function isReference(value: string): boolean {
  return (
    /^\$\{[\s\S]*\}$|^\$\([\s\S]*\)$|^\$[A-Za-z_]\w*$|^\$env:\w+$|^%\w+%$/i.test(value) ||
    /^\{\{[\s\S]*\}\}$|^<[^<>]*>$|^\[?redacted\]?$/i.test(value) ||
    /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env\()/.test(
      value,
    ) ||
    /^([*xX•.…])\1*$/.test(value)
  );
}

function isBenignAssignment({ secret, segment, end, groups }: Candidate): boolean {
  const key = (groups['key'] ?? '').toLowerCase();
  const value = secret.trim();
  // max_tokens, tokenizer, token_count: the word is about LLM tokens, not credentials.
  if (/tokens|tokeni[sz]|token_?(?:count|limit|type|usage|budget|len(?:gth)?)$/.test(key)) {
    return true;
  }
  if (value.length < 4 || isReference(value) || NOT_SECRET_WORDS.has(value.toLowerCase())) {
    return true;
  }
  if (/^\d+$/.test(value) && !/pass|pwd/.test(key)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true;
  if (groups['bare'] === undefined) return false;
  // Unquoted values may be code: a call, an index, a generic, a property path or a variable name.
  return (
    /^[([<]/.test(segment.charAt(end)) ||
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) ||
    /^[a-z]+(?:[A-Z][a-z]*)+$/.test(value) ||
    /^[A-Za-z_-]*(?:pass|pwd|secret|token|key|auth|cred)[A-Za-z_-]*$/i.test(value) ||
    /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(value)
  );
}

// File extensions that follow an `@` in asset names (logo@2x.png) and import specifiers.
const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif svg webp ico avif bmp tif tiff woff woff2 ttf otf eot css scss less js mjs cjs jsx ts tsx mts cts json map lock html htm vue svelte astro wasm'.split(
    ' ',
  ),
);

function isBenignEmail(local: string, domain: string): boolean {
  const lower = domain.toLowerCase();
  const labels = lower.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    // git@github.com:owner/repo is an SSH remote, not a person.
    local.toLowerCase() === 'git' ||
    FILE_EXTENSIONS.has(tld) ||
    /^\d+x$/.test(labels[0] ?? '') ||
    // Reserved for documentation (RFC 2606): no one can own these addresses.
    /(?:^|\.)example\.(?:com|net|org)$/.test(lower) ||
    ['example', 'test', 'invalid', 'localhost'].includes(tld)
  );
}

const GENERIC_HOME_NAMES = new Set([
  'app',
  'appuser',
  'circleci',
  'codespace',
  'default',
  'docker',
  'ec2-user',
  'gitpod',
  'guest',
  'jovyan',
  'linuxbrew',
  'me',
  'name',
  'node',
  'public',
  'root',
  'runner',
  'shared',
  'ubuntu',
  'user',
  'username',
  'vagrant',
  'vscode',
  'you',
  'your-name',
  'your-username',
  'your_name',
  'your_username',
  'yourname',
  'yourusername',
]);

function isBenignIp({ secret, segment, start }: Candidate): boolean {
  const octets = secret.split('.').map(Number);
  const [a, b, c] = octets;
  const reserved =
    a === 127 ||
    a === 0 ||
    // 255.x covers broadcast and netmasks (255.255.255.0), which identify nobody.
    a === 255 ||
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113);
  // "version 1.2.3.4" is a version. After an @ it is an ssh or URL host (root@10.0.0.5): in
  // transcripts those far outnumber four-part package versions, so it is redacted.
  const saidVersion = /\b(?:version|ver\.?)\s*[:=]?\s*$/i.test(
    segment.slice(Math.max(0, start - 12), start),
  );
  return reserved || saidVersion;
}
