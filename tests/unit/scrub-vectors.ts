/**
 * Vectors written by the team for the scrubber: one positive per family at least, and text that
 * must come through unchanged. Tokens are assembled at run time so that no scanner mistakes this
 * file for a leak.
 */
/** A deterministic pseudo-random run over `alphabet`, like a generated token (mulberry32). */
export function rnd(
  length: number,
  alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789',
  seed = 7,
): string {
  let state = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out += alphabet.charAt(((t ^ (t >>> 14)) >>> 0) % alphabet.length);
  }
  return out;
}
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** [family, text, the secret that must disappear] — one row per family at least. */
export const POSITIVES: Array<[string, string, string]> = [
  [
    'private-key',
    `-----BEGIN EC PRIVATE KEY-----\n${rnd(64, B64)}\n-----END EC PRIVATE KEY-----`,
    rnd(64, B64),
  ],
  [
    'age-secret-key',
    `AGE-SECRET-KEY-1${rnd(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
    `AGE-SECRET-KEY-1${rnd(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
  ],
  ['jwt', `cookie session=eyJ${rnd(20)}.eyJ${rnd(30)}.${rnd(20)}`, `eyJ${rnd(20)}`],
  ['github-token', `pushed with gho_${rnd(36)} yesterday`, `gho_${rnd(36)}`],
  ['gitlab-token', `gitlab-runner register --token glrt-${rnd(22)}`, `glrt-${rnd(22)}`],
  ['openai-key', `here: sk-proj-${rnd(40)}T3BlbkFJ${rnd(40)}`, `T3BlbkFJ${rnd(40)}`],
  ['anthropic-key', `export KEY=sk-ant-api03-${rnd(90)}AA`, rnd(90)],
  [
    'aws-access-key',
    `id ASIA${rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')} in the log`,
    rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
  ],
  ['aws-bedrock-key', `ABSK${rnd(80, B64)}=`, rnd(80, B64)],
  ['google-api-key', `maps?key=AIza${rnd(35)}`, `AIza${rnd(35)}`],
  ['google-oauth-token', `gcloud printed ya29.${rnd(60)}`, `ya29.${rnd(60)}`],
  ['slack-token', `bot xoxb-1234567890-${rnd(24)}`, rnd(24)],
  [
    'slack-webhook',
    `POST https://hooks.slack.com/services/T0${rnd(8)}/B0${rnd(8)}/${rnd(24)}`,
    rnd(24),
  ],
  ['discord-webhook', `https://discord.com/api/webhooks/123456789012345678/${rnd(68)}`, rnd(68)],
  ['discord-bot-token', `token M${rnd(23)}.${rnd(6)}.${rnd(38)}`, `M${rnd(23)}.${rnd(6)}`],
  ['telegram-bot-token', `https://api.telegram.org/bot1234567890:${rnd(35)}/sendMessage`, rnd(35)],
  ['stripe-key', `stripe listen --api-key rk_live_${rnd(40)}`, `rk_live_${rnd(40)}`],
  [
    'huggingface-token',
    `HF says hf_${rnd(34, 'abcdefghijklmnopqrstuvwxyzABCDEFG')}`,
    rnd(34, 'abcdefghijklmnopqrstuvwxyzABCDEFG'),
  ],
  ['npm-token', `//npm.pkg.github.com/:_authToken=${rnd(40)}`, rnd(40)],
  ['pypi-token', `twine with pypi-AgEIcHlwaS5vcmc${rnd(60)}`, rnd(60)],
  ['sendgrid-key', `SG.${rnd(22)}.${rnd(43)}`, rnd(43)],
  [
    'mailgun-key',
    `key-${rnd(32, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
    rnd(32, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  ],
  ['twilio-key', `Client("AC${rnd(32, HEX)}", "${rnd(32, HEX, 9)}")`, rnd(32, HEX, 9)],
  ['shopify-token', `shpat_${rnd(32, HEX)}`, rnd(32, HEX)],
  ['heroku-key', `HRKU-${rnd(60)}`, rnd(60)],
  ['digitalocean-token', `doctl auth init -t dop_v1_${rnd(64, HEX)}`, rnd(64, HEX)],
  ['onepassword-token', `OP_SERVICE_ACCOUNT ops_eyJ${rnd(80)}`, rnd(80)],
  ['vercel-token', `vercel --token vcp_${rnd(40)}`, rnd(40)],
  ['cloudflare-token', `cfut_${rnd(40)}${rnd(8, HEX)}`, rnd(40)],
  ['databricks-token', `dapi${rnd(32, HEX)}`, rnd(32, HEX)],
  ['docker-token', `echo dckr_pat_${rnd(27)} | docker login --password-stdin`, rnd(27)],
  ['figma-token', `figd_${rnd(40)}`, rnd(40)],
  ['grafana-token', `glsa_${rnd(32)}_${rnd(8, HEX)}`, rnd(32)],
  ['groq-key', `gsk_${rnd(52)}`, rnd(52)],
  ['vault-token', `vault login hvs.${rnd(90)}`, rnd(90)],
  ['linear-key', `lin_api_${rnd(40)}`, rnd(40)],
  ['notion-token', `ntn_${rnd(46)}`, rnd(46)],
  ['supabase-token', `sbp_${rnd(40, HEX)}`, rnd(40, HEX)],
  ['azure-ad-secret', `client secret abc8Q~${rnd(34)}`, rnd(34)],
  ['azure-acr-password', `${rnd(42, B64)}+ACR${rnd(6)}`, rnd(42, B64)],
  ['atlassian-token', `ATATT3${rnd(180)}`, rnd(180)],
  ['postman-key', `PMAK-${rnd(24, HEX)}-${rnd(34, HEX)}`, rnd(34, HEX)],
  ['sentry-token', `sntrys_${rnd(60)}`, rnd(60)],
  [
    'newrelic-key',
    `NRAK-${rnd(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
    rnd(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  ],
  ['planetscale-token', `pscale_tkn_${rnd(43)}`, rnd(43)],
  ['pulumi-token', `pul-${rnd(40, HEX)}`, rnd(40, HEX)],
  ['doppler-token', `dp.st.${rnd(44)}`, rnd(44)],
  ['ai-provider-key', `PPLX pplx-${rnd(48)}`, rnd(48)],
  ['url-credentials', 'git clone https://dana:Tr0ub4dor3@git.corp.io/app.git', 'Tr0ub4dor3'],
  ['connection-string', 'Server=db;User Id=app;Password=Gh7!kq2Lw;Encrypt=true', 'Gh7!kq2Lw'],
  [
    'auth-header',
    'curl -H "Authorization: Token 9f8e7d6c5b4a39281706f5e4"',
    '9f8e7d6c5b4a39281706f5e4',
  ],
  ['cli-credential', 'wget --user=dana --password Qz8rT4mn2 https://x.io', 'Qz8rT4mn2'],
  ['aws-secret-key', `aws configure set aws_session_token ${rnd(60, B64)}`, rnd(60, B64)],
  ['secret-assignment', 'DJANGO_SECRET = "lake-fog-ember-71"', 'lake-fog-ember-71'],
  ['secret-in-prose', `my deploy token is ${rnd(20, HEX)}7x and it expired`, rnd(20, HEX)],
  ['high-entropy-token', `VENDOR_NEW = "${rnd(44)}"`, rnd(44)],
  ['email', 'mail dana.ruiz@corp.io the log', 'dana.ruiz@corp.io'],
  ['home-path', 'cd /home/dana/src', 'dana'],
  [
    'ip-address',
    'ssh deploy@2a03:2880:f12f:83:face:b00c:0:25de',
    '2a03:2880:f12f:83:face:b00c:0:25de',
  ],
];

/** Text that must come through unchanged: code, placeholders and look-alikes of every family. */
export const NEGATIVES: string[] = [
  'implementation "io.jsonwebtoken:jjwt-impl:0.12.6"',
  '.token-input:hover, #password-hint { color: red; }',
  'interface Props { apiKey: Uint8Array; token?: Buffer; secret: Promise<string> }',
  'export OPENAI_API_KEY=sk-... and ANTHROPIC_API_KEY=<your key>',
  'password: "${DB_PASSWORD}", token: process.env.GH_TOKEN, secret: $SECRET',
  'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
  'const { token } = await login(user, password);',
  'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx is the format of a classic token',
  'max_tokens: 4096, tokenizer: "cl100k_base", token_count = 12',
  'git checkout 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  'docker pull node@sha256:1f4a6c0d9e3b2a5c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c',
  '"integrity": "sha512-Q2k8xZfRw3M9aLpT7vB1nC4dE6gH0jK5sU8yW2oX4qR7tV9bN3mP6lJ1hG5fD8s=="',
  'https://user:${PASS}@example.com and postgres://app:<password>@db:5432/x',
  'time 12:30:45, mac 00:1a:2b:3c:4d:5e, std::vector<int>, fe80::1, ::1',
  'ping 127.0.0.1 and 192.0.2.10; netmask 255.255.255.0',
  'cd /home/user/app && ls /Users/runner/work',
  'git@github.com:acme/api.git and noreply@example.com',
  'curl -u "$USER:$PASS" https://api.example.com',
  'Authorization: Bearer ${token}',
  'session_id = "sess-2024-05"',
  'const keyName = "primary"; const secretName = "db-credentials";',
  'Use --password-stdin rather than -p.',
  '<meta http-equiv="content-security-policy" content="script-src \'sha256-Q2BPg90ZMplYY+FSdApNErhpWafg2hcRRbndmvxuL/Q=\'">',
  'mkdir -p src/components && docker run -p 8080:80 nginx',
];

/** Shapes that secretlint's rules look for and the family vectors above do not show. */
export const SCANNER_SHAPES: string[] = [
  `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${rnd(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}\\n-----END PRIVATE KEY-----\\n", "client_email": "bot@proj.iam.gserviceaccount.com"}`,
  `mongodb+srv://app:${rnd(14)}@cluster0.mongodb.net/prod`,
  `https://deploy:${rnd(12)}@registry.corp.io/v2/`,
  `AWS_SECRET_ACCESS_KEY="${rnd(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}"`,
  `SLACK_WEBHOOK=https://hooks.slack.com/services/T${rnd(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/B${rnd(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/${rnd(24)}`,
  `//registry.npmjs.org/:_authToken=npm_${rnd(36)}`,
];
