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
  E_TASK_NOT_FOUND: { status: 404, zh: '任务不存在：{code}', en: 'No such task: {code}' },
  E_TASK_ARTICLE_NOT_FOUND: {
    status: 404,
    zh: '政策条款不存在：{code}',
    en: 'No such policy article: {code}',
  },
  E_TASK_LEAD_UNIT_UNKNOWN: {
    status: 400,
    zh: '牵头单位代码无效：{code}',
    en: 'Unknown lead-unit code: {code}',
  },
  E_TASK_NOT_LEAD_UNIT: {
    status: 400,
    zh: '{leadUnit} 不是任务 {code} 的牵头单位',
    en: '{leadUnit} is not a lead unit of task {code}',
  },
  E_TASK_INDICATOR_UNKNOWN: { status: 400, zh: '指标代码无效：{code}', en: 'Unknown indicator code: {code}' },
  E_TASK_DUE_DATE_PAST: {
    status: 400,
    zh: '截止日期 {dueDate} 早于今天（{today}），请填写今天或以后的日期',
    en: 'The due date {dueDate} is before today ({today}): give today or a later date',
  },
  E_TASK_DATE_ORDER: {
    status: 400,
    zh: '截止日期 {dueDate} 不能早于开始日期 {startDate}',
    en: 'The due date {dueDate} cannot precede the start date {startDate}',
  },
  E_TASK_DATE_FUTURE: {
    status: 400,
    zh: '日期 {date} 晚于今天（{today}），不能登记尚未发生的事项',
    en: 'The date {date} is after today ({today}): events cannot be recorded before they happen',
  },
  E_TASK_PERCENT_INVALID: {
    status: 400,
    zh: '完成进度 {percent} 无效：应在 0 到 100 之间',
    en: 'Percent complete {percent} is invalid: it must be between 0 and 100',
  },
  E_TASK_FINAL_PERCENT: {
    status: 400,
    zh: '办结报告的完成进度须为 100（当前 {percent}）',
    en: 'A final report must state 100 percent complete (got {percent})',
  },
  E_TASK_PERIOD_INVALID: {
    status: 400,
    zh: '报告期 {period} 无效：应为 {example} 这样的代码，且不晚于当前报告期 {current}',
    en: 'Invalid reporting period {period}: use a code like {example}, no later than the current period {current}',
  },
  E_TASK_PERIOD_BEFORE_START: {
    status: 400,
    zh: '报告期 {period} 在任务开始（{startDate}）之前',
    en: 'The period {period} ends before the task started ({startDate})',
  },
  E_TASK_REPORT_EXISTS: {
    status: 409,
    zh: '{leadUnit} 在 {period} 已有{status}的报告，不能重复报送',
    en: '{leadUnit} already has a report for {period} that is {status}',
  },
  E_TASK_REPORT_NOT_FOUND: { status: 404, zh: '进展报告不存在：{id}', en: 'No such progress report: {id}' },
  E_TASK_REPORT_NOT_PENDING: {
    status: 409,
    zh: '报告 {id} 当前状态为 {status}，只能审核待审核的报告',
    en: 'Report {id} is {status}: only submitted reports can be reviewed',
  },
  E_TASK_MILESTONE_NOT_FOUND: {
    status: 404,
    zh: '任务 {code} 没有里程碑 {id}',
    en: 'Task {code} has no milestone {id}',
  },
  E_TASK_EVIDENCE_NOT_FOUND: {
    status: 404,
    zh: '证明材料 {id} 不存在，或不属于 {leadUnit} 在任务 {code} 上尚未使用的上传',
    en: 'Evidence {id} does not exist or is not an unattached upload of {leadUnit} on task {code}',
  },
  E_TASK_EVIDENCE_TOO_LARGE: {
    status: 413,
    zh: '文件“{file}”超过大小上限 {limitMb} MB，未保存任何文件',
    en: 'File "{file}" exceeds the size limit of {limitMb} MB; no file was stored',
  },
  E_TASK_EVIDENCE_TYPE: {
    status: 415,
    zh: '文件“{file}”的类型不允许（允许：{allowed}），未保存任何文件',
    en: 'File "{file}" is not an allowed type (allowed: {allowed}); no file was stored',
  },
  E_TASK_EVIDENCE_MISSING: {
    status: 400,
    zh: '请求中没有文件，或表单不是 multipart/form-data（字段：leadUnit，文件：file）',
    en: 'No file in the request, or it is not multipart/form-data (field leadUnit, files under file)',
  },
  E_TASK_EXTENSION_TOO_LATE: {
    status: 400,
    zh: '延期申请须在截止日期 {dueDate} 之前提出（今天 {today}）',
    en: 'An extension must be requested before the due date {dueDate} (today is {today})',
  },
  E_TASK_EXTENSION_DATE: {
    status: 400,
    zh: '新的截止日期 {newDueDate} 须晚于当前截止日期 {dueDate}',
    en: 'The new due date {newDueDate} must be after the current due date {dueDate}',
  },
  E_TASK_NO_DUE_DATE: {
    status: 400,
    zh: '任务 {code} 尚未设定截止日期，无需延期',
    en: 'Task {code} has no due date to extend',
  },
  E_TASK_EXTENSION_PENDING: {
    status: 409,
    zh: '{leadUnit} 在任务 {code} 上已有待审批的延期申请 {id}',
    en: '{leadUnit} already has a pending extension request {id} on task {code}',
  },
  E_TASK_EXTENSION_NOT_FOUND: {
    status: 404,
    zh: '延期申请不存在：{id}',
    en: 'No such extension request: {id}',
  },
  E_TASK_EXTENSION_DECIDED: {
    status: 409,
    zh: '延期申请 {id} 已处理（{status}）',
    en: 'Extension request {id} has already been decided ({status})',
  },
  E_TASK_CLOSED: {
    status: 409,
    zh: '任务 {code} 已于 {closedOn} 办结销号，不能再修改',
    en: 'Task {code} was closed on {closedOn} and cannot be changed',
  },
  E_TASK_CLOSURE_INCOMPLETE: {
    status: 409,
    zh: '任务 {code} 不能办结：以下牵头单位尚无已通过的办结报告：{missing}',
    en: 'Task {code} cannot be closed: no accepted final report yet from {missing}',
  },
  E_TASK_HAS_OPEN_CHILDREN: {
    status: 409,
    zh: '任务 {code} 的子任务尚未办结：{open}',
    en: 'Sub-tasks of {code} are still open: {open}',
  },
  E_TASK_NO_CHANGE: { status: 400, zh: '请求未包含任何修改', en: 'The request changes nothing' },
  E_TASK_SETTING_INVALID: {
    status: 400,
    zh: '督办设置无效：{detail}',
    en: 'Invalid supervision setting: {detail}',
  },
  E_TASK_WEIGHTS_INVALID: {
    status: 400,
    zh: '评分权重无效：权重之和须大于 0',
    en: 'Invalid scoring weights: they must add up to more than 0',
  },
  // ---- data collection (import, export, history) ----
  E_IMPORT_FORMAT: {
    status: 422,
    zh: '不支持的文件类型“{value}”（应为 .csv 或 .xlsx）',
    en: 'Unsupported file type "{value}" (expected .csv or .xlsx)',
  },
  E_IMPORT_EMPTY: { status: 422, zh: '文件是空的', en: 'The file is empty' },
  E_IMPORT_HEADER_ONLY: {
    status: 422,
    zh: '文件只有表头，没有数据行',
    en: 'The file has a header but no data rows',
  },
  E_IMPORT_HEADER: {
    status: 422,
    zh: '表头缺少列：{missing}（应为 indicator,org_unit,period,value[,source,comment] 或 指标,组织单元,期间,数值[,来源,备注]）',
    en: 'The header lacks columns: {missing} (expected indicator,org_unit,period,value[,source,comment] or 指标,组织单元,期间,数值[,来源,备注])',
  },
  E_IMPORT_HEADER_UNKNOWN: { status: 422, zh: '未知的列“{value}”', en: 'Unknown column "{value}"' },
  E_IMPORT_DELIMITER: {
    status: 422,
    zh: '文件似乎用“{delimiter}”分隔，请用逗号分隔（CSV）',
    en: 'The file seems to be separated by "{delimiter}": use commas (CSV)',
  },
  E_IMPORT_ENCODING: {
    status: 422,
    zh: '文件不是 UTF-8 或 GBK 文本，无法读取',
    en: 'The file is not UTF-8 or GBK text and cannot be read',
  },
  E_IMPORT_NOT_TEXT: {
    status: 422,
    zh: '文件不是文本（含控制字符或二进制内容）',
    en: 'The file is not text (it holds control characters or binary content)',
  },
  E_IMPORT_NOT_ZIP: {
    status: 422,
    zh: '文件不是有效的 .xlsx（不是 zip 压缩包）',
    en: 'The file is not a valid .xlsx (not a zip archive)',
  },
  E_IMPORT_CORRUPT: {
    status: 422,
    zh: '.xlsx 文件已损坏或不完整：{detail}',
    en: 'The .xlsx file is corrupt or truncated: {detail}',
  },
  E_IMPORT_TRUNCATED: {
    status: 422,
    zh: '.xlsx 文件不完整（缺少 zip 目录），可能上传或复制时被截断',
    en: 'The .xlsx file is incomplete (no zip directory): it was probably cut off while uploading or copying',
  },
  E_IMPORT_TOO_LARGE: {
    status: 413,
    zh: '文件超过上限：{what} {actual} > {limit}',
    en: 'The file exceeds a limit: {what} {actual} > {limit}',
  },
  E_IMPORT_ZIP_BOMB: {
    status: 422,
    zh: '压缩包条目“{value}”的压缩比 {ratio}:1 超过上限 {limit}:1',
    en: 'Zip entry "{value}" has a compression ratio of {ratio}:1, over the limit of {limit}:1',
  },
  E_IMPORT_TOO_MANY_ROWS: {
    status: 422,
    zh: '行数超过上限 {limit}',
    en: 'More rows than the limit of {limit}',
  },
  E_IMPORT_TOO_MANY_COLUMNS: {
    status: 422,
    zh: '工作表声明了 {actual} 列，超过上限 {limit}',
    en: 'The sheet declares {actual} columns, over the limit of {limit}',
  },
  E_IMPORT_TOO_MANY_CELLS: {
    status: 422,
    zh: '单元格数超过上限 {limit}',
    en: 'More cells than the limit of {limit}',
  },
  E_IMPORT_NO_SHEET: {
    status: 422,
    zh: '没有可识别的工作表（应为模板的“数据”表或长表格式）',
    en: "No recognisable sheet (expected the template's 数据 sheet or the long layout)",
  },
  E_IMPORT_TEMPLATE_META: {
    status: 422,
    zh: '模板的 _meta 表无效：{detail}',
    en: "The template's _meta sheet is invalid: {detail}",
  },
  E_IMPORT_ROW_SHAPE: {
    status: 422,
    zh: '该行有 {actual} 个字段，表头只有 {expected} 个',
    en: 'The row has {actual} fields but the header only {expected}',
  },
  E_IMPORT_QUOTE: { status: 422, zh: '引号未闭合', en: 'Unterminated quote' },
  E_IMPORT_FORMULA_CELL: {
    status: 422,
    zh: '“{value}” 是公式，请粘贴为数值',
    en: '"{value}" is a formula: paste it as a value',
  },
  E_IMPORT_MERGED_CELLS: {
    status: 422,
    zh: '合并单元格 {value} 无法导入，请取消合并',
    en: 'Merged cells {value} cannot be imported: unmerge them',
  },
  E_IMPORT_DATE_CELL: {
    status: 422,
    zh: '“{value}” 是日期，期间应写作 2024、2024Q1 或 2024-03',
    en: '"{value}" is a date: write periods as 2024, 2024Q1 or 2024-03',
  },
  E_IMPORT_REQUIRED: { status: 422, zh: '缺少必填值', en: 'A value is required' },
  E_IMPORT_UNKNOWN_INDICATOR: { status: 422, zh: '未知指标“{value}”', en: 'Unknown indicator "{value}"' },
  E_IMPORT_DERIVED_INDICATOR: {
    status: 422,
    zh: '“{value}” 是计算指标，由公式计算，不能填报',
    en: '"{value}" is a derived indicator computed by formula: it cannot be reported',
  },
  E_IMPORT_UNKNOWN_ORG_UNIT: { status: 422, zh: '未知组织单元“{value}”', en: 'Unknown org unit "{value}"' },
  E_IMPORT_UNKNOWN_PERIOD: {
    status: 422,
    zh: '“{value}” 不是期间代码（应为 2024、2024Q1 或 2024-03）',
    en: '"{value}" is not a period code (expected 2024, 2024Q1 or 2024-03)',
  },
  E_IMPORT_PERIOD_TYPE: {
    status: 422,
    zh: '期间“{value}”与指标的期间类型（{expected}）不符',
    en: 'Period "{value}" does not match the indicator\'s period type ({expected})',
  },
  E_IMPORT_UNKNOWN_SOURCE: {
    status: 422,
    zh: '未知来源“{value}”（应为 report、provincial、national、published 或 sample）',
    en: 'Unknown source "{value}" (expected report, provincial, national, published or sample)',
  },
  E_IMPORT_OUT_OF_SCOPE: {
    status: 422,
    zh: '无权为组织单元“{value}”填报数据',
    en: 'You may not report data for org unit "{value}"',
  },
  E_IMPORT_SOURCE_FORBIDDEN: {
    status: 422,
    zh: '你的角色不能写入来源“{value}”的数据',
    en: 'Your role may not write data of source "{value}"',
  },
  E_IMPORT_DUPLICATE: {
    status: 422,
    zh: '与第 {firstRow} 行重复（同一指标、组织单元、期间和来源）',
    en: 'Duplicates row {firstRow} (same indicator, org unit, period and source)',
  },
  E_IMPORT_LOCKED: {
    status: 422,
    zh: '{value} 的数据已报送或审核通过（锁定），请先退回或撤销审核',
    en: 'The data of {value} are submitted or approved (locked): have them returned or unapproved first',
  },
  E_IMPORT_NOT_A_NUMBER: { status: 422, zh: '“{value}” 不是数字', en: '"{value}" is not a number' },
  E_IMPORT_PERCENT_SIGN: {
    status: 422,
    zh: '“{value}” 带百分号，但该指标不是百分比',
    en: '"{value}" has a percent sign but the indicator is not a percentage',
  },
  E_IMPORT_NOT_INTEGER: {
    status: 422,
    zh: '“{value}” 应为整数',
    en: '"{value}" should be a whole number',
  },
  E_IMPORT_NEGATIVE: { status: 422, zh: '“{value}” 不能为负数', en: '"{value}" must not be negative' },
  E_IMPORT_OUT_OF_RANGE: {
    status: 422,
    zh: '“{value}” 超出合理范围 [{min}, {max}]',
    en: '"{value}" is outside the plausible range [{min}, {max}]',
  },
  E_IMPORT_RULE_FAILED: {
    status: 422,
    zh: '违反校验规则 {rule}：{expression}',
    en: 'Breaks validation rule {rule}: {expression}',
  },
  E_IMPORT_COMMENT_REQUIRED: {
    status: 422,
    zh: '“{value}” 触发预警（{warnings}），请填写备注说明，或确认接受预警',
    en: '"{value}" raises warnings ({warnings}): add a comment, or accept the warnings',
  },
  E_IMPORT_CONFLICT: {
    status: 409,
    zh: '数据在导入期间被他人修改，请重新导入',
    en: 'The data changed while importing: import again',
  },
  E_DATA_VALUE_STALE: {
    status: 409,
    zh: '该数值已被他人修改（当前版本 {current}，你的版本 {expected}），请刷新后重试',
    en: 'Someone changed this value meanwhile (version {current}, yours {expected}): reload and try again',
  },
  E_DATA_VALUE_NOT_FOUND: { status: 404, zh: '数值不存在：{key}', en: 'No such data value: {key}' },
  E_DATA_VALUE_KEY: {
    status: 400,
    zh: '数值键无效：{key}（应为 指标:组织单元:期间:来源）',
    en: 'Invalid data-value key: {key} (expected indicator:org_unit:period:source)',
  },
  // ---- submission workflow ----
  E_WORKFLOW_NOT_FOUND: { status: 404, zh: '报送不存在：{id}', en: 'No such submission: {id}' },
  E_WORKFLOW_STALE: {
    status: 409,
    zh: '该报送已被他人处理（当前版本 {current}，你的版本 {expected}），请刷新后重试',
    en: 'Someone acted on this submission meanwhile (version {current}, yours {expected}): reload and try again',
  },
  E_WORKFLOW_STATE: {
    status: 409,
    zh: '报送 {id} 的状态为 {status}，不能执行“{action}”',
    en: 'Submission {id} is {status}: it cannot be {action}',
  },
  E_WORKFLOW_REASON_REQUIRED: {
    status: 400,
    zh: '“{action}”须填写理由',
    en: 'A reason is required to {action}',
  },
  E_WORKFLOW_BULK_REFUSED: {
    status: 409,
    zh: '批量操作未执行：{count} 项无法处理（{ids}）',
    en: 'Nothing was done: {count} items cannot be processed ({ids})',
  },
  E_WORKFLOW_NOTHING_APPROVED: {
    status: 409,
    zh: '{framework} {period} 没有已审核通过的报送可发布',
    en: 'Framework {framework} has no approved submissions to publish for {period}',
  },
  E_WORKFLOW_NOT_PUBLISHED: {
    status: 409,
    zh: '数值 {id} 尚未发布（状态 {status}），只有已发布的数值才需修订',
    en: 'Value {id} is not published (status {status}): only published values are revised',
  },
  E_WORKFLOW_SAMPLE_VALUE: {
    status: 409,
    zh: '数值 {id} 属于示例数据，不在报送流程之内',
    en: 'Value {id} belongs to the sample dataset, outside the submission workflow',
  },
  E_WORKFLOW_DEADLINE_INVALID: {
    status: 400,
    zh: '{periodType} 的报送截止规则无效：{detail}',
    en: 'Invalid submission deadline for {periodType}: {detail}',
  },
  E_EVALUATION_RUN_NOT_FOUND: { status: 404, zh: '评价运行不存在：{id}', en: 'No such evaluation run: {id}' },
  E_EVALUATION_FRAMEWORK_VERSION: {
    status: 404,
    zh: '指标体系 {code} 没有版本 {version}',
    en: 'Framework {code} has no version {version}',
  },
  E_EVALUATION_NO_UNITS: {
    status: 422,
    zh: '{years} 年没有可评价的{level}级单元（或没有数据）',
    en: 'No {level} units with data to evaluate in {years}',
  },
  E_EVALUATION_SETTINGS: {
    status: 400,
    zh: '评价设置无效：{detail}',
    en: 'Invalid evaluation settings: {detail}',
  },
  E_EVALUATION_PIPELINE: {
    status: 422,
    zh: '评价计算被拒绝（{problem}）：{detail}',
    en: 'The evaluation was refused ({problem}): {detail}',
  },
  E_EVALUATION_AHP_MATRIX: {
    status: 400,
    zh: '判断矩阵无效（第 {row} 行第 {col} 列）：{detail}',
    en: 'Invalid pairwise matrix (row {row}, column {col}): {detail}',
  },
  E_EVALUATION_AHP_INCONSISTENT: {
    status: 422,
    zh: '{parent} 的判断矩阵一致性比率 CR = {cr} ≥ {threshold}，请调整或明确接受',
    en: 'The pairwise matrix of {parent} has CR = {cr} ≥ {threshold}: revise it or accept it explicitly',
  },
  E_EVALUATION_NOT_FINISHED: {
    status: 409,
    zh: '评价运行 {id} 的状态为 {status}，只能发布已完成的运行',
    en: 'Evaluation run {id} is {status}: only finished runs can be published',
  },
  E_EVALUATION_INPUTS_UNPUBLISHED: {
    status: 409,
    zh: '评价运行 {id} 使用了未发布（或已变更）的数据，不能发布',
    en: 'Evaluation run {id} used data that are not published (or have changed since): it cannot be published',
  },
  E_EVALUATION_ALREADY_PUBLISHED: {
    status: 409,
    zh: '评价运行 {id} 已发布',
    en: 'Evaluation run {id} is already published',
  },
  E_EVALUATION_NOT_CANCELLABLE: {
    status: 409,
    zh: '评价运行 {id} 的状态为 {status}，不能取消',
    en: 'Evaluation run {id} is {status}: it cannot be cancelled',
  },
  // ---- statistics coordination ----
  E_COORDINATION_NOT_FOUND: {
    status: 404,
    zh: '{indicator} {orgUnit} {period} 没有两个及以上来源的数值，无需协调',
    en: '{indicator} {orgUnit} {period} does not hold values from two or more sources: nothing to coordinate',
  },
  E_COORDINATION_SOURCE_NO_VALUE: {
    status: 400,
    zh: '来源 {source} 在 {indicator} {orgUnit} {period} 没有数值，不能选为采用值',
    en: 'Source {source} has no value for {indicator} {orgUnit} {period}: it cannot be chosen',
  },
  E_COORDINATION_STALE: {
    status: 409,
    zh: '{indicator} {orgUnit} {period} 的来源数值已被修改，请刷新后重新协调',
    en: 'The source values of {indicator} {orgUnit} {period} changed meanwhile: reload and resolve again',
  },
  E_COORDINATION_PRECEDENCE: {
    status: 400,
    zh: '来源优先顺序须恰好包含每个来源一次（{expected}），收到：{precedence}',
    en: 'The source precedence must list every source exactly once ({expected}); got: {precedence}',
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
