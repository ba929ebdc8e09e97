/**
 * What the scrubber looks for, kept as data: one row per way a secret appears in a transcript.
 *
 * A row names its family (the `<kind>` of the marker and the key of the report), the cheap
 * keywords of which one must occur in the text (lower case) before its pattern runs, and the
 * pattern. The named group `secret` is what gets replaced; without it, the whole match. `benign`
 * names a veto from `scrub-vetoes.ts` for matches that only look like secrets.
 *
 * Every pattern is a regular-expression literal so that `eslint-plugin-regexp` can prove it free
 * of super-linear backtracking and super-linear moves (see eslint.config.js); repeated runs are
 * bounded where a match could otherwise scan to the end of a long line from many starts.
 *
 * Order matters: rules run top to bottom and never touch a marker an earlier rule wrote, so the
 * vendor formats come first (a GitLab token assigned to `TOKEN=` is reported as a GitLab token),
 * then the contexts that reveal a secret of any shape, then personal data.
 *
 * Token formats are the vendors' documented shapes; the same families are covered by the secret
 * scanners' rule sets (secretlint's recommended preset, gitleaks), which the tests use as a
 * yardstick (tests/unit/scrub-coverage.test.ts).
 */
import type { VetoName } from './scrub-vetoes.ts';

export interface ScrubRule {
  readonly family: string;
  /** Lower-case strings; the rule runs only on text containing at least one of them. */
  readonly keywords: readonly string[];
  /** A literal with the `d` and `g` flags. */
  readonly pattern: RegExp;
  readonly benign?: VetoName;
}

export const SCRUB_RULES = [
  // ---- Key material -------------------------------------------------------------------------
  {
    family: 'private-key',
    keywords: ['private key'],
    // A whole PEM block, also with escaped line breaks inside a JSON string.
    pattern:
      /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:(?!-----BEGIN)[\s\S]){0,16000}?-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/dg,
  },
  {
    family: 'private-key',
    keywords: ['private key'],
    // A block cut off before its END line (`head`, truncation): the headers and the base64 run.
    pattern:
      /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:(?:\r?\n|\\{1,3}n)[A-Za-z-]{1,40}: [^\r\n\\]{0,200})*(?:(?:\r?\n|\\{1,3}n)+[ \t]*[A-Za-z0-9+/=]+)*/dg,
  },
  {
    family: 'age-secret-key',
    keywords: ['age-secret-key-'],
    pattern: /AGE-SECRET-KEY-1[0-9A-Z]{58}/dg,
  },

  // ---- Vendor token formats -----------------------------------------------------------------
  {
    family: 'jwt',
    keywords: ['eyj'],
    pattern: /(?<![\w-])eyJ[\w-]{8,}\.eyJ[\w-]{8,}(?:\.[\w-]*)?/dg,
  },
  {
    family: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /(?<![\w-])(?:gh[pousr]_[\w.-]{30,}|github_pat_\w{22,})/dg,
    benign: 'placeholder',
  },
  {
    family: 'gitlab-token',
    keywords: ['gl', 'gr1348941'],
    pattern:
      /(?<![\w-])(?:gl(?:pat|dt|rt|rtr|ptt|soat|cbt|ffct|ft|imt|agent|oas|wt)-[\w-]{20,}(?:\.[\w.-]{1,40})?|GR1348941[\w-]{20,})/dg,
    benign: 'placeholder',
  },
  {
    family: 'openai-key',
    keywords: ['sk-'],
    pattern:
      /(?<![\w-])sk-(?!ant-)(?:[\w-]{0,120}T3BlbkFJ[\w-]{16,}|(?:proj|svcacct|admin|None)-[\w-]{20,}|or-v1-[a-f0-9]{64}|[A-Za-z0-9]{32,})/dg,
    benign: 'placeholder',
  },
  {
    family: 'anthropic-key',
    keywords: ['sk-ant-'],
    pattern: /(?<![\w-])sk-ant-[\w-]{20,}/dg,
    benign: 'placeholder',
  },
  {
    family: 'aws-access-key',
    keywords: [
      'a3t',
      'akia',
      'asia',
      'abia',
      'acca',
      'agpa',
      'aida',
      'aroa',
      'aipa',
      'anpa',
      'anva',
      'apka',
    ],
    pattern:
      /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Z0-9])/dg,
  },
  {
    family: 'aws-bedrock-key',
    keywords: ['absk'],
    pattern: /(?<![\w+/])ABSK[A-Za-z0-9+/]{60,}={0,2}/dg,
  },
  {
    family: 'google-api-key',
    keywords: ['aiza'],
    pattern: /(?<![\w-])AIza[\w-]{35}(?![\w-])/dg,
  },
  {
    family: 'google-oauth-token',
    keywords: ['ya29.', 'gocspx-', '1//0'],
    pattern: /(?<![\w-])(?:ya29\.[\w-]{20,}|GOCSPX-[\w-]{24,}|1\/\/0[\w-]{40,})/dg,
  },
  {
    family: 'slack-token',
    keywords: ['xox', 'xapp-'],
    pattern: /(?<![\w-])(?:xox[abposre]-(?:\d-)?[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})/dg,
    benign: 'placeholder',
  },
  {
    family: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[\w-]+(?:\/[\w-]+)*)/dg,
  },
  {
    family: 'discord-webhook',
    keywords: ['discord'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/(?<secret>[\w-]{20,})/dg,
  },
  {
    family: 'discord-bot-token',
    keywords: ['.'],
    // The first part is a base64 user id, which starts with M, N or O for ids of this era.
    pattern: /(?<![\w.-])[MNO][A-Za-z0-9_-]{22,27}\.[\w-]{6,7}\.[\w-]{27,40}(?![\w.-])/dg,
    benign: 'notRandom',
  },
  {
    family: 'telegram-bot-token',
    keywords: [':'],
    pattern: /(?<![\w:-])(?:bot)?(?<secret>\d{8,10}:[\w-]{35})(?![\w-])/dg,
  },
  {
    family: 'stripe-key',
    keywords: ['_live_', '_test_', '_prod_', 'whsec_'],
    pattern: /(?<![\w-])(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,})/dg,
    benign: 'placeholder',
  },
  {
    family: 'huggingface-token',
    keywords: ['hf_', 'api_org_'],
    pattern: /(?<![\w-])(?:hf|api_org)_[A-Za-z0-9]{34}(?!\w)/dg,
  },
  {
    family: 'npm-token',
    keywords: ['npm_'],
    pattern: /(?<![\w-])npm_[A-Za-z0-9]{36}(?!\w)/dg,
  },
  {
    family: 'npm-token',
    keywords: ['_authtoken', '_auth', '_password'],
    // .npmrc: `//registry/:_authToken=…`, `_auth=…`, `_password=…`.
    pattern: /:?_(?:authToken|auth|password)[ \t]*=[ \t]*["']?(?<secret>[^\s"']+)/dg,
    benign: 'reference',
  },
  {
    family: 'pypi-token',
    keywords: ['pypi-ag'],
    pattern: /(?<![\w-])pypi-Ag[\w-]{50,}/dg,
  },
  {
    family: 'sendgrid-key',
    keywords: ['sg.'],
    pattern: /(?<![\w.-])SG\.[\w-]{16,32}\.[\w-]{16,64}/dg,
  },
  {
    family: 'mailgun-key',
    keywords: ['key-', 'mailgun'],
    pattern: /(?<![\w-])(?:key-[a-z0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![\w-])/dg,
  },
  {
    family: 'twilio-key',
    keywords: ['twilio', 'client('],
    // An account or API-key SID, and the auth token passed right after it.
    pattern:
      /(?<![\w-])(?:AC|SK)[a-f0-9]{32}(?:["'`][ \t]*,[ \t]*["'`](?<secret>[a-f0-9]{32})["'`])?/dg,
  },
  {
    family: 'shopify-token',
    keywords: ['shp'],
    pattern: /(?<![\w-])shp(?:at|ca|pa|ss|tka)_[A-Za-z0-9]{32,}/dg,
  },
  {
    family: 'heroku-key',
    keywords: ['hrku-'],
    pattern: /(?<![\w-])HRKU-[\w-]{20,}/dg,
  },
  {
    family: 'digitalocean-token',
    keywords: ['_v1_'],
    pattern: /(?<![\w-])do[opr]_v1_[a-f0-9]{64}/dg,
  },
  {
    family: 'onepassword-token',
    keywords: ['ops_ey'],
    pattern: /(?<![\w-])ops_eyJ[\w+/=-]{50,}/dg,
  },
  {
    family: 'vercel-token',
    keywords: ['vc'],
    pattern: /(?<![\w-])vc[pirak]_[A-Za-z0-9]{24,}/dg,
  },
  {
    family: 'cloudflare-token',
    keywords: ['cf'],
    pattern: /(?<![\w-])cf(?:at|ut|k)_[A-Za-z0-9]{40,}/dg,
  },
  {
    family: 'databricks-token',
    keywords: ['dapi', 'dkea', 'dose'],
    pattern: /(?<![\w-])(?:dapi|dkea|dose)[a-fA-F0-9]{32}(?:-\d)?(?![\w-])/dg,
  },
  {
    family: 'docker-token',
    keywords: ['dckr_'],
    pattern: /(?<![\w-])dckr_(?:pat|oat)_[\w-]{20,}/dg,
  },
  {
    family: 'figma-token',
    keywords: ['fig'],
    pattern: /(?<![\w-])fig[dopu]_[\w-]{30,}/dg,
  },
  {
    family: 'grafana-token',
    keywords: ['glc_', 'glsa_'],
    pattern: /(?<![\w-])(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})/dg,
  },
  {
    family: 'groq-key',
    keywords: ['gsk_'],
    pattern: /(?<![\w-])gsk_[A-Za-z0-9]{48,}/dg,
  },
  {
    family: 'vault-token',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    pattern: /(?<![\w.-])hv[sbr]\.[\w-]{24,}/dg,
  },
  {
    family: 'linear-key',
    keywords: ['lin_'],
    pattern: /(?<![\w-])lin_(?:api|oauth)_[A-Za-z0-9]{32,}/dg,
  },
  {
    family: 'notion-token',
    keywords: ['ntn_', 'secret_'],
    pattern: /(?<![\w-])(?:ntn_[A-Za-z0-9]{40,}|secret_[A-Za-z0-9]{43}(?!\w))/dg,
    benign: 'notRandom',
  },
  {
    family: 'supabase-token',
    keywords: ['sbp_', 'sb_secret_'],
    pattern: /(?<![\w-])(?:sbp_[a-f0-9]{40}|sbp_[a-z0-9]{40}|sb_secret_[\w-]{20,})/dg,
  },
  {
    family: 'azure-ad-secret',
    keywords: ['q~'],
    pattern: /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/dg,
  },
  {
    family: 'azure-acr-password',
    keywords: ['+acr'],
    pattern: /(?<![\w+/])[A-Za-z0-9+/]{40,44}\+ACR[A-Za-z0-9]{6}(?![\w+/])/dg,
  },
  {
    family: 'atlassian-token',
    keywords: ['atatt', 'atcta'],
    pattern: /(?<![\w-])(?:ATATT|ATCTT)3[\w=-]{150,}/dg,
  },
  {
    family: 'postman-key',
    keywords: ['pmak-'],
    pattern: /(?<![\w-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}/dg,
  },
  {
    family: 'sentry-token',
    keywords: ['sntrys_', 'sntryu_'],
    pattern: /(?<![\w-])sntry[su]_[\w+/=]{40,}/dg,
  },
  {
    family: 'newrelic-key',
    keywords: ['nrak-', 'nrjs-', 'nrii-'],
    pattern: /(?<![\w-])NR(?:AK|JS|II)-[A-Za-z0-9]{19,27}/dg,
  },
  {
    family: 'planetscale-token',
    keywords: ['pscale_'],
    pattern: /(?<![\w-])pscale_(?:tkn|pw|oauth)_[\w.-]{32,}/dg,
  },
  {
    family: 'pulumi-token',
    keywords: ['pul-'],
    pattern: /(?<![\w-])pul-[a-f0-9]{40}/dg,
  },
  {
    family: 'doppler-token',
    keywords: ['dp.'],
    pattern: /(?<![\w.-])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}/dg,
  },
  {
    family: 'ai-provider-key',
    keywords: ['pplx-', 'xai-', 'r8_', 'tvly-', 'lsv2_', 'fc-', 'gsk-'],
    // Perplexity, xAI, Replicate, Tavily, LangSmith, Firecrawl.
    pattern:
      /(?<![\w-])(?:pplx-[A-Za-z0-9]{40,}|xai-[A-Za-z0-9]{60,}|r8_[A-Za-z0-9]{37}|tvly-[A-Za-z0-9-]{28,}|lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}|fc-[a-f0-9]{32})(?![\w-])/dg,
  },

  // ---- Contexts that reveal a secret of any shape -------------------------------------------
  {
    family: 'url-credentials',
    keywords: ['://'],
    // The password of a URL's user info (any scheme: https, postgres, mongodb+srv, redis, jdbc:…).
    pattern:
      /(?<![\w+.-])[A-Za-z][\w+.-]{0,30}:\/\/(?<secret>[^\s:/@"'<>`]{0,256}:(?<password>[^\s/"'<>`]{1,256}))@(?=[\w[])/dg,
    benign: 'urlPassword',
  },
  {
    family: 'connection-string',
    keywords: ['password=', 'pwd=', 'accountkey=', 'accesskey=', 'sharedaccess', 'clientsecret='],
    // ADO.NET, ODBC, JDBC and Azure `…;Key=value;…` strings, and `,password=…,` in Redis-style
    // lists: a separator on one side tells them from an assignment in code.
    pattern:
      /(?:[;,][ \t]*(?:Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature|AccessKey|ClientSecret)=(?<secret>[^;,"'\s)]{1,512})|(?<![\w-])(?:Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature|AccessKey|ClientSecret)=(?<value>[^;,"'\s)]{1,512})(?=[;,]))/dgi,
    benign: 'connectionValue',
  },
  {
    family: 'url-credentials',
    keywords: ['sig=', 'signature=', 'token=', 'key=', 'secret=', 'password=', 'code='],
    // A secret in a URL's query string.
    pattern:
      /[?&](?:sig|signature|X-Amz-Signature|X-Amz-Security-Token|X-Goog-Signature|access_token|refresh_token|id_token|token|api_key|apikey|key|secret|client_secret|password|code)=(?<secret>[^&#\s"'<>`]{8,1024})/dgi,
    benign: 'placeholder',
  },
  {
    family: 'auth-header',
    keywords: ['authorization'],
    // Any scheme (Basic, Bearer, Token, Api-Token, Digest, …) or none.
    pattern:
      /Authorization["']?[ \t]*[:=][ \t]*["'`]?(?:(?:Bearer|Basic|Token|Api-?Token|Api-?Key|Digest|Negotiate|NTLM|Hawk|AWS4-HMAC-SHA256|SSWS|Splunk|GenieKey|Klaviyo-API-Key|DeepL-Auth-Key|OAuth|JWT|Key)[ \t]+)?(?<secret>[^\s"'`,;]{6,2048})/dgi,
    benign: 'headerValue',
  },
  {
    family: 'auth-header',
    keywords: ['bearer'],
    pattern: /(?<![\w-])Bearer[ \t]+(?<secret>[\w~+/.=-]{16,2048})/dgi,
    benign: 'bearerWord',
  },
  {
    family: 'cli-credential',
    keywords: ['-u', '--user'],
    // curl, wget and friends: `-u user:password`, `--user 'user:password'`.
    pattern:
      /(?<![\w-])(?:-u|--user|--proxy-user)(?:[ \t]+|=)["']?[^\s:"'<[{$]{0,128}:["']?(?<secret>[^\s"']{1,256})/dg,
    benign: 'placeholder',
  },
  {
    family: 'cli-credential',
    keywords: ['-p'],
    // `-p` is a password only after a login-like command (it is a port or a path elsewhere).
    pattern:
      /\b(?:login|auth|mysql|mysqladmin|mysqldump|twine|redis-cli|sshpass|htpasswd|upload)\b[^\n|;&]{0,200}?[ \t]-p(?:[ \t]+|(?=[^\s-]))["']?(?<secret>[^\s"']{1,256})/dg,
    benign: 'placeholder',
  },
  {
    family: 'cli-credential',
    keywords: ['--'],
    // `--password x`, `--token=x`, `--api-key x`, `--client-secret x`, `--access-token x`, …
    pattern:
      /(?<![\w-])--?(?<key>[\w-]{0,40}(?:password|passwd|token|secret|api-?key|apikey|access-?key|auth)[\w-]{0,40})(?:[ \t]+|=)["']?(?<secret>[^\s"']{1,512})/dgi,
    benign: 'flagValue',
  },
  {
    family: 'aws-secret-key',
    keywords: ['aws configure set'],
    pattern:
      /aws configure set[ \t]+(?:aws_secret_access_key|aws_session_token|aws_access_key_id)[ \t]+["']?(?<secret>[^\s"']{8,})/dg,
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'],
    // key op value: = : := => == != === !== ?= .= += <- with the key optionally quoted.
    pattern:
      /(?<![\w.-])(?<key>[\w.-]{1,80})\\?["']?[ \t]*(?<op>:=|=>|===?|!==?|\?=|\.=|\+=|=|:|<-)(?![=:>])[ \t]*@?(?:(?<quote>\\?["'`])(?<quoted>[^\r\n"'`]{0,4096}?)\k<quote>|(?<bare>[^\s"'`,;\\]{0,1023}[^\s"'`,;\\.:]))/dg,
    benign: 'assignment',
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'],
    // A value compared before its key: `if ("…" == password)`.
    pattern: /["'`](?<secret>[^\r\n"'`]{1,512})["'`][ \t]*(?:===?|!==?)[ \t]*(?<key>[\w.]{1,80})/dg,
    benign: 'assignment',
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'],
    // A key and its value as two arguments: `getenv("API_TOKEN", "…")`, `setProperty("X_TOKEN", "…")`.
    pattern: /["'`](?<key>[\w.-]{1,80})["'`][ \t]*,[ \t]*["'`](?<secret>[^\r\n"'`]{1,1024})["'`]/dg,
    benign: 'assignment',
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'],
    // A key followed directly by a quoted value: `password "…"`, `secret("…")`.
    pattern:
      /(?<![\w.-])(?<key>[\w.-]{1,80})(?:[ \t]+|[ \t]*\([ \t]*)@?["'`](?<secret>[^\r\n"'`]{1,1024})["'`]/dg,
    benign: 'assignment',
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'],
    // XML: <apiToken>…</apiToken>
    pattern: /<(?<key>[\w.-]{1,80})>\s{0,64}(?<secret>[^<\s]{1,1024})\s{0,64}<\/\k<key>>/dg,
    benign: 'assignment',
  },
  {
    family: 'secret-assignment',
    keywords: ['pass', 'secret', 'token', 'key', 'cred'],
    // A snake-case secret name followed by its value: `aws_secret_access_key wJal…`.
    pattern:
      /(?<![\w.-])(?<key>[A-Za-z]\w{0,40}_\w{1,40})[ \t]+(?<secret>[\w~+/=.-]{16,512})(?![\w~+/=.-])/dg,
    benign: 'positional',
  },
  {
    family: 'secret-in-prose',
    keywords: ['pass', 'secret', 'token', 'key', 'credential'],
    // "my api key is …", "the token - '…'", "client secret: …"
    pattern:
      /(?<![\w-])(?<key>password|passwd|passphrase|secret|token|api[ _-]?key|access[ _-]?key|secret[ _-]?key|auth[ _-]?token|access[ _-]?token|refresh[ _-]?token|private[ _-]?key|client[ _-]?secret|credentials?)(?:[ \t]+(?:is|was|=|:|to|-)|[ \t]*[:=-])?[ \t]+["'`(]?(?<secret>[\w~+/.=@$!%*#?&-]{8,512})/dgi,
    benign: 'prose',
  },
  {
    family: 'high-entropy-token',
    keywords: ['=', ':', '"', "'", '`', '('],
    // A long random-looking value anywhere: tokens of vendors the table does not know yet.
    // Only in a value's place (after `=`, `:`, an opening quote or bracket), never in prose.
    pattern: /(?:[=:(,[][ \t]{0,3}["'`]?|["'`])(?<secret>[\w+/.~-]{32,512}={0,2})(?![\w+/=.~-])/dg,
    benign: 'notHighEntropy',
  },

  // ---- Personal data ------------------------------------------------------------------------
  {
    family: 'email',
    keywords: ['@'],
    pattern:
      /(?<![\w.%+-])(?<secret>(?<local>[A-Za-z0-9][\w.%+-]{0,63})@(?<domain>(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}))(?![\w-])/dg,
    benign: 'email',
  },
  {
    family: 'home-path',
    keywords: ['/users/', '/home/', '\\users\\', ':/users/', 'users\\'],
    pattern:
      /(?:(?<![\p{L}\p{N}_.-])(?:\/mnt\/[a-z])?\/(?:Users|home)\/|(?<![\p{L}\p{N}])[A-Za-z]:(?:\\{1,2}|\/)[Uu]sers(?:\\{1,2}|\/))(?<secret>[\p{L}\p{N}._-]{0,63}[\p{L}\p{N}_-])/dgu,
    benign: 'homeName',
  },
  {
    family: 'ip-address',
    keywords: ['.'],
    pattern:
      /(?<![\w.])(?<secret>(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))(?!\w|\.\d)/dg,
    benign: 'ipv4',
  },
  {
    family: 'ip-address',
    keywords: [':'],
    pattern: /(?<![\w:.])(?<secret>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:.])/dg,
    benign: 'ipv6',
  },
] as const satisfies readonly ScrubRule[];

/** Every family the scrubber reports, in rule order. */
export const SCRUB_FAMILIES: readonly string[] = [...new Set(SCRUB_RULES.map((r) => r.family))];
