import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  REDACTION_KINDS,
  findSecrets,
  redactionMarker,
  scrubText,
  type RedactionKind,
  type RedactionTally,
} from '../../src/lib/scrub.ts';

// Fake credentials are assembled at run time so that no scanner mistakes this file for a leak.
function chars(length: number, alphabet = 'a1B2c3D4e5F6g7H8j9K0'): string {
  return alphabet.repeat(Math.ceil(length / alphabet.length)).slice(0, length);
}

const KEY = 'scrub-test-key';

function hash12(secret: string): string {
  return createHmac('sha256', KEY).update(secret).digest('hex').slice(0, 12);
}

/** Asserts that exactly `secret` is replaced by its marker and counted once under `kind`. */
function expectRedacted(input: string, kind: RedactionKind, secret: string): void {
  expect(input).toContain(secret);
  const tally: RedactionTally = {};
  const output = scrubText(input, KEY, tally);
  expect(output).toBe(input.replace(secret, `[REDACTED:${kind}:${hash12(secret)}]`));
  expect(tally).toEqual({ [kind]: 1 });
}

function expectUnchanged(input: string): void {
  const tally: RedactionTally = {};
  expect(scrubText(input, KEY, tally)).toBe(input);
  expect(tally).toEqual({});
}

const RSA_BODY = `MIIEowIBAAKCAQEA${chars(48)}\n${chars(64)}\n${chars(20)}==`;
const GITHUB_PAT = `github_pat_${chars(22)}_${chars(59)}`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${chars(43, 'dozjgNryP4J3jVmNHl0w5N_XgL-')}`;

describe('redactionMarker', () => {
  it('has the release marker format', () => {
    expect(redactionMarker('email', 'dana@corp.io', KEY)).toMatch(
      /^\[REDACTED:email:[0-9a-f]{12}\]$/,
    );
  });

  it('carries the first 12 hex of the HMAC-SHA-256 of the secret under the key', () => {
    expect(redactionMarker('jwt', 'abc', KEY)).toBe(`[REDACTED:jwt:${hash12('abc')}]`);
  });

  it('does not reveal the plain sha256 of the secret, which anyone could compute from a guess', () => {
    expect(redactionMarker('secret-assignment', 'hunter2hunter2', KEY)).not.toContain(
      '76880d60191a',
    );
  });

  it('gives the same secret different markers under different keys', () => {
    expect(redactionMarker('email', 'a@b.io', 'one')).not.toBe(
      redactionMarker('email', 'a@b.io', 'two'),
    );
  });

  it('hashes the exact secret, so different secrets get different markers', () => {
    expect(redactionMarker('email', 'a@b.io', KEY)).not.toBe(
      redactionMarker('email', 'a@b.iq', KEY),
    );
  });
});

describe('private-key', () => {
  it.each([
    ['an RSA block', 'RSA PRIVATE KEY'],
    ['an EC block', 'EC PRIVATE KEY'],
    ['an OpenSSH block', 'OPENSSH PRIVATE KEY'],
    ['a PKCS#8 block', 'PRIVATE KEY'],
    ['an encrypted PKCS#8 block', 'ENCRYPTED PRIVATE KEY'],
  ])('redacts %s whole', (_name, label) => {
    const block = `-----BEGIN ${label}-----\n${RSA_BODY}\n-----END ${label}-----`;
    expectRedacted(`key:\n${block}\nthen the agent ran tests`, 'private-key', block);
  });

  it('redacts a PEM block with Proc-Type headers', () => {
    const block = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B\n\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----`;
    expectRedacted(`${block}\n`, 'private-key', block);
  });

  it('redacts a block written with escaped newlines inside a JSON string', () => {
    const block = `-----BEGIN OPENSSH PRIVATE KEY-----\\n${chars(64)}\\n${chars(30)}\\n-----END OPENSSH PRIVATE KEY-----`;
    expectRedacted(`{"key": "${block}\\n"}`, 'private-key', block);
  });

  it('redacts a truncated block to the end of the text', () => {
    const truncated = `-----BEGIN RSA PRIVATE KEY-----\n${chars(64)}\n${chars(64)}`;
    expectRedacted(`The file held:\n${truncated}`, 'private-key', truncated);
  });

  it('redacts a truncated block to the end of its base64 run', () => {
    const truncated = `-----BEGIN PRIVATE KEY-----\n${chars(64)}\n${chars(40)}`;
    expectRedacted(`"${truncated}..." (cut off)`, 'private-key', truncated);
  });

  it.each([
    ['a public key', `-----BEGIN PUBLIC KEY-----\n${chars(64)}\n-----END PUBLIC KEY-----`],
    ['a certificate', `-----BEGIN CERTIFICATE-----\n${chars(64)}\n-----END CERTIFICATE-----`],
    ['prose about keys', 'Never commit your private key; rotate the PRIVATE KEY file instead.'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('jwt', () => {
  it('redacts a three-segment token', () => {
    expectRedacted(`token: ${JWT}`, 'jwt', JWT);
  });

  it('redacts a token with an empty signature', () => {
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJkYW5hIn0.';
    expectRedacted(`got ${unsigned} back`, 'jwt', unsigned);
  });

  it('counts a JWT assigned to a token key once, as a jwt', () => {
    expectRedacted(`access_token=${JWT}`, 'jwt', JWT);
  });

  it.each([
    ['a lone base64url JSON segment', 'eyJhbGciOiJIUzI1NiJ9'],
    ['short segments', 'eyJa.bc.de'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('github-token', () => {
  it.each(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])(
    'redacts a token with the %s prefix',
    (prefix) => {
      const token = `${prefix}${chars(36)}`;
      expectRedacted(`GITHUB_TOKEN is ${token} today`, 'github-token', token);
    },
  );

  it('redacts a fine-grained github_pat_ token', () => {
    expectRedacted(`use ${GITHUB_PAT}`, 'github-token', GITHUB_PAT);
  });

  it('redacts a token inside a remote URL without touching the host', () => {
    const token = `ghp_${chars(36)}`;
    expectRedacted(`https://${token}@github.com/o/r.git`, 'github-token', token);
  });

  it.each([
    ['a short ghp_ string', `ghp_${chars(20)}`],
    ['an unknown gh prefix', `ghx_${chars(36)}`],
    ['a placeholder', 'github_pat_XXXX'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('openai-key', () => {
  it.each([
    ['a project key', `sk-proj-${chars(40)}_${chars(40)}-${chars(20)}`],
    ['a service-account key', `sk-svcacct-${chars(60)}`],
    ['a legacy key', `sk-${chars(48)}`],
  ])('redacts %s', (_name, key) => {
    expectRedacted(`OPENAI_API_KEY ${key} set`, 'openai-key', key);
  });

  it.each([
    ['a short sk- string', 'sk-1234'],
    ['a word ending in sk-', `task-${chars(40)}`],
    ['an sk- slug with hyphens', 'sk-learn-is-a-python-library-for-machine-learning'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('anthropic-key', () => {
  it('redacts an sk-ant- key as anthropic, not openai', () => {
    const key = `sk-ant-api03-${chars(80)}-${chars(6)}AA`;
    expectRedacted(`ANTHROPIC_API_KEY ${key}`, 'anthropic-key', key);
  });

  it('redacts an sk-ant- admin key', () => {
    const key = `sk-ant-admin01-${chars(70)}`;
    expectRedacted(key, 'anthropic-key', key);
  });

  it('leaves a short sk-ant- string alone', () => {
    expectUnchanged('sk-ant-xxx');
  });
});

describe('aws-access-key', () => {
  it.each(['AKIA', 'ASIA'])('redacts an %s access key id', (prefix) => {
    const id = `${prefix}IOSFODNN7EXAMPL3`;
    expectRedacted(`aws_access_key_id=${id}`, 'aws-access-key', id);
  });

  it.each([
    ['aws_secret_access_key = ', ''],
    ['AWS_SECRET_ACCESS_KEY=', ''],
    ['"SecretAccessKey": "', '"'],
  ])('redacts the secret access key after %s', (prefix, suffix) => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expectRedacted(`${prefix}${secret}${suffix}`, 'secret-assignment', secret);
  });

  it.each([
    ['a 15-character id', 'AKIAIOSFODNN7EXA'],
    ['a lower-case tail', 'AKIAiosfodnn7example'],
    ['an id inside a longer word', 'XAKIAIOSFODNN7EXAMPL3'],
    ['a 40-hex commit hash', '3f786850e387550fdab836ed7e6dc881de23001b'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('google-api-key', () => {
  it('redacts an AIza key', () => {
    const key = `AIza${chars(35, 'Sy_Db-2cX9')}`;
    expectRedacted(`key=${key}&q=maps`, 'google-api-key', key);
  });

  it('leaves a short AIza string alone', () => {
    expectUnchanged(`AIza${chars(20)}`);
  });
});

describe('slack-token', () => {
  it.each(['xoxb', 'xoxp', 'xoxa', 'xoxs', 'xoxr', 'xoxo'])('redacts an %s token', (prefix) => {
    const token = `${prefix}-1234567890-0987654321-${chars(24)}`;
    expectRedacted(`SLACK_TOKEN ${token}`, 'slack-token', token);
  });

  it('redacts the path of a Slack webhook URL and keeps the host', () => {
    const path = `T0${chars(8)}/B0${chars(8)}/${chars(24)}`;
    expectRedacted(`curl https://hooks.slack.com/services/${path} -d @msg`, 'slack-webhook', path);
  });

  it.each([
    ['an unknown xox letter', `xoxz-1234567890-${chars(24)}`],
    ['a short xoxb string', 'xoxb-123'],
    ['the bare webhook host', 'https://hooks.slack.com/'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('stripe-key', () => {
  it.each(['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'])(
    'redacts a key with the %s prefix',
    (prefix) => {
      const key = `${prefix}${chars(24)}`;
      expectRedacted(`stripe ${key}`, 'stripe-key', key);
    },
  );

  it.each([
    ['a publishable test key', `pk_test_${chars(24)}`],
    ['a publishable live key (public by design)', `pk_live_${chars(24)}`],
    ['a short live key', 'sk_live_abc'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('auth-header', () => {
  it('redacts the token and keeps the word Bearer', () => {
    const token = 'abcDEF123456ghiJKL';
    expect(scrubText(`Authorization: Bearer ${token}`, KEY)).toBe(
      `Authorization: Bearer [REDACTED:auth-header:${hash12(token)}]`,
    );
  });

  it('redacts a token after a lower-case bearer', () => {
    const token = `${chars(32)}.${chars(8)}`;
    expectRedacted(`-H "authorization: bearer ${token}"`, 'auth-header', token);
  });

  it('redacts the credentials of an Authorization: Basic header', () => {
    expectRedacted('Authorization: Basic ZGFuYTpodW50ZXIy', 'auth-header', 'ZGFuYTpodW50ZXIy');
  });

  it.each([
    ['prose', 'We use Bearer authentication-scheme tokens.'],
    ['a shell variable', 'Authorization: Bearer $TOKEN'],
    ['a placeholder', 'Authorization: Bearer <token>'],
    ['a short token', 'Bearer abc123'],
    ['a template', 'Bearer ${{ secrets.API_TOKEN }}'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('url-credentials', () => {
  it('redacts user:password and keeps scheme, host and path', () => {
    const credentials = 'admin:s3cr3t-pw';
    expect(scrubText(`postgres://${credentials}@db.internal:5432/app`, KEY)).toBe(
      `postgres://[REDACTED:url-credentials:${hash12(credentials)}]@db.internal:5432/app`,
    );
  });

  it('counts one url-credentials redaction', () => {
    expectRedacted('https://dana:p%40ss@git.internal/x.git', 'url-credentials', 'dana:p%40ss');
  });

  it('redacts a password with an empty user', () => {
    expectRedacted('redis://:hunter22@cache:6379/0', 'url-credentials', ':hunter22');
  });

  it('still redacts an IP host after the credentials', () => {
    const tally: RedactionTally = {};
    const output = scrubText('mysql://root:pw1234@10.1.2.3/db', KEY, tally);
    expect(output).toBe(
      `mysql://[REDACTED:url-credentials:${hash12('root:pw1234')}]@[REDACTED:ip-address:${hash12('10.1.2.3')}]/db`,
    );
    expect(tally).toEqual({ 'url-credentials': 1, 'ip-address': 1 });
  });

  it.each([
    ['an SSH remote', 'git@github.com:owner/repo.git'],
    ['an ssh:// remote with no password', 'ssh://git@github.com/owner/repo.git'],
    ['a URL without credentials', 'https://github.com/owner/repo'],
    ['a port followed by a path with @', 'http://localhost:3000/users/@me'],
    ['environment variables in place of credentials', 'postgres://${DB_USER}:${DB_PASS}@db/app'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('secret-assignment', () => {
  it.each([
    ['password=hunter22', 'password=', 'hunter22', ''],
    ['PASSWORD: "…"', 'PASSWORD: "', 'correct horse', '"'],
    ["api_secret = '…'", "api_secret = '", 'abcd1234', "'"],
    ['token=…', 'token=', 'tok_9f8e7d6c', ''],
    ['DB_PASS=…', 'DB_PASS=', 'pa55word', ''],
    ['client_secret', '"client_secret": "', 'Zx9-qL2_mN4', '"'],
    ['secret_key', 'SECRET_KEY = "', 'django-insecure-4f#a', '"'],
    ['access_token', 'access_token: ', 'ya29Example0123', ''],
    ['auth_token', 'auth_token=', 'f00dbabe1234', ''],
    ['api_key', 'api_key: "', 'k3y-value-991', '"'],
    ['apikey', 'apikey=', 'zz99yy88xx77', ''],
    ['x-api-key header', 'x-api-key: ', 'q1w2e3r4t5y6', ''],
    ['passwd', 'passwd := "', 'goSecret42', '"'],
    ['a PHP variable', '$password = "', 'php-Secret9', '";'],
  ])('redacts the value of %s and keeps the key and operator', (_name, prefix, value, suffix) => {
    expectRedacted(`${prefix}${value}${suffix}`, 'secret-assignment', value);
  });

  it.each([
    ['a CLI flag', '--password=', 'S3cure!pw', '', 'cli-credential'],
    [
      'a URL query parameter',
      'https://api.io/v1?access_token=',
      'abc12345',
      '&page=2',
      'url-credentials',
    ],
  ])('redacts the value of %s as its own context', (_name, prefix, value, suffix, kind) => {
    expectRedacted(`${prefix}${value}${suffix}`, kind, value);
  });

  it('redacts a value inside an escaped JSON string', () => {
    expectRedacted('{\\"password\\": \\"hunter22\\"}', 'secret-assignment', 'hunter22');
  });

  it('finds a token in the query of a URL assigned to a token key', () => {
    expectRedacted(
      'callback_token_url=https://x.io/cb?token=abc12345',
      'url-credentials',
      'abc12345',
    );
  });

  it('redacts an all-digit password', () => {
    expectRedacted('password: 80417263', 'secret-assignment', '80417263');
  });

  it('does not swallow a sentence-ending full stop', () => {
    expectRedacted('I set DB_PASSWORD=hunter22.', 'secret-assignment', 'hunter22');
  });

  it.each([
    ['a TypeScript type annotation', 'password: string;'],
    ['a Python type annotation', 'token: str'],
    ['a nullable type', 'secret: String | null'],
    ['a ${VAR} reference', 'password=${DB_PASSWORD}'],
    ['a $VAR reference', 'export TOKEN=$GITHUB_TOKEN'],
    ['process.env', 'const token = process.env.API_TOKEN;'],
    ['os.environ', 'password = os.environ["DB_PASSWORD"]'],
    ['a <placeholder>', 'api_key: "<your-api-key>"'],
    ['an empty string', 'password: ""'],
    ['null', 'password: null'],
    ['None', 'token = None'],
    ['a boolean', 'secret: true'],
    ['a mask', 'password: ***'],
    ['a short value', 'pwd=abc'],
    ['a function call', 'const token = await getToken();'],
    ['a method call', 'token = jwt.sign(payload, key)'],
    ['a property path', 'secret: config.auth.secret'],
    ['a variable named after the key', 'login(user=user, password=password)'],
    ['a camelCase variable', 'password: hashedPw'],
    ['an LLM token count', '"max_tokens": 4096, "input_tokens": 1234'],
    ['a tokenizer setting', 'tokenizer: cl100k_base'],
    ['a number under a token key', 'token_expiry: 3600'],
    ['a template', 'token: "{{ vault_token }}"'],
    ['a path', 'PWD=/srv/app'],
    ['an equality test', 'if token == "abcdef": pass'],
    ['an arrow function', 'tokens.map(token => token.trim())'],
    ['a token endpoint URL', '"token_uri": "https://oauth2.googleapis.com/token"'],
    ['a marker already in place', 'password=[REDACTED:secret-assignment:0123456789ab]'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('email', () => {
  it('redacts an ordinary address', () => {
    expectRedacted('mail dana.k@example-corp.io today', 'email', 'dana.k@example-corp.io');
  });

  it('redacts a plus address in a commit author line', () => {
    expectRedacted('Author: Dana K <dana+ci@mail.co.uk>', 'email', 'dana+ci@mail.co.uk');
  });

  it.each([
    ['an SSH remote', 'git@github.com:owner/repo.git'],
    ['an npm scope', 'import check from "@astrojs/check";'],
    ['a scoped package with a version', 'npm i @types/node@24.3.1'],
    ['an asset name', 'icon@2x.png and logo@3x.webp'],
    ['a decorator', '@Component({ selector: "app" })'],
    ['a package version', 'lodash@4.17.21'],
    ['a documentation domain', 'user@example.com'],
    ['a host without a dot', 'ssh deploy@buildbox'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

describe('home-path', () => {
  it('replaces only the user name in a macOS path', () => {
    expect(scrubText('cd /Users/dana/projects/app', KEY)).toBe(
      `cd /Users/[REDACTED:home-path:${hash12('dana')}]/projects/app`,
    );
  });

  it.each([
    ['a Linux home', '/home/dkim/.config/app', 'dkim'],
    ['a Windows path', 'C:\\Users\\Dana\\code\\app', 'Dana'],
    ['a Windows path with forward slashes', 'C:/Users/dana.k/code', 'dana.k'],
    ['an escaped Windows path in JSON', '"C:\\\\Users\\\\eve\\\\x"', 'eve'],
    ['a WSL mount', '/mnt/c/Users/sam/repo', 'sam'],
    ['a path at the end of the text', 'opened /home/priya', 'priya'],
    ['a non-ASCII name', '/Users/josé/src', 'josé'],
  ])('redacts the user name in %s', (_name, text, name) => {
    expectRedacted(text, 'home-path', name);
  });

  it.each([
    '/Users/Shared/file',
    '/Users/Public',
    'C:\\Users\\Default\\AppData',
    '/home/runner/work/app',
    '/home/user/app',
    '/home/username/app',
    '/Users/you/projects',
    '/Users/me/projects',
    '/home/<user>/app',
    '/home/$USER/app',
    '/Users/.../app',
    'https://example.com/home/about',
    'GET /api/users/42',
  ])('leaves %s alone', (text) => {
    expectUnchanged(text);
  });
});

describe('ip-address', () => {
  it.each([
    ['a private address', 'connect to 10.0.12.7 now', '10.0.12.7'],
    ['a home router address', 'gateway 192.168.1.20', '192.168.1.20'],
    ['a public address with a port', 'dns 8.8.8.8:53', '8.8.8.8'],
    ['an address in a URL', 'http://172.16.0.3:8080/health', '172.16.0.3'],
  ])('redacts %s', (_name, text, ip) => {
    expectRedacted(text, 'ip-address', ip);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['another loopback', '127.1.2.3'],
    ['the unspecified address', '0.0.0.0'],
    ['TEST-NET-1', '192.0.2.5'],
    ['TEST-NET-2', '198.51.100.7'],
    ['TEST-NET-3', '203.0.113.9'],
    ['broadcast', '255.255.255.255'],
    ['a netmask', '255.255.255.0'],
    ['a five-part version', '1.2.3.4.5'],
    ['a v-prefixed version', 'v1.2.3.4'],
    ['a stated version', 'version 10.0.0.1'],
    ['an out-of-range octet', '10.0.0.256'],
    ['a leading-zero octet', '10.01.2.3'],
    ['semver', '1.2.3'],
    ['a Node version', '18.19.0'],
    ['a longer number', '110.0.0.12.5'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(`at ${text} here`);
  });
});

describe('existing markers', () => {
  it.each([
    '[REDACTED:email:0123456789ab]',
    '[REDACTED:api-key:abcdef012345]',
    'Bearer [REDACTED:jwt:0123456789ab]',
    '/Users/[REDACTED:home-path:0123456789ab]/app',
    'postgres://[REDACTED:url-credentials:0123456789ab]@db.internal:5432/app',
    'token: [REDACTED:github-token:0123456789ab]',
  ])('leaves %s exactly as it is and does not count it', (text) => {
    expectUnchanged(text);
  });
});

describe('ordinary code', () => {
  it.each([
    ['a commit hash', 'commit 3f786850e387550fdab836ed7e6dc881de23001b'],
    ['a UUID', 'id 123e4567-e89b-12d3-a456-426614174000'],
    ['semver ranges', '"astro": "^7.1.2", "node": ">=18.19.0"'],
    ['localhost', 'http://localhost:4321/'],
    ['a sha256 digest', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an integrity hash', '"integrity": "sha512-abcDEF123+/=="'],
    ['a TypeScript interface', 'interface Login { username: string; password: string; }'],
  ])('leaves %s alone', (_name, text) => {
    expectUnchanged(text);
  });
});

const POSITIVE_CORPUS = [
  `-----BEGIN RSA PRIVATE KEY-----\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----`,
  `jwt ${JWT}`,
  `gh ${GITHUB_PAT}`,
  `openai sk-proj-${chars(50)}`,
  `anthropic sk-ant-api03-${chars(90)}`,
  'aws AKIAIOSFODNN7EXAMPL3',
  `google AIza${chars(35)}`,
  `slack xoxb-1234567890-${chars(24)}`,
  `stripe sk_live_${chars(24)}`,
  'Authorization: Bearer abcDEF123456ghiJKL',
  'postgres://admin:s3cr3t@db.internal:5432/app',
  'password="hunter22" and DB_PASS=pa55word.',
  'Signed-off-by: Dana <dana.k@example-corp.io>',
  'cd /Users/dana/projects && cat C:\\Users\\Dana\\x',
  'ssh to 10.0.12.7 or 8.8.8.8',
].join('\n');

describe('scrubText', () => {
  it('is idempotent', () => {
    const once = scrubText(POSITIVE_CORPUS, KEY);
    expect(scrubText(once, KEY)).toBe(once);
  });

  it('counts nothing the second time', () => {
    const tally: RedactionTally = {};
    scrubText(scrubText(POSITIVE_CORPUS, KEY), KEY, tally);
    expect(tally).toEqual({});
  });

  it('tallies only known families, and many of them, on the corpus', () => {
    const tally: RedactionTally = {};
    scrubText(POSITIVE_CORPUS, KEY, tally);
    for (const kind of Object.keys(tally)) expect(REDACTION_KINDS).toContain(kind);
    expect(Object.keys(tally).length).toBeGreaterThanOrEqual(14);
  });

  it('counts each replacement of the same kind', () => {
    const tally: RedactionTally = {};
    scrubText('a@corp.io, b@corp.io and a@corp.io', KEY, tally);
    expect(tally).toEqual({ email: 3 });
  });

  it('adds to the counts already in the tally', () => {
    const tally: RedactionTally = { email: 2, jwt: 1 };
    scrubText('dana@corp.io', KEY, tally);
    expect(tally).toEqual({ email: 3, jwt: 1 });
  });

  it('works without a tally', () => {
    expect(scrubText('dana@corp.io', KEY)).toBe(`[REDACTED:email:${hash12('dana@corp.io')}]`);
  });

  it('returns text without secrets unchanged', () => {
    expectUnchanged('The agent ran `npm test` and 12 tests failed.');
  });
});

describe('findSecrets', () => {
  it('returns nothing for scrubbed text', () => {
    expect(findSecrets(scrubText(POSITIVE_CORPUS, KEY))).toEqual([]);
  });

  it('returns nothing for clean text', () => {
    expect(findSecrets('const x = 1; // see https://docs.astro.build/')).toEqual([]);
  });

  it('reports the kind and the exact match', () => {
    expect(findSecrets('mail dana@corp.io from 10.0.0.5')).toEqual([
      { kind: 'email', match: 'dana@corp.io' },
      { kind: 'ip-address', match: '10.0.0.5' },
    ]);
  });

  it('agrees with the tally of scrubText', () => {
    const tally: RedactionTally = {};
    scrubText(POSITIVE_CORPUS, KEY, tally);
    const counted: RedactionTally = {};
    for (const { kind } of findSecrets(POSITIVE_CORPUS)) counted[kind] = (counted[kind] ?? 0) + 1;
    expect(counted).toEqual(tally);
  });

  it('ignores markers already in place', () => {
    expect(findSecrets('[REDACTED:email:0123456789ab] and [REDACTED:jwt:abcdefabcdef]')).toEqual(
      [],
    );
  });
});

describe('ip-address after an @', () => {
  it('redacts the host of an ssh target', () => {
    const tally: RedactionTally = {};
    const out = scrubText('ssh root@10.0.0.5 uptime', KEY, tally);
    expect(out).not.toContain('10.0.0.5');
    expect(out).toMatch(/^ssh root@\[REDACTED:ip-address:[0-9a-f]{12}\] uptime$/);
    expect(tally['ip-address']).toBe(1);
  });
});
