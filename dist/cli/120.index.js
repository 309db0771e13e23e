export const id = 120;
export const ids = [120];
export const modules = {

/***/ 6120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demo: () => (/* binding */ demo)
});

// UNUSED EXPORTS: COLUMNS, DEMO_CONFIG, DEMO_REPO, renderBoard, renderThread

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/emulator/index.ts + 7 modules
var emulator = __webpack_require__(7716);
;// CONCATENATED MODULE: ./src/intake/issue-form.ts
const NO_RESPONSE = (/* unused pure expression or super */ null && (['_no response_', 'none']));
function parseIssueForm(body, spec) {
    // Callers pass `issue.body` straight from a payload, which can be null or, if mistyped, anything.
    let text = typeof body === 'string' ? body : '';
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const lines = text.split(/\r\n|\r|\n/);
    // 1 for lines inside (or opening/closing) a fence or comment: no headings, no checkboxes there.
    const hidden = new Uint8Array(lines.length);
    // Spec fields by heading key. Two fields with the same label cannot both be found; the first wins.
    const byKey = new Map();
    spec.forEach((f, i) => {
        const k = labelKey(f.label);
        if (!byKey.has(k))
            byKey.set(k, i);
    });
    const taken = new Array(spec.length).fill(false);
    const sections = [];
    let fence = null;
    let inComment = false;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (fence) {
            hidden[i] = 1;
            if (closesFence(line, fence))
                fence = null;
            continue;
        }
        if (inComment) {
            hidden[i] = 1;
            if (line.includes('-->'))
                inComment = false;
            continue;
        }
        const opened = openingFence(line);
        if (opened) {
            hidden[i] = 1;
            fence = opened;
            continue;
        }
        if (startsComment(line)) {
            hidden[i] = 1;
            // A comment closed on its own line hides nothing after it.
            inComment = !line.includes('-->');
            continue;
        }
        const h = parseHeading(line);
        if (!h)
            continue;
        const current = sections.at(-1);
        let field = byKey.get(labelKey(h.raw)) ?? byKey.get(labelKey(h.text)) ?? -1;
        if (field >= 0) {
            if (taken[field])
                field = -1;
            else
                taken[field] = true;
        }
        else if (current && h.level > current.level) {
            continue; // a sub-heading inside the current answer: it stays part of the text
        }
        if (current)
            current.end = i;
        sections.push({ field, heading: h.text || h.raw, level: h.level, start: i + 1, end: lines.length });
    }
    const values = spec.map((f) => [f.id, f.type === 'checkboxes' ? [] : null]);
    const extra = [];
    for (const s of sections) {
        if (s.field < 0) {
            extra.push({ heading: s.heading, text: lines.slice(s.start, s.end).join('\n').trim() });
        }
        else {
            values[s.field][1] = readValue(spec[s.field], lines, hidden, s.start, s.end);
        }
    }
    return {
        fromForm: taken.some(Boolean),
        // fromEntries, not assignment: an id such as `__proto__` must stay an ordinary key.
        values: Object.fromEntries(values),
        missing: spec.filter((f, i) => f.type !== 'checkboxes' && values[i][1] === null).map((f) => f.id),
        extra,
    };
}
function renderIssueForm(values, spec, options = {}) {
    const body = spec
        .map((f) => `### ${f.label}\n\n${renderValue(f, Object.hasOwn(values, f.id) ? values[f.id] : null)}`)
        .join('\n\n');
    return options.eol === '\r\n' ? body.replace(/\r?\n/g, '\r\n') : body;
}
function renderValue(f, v) {
    if (f.type === 'checkboxes') {
        const checked = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
        const keys = new Set(checked.map(labelKey));
        const opts = f.options ?? [];
        const optionKeys = new Set(opts.map(labelKey));
        const rows = opts.map((o) => `- [${keys.has(labelKey(o)) ? 'X' : ' '}] ${o}`);
        // GitHub cannot produce a ticked box that is not an option, but a caller may pass one: keep it.
        for (const c of checked)
            if (!optionKeys.has(labelKey(c)) && c.trim())
                rows.push(`- [X] ${c.trim()}`);
        return rows.length ? rows.join('\n') : '_No response_';
    }
    const raw = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v;
    if (f.type === 'textarea' && f.render !== undefined) {
        const code = trimCode(raw);
        return code ? '```' + f.render + '\n' + code + '\n```' : '_No response_';
    }
    const t = raw.trim();
    if (t)
        return t;
    return f.type === 'dropdown' ? 'None' : '_No response_';
}
function readValue(f, lines, hidden, start, end) {
    if (f.type === 'checkboxes') {
        const opts = new Map((f.options ?? []).map((o) => [labelKey(o), o]));
        const checked = [];
        for (let i = start; i < end; i++) {
            if (hidden[i])
                continue;
            const box = parseCheckbox(lines[i]);
            if (box?.checked)
                checked.push(opts.get(labelKey(box.label)) ?? box.label);
        }
        return checked;
    }
    const text = lines.slice(start, end).join('\n').trim();
    if (!text || NO_RESPONSE.includes(text.toLowerCase()))
        return null;
    if (f.type === 'textarea' && f.render !== undefined) {
        const code = unwrapFence(lines, start, end);
        if (code !== undefined)
            return code || null;
    }
    if (f.type === 'dropdown') {
        // Spelled like the option when it is one (a retyped `full outage`); anything else as written.
        const k = labelKey(text);
        return f.options?.find((o) => labelKey(o) === k) ?? text;
    }
    return text;
}
/**
 * The inside of an answer that is exactly one fenced block (a `render:` textarea), or undefined
 * when the answer is anything else (someone edited it), so the caller keeps the text as written.
 */
function unwrapFence(lines, start, end) {
    let a = start;
    let b = end - 1;
    while (a <= b && lines[a].trim() === '')
        a++;
    while (b >= a && lines[b].trim() === '')
        b--;
    if (b <= a)
        return undefined;
    const fence = openingFence(lines[a]);
    if (!fence || !closesFence(lines[b], fence))
        return undefined;
    for (let i = a + 1; i < b; i++)
        if (closesFence(lines[i], fence))
            return undefined;
    return trimCode(lines.slice(a + 1, b).join('\n'));
}
/** Code keeps its first line's indentation; only blank lines around it and trailing space go. */
function trimCode(s) {
    const t = s.trimEnd();
    let i = 0;
    // Drop whole leading blank lines, keeping the indentation of the first non-blank one.
    for (let j = 0; j < t.length; j++) {
        const c = t[j];
        if (c === '\n')
            i = j + 1;
        else if (c !== ' ' && c !== '\t' && c !== '\r')
            break;
    }
    return t.slice(i);
}
/** Compared form of a label or heading: case, spacing and Unicode composition do not matter. */
function labelKey(s) {
    return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
function indentOf(line) {
    let i = 0;
    while (i < line.length && line.charCodeAt(i) === 32)
        i++;
    return i;
}
function isBlank(s, from) {
    for (let i = from; i < s.length; i++) {
        const c = s[i];
        if (c !== ' ' && c !== '\t')
            return false;
    }
    return true;
}
function parseHeading(line) {
    const i = indentOf(line);
    if (i > 3)
        return null;
    let n = 0;
    while (line.charCodeAt(i + n) === 35 /* # */)
        n++;
    if (n < 2 || n > 4)
        return null;
    const after = i + n;
    if (after < line.length && line[after] !== ' ' && line[after] !== '\t')
        return null;
    const raw = line.slice(after).trim();
    // Strip a closing run of `#`s by hand: a regex like /[\s#]+$/ is quadratic on long lines.
    let e = raw.length;
    while (e > 0 && (raw[e - 1] === '#' || raw[e - 1] === ' ' || raw[e - 1] === '\t'))
        e--;
    return { level: n, raw, text: raw.slice(0, e) };
}
function openingFence(line) {
    const i = indentOf(line);
    if (i > 3)
        return null;
    const c = line[i];
    if (c !== '`' && c !== '~')
        return null;
    let n = 0;
    while (line[i + n] === c)
        n++;
    if (n < 3)
        return null;
    // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
    if (c === '`' && line.indexOf('`', i + n) !== -1)
        return null;
    return { char: c, length: n };
}
function closesFence(line, fence) {
    const i = indentOf(line);
    if (i > 3)
        return false;
    let n = 0;
    while (line[i + n] === fence.char)
        n++;
    return n >= fence.length && isBlank(line, i + n);
}
function startsComment(line) {
    const i = indentOf(line);
    return i <= 3 && line.startsWith('<!--', i);
}
function parseCheckbox(line) {
    let i = indentOf(line);
    if (i > 3)
        return null;
    const bullet = line[i];
    if (bullet !== '-' && bullet !== '*' && bullet !== '+')
        return null;
    i++;
    if (line[i] !== ' ' && line[i] !== '\t')
        return null;
    while (line[i] === ' ' || line[i] === '\t')
        i++;
    if (line[i] !== '[' || line[i + 2] !== ']')
        return null;
    const mark = line[i + 1];
    if (mark !== ' ' && mark !== 'x' && mark !== 'X')
        return null;
    const label = line.slice(i + 3).trim();
    return label ? { checked: mark !== ' ', label } : null;
}

;// CONCATENATED MODULE: ./src/intake/form-spec.ts
/**
 * The incident issue form as data. The parser finds answers by the headings GitHub renders from
 * the form's labels, so it needs the labels without reading YAML at run time (the action is one
 * bundled file and the form lives in the user's repository, possibly edited). This list mirrors
 * `.github/ISSUE_TEMPLATE/incident.yml` exactly; test/unit/issue-form.test.ts loads the YAML and
 * fails if ids, labels, types, options, `required` or order drift apart.
 */
const INCIDENT_FORM = Object.freeze([
    { id: 'summary', label: 'What is broken?', type: 'textarea', required: true },
    { id: 'started_at', label: 'When did it start?', type: 'input', required: false },
    {
        id: 'impact',
        label: 'Customer impact',
        type: 'dropdown',
        options: ['Full outage', 'Major degradation', 'Minor degradation', 'No customer impact'],
        required: true,
    },
    {
        id: 'users_affected',
        label: 'Share of users affected',
        type: 'dropdown',
        options: [
            'All users (100%)',
            'Most users (50–99%)',
            'Many users (10–49%)',
            'Some users (1–9%)',
            'Very few users (under 1%)',
            'Unknown',
        ],
        required: false,
    },
    { id: 'services', label: 'Affected services', type: 'input', required: false },
    {
        id: 'exposure',
        label: 'Data loss or security exposure',
        type: 'checkboxes',
        options: [
            'Data may have been lost or corrupted',
            'Data or systems may have been exposed to people who should not see them (security)',
        ],
        required: false,
    },
    {
        id: 'detection',
        label: 'How was it detected?',
        type: 'dropdown',
        options: ['Monitoring alert', 'Customer report', 'Internal report', 'Other'],
        required: false,
    },
    { id: 'links', label: 'Links', type: 'textarea', required: false },
]);

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/demo/action-runner.ts
/**
 * Runs the action bundle (dist/index.js) exactly as a GitHub runner does: a fresh RUNNER_TEMP with
 * the event file and empty GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the GITHUB_* variables
 * pointing at a GitHub (here the emulator), INPUT_* for the inputs, and the bundle as a child
 * process. Shared by the demo (`incidentops demo`) and the e2e tests (test/e2e/harness.ts).
 */




let runSeq = 1000;
/**
 * What a runner gives the action, in a fresh directory: the event file, empty GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a workspace (unless one is given), the GITHUB_* variables pointing at
 * the emulator, and INPUT_* for the inputs over the defaults action.yml declares.
 */
function prepareRun(o) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), o.prefix));
    const eventPath = (0,external_node_path_.join)(dir, 'event.json');
    (0,external_node_fs_.writeFileSync)(eventPath, typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload));
    const outputPath = (0,external_node_path_.join)(dir, 'output');
    const summaryPath = (0,external_node_path_.join)(dir, 'summary.md');
    (0,external_node_fs_.writeFileSync)(outputPath, '');
    (0,external_node_fs_.writeFileSync)(summaryPath, '');
    const inputs = {
        'github-token': o.token ?? o.emu.botToken,
        config: '.github/incidents.yml',
        mode: 'auto',
        'dry-run': 'false',
        'project-token': '',
        'api-limits': o.apiLimits ?? '',
        ...o.inputs,
    };
    const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_EVENT_NAME: o.event,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: o.repo,
        GITHUB_API_URL: o.emu.url,
        GITHUB_GRAPHQL_URL: o.emu.graphqlUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_WORKSPACE: o.workspace ?? (0,external_node_path_.join)(dir, 'workspace'),
        RUNNER_TEMP: dir,
        GITHUB_RUN_ID: o.runId,
        GITHUB_RUN_ATTEMPT: '1',
        ...o.env,
    };
    if (!o.workspace)
        (0,external_node_fs_.mkdirSync)(env.GITHUB_WORKSPACE, { recursive: true });
    for (const [k, v] of Object.entries(inputs))
        env[`INPUT_${k.toUpperCase()}`] = v;
    return { dir, env, outputPath, summaryPath };
}
/** Runs the bundle once as a runner does; returns its exit code, output, outputs and step summary. */
async function runAction(o) {
    if (!(0,external_node_fs_.existsSync)(o.bundle))
        throw new Error(`${o.bundle} is missing: run \`npm run bundle\` first`);
    const { dir, env, outputPath, summaryPath } = prepareRun({
        ...o,
        runId: o.runId ?? String(++runSeq),
        prefix: 'incidentops-run-',
    });
    try {
        const child = (0,external_node_child_process_.spawn)(o.node ?? process.execPath, [o.bundle], {
            env: { ...env, ...o.nodeEnv },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        const code = await new Promise((res, rej) => {
            child.on('error', rej);
            child.on('close', (c) => res(c ?? -1));
        });
        return {
            code,
            stdout,
            stderr,
            outputs: parseOutputs((0,external_node_fs_.readFileSync)(outputPath, 'utf8')),
            summary: (0,external_node_fs_.readFileSync)(summaryPath, 'utf8'),
        };
    }
    finally {
        if (o.removeTemp)
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
function parseOutputs(text) {
    const out = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
        if (m) {
            const [, name, delim] = m;
            const value = [];
            while (++i < lines.length && lines[i] !== delim)
                value.push(lines[i]);
            out[name] = value.join('\n');
        }
        else if (lines[i].includes('=')) {
            const [k, ...v] = lines[i].split('=');
            out[k] = v.join('=');
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/demo/alertmanager-group.json
const alertmanager_group_namespaceObject = /*#__PURE__*/JSON.parse('{"receiver":"incidentops-relay","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate","namespace":"shop","pod":"checkout-7d9f8b6c5-2xkqp","service":"checkout","severity":"critical","team":"payments"},"annotations":{"summary":"checkout 5xx ratio above 5% on checkout-7d9f8b6c5-2xkqp","description":"The 5xx ratio is 12.4% over the last 5m.\\nSee the runbook.","runbook_url":"https://runbooks.example.com/checkout/high-error-rate"},"startsAt":"2024-05-14T09:21:03.512Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"https://prometheus.example.com/graph?g0.expr=sum+by%28pod%29%28rate%28http_requests_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29%29&g0.tab=1","fingerprint":"b5a4a7f6c3d2e1f0"},{"status":"firing","labels":{"alertname":"HighErrorRate","namespace":"shop","pod":"checkout-7d9f8b6c5-9hw4m","service":"checkout","severity":"critical","team":"payments"},"annotations":{"summary":"checkout 5xx ratio above 5% on checkout-7d9f8b6c5-9hw4m","description":"The 5xx ratio is 9.8% over the last 5m.","runbook_url":"https://runbooks.example.com/checkout/high-error-rate"},"startsAt":"2024-05-14T09:21:33.512+02:00","endsAt":"2024-05-14T09:31:33.512+02:00","generatorURL":"https://prometheus.example.com/graph?g0.expr=rate&g0.tab=1","fingerprint":"0c1d2e3f4a5b6c7d"},{"status":"resolved","labels":{"alertname":"HighErrorRate","namespace":"shop","pod":"checkout-7d9f8b6c5-t7zrl","service":"checkout","severity":"critical","team":"payments"},"annotations":{"summary":"checkout 5xx ratio above 5% on checkout-7d9f8b6c5-t7zrl","description":"The 5xx ratio is 0.2% over the last 5m."},"startsAt":"2024-05-14T09:11:03.000Z","endsAt":"2024-05-14T09:26:48.739266876Z","generatorURL":"https://prometheus.example.com/graph?g0.expr=rate&g0.tab=1","fingerprint":"9f8e7d6c5b4a3928"}],"groupLabels":{"alertname":"HighErrorRate","service":"checkout"},"commonLabels":{"alertname":"HighErrorRate","namespace":"shop","service":"checkout","severity":"critical","team":"payments"},"commonAnnotations":{"runbook_url":"https://runbooks.example.com/checkout/high-error-rate"},"externalURL":"https://alertmanager.example.com","version":"4","groupKey":"{}/{severity=\\"critical\\"}:{alertname=\\"HighErrorRate\\", service=\\"checkout\\"}","truncatedAlerts":0}');
;// CONCATENATED MODULE: ./src/demo/payloads.ts
function repository(repo) {
    const [owner = '', name = ''] = repo.split('/');
    return { name, full_name: repo, private: false, owner: { login: owner, type: 'Organization' } };
}
const user = (login) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
/** An `issues` payload for an issue as the emulator has it now. */
function issuesPayload(emu, repo, number, action, sender) {
    return { action, issue: emu.getIssue(repo, number), repository: repository(repo), sender: user(sender) };
}
/** An `issue_comment.created` payload for a comment that exists on the emulator. */
function commentPayload(emu, repo, number, comment) {
    const c = emu.listComments(repo, number).find((x) => x.id === comment.id);
    if (!c)
        throw new Error(`no comment ${comment.id} on ${repo}#${number}`);
    return {
        action: 'created',
        issue: emu.getIssue(repo, number),
        comment: c,
        repository: repository(repo),
        sender: user(c.user?.login ?? 'ghost'),
    };
}
/** A `repository_dispatch` payload with our event type and client_payload. */
function dispatchPayload(repo, eventType, clientPayload) {
    return {
        action: eventType,
        branch: 'main',
        client_payload: clientPayload,
        repository: repository(repo),
        sender: user('relay-bot'),
    };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/demo/markdown.ts
/**
 * A small GitHub-flavoured markdown renderer, good enough for what IncidentOps writes (headings,
 * paragraphs, tables with alignment, task lists, nested lists, quotes and GitHub alerts, fenced
 * code, links, emphasis, `<details>`), for the demo's offline HTML page. GitHub's own renderer is
 * not available offline. Raw HTML is escaped except a short list of harmless tags, and HTML
 * comments are hidden, as GitHub hides them.
 *
 * Mermaid blocks become `<pre class="mermaid">` with their source: the page draws them only when
 * a copy of Mermaid is available to inline (see html.ts).
 */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Tags kept as HTML (without attributes, except `open` on details). Everything else is shown as text. */
const INLINE_TAGS = /<(\/?)(br|sub|sup|kbd|b|i|em|strong|ins|del|s|details|summary|code|p)(\s+open)?\s*\/?>/gi;
const SAFE_URL = /^(https?:|mailto:|#|\.{0,2}\/|[\w.-]+(\/|\.md\b|\.html?\b|$))/i;
function safeUrl(url) {
    const u = url.trim();
    return SAFE_URL.test(u) && !/^\s*(javascript|data|vbscript):/i.test(u) ? u : '#';
}
/** The in-page anchor of an issue link of the page's repository (any host: GitHub or the emulator's port), if it has a section. */
function issueAnchor(url, o) {
    if (!o.repo || !o.anchors)
        return undefined;
    const m = /^https?:\/\/[^/]+\/(?:repos\/)?([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/(\d+)\/?(?:#.*)?$/.exec(url.trim());
    if (!m || m[1].toLowerCase() !== o.repo.toLowerCase())
        return undefined;
    return o.anchors.get(Number(m[2]));
}
/** `href` for a link: the in-page anchor for the page's own issues (the page works offline), else the safe URL. */
function href(url, o) {
    const id = issueAnchor(url, o);
    return id ? `#${id}` : safeUrl(url);
}
/** Renders inline markdown (one paragraph's text) to HTML. */
function renderInline(text, o = {}) {
    const slots = [];
    const hold = (html) => `\uE000${slots.push(html) - 1}\uE000`;
    let s = text;
    // Code spans first: nothing inside them is markdown.
    s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _t, code) => hold(`<code>${esc(code.replace(/^ (.*) $/, '$1'))}</code>`));
    s = s.replace(/<!--[\s\S]*?-->/g, '');
    s = s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_, ch) => hold(esc(ch)));
    s = s.replace(INLINE_TAGS, (_, close, tag, open) => hold(`<${close}${tag.toLowerCase()}${open && !close ? ' open' : ''}>`));
    s = s.replace(/<(https?:\/\/[^\s>]+)>/g, (_, url) => hold(`<a href="${esc(href(url, o))}">${esc(url)}</a>`));
    // Images are shown as their alt text linked to the image (the page is offline).
    s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, alt, url) => hold(`<a href="${esc(safeUrl(url))}">🖼 ${esc(alt || url)}</a>`));
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"([^"]*)")?\)/g, (_, label, url, title) => 
    // The label gets no links of its own: an <a> inside an <a> is not HTML.
    hold(`<a href="${esc(href(url, o))}"${title ? ` title="${esc(title)}"` : ''}>${renderInline(label, {})}</a>`));
    s = s.replace(/\bhttps?:\/\/[^\s<>()]*[^\s<>().,;:!?'"*_]/g, (url) => hold(`<a href="${esc(href(url, o))}">${esc(url)}</a>`));
    // `owner/name#N` of the page's repository, unlinked in the text.
    if (o.repo && o.anchors) {
        const repo = o.repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        s = s.replace(new RegExp(`(^|[\\s(])(${repo})#(\\d+)\\b`, 'gi'), (m, pre, name, num) => {
            const id = o.anchors?.get(Number(num));
            return id ? `${pre}${hold(`<a href="#${esc(id)}">${esc(name)}#${num}</a>`)}` : m;
        });
    }
    s = esc(s);
    // Character references, as GitHub shows them: the action writes `&#91;` for a `[` that must not
    // start a link, `&lt;` for a `<` in a table cell. Kept as references (the browser draws the
    // character; a reference can never become markup).
    s = s.replace(/&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|lt|gt|amp|quot|apos|nbsp);/gi, '&$1;');
    s = s
        .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>');
    s = s
        .replace(/(^|[^*\w])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, '$1<em>$2</em>')
        .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
    s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
    // Mentions (ours carry a zero-width space after @ so they never ping) and issue references.
    s = s.replace(/(^|[^\w&/])@(\u200b?)([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._-]+)?(?:\[bot\])?)/g, '$1<span class="mention">@$2$3</span>');
    s = s.replace(/(^|[\s(])#(\d+)\b/g, (m, pre, num) => {
        const id = o.anchors?.get(Number(num));
        return id ? `${pre}<a href="#${id}">#${num}</a>` : m;
    });
    s = s.replace(/ {2,}\n|\\\n/g, '<br>\n');
    // Restore held pieces (they may nest: a link label holds code).
    for (let k = 0; k < 3 && s.includes('\uE000'); k++)
        s = s.replace(/\uE000(\d+)\uE000/g, (_, n) => slots[Number(n)] ?? '');
    return s;
}
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST = /^( *)([-*+]|\d{1,9}[.)])( +|$)/;
const TABLE_SEP = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HTML_BLOCK = /^\s*<\/?(details|summary|p|br)\b[^>]*>/i;
function splitRow(line) {
    const cells = [];
    let cur = '';
    let code = 0;
    const t = line
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '');
    for (let i = 0; i < t.length; i++) {
        const ch = t[i];
        if (ch === '\\' && t[i + 1] === '|') {
            cur += '\\|';
            i++;
        }
        else if (ch === '`') {
            code ^= 1;
            cur += ch;
        }
        else if (ch === '|' && !code) {
            cells.push(cur.trim());
            cur = '';
        }
        else
            cur += ch;
    }
    cells.push(cur.trim());
    return cells;
}
function startsBlock(line, next) {
    return (FENCE.test(line) ||
        HEADING.test(line) ||
        HR.test(line) ||
        QUOTE.test(line) ||
        LIST.test(line) ||
        HTML_BLOCK.test(line) ||
        /^\s*<!--/.test(line) ||
        (line.includes('|') && next !== undefined && TABLE_SEP.test(next)));
}
/** Renders a markdown document (or a block container's content) to HTML. */
function renderMarkdown(markdown, o = {}) {
    return blocks(markdown.replace(/\r\n?/g, '\n').split('\n'), o).join('\n');
}
function blocks(lines, o) {
    const html = [];
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        if (line.trim() === '') {
            i++;
            continue;
        }
        // HTML comments are hidden (GitHub does too): the action's markers and records live there.
        if (/^\s*<!--/.test(line)) {
            while (i < lines.length && !lines[i].includes('-->'))
                i++;
            const rest = (lines[i] ?? '').replace(/^[\s\S]*?-->/, '');
            i++;
            if (rest.trim())
                html.push(...blocks([rest], o));
            continue;
        }
        const fence = FENCE.exec(line);
        if (fence) {
            const [, marker, lang] = fence;
            const body = [];
            i++;
            while (i < lines.length &&
                !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i]))
                body.push(lines[i++]);
            i++;
            const code = esc(body.join('\n'));
            if (lang === 'mermaid') {
                html.push(`<figure class="mermaid-figure"><pre class="mermaid">${code}</pre><figcaption>Mermaid chart (GitHub draws it).</figcaption></figure>`);
            }
            else
                html.push(`<pre><code${lang ? ` class="language-${esc(lang)}"` : ''}>${code}</code></pre>`);
            continue;
        }
        const heading = HEADING.exec(line);
        if (heading) {
            const level = heading[1].length;
            html.push(`<h${level}>${renderInline(heading[2], o)}</h${level}>`);
            i++;
            continue;
        }
        if (HR.test(line)) {
            html.push('<hr>');
            i++;
            continue;
        }
        if (line.includes('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1])) {
            const head = splitRow(line);
            const align = splitRow(lines[i + 1]).map((c) => /^:-+:$/.test(c) ? 'center' : /-:$/.test(c) ? 'right' : /^:-/.test(c) ? 'left' : '');
            // A Title column gets room (class "title", see the page's CSS): squeezed, titles wrapped onto many lines.
            const title = head.map((h) => /^title$/i.test(h.trim()));
            const cell = (tag, text, k) => `<${tag}${title[k] ? ' class="title"' : ''}${align[k] ? ` style="text-align:${align[k]}"` : ''}>${renderInline(text, o)}</${tag}>`;
            const rows = [`<thead><tr>${head.map((h, k) => cell('th', h, k)).join('')}</tr></thead>`, '<tbody>'];
            i += 2;
            while (i < lines.length && lines[i].trim() !== '' && lines[i].includes('|')) {
                const cells = splitRow(lines[i]);
                rows.push(`<tr>${head.map((_, k) => cell('td', cells[k] ?? '', k)).join('')}</tr>`);
                i++;
            }
            rows.push('</tbody>');
            html.push(`<div class="table"><table>${rows.join('')}</table></div>`);
            continue;
        }
        if (QUOTE.test(line)) {
            const inner = [];
            while (i < lines.length && QUOTE.test(lines[i]))
                inner.push(lines[i++].replace(QUOTE, ''));
            const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i.exec(inner[0] ?? '');
            if (alert) {
                const kind = alert[1].toLowerCase();
                html.push(`<div class="alert alert-${kind}"><p class="alert-title">${alert[1][0]}${kind.slice(1)}</p>${blocks(inner.slice(1), o).join('\n')}</div>`);
            }
            else
                html.push(`<blockquote>${blocks(inner, o).join('\n')}</blockquote>`);
            continue;
        }
        const list = LIST.exec(line);
        if (list) {
            const indent = list[1].length;
            const ordered = /\d/.test(list[2]);
            const items = [];
            let loose = false;
            while (i < lines.length) {
                const m = LIST.exec(lines[i]);
                if (m && m[1].length === indent && /\d/.test(m[2]) === ordered) {
                    const contentIndent = m[0].length;
                    const item = [lines[i].slice(contentIndent)];
                    i++;
                    while (i < lines.length) {
                        const l = lines[i];
                        if (l.trim() === '') {
                            // A blank line continues the item only when the next line is indented under it.
                            const next = lines[i + 1];
                            if (next !== undefined && next.trim() !== '' && next.length - next.trimStart().length > indent) {
                                item.push('');
                                loose = loose || !LIST.test(next);
                                i++;
                                continue;
                            }
                            break;
                        }
                        const lead = l.length - l.trimStart().length;
                        if (lead > indent)
                            item.push(l.slice(Math.min(lead, contentIndent)));
                        else if (!startsBlock(l, lines[i + 1]) && item.at(-1)?.trim() !== '')
                            item.push(l); // lazy continuation
                        else
                            break;
                        i++;
                    }
                    items.push(item);
                    if (lines[i]?.trim() === '' && LIST.exec(lines[i + 1] ?? '')?.[1].length === indent) {
                        loose = true;
                        i++;
                    }
                }
                else
                    break;
            }
            const start = ordered ? Number(/\d+/.exec(list[2])[0]) : 1;
            const tag = ordered ? 'ol' : 'ul';
            const hasTasks = items.some((it) => /^\[[ xX]\]\s/.test(it[0] ?? ''));
            const lis = items.map((item) => {
                const task = /^\[([ xX])\]\s+/.exec(item[0]);
                if (task)
                    item[0] = item[0].slice(task[0].length);
                let body = blocks(item, o).join('\n');
                if (!loose)
                    body = body.replace(/^<p>([\s\S]*?)<\/p>/, '$1');
                return task
                    ? `<li class="task"><input type="checkbox" disabled${task[1] !== ' ' ? ' checked' : ''}> ${body}</li>`
                    : `<li>${body}</li>`;
            });
            html.push(`<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}${hasTasks ? ' class="tasks"' : ''}>${lis.join('')}</${tag}>`);
            continue;
        }
        if (HTML_BLOCK.test(line)) {
            html.push(renderInline(line.trim(), o));
            i++;
            continue;
        }
        const para = [line];
        i++;
        while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i], lines[i + 1]))
            para.push(lines[i++]);
        const text = para.join('\n').replace(/^ +/gm, '');
        // GitHub keeps a comment's line breaks (a `/fixing` line then an `/update` line stay two lines).
        html.push(`<p>${renderInline(text, o).replace(/\n/g, '<br>\n')}</p>`);
    }
    return html;
}

;// CONCATENATED MODULE: ./src/demo/html.ts
/**
 * The demo's one static HTML page: every issue thread (the body and each comment in its own box,
 * as GitHub shows them), the board as columns of cards, and the report, rendered with the small
 * markdown renderer in markdown.ts. Self-contained and offline: the report's Mermaid charts are
 * drawn by the `mermaid` package's browser bundle, inlined into the page (no CDN, no network).
 */



const html_esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/**
 * Mermaid's browser bundle (mermaid/dist/mermaid.min.js), to inline into the page. The path is
 * written out for ncc: it copies the file next to the CLI bundle, so the installed package has it.
 */
function mermaidBundle() {
    const url = __webpack_require__.ab + "mermaid.min.js";
    if (!(0,external_node_fs_.existsSync)(url))
        throw new Error(`Mermaid's browser bundle is missing (${(0,external_node_url_.fileURLToPath)(url)}): in a source checkout, run npm ci.`);
    return (0,external_node_fs_.readFileSync)(url, 'utf8');
}
const CSS = `
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
header.top{background:#24292f;color:#fff;padding:12px 24px}header.top h1{font-size:18px;margin:0}header.top p{margin:4px 0 0;color:#d0d7de;font-size:13px}
nav{background:#fff;border-bottom:1px solid #d0d7de;padding:8px 24px;position:sticky;top:0;z-index:2}nav a{margin-right:16px;color:#0969da;text-decoration:none;font-weight:600}
main{max-width:1240px;margin:0 auto;padding:16px 24px 64px}
section.page{margin:24px 0 48px}
.notes{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 16px;margin:16px 0}
.issue-title{font-size:26px;font-weight:400;margin:0 0 8px}.issue-title .num{color:#59636e}
.meta{color:#59636e;margin-bottom:8px}.state{display:inline-block;border-radius:2em;padding:2px 10px;color:#fff;font-weight:600;margin-right:6px}.state.open{background:#1f883d}.state.closed{background:#8250df}
.labels code{background:#ddf4ff;color:#0969da;border-radius:2em;padding:1px 8px;font-size:12px;font-weight:600;margin-right:2px}
.comment{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:16px 0}
.comment>.head{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;border-radius:6px 6px 0 0;color:#59636e}
.comment>.head.bot{background:#ddf4ff}
.comment>.body{padding:8px 16px}
.markdown h1,.markdown h2{border-bottom:1px solid #d8dee4;padding-bottom:.3em}.markdown h1{font-size:1.6em}.markdown h2{font-size:1.35em}.markdown h3{font-size:1.15em}
.markdown .table{overflow-x:auto}.markdown table{border-collapse:collapse;margin:8px 0;font-size:13px}.markdown th,.markdown td{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;max-width:44ch}.markdown th{white-space:nowrap}.markdown td.title{min-width:48ch;max-width:60ch}.markdown tr:nth-child(2n) td{background:#f6f8fa}
.markdown code{background:rgba(175,184,193,.2);border-radius:6px;padding:.1em .4em;font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.markdown pre{background:#f6f8fa;border-radius:6px;padding:12px 16px;overflow:auto}.markdown pre code{background:none;padding:0}
.markdown blockquote{margin:0 0 8px;padding:0 1em;color:#59636e;border-left:.25em solid #d0d7de}
.markdown ul.tasks{list-style:none;padding-left:1.2em}.markdown li.task input{margin-right:4px}
.markdown details{border:1px solid #d0d7de;border-radius:6px;padding:4px 12px;margin:8px 0}.markdown summary{cursor:pointer;font-weight:600}
.markdown .mention{font-weight:600;color:#1f2328}
.markdown .alert{border-left:.25em solid #0969da;padding:0 1em;margin:8px 0}.markdown .alert-warning,.markdown .alert-caution{border-color:#9a6700}.markdown .alert-title{font-weight:600}
.mermaid-figure{margin:8px 0}.mermaid-figure figcaption{color:#59636e;font-size:12px}
.board{display:flex;gap:12px;overflow-x:auto;padding-bottom:8px}
.column{background:#eef1f4;border:1px solid #d0d7de;border-radius:6px;min-width:125px;flex:1 1 0;padding:8px}
.column h3{font-size:14px;margin:0 0 8px}.column h3 .count{background:#d0d7de;border-radius:2em;padding:0 6px;font-size:12px;margin-left:4px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px;margin-bottom:8px;font-size:13px}.card .facts{color:#59636e;font-size:12px}
`;
/**
 * Draws every chart once the page has loaded. securityLevel strict: the charts come from the report
 * (our text), but labels never run as HTML. Marks the body when done (or failed) so a reader, or a
 * headless browser, can tell the charts are drawn.
 */
const MERMAID_START = `mermaid.initialize({startOnLoad:false,securityLevel:'strict'});
window.addEventListener('load',function(){mermaid.run({querySelector:'pre.mermaid'}).then(function(){document.body.dataset.mermaid='done'},function(e){document.body.dataset.mermaid='failed';console.error(e)})})`;
/** Splits a thread written by renderThread (run.ts) into its header, its body and its comments. */
function threadHtml(md, o) {
    const [head = '', ...rest] = md.split('\n<!-- thread:body -->\n');
    const [body = '', ...comments] = rest.join('').split(/\n---\n\n<!-- thread:comment -->\n/);
    const headLines = head
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
    const title = /^# (.*) #(\d+)$/.exec(headLines[0] ?? '');
    const meta = headLines[1] ?? '';
    const labels = headLines[2] ?? '';
    const open = /^\*\*Open\*\*/.test(meta);
    const author = /opened by \*\*@([^*]+)\*\*/.exec(meta)?.[1] ?? '';
    const parts = [
        title ? `<h1 class="issue-title">${html_esc(title[1])} <span class="num">#${title[2]}</span></h1>` : '',
        `<div class="meta"><span class="state ${open ? 'open' : 'closed'}">${open ? 'Open' : 'Closed'}</span>${renderInline(meta.replace(/^\*\*[^*]+\*\* · /, ''), o)}</div>`,
        `<div class="meta labels">${renderInline(labels, o)}</div>`,
        box(`<strong>@${html_esc(author)}</strong> opened this issue`, author.endsWith('[bot]'), renderMarkdown(body, o)),
    ];
    for (const c of comments) {
        const [first = '', ...text] = c.replace(/^\n+/, '').split('\n');
        const who = /^\*\*@([^*]+)\*\*/.exec(first)?.[1] ?? '';
        parts.push(box(renderInline(first.replace(/:$/, ''), o), who.endsWith('[bot]'), renderMarkdown(text.join('\n'), o)));
    }
    return parts.join('\n');
}
function box(head, bot, body) {
    return `<div class="comment"><div class="head${bot ? ' bot' : ''}">${head}</div><div class="body markdown">${body}</div></div>`;
}
/** The board markdown written by renderBoard (run.ts) as columns of cards. */
function boardHtml(md, o) {
    return md
        .split(/^(?=# )/m)
        .filter((b) => b.trim() !== '')
        .map((b) => oneBoard(b, o))
        .join('\n');
}
function oneBoard(md, o) {
    const [intro = '', ...cols] = md.split(/\n## /);
    const columns = cols.map((col) => {
        const [name = '', ...lines] = col.split('\n');
        const cards = [];
        for (let k = 0; k < lines.length; k++) {
            const m = /^- (.*?)\s*$/.exec(lines[k]);
            if (!m)
                continue;
            const facts = (lines[k + 1] ?? '').trim();
            cards.push(`<div class="card">${renderInline(m[1], o)}<div class="facts">${renderInline(facts, o)}</div></div>`);
        }
        const title = /^(.*) \((\d+)\)$/.exec(name);
        return `<div class="column"><h3>${html_esc(title?.[1] ?? name)}<span class="count">${title?.[2] ?? cards.length}</span></h3>${cards.join('')}</div>`;
    });
    return `<div class="markdown">${renderMarkdown(intro, o)}</div><div class="board">${columns.join('')}</div>`;
}
/**
 * The whole page. `mermaid` is Mermaid's browser bundle (mermaidBundle()); null leaves the charts
 * as their source with a note (for tests of the page's HTML).
 */
function renderPage(p, mermaid) {
    const anchors = new Map();
    for (const s of p.sections) {
        const n = /#(\d+)$/.exec(s.nav)?.[1];
        if (n)
            anchors.set(Number(n), s.id);
    }
    const o = { anchors, repo: p.repo };
    const hasMermaid = p.sections.some((s) => /```mermaid/.test(s.markdown));
    const mermaidNote = hasMermaid
        ? mermaid
            ? ''
            : '<p class="notes">The report\'s charts are Mermaid blocks. GitHub draws them; this offline page has no copy of Mermaid (no CDN), so it shows their source.</p>'
        : '';
    const body = p.sections.map((s) => `<section class="page" id="${html_esc(s.id)}">${s.kind === 'board' ? boardHtml(s.markdown, o) : threadHtml(s.markdown, o)}</section>`);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${html_esc(p.title)}</title><style>${CSS}</style></head>
<body>
<header class="top"><h1>${html_esc(p.title)}</h1><p>${html_esc(p.intro)}</p></header>
<nav>${p.sections.map((s) => `<a href="#${html_esc(s.id)}">${html_esc(s.nav)}</a>`).join('')}</nav>
<main>
${p.notes.map((n) => `<p class="notes">${html_esc(n)}</p>`).join('\n')}
${mermaidNote}
${body.join('\n')}
</main>
${mermaid && hasMermaid ? `<script>${mermaid.replace(/<\/script/gi, '<\\/script')}</script><script>${MERMAID_START}</script>` : ''}
</body></html>
`;
}

;// CONCATENATED MODULE: ./src/demo/console-table.ts
/**
 * The demo's console lines: one row per step in fixed columns (time, step, cost, duration, what
 * was written). A cell too long for its column wraps at spaces onto continuation lines in the same
 * column, so no word is cut and the columns stay aligned.
 */
const WIDTHS = { time: 5, what: 44, cost: 20, secs: 6, did: 64 };
/** `1 write`, `2 writes`. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * Splits text into lines of at most `width` characters at spaces. A single word longer than the
 * width gets a line of its own, whole (it overflows rather than being cut).
 */
function wrapWords(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
        if (word === '')
            continue;
        if (line === '')
            line = word;
        else if (line.length + 1 + word.length <= width)
            line += ` ${word}`;
        else {
            lines.push(line);
            line = word;
        }
    }
    if (line !== '' || lines.length === 0)
        lines.push(line);
    return lines;
}
/** One step's row, as one or more console lines. */
function stepRow(cells) {
    const what = wrapWords(cells.what, WIDTHS.what);
    const did = wrapWords(cells.did, WIDTHS.did);
    const cost = `${cells.requests} req, ${plural(cells.writes, 'write')}`;
    const secs = `${(cells.ms / 1000).toFixed(1)} s`;
    const rows = [];
    for (let i = 0; i < Math.max(what.length, did.length); i++) {
        const first = i === 0;
        const time = (first ? cells.time : '').padEnd(WIDTHS.time);
        const costCell = (first ? cost : '').padEnd(WIDTHS.cost);
        const secsCell = (first ? secs : '').padStart(WIDTHS.secs);
        rows.push(`${time}  ${(what[i] ?? '').padEnd(WIDTHS.what)} ${costCell} ${secsCell}  ${did[i] ?? ''}`.trimEnd());
    }
    return rows;
}

// EXTERNAL MODULE: ./src/demo/seed.ts
var seed = __webpack_require__(1454);
// EXTERNAL MODULE: ./src/demo/world.ts
var world = __webpack_require__(5579);
;// CONCATENATED MODULE: ./src/demo/run.ts
/**
 * The demo: the whole incident lifecycle, run by the real action bundle (dist/index.js, started
 * exactly as a runner starts it) against the embedded GitHub emulator. No GitHub, no token.
 *
 * The story, on one repository with a Projects (v2) board and a configuration file:
 *   a P1 from the incident form and an Alertmanager storm (one incident, repeats counted) →
 *   nobody acknowledges: the sweep escalates → /ack, /update → an update is missed: the sweep
 *   reminds → /fixing, /monitoring, /resolve (the postmortem) → the alert resolves: Monitoring,
 *   then auto-resolved by the sweep after a quiet hour → the weekly report over a seeded history.
 *
 * The emulator's clock is moved between steps, so deadlines fall due in seconds. Every step
 * prints one line (what happened, API requests and writes). At the end, what a person would see
 * on GitHub (each issue thread, the board, the report) is written as markdown and as one static
 * HTML page (index.html) into the output folder.
 */













/**
 * The pace the demo runs the action at: no spacing between writes (the emulator needs none) and a
 * millisecond per second of back-off, so the story takes seconds rather than GitHub's minutes.
 */
const DEMO_LIMITS = 'mutation-spacing=0 retry-base=1ms board-settle=0';
const labelNames = (issue) => issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).sort();
/**
 * Runs one step: moves the clock, runs the action (or a person's act), prints one line with
 * what happened and the API requests and writes it cost. Fails the demo if the run failed.
 */
async function step(c, at, what, fn, opts = {}) {
    c.emu.clock.set(at);
    if (c.day !== at.slice(0, 10)) {
        c.day = at.slice(0, 10);
        c.out(`  ${new Date(at).toUTCString().slice(0, 16)}`);
    }
    c.emu.resetCounters();
    const started = Date.now();
    const r = await fn();
    const ms = Date.now() - started;
    const n = c.emu.counts();
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    if (r.code !== 0 && !opts.mayFail)
        throw new Error(`${what}: the action failed (exit ${r.code}):\n${errors.join('\n') || r.stdout + r.stderr}`);
    const actions = safeActions(r.outputs.actions);
    const did = actions.length === 0 ? 'nothing to write' : summarise(actions.map((a) => a.description));
    for (const line of stepRow({ time: at.slice(11, 16), what, requests: n.total, writes: n.writes, ms, did }))
        out(c, line);
    return r;
}
/** Runs the action bundle on an event in the demo repository, at the demo's pace. */
function act(c, o) {
    return runAction({ bundle: c.bundle, emu: c.emu, repo: world/* DEMO_REPO */.lT, apiLimits: DEMO_LIMITS, removeTemp: true, ...o });
}
function out(c, s) {
    c.out(s);
}
function safeActions(json) {
    try {
        const v = JSON.parse(json ?? '[]');
        return Array.isArray(v) ? v.filter((a) => typeof a?.description === 'string') : [];
    }
    catch {
        return [];
    }
}
/** The writes of a run in a few words: the first ones, and how many more. */
function summarise(descriptions) {
    // Whole descriptions (the console table wraps them at spaces): cutting at a length cut words and dates.
    const short = descriptions.map((d) => d.replace(/\s+/g, ' ').trim());
    return short.length <= 3 ? short.join('; ') : `${short.slice(0, 3).join('; ')}; +${short.length - 3} more`;
}
/** A person writes a comment; the issue_comment run follows. */
async function comment(c, n, user, text, at, what) {
    return step(c, at, what, async () => {
        const cm = c.emu.createComment(world/* DEMO_REPO */.lT, n, { body: text, user });
        return act(c, {
            event: 'issue_comment',
            payload: commentPayload(c.emu, world/* DEMO_REPO */.lT, n, cm),
            inputs: { 'project-token': c.projectToken },
        });
    });
}
/** The scheduled sweep (cron every 10 minutes; mode auto picks the sweep from the event). */
function sweep(c, at, what) {
    return step(c, at, what, () => act(c, { event: 'schedule', payload: { schedule: '*/10 * * * *' }, inputs: { 'project-token': c.projectToken } }));
}
/** One Alertmanager group as the relay forwards it, every alert in `status`. */
function alertmanager(status, at) {
    const body = structuredClone(alertmanager_group_namespaceObject);
    body.status = status;
    body.alerts = body.alerts.map((a) => ({
        ...a,
        status,
        startsAt: '2026-11-26T14:03:30Z',
        ...(status === 'resolved' ? { endsAt: at } : { endsAt: '0001-01-01T00:00:00Z' }),
    }));
    return { incidentops: { alertmanager: body } };
}
function deliverAlert(c, status, at, what) {
    return step(c, at, what, () => act(c, {
        event: 'repository_dispatch',
        payload: dispatchPayload(world/* DEMO_REPO */.lT, 'alert', alertmanager(status, at)),
        inputs: { 'project-token': c.projectToken },
    }));
}
/** Runs the demo into outDir; returns what it wrote. */
async function demo(outDir, print, o) {
    const t0 = Date.now();
    const quick = o.quick === true;
    const emu = await (0,emulator/* startEmulator */.s)({ now: '2026-11-26T14:00:00Z' });
    const c = { bundle: o.bundle, emu, projectToken: '', out: print, skipped: [] };
    try {
        c.projectToken = (0,world/* seedDemoWorld */.NE)(emu).projectToken;
        print(`IncidentOps demo: the real action bundle (dist/index.js) on a local GitHub emulator at ${emu.url}`);
        print(`Repository ${world/* DEMO_REPO */.lT} with .github/incidents.yml (a board, an escalation chain, report figures) and the Projects board "Incidents".`);
        print('The emulator clock jumps between steps. Each line: time, step, API requests and writes, what was written.\n');
        // ---- 1. A person declares an incident with the form.
        print('— An incident from the form');
        const body = renderIssueForm({
            summary: 'Nobody can sign in: the login page returns HTTP 500 since the 13:55 deploy of auth.',
            started_at: '2026-11-26 13:55 UTC',
            impact: 'Full outage',
            users_affected: 'All users (100%)',
            services: 'auth, web',
            exposure: [],
            detection: 'Customer report',
            links: 'https://status.example.com',
        }, INCIDENT_FORM);
        emu.clock.set('2026-11-26T14:02:00Z');
        const form = emu.createIssue(world/* DEMO_REPO */.lT, {
            title: '[Incident]: Nobody can sign in',
            body,
            labels: ['incident'],
            user: 'alice',
        }).number;
        const intake = await step(c, '2026-11-26T14:02:00Z', `#${form} opened with the form (issues.opened)`, () => act(c, {
            event: 'issues',
            payload: issuesPayload(emu, world/* DEMO_REPO */.lT, form, 'opened', 'alice'),
            inputs: { 'project-token': c.projectToken },
        }));
        print(`       → stage ${intake.outputs.stage ?? '?'}: ${reasonOf(emu, form)}`);
        await step(c, '2026-11-26T14:02:30Z', `#${form} the same event redelivered`, () => act(c, {
            event: 'issues',
            payload: issuesPayload(emu, world/* DEMO_REPO */.lT, form, 'opened', 'alice'),
            inputs: { 'project-token': c.projectToken },
        }));
        const { alert, boards } = quick ? await quickStory(c, form) : await fullStory(c, form);
        // ---- 5. The weekly report over a seeded history.
        print('\n— The weekly report (Monday 06:00, mode: report) over 12 weeks of seeded history');
        let reportIssue = null;
        {
            const seeded = (0,seed/* seedHistory */.Ej)(emu, world/* DEMO_REPO */.lT, {
                now: '2026-11-30T06:00:00Z',
                count: 60,
                weeks: 12,
                seed: 42,
                chatter: 1,
                forged: 0,
                old: 0.02,
            });
            print(`       seeded ${seeded.length} past incidents (#${seeded[0].number}–#${seeded.at(-1).number}) with their cards, as the action would have written them`);
            const r = await step(c, '2026-11-30T06:00:00Z', 'weekly report (schedule, mode: report)', () => act(c, { event: 'schedule', payload: { schedule: '0 6 * * 1' }, inputs: { mode: 'report' } }), { mayFail: true });
            if (r.code === 0 && r.outputs['report-issue']) {
                reportIssue = Number(r.outputs['report-issue']);
                print(`       → report issue #${reportIssue}: ${emu.getIssue(world/* DEMO_REPO */.lT, reportIssue).title}`);
            }
            else {
                const why = r.stdout.split('\n').find((l) => l.startsWith('::error')) ?? `exit ${r.code}, no report issue`;
                const note = `Report skipped: this bundle does not publish the report yet (${why.replace(/^::error[^:]*::/, '')}).`;
                c.skipped.push(note);
                print(`       ${note}`);
            }
        }
        // ---- 6. What a person would see on GitHub.
        boards.push(renderBoard(emu, world/* DEMO_REPO */.lT, 'at the end'));
        const issues = { form, alert, postmortems: postmortems(emu).map((p) => p.number), report: reportIssue };
        const files = writeOutput(emu, outDir, { ...issues, skipped: c.skipped, boards });
        const ms = Date.now() - t0;
        const rel = (0,external_node_path_.relative)(process.cwd(), outDir) || '.';
        print(`\n✔ Done in ${(ms / 1000).toFixed(1)} s. What a person would see on GitHub is in ${rel.startsWith('..') ? outDir : rel}/`);
        print(`  open ${(0,external_node_path_.join)(rel.startsWith('..') ? outDir : rel, 'index.html')} in a browser; markdown: ${files.filter((f) => f.endsWith('.md')).join(', ')}`);
        return { outDir, files, skipped: c.skipped, ms, serverUrl: emu.url, issues };
    }
    finally {
        await emu.close();
    }
}
/** Sections 2–4 of the story: the alert storm, escalation, the lifecycle by commands, reminders, resolution, postmortem. */
async function fullStory(c, form) {
    const { emu, out: print } = c;
    // ---- 2. Monitoring: an Alertmanager group fires, and keeps firing.
    print('\n— An alert storm from monitoring (Alertmanager → relay → repository_dispatch)');
    const storm = await deliverAlert(c, 'firing', '2026-11-26T14:04:00Z', 'alert checkout 5xx fires (group of 3)');
    const alert = Number(storm.outputs['incident-number'] || findIncident(emu, '[Alert]'));
    print(`       → incident #${alert}: ${reasonOf(emu, alert)}`);
    await deliverAlert(c, 'firing', '2026-11-26T14:04:20Z', 'the same group again, 20 s later');
    await deliverAlert(c, 'firing', '2026-11-26T14:06:00Z', 'and again, 2 min later');
    await deliverAlert(c, 'firing', '2026-11-26T14:09:00Z', 'and again, 5 min later');
    const alertIssues = emu.listIssues(world/* DEMO_REPO */.lT).filter((i) => i.title.startsWith('[Alert]'));
    print(`       ${alertIssues.length} alert issue(s) for 4 deliveries; ${occurrences(emu, alert)}`);
    // ---- 3. Nobody acknowledges: the sweep escalates.
    print('\n— Nobody acknowledges: the scheduled sweep (every 10 min) escalates');
    await sweep(c, '2026-11-26T14:10:00Z', 'sweep: nothing due yet');
    await sweep(c, '2026-11-26T14:20:00Z', `sweep: ack deadline (15 min) passed`);
    print(`       escalations: ${countMarked(emu, form, 'escalation')} on #${form}, ${countMarked(emu, alert, 'escalation')} on #${alert}`);
    // ---- 4. The lifecycle by commands.
    print('\n— The responders take over (slash commands in comments)');
    await comment(c, form, 'alice', '/ack', '2026-11-26T14:24:00Z', `#${form} alice: /ack`);
    await comment(c, alert, 'bob', '/ack\n/commander @bob', '2026-11-26T14:25:00Z', `#${alert} bob: /ack, /commander @bob`);
    await comment(c, form, 'alice', '/update 500s come from the new session store client; rolling back auth to 2026.11.26-1', '2026-11-26T14:31:00Z', `#${form} alice: /update …`);
    await comment(c, alert, 'bob', 'Same root cause as the login outage: checkout calls auth.\n/update waiting for the auth rollback', '2026-11-26T14:33:00Z', `#${alert} bob: /update …`);
    print('\n— An update is missed (P1: every 30 min): the sweep reminds');
    await sweep(c, '2026-11-26T14:50:00Z', 'sweep: updates not due yet');
    await sweep(c, '2026-11-26T15:02:00Z', 'sweep: 30 min without an update');
    print(`       reminders: ${countMarked(emu, form, 'reminder')} on #${form}, ${countMarked(emu, alert, 'reminder')} on #${alert}`);
    print('\n— Mitigation, recovery, resolution');
    await comment(c, form, 'alice', '/fixing\n/update rollback in progress', '2026-11-26T15:05:00Z', `#${form} alice: /fixing, /update`);
    const boards = [renderBoard(emu, world/* DEMO_REPO */.lT, 'during the incidents')];
    await comment(c, form, 'alice', '/monitoring\n/update rollback done, sign-ins succeed again; watching error rates', '2026-11-26T15:14:00Z', `#${form} alice: /monitoring, /update`);
    await deliverAlert(c, 'resolved', '2026-11-26T15:16:00Z', 'alert checkout 5xx resolves');
    print(`       #${alert} is now ${stageOf(emu, alert)}`);
    await comment(c, form, 'carol', '/note support confirms customers can sign in', '2026-11-26T15:30:00Z', `#${form} carol: /note …`);
    await comment(c, form, 'alice', '/resolve', '2026-11-26T15:45:00Z', `#${form} alice: /resolve`);
    const pm = postmortems(emu);
    if (pm.length > 0)
        print(`       postmortem: ${pm.map((p) => `#${p.number} ${p.title}`).join(', ')}`);
    else {
        const note = 'No postmortem issue was created: the postmortem capability is not in this bundle yet.';
        c.skipped.push(note);
        print(`       ${note}`);
    }
    print(`       #${form} is ${stageOf(emu, form)} (${emu.getIssue(world/* DEMO_REPO */.lT, form).state} on GitHub)`);
    print('\n— The alert stays quiet: the sweep auto-resolves its incident after an hour in Monitoring');
    await sweep(c, '2026-11-26T16:00:00Z', 'sweep: quiet for 44 min, not yet');
    await sweep(c, '2026-11-26T16:20:00Z', 'sweep: quiet for over an hour');
    print(`       #${alert} is ${stageOf(emu, alert)} (${emu.getIssue(world/* DEMO_REPO */.lT, alert).state} on GitHub)`);
    await sweep(c, '2026-11-26T16:30:00Z', 'sweep: everything is up to date');
    if (pm.length > 0) {
        print('\n— The next morning the postmortem is written; closing it closes the incident');
        const pmIssue = pm.find((p) => (p.body ?? '').startsWith(`<!-- incidentops:postmortem:${form} -->`)) ?? pm[0];
        await step(c, '2026-11-27T11:00:00Z', `postmortem #${pmIssue.number} written and closed (issues.closed)`, () => {
            emu.editIssue(world/* DEMO_REPO */.lT, pmIssue.number, { state: 'closed', state_reason: 'completed' }, 'alice');
            return act(c, {
                event: 'issues',
                payload: issuesPayload(emu, world/* DEMO_REPO */.lT, pmIssue.number, 'closed', 'alice'),
                inputs: { 'project-token': c.projectToken },
            });
        });
        print(`       #${form} is ${stageOf(emu, form)}`);
    }
    return { alert, boards };
}
/** The quick story (`demo --quick`): the form incident is acknowledged and resolved; no alert, no sweeps. */
async function quickStory(c, form) {
    c.out('\n— A responder takes over and resolves it (the quick demo: `incidentops demo` tells the whole story)');
    await comment(c, form, 'alice', '/ack', '2026-11-26T14:24:00Z', `#${form} alice: /ack`);
    await comment(c, form, 'alice', '/fixing\n/update rolling back auth to 2026.11.26-1', '2026-11-26T14:31:00Z', `#${form} alice: /fixing, /update`);
    const boards = [renderBoard(c.emu, world/* DEMO_REPO */.lT, 'during the incident')];
    await comment(c, form, 'alice', '/resolve', '2026-11-26T14:45:00Z', `#${form} alice: /resolve`);
    c.out(`       #${form} is ${stageOf(c.emu, form)} (${c.emu.getIssue(world/* DEMO_REPO */.lT, form).state} on GitHub)`);
    return { alert: null, boards };
}
// ---------- reading the emulator's state ----------
function cardOf(emu, n) {
    return emu.listComments(world/* DEMO_REPO */.lT, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? '';
}
/** The classification line of the card ("Priority P1 because …"), or its first line. */
function reasonOf(emu, n) {
    const card = cardOf(emu, n);
    const line = card.split('\n').find((l) => /rule|because|score|reason/i.test(l) && !l.startsWith('<!--'));
    return ((line ?? '')
        .replace(/[*_`>|]/g, '')
        .replace(/\s+/g, ' ')
        .trim() || '(see the card)');
}
function stageOf(emu, n) {
    const stage = labelNames(emu.getIssue(world/* DEMO_REPO */.lT, n)).find((l) => l.startsWith('stage/'));
    return stage ?? 'without a stage label';
}
function occurrences(emu, n) {
    const m = /(\d+)\s+occurrences?|occurrences?:?\s*\**\s*(\d+)|fired\s+(\d+)\s+times?/i.exec(cardOf(emu, n));
    return m ? `the card counts ${m[1] ?? m[2] ?? m[3]} occurrences` : 'repeats are counted in the card';
}
function countMarked(emu, n, kind) {
    return emu.listComments(world/* DEMO_REPO */.lT, n).filter((c) => c.body?.startsWith(`<!-- incidentops:${kind}:`)).length;
}
function findIncident(emu, prefix) {
    return emu.listIssues(world/* DEMO_REPO */.lT).find((i) => i.title.startsWith(prefix))?.number ?? 0;
}
function postmortems(emu) {
    return emu
        .listIssues(world/* DEMO_REPO */.lT)
        .filter((i) => labelNames(i).includes('postmortem') || (i.body ?? '').startsWith('<!-- incidentops:postmortem:'));
}
// ---------- the output: markdown files and one HTML page ----------
/** One issue thread as GitHub shows it: title, state, labels, assignees, body, then every comment in order. */
function renderThread(emu, repo, n) {
    const issue = emu.getIssue(repo, n);
    const labels = labelNames(issue);
    const assignees = (issue.assignees ?? []).map((a) => `@${a.login}`);
    const state = issue.state === 'open' ? 'Open' : `Closed${issue.state_reason ? ` (${issue.state_reason.replace('_', ' ')})` : ''}`;
    const parts = [
        `# ${issue.title} #${n}`,
        '',
        `**${state}** · opened by **@${issue.user?.login ?? 'ghost'}** at ${issue.created_at.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, ' UTC')}`,
        '',
        `Labels: ${labels.length ? labels.map((l) => `\`${l}\``).join(' ') : '—'}${assignees.length ? ` · Assignees: ${assignees.join(', ')}` : ''}`,
        '',
        '<!-- thread:body -->',
        '',
        issue.body ?? '*No description provided.*',
    ];
    for (const c of emu.listComments(repo, n)) {
        const when = c.created_at.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, ' UTC');
        const edited = c.updated_at && c.updated_at !== c.created_at ? ` (edited ${c.updated_at.slice(11, 16)})` : '';
        parts.push('', '---', '', `<!-- thread:comment -->`, `**@${c.user?.login ?? 'ghost'}** commented at ${when}${edited}:`, '', c.body ?? '');
    }
    return parts.join('\n') + '\n';
}
/** The board as GitHub's board view shows it: one column per Status option, a card per issue. */
function renderBoard(emu, repo, when) {
    const items = emu.projectItems(world/* OWNER */.yo, world/* PROJECT */.yl);
    const at = emu.clock.now().toISOString().slice(0, 16).replace('T', ' ');
    const lines = [
        `# Board "Incidents" ${when} (${at} UTC)`,
        '',
        'The Projects (v2) board: one column per stage (the Status field); each card shows the fields IncidentOps keeps in step.',
        '',
    ];
    const known = new Set(world/* COLUMNS */.cZ);
    const columns = [
        ...world/* COLUMNS */.cZ,
        ...new Set(items.map((i) => i.fields.Status ?? 'No Status').filter((s) => !known.has(s))),
    ];
    for (const col of columns) {
        const cards = items.filter((i) => (i.fields.Status ?? 'No Status') === col);
        lines.push(`## ${col} (${cards.length})`, '');
        if (cards.length === 0)
            lines.push('*empty*', '');
        for (const it of cards) {
            const issue = emu.getIssue(it.issue.repo, it.issue.number);
            const f = it.fields;
            const facts = [
                f.Priority && `**${f.Priority}**`,
                f.Service && `service: ${f.Service}`,
                f.Started && `started ${f.Started}`,
                f.Resolved && `resolved ${f.Resolved}`,
            ].filter(Boolean);
            lines.push(`- **#${it.issue.number}** ${issue.title}${it.issue.repo !== repo ? ` (${it.issue.repo})` : ''}  `, `  ${facts.join(' · ') || '—'}`);
        }
        if (cards.length)
            lines.push('');
    }
    return lines.join('\n') + '\n';
}
function writeOutput(emu, outDir, w) {
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const files = [];
    const sections = [];
    const write = (name, text) => {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(outDir, name), text);
        files.push(name);
    };
    const threads = [
        ['Incident from the form', w.form, `issue-${w.form}.md`],
        ...(w.alert === null
            ? []
            : [['Incident from the alert storm', w.alert, `issue-${w.alert}.md`]]),
        ...w.postmortems.map((n) => ['Postmortem', n, `postmortem-${n}.md`]),
    ];
    for (const [label, n, file] of threads) {
        const md = renderThread(emu, world/* DEMO_REPO */.lT, n);
        write(file, md);
        sections.push({ id: file.replace(/\.md$/, ''), nav: `${label} #${n}`, markdown: md });
    }
    const board = w.boards.join('\n');
    write('board.md', board);
    sections.push({ id: 'board', nav: 'Board', markdown: board, kind: 'board' });
    if (w.report !== null) {
        const md = renderThread(emu, world/* DEMO_REPO */.lT, w.report);
        write('report.md', md);
        sections.push({ id: 'report', nav: `Weekly report #${w.report}`, markdown: md });
    }
    const notes = w.skipped.length ? w.skipped : [];
    write('index.html', renderPage({
        title: `IncidentOps demo — ${world/* DEMO_REPO */.lT}`,
        intro: `What a person would see on GitHub after the demo: the real action bundle ran every step against a local GitHub emulator. Generated ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC (emulated time: 2026-11-26 → 2026-11-30).`,
        notes,
        sections,
        repo: world/* DEMO_REPO */.lT,
    }, mermaidBundle()));
    write('README.md', [
        '# IncidentOps demo output',
        '',
        'Written by `npm start` (`incidentops demo`). Open `index.html` in a browser, or read the markdown:',
        '',
        ...files.filter((f) => f.endsWith('.md')).map((f) => `- [${f}](${f})`),
        '',
        ...notes.map((n) => `> ${n}`),
    ].join('\n') + '\n');
    return files;
}


/***/ })

};
