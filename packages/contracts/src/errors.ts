/**
 * Stable error codes `E_<AREA>_<PROBLEM>` with their HTTP status and messages in zh-CN and en-US.
 * Messages may hold `{name}` placeholders filled from the problem's parameters.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export const errorCatalogue = {
  E_REQUEST_INVALID: { status: 400, zh: '请求参数无效：{detail}', en: 'Invalid request: {detail}' },
  E_ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{path}', en: 'No such endpoint: {path}' },
  E_INTERNAL: {
    status: 500,
    zh: '服务器内部错误（请求编号 {requestId}）',
    en: 'Internal server error (request {requestId})',
  },
  E_RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  E_FRAMEWORK_NOT_FOUND: { status: 404, zh: '指标体系不存在：{code}', en: 'No such framework: {code}' },
  E_ORG_UNIT_NOT_FOUND: { status: 404, zh: '组织单元不存在：{code}', en: 'No such org unit: {code}' },
  E_AUTH_INVALID: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  E_AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  E_AUTH_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins: the account is locked, try again in {minutes} minutes',
  },
  E_AUTH_FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  E_AUTH_CSRF: {
    status: 403,
    zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token: reload the page and try again',
  },
  E_AUTH_MUST_CHANGE_PASSWORD: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  E_AUTH_PASSWORD_WEAK: { status: 400, zh: '密码不符合要求：{reason}', en: 'Password rejected: {reason}' },
  E_USER_EXISTS: { status: 409, zh: '用户名已存在：{username}', en: 'Username already exists: {username}' },
  E_USER_NOT_FOUND: { status: 404, zh: '用户不存在：{username}', en: 'No such user: {username}' },
  E_USER_INVALID: {
    status: 400,
    zh: '用户名无效：{username}（3–64 个字母、数字、点、下划线或连字符）',
    en: 'Invalid username: {username} (3–64 letters, digits, dots, underscores or hyphens)',
  },
  E_ROLE_INVALID: { status: 400, zh: '角色无效：{role}', en: 'Invalid role: {role}' },
  E_SCOPE_UNKNOWN: {
    status: 400,
    zh: '角色 {role} 的范围无效：{scope}（{expected}）',
    en: 'Invalid scope for role {role}: {scope} ({expected})',
  },
  E_PERIOD_INVALID: {
    status: 400,
    zh: '期间代码无效：{code}（应为 2024、2024Q1 或 2024-03）',
    en: 'Invalid period code: {code} (expected 2024, 2024Q1 or 2024-03)',
  },
  E_MONITORING_NO_DATA: {
    status: 404,
    zh: '{orgUnit} 在 {year} 年没有数据',
    en: 'No data for {orgUnit} in {year}',
  },
  E_MONITORING_INDICATOR_NOT_FOUND: {
    status: 404,
    zh: '指标不存在：{code}',
    en: 'No such indicator: {code}',
  },
  E_MONITORING_MODEL_INVALID: {
    status: 500,
    zh: '监测模型无法计算：{detail}',
    en: 'The monitoring model cannot be computed: {detail}',
  },
  E_TARGET_NOT_FOUND: {
    status: 404,
    zh: '指标体系 {framework} 中没有指标 {indicator} 的目标{where}',
    en: 'Framework {framework} has no target for indicator {indicator}{where}',
  },
  E_TARGET_AMBIGUOUS: {
    status: 409,
    zh: '指标 {indicator} 有多个目标，请用 orgUnit 和 year 指定其一',
    en: 'Indicator {indicator} has several targets: name one with orgUnit and year',
  },
  E_TARGET_INVALID: {
    status: 400,
    zh: '目标无效：{reason}',
    en: 'Invalid target: {reason}',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;

export type Locale = 'zh-CN' | 'en-US';

/**
 * Localised texts of coded parameter values (e.g. the `reason` of a weak password), so a parameter
 * stays a stable code in the API while the message reads naturally in each language.
 */
export const paramTexts: Record<string, { zh: string; en: string }> = {
  too_short: { zh: '至少需要 {min} 个字符', en: 'it needs at least {min} characters' },
  too_common: { zh: '属于常见弱密码', en: 'it is one of the most common passwords' },
  like_username: { zh: '不能与用户名相同或包含用户名', en: 'it must not equal or contain the username' },
  one_character: { zh: '不能只由一个字符重复组成', en: 'it must not repeat a single character' },
  same_as_current: {
    zh: '新密码不能与当前密码相同',
    en: 'the new password must differ from the current one',
  },
  org_unit_code: { zh: '应为组织单元代码', en: 'expected an org-unit code' },
  lead_unit_code: { zh: '应为牵头单位代码', en: 'expected a lead-unit code' },
  no_change: { zh: '请求未包含任何修改', en: 'the request changes nothing' },
  base_after_target: { zh: '基期年份须早于目标年份', en: 'the base year must precede the target year' },
};

/** Fills a message template's `{name}` placeholders (coded values through `paramTexts`). */
export function formatMessage(
  template: string,
  params: Readonly<Record<string, unknown>> = {},
  locale: Locale = 'zh-CN',
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in params)) return `{${k}}`;
    const value = String(params[k]);
    const text = paramTexts[value];
    return text ? formatMessage(locale === 'en-US' ? text.en : text.zh, params, locale) : value;
  });
}

/** The localised message of an error code. */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params?: Readonly<Record<string, unknown>>,
): string {
  const spec: ErrorSpec = errorCatalogue[code];
  return formatMessage(locale === 'en-US' ? spec.en : spec.zh, params, locale);
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; params?: Record<string, unknown>; requestId?: string };
}
