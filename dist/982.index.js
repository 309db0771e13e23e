export const id = 982;
export const ids = [982];
export const modules = {

/***/ 4982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dispatch: () => (/* binding */ dispatch)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/intake/issue-form.ts
const NO_RESPONSE = ['_no response_', 'none'];
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

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/config/regex.ts
/**
 * Regular expressions from the config (`matches:` in classification rules) run on text that anyone
 * who can open an issue writes. JavaScript's RegExp backtracks, so a pattern like `(aa?)+$` or
 * `^.*a.*a.*a.*b$` takes exponential or high-polynomial time on a crafted 49-character summary and
 * holds the run until the job times out. They are therefore compiled and matched only with RE2
 * (the `re2js` port), whose time is linear in the text: no pattern is "dangerous" any more, and
 * the only patterns refused are those RE2 cannot run at all (backreferences, lookarounds).
 */

const compiled = new Map();
/**
 * Compiles a config pattern with RE2, case-insensitively (as `matches:` is documented), once per
 * source. Throws the engine's error for a pattern it cannot run; validation refuses those first.
 */
function compileConfigRegex(source) {
    let re = compiled.get(source);
    if (!re) {
        const p = build/* RE2JS */.L3.compile(source, build/* RE2JS */.L3.CASE_INSENSITIVE);
        re = { test: (text) => p.test(text) };
        compiled.set(source, re);
    }
    return re;
}
/** Skips escaped characters so that `\\(?=` (a literal backslash) is not read as a lookahead. */
const unescaped = (pattern) => new RegExp(`(?<!\\\\)(?:\\\\\\\\)*${pattern}`);
/** What RE2 cannot run, recognised in the source, with what to write instead. */
const UNSUPPORTED = [
    {
        test: unescaped('\\\\(?:[1-9]|k<)'),
        message: 'uses a backreference (`\\1` or `\\k<name>`), which the linear-time matcher (RE2) cannot run; repeat the group instead (`(ab)\\1` → `(ab)(ab)`), or test the field twice with `all:`',
    },
    {
        test: unescaped('\\(\\?<?[=!]'),
        message: 'uses a lookaround (`(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`), which the linear-time matcher (RE2) cannot run; match the text itself, or combine conditions with `all:` and `not:` (for "contains a but not b": `all: [{ field: f, matches: a }, { not: { field: f, matches: b } }]`)',
    },
    {
        test: unescaped('\\\\u(?:[0-9a-fA-F]{4}|\\{)'),
        message: 'uses a `\\u` escape, which RE2 does not know; write `\\x{00e9}` instead of `\\u00e9`, or the character itself',
    },
    {
        test: unescaped('[+*?}][+]'),
        message: 'uses a possessive quantifier (`a++`, `a*+`), which RE2 does not know; write `a+` or `a*` (RE2 never backtracks, so it is not needed)',
    },
];
/**
 * Why a config pattern cannot be used, as the end of a sentence starting with the key's name;
 * undefined when RE2 compiles it. Every pattern RE2 compiles matches in linear time, so nothing is
 * refused for being slow: `(eu|us)+`, `(aa?)+$` and `^.*a.*a.*a.*b$` are all fine.
 */
function regexProblem(source) {
    try {
        compileConfigRegex(source);
        return undefined;
    }
    catch (error) {
        const known = UNSUPPORTED.find((u) => u.test.test(source));
        if (known)
            return known.message;
        const why = error instanceof build/* RE2JSException */.o_ ? error.message.replace(/^error parsing regexp: /, '') : String(error);
        if (/too large/.test(why))
            return `is too large for the matcher (${why}); use smaller repeat counts or split it into several rules`;
        if (/repeat count/.test(why))
            return `is not a valid regular expression (${why}); repeat counts go up to 1000`;
        return `is not a valid regular expression (${why}); see the RE2 syntax (https://github.com/google/re2/wiki/Syntax)`;
    }
}

;// CONCATENATED MODULE: ./src/domain/classify.ts

/** Normalises text for comparison: case, spacing and punctuation do not matter (`Full outage` = `full-outage`). */
function slug(v) {
    return v
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function asNumber(v) {
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(v))
        return Number.parseFloat(v);
    return null;
}
function scalarEquals(value, want) {
    if (typeof want === 'boolean' || typeof value === 'boolean') {
        const norm = (x) => typeof x === 'boolean'
            ? x
            : ['true', 'yes'].includes(String(x).toLowerCase())
                ? true
                : ['false', 'no'].includes(String(x).toLowerCase())
                    ? false
                    : null;
        return norm(value) !== null && norm(value) === norm(want);
    }
    if (typeof want === 'number' || typeof value === 'number')
        return asNumber(value) === asNumber(want);
    return slug(value) === slug(want);
}
/** Evaluates a condition against the fields. A missing field fails every test but `present: false`. */
function evaluate(c, fields) {
    if ('all' in c)
        return c.all.every((x) => evaluate(x, fields));
    if ('any' in c)
        return c.any.some((x) => evaluate(x, fields));
    if ('not' in c)
        return !evaluate(c.not, fields);
    const v = fields[c.field];
    const missing = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (c.present !== undefined)
        return c.present ? !missing : missing;
    if (missing)
        return false;
    const values = Array.isArray(v) ? v : [v];
    if (c.equals !== undefined)
        return values.some((x) => scalarEquals(x, c.equals));
    if (c.one_of !== undefined)
        return values.some((x) => c.one_of.some((w) => scalarEquals(x, w)));
    if (c.matches !== undefined) {
        // RE2, never RegExp: the text is the reporter's, and a backtracking engine lets it hang the run.
        const re = compileConfigRegex(c.matches);
        return values.some((x) => re.test(String(x).slice(0, 10_000)));
    }
    const n = asNumber(Array.isArray(v) ? (v[0] ?? null) : v);
    if (n === null)
        return false;
    if (c.at_least !== undefined)
        return n >= c.at_least;
    if (c.at_most !== undefined)
        return n <= c.at_most;
    if (c.above !== undefined)
        return n > c.above;
    if (c.below !== undefined)
        return n < c.below;
    return false;
}
/** The weighted impact score: Σ weight × numeric value, plus points per choice value. */
function impactScore(terms, fields) {
    if (terms.length === 0)
        return null;
    let total = 0;
    for (const t of terms) {
        const v = fields[t.field];
        if (v === null || v === undefined)
            continue;
        const values = Array.isArray(v) ? v : [v];
        for (const x of values) {
            if (t.values) {
                const hit = Object.entries(t.values).find(([k]) => slug(k) === slug(String(x)));
                if (hit)
                    total += hit[1] * (t.weight ?? 1);
            }
            else {
                const n = asNumber(x);
                if (n !== null)
                    total += n * (t.weight ?? 1);
            }
        }
    }
    return Math.round(total * 1000) / 1000;
}
/** Picks the priority: the first matching rule, else the default. Pure and total. */
function classify(fields, config) {
    const score = impactScore(config.classification.score, fields);
    const all = score === null ? fields : { ...fields, score };
    const rules = config.classification.rules;
    for (let i = 0; i < rules.length; i++) {
        const r = rules[i];
        if (evaluate(r.when, all)) {
            const name = r.name ?? `rule ${i + 1}`;
            return {
                priority: r.priority,
                rule: name,
                score,
                reason: `rule “${name}” matched${score !== null ? ` (impact score ${score})` : ''}`,
            };
        }
    }
    const d = config.classification.default;
    return {
        priority: d,
        rule: null,
        score,
        reason: `no rule matched${score !== null ? ` (impact score ${score})` : ''}: the default priority applies`,
    };
}

;// CONCATENATED MODULE: ./src/intake/start-time.ts
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Reads "when did it start" as people write it, relative to when the issue was opened:
 * ISO 8601, `2026-11-25 14:05 UTC`, `14:05 UTC` (that day, or the day before if later than the report),
 * `20 minutes ago`, `2h ago`, `now`. A time without a zone is read as UTC and said so.
 * Returns null when the text is not understood or would be after the report.
 */
function parseStartTime(text, reportedAt) {
    const r = readTime(text, reportedAt);
    return r ? valid(r.at, reportedAt, r.assumedUtc) : null;
}
/**
 * Like {@link parseStartTime}, but says why a start is refused, so the reply can say what to fix:
 * a start later than `now` (GitHub's clock) is in the future; one later than the report is after
 * the declaration (an incident starts before it is reported).
 */
function checkStartTime(text, reportedAt, now) {
    const r = readTime(text, reportedAt);
    if (!r || Number.isNaN(r.at.getTime()))
        return { problem: 'not-understood' };
    if (r.at.getTime() > now.getTime() + 60_000)
        return { problem: 'future', at: r.at };
    if (r.at.getTime() > reportedAt.getTime() + 60_000)
        return { problem: 'after-report', at: r.at };
    return valid(r.at, reportedAt, r.assumedUtc) ?? { problem: 'too-old', at: r.at };
}
function readTime(text, reportedAt) {
    const t = text.trim().toLowerCase().slice(0, 100);
    if (!t)
        return null;
    if (/^(now|just now|right now)$/.test(t))
        return { at: reportedAt, assumedUtc: false };
    const ago = /^(?:about |around |~)?(\d{1,4}(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago$/.exec(t);
    if (ago) {
        const unit = ago[2].startsWith('mi') || ago[2] === 'm' ? 'm' : ago[2][0];
        return { at: new Date(reportedAt.getTime() - Number(ago[1]) * UNIT_MS[unit]), assumedUtc: false };
    }
    const full = /^(\d{4}-\d{2}-\d{2})[t ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (full) {
        const [, date, hh, mm, ss, zone] = full;
        return { at: new Date(`${date}T${hh.padStart(2, '0')}:${mm}:${ss ?? '00'}${zoneSuffix(zone)}`), assumedUtc: !zone };
    }
    const timeOnly = /^(\d{1,2}):(\d{2})\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (timeOnly) {
        const [, hh, mm, zone] = timeOnly;
        const day = reportedAt.toISOString().slice(0, 10);
        let at = new Date(`${day}T${hh.padStart(2, '0')}:${mm}:00${zoneSuffix(zone)}`);
        if (at.getTime() > reportedAt.getTime())
            at = new Date(at.getTime() - 86_400_000);
        return { at, assumedUtc: !zone };
    }
    return null;
}
function zoneSuffix(zone) {
    if (!zone || zone === 'z' || zone === 'utc' || zone === 'gmt')
        return 'Z';
    return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}
function valid(at, reportedAt, assumedUtc) {
    if (Number.isNaN(at.getTime()))
        return null;
    // A start after the report is a typo (or a zone mix-up); a start years back is one too.
    if (at.getTime() > reportedAt.getTime() + 60_000)
        return null;
    if (reportedAt.getTime() - at.getTime() > 90 * 86_400_000)
        return null;
    return { at, assumedUtc };
}

;// CONCATENATED MODULE: ./src/render/time.ts
/** `2026-11-25 14:05 UTC`: times in cards are absolute, so re-rendering later changes nothing. */
function utc(iso) {
    const d = typeof iso === 'string' ? new Date(iso) : iso;
    if (Number.isNaN(d.getTime()))
        return '—';
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** `14:05 UTC` when on the same day as `ref`, the full form otherwise. */
function utcShort(iso, ref) {
    return iso.slice(0, 10) === ref.slice(0, 10) ? `${iso.slice(11, 16)} UTC` : utc(iso);
}

;// CONCATENATED MODULE: ./src/intake/facts.ts



const FIELD_NAMES = {
    summary: 'what is broken',
    started_at: 'when it started',
    impact: 'customer impact',
    users_affected: 'share of users affected',
    services: 'affected services',
    detection: 'how it was detected',
};
/** Reads "All users (100%)", "Very few users (under 1%)", "30%", "about 5 %" as a percentage (lower bound). */
function parseShare(text) {
    if (!text)
        return null;
    const m = /(under|<|less than)?\s*(\d{1,3}(?:\.\d+)?)\s*(?:[–-]\s*\d{1,3}\s*)?%/i.exec(text) ??
        /^\s*(under|<)?\s*(\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
    if (!m)
        return null;
    const n = Number(m[2]);
    if (!(n >= 0 && n <= 100))
        return null;
    return m[1] ? 0 : n;
}
/** Splits "api, checkout / web" into service names fit for a `service/<name>` label. */
function parseServices(text) {
    if (!text)
        return [];
    const out = [];
    for (const part of text.split(/[,;\n/]+/)) {
        const s = slug(part).slice(0, 40);
        if (s && !out.includes(s))
            out.push(s);
        if (out.length >= 10)
            break;
    }
    return out;
}
/** Turns the parsed form into facts, noting what was missing so the card can say it. */
function factsFromForm(form, spec, reportedAt, now) {
    const str = (id) => {
        const v = form.values[id];
        return typeof v === 'string' && v.trim() ? v.trim() : null;
    };
    const notes = [];
    if (!form.fromForm)
        notes.push('Written without the incident form: impact unknown, so the default priority applies. Set it with `/priority P1`…`P4`, or edit the issue.');
    else {
        const missing = form.missing.filter((id) => FIELD_NAMES[id]);
        if (missing.length)
            notes.push(`Not stated: ${missing.map((id) => FIELD_NAMES[id]).join(', ')}.`);
    }
    let startedAt = null;
    let startRefused;
    const startText = str('started_at');
    if (startText) {
        // Relative times ("20 minutes ago") count from the report, so an edit later reads them the same.
        const parsed = checkStartTime(startText, reportedAt, now ?? reportedAt);
        if ('problem' in parsed) {
            const message = parsed.problem === 'future'
                ? `The start time (${utc(parsed.at.toISOString())}) is in the future: the report time is used. Edit the form with when it started.`
                : parsed.problem === 'after-report'
                    ? `The start time (${utc(parsed.at.toISOString())}) is after the incident was reported (${utc(reportedAt.toISOString())}); an incident starts before it is reported: the report time is used. Edit the form with when it started.`
                    : parsed.problem === 'too-old'
                        ? 'The start time is more than 90 days before the report: the report time is used. Edit the form with when it started.'
                        : 'The start time was not understood (write e.g. `2026-11-25 14:05 UTC` or `20 minutes ago`): the report time is used.';
            notes.push(message);
            startRefused = { text: startText, problem: parsed.problem, message };
        }
        else {
            startedAt = parsed.at.toISOString();
            if (parsed.assumedUtc)
                notes.push('The start time had no time zone: read as UTC.');
        }
    }
    const exposure = form.values.exposure;
    const ticked = Array.isArray(exposure) ? exposure : [];
    const options = spec.find((f) => f.id === 'exposure')?.options ?? [];
    const impact = str('impact');
    const share = str('users_affected');
    const usersAffected = parseShare(share);
    if (share && usersAffected === null && slug(share) !== 'unknown')
        notes.push('The share of users affected was not understood.');
    return {
        summary: str('summary'),
        startedAt,
        impact: impact && slug(impact) !== 'none' ? slug(impact) : null,
        usersAffected,
        services: parseServices(str('services')),
        dataLoss: ticked.some((t) => slug(t) === slug(options[0] ?? 'data may have been lost')),
        security: ticked.some((t) => slug(t) === slug(options[1] ?? 'security')),
        detection: str('detection') ? slug(str('detection')) : null,
        links: str('links'),
        fromForm: form.fromForm,
        notes,
        ...(startRefused ? { startRefused } : {}),
    };
}
/** The fields rules can test (see the docs' field list). */
function fieldsOf(f) {
    return {
        summary: f.summary,
        impact: f.impact,
        users_affected: f.usersAffected,
        services: f.services,
        data_loss: f.dataLoss,
        security: f.security,
        detection: f.detection,
    };
}

;// CONCATENATED MODULE: ./src/config/types.ts
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

;// CONCATENATED MODULE: ./src/domain/stages.ts
/**
 * The incident stages, in order. Names of labels and board columns can be changed in the config,
 * the stages themselves cannot: the metrics are defined on them (docs/metrics.md).
 */
const STAGES = ['triage', 'investigating', 'fixing', 'monitoring', 'resolved', 'postmortem', 'closed'];
const stageIndex = (s) => STAGES.indexOf(s);
const isStage = (s) => STAGES.includes(s);
/** Active stages: the incident is still hurting or being verified. */
const isActive = (s) => stageIndex(s) < stageIndex('resolved');

;// CONCATENATED MODULE: ./src/domain/record.ts


const CARD_MARKER = '<!-- incidentops:card -->';
const RECORD_RE = /<!-- incidentops:record:v1:([A-Za-z0-9+/=]+) -->/;
/** The hidden record line: base64 JSON, so no user text inside it can close the HTML comment. */
function encodeRecord(r) {
    return `<!-- incidentops:record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`;
}
/** Reads the record from a card body; null when absent or unreadable (then it is rebuilt). */
function decodeRecord(body) {
    const m = RECORD_RE.exec(body);
    if (!m)
        return null;
    try {
        const r = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
        return isRecord(r) ? r : null;
    }
    catch {
        return null;
    }
}
/** The incident card: the oldest comment carrying the card marker that we wrote ourselves. */
function findCard(comments) {
    return comments
        .filter((c) => c.viewerDidAuthor && c.body.startsWith(CARD_MARKER))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId)[0];
}
/** A keyed comment of ours (`<!-- incidentops:kind:key -->`), found to edit instead of posting twice. */
function marker(kind, key) {
    return `<!-- incidentops:${kind}:${key} -->`;
}
function findMarked(comments, mark) {
    return comments.find((c) => c.viewerDidAuthor && c.body.startsWith(mark));
}
/** Whether the postmortem exists: its issue, its comment on the incident, or its pull request. */
function postmortemWritten(record) {
    return !!(record.postmortem?.issue || record.postmortem?.comment || record.postmortem?.pr);
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
/**
 * Checks a decoded record against schema v1: the fields every reader relies on, with their types
 * (a stage that is not one of STAGES, a priority that is not P1–P4, an event without a time…). A
 * record that fails is treated as absent and rebuilt from the issue, never trusted half.
 */
function isRecord(r) {
    if (!isObject(r) || r.v !== 1)
        return false;
    if (typeof r.number !== 'number' || !Number.isInteger(r.number) || r.number <= 0)
        return false;
    if (!isTime(r.declaredAt) || !isTime(r.startedAt))
        return false;
    if (typeof r.priority !== 'string' || !PRIORITIES.includes(r.priority))
        return false;
    if (r.prioritySource !== 'rules' && r.prioritySource !== 'human')
        return false;
    if (typeof r.priorityReason !== 'string' || typeof r.stage !== 'string' || !isStage(r.stage))
        return false;
    if (!Array.isArray(r.events) || !r.events.every((e) => isObject(e) && isTime(e.at) && typeof e.kind === 'string'))
        return false;
    if (r.processed !== undefined && !(Array.isArray(r.processed) && r.processed.every((n) => typeof n === 'number')))
        return false;
    if (r.commander !== undefined && r.commander !== null && typeof r.commander !== 'string')
        return false;
    if (r.status !== undefined && !isPublicState(r.status))
        return false;
    if (r.notices !== undefined && !(Array.isArray(r.notices) && r.notices.every((k) => typeof k === 'string')))
        return false;
    return true;
}
/** The record's public state (`status`), as the status page reads it. */
function isPublicState(s) {
    if (!isObject(s) || typeof s.published !== 'boolean' || !isTime(s.publishedAt))
        return false;
    if (s.title !== null && typeof s.title !== 'string')
        return false;
    if (!Array.isArray(s.updates) || !s.updates.every((u) => isObject(u) && isTime(u.at) && typeof u.text === 'string'))
        return false;
    return s.postmortem === undefined || (isObject(s.postmortem) && typeof s.postmortem.text === 'string');
}

;// CONCATENATED MODULE: ./src/github/content-limits.ts
/**
 * GitHub's documented limits on what one write may carry, and one function per limit that makes a
 * value fit. A write GitHub would refuse for a limit we can know in advance is our bug: every title,
 * body and label set goes through these before it is sent (apply.ts, and the planners that compare
 * what they want with what GitHub has, so that a cut value compares equal on the next run).
 *
 * Every function is idempotent (fit(fit(x)) === fit(x)) and leaves a value that already fits alone.
 * Lengths are counted in UTF-16 units, which is never less than GitHub's count of characters.
 */
/** Issue and pull request titles, comment and issue bodies, labels per issue, label names and descriptions. */
const CONTENT_LIMITS = Object.freeze({
    title: 256,
    body: 65_536,
    labelsPerIssue: 100,
    labelName: 50,
    labelDescription: 100,
});
/** The longest prefix of `text` that is at most `max` UTF-16 units and does not split a code point. */
function head(text, max) {
    if (text.length <= max)
        return text;
    let out = text.slice(0, Math.max(0, max));
    // A lone high surrogate at the end would be half a character.
    if (/[\ud800-\udbff]$/.test(out))
        out = out.slice(0, -1);
    return out;
}
/**
 * A title of at most 256 characters. A longer one is cut and ends with `… (N more characters)`, the
 * whole (cut text and that note) fitting in 256.
 */
function fitTitle(title) {
    const max = CONTENT_LIMITS.title;
    if (title.length <= max)
        return title;
    // The note's length depends on N, which depends on the cut: the longest note is for N = length.
    const note = (n) => `… (${n} more characters)`;
    const kept = head(title, max - note(title.length).length).trimEnd();
    // A shorter N only shortens the note, so the result still fits.
    return `${kept}${note(title.length - kept.length)}`;
}
const RECORD_LINE = /\n<!-- incidentops:record:[^\n]*-->\s*$/;
/**
 * A body of at most 65,536 characters. A longer one keeps its beginning (where our marker is) and
 * its record line (the last line of a card), and says in between how much was cut. Throws when even
 * the record alone would not fit, which no body we write can reach.
 */
function fitBody(body) {
    const max = CONTENT_LIMITS.body;
    if (body.length <= max)
        return body;
    const record = RECORD_LINE.exec(body)?.[0] ?? '';
    const text = record ? body.slice(0, body.length - record.length) : body;
    const note = (n) => `\n\n… (${n} more characters cut: GitHub keeps at most ${max.toLocaleString('en-US')} in one body)\n`;
    const room = max - record.length - note(text.length).length;
    if (room < 0)
        throw new RangeError(`a record of ${record.length} characters cannot fit in a GitHub body of ${max}`);
    const kept = head(text, room);
    return `${kept}${note(text.length - kept.length)}${record}`;
}
/**
 * A label name of at most 50 characters: a longer one is cut and ends with `…`. The cut is stable,
 * so the same long name always maps to the same label.
 */
function content_limits_fitLabelName(name) {
    const max = CONTENT_LIMITS.labelName;
    if (name.length <= max)
        return name;
    return `${head(name, max - 1).trimEnd()}…`;
}
/** A label description of at most 100 characters. */
function fitLabelDescription(description) {
    const max = CONTENT_LIMITS.labelDescription;
    if (description.length <= max)
        return description;
    return `${head(description, max - 1).trimEnd()}…`;
}
/**
 * A label set GitHub accepts on one issue: names fitted, duplicates (case-insensitive) dropped, at
 * most 100. When there are more, the labels `first` says are ours (incident, priority, stage…) are
 * kept before the others, each group in its given order, so the cut is deterministic.
 */
function fitLabels(labels, first = () => false) {
    const seen = new Set();
    const unique = [];
    for (const l of labels.map(content_limits_fitLabelName)) {
        const k = l.toLowerCase();
        if (seen.has(k))
            continue;
        seen.add(k);
        unique.push(l);
    }
    if (unique.length <= CONTENT_LIMITS.labelsPerIssue)
        return unique;
    const keep = new Set([...unique.filter(first), ...unique.filter((l) => !first(l))].slice(0, CONTENT_LIMITS.labelsPerIssue));
    // The original order, minus what did not fit.
    return unique.filter((l) => keep.has(l));
}

;// CONCATENATED MODULE: ./src/domain/labels.ts

const PRIORITY_PREFIX = 'priority/';
const STAGE_PREFIX = 'stage/';
const SERVICE_PREFIX = 'service/';
const PRIORITY_COLORS = { P1: 'b60205', P2: 'd93f0b', P3: 'fbca04', P4: '0e8a16' };
const priorityLabel = (p) => `${PRIORITY_PREFIX}${p}`;
// Names from config and people's text: cut to GitHub's 50 characters the same way everywhere.
const stageLabel = (stage) => fitLabelName(`${STAGE_PREFIX}${stage}`);
const serviceLabel = (s) => content_limits_fitLabelName(`${SERVICE_PREFIX}${s}`);
/** The label specs (name, colour, description) the action creates when missing. */
function labelSpec(name, config) {
    const lower = name.toLowerCase();
    if (lower === config.labels.incident.toLowerCase())
        return { name, color: 'd73a4a', description: 'An incident, managed by IncidentOps' };
    if (lower.startsWith(PRIORITY_PREFIX)) {
        const p = name.slice(PRIORITY_PREFIX.length);
        return {
            name,
            color: PRIORITY_COLORS[p] ?? 'cccccc',
            description: `${p}: ${config.priorities[p]?.description ?? ''}`.slice(0, 100),
        };
    }
    if (lower.startsWith(STAGE_PREFIX))
        return { name, color: '1d76db', description: `Incident stage: ${name.slice(STAGE_PREFIX.length)}` };
    if (lower.startsWith(SERVICE_PREFIX))
        return { name, color: 'c5def5', description: 'Service affected by an incident' };
    return { name, color: 'ededed', description: '' };
}
/** The priority labels on an issue, as priorities (unknown suffixes ignored). */
function priorityLabelsOn(labels) {
    const out = [];
    for (const l of labels) {
        if (!l.toLowerCase().startsWith(PRIORITY_PREFIX))
            continue;
        const p = l.slice(PRIORITY_PREFIX.length).toUpperCase();
        if (p === 'P1' || p === 'P2' || p === 'P3' || p === 'P4')
            out.push(p);
    }
    return out;
}

// EXTERNAL MODULE: ./src/changes/rank.ts
var rank = __webpack_require__(8999);
;// CONCATENATED MODULE: ./src/changes/cause.ts

const USAGE = '`/cause` needs a change: `/cause #123` (pull request), `/cause 1a2b3c4` (commit), `/cause 4567` (deployment id) or `/cause none`';
/** Parses `/cause`'s argument, or says how to write it. */
function parseCause(arg) {
    const a = arg.trim().split(/\s+/)[0] ?? '';
    if (/^none$/i.test(a))
        return { kind: 'none' };
    const pr = /^#(\d{1,9})$/.exec(a);
    if (pr)
        return { kind: 'pr', number: Number(pr[1]) };
    // A bare number is a deployment id (what the Deployments API and `/changes` show); a commit has letters or 7+ hex digits with one.
    const dep = /^(?:deployment[:#]?)?(\d{1,12})$/i.exec(a);
    if (dep)
        return { kind: 'deployment', id: Number(dep[1]) };
    if (/^[0-9a-f]{7,40}$/i.test(a))
        return { kind: 'sha', sha: a.toLowerCase() };
    return { message: USAGE };
}
/** The incident's environment and service for ranking. */
function query(record, config, now) {
    const service = record.service ? config.services.find((s) => s.name === record.service) : undefined;
    const env = record.alert?.labels.environment ?? record.alert?.labels.env ?? record.alert?.labels.Environment ?? undefined;
    return {
        startedAt: record.startedAt,
        window: config.changes.window,
        paths: service?.paths ?? [],
        owners: service?.owners.filter((o) => o.startsWith('@')) ?? [],
        environment: env ?? config.changes.environment,
        hotfixLabels: config.changes.hotfixLabels,
        now,
    };
}
/** Ranks the suspects into the record (at declaration and on `/changes`) and records reverts merged since the start. */
function refreshSuspects(record, changes, config, now, log, 
/** `/changes` asked: an empty list is recorded (and shown). At declaration an empty list leaves the record as it was. */
explicit = false) {
    const suspects = (0,rank/* rankSuspects */.lC)(changes, query(record, config, now));
    if (suspects.length || explicit) {
        record.suspects = suspects;
        record.suspectsAt = now;
        log.push(`${suspects.length} suspect change${suspects.length === 1 ? '' : 's'} ranked`);
    }
    for (const { revert, reverted } of (0,rank/* revertsDuring */.hi)(changes, record.startedAt, now))
        recordRevert(record, revert, reverted.number, { at: revert.mergedAt, actor: revert.author ?? 'ghost' }, log);
    return suspects;
}
/** A revert merged during the incident: recorded once as a mitigation, in the timeline too. */
function recordRevert(record, revert, reverts, e, log) {
    if (record.mitigations?.some((m) => m.pr === revert.number))
        return false;
    record.mitigations = [
        ...(record.mitigations ?? []),
        { pr: revert.number, at: revert.mergedAt, reverts, title: revert.title.slice(0, 200) },
    ].slice(-10);
    record.events.push({
        at: revert.mergedAt,
        kind: 'mitigation',
        actor: e.actor,
        via: 'revert',
        to: `#${revert.number}`,
        ...(reverts !== null ? { from: `#${reverts}` } : {}),
    });
    log.push(`revert #${revert.number} recorded as a mitigation${reverts !== null ? ` (reverts #${reverts})` : ''}`);
    return true;
}
/** The suspect a revert points at, proposed as the cause while none is confirmed. */
function proposedCause(record) {
    if (record.cause)
        return null;
    const m = record.mitigations?.find((x) => x.reverts !== null);
    return m?.reverts ?? null;
}
/**
 * Applies `/cause`: records it (replacing an earlier one) with what the changes say about it, and a
 * timeline entry. Returns a problem for the reply, or null.
 */
function confirmCause(record, ref, e, changes, config, log) {
    const env = query(record, config, e.at).environment.toLowerCase();
    const deployed = (sha) => sha
        ? changes?.deployments
            .filter((d) => d.environment.toLowerCase() === env && d.sha.startsWith(sha))
            .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0]?.id
        : undefined;
    let cause;
    // A change older than the ones read is recorded as named, with a note that it was not checked.
    let note = null;
    switch (ref.kind) {
        case 'none':
            cause = { ...ref, by: e.actor, at: e.at };
            break;
        case 'pr': {
            const pull = changes?.pulls.find((p) => p.number === ref.number);
            const suspect = record.suspects?.find((s) => s.kind === 'pr' && s.id === ref.number);
            if (!pull && !suspect)
                note = `\`/cause #${ref.number}\`: recorded; #${ref.number} is not among the pull requests recently merged to the default branch that were read, so it was not checked.`;
            const sha = pull?.mergeSha ?? suspect?.sha ?? null;
            const dep = deployed(sha);
            cause = {
                ...ref,
                by: e.actor,
                at: e.at,
                title: (pull?.title ?? suspect?.title ?? '').slice(0, 200),
                ...(dep !== undefined ? { deployment: dep } : {}),
            };
            break;
        }
        case 'sha': {
            const dep = deployed(ref.sha);
            cause = { ...ref, by: e.actor, at: e.at, ...(dep !== undefined ? { deployment: dep } : {}) };
            break;
        }
        case 'deployment': {
            const d = changes?.deployments.find((x) => x.id === ref.id);
            const suspect = record.suspects?.find((s) => s.kind === 'deployment' && s.id === ref.id);
            if (!d && !suspect)
                note = `\`/cause ${ref.id}\`: recorded; deployment ${ref.id} is not among the recent deployments read, so it was not checked (\`/changes\` lists the recent ones with their ids).`;
            cause = {
                ...ref,
                by: e.actor,
                at: e.at,
                deployment: ref.id,
                title: (d?.environment ?? suspect?.title ?? '').slice(0, 100),
            };
            break;
        }
    }
    const same = record.cause && JSON.stringify({ ...record.cause, at: '', by: '' }) === JSON.stringify({ ...cause, at: '', by: '' });
    if (same)
        return null;
    record.cause = cause;
    record.events.push({ ...e, kind: 'cause', to: causeLabel(cause) });
    log.push(`cause confirmed: ${causeLabel(cause)}`);
    return note;
}
/** How the cause is named in the timeline and the log (no user text). */
function causeLabel(c) {
    switch (c.kind) {
        case 'none':
            return 'none (no change caused it)';
        case 'pr':
            return `#${c.number}`;
        case 'sha':
            return c.sha.slice(0, 12);
        case 'deployment':
            return `deployment ${c.id}`;
    }
}

;// CONCATENATED MODULE: ./src/domain/milestones.ts

/**
 * `asOf` (an ISO time) rebuilds the milestones as they were then, from the timeline alone: events
 * after it are ignored and the stage is the one the timeline had reached (so an incident closed
 * before a report's end and reopened after it counts as resolved in that report).
 */
function milestones(r, asOf) {
    let acknowledgedAt = null;
    let mitigatedAt = null;
    let resolvedAt = null;
    let closedAt = null;
    let dismissed = false;
    const MON = stageIndex('monitoring');
    const RES = stageIndex('resolved');
    const CLO = stageIndex('closed');
    const limit = asOf === undefined ? Infinity : Date.parse(asOf);
    let stageThen = 'triage';
    for (const e of r.events) {
        if (Date.parse(e.at) > limit)
            continue;
        if (e.kind === 'stage' && e.to)
            stageThen = e.to;
        if (e.kind === 'ack' && acknowledgedAt === null)
            acknowledgedAt = e.at;
        if (e.kind === 'dismissed')
            dismissed = true;
        if (e.kind !== 'stage' || !e.to)
            continue;
        const from = stageIndex(e.from ?? 'triage');
        const to = stageIndex(e.to);
        if (acknowledgedAt === null && to !== stageIndex('triage'))
            acknowledgedAt = e.at;
        // Entering Monitoring-or-later from below starts a stretch; going back below ends it.
        if (to >= MON && (from < MON || mitigatedAt === null))
            mitigatedAt = e.at;
        if (to < MON)
            mitigatedAt = null;
        if (to >= RES && (from < RES || resolvedAt === null))
            resolvedAt = e.at;
        if (to < RES)
            resolvedAt = null;
        if (to === CLO)
            closedAt = e.at;
        if (to < CLO)
            closedAt = null;
    }
    const now = stageIndex(asOf === undefined ? r.stage : stageThen);
    if (now < RES)
        resolvedAt = null;
    if (now < CLO)
        closedAt = null;
    if (now < MON)
        mitigatedAt = null;
    return {
        startedAt: r.startedAt,
        declaredAt: r.declaredAt,
        acknowledgedAt,
        mitigatedAt,
        resolvedAt,
        closedAt,
        dismissed,
    };
}

;// CONCATENATED MODULE: ./src/report/load.ts



const POSTMORTEM_STATES = new Set(['not-required', 'missing', 'open', 'done']);
/** `service/<name>` labels, sorted by name (GitHub's label order is not ours to rely on), without repeats. */
function servicesOf(labels) {
    const out = [];
    for (const l of labels) {
        if (!l.toLowerCase().startsWith(SERVICE_PREFIX))
            continue;
        const s = l.slice(SERVICE_PREFIX.length).trim();
        if (s && !out.includes(s))
            out.push(s);
    }
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/**
 * Where the incident came from: the record's `source` (alerts work), else the alert's source, else
 * how it was declared (`form`, or `manual` for an incident written by hand or labelled).
 */
function sourceOf(r) {
    if (typeof r.source === 'string' && r.source)
        return r.source;
    if (r.alert?.source)
        return r.alert.source;
    const declared = r.events.find((e) => e.kind === 'declared');
    if (declared?.via === 'form')
        return 'form';
    if (declared?.via === 'alert')
        return declared.actor || 'alert';
    return 'manual';
}
/**
 * The postmortem state: the record's own when it has one (postmortem work), else derived from the
 * priority's policy: not required (optional or none, or a dismissed incident); required and the
 * incident closed after its Postmortem stage: done; in the Postmortem stage: open; otherwise missing.
 */
function postmortemOf(r, dismissed, config) {
    const own = r.postmortem;
    const state = typeof own === 'string'
        ? own
        : typeof own === 'object' && own !== null && 'state' in own
            ? own.state
            : undefined;
    if (typeof state === 'string' && POSTMORTEM_STATES.has(state))
        return state;
    if (dismissed || config.priorities[r.priority]?.postmortem !== 'required')
        return 'not-required';
    if (r.stage === 'closed')
        return 'done';
    if (r.stage === 'postmortem')
        return 'open';
    return 'missing';
}
/** Follow-ups from the record when it lists them (postmortem work); 0/0 until then. */
function followupsOf(r) {
    const list = r.followups;
    const out = { open: 0, closed: 0 };
    if (!Array.isArray(list))
        return out;
    for (const f of list) {
        const s = typeof f === 'object' && f !== null && 'state' in f ? f.state : undefined;
        if (s === 'open')
            out.open++;
        else if (s === 'closed')
            out.closed++;
    }
    return out;
}
/** One incident snapshot as the report sees it. `repo` is `owner/name`. */
function toReportIncident(issue, repo, config, asOf) {
    const services = servicesOf(issue.labels);
    const card = findCard(issue.comments);
    const record = card ? decodeRecord(card.body) : null;
    if (record && record.number === issue.number) {
        // As of the report's end: a report rebuilt later shows what was known then (docs/metrics.md).
        const m = milestones(record, asOf);
        return {
            fromCard: true,
            incident: {
                repo,
                number: issue.number,
                title: issue.title,
                url: issue.url,
                priority: record.priority,
                services,
                source: sourceOf(record),
                state: issue.state,
                startedAt: m.startedAt,
                declaredAt: m.declaredAt,
                acknowledgedAt: m.acknowledgedAt,
                mitigatedAt: m.mitigatedAt,
                resolvedAt: m.resolvedAt,
                closedAt: m.closedAt,
                dismissed: m.dismissed,
                postmortem: postmortemOf(record, m.dismissed, config),
                followups: followupsOf(record),
                ...(record.cause ? { cause: record.cause } : {}),
                ...(record.similar?.recurrenceOf ? { recurrenceOf: record.similar.recurrenceOf } : {}),
            },
        };
    }
    const priority = priorityLabelsOn(issue.labels)[0] ?? config.classification.default;
    const dismissed = issue.state === 'closed' && (issue.stateReason ?? '').toLowerCase() === 'not_planned';
    const closedAt = issue.state === 'closed' ? issue.closedAt : null;
    return {
        fromCard: false,
        incident: {
            repo,
            number: issue.number,
            title: issue.title,
            url: issue.url,
            priority,
            services,
            source: 'unknown',
            state: issue.state,
            startedAt: issue.createdAt,
            declaredAt: issue.createdAt,
            acknowledgedAt: null,
            mitigatedAt: null,
            resolvedAt: closedAt,
            closedAt,
            dismissed,
            postmortem: dismissed || config.priorities[priority]?.postmortem !== 'required' ? 'not-required' : 'missing',
            followups: { open: 0, closed: 0 },
        },
    };
}
/**
 * Drains incident pages into `into`, mapping each incident as its page arrives. `first`, when
 * given, is a page already read from the same query (the one that carried the config).
 */
async function collectIncidents(pages, repo, config, into, first, 
/** The report's end, once known (GitHub's clock after the first page): milestones are rebuilt as of then. */
asOf, 
/** Sees every incident snapshot as its page arrives (the history index is built from them). */
visit) {
    const out = { pages: 0, withoutCard: 0, records: [] };
    const keepRecords = config.oncall.schedules.length > 0;
    const take = (page) => {
        out.pages++;
        if (page.labelled && !out.labelled)
            out.labelled = page.labelled;
        if (page.repoLabels && !out.repoLabels)
            out.repoLabels = page.repoLabels;
        if (page.labelledLabelId !== undefined && out.labelledLabelId === undefined)
            out.labelledLabelId = page.labelledLabelId;
        if (page.file && !out.file)
            out.file = page.file;
        for (const snap of page.incidents) {
            visit?.(snap);
            const m = toReportIncident(snap, repo, config, asOf?.());
            if (!m.fromCard)
                out.withoutCard++;
            into.push(m.incident);
            // Only the on-call load reads the records: kept (decoded a second time) only when there are schedules.
            if (!keepRecords || !m.fromCard)
                continue;
            const card = findCard(snap.comments);
            const record = card ? decodeRecord(card.body) : null;
            if (record)
                out.records.push(record);
        }
    };
    if (first)
        take(first);
    for await (const page of pages)
        take(page);
    return out;
}

;// CONCATENATED MODULE: ./src/status/public.ts


/** Longest public title, update and postmortem summary; most updates kept (the record lives in a 65,536-character comment). */
const PUBLIC_LIMITS = Object.freeze({ title: 120, update: 1000, postmortem: 2000, updates: 20 });
const public_USAGE = '`/status publish <public title>`, `/status <update for customers>`, `/status postmortem <summary>` or `/status unpublish`';
/** Parses the argument of `/status` (its first line and the lines after it). */
function parseStatus(arg) {
    const [first = '', ...rest] = arg.split('\n');
    const m = /^(\S+)\s*(.*)$/.exec(first.trim());
    const word = m?.[1]?.toLowerCase() ?? '';
    const more = rest.join('\n').trim();
    if (word === 'publish') {
        const title = (m?.[2] ?? '').trim();
        if (!title)
            return {
                message: `\`/status publish\` needs the title customers will read: \`/status publish Checkout unavailable\``,
            };
        if (title.length > PUBLIC_LIMITS.title)
            return {
                message: `\`/status publish\`: the public title has ${title.length} characters; write at most ${PUBLIC_LIMITS.title}.`,
            };
        return { name: 'status', action: 'publish', title, text: more };
    }
    if (word === 'unpublish')
        return { name: 'status', action: 'unpublish' };
    if (word === 'postmortem') {
        const text = [(m?.[2] ?? '').trim(), more].filter(Boolean).join('\n');
        if (!text)
            return {
                message: '`/status postmortem` needs the summary customers will read, on the same line or the lines after it.',
            };
        return { name: 'status', action: 'postmortem', text };
    }
    const text = arg.trim();
    if (!text)
        return { message: `\`/status\` needs a text: ${public_USAGE}.` };
    return { name: 'status', action: 'update', text };
}
/** The public status of an incident at a stage (docs/status-page.md). */
function publicStatusOf(stage, state) {
    if (stage === 'triage' || stage === 'investigating')
        return 'investigating';
    if (stage === 'fixing')
        return 'identified';
    if (stage === 'monitoring')
        return 'monitoring';
    return state?.postmortem ? 'postmortem' : 'resolved';
}
const dismissed = (r) => r.events.some((e) => e.kind === 'dismissed');
/** True when the config's rule publishes this incident (priority and source both listed). */
function publishedByRule(r, config) {
    const rule = config.status.publish;
    if (!rule.priorities.includes(r.priority))
        return false;
    const source = sourceOf(r);
    const fromAlert = !!r.alert || r.events.some((e) => e.kind === 'declared' && e.via === 'alert');
    return rule.sources.includes(source) || (fromAlert && rule.sources.includes('alert'));
}
/**
 * Whether the incident is on the page: published by command (and not taken off) or by the rule;
 * never while unconfirmed (declared by someone below triage and not confirmed), never when dismissed
 * as a false alarm unless a responder published it by command.
 */
function isPublic(r, config) {
    if (r.unconfirmed)
        return false;
    const s = r.status;
    if (s)
        return s.published;
    return !dismissed(r) && publishedByRule(r, config);
}
/**
 * Runs `/status …` on the record (the caller checked the role: triage or more). Returns a problem to
 * tell the author, or null.
 */
function runStatusCommand(record, c, e, config, changes) {
    if (c.action === 'unpublish') {
        if (!isPublic(record, config))
            return null;
        record.status = { ...(record.status ?? emptyState(e.at)), published: false };
        changes.push('taken off the status page');
        return null;
    }
    if (record.unconfirmed)
        return '`/status`: the incident is unconfirmed (declared by someone below triage); `/confirm` it before it goes on the status page.';
    if (c.action === 'publish') {
        if (dismissed(record) && !isActive(record.stage))
            return '`/status publish`: a dismissed false alarm is not published.';
        const was = record.status;
        const state = { ...(was ?? emptyState(e.at)), title: c.title, published: true };
        if (was && !was.published)
            state.publishedAt = was.publishedAt;
        if (c.text) {
            const problem = addUpdate(state, c.text, e.at, record.stage);
            if (problem)
                return problem;
        }
        record.status = state;
        changes.push(was?.published ? 'public title changed' : 'published on the status page');
        return null;
    }
    if (!isPublic(record, config))
        return '`/status`: the incident is not on the status page; publish it first with `/status publish <public title>`.';
    const state = record.status ?? emptyState(e.at);
    if (c.action === 'postmortem') {
        if (isActive(record.stage))
            return '`/status postmortem`: the incident is not resolved yet; publish the postmortem summary once it is.';
        if (c.text.length > PUBLIC_LIMITS.postmortem)
            return `\`/status postmortem\`: the summary has ${c.text.length} characters; write at most ${PUBLIC_LIMITS.postmortem}.`;
        state.postmortem = { at: e.at, text: c.text };
        record.status = state;
        changes.push('postmortem summary published on the status page');
        return null;
    }
    const problem = addUpdate(state, c.text, e.at, record.stage);
    if (problem)
        return problem;
    record.status = state;
    changes.push('public update posted on the status page');
    return null;
}
function emptyState(at) {
    return { title: null, publishedAt: at, published: true, updates: [] };
}
function addUpdate(state, text, at, stage) {
    if (text.length > PUBLIC_LIMITS.update)
        return `\`/status\`: the update has ${text.length} characters; write at most ${PUBLIC_LIMITS.update}.`;
    if (state.updates.length >= PUBLIC_LIMITS.updates)
        return `\`/status\`: this incident already has ${PUBLIC_LIMITS.updates} public updates, the most it keeps; the resolution is published by itself.`;
    state.updates.push({ at, text, status: publicStatusOf(stage, state) });
    return null;
}

;// CONCATENATED MODULE: ./src/domain/commands.ts
/**
 * Slash commands in issue comments. A command is a line that starts with `/word`, outside fenced
 * code, outside HTML comments and outside `>` quotes (quoting someone's `/resolve` must not resolve).
 * Several commands in one comment run in order. Pure.
 */


/** `/oncall` and `/cover` are not incident commands (they run on any issue, see src/events/oncall.ts), but `/help` lists them. */
const ONCALL_HELP_ROWS = [
    '| `/oncall` | who is on call now and next, per schedule (anyone; any issue) |',
    '| `/cover @user until 2026-12-06 09:00` | an on-call override, on the on-call issue only (docs/oncall.md) |',
];
const SHORTHANDS = {
    investigating: 'investigating',
    fixing: 'fixing',
    monitoring: 'monitoring',
    resolve: 'resolved',
    resolved: 'resolved',
};
const COMMANDS = [
    {
        words: ['ack'],
        usage: '`/ack`',
        help: 'take command: you become the commander (assigned), Triage → Investigating',
        parse: () => ({ name: 'ack' }),
    },
    {
        words: ['confirm'],
        usage: '`/confirm`',
        help: 'confirm an incident held as unconfirmed (declared by someone below triage): paging and escalation start',
        parse: () => ({ name: 'confirm' }),
    },
    {
        words: ['commander'],
        usage: '`/commander @user`',
        help: 'hand command to someone else',
        parse: (arg) => {
            const u = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(arg.split(/\s+/)[0] ?? '');
            return u ? { name: 'commander', user: u[1] } : { message: '`/commander` needs a user: `/commander @alice`' };
        },
    },
    {
        words: ['priority'],
        usage: '`/priority P2 <reason>`',
        help: 'set the priority by hand (wins over the rules)',
        parse: (arg) => {
            const p = /^(p[1-4])\b\s*(.*)$/is.exec(arg);
            return p
                ? { name: 'priority', priority: p[1].toUpperCase(), reason: p[2].trim().slice(0, 500) }
                : { message: '`/priority` needs P1, P2, P3 or P4 and a reason: `/priority P2 only EU customers affected`' };
        },
    },
    {
        words: ['stage', ...Object.keys(SHORTHANDS)],
        usage: '`/investigating`, `/fixing`, `/monitoring`, `/resolve`',
        help: 'move to that stage (`/stage <name>` too)',
        parse: (arg, _text, word) => word !== 'stage'
            ? { name: 'stage', stage: SHORTHANDS[word] }
            : arg
                ? { name: 'stage', stage: arg.split(/\s+/)[0].toLowerCase() }
                : { message: '`/stage` needs a stage: `/stage fixing`' },
    },
    {
        words: ['update'],
        usage: '`/update <text>`',
        help: 'a status update: goes in the timeline and resets the update clock',
        multiline: true,
        parse: (_arg, text) => text
            ? { name: 'update', text }
            : { message: '`/update` needs the news: `/update rollback deployed, error rate falling`' },
    },
    {
        words: ['note'],
        usage: '`/note <text>`',
        help: 'a timeline entry',
        multiline: true,
        parse: (_arg, text) => (text ? { name: 'note', text } : { message: '`/note` needs a text' }),
    },
    {
        words: ['followup'],
        usage: '`/followup <title>`',
        help: 'open a linked follow-up issue; the postmortem lists it with its state',
        parse: (_arg, text) => text ? { name: 'followup', title: text.split('\n')[0].slice(0, 200) } : { message: '`/followup` needs a title' },
    },
    {
        words: ['postmortem'],
        usage: '`/postmortem`',
        help: 'write a postmortem now, whatever the priority',
        parse: (arg) => (/^done\b/i.test(arg) ? { name: 'postmortem', done: true } : { name: 'postmortem' }),
    },
    {
        words: [],
        usage: '`/postmortem done`',
        help: 'finish a postmortem written as a comment (a postmortem issue is finished by closing it)',
        parse: () => ({ name: 'postmortem', done: true }),
    },
    {
        words: ['dismiss'],
        usage: '`/dismiss <reason>`',
        help: 'a false alarm: closed as not planned, counted as noise',
        parse: (_arg, text) => ({ name: 'dismiss', reason: text }),
    },
    {
        words: ['summary'],
        usage: '`/summary`',
        help: 'reply with the incident in one paragraph: priority, stage, commander, latest update, next one due',
        parse: () => ({ name: 'summary' }),
    },
    {
        words: ['changes'],
        usage: '`/changes`',
        help: 'read the changes again (merged pull requests, deployments, releases before the start) and rank the suspects in the card',
        parse: () => ({ name: 'changes' }),
    },
    {
        words: ['cause'],
        usage: '`/cause #PR`, `/cause <sha>`, `/cause <deployment id>`, `/cause none`',
        help: 'confirm the change that caused the incident (or that none did): the timeline, the postmortem and the report count it',
        parse: (arg) => {
            const c = parseCause(arg);
            return 'message' in c ? c : { name: 'cause', cause: c };
        },
    },
    {
        words: ['similar'],
        usage: '`/similar`',
        help: 'search the whole history again and reply with the 3 most similar past incidents, why they match and how they ended',
        parse: () => ({ name: 'similar' }),
    },
    {
        words: ['status'],
        usage: '`/status publish <public title>`, `/status <text>`, `/status postmortem <summary>`, `/status unpublish`',
        help: 'the public status page: publish the incident with a title for customers, post an update for them, publish the postmortem summary once resolved, or take it off (docs/status-page.md)',
        multiline: true,
        parse: (_arg, text) => parseStatus(text),
    },
    { words: ['help'], usage: '`/help`', help: 'this list', parse: () => ({ name: 'help' }) },
];
const BY_WORD = new Map(COMMANDS.flatMap((c) => c.words.map((w) => [w, c])));
/** Longest text a command keeps (`/update`, `/note`, …); the rest is cut. */
const MAX_TEXT = 2000;
/** Most commands run from one comment. */
const MAX_COMMANDS = 20;
/** Finds the commands in a comment body. Unknown `/words` are ignored (they may be paths or other bots' commands). */
function parseCommands(body) {
    const commands = [];
    const problems = [];
    const lines = body.replace(/\r\n?/g, '\n').split('\n');
    let fence = null;
    let inComment = false;
    for (let i = 0; i < lines.length && commands.length < MAX_COMMANDS; i++) {
        const raw = lines[i];
        const line = raw.trim();
        if (inComment) {
            if (line.includes('-->'))
                inComment = false;
            continue;
        }
        const f = /^(`{3,}|~{3,})/.exec(line);
        if (fence) {
            if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.slice(f[1].length).trim() === '')
                fence = null;
            continue;
        }
        if (f) {
            fence = f[1];
            continue;
        }
        if (line.startsWith('<!--')) {
            if (!line.includes('-->'))
                inComment = true;
            continue;
        }
        if (line.startsWith('>'))
            continue;
        const m = /^\/([a-z]+)\b[ \t]*(.*)$/i.exec(line);
        if (!m)
            continue;
        const word = m[1].toLowerCase();
        const spec = BY_WORD.get(word);
        if (!spec)
            continue;
        let arg = m[2].trim();
        // `/update` and `/note` take the lines that follow, up to the next command or blank line.
        if (spec.multiline) {
            const more = [];
            while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !/^\s*\/[a-z]+\b/i.test(lines[i + 1]))
                more.push(lines[++i].trim());
            arg = [arg, ...more].filter(Boolean).join('\n');
        }
        const c = spec.parse(arg, arg.slice(0, MAX_TEXT), word);
        if ('message' in c)
            problems.push({ line, message: c.message });
        else
            commands.push(c);
    }
    return { commands, problems };
}
/** True when the comment contains at least one command line (cheap pre-check before any API call). */
function hasCommands(body) {
    const p = parseCommands(body);
    return p.commands.length + p.problems.length > 0;
}
/** The table `/help` replies with and docs/commands.md shows, from the command table (and the on-call commands, handled apart: src/events/oncall.ts). */
const HELP_TEXT = [
    '| command | what it does |',
    '|---|---|',
    ...COMMANDS.map((c) => `| ${c.usage} | ${c.help} |`),
    ...ONCALL_HELP_ROWS,
].join('\n');

;// CONCATENATED MODULE: ./src/config/duration.ts
const UNITS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
const DURATION = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/;
/**
 * Parses a duration like `15m`, `1h30m`, `2d`, `1w` into milliseconds.
 * Returns null when the text is not a duration (the caller reports where and why).
 */
function parseDuration(text) {
    const t = text.trim().toLowerCase();
    if (t === '')
        return null;
    const m = DURATION.exec(t);
    if (!m)
        return null;
    const [, w, d, h, mi, s] = m;
    const ms = Number(w ?? 0) * UNITS.w +
        Number(d ?? 0) * UNITS.d +
        Number(h ?? 0) * UNITS.h +
        Number(mi ?? 0) * UNITS.m +
        Number(s ?? 0) * UNITS.s;
    return ms > 0 ? ms : null;
}
/** Formats milliseconds as a short human duration: `45s`, `12m`, `3h 05m`, `2d 4h`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return '—';
    const neg = ms < 0;
    let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86_400);
    s -= d * 86_400;
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    let out;
    if (d > 0)
        out = h > 0 ? `${d}d ${h}h` : `${d}d`;
    else if (h > 0)
        out = `${h}h ${String(m).padStart(2, '0')}m`;
    else if (m > 0)
        out = `${m}m`;
    else
        out = `${s}s`;
    return neg ? `-${out}` : out;
}
/**
 * Formats milliseconds the way durations are written in the configuration file (the inverse of
 * parseDuration, without spaces): `4h`, `1d`, `1h30m`, `90s`. Weeks are written as days (`14d`),
 * which reads more naturally in a deadline.
 */
function formatConfigDuration(ms) {
    if (!Number.isFinite(ms) || ms <= 0)
        return String(ms);
    let s = Math.round(ms / 1000);
    let out = '';
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3600],
        ['m', 60],
        ['s', 1],
    ]) {
        const n = Math.floor(s / size);
        if (n > 0)
            out += `${n}${unit}`;
        s -= n * size;
    }
    return out || '0s';
}

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./node_modules/luxon/build/es6/luxon.mjs
var luxon = __webpack_require__(8714);
;// CONCATENATED MODULE: ./src/oncall/schedule.ts
/*
 * On-call schedules: who is on call at an instant, computed purely from the schedule (layers,
 * restrictions, overrides) and the instant. No clock, no I/O. Wall-clock times (hand-offs,
 * restriction windows) are read in the schedule's IANA time zone with Luxon, so a 09:00 hand-off
 * stays at 09:00 across daylight-saving changes and a day-based shift is 23 or 25 hours long on
 * the days the clocks change, as people expect.
 */

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOUR = 3_600_000;
/** How far ahead `until` and the next hand-offs are looked for. */
const HORIZON_MS = 400 * 24 * HOUR;
/** True when Luxon (the runtime's ICU data) knows the zone. */
const isValidZone = (zone) => luxon/* IANAZone */.oh.isValidZone(zone);
/** Parses `HH:MM` (and `24:00` where allowed) to minutes after midnight; null when it is not one. */
function parseClock(text, allow24 = false) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
    if (m)
        return Number(m[1]) * 60 + Number(m[2]);
    return allow24 && text === '24:00' ? 1440 : null;
}
/** Parses `daily`, `weekly`, `<N>h`, `<N>d`, `<N>w`; null when it is none of them. */
function parseRotation(text) {
    if (text === 'daily')
        return { unit: 'days', every: 1 };
    if (text === 'weekly')
        return { unit: 'days', every: 7 };
    const m = /^([1-9]\d{0,3})([hdw])$/.exec(text);
    if (!m)
        return null;
    const n = Number(m[1]);
    return m[2] === 'h' ? { unit: 'hours', every: n } : { unit: 'days', every: m[2] === 'w' ? n * 7 : n };
}
/**
 * Parses a time in the schedule's zone: local wall-clock (`2026-12-06T09:00`, `2026-12-06 09:00`,
 * `2026-12-06`) or an instant with its offset (`…Z`, `…+01:00`). Null when it is not a time.
 */
function parseLocal(text, zone) {
    const t = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t))
        return null;
    const dt = luxon/* DateTime */.c9.fromISO(t, { zone });
    return dt.isValid ? dt : null;
}
const cache = new WeakMap();
function compile(s) {
    let c = cache.get(s);
    if (!c) {
        c = {
            s,
            zone: luxon/* IANAZone */.oh.create(s.timeZone),
            layers: s.layers.map((l) => {
                const start = parseLocal(l.start, s.timeZone);
                if (!start)
                    throw new Error(`schedule ${s.name}: layer ${l.name} has an invalid start ${l.start}`);
                return { l, start, startMs: start.toMillis(), days: new Map() };
            }),
        };
        cache.set(s, c);
    }
    return c;
}
/** The instant shift k of a layer starts (k may be negative). Day-based shifts keep the hand-off's local time. */
function shiftStart(layer, k) {
    const r = layer.l.rotation;
    return r.unit === 'hours' ? layer.startMs + k * r.every * HOUR : layer.start.plus({ days: k * r.every }).toMillis();
}
/** The index of the shift that holds t (t ≥ the layer's start). */
function shiftIndex(layer, t) {
    const r = layer.l.rotation;
    const approx = Math.floor((t - layer.startMs) / (r.every * (r.unit === 'hours' ? HOUR : 24 * HOUR)));
    let k = Math.max(0, approx);
    // Day-based shifts are 23–25 h around DST changes: the estimate is off by at most one or two.
    while (k > 0 && shiftStart(layer, k) > t)
        k--;
    while (shiftStart(layer, k + 1) <= t)
        k++;
    return k;
}
/** The restriction windows (as instants) that start on local days from `t`'s day − 2 to + `ahead`. */
function windows(c, layer, t, ahead) {
    const out = [];
    // The local day number (days since 1970-01-01 in local time): cheap, and the cache's key.
    const day0 = Math.floor((t + c.zone.offset(t) * 60_000) / 86_400_000);
    for (let i = -2; i <= ahead; i++) {
        const key = day0 + i;
        let cached = layer.days.get(key);
        if (!cached) {
            const date = new Date(key * 86_400_000);
            const d = luxon/* DateTime */.c9.fromObject({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, { zone: c.zone });
            cached = dayWindows(layer.l.restrictions, c.s.timeZone, d);
            // Bounded: a long query walks through days once; the cache is per schedule object.
            if (layer.days.size > 5000)
                layer.days.clear();
            layer.days.set(key, cached);
        }
        out.push(...cached);
    }
    return out;
}
/** The windows of the restrictions that start on local day `d`. */
function dayWindows(rs, zone, d) {
    const out = [];
    const wd = WEEKDAYS[d.weekday - 1];
    // A local time the clocks skip (02:30 on the March change) is moved forward by the gap, as Luxon does.
    const at = (date, minutes) => minutes === 1440
        ? date.plus({ days: 1 }).startOf('day').toMillis()
        : luxon/* DateTime */.c9.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toMillis();
    for (const r of rs) {
        if (!r.days.includes(wd))
            continue;
        const from = at(d, r.from);
        const to = r.to > r.from ? at(d, r.to) : at(d.plus({ days: 1 }), r.to);
        if (to > from)
            out.push([from, to]);
    }
    return out;
}
function restricted(c, layer, t) {
    if (layer.l.restrictions.length === 0)
        return true;
    return windows(c, layer, t, 0).some(([a, b]) => a <= t && t < b);
}
/** Who a layer puts on duty at t, or null (before its start, or outside its restrictions). */
function layerAt(c, i, t) {
    const layer = c.layers[i];
    if (t < layer.startMs || layer.l.members.length === 0)
        return null;
    if (!restricted(c, layer, t))
        return null;
    const k = shiftIndex(layer, t);
    return layer.l.members[k % layer.l.members.length];
}
/** Who each layer has on duty at t (null where a layer has nobody), in priority order. */
function layersAt(s, t) {
    const c = compile(s);
    return c.layers.map((l, i) => ({ layer: l.l.name, who: layerAt(c, i, t) }));
}
/** The override in force at t: the last one listed whose bounds hold t. */
function overrideAt(overrides, t) {
    for (let i = overrides.length - 1; i >= 0; i--) {
        const o = overrides[i];
        if (o.from <= t && t < o.to)
            return o;
    }
    return null;
}
function answerAt(c, t, overrides) {
    const o = overrideAt(overrides, t);
    if (o)
        return { who: o.who, layer: null, override: o, index: -1 };
    for (let i = 0; i < c.layers.length; i++) {
        const who = layerAt(c, i, t);
        if (who)
            return { who, layer: c.layers[i].l.name, override: null, index: i };
    }
    return { who: null, layer: null, override: null, index: c.layers.length };
}
/**
 * The next instant after t at which the answer `a` (at t) can change: an override's bounds; and,
 * outside overrides, a hand-off, start or restriction bound of the deciding layer or of a layer
 * above it (layers below it change nothing while it is on duty).
 */
function nextBoundary(c, t, overrides, a) {
    let next = Infinity;
    const consider = (x) => {
        if (x > t && x < next)
            next = x;
    };
    for (const o of overrides) {
        consider(o.from);
        consider(o.to);
    }
    if (a.index < 0)
        return next;
    for (const layer of c.layers.slice(0, a.index + 1)) {
        if (t < layer.startMs)
            consider(layer.startMs);
        // With one member a hand-off changes nobody: not a boundary.
        else if (layer.l.members.length > 1)
            consider(shiftStart(layer, shiftIndex(layer, t) + 1));
        // Restriction windows start and end within 8 days of any instant (they repeat weekly).
        if (layer.l.restrictions.length === 0)
            continue;
        for (const [a, b] of windows(c, layer, t, 8)) {
            consider(a);
            consider(b);
        }
    }
    return next;
}
const same = (a, b) => a.who === b.who && a.layer === b.layer && a.override === b.override;
/** All schedule overrides for a query: the config's, then the extra ones (later wins). */
const allOverrides = (s, extra) => [
    ...s.overrides,
    ...extra.filter((o) => o.to > o.from),
];
/**
 * Who is on call at `t` (epoch ms): the latest override that covers it, else the first layer (in
 * priority order) with someone on duty, else nobody. `until` is when that answer next changes.
 */
function resolveAt(s, t, extra = []) {
    const c = compile(s);
    const overrides = allOverrides(s, extra);
    const a = answerAt(c, t, overrides);
    let x = t;
    let until = null;
    let ax = a;
    while (x - t < HORIZON_MS) {
        x = nextBoundary(c, x, overrides, ax);
        if (!Number.isFinite(x))
            break;
        ax = answerAt(c, x, overrides);
        if (!same(ax, a)) {
            until = x;
            break;
        }
    }
    return {
        schedule: s.name,
        time: iso(t),
        who: a.who,
        layer: a.layer,
        override: a.override,
        until: until === null ? null : iso(until),
    };
}
/**
 * The schedule between two instants as contiguous segments (`from` included, `to` excluded),
 * neighbours with the same answer merged. The first starts at `from`, the last ends at `to`.
 */
function timeline(s, from, to, extra = []) {
    const c = compile(s);
    const overrides = allOverrides(s, extra);
    const out = [];
    let x = from;
    while (x < to) {
        const { index: _index, ...a } = answerAt(c, x, overrides);
        const next = Math.min(nextBoundary(c, x, overrides, { ...a, index: _index }), to);
        const last = out[out.length - 1];
        if (last && same(last, a))
            last.to = next;
        else
            out.push({ from: x, to: next, ...a });
        x = next;
    }
    return out;
}
/** The stretches in [from, to) with nobody on call. */
function gaps(s, from, to) {
    return timeline(s, from, to).filter((g) => g.who === null);
}
/** The next `n` answers from `t` on: the current one, then each change. */
function upcoming(s, t, n, extra = []) {
    const out = [];
    let x = t;
    for (let i = 0; i < n; i++) {
        const r = resolveAt(s, x, extra);
        out.push(r);
        if (r.until === null)
            break;
        x = Date.parse(r.until);
    }
    return out;
}
/** ISO instant without milliseconds when they are zero. */
function iso(t) {
    return new Date(t).toISOString().replace('.000Z', 'Z');
}
/** An instant shown in the schedule's zone, e.g. `Mon 2026-12-07 09:00 +01:00` (an offset, not a name: names depend on the runtime's locale data). */
function localTime(t, zone) {
    return luxon/* DateTime */.c9.fromMillis(t, { zone }).toFormat('ccc yyyy-LL-dd HH:mm ZZ');
}

;// CONCATENATED MODULE: ./src/paging/config.ts

/** Every channel kind, in the order a person's channels are paged. */
const CHANNEL_KINDS = ['ntfy', 'pushover', 'email', 'sms', 'voice'];
const NO_PAGING = {
    priorities: ['P1', 'P2'],
    people: {},
    schedules: {},
    ntfy: { server: 'https://ntfy.sh', tokenEnv: null, priority: 'urgent' },
    pushover: { apiUrl: 'https://api.pushover.net', appTokenEnv: null, priority: 1 },
    smtp: null,
    twilio: null,
};
const ENV = '^[A-Z_][A-Z0-9_]{0,99}$';
/** A `*_env` key: the name of an environment variable that holds a secret, never the secret. */
const env = (description) => ({
    type: 'string',
    pattern: ENV,
    description: `${description} The name of an environment variable (e.g. set from a secret in the workflow step's \`env:\`), never the secret itself.`,
});
const url = (description, def) => ({
    type: 'string',
    pattern: '^https?://',
    maxLength: 300,
    description,
    default: def,
});
const contact = {
    type: 'object',
    additionalProperties: false,
    description: 'The channels that page this person (or this schedule); each is optional.',
    properties: {
        ntfy: {
            type: 'object',
            additionalProperties: false,
            required: ['topic_env'],
            properties: { topic_env: env('The ntfy topic (anyone who knows a topic can read it: treat it as a secret).') },
        },
        pushover: {
            type: 'object',
            additionalProperties: false,
            required: ['user_key_env'],
            properties: { user_key_env: env("The person's Pushover user key.") },
        },
        email: {
            type: 'object',
            additionalProperties: false,
            required: ['to'],
            properties: {
                to: { type: 'string', pattern: '^[^\\s@<>]+@[^\\s@<>]+$', maxLength: 254, description: 'Address.' },
            },
        },
        sms: {
            type: 'object',
            additionalProperties: false,
            required: ['to_env'],
            properties: { to_env: env('The phone number (E.164, +4915…), kept out of the repository.') },
        },
        voice: {
            type: 'object',
            additionalProperties: false,
            required: ['to_env'],
            properties: { to_env: env('The phone number to call (E.164), kept out of the repository.') },
        },
    },
};
/** An SMTP server (nodemailer): e-mail pages, and the status page's e-mail subscribers (src/subscriptions/). */
const SMTP_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'The SMTP server e-mail is sent through (nodemailer).',
    required: ['host', 'from'],
    properties: {
        host: { type: 'string', minLength: 1, maxLength: 253, description: 'SMTP server.' },
        port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port.', default: 587 },
        secure: {
            type: 'boolean',
            description: 'TLS from the start (port 465); otherwise STARTTLS when the server offers it.',
            default: false,
        },
        from: { type: 'string', minLength: 3, maxLength: 254, description: 'Sender address.' },
        user_env: env('SMTP user name (optional).'),
        password_env: env('SMTP password (optional).'),
    },
};
/** `oncall.paging` in the configuration's JSON Schema. */
const PAGING_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'Paging phones when an escalation level fires (docs/oncall.md#paging-phones): ntfy, Pushover, e-mail (SMTP) and SMS/voice through your Twilio account. Secrets are named by environment variable (`*_env`), never written here.',
    properties: {
        priorities: {
            type: 'array',
            items: { type: 'string', enum: [...PRIORITIES] },
            maxItems: 4,
            description: 'The priorities whose escalations page phones (the GitHub mention is always posted).',
            default: ['P1', 'P2'],
        },
        people: {
            type: 'object',
            additionalProperties: contact,
            description: 'Channels by GitHub login (`alice: {ntfy: {topic_env: NTFY_ALICE}}`).',
            default: {},
        },
        schedules: {
            type: 'object',
            additionalProperties: contact,
            description: 'Channels by schedule name, paged whenever an escalation resolves that schedule (a shared on-call phone or topic).',
            default: {},
        },
        ntfy: {
            type: 'object',
            additionalProperties: false,
            description: 'ntfy (https://ntfy.sh or your own server): free push notifications that can pass Do-Not-Disturb.',
            properties: {
                server: url('The ntfy server (self-hosted or public).', 'https://ntfy.sh'),
                token_env: env('An access token for a protected server (optional).'),
                priority: {
                    type: 'string',
                    enum: ['high', 'urgent'],
                    description: 'ntfy priority: both can pass Do-Not-Disturb when the app is allowed to.',
                    default: 'urgent',
                },
            },
        },
        pushover: {
            type: 'object',
            additionalProperties: false,
            description: 'Pushover: your application token and the priority of pages.',
            properties: {
                api_url: url('The Pushover API.', 'https://api.pushover.net'),
                app_token_env: env("Your Pushover application's API token."),
                priority: {
                    type: 'integer',
                    enum: [1, 2],
                    description: '1: high (bypasses quiet hours); 2: emergency (repeats every 60 s for an hour until acknowledged).',
                    default: 1,
                },
            },
        },
        smtp: SMTP_SCHEMA,
        twilio: {
            type: 'object',
            additionalProperties: false,
            description: 'Your Twilio account, for SMS and voice-call pages.',
            required: ['from', 'account_sid_env', 'auth_token_env'],
            properties: {
                api_url: url('The Twilio API.', 'https://api.twilio.com'),
                from: { type: 'string', pattern: '^\\+[1-9]\\d{6,14}$', description: 'Your Twilio number (E.164).' },
                account_sid_env: env('Your Twilio account SID.'),
                auth_token_env: env('Your Twilio auth token.'),
            },
        },
    },
};
const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const LOGIN = /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * What the schema cannot say: people are logins, schedules exist, and a channel has what it needs
 * to send (e-mail needs `smtp`, SMS and calls need `twilio`, Pushover needs the app token).
 */
function pagingProblems(raw, scheduleNames) {
    if (!obj(raw))
        return [];
    const out = [];
    const base = ['oncall', 'paging'];
    const checkContact = (c, path) => {
        if (!obj(c))
            return;
        if (c.email && !raw.smtp)
            out.push({ path: [...path, 'email'], message: 'needs `oncall.paging.smtp` (the server to send through)' });
        for (const k of ['sms', 'voice'])
            if (c[k] && !raw.twilio)
                out.push({ path: [...path, k], message: 'needs `oncall.paging.twilio` (your account and number)' });
        if (c.pushover && !raw.pushover?.app_token_env)
            out.push({
                path: [...path, 'pushover'],
                message: 'needs `oncall.paging.pushover.app_token_env` (your Pushover application token)',
            });
    };
    // Tokens and topics travel to these servers: https, or plain http to this machine only (tests, a local relay).
    const urls = [
        [raw.ntfy?.server, [...base, 'ntfy', 'server']],
        [raw.pushover?.api_url, [...base, 'pushover', 'api_url']],
        [raw.twilio?.api_url, [...base, 'twilio', 'api_url']],
    ];
    for (const [u, path] of urls) {
        if (typeof u !== 'string')
            continue;
        if (!isSafeUrl(u))
            out.push({
                path,
                message: `is "${u}": write an https:// URL (plain http is accepted only for 127.0.0.1 or localhost, since secrets travel to it)`,
            });
    }
    for (const [who, c] of Object.entries(obj(raw.people) ? raw.people : {})) {
        if (!LOGIN.test(who))
            out.push({
                path: [...base, 'people', who],
                atKey: true,
                message: `oncall.paging.people: "${who}" is not a GitHub login`,
            });
        checkContact(c, [...base, 'people', who]);
    }
    for (const [name, c] of Object.entries(obj(raw.schedules) ? raw.schedules : {})) {
        if (!scheduleNames.includes(name))
            out.push({
                path: [...base, 'schedules', name],
                atKey: true,
                message: `oncall.paging.schedules: "${name}" is not a schedule under \`oncall.schedules\`${scheduleNames.length ? ` (schedules: ${scheduleNames.join(', ')})` : ''}`,
            });
        checkContact(c, [...base, 'schedules', name]);
    }
    return out;
}
/** True for an https URL, or plain http to this machine only (tests, a local relay): secrets and signed bodies travel to it. */
function isSafeUrl(u) {
    try {
        const url = new URL(u);
        return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    }
    catch {
        return false;
    }
}
function contactOf(c) {
    return {
        ...(c.ntfy ? { ntfy: { topicEnv: c.ntfy.topic_env } } : {}),
        ...(c.pushover ? { pushover: { userKeyEnv: c.pushover.user_key_env } } : {}),
        ...(c.email ? { email: { to: c.email.to } } : {}),
        ...(c.sms ? { sms: { toEnv: c.sms.to_env } } : {}),
        ...(c.voice ? { voice: { toEnv: c.voice.to_env } } : {}),
    };
}
/** The typed section (after pagingProblems found nothing). */
function resolvePaging(raw) {
    if (!raw)
        return NO_PAGING;
    const trim = (u) => u.replace(/\/+$/, '');
    return {
        priorities: raw.priorities ?? NO_PAGING.priorities,
        people: Object.fromEntries(Object.entries(raw.people ?? {}).map(([k, v]) => [k.replace(/^@/, '').toLowerCase(), contactOf(v)])),
        schedules: Object.fromEntries(Object.entries(raw.schedules ?? {}).map(([k, v]) => [k, contactOf(v)])),
        ntfy: {
            server: trim(raw.ntfy?.server ?? NO_PAGING.ntfy.server),
            tokenEnv: raw.ntfy?.token_env ?? null,
            priority: raw.ntfy?.priority ?? 'urgent',
        },
        pushover: {
            apiUrl: trim(raw.pushover?.api_url ?? NO_PAGING.pushover.apiUrl),
            appTokenEnv: raw.pushover?.app_token_env ?? null,
            priority: raw.pushover?.priority ?? 1,
        },
        smtp: raw.smtp
            ? {
                host: raw.smtp.host,
                port: raw.smtp.port ?? 587,
                secure: raw.smtp.secure ?? false,
                from: raw.smtp.from,
                userEnv: raw.smtp.user_env ?? null,
                passwordEnv: raw.smtp.password_env ?? null,
            }
            : null,
        twilio: raw.twilio
            ? {
                apiUrl: trim(raw.twilio.api_url ?? 'https://api.twilio.com'),
                from: raw.twilio.from,
                accountSidEnv: raw.twilio.account_sid_env,
                authTokenEnv: raw.twilio.auth_token_env,
            }
            : null,
    };
}

;// CONCATENATED MODULE: ./src/oncall/config.ts



const arr = (v) => (Array.isArray(v) ? v : []);
const config_obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const login = (m) => m.replace(/^@/, '');
/** The schedule a target names (`schedule:<name>` or `schedule:<name>/<layer>`), or null. */
function scheduleTarget(target) {
    const m = /^schedule:([a-z0-9][a-z0-9-]*)(?:\/(.+))?$/.exec(target);
    return m ? { schedule: m[1], layer: m[2] ?? null } : null;
}
/** Problems in the on-call and services sections that the schema cannot see, each at its path. */
function oncallProblems(raw) {
    const out = [];
    const schedules = arr(raw?.oncall?.schedules).filter(config_obj);
    const layersOf = new Map();
    schedules.forEach((s, i) => {
        const at = (...p) => ['oncall', 'schedules', i, ...p];
        if (typeof s.name === 'string') {
            if (layersOf.has(s.name))
                out.push({ path: at('name'), message: `repeats the schedule name "${s.name}"; schedule names must differ` });
            layersOf.set(s.name, arr(s.layers).map((l, j) => (config_obj(l) && typeof l.name === 'string' ? l.name : `layer-${j + 1}`)));
        }
        const zoneOk = typeof s.time_zone === 'string' && isValidZone(s.time_zone);
        if (typeof s.time_zone === 'string' && !zoneOk)
            out.push({
                path: at('time_zone'),
                message: `is "${s.time_zone}", which is not an IANA time zone; write it like Europe/Berlin, America/New_York or UTC`,
            });
        const zone = zoneOk ? s.time_zone : 'UTC';
        const names = new Set();
        arr(s.layers).forEach((l, j) => {
            if (!config_obj(l))
                return;
            const name = typeof l.name === 'string' ? l.name : `layer-${j + 1}`;
            if (names.has(name))
                out.push({
                    path: at('layers', j, 'name'),
                    message: `repeats the layer name "${name}"; layer names in a schedule must differ`,
                });
            names.add(name);
            if (typeof l.start === 'string' && !parseLocal(l.start, zone))
                out.push({
                    path: at('layers', j, 'start'),
                    message: `is "${l.start}", which is not a date: write it like 2026-11-30 09:00`,
                });
            arr(l.restrictions).forEach((r, k) => {
                if (config_obj(r) && typeof r.from === 'string' && r.from === r.to)
                    out.push({
                        path: at('layers', j, 'restrictions', k),
                        message: 'starts and ends at the same time; for the whole day write `from: "00:00"`, `to: "24:00"`, or leave the restriction out',
                    });
                if (config_obj(r) && r.from === '24:00')
                    out.push({ path: at('layers', j, 'restrictions', k, 'from'), message: 'cannot be 24:00; write 00:00' });
            });
        });
        arr(s.overrides).forEach((o, k) => {
            if (!config_obj(o) || typeof o.from !== 'string' || typeof o.to !== 'string')
                return;
            const from = parseLocal(o.from, zone);
            const to = parseLocal(o.to, zone);
            if (!from)
                out.push({
                    path: at('overrides', k, 'from'),
                    message: `is "${o.from}", which is not a date: write it like 2026-12-06 09:00`,
                });
            if (!to)
                out.push({
                    path: at('overrides', k, 'to'),
                    message: `is "${o.to}", which is not a date: write it like 2026-12-06 09:00`,
                });
            if (from && to && to.toMillis() <= from.toMillis())
                out.push({
                    path: at('overrides', k, 'to'),
                    message: `(${o.to}) is not after \`from\` (${o.from}): an override must end after it starts`,
                });
        });
    });
    const checkTargets = (targets, path) => {
        arr(targets).forEach((t, i) => {
            if (typeof t !== 'string')
                return;
            const st = scheduleTarget(t);
            if (!st)
                return;
            const layers = layersOf.get(st.schedule);
            if (!layers)
                out.push({
                    path: [...path, i],
                    message: `names the schedule "${st.schedule}", which is not under \`oncall.schedules\`${layersOf.size ? ` (schedules: ${[...layersOf.keys()].join(', ')})` : ''}`,
                });
            else if (st.layer && !layers.includes(st.layer))
                out.push({
                    path: [...path, i],
                    message: `names the layer "${st.layer}", which schedule "${st.schedule}" does not have (layers: ${layers.join(', ')})`,
                });
        });
    };
    arr(raw?.escalation).forEach((l, i) => config_obj(l) && checkTargets(l.mention, ['escalation', i, 'mention']));
    const seen = new Map();
    arr(raw?.services).forEach((s, i) => {
        if (!config_obj(s))
            return;
        checkTargets(s.owners, ['services', i, 'owners']);
        arr(s.escalation).forEach((l, j) => config_obj(l) && checkTargets(l.mention, ['services', i, 'escalation', j, 'mention']));
        for (const [n, path] of [
            [s.name, ['services', i, 'name']],
            ...arr(s.aliases).map((a, k) => [a, ['services', i, 'aliases', k]]),
        ]) {
            if (typeof n !== 'string')
                continue;
            const key = n.toLowerCase();
            if (seen.has(key))
                out.push({
                    path,
                    message: `"${n}" is already the name or an alias of service ${seen.get(key)}; each name must lead to one service`,
                });
            else
                seen.set(key, String(s.name));
        }
    });
    out.push(...pagingProblems(raw?.oncall?.paging, [...layersOf.keys()]));
    return out;
}
/** The typed on-call and services sections (after oncallProblems found nothing). */
function resolveOncall(raw) {
    const schedules = arr(raw.oncall?.schedules).map((s) => ({
        name: s.name,
        timeZone: s.time_zone,
        layers: s.layers.map((l, j) => ({
            name: l.name ?? `layer-${j + 1}`,
            members: l.members.map(login),
            rotation: parseRotation(l.rotation),
            start: l.start,
            restrictions: arr(l.restrictions).map((r) => ({
                days: r.days ?? [...WEEKDAYS],
                from: parseClock(r.from),
                to: parseClock(r.to, true),
            })),
        })),
        overrides: arr(s.overrides).map((o) => ({
            who: login(o.who),
            from: parseLocal(o.from, s.time_zone).toMillis(),
            to: parseLocal(o.to, s.time_zone).toMillis(),
            source: 'config',
            ...(o.reason ? { reason: o.reason } : {}),
        })),
        ...(s.channel ? { channel: s.channel } : {}),
    }));
    const level = (l) => ({
        mention: l.mention.map(target),
        after: l.after ? parseDuration(l.after) : null,
    });
    const services = arr(raw.services).map((s) => ({
        name: s.name,
        aliases: arr(s.aliases),
        owners: arr(s.owners).map(target),
        runbook: s.runbook ?? null,
        paths: arr(s.paths),
        channel: s.channel ?? null,
        // Only the status page reads these: present when written, as the schedules' channel.
        ...(s.display_name ? { displayName: s.display_name } : {}),
        ...(s.group ? { group: s.group } : {}),
        ...(s.order !== undefined ? { order: s.order } : {}),
        escalation: s.escalation ? s.escalation.map(level) : null,
    }));
    return {
        oncall: { label: raw.oncall?.label ?? 'incidentops-oncall', schedules, paging: resolvePaging(raw.oncall?.paging) },
        services,
    };
}
/** A target as the rest of the code expects it: schedules as written, `team:org/t` as `@org/t`, people with their `@`. */
function target(t) {
    if (t.startsWith('schedule:'))
        return t;
    if (t.startsWith('team:'))
        return `@${t.slice(5)}`;
    return t.startsWith('@') ? t : `@${t}`;
}
/** How far the coverage check looks: two weeks from the last layer's start (restrictions repeat weekly). */
const CHECK_DAYS = 14;
function coverageWindow(s) {
    const start = Math.max(...s.layers.map((l) => parseLocal(l.start, s.timeZone).toMillis()));
    return [start, start + CHECK_DAYS * 86_400_000];
}
function describeGap(g, zone) {
    return `from ${localTime(g.from, zone)} to ${localTime(g.to, zone)}`;
}
/**
 * Warnings (the file is still valid): a schedule with an uncovered stretch in the two weeks after
 * its last layer starts. Errors (returned apart): an escalation chain made only of schedules that
 * can all be uncovered at once, which would page nobody.
 */
function coverageProblems(config) {
    const warnings = [];
    const errors = [];
    const gapsOf = new Map();
    config.oncall.schedules.forEach((s, i) => {
        // Config overrides are temporary: coverage is judged on the layers alone.
        const bare = { ...s, overrides: [] };
        const [from, to] = coverageWindow(bare);
        const g = gaps(bare, from, to);
        gapsOf.set(s.name, g);
        if (g.length) {
            const shown = g.slice(0, 3).map((x) => describeGap(x, s.timeZone));
            warnings.push({
                path: ['oncall', 'schedules', i, 'layers'],
                message: `leave nobody on call ${shown.join('; ')}${g.length > 3 ? ` (and ${g.length - 3} more stretches in the two weeks checked)` : ''}: an escalation to schedule:${s.name} then calls nobody. Add a layer or widen a restriction.`,
            });
        }
    });
    const chains = [
        { path: ['escalation'], levels: config.escalation },
        ...config.services.flatMap((s, i) => s.escalation ? [{ path: ['services', i, 'escalation'], levels: s.escalation }] : []),
    ];
    for (const c of chains) {
        const targets = c.levels.flatMap((l) => l.mention);
        if (!targets.length || targets.some((t) => !scheduleTarget(t)))
            continue;
        const names = [...new Set(targets.map((t) => scheduleTarget(t).schedule))];
        let common = null;
        for (const n of names) {
            const g = (gapsOf.get(n) ?? []).map((x) => [x.from, x.to]);
            common = common === null ? g : intersect(common, g);
        }
        if (common && common.length) {
            const s = config.oncall.schedules.find((x) => x.name === names[0]);
            errors.push({
                path: c.path,
                message: `can call nobody: every level names a schedule, and ${names.map((n) => `"${n}"`).join(', ')} ${names.length > 1 ? 'are all' : 'is'} uncovered ${describeGap({ from: common[0][0], to: common[0][1], who: null, layer: null, override: null }, s.timeZone)}. Add a person or team to a level, or cover the gap.`,
            });
        }
    }
    return { warnings, errors };
}
function intersect(a, b) {
    const out = [];
    for (const [x1, y1] of a)
        for (const [x2, y2] of b)
            if (Math.max(x1, x2) < Math.min(y1, y2))
                out.push([Math.max(x1, x2), Math.min(y1, y2)]);
    return out.sort((p, q) => p[0] - q[0]);
}

;// CONCATENATED MODULE: ./src/oncall/resolve.ts


const norm = (s) => s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
/** The first catalog service that one of these names (form answers, an alert's service) means, by name or alias. */
function serviceFor(names, config) {
    for (const n of names) {
        const k = norm(n);
        const s = config.services.find((x) => norm(x.name) === k || x.aliases.some((a) => norm(a) === k));
        if (s)
            return s;
    }
    return null;
}
/**
 * The escalation chain of an incident of this service: the service's own, else the top-level one,
 * else (both empty) one level calling the service's owners. Empty: the assignees are called.
 */
function escalationChain(service, config) {
    const s = service ? config.services.find((x) => x.name === service) : undefined;
    if (s?.escalation?.length)
        return s.escalation;
    if (config.escalation.length)
        return config.escalation;
    return s?.owners.length ? [{ mention: s.owners, after: null }] : [];
}
/** Whether any level an incident could reach names a schedule (only then may the overrides be needed). */
function chainNamesSchedule(service, config) {
    return escalationChain(service, config).some((l) => l.mention.some((m) => scheduleTarget(m) !== null));
}
/**
 * Resolves targets at `now`: people and teams stay as they are; `schedule:<name>` becomes whoever
 * is on call then (overrides included), `schedule:<name>/<layer>` that layer's person. A schedule
 * with nobody on call adds no mention, only a note saying so.
 */
function resolveTargets(targets, config, now, view) {
    const mentions = [];
    const notes = [];
    const schedules = [];
    const t = Date.parse(now);
    const add = (m) => {
        if (!mentions.some((x) => x.toLowerCase() === m.toLowerCase()))
            mentions.push(m);
    };
    for (const target of targets) {
        const st = scheduleTarget(target);
        if (!st) {
            add(target);
            continue;
        }
        const s = config.oncall.schedules.find((x) => x.name === st.schedule);
        if (!s) {
            notes.push(`schedule ${st.schedule}: not in the configuration`);
            continue;
        }
        if (st.layer) {
            const who = layersAt(s, t).find((l) => l.layer === st.layer)?.who ?? null;
            if (who)
                add(`@${who}`);
            notes.push(`schedule ${s.name}, layer ${st.layer}: ${who ? `@${who}` : 'nobody on call'}`);
            continue;
        }
        const r = resolveAt(s, t, (view?.overrides ?? []).filter((o) => o.schedule === s.name));
        if (r.who)
            add(`@${r.who}`);
        if (!schedules.some((x) => x.name === s.name))
            schedules.push({ name: s.name, who: r.who });
        notes.push(`schedule ${s.name}: ${r.who ? `@${r.who}` : 'nobody on call'}${r.override ? ` (override${r.override.by ? ` asked by ${r.override.by}` : ''})` : r.layer ? ` (layer ${r.layer})` : ''}`);
    }
    return { mentions, notes, schedules };
}

;// CONCATENATED MODULE: ./src/notify/text.ts
/**
 * Making user text safe for chat: titles, stages and sentences come from issue titles and people,
 * so before they reach Slack, Teams or Discord they are bounded, made one line, and defused so
 * that nothing in them can ping a channel or a role, open a link we did not write, or hide text.
 */
const ZWSP = '\u200b';
/**
 * Plain, one-line, bounded text: control and bidi-override characters dropped, whitespace
 * collapsed, cut to `max` code points (with `…`), and every `@name` broken with a zero-width
 * space so that `@here`, `@channel`, `@everyone` and `@someone` stay text on every platform.
 */
function plain(text, max) {
    if (!text)
        return '';
    // eslint-disable-next-line no-control-regex
    let t = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
    t = t.replace(/\s+/g, ' ').trim();
    const cps = Array.from(t);
    if (cps.length > max)
        t = `${cps
            .slice(0, Math.max(0, max - 1))
            .join('')
            .trimEnd()}…`;
    return t.replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`);
}
/**
 * Slack mrkdwn: `&`, `<` and `>` escaped as Slack requires, which also turns `<!here>`,
 * `<!channel>`, `<@U123>` and `<!subteam^…>` into visible text.
 */
function slackEscape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** An http(s) URL in someone's text, up to the next space or angle bracket (a capture group, for split). */
const URL_IN_TEXT = /(https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"])/i;
/**
 * Discord markdown: the characters that format (`\ * _ ~ \` | [ ]`) backslash-escaped, and a
 * zero-width space after every `<` so `<@id>`, `<@&role>`, `<#channel>` and `</command:id>` are
 * never parsed (allowed_mentions is the second lock on the same door). A URL in the text is
 * wrapped in `<…>`, Discord's way to keep a link without a preview: an outsider's title cannot
 * make our message unfurl their page (or load their image) in the channel. The URL itself is left
 * unescaped (escapes would become part of it); it holds no space, `<` or `>` by construction.
 */
function discordEscape(text) {
    return text
        .split(URL_IN_TEXT)
        .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/</g, `<${ZWSP}`)))
        .join('');
}
/**
 * Adaptive Card TextBlock markdown: a `](` is broken so user text cannot make a link that
 * looks like ours, and `<` gets a zero-width space so no `<at>` tag can be formed.
 */
function teamsEscape(text) {
    return text.replace(/\]\(/g, `]${ZWSP}(`).replace(/</g, `<${ZWSP}`);
}
/** An http(s) URL as a string, or null: only links we can vouch for are put in a message. */
function safeLink(url) {
    if (!url)
        return null;
    try {
        const u = new URL(url);
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            return null;
        // `|` and `>` would end a Slack link early; the WHATWG serializer keeps `|` as is.
        return u.href.replace(/\|/g, '%7C');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/paging/text.ts
/*
 * Text sent to phones comes from issue titles: bounded, one line, with no `@name` that could ping
 * anyone where it is pasted or forwarded, and no `<!-- incidentops:… -->` marker that could be
 * smuggled back into GitHub through a reply.
 */

/**
 * One line of at most `max` code points, mentions broken (notify/text.ts `plain`), and `<` `>` shown
 * as `‹` `›`, so that no HTML comment (our markers) or tag survives in it.
 */
function pageText(text, max) {
    return plain(text, max).replace(/</g, '‹').replace(/>/g, '›');
}

;// CONCATENATED MODULE: ./src/paging/plan.ts


const channelsOf = (c) => (c ? CHANNEL_KINDS.filter((k) => c[k]) : []);
/**
 * The pages of one escalation level: every person called who has channels in `oncall.paging.people`,
 * and every whole schedule resolved that has channels of its own. Keys already recorded are left
 * out, as are priorities that do not page phones. The GitHub mention is posted either way.
 */
function planPages(r, level, called, schedules, config, now) {
    const paging = config.oncall.paging;
    if (!paging.priorities.includes(r.priority))
        return [];
    const have = new Set((Array.isArray(r.pages) ? r.pages : []).map((p) => p.key));
    const out = [];
    const add = (p) => {
        if (p.channels.length && !have.has(p.key)) {
            have.add(p.key);
            out.push(p);
        }
    };
    for (const m of called) {
        // People only: a team (`@org/team`) has no phone.
        if (!/^@[A-Za-z0-9][A-Za-z0-9-]*$/.test(m))
            continue;
        const who = m.slice(1).toLowerCase();
        add({ key: `L${level}:@${who}`, at: now, level, who, channels: channelsOf(paging.people[who]) });
    }
    for (const s of schedules)
        add({
            key: `L${level}:schedule:${s.name}`,
            at: now,
            level,
            who: s.who?.toLowerCase() ?? null,
            schedule: s.name,
            channels: channelsOf(paging.schedules[s.name]),
        });
    return out;
}
/** The pages in `after` whose keys `before` did not have: what this run recorded, so what it sends. */
function newPages(before, after) {
    const had = new Set((Array.isArray(before?.pages) ? before.pages : []).map((p) => p.key));
    return (Array.isArray(after.pages) ? after.pages : []).filter((p) => !had.has(p.key));
}
/** One effect per page and channel, with the text every channel sends. */
function pageEffects(pages, r, issue, repo) {
    return pages.flatMap((p) => p.channels.map((channel) => ({
        kind: 'page',
        issue: r.number,
        key: p.key,
        who: p.who,
        ...(p.schedule ? { schedule: p.schedule } : {}),
        channel: channel,
        title: pageText(`${r.priority} incident #${r.number} not acknowledged (level ${p.level})`, 120),
        text: pageText(`${issue.title} (${repo}#${r.number}, ${r.priority}, ${r.stage}). Nobody took command in time: take it with /ack on the issue.`, 600),
        url: issue.url,
        priority: r.priority,
    })));
}
/** `page @alice by ntfy (L1)`: the plan line (no secret, no address). */
function describePage(e) {
    const whom = e.schedule ? `schedule ${e.schedule}${e.who ? ` (@${e.who})` : ''}` : `@${e.who ?? '?'}`;
    return `#${e.issue}: page ${whom} by ${e.channel} (${e.key.split(':')[0]})`;
}

;// CONCATENATED MODULE: ./src/domain/due.ts








/**
 * When the update clock last restarted: the latest `/update` or stage change, else the report.
 * A stage change is news everyone watching sees (label, card, notifications), so a reminder is
 * never due at the moment the stage changes: the next one falls due a full period later.
 */
function lastUpdateAt(r) {
    let last = r.declaredAt;
    for (const e of r.events)
        if ((e.kind === 'update' || e.kind === 'stage') && e.at > last)
            last = e.at;
    return last;
}
/** The current due period of the update clock: k ≥ 1 when an update is overdue, with the period's start. */
function updatePeriod(r, config, now) {
    const cadence = config.priorities[r.priority].update;
    const last = Date.parse(lastUpdateAt(r));
    const k = Math.max(0, Math.floor((Date.parse(now) - last) / cadence));
    return {
        k,
        dueAt: new Date(last + Math.max(1, k) * cadence).toISOString(),
        nextDueAt: new Date(last + (k + 1) * cadence).toISOString(),
    };
}
/**
 * When the ack clock starts: the report, or for an incident held as unconfirmed, its confirmation
 * (a responder confirming a day-old report does not set off every escalation level at once).
 */
function ackClockStart(r) {
    return r.events.find((e) => e.kind === 'confirmed')?.at ?? r.declaredAt;
}
/**
 * The escalation deadlines, level 1 first: the ack deadline, then each level's `after` (default the
 * ack window). The chain is the incident's service's, else the top-level one (oncall/resolve.ts).
 */
function escalationDeadlines(r, config) {
    const ack = config.priorities[r.priority].ack;
    const own = escalationChain(r.service, config);
    const chain = own.length ? own : [{ mention: [], after: null }];
    let t = Date.parse(ackClockStart(r)) + ack;
    return chain.map((l, i) => {
        if (i > 0)
            t += l.after ?? ack;
        return { level: i + 1, at: t, mention: l.mention };
    });
}
const escalatedLevel = (r) => r.events.reduce((m, e) => (e.kind === 'escalation' ? Math.max(m, Number(e.to) || 0) : m), 0);
/**
 * What is due for one incident at `now`, computed from timestamps only (never from "this run"), so
 * a late or dropped scheduled run is caught up by the next run of any kind:
 * - escalation: unacknowledged past the ack deadline → the chain's due levels not yet notified, in
 *   ONE comment (a run that comes late does not post the levels one by one), recorded in the card;
 * - auto-resolve: Monitoring → Resolved after a quiet period (alert incidents by default);
 * - a progress reminder: at most one per due period of the update clock, found again by its marker.
 * Mutates the record (escalation and auto-resolve are recorded) and returns the replies to post.
 */
function applyDue(r, config, now, assignees, pendingChecklist = [], 
/** The `/cover` overrides, for levels that name a schedule (resolved now, when the level fires). */
oncall = null) {
    const replies = [];
    const changes = [];
    const stage = r.stage;
    if (stage === 'postmortem' && r.postmortem && postmortemWritten(r) && !r.postmortem.done) {
        // A required postmortem still open: remind its owner once per chase period.
        const since = milestones(r).resolvedAt ?? r.declaredAt;
        const k = Math.floor((Date.parse(now) - Date.parse(since)) / config.postmortem.chaseAfter);
        if (k >= 1) {
            const mk = marker('postmortem-chase', k);
            const owner = r.commander
                ? `@${r.commander}`
                : assignees.length
                    ? assignees.map((a) => `@${a}`).join(' ')
                    : config.responseTeam.join(' ');
            const open = `${formatDuration(Date.parse(now) - Date.parse(since))} after resolution.${owner ? ` ${owner}:` : ''}`;
            replies.push({
                marker: mk,
                body: r.postmortem.issue
                    ? `${mk}\n📝 The postmortem #${r.postmortem.issue} is still open ${open} please finish it and close it; the incident closes with it.`
                    : r.postmortem.pr
                        ? `${mk}\n📝 The postmortem pull request #${r.postmortem.pr} is still not merged ${open} please finish it and merge it; the incident closes with it.`
                        : `${mk}\n📝 The postmortem (the comment above) is still not done ${open} please finish it and comment \`/postmortem done\`; the incident closes with it.`,
            });
        }
        return { replies, changes, resolve: false };
    }
    if (!isActive(stage))
        return { replies, changes, resolve: false };
    const t = Date.parse(now);
    const m = milestones(r);
    const policy = config.priorities[r.priority];
    const at = (e) => ({
        at: now,
        actor: 'incidentops',
        via: 'schedule',
        ...e,
    });
    // An unconfirmed incident (declared by someone below triage, held) pages nobody until confirmed.
    if (!m.acknowledgedAt && !r.unconfirmed) {
        const done = escalatedLevel(r);
        const due = escalationDeadlines(r, config).filter((l) => l.level > done && l.at <= t);
        if (due.length) {
            const top = due[due.length - 1];
            const resolved = resolveTargets([...new Set(due.flatMap((l) => l.mention))], config, now, oncall);
            const mention = resolved.mentions;
            const targets = mention.length ? mention : assignees.map((a) => `@${a}`);
            r.events.push(at({ kind: 'escalation', to: String(top.level), text: mention.join(' ') || undefined }));
            // Phone pages are recorded with the level, before anything is sent (src/paging/plan.ts).
            const pages = planPages(r, top.level, targets, resolved.schedules, config, now);
            if (pages.length)
                r.pages = [...(Array.isArray(r.pages) ? r.pages : []), ...pages];
            changes.push(`escalated to level ${top.level}`);
            const mk = marker('escalation', top.level);
            replies.push({
                marker: mk,
                body: `${mk}\n⏰ **Not acknowledged** ${formatDuration(t - Date.parse(r.declaredAt))} after it was reported (${r.priority}: within ${formatDuration(policy.ack)}). ${targets.length ? `${targets.join(' ')}: please take command with \`/ack\`.` : 'Comment `/ack` to take command.'}${due.length > 1 ? ` (Escalation levels ${due[0].level}–${top.level} were due; this run came late.)` : ''}${resolved.notes.length ? `\n\nOn call now: ${resolved.notes.join('; ')}.` : ''}`,
            });
        }
    }
    if (stage === 'monitoring') {
        const quiet = r.alert ? config.sweep.autoResolveAlerts : config.sweep.autoResolvePeople;
        const since = [...r.events]
            .reverse()
            .find((e) => (e.kind === 'stage' && e.to === 'monitoring') || (e.kind === 'alert' && e.text !== 'resolved'))
            ?.at ?? r.declaredAt;
        const stillFiring = r.alert?.status === 'firing';
        if (quiet !== null && !stillFiring && t - Date.parse(since) >= quiet) {
            changes.push(`auto-resolved after ${formatDuration(quiet)} quiet in monitoring`);
            return { replies, changes, resolve: true };
        }
    }
    // Reminders start once someone is on it: before that, escalation is what chases the incident.
    if (m.acknowledgedAt && stageIndex(stage) >= stageIndex('investigating')) {
        const p = updatePeriod(r, config, now);
        if (p.k >= 1) {
            const mk = marker('reminder', p.dueAt);
            const last = [...r.events].reverse().find((e) => e.kind === 'update');
            const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt;
            const ask = r.commander
                ? [`@${r.commander}`]
                : assignees.length
                    ? assignees.map((a) => `@${a}`)
                    : config.responseTeam;
            const lines = [
                mk,
                `🔔 **Update due** on this ${r.priority} incident (every ${formatDuration(policy.update)}). It has been open ${formatDuration(t - Date.parse(r.startedAt))}, ${stage} for ${formatDuration(t - Date.parse(stageSince))}.`,
                '',
                last ? `Last update, ${utc(last.at)}:\n${(0,markdown/* quote */.hD)(last.text ?? '', 500)}` : '_No update yet._',
            ];
            if (policy.crisis && pendingChecklist.length)
                lines.push('', 'Still pending (crisis communication):', ...pendingChecklist.map((c) => `- [ ] ${(0,markdown/* inline */.mG)(c, 200)}`));
            lines.push('', `${ask.length ? `${ask.join(' ')}: ` : ''}please post \`/update <what changed>\`. Next update due ${utc(p.nextDueAt)}.`);
            replies.push({ marker: mk, body: lines.join('\n') });
        }
    }
    return { replies, changes, resolve: false };
}

;// CONCATENATED MODULE: ./src/oncall/render.ts

/**
 * A link to a runbook: an https URL as it is, a repository path relative to the issue
 * (`../blob/HEAD/<path>` from `/<owner>/<repo>/issues/<n>` is the file on the default branch).
 * Anything else is shown as text, never as a link.
 */
function runbookLink(runbook) {
    if (/^https:\/\/[^\s<>()[\]`]+$/.test(runbook))
        return `[runbook](${runbook})`;
    const path = runbook.replace(/^\.?\//, '');
    if (/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..'))
        return `[runbook](../blob/HEAD/${path}) (${(0,markdown/* code */.aY)(path, 100)})`;
    return `runbook ${(0,markdown/* code */.aY)(runbook, 100)}`;
}
/** The card's Service row: name, runbook, channel, owners and code paths (owners in code: the card pings nobody). */
function serviceRow(s) {
    const parts = [`**${(0,markdown/* inline */.mG)(s.name, 40)}**`];
    if (s.runbook)
        parts.push(runbookLink(s.runbook));
    if (s.channel)
        parts.push(`chat ${(0,markdown/* code */.aY)(s.channel, 60)}`);
    if (s.owners.length)
        parts.push(`owners ${s.owners.map((o) => (0,markdown/* code */.aY)(o, 60)).join(', ')}`);
    if (s.paths.length)
        parts.push(`code ${s.paths
            .slice(0, 5)
            .map((p) => (0,markdown/* code */.aY)(p, 80))
            .join(', ')}${s.paths.length > 5 ? ` and ${s.paths.length - 5} more` : ''}`);
    return parts.join(' · ');
}

;// CONCATENATED MODULE: ./src/render/suspects.ts



function duration(minutes) {
    if (minutes < 60)
        return `${minutes} min`;
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
}
/** One reason in words. */
function describeReason(r, ref) {
    switch (r.kind) {
        case 'time':
            return `${duration(Math.max(0, r.minutes))} before the start`;
        case 'paths':
            return `touches the service's code paths (${(0,markdown/* code */.aY)(r.detail, 80)}${r.count > 1 ? ` and ${r.count - 1} more` : ''})`;
        case 'owners':
            return `touches files CODEOWNERS gives the service's owners (${(0,markdown/* code */.aY)(r.detail, 80)}${r.count > 1 ? ` and ${r.count - 1} more` : ''})`;
        case 'reverted':
            return `**reverted** by #${r.number} at ${utcShort(r.at, ref)}`;
        case 'hotfix':
            return `hotfix label ${(0,markdown/* code */.aY)(r.detail, 40)}`;
        case 'deployed':
            return `deployed (deployment ${r.id}, ${(0,markdown/* code */.aY)(r.detail, 20)}) at ${utcShort(r.at, ref)}`;
    }
}
/** How a suspect is named: a pull request links itself; a deployment and a release are named. */
function suspectName(s) {
    if (s.kind === 'pr')
        return `#${s.id}`;
    if (s.kind === 'deployment')
        return `deployment ${s.id}`;
    return `release ${(0,markdown/* code */.aY)(s.tag ?? '?', 60)}`;
}
function suspectTitle(s) {
    if (s.kind === 'deployment')
        return `to ${(0,markdown/* code */.aY)(s.title, 60)}${s.sha ? ` (${(0,markdown/* code */.aY)(s.sha.slice(0, 7), 10)})` : ''}`;
    return (0,markdown/* inline */.mG)(s.title, 120);
}
/** The card section: the ranked suspects with their reasons, the proposed or confirmed cause. */
function renderSuspects(r) {
    if (!r.suspects && !r.cause && !r.mitigations?.length)
        return [];
    const lines = ['#### Suspect changes', ''];
    const proposed = proposedCause(r);
    if (r.cause)
        lines.push(`**Cause confirmed:** ${causeLabel(r.cause)}${r.cause.title ? ` ${(0,markdown/* inline */.mG)(r.cause.title, 120)}` : ''}`, '');
    else if (proposed !== null)
        lines.push(`**Proposed cause:** #${proposed} (reverted during the incident): confirm with \`/cause #${proposed}\``, '');
    const suspects = r.suspects ?? [];
    if (suspects.length === 0 && r.suspects)
        lines.push('_No pull request merged, deployment or release in the window before the start._', '');
    if (suspects.length) {
        lines.push('| # | change | why |', '|---|---|---|');
        suspects.forEach((s, i) => lines.push(`| ${i + 1} | ${suspectName(s)} ${suspectTitle(s)} | ${s.reasons.map((x) => describeReason(x, r.startedAt)).join(' · ')} |`));
        lines.push('');
    }
    if (r.mitigations?.length)
        lines.push(`**Mitigation:** ${r.mitigations.map((m) => `#${m.pr} merged ${utcShort(m.at, r.startedAt)}${m.reverts !== null ? ` (reverts #${m.reverts})` : ''}`).join(', ')}`, '');
    if (!r.cause)
        lines.push('<sub>`/cause #123`, `/cause <sha>`, `/cause <deployment id>` or `/cause none` records the cause; `/changes` reads the changes again.</sub>', '');
    return lines;
}
/** The postmortem's changes section ('' when the record has no suspects, cause or mitigation). */
function postmortemChanges(r) {
    const lines = renderSuspects(r);
    if (!lines.length)
        return '';
    // The card's heading and its command hint have no place in a postmortem.
    return lines
        .slice(2)
        .filter((l) => !l.startsWith('<sub>'))
        .join('\n')
        .trim();
}

;// CONCATENATED MODULE: ./src/history/render.ts
/**
 * Markdown for similar past incidents (the card's section and the `/similar` reply) and for the
 * report's forecast. Titles, causes, keys and services are user text: every piece goes through
 * inline() or code() (src/render/markdown.ts), so no mention pings, no marker or markdown escapes.
 */


/** The record's entry for a match (what the card will keep showing). */
function toEntry(m) {
    const p = m.incident;
    return {
        number: p.number,
        title: p.title,
        reasons: m.reasons,
        end: p.end,
        minutes: p.minutes,
        cause: p.cause,
        postmortem: p.postmortem,
        followups: p.followups,
    };
}
function reasonText(r) {
    switch (r.kind) {
        case 'alert-key':
            return `same alert key ${(0,markdown/* code */.aY)(r.key, 80)}`;
        case 'service':
            return `same service ${r.services.map((s) => (0,markdown/* code */.aY)(s, 40)).join(', ')}`;
        case 'terms':
            return `shared terms ${r.terms.map((t) => (0,markdown/* code */.aY)(t, 30)).join(', ')}`;
        case 'paths':
            return `same suspect paths ${r.paths.map((p) => (0,markdown/* code */.aY)(p, 80)).join(', ')}`;
    }
}
function endText(e) {
    const parts = [];
    if (e.end === 'dismissed')
        parts.push('dismissed as a false alarm');
    else if (e.end === 'open')
        parts.push('still open');
    else
        parts.push(e.minutes !== null ? `resolved in ${formatDuration(e.minutes * 60_000)}` : 'resolved');
    if (e.cause)
        parts.push(`last update: “${(0,markdown/* inline */.mG)(e.cause, 140)}”`);
    parts.push(e.postmortem ? `postmortem #${e.postmortem}` : 'no postmortem');
    const fo = e.followups.open;
    if (fo.length || e.followups.closed)
        parts.push(`follow-ups: ${fo.length ? `${fo.length} open (${fo.map((n) => `#${n}`).join(', ')})` : 'none open'}, ${e.followups.closed} closed`);
    return parts.join(' · ');
}
/** The lines of the similar-incidents list (no heading). */
function similarLines(s) {
    const lines = [];
    // Not searched (the note says why): "none found" would claim a search that did not happen.
    if (s.matches.length === 0 && !s.note)
        lines.push('_None found: no past incident shares an alert key, a service, a suspect path or a term with this one._');
    s.matches.forEach((e, i) => {
        lines.push(`${i + 1}. #${e.number} ${(0,markdown/* inline */.mG)(e.title, 80)}`);
        lines.push(`   - **Why:** ${e.reasons.map(reasonText).join('; ')}`);
        lines.push(`   - **How it ended:** ${endText(e)}`);
    });
    if (s.recurrenceOf !== null) {
        const best = s.matches.find((m) => m.number === s.recurrenceOf);
        lines.push('', `> [!WARNING]\n> **Possible recurrence** of #${s.recurrenceOf}: it happened less than 30 days before this one, and its follow-ups ${(best?.followups.open ?? []).map((n) => `#${n}`).join(', ')} are still open.`);
    }
    if (s.note)
        lines.push(...(lines.length ? [''] : []), `_${s.note}_`);
    return lines;
}
/** The card's section. */
function similarSection(s) {
    return ['#### Similar past incidents', '', ...similarLines(s), ''];
}
const MODEL_TEXT = {
    poisson: 'Poisson, constant rate',
    'poisson-trend': 'Poisson with a trend',
    negbin: 'negative binomial (over-dispersed)',
    'negbin-trend': 'negative binomial with a trend',
    'poisson-seasonal': 'Poisson with trend and a yearly season',
};
const pct = (x) => `${Math.round(x * 100)} %`;
const num = (x) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));
const range = (i) => (i.lo === i.hi ? String(i.lo) : `${i.lo}–${i.hi}`);
function cell(s, w) {
    const f = s.weeks[w];
    return `${num(f.mean)} (${range(f.i80)}; ${range(f.i95)})`;
}
/** The report's forecast section (markdown). */
function renderForecast(f) {
    const lines = ['### Forecast: the next 4 weeks', ''];
    if (f.status === 'not-enough-history') {
        lines.push(`_Not enough history: ${f.weeks} whole week${f.weeks === 1 ? '' : 's'} of incidents, and a forecast needs at least ${f.minWeeks}._`);
        return lines.join('\n');
    }
    lines.push(`Expected incidents per week, with the 80 % and 95 % predictive intervals in brackets, from ${f.weeks} weeks of history. Counts are whole numbers, so each interval is the one whose probability is closest to its level.`, '', '| | week 1 | week 2 | week 3 | week 4 | model |', '|---|---|---|---|---|---|');
    for (const s of f.series)
        lines.push(`| ${s.key === 'all' ? '**All**' : s.key} | ${[0, 1, 2, 3].map((w) => cell(s, w)).join(' | ')} | ${MODEL_TEXT[s.model]} |`);
    lines.push('');
    lines.push(`- **P(at least one P1 next week):** ${pct(f.pP1NextWeek)}`);
    lines.push(`- **Expected on-call load next week:** ${num(f.load.incidents)} incidents (${num(f.load.severe)} P1/P2)${f.load.hours !== null ? `, about ${num(f.load.hours)} hours in incidents (mean started → resolved per priority)` : ''}`);
    const all = f.series[0];
    const c = all.calibration;
    lines.push(c.weeks
        ? `- **Calibration:** ${c.inside80} of the last ${c.weeks} weeks (${pct(c.inside80 / c.weeks)}) fell inside their 80 % interval (their intervals' own probability: ${pct(c.nominal80)}); ${c.inside95} (${pct(c.inside95 / c.weeks)}) inside the 95 % one. One-step-ahead and out of sample: each week forecast from the weeks before it only.`
        : '- **Calibration:** no week to check yet.');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/render/card.ts








const PRIORITY_ICON = { P1: '🔴', P2: '🟠', P3: '🟡', P4: '🟢' };
const title = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** A login shown without pinging its owner (edits never notify, but the first post would). */
const who = (login) => login === 'incidentops' ? 'IncidentOps' : login.includes('[bot]') ? (0,markdown/* inline */.mG)(login) : (0,markdown/* neutralizeMentions */.tI)(`@${login}`);
/**
 * The incident card: live status for people, the record hidden at the end for the machine.
 * Renders only from its inputs (times are absolute): the same record gives the same bytes.
 */
function renderCard({ record: r, facts: f, config, ticked, warnings = [] }) {
    const policy = config.priorities[r.priority];
    const lines = [CARD_MARKER];
    lines.push(`### ${PRIORITY_ICON[r.priority] ?? ''} ${r.priority} incident · ${title(r.stage)}`);
    lines.push('');
    for (const w of warnings)
        lines.push(`> [!WARNING]\n> ${w}`, '');
    if (f.summary)
        lines.push(`**What is broken:** ${(0,markdown/* inline */.mG)(f.summary, 300)}`, '');
    const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt;
    const impact = [
        f.impact ? title(f.impact.replace(/-/g, ' ')) : 'impact not stated',
        f.usersAffected !== null ? `${f.usersAffected === 0 ? 'under 1' : f.usersAffected}% of users` : null,
        f.dataLoss ? '**data loss**' : null,
        f.security ? '**security exposure**' : null,
    ].filter(Boolean);
    const rows = [
        [
            'Priority',
            `**${r.priority}** (${(0,markdown/* inline */.mG)(policy.description, 120)}): ${r.prioritySource === 'human' ? (0,markdown/* inline */.mG)(r.priorityReason, 200) : (0,markdown/* inline */.mG)(r.priorityReason, 200)}`,
        ],
        ['Stage', `${title(r.stage)} since ${utcShort(stageSince, r.declaredAt)}`],
        [
            'Started',
            r.startedAt === r.declaredAt
                ? `${utc(r.startedAt)} (reported then)`
                : `${utc(r.startedAt)} · reported ${utcShort(r.declaredAt, r.startedAt)}`,
        ],
        ['Impact', impact.join(' · ')],
    ];
    if (f.services.length)
        rows.push(['Services', f.services.map((s) => (0,markdown/* code */.aY)(s, 40)).join(', ')]);
    const service = r.service ? config.services.find((s) => s.name === r.service) : undefined;
    if (service)
        rows.push(['Service', serviceRow(service)]);
    if (f.detection)
        rows.push(['Detected by', (0,markdown/* inline */.mG)(f.detection.replace(/-/g, ' '), 60)]);
    if (r.alert) {
        const a = r.alert;
        rows.push([
            'Alert',
            `${a.status === 'firing' ? '🔥 firing' : '✅ resolved'} · ${a.occurrences} occurrence${a.occurrences === 1 ? '' : 's'} · last ${utcShort(a.lastSeen, r.declaredAt)} · key ${(0,markdown/* code */.aY)(a.key, 80)}`,
        ]);
    }
    if (r.unconfirmed)
        rows.push([
            'Unconfirmed',
            'declared by someone without the triage role: nobody is paged or escalated to until a responder comments `/confirm` (or `/ack`)',
        ]);
    if (r.stage === 'triage') {
        rows.push(['Commander', 'nobody yet: comment `/ack` to take command']);
        if (!r.unconfirmed)
            rows.push([
                'Acknowledge by',
                `${utcShort(new Date(Date.parse(ackClockStart(r)) + policy.ack).toISOString(), r.declaredAt)} (${r.priority}: within ${formatDuration(policy.ack)})`,
            ]);
    }
    if (r.postmortem?.issue)
        rows.push(['Postmortem', `#${r.postmortem.issue}${r.postmortem.done ? ' (done)' : ''}`]);
    else if (r.postmortem?.pr)
        rows.push([
            'Postmortem',
            `#${r.postmortem.pr} (pull request${r.postmortem.done ? ', merged' : ': merge it when it is done'})`,
        ]);
    else if (r.postmortem?.comment)
        rows.push([
            'Postmortem',
            r.postmortem.done
                ? 'in a comment below (done)'
                : 'in a comment below: fill it in, then comment `/postmortem done`',
        ]);
    if (r.followups?.length)
        rows.push(['Follow-ups', r.followups.map((x) => `#${x.number}${x.state === 'closed' ? ' ✓' : ''}`).join(', ')]);
    rows.push(['Updates', `every ${formatDuration(policy.update)}: comment \`/update <what changed>\``]);
    lines.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| **${k}** | ${v} |`), '');
    if (f.notes.length)
        lines.push(...f.notes.map((n) => `> [!NOTE]\n> ${n}`), '');
    if (policy.crisis && config.crisis.checklist.length) {
        lines.push('#### Crisis communication', '');
        for (const item of config.crisis.checklist)
            lines.push(`- [${ticked.has(item) ? 'x' : ' '}] ${(0,markdown/* inline */.mG)(item, 200)}`);
        lines.push('');
    }
    lines.push(...renderSuspects(r));
    if (r.similar)
        lines.push(...similarSection(r.similar));
    lines.push('#### Timeline', '', '| time | what | by |', '|---|---|---|');
    // In the order things happened: some events are recorded after later ones (an alert's resolution
    // carries the monitor's time, which precedes the run that learns of it). Equal times keep record order.
    const byTime = r.events
        .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .map((x) => x.e);
    const shown = byTime.slice(-30);
    if (shown.length < r.events.length)
        lines.push(`| | _${r.events.length - shown.length} earlier entries in the record_ | |`);
    for (const e of shown)
        lines.push(`| ${utcShort(e.at, r.declaredAt)} | ${describeEvent(e)} | ${who(e.actor)} |`);
    lines.push('');
    lines.push('<sub>Managed by IncidentOps: this comment is rewritten as the incident changes. Commands: `/ack`, `/update`, `/priority`, `/help`.</sub>');
    lines.push(encodeRecord(r));
    return lines.join('\n');
}
function describeEvent(e) {
    switch (e.kind) {
        case 'declared':
            return `Declared ${e.to ?? ''} (${e.via === 'form' ? 'incident form' : e.via})`;
        case 'priority':
            return `Priority ${e.from ?? '?'} → **${e.to}** (${e.via})${e.text ? `: ${(0,markdown/* inline */.mG)(e.text, 150)}` : ''}`;
        case 'stage':
            return `Stage ${title(e.from ?? '?')} → **${title(e.to ?? '?')}** (${e.via})`;
        case 'impact':
            return `Impact changed: ${(0,markdown/* inline */.mG)(e.text, 150)}`;
        case 'update':
            return `Update: ${(0,markdown/* inline */.mG)(e.text, 200)}`;
        case 'note':
            return `Note: ${(0,markdown/* inline */.mG)(e.text, 200)}`;
        case 'ack':
            return 'Acknowledged: took command';
        case 'commander':
            return `Commander → ${e.to ? who(e.to) : '?'}`;
        case 'dismissed':
            return `Dismissed as a false alarm${e.text ? `: ${(0,markdown/* inline */.mG)(e.text, 150)}` : ''}`;
        case 'alert':
            return `Alert ${(0,markdown/* inline */.mG)(e.text, 150)}`;
        case 'escalation':
            return `Escalated (level ${e.to ?? '?'}): not acknowledged in time`;
        case 'postmortem':
            return e.text === 'done'
                ? 'Postmortem done'
                : e.to === 'comment'
                    ? 'Postmortem written (a comment below)'
                    : `Postmortem ${e.to ?? ''} opened`;
        case 'followup':
            return `Follow-up ${e.to ?? ''} opened${e.text ? `: ${(0,markdown/* inline */.mG)(e.text, 120)}` : ''}`;
        case 'refused':
            return `Refused (needs the triage role): ${(0,markdown/* inline */.mG)(e.text, 150)}`;
        case 'confirmed':
            return 'Confirmed: the response starts';
        case 'cause':
            // Our own label (src/changes/cause.ts causeLabel: digits and hex only), so `#12` stays a link.
            return `Cause confirmed: ${e.to ?? '?'}`;
        case 'mitigation':
            return `Mitigation: ${e.to ?? '?'} merged${e.from ? ` (reverts ${e.from})` : ''}`;
        case 'start':
            return `Start time edited: ${e.from ? utc(e.from) : '?'} → **${e.to ? utc(e.to) : '?'}** (${e.via})`;
    }
}
/** The checklist items ticked in an existing card (`- [x] item`). */
function tickedItems(cardBody, checklist) {
    const out = new Set();
    if (!cardBody)
        return out;
    for (const item of checklist) {
        const rendered = (0,markdown/* inline */.mG)(item, 200);
        if (cardBody.includes(`- [x] ${rendered}`) || cardBody.includes(`- [X] ${rendered}`))
            out.add(item);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/domain/alert-facts.ts
/** The hidden marker in the body of an issue we opened for an alert: how racing runs find each other's issues. */
const alertMarker = (key) => `<!-- incidentops:alert-key:${key} -->`;
/** Reads the alert key from the body of an issue we opened (the caller checks we wrote it). */
function alertKeyOf(body) {
    return /^<!-- incidentops:alert-key:([A-Za-z0-9._:/=+-]{1,200}) -->/.exec(body)?.[1] ?? null;
}
/** An alert incident's facts, for the card: what the monitor said. */
function factsFromAlert(a) {
    return {
        summary: a.title,
        startedAt: null,
        impact: null,
        usersAffected: null,
        services: a.service ? [a.service] : [],
        dataLoss: false,
        security: false,
        detection: `${a.source} alert`,
        links: null,
        fromForm: false,
        notes: [],
    };
}
/** The fields rules test for an alert: `severity`, `service`, `source`, `summary` and `labels.<name>`. */
function alertFields(a) {
    const f = {
        severity: a.severity,
        service: a.service,
        services: a.service ? [a.service] : [],
        source: a.source,
        summary: a.title,
    };
    for (const [k, v] of Object.entries(a.labels))
        f[`labels.${k}`] = v;
    return f;
}

;// CONCATENATED MODULE: ./src/render/summary.ts





/**
 * The incident in one paragraph, as of `at` (the `/summary` reply): priority and why, stage and for
 * how long, the commander, the latest update and when the next is due. Names are written without
 * `@` and quoted text is defused (inline), so the reply pings nobody and breaks no markdown.
 */
function renderSummary(r, config, at) {
    const t = Date.parse(at);
    const stage = config.stages[r.stage].name;
    const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt;
    const parts = [
        `**${r.priority}** (${(0,markdown/* inline */.mG)(r.priorityReason, 200)}), ${stage} for ${formatDuration(Math.max(0, t - Date.parse(stageSince)))}; started ${utc(r.startedAt)}, ${formatDuration(Math.max(0, t - Date.parse(r.startedAt)))} ago.`,
        r.commander ? `Commander: \`${r.commander}\`.` : 'No commander yet: `/ack` to take command.',
    ];
    const update = [...r.events].reverse().find((e) => e.kind === 'update');
    if (update)
        parts.push(`Latest update (${utc(update.at)}, \`${update.actor}\`): ${(0,markdown/* inline */.mG)(update.text ?? '', 300).replace(/([^.!?…])$/, '$1.')}`);
    else
        parts.push('No update posted yet.');
    if (isActive(r.stage)) {
        const next = updatePeriod(r, config, at);
        parts.push(next.k > 0
            ? `An update is overdue since ${utc(next.dueAt)}.`
            : `Next update due by ${utc(new Date(Date.parse(lastUpdateAt(r)) + config.priorities[r.priority].update).toISOString())}.`);
    }
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/domain/decide.ts



















const MAY_COMMAND = ['admin', 'maintain', 'write', 'triage'];
/** Whether someone with this role may change an incident's course (commands, close, reopen, re-classify). Unknown means no. */
const mayDecide = (role) => role !== undefined && MAY_COMMAND.includes(role);
/** At most this many refused attempts (close/reopen by someone below triage) are kept in the timeline: the record stays small. */
const MAX_REFUSED_EVENTS = 20;
/** At most this many services ever get a `service/<name>` label on one incident. */
const MAX_SERVICE_LABELS = 10;
/** A short fingerprint of the facts that drive classification, to notice edits that change them. */
function impactDigest(f) {
    const key = JSON.stringify([f.impact, f.usersAffected, f.services, f.dataLoss, f.security, f.detection]);
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 16);
}
/** Applies `form.headings` overrides so teams that renamed form labels still parse. */
function formSpec(base, config) {
    return base.map((f) => ({ ...f, label: config.form.headings[f.id] ?? f.label }));
}
/** The stage a name refers to: a configured name, a canonical key, or a label `stage/<name>`. */
function stageByName(name, config) {
    const n = name.toLowerCase().replace(/^stage\//, '');
    return STAGES.find((s) => config.stages[s].name === n) ?? STAGES.find((s) => s === n);
}
const stageLabelOf = (s, config) => `${STAGE_PREFIX}${config.stages[s].name}`;
/**
 * Decides the incident's record after an event: pure, from the fresh snapshot (never from the
 * payload's possibly stale copy of the issue), so that any replay converges to one state.
 * Commands run from the comment as posted, once per comment id.
 */
function decide(ctx, event, config, spec, now, access = {}, 
/** The `/cover` overrides from the on-call issue, when a due escalation names a schedule (else null). */
oncall = null, 
/**
 * The repository's recent changes (src/changes/), read by the handler only when this run needs
 * them: a declaration, `/changes` or `/cause` (see `needsChanges`). Null: not read.
 */
changeSet = null) {
    const issue = ctx.issue;
    if (!issue)
        return { kind: 'skip', reason: 'the issue no longer exists' };
    const incidentLabel = config.labels.incident.toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === incidentLabel)) {
        return { kind: 'skip', reason: `#${issue.number} is not an incident (no \`${config.labels.incident}\` label)` };
    }
    const card = findCard(issue.comments);
    const previous = card ? decodeRecord(card.body) : null;
    // An incident opened by monitoring is described by its alert (kept in the record), not by a form.
    const alertState = previous?.alert ??
        (event.kind === 'alert' && issue.viewerDidAuthor && issue.body.includes(alertMarker(event.alert.key))
            ? newAlertState(event)
            : undefined);
    const form = parseIssueForm(alertState ? '' : issue.body, spec);
    const facts = alertState
        ? factsFromAlert(alertState)
        : factsFromForm(form, spec, new Date(issue.createdAt), now ? new Date(now) : undefined);
    const classification = classify(alertState ? alertFields(alertState) : fieldsOf(facts), config);
    const digest = impactDigest(facts);
    const changes = [];
    const replies = [];
    const sender = event.kind === 'issue' || event.kind === 'related'
        ? event.sender
        : event.kind === 'comment'
            ? event.author
            : event.kind === 'alert'
                ? event.alert.source
                : 'incidentops';
    let record;
    if (!previous) {
        // A priority label already present before our first run was put there by a person: it wins.
        // (Not on an issue we opened for an alert: its labels are ours.)
        const human = alertState ? undefined : priorityLabelsOn(issue.labels)[0];
        const priority = human ?? classification.priority;
        const start = alertState && event.kind === 'alert' ? event.alert.startsAt : facts.startedAt;
        const startedAt = start && start < issue.createdAt ? start : issue.createdAt;
        record = {
            v: 1,
            number: issue.number,
            declaredAt: issue.createdAt,
            startedAt,
            priority,
            prioritySource: human ? 'human' : 'rules',
            priorityReason: human ? `set by hand with the \`${priorityLabel(human)}\` label` : classification.reason,
            stage: 'triage',
            impactDigest: digest,
            events: [
                {
                    at: issue.createdAt,
                    kind: 'declared',
                    actor: alertState ? alertState.source : (issue.author ?? 'ghost'),
                    via: alertState ? 'alert' : form.fromForm ? 'form' : 'label',
                    to: priority,
                },
            ],
            commander: null,
            processed: [],
            source: alertState ? alertState.source : form.fromForm ? 'form' : 'manual',
            ...(alertState ? { alert: alertState } : {}),
        };
        changes.push(`declared ${priority} (${record.priorityReason})`);
        // Anyone who can open an issue can declare an incident: with the option on, one declared by
        // someone below triage waits for a responder before it pages anyone (alerts come from a token).
        if (config.intake.holdUnconfirmed && !alertState && !mayDecide(access.reporter)) {
            record.unconfirmed = true;
            changes.push(`held as unconfirmed: declared by ${issue.author ?? 'ghost'} (role: ${access.reporter ?? 'unknown'}); a responder confirms with /confirm or /ack`);
        }
    }
    else {
        record = structuredClone(previous);
        record.processed ??= [];
        record.commander ??= null;
        if (record.impactDigest !== digest) {
            const at = issue.updatedAt;
            record.impactDigest = digest;
            const ev = { at, kind: 'impact', actor: sender, via: 'edit', text: describeImpact(facts) };
            record.events.push(ev);
            changes.push(`impact edited: ${ev.text}`);
            // Only a responder re-prioritises an incident someone has taken on. An edit counts as a
            // responder's only in its own run (`edited`, the sender's role known); an edit noticed by any
            // other run (its own was dropped) is treated as one from below triage.
            const responder = event.kind === 'issue' && event.action === 'edited' && mayDecide(event.role);
            const upward = PRIORITIES.indexOf(classification.priority) < PRIORITIES.indexOf(record.priority);
            if (record.prioritySource === 'rules' && classification.priority !== record.priority) {
                if (responder || (record.stage === 'triage' && upward)) {
                    setPriority(record, classification.priority, 'rules', classification.reason, {
                        at,
                        actor: sender,
                        via: 'rules',
                    });
                    changes.push(`re-classified as ${classification.priority}`);
                }
                else {
                    ev.text = `${ev.text} (kept ${record.priority}: ${record.stage === 'triage' ? 'an edit by someone below triage only raises the priority' : 'after triage, only a responder re-prioritises, with `/priority`'})`;
                    changes.push(`kept ${record.priority}: the edit would re-classify it as ${classification.priority}, and edits from below triage re-classify only upward, in Triage`);
                }
            }
            else if (record.prioritySource === 'rules' && responder)
                record.priorityReason = classification.reason;
        }
    }
    if (!alertState)
        onStartTime(record, facts, !previous, event, issue.updatedAt, changes, replies);
    if (event.kind === 'issue')
        onIssueEvent(record, event, ctx, config, changes, replies);
    else if (event.kind === 'comment') {
        for (const c of event.earlier ?? [])
            onComment(record, { kind: 'comment', ...c }, config, changes, replies, changeSet);
        onComment(record, event, config, changes, replies, changeSet, access.similar);
    }
    else if (event.kind === 'alert')
        onAlert(record, event, config, changes, replies, !previous);
    else if (event.kind === 'related')
        onRelated(record, event, config, changes);
    // The catalog service follows the current answer (form or alert): its chain and runbook apply.
    const service = serviceFor(facts.services, config);
    if (service)
        record.service = service.name;
    else
        delete record.service;
    // Suspect changes, ranked once at declaration (with the service known); `/changes` ranks them again.
    if (!previous && changeSet)
        refreshSuspects(record, changeSet, config, now ?? issue.createdAt, changes);
    // Whatever the event, what is due for this incident is handled too (a dropped scheduled run is caught up).
    if (now) {
        const pending = config.priorities[record.priority].crisis
            ? config.crisis.checklist.filter((c) => !tickedItems(card?.body, config.crisis.checklist).has(c))
            : [];
        const due = applyDue(record, config, now, issue.assignees, pending, oncall);
        replies.push(...due.replies);
        changes.push(...due.changes);
        if (due.resolve)
            resolve(record, { at: now, actor: 'incidentops', via: 'schedule' }, config, changes);
    }
    record.serviceLabels = serviceLabelsEver(record, facts, config);
    return { kind: 'incident', record, facts, classification, changes, replies };
}
/** The services allowed a label by the config (all when `labels.allowed_services` is empty). */
function allowedServices(facts, config) {
    const allowed = config.labels.allowedServices;
    return allowed.length ? facts.services.filter((s) => allowed.includes(s)) : facts.services;
}
/**
 * The services that ever got a label on this incident, extended by the current answer while there
 * is room (MAX_SERVICE_LABELS): a service named later than that is shown in the card, not labelled.
 */
function serviceLabelsEver(record, facts, config) {
    const ever = [...(record.serviceLabels ?? [])];
    if (!config.labels.services)
        return ever;
    for (const s of allowedServices(facts, config))
        if (!ever.includes(s) && ever.length < MAX_SERVICE_LABELS)
            ever.push(s);
    return ever;
}
/** The `service/<name>` labels the issue should carry now: the current answer, within what the record allows. */
function serviceLabelsFor(record, facts, config) {
    if (!config.labels.services)
        return [];
    const ever = record.serviceLabels ?? [];
    return allowedServices(facts, config)
        .filter((s) => ever.includes(s))
        .map(serviceLabel);
}
/**
 * Labels, close and reopen by people. Only the event says a person did it; a label or state that
 * merely differs from the record (a half-applied earlier run) is repaired to the record instead.
 * Each also checks the fresh state, so a stale redelivery (label since removed) does nothing.
 */
function onIssueEvent(record, event, ctx, config, changes, replies) {
    const issue = ctx.issue;
    const has = (label) => issue.labels.some((l) => l.toLowerCase() === label.toLowerCase());
    const at = event.at ?? issue.updatedAt;
    if (event.action === 'labeled' && event.label) {
        const p = priorityLabelsOn([event.label])[0];
        if (p && p !== record.priority && has(event.label)) {
            setPriority(record, p, 'human', `set by hand with the \`${priorityLabel(p)}\` label`, {
                at,
                actor: event.sender,
                via: 'label',
            });
            changes.push(`priority set to ${p} by label`);
        }
        const s = event.label.toLowerCase().startsWith(STAGE_PREFIX) ? stageByName(event.label, config) : undefined;
        if (s && s !== record.stage && has(event.label)) {
            const problem = transitionProblem(record.stage, s);
            if (!problem)
                moveTo(record, s, { at, actor: event.sender, via: 'label' }, config, changes);
            else
                changes.push(`ignored the \`${event.label}\` label: ${problem}`);
        }
    }
    // GitHub lets an issue's author close and reopen it, whatever their role: from below triage that
    // changes nothing. The issue is put back as the record says (desiredIssue), the attempt is kept
    // in the timeline, and the person is told why, once.
    const closing = event.action === 'closed' && issue.state === 'closed' && isActive(record.stage);
    const reopening = event.action === 'reopened' && issue.state === 'open' && !isActive(record.stage);
    if ((closing || reopening) && !mayDecide(event.role)) {
        const via = closing ? 'close' : 'reopen';
        const kept = record.events.filter((e) => e.kind === 'refused').length;
        if (kept < MAX_REFUSED_EVENTS) {
            const what = closing
                ? `closed the issue${issue.stateReason?.toLowerCase() === 'not_planned' ? ' as not planned' : ''}: reopened, the incident stays ${config.stages[record.stage].name}`
                : `reopened the issue: closed again, the incident stays ${config.stages[record.stage].name}`;
            record.events.push({
                at: closing ? (issue.closedAt ?? at) : at,
                kind: 'refused',
                actor: event.sender,
                via,
                text: what,
            });
        }
        changes.push(`refused: ${event.sender} (role: ${event.role ?? 'unknown'}) ${closing ? 'closed' : 'reopened'} the issue; put back as the record says`);
        const m = marker('refused', event.sender.toLowerCase());
        replies.push({
            marker: m,
            body: `${m}\n${(0,markdown/* neutralizeMentions */.tI)(`@${event.sender}`)}: closing or reopening an incident needs the triage role on this repository, so the issue was put back as the incident's stage says (open while it is handled, closed once it is resolved). To ask for a change, comment here: a responder decides with \`/resolve\`, \`/dismiss\` or \`/investigating\`.`,
        });
        return;
    }
    if (closing) {
        const closedAt = issue.closedAt ?? at;
        if (issue.stateReason === 'NOT_PLANNED' || issue.stateReason === 'not_planned') {
            dismiss(record, '', { at: closedAt, actor: event.sender, via: 'close' }, changes);
        }
        else
            resolve(record, { at: closedAt, actor: event.sender, via: 'close' }, config, changes);
    }
    if (reopening) {
        moveTo(record, 'investigating', { at, actor: event.sender, via: 'reopen' }, config, changes);
    }
}
/** Events on our postmortem and follow-up issues, redirected to their incident by the handler. */
function onRelated(record, event, config, changes) {
    const at = event.at;
    if (event.of === 'revert') {
        recordRevert(record, { number: event.number, title: event.title ?? '', mergedAt: at }, event.reverts ?? null, { at, actor: event.sender }, changes);
        return;
    }
    if (event.of === 'postmortem' && event.action === 'closed' && record.postmortem && !record.postmortem.done) {
        record.postmortem.done = true;
        record.events.push({ at, kind: 'postmortem', actor: event.sender, via: 'close', text: 'done' });
        changes.push('postmortem done');
        if (record.stage === 'postmortem' || record.stage === 'resolved')
            moveTo(record, 'closed', { at, actor: event.sender, via: 'close' }, config, changes);
    }
    if (event.of === 'postmortem' && event.action === 'reopened' && record.postmortem?.done) {
        record.postmortem.done = false;
        changes.push('postmortem reopened');
        if (record.stage === 'closed')
            moveTo(record, 'postmortem', { at, actor: event.sender, via: 'reopen' }, config, changes);
    }
    if (event.of === 'followup') {
        const item = record.followups?.find((x) => x.number === event.number);
        const state = event.action === 'closed' ? 'closed' : 'open';
        if (item && item.state !== state) {
            item.state = state;
            changes.push(`follow-up #${item.number} ${state}`);
        }
    }
}
function hashTitle(t) {
    return (0,external_node_crypto_.createHash)('sha256').update(t).digest('hex').slice(0, 8);
}
function onComment(record, event, config, changes, replies, changeSet, similar) {
    if (record.processed.includes(event.commentId))
        return;
    const parsed = parseCommands(event.body);
    if (parsed.commands.length === 0 && parsed.problems.length === 0)
        return;
    if (!MAY_COMMAND.includes(event.role)) {
        // One polite explanation per person and incident, however many times they try.
        replies.push({
            marker: marker('denied', event.author.toLowerCase()),
            body: `${marker('denied', event.author.toLowerCase())}\n${(0,markdown/* neutralizeMentions */.tI)(`@${event.author}`)}: incident commands need the triage or write role on this repository, so yours had no effect. Ask the incident commander or a maintainer to run it for you.`,
        });
        changes.push(`ignored commands from ${event.author} (role: ${event.role})`);
        // Refused once, refused for good: a later catch-up must not run it once its author has access.
        markProcessed(record, event.commentId);
        return;
    }
    const e = { at: event.createdAt, actor: event.author, via: 'command' };
    const problems = parsed.problems.map((p) => `${(0,markdown/* code */.aY)(p.line, 60)}: ${p.message}`);
    for (const c of parsed.commands) {
        const problem = runCommand(record, c, e, config, changes, event.commentId, changeSet);
        if (problem === 'help')
            replies.push({
                marker: marker('help', event.commentId),
                body: `${marker('help', event.commentId)}\n**IncidentOps commands** (triage or write role needed):\n\n${HELP_TEXT}`,
            });
        else if (problem === 'summary')
            replies.push({
                marker: marker('summary', event.commentId),
                body: `${marker('summary', event.commentId)}\n${renderSummary(record, config, event.createdAt)}`,
            });
        else if (problem === 'similar') {
            // A fresh search replaces what the card shows; a caught-up `/similar` (no search this run) shows the last one.
            if (similar)
                record.similar = similar;
            const shown = record.similar ?? {
                at: event.createdAt,
                matches: [],
                recurrenceOf: null,
                note: 'Past incidents were not searched for this comment: comment `/similar` again.',
            };
            replies.push({
                marker: marker('similar', event.commentId),
                body: `${marker('similar', event.commentId)}\n**Similar past incidents**\n\n${similarLines(shown).join('\n')}`,
            });
            changes.push('similar past incidents looked up');
        }
        else if (problem)
            problems.push(problem);
    }
    if (problems.length) {
        replies.push({
            marker: marker('reply', event.commentId),
            body: `${marker('reply', event.commentId)}\n${problems.map((p) => `- ${p}`).join('\n')}`,
        });
    }
    markProcessed(record, event.commentId);
}
function markProcessed(record, commentId) {
    record.processed.push(commentId);
    // The list is bounded: ids are increasing, and an old comment is not delivered again in practice.
    if (record.processed.length > 300)
        record.processed = record.processed.slice(-300);
}
/** A responder confirms an incident held as unconfirmed (`/confirm`, or `/ack`): paging and escalation start now. */
function decide_confirm(record, e, changes) {
    if (!record.unconfirmed)
        return;
    record.unconfirmed = false;
    record.events.push({ ...e, kind: 'confirmed' });
    changes.push(`confirmed by ${e.actor}`);
}
function newAlertState(event) {
    const a = event.alert;
    return {
        key: a.key,
        source: a.source,
        title: a.title,
        severity: a.severity,
        service: a.service,
        labels: a.labels,
        status: 'firing',
        occurrences: 0,
        firstSeen: event.now,
        lastSeen: event.now,
        lastComment: null,
        deliveries: [],
    };
}
/**
 * One delivery of an alert for this incident (the handler picked the incident by key and reopen
 * window). Repeats are counted, coalesced and commented at most once per interval; `resolved`
 * moves to Monitoring (or Resolved); firing again after that brings the incident back.
 */
function onAlert(record, event, config, changes, replies, fresh) {
    const a = event.alert;
    const state = (record.alert ??= newAlertState(event));
    if (state.deliveries.includes(event.delivery))
        return;
    const now = event.now;
    const at = { at: now, actor: a.source, via: 'alert' };
    const remember = () => {
        state.deliveries = [...state.deliveries, event.delivery].slice(-50);
    };
    if (a.status === 'acknowledged') {
        // A PagerDuty acknowledge: the sender holds a token that can dispatch (write access), so it may
        // move the incident as `/ack` does, without naming a commander. The first one counts for MTTA.
        remember();
        if (!isActive(record.stage))
            return;
        if (!record.events.some((x) => x.kind === 'ack'))
            record.events.push({ ...at, kind: 'ack' });
        changes.push(`alert acknowledged (${a.source})`);
        if (record.stage === 'triage')
            moveTo(record, 'investigating', at, config, changes);
        return;
    }
    if (a.status === 'resolved') {
        if (state.status === 'resolved' && !fresh)
            return;
        state.status = 'resolved';
        state.lastSeen = now;
        remember();
        record.events.push({ ...at, at: a.endsAt && a.endsAt <= now ? a.endsAt : now, kind: 'alert', text: 'resolved' });
        changes.push('alert resolved');
        if (isActive(record.stage) && stageIndex(record.stage) < stageIndex('monitoring')) {
            if (config.alerts.resolvedStage === 'resolved')
                resolve(record, at, config, changes);
            else
                moveTo(record, 'monitoring', at, config, changes);
        }
        else if (record.stage === 'monitoring' && config.alerts.resolvedStage === 'resolved')
            resolve(record, at, config, changes);
        return;
    }
    const recurred = state.status === 'resolved' || !isActive(record.stage) || record.stage === 'monitoring';
    if (fresh) {
        state.occurrences = 1;
        remember();
        record.events.push({ ...at, kind: 'alert', text: 'firing' });
        return;
    }
    if (recurred) {
        state.status = 'firing';
        state.occurrences += 1;
        state.lastSeen = now;
        remember();
        record.events.push({ ...at, kind: 'alert', text: 'firing again' });
        changes.push('alert fired again');
        if (record.stage !== 'investigating' && record.stage !== 'fixing')
            moveTo(record, 'investigating', at, config, changes);
        replies.push({
            marker: marker('alert', `${event.delivery}`),
            body: `${marker('alert', `${event.delivery}`)}\n🔁 **The alert fired again** at ${now.slice(11, 16)} UTC: back to ${config.stages.investigating.name}.`,
        });
        return;
    }
    // A repeat while still firing: coalesce, count, and comment at most once per interval.
    if (Date.parse(now) - Date.parse(state.lastSeen) < config.alerts.coalesce)
        return;
    state.occurrences += 1;
    state.lastSeen = now;
    remember();
    changes.push(`alert repeat (${state.occurrences} occurrences)`);
    if (state.lastComment === null
        ? Date.parse(now) - Date.parse(state.firstSeen) >= config.alerts.commentInterval
        : Date.parse(now) - Date.parse(state.lastComment) >= config.alerts.commentInterval) {
        state.lastComment = now;
        replies.push({
            marker: marker('alert', `${event.delivery}`),
            body: `${marker('alert', `${event.delivery}`)}\n🔁 Still firing: ${state.occurrences} occurrences since ${state.firstSeen.slice(11, 16)} UTC (last at ${now.slice(11, 16)} UTC).`,
        });
    }
}
/** Runs one command on the record; returns a problem to tell the author, a reply to render ('help', 'summary'), or null. */
function runCommand(record, c, e, config, changes, commentId, changeSet) {
    switch (c.name) {
        case 'help':
            return 'help';
        case 'summary':
            return 'summary';
        case 'similar':
            return 'similar';
        case 'status':
            return runStatusCommand(record, c, e, config, changes);
        case 'confirm':
            if (!isActive(record.stage))
                return `\`/confirm\`: the incident is already ${config.stages[record.stage].name}.`;
            decide_confirm(record, e, changes);
            return null;
        case 'ack': {
            if (!isActive(record.stage))
                return `\`/ack\`: the incident is already ${config.stages[record.stage].name}.`;
            decide_confirm(record, e, changes);
            const first = !record.events.some((x) => x.kind === 'ack');
            if (first || record.commander !== e.actor)
                record.events.push({ ...e, kind: 'ack' });
            if (record.commander !== e.actor) {
                record.commander = e.actor;
                changes.push(`${e.actor} took command`);
            }
            if (record.stage === 'triage')
                moveTo(record, 'investigating', e, config, changes);
            return null;
        }
        case 'commander':
            if (record.commander === c.user)
                return null;
            record.events.push({ ...e, kind: 'commander', from: record.commander ?? undefined, to: c.user });
            record.commander = c.user;
            changes.push(`commander is now ${c.user}`);
            return null;
        case 'priority':
            if (record.priority === c.priority && record.prioritySource === 'human')
                return null;
            setPriority(record, c.priority, 'human', c.reason ? `set by ${e.actor}: ${c.reason}` : `set by ${e.actor}`, e, c.reason);
            changes.push(`priority set to ${c.priority} by command`);
            return null;
        case 'stage': {
            const to = stageByName(c.stage, config);
            if (!to)
                return `\`/stage ${(0,markdown/* inline */.mG)(c.stage, 40)}\`: unknown stage. Stages: ${STAGES.map((s) => `\`${config.stages[s].name}\``).join(', ')}.`;
            if (to === record.stage)
                return null;
            if (to === 'resolved') {
                const problem = transitionProblem(record.stage, to);
                if (problem)
                    return `\`/stage ${config.stages[to].name}\`: ${problem}`;
                resolve(record, e, config, changes);
                return null;
            }
            const problem = transitionProblem(record.stage, to);
            if (problem)
                return `\`/stage ${config.stages[to].name}\`: ${problem}`;
            moveTo(record, to, e, config, changes);
            return null;
        }
        case 'update':
            record.events.push({ ...e, kind: 'update', text: c.text });
            changes.push('status update posted');
            return null;
        case 'note':
            record.events.push({ ...e, kind: 'note', text: c.text });
            changes.push('note added');
            return null;
        case 'dismiss':
            if (record.events.some((x) => x.kind === 'dismissed') && record.stage === 'closed')
                return null;
            dismiss(record, c.reason, e, changes);
            return null;
        case 'followup':
            // Keyed by the comment and the title, so a half-applied run finds the issue it already opened.
            record.pendingFollowups = [
                ...(record.pendingFollowups ?? []),
                { key: `${commentId}-${hashTitle(c.title)}`, title: c.title },
            ];
            changes.push(`follow-up requested: ${c.title}`);
            return null;
        case 'changes':
            if (!changeSet)
                return '`/changes`: the changes could not be read in this run; try again.';
            refreshSuspects(record, changeSet, config, e.at, changes, true);
            return null;
        case 'cause':
            return confirmCause(record, c.cause, e, changeSet, config, changes);
        case 'postmortem': {
            if (c.done) {
                const pm = record.postmortem;
                if (!pm || !postmortemWritten(record))
                    return '`/postmortem done`: there is no postmortem yet; `/postmortem` writes one.';
                if (pm.issue)
                    return `\`/postmortem done\`: the postmortem is #${pm.issue}; close it when it is done, and the incident closes with it.`;
                if (pm.pr)
                    return `\`/postmortem done\`: the postmortem is the pull request #${pm.pr}; merge it when it is done, and the incident closes with it.`;
                if (pm.done)
                    return null;
                pm.done = true;
                record.events.push({ ...e, kind: 'postmortem', text: 'done' });
                changes.push('postmortem done');
                if (record.stage === 'postmortem' || record.stage === 'resolved')
                    moveTo(record, 'closed', e, config, changes);
                return null;
            }
            if (record.events.some((x) => x.kind === 'dismissed'))
                return '`/postmortem`: a dismissed false alarm gets no postmortem.';
            record.postmortem = { issue: null, done: false, ...record.postmortem, requested: true };
            changes.push('postmortem requested');
            // Already closed without one (an optional postmortem): back to Resolved until it is written.
            if (record.stage === 'closed' && !postmortemWritten(record))
                moveTo(record, 'resolved', e, config, changes);
            return null;
        }
    }
}
/** Why a move is not allowed (with the allowed ones), or null. */
function transitionProblem(from, to) {
    const allowed = allowedFrom(from);
    if (allowed.includes(to))
        return null;
    return `cannot move from ${from} to ${to}; from ${from} the incident can go to ${allowed.join(', ') || 'nowhere by command'}.`;
}
/**
 * The allowed moves. Active stages move freely among themselves and to Resolved; a resolved or
 * closed incident can come back (it recurred). Postmortem and Closed are reached by resolving
 * (and, later, finishing the postmortem), not by jumping there.
 */
function allowedFrom(from) {
    const active = ['triage', 'investigating', 'fixing', 'monitoring'];
    if (isActive(from))
        return [...active.filter((s) => s !== from && s !== 'triage'), 'resolved'];
    if (from === 'resolved')
        return ['investigating', 'fixing', 'monitoring', 'closed'];
    if (from === 'postmortem')
        return ['investigating', 'fixing', 'monitoring', 'closed'];
    return ['investigating', 'fixing', 'monitoring'];
}
function moveTo(record, to, e, config, changes) {
    if (record.stage === to)
        return;
    record.events.push({ ...e, kind: 'stage', from: record.stage, to });
    changes.push(`stage ${config.stages[record.stage]?.name ?? record.stage} → ${config.stages[to].name}`);
    record.stage = to;
}
/** Whether this incident gets a postmortem: its priority requires one, or someone asked with `/postmortem`. */
function wantsPostmortem(record, config) {
    const dismissed = record.events.some((e) => e.kind === 'dismissed');
    return (!dismissed &&
        (config.priorities[record.priority].postmortem === 'required' || record.postmortem?.requested === true));
}
/** Resolved, then Closed unless a postmortem is still to be written (it keeps the incident in Postmortem until done). */
function resolve(record, e, config, changes) {
    moveTo(record, 'resolved', e, config, changes);
    if (!wantsPostmortem(record, config) || record.postmortem?.done)
        moveTo(record, 'closed', e, config, changes);
    else if (postmortemWritten(record))
        moveTo(record, 'postmortem', e, config, changes);
}
function dismiss(record, reason, e, changes) {
    record.events.push({ ...e, kind: 'dismissed', text: reason || undefined });
    record.events.push({ ...e, kind: 'stage', from: record.stage, to: 'closed' });
    record.stage = 'closed';
    changes.push('dismissed as a false alarm');
}
function setPriority(r, to, source, reason, e, text) {
    r.events.push({ ...e, kind: 'priority', from: r.priority, to, ...(text ? { text } : {}) });
    r.priority = to;
    r.prioritySource = source;
    r.priorityReason = reason;
}
function describeImpact(f) {
    const parts = [f.impact ?? 'impact not stated'];
    if (f.usersAffected !== null)
        parts.push(`${f.usersAffected}% of users`);
    if (f.dataLoss)
        parts.push('data loss');
    if (f.security)
        parts.push('security exposure');
    if (f.services.length)
        parts.push(`services ${f.services.join(', ')}`);
    return (0,markdown/* neutralizeMentions */.tI)(parts.join(', '));
}
/**
 * The labels an incident needs, plus every priority, stage, postmortem and follow-up label, all
 * created in the first incident's single request so that no later move pays for a creation.
 */
function upFrontLabels(config, needed) {
    return unique([...needed, ...PRIORITIES.map(priorityLabel), ...STAGES.map((st) => stageLabelOf(st, config))])
        .map((l) => labelSpec(l, config))
        .concat({ name: config.postmortem.label, color: '5319e7', description: 'A postmortem of an incident (IncidentOps)' }, {
        name: config.postmortem.followupLabel,
        color: 'c2e0c6',
        description: 'A follow-up action from an incident (IncidentOps)',
    });
}
function unique(labels) {
    const seen = new Set();
    return labels.filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}
function isManaged(label, config) {
    const l = label.toLowerCase();
    return (l === config.labels.incident.toLowerCase() ||
        l.startsWith(PRIORITY_PREFIX) ||
        l.startsWith(STAGE_PREFIX) ||
        l.startsWith(SERVICE_PREFIX));
}
/**
 * The whole state the issue should be in, for this record. `warnings` are facts about the
 * installation this run found (the sweep stopped running), shown at the top of the card.
 */
function desiredIssue(ctx, record, facts, config, replies, warnings = []) {
    const issue = ctx.issue;
    // Keep people's labels; ours (priority, stage, and service when on) follow the record and the form.
    const ours = (l) => {
        const x = l.toLowerCase();
        return (x.startsWith(PRIORITY_PREFIX) ||
            x.startsWith(STAGE_PREFIX) ||
            (config.labels.services && x.startsWith(SERVICE_PREFIX)));
    };
    const out = issue.labels.filter((l) => !ours(l));
    const add = (l) => {
        if (!out.some((x) => x.toLowerCase() === l.toLowerCase()))
            out.push(l);
    };
    add(config.labels.incident);
    add(priorityLabel(record.priority));
    add(stageLabelOf(record.stage, config));
    for (const l of serviceLabelsFor(record, facts, config))
        add(l);
    const once = [];
    const policy = config.priorities[record.priority];
    if (policy.crisis && config.crisis.mention.length && isActive(record.stage) && !record.unconfirmed) {
        const m = marker('crisis', 'declared');
        once.push({
            marker: m,
            body: `${m}\n🚨 **Crisis declared (${record.priority}).** ${config.crisis.mention.join(' ')}: please join the response. The communication checklist is in the incident card above.`,
        });
    }
    once.push(...replies);
    const dismissed = record.events.some((e) => e.kind === 'dismissed') && record.stage === 'closed';
    const closed = stageIndex(record.stage) >= stageIndex('resolved');
    const card = findCard(issue.comments);
    return {
        number: issue.number,
        labels: out,
        // Every priority and stage label is created with the first incident, in the same single request,
        // so later transitions never pay for a label creation.
        labelSpecs: upFrontLabels(config, out.filter((l) => isManaged(l, config))),
        card: renderCard({ record, facts, config, ticked: tickedItems(card?.body, config.crisis.checklist), warnings }),
        once,
        state: closed ? 'closed' : 'open',
        stateReason: closed ? (dismissed ? 'not_planned' : 'completed') : undefined,
        assignees: record.commander ? [record.commander] : [],
    };
}
/**
 * The start time written in the form, added or corrected by an edit: it updates the record (and so
 * every figure measured from it) and is shown in the timeline as an edit. While in Triage anyone who
 * can edit the issue may set it (the reporter usually does); later only triage or more. A start
 * that cannot be used (in the future, after the report, not understood) is refused with a reply
 * saying why, once per text. Removing it from the form falls back to the report time.
 */
function onStartTime(record, facts, first, event, at, changes, replies) {
    const refused = facts.startRefused;
    if (refused && refused.problem !== 'not-understood') {
        const mk = marker('start-refused', (0,external_node_crypto_.createHash)('sha256').update(`${refused.problem}:${refused.text}`).digest('hex').slice(0, 12));
        replies.push({
            marker: mk,
            body: `${mk}\n⚠️ The start time ${(0,markdown/* code */.aY)((0,markdown/* inline */.mG)(refused.text, 100))} was not used. ${refused.message}`,
        });
    }
    if (first || event.kind !== 'issue' || event.action !== 'edited')
        return;
    const wanted = facts.startedAt ?? (refused ? null : record.declaredAt);
    if (wanted === null || Date.parse(wanted) === Date.parse(record.startedAt))
        return;
    if (record.stage !== 'triage' && !(event.role && MAY_COMMAND.includes(event.role))) {
        changes.push(`start time edit by ${event.sender} not used (past Triage, needs triage or more)`);
        const mk = marker('start-denied', (0,external_node_crypto_.createHash)('sha256').update(`${event.sender}:${wanted}`).digest('hex').slice(0, 12));
        replies.push({
            marker: mk,
            body: `${mk}\nThe start time edited by ${(0,markdown/* neutralizeMentions */.tI)(`@${event.sender}`)} was not used: after Triage only people with triage access or more change it. The card keeps ${utc(record.startedAt)}.`,
        });
        return;
    }
    record.events.push({ at, kind: 'start', actor: event.sender, via: 'edit', from: record.startedAt, to: wanted });
    changes.push(`start time edited: ${record.startedAt} → ${wanted}`);
    record.startedAt = wanted;
}

;// CONCATENATED MODULE: ./src/changes/need.ts


/**
 * Whether this run needs the repository's recent changes (one GraphQL query): a declaration (the
 * suspects are ranked once), or `/changes` or `/cause` from someone who may run them. Every other
 * run costs nothing more.
 */
function needsChanges(previous, isIncident, event) {
    if (!isIncident)
        return false;
    if (!previous)
        return true;
    if (event.kind !== 'comment')
        return false;
    const done = new Set(previous.processed ?? []);
    const comments = [...(event.earlier ?? []), event].filter((c) => !done.has(c.commentId) && mayDecide(c.role));
    return comments.some((c) => parseCommands(c.body).commands.some((x) => x.name === 'changes' || x.name === 'cause'));
}
/**
 * Before the read, from the event alone: whether the incident's read should bring the recent
 * changes along (no extra request). Declarations come with `opened` or `labeled`; commands are in
 * the comment. When this guesses wrong, `needsChanges` still asks for them (one more query).
 */
function changesLikelyNeeded(r) {
    if (r.kind === 'issue')
        return r.action === 'opened' || r.action === 'labeled';
    if (r.kind === 'comment')
        return /^[ \t]*\/(changes|cause)\b/im.test(r.body ?? '');
    return false;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/outcome.ts + 1 modules
var outcome = __webpack_require__(2827);
// EXTERNAL MODULE: ./src/log-safe.ts
var log_safe = __webpack_require__(6963);
;// CONCATENATED MODULE: ./src/changes/config.ts

const CHANGES_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'The changes that may have caused an incident (suspects in the card, `/changes`, `/cause`) and the DORA figures of the report. See docs/changes.md.',
    properties: {
        window: {
            type: 'string',
            format: 'duration',
            pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
            description: 'How long before the start of an incident a merged pull request, a deployment or a release counts as a suspect. A duration such as `15m`, `1h30m`, `2d`, `1w`.',
            default: '24h',
        },
        environment: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description: "The deployment environment incidents affect, unless an alert's `environment` (or `env`) label names another. Deployments to it rank higher, and the report's DORA figures count only them.",
            default: 'production',
        },
        hotfix_labels: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 50 },
            maxItems: 20,
            description: 'Pull request labels that mark a hotfix (a suspect of its own kind).',
            default: ['hotfix'],
        },
        frequency: {
            type: 'string',
            enum: ['auto', 'deployments', 'releases', 'merges'],
            description: 'What deployment frequency counts: `deployments` (the Deployments API), `releases`, `merges` (pull requests merged to the default branch), or `auto`: deployments when there are any, else releases, else merges.',
            default: 'auto',
        },
        dora: {
            type: 'boolean',
            description: "Add DORA's four keys (deployment frequency, lead time for changes, change failure rate, failed deployment recovery time) to the weekly report, per service and overall, over `report.history_weeks`. It reads the changes in ⌈deployments/100⌉ + ⌈merged pull requests/100⌉ more requests. Repository scope only. See docs/metrics.md.",
            default: false,
        },
    },
};
/** The config's `changes:` with its defaults (validated by the schema before this runs). */
function resolveChanges(raw) {
    return {
        window: parseDuration(raw?.window ?? '24h'),
        environment: raw?.environment ?? 'production',
        hotfixLabels: (raw?.hotfix_labels ?? ['hotfix']).map((l) => l.toLowerCase()),
        frequency: raw?.frequency ?? 'auto',
        dora: raw?.dora ?? false,
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/oncall/config-schema.ts

const NAME = '^[a-z0-9][a-z0-9-]{0,39}$';
const config_schema_LOGIN = '^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$';
const CLOCK = '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
const TIME = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$';
/**
 * Who an escalation level or a service owner names: a person (`@alice`), a team (`@org/team` or
 * `team:org/team`), or a schedule (`schedule:<name>`, or `schedule:<name>/<layer>` for one layer),
 * resolved to the person on call at the moment the level fires.
 */
const TARGET_PATTERN = '^(schedule:[a-z0-9][a-z0-9-]{0,39}(/[A-Za-z0-9._-]+)?|team:[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+|@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?)$';
const targetList = (description, extra = {}) => ({
    type: 'array',
    maxItems: 20,
    items: { type: 'string', pattern: TARGET_PATTERN },
    description,
    ...extra,
});
const restriction = {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    description: "A weekly window in the schedule's time zone.",
    properties: {
        days: {
            type: 'array',
            minItems: 1,
            maxItems: 7,
            items: { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
            description: 'The days the window starts on.',
            default: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        },
        from: { type: 'string', pattern: CLOCK, description: 'Local start, `HH:MM`.' },
        to: {
            type: 'string',
            pattern: CLOCK,
            description: 'Local end, `HH:MM` (`24:00` for midnight); earlier than `from` runs past midnight (nights: `from: "18:00"`, `to: "09:00"`).',
        },
    },
};
const config_schema_layer = {
    type: 'object',
    additionalProperties: false,
    required: ['members', 'rotation', 'start'],
    description: 'One rotation of people.',
    properties: {
        name: { type: 'string', pattern: NAME, description: 'Shown in answers (`layer`); default `layer-<n>`.' },
        members: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: { type: 'string', pattern: config_schema_LOGIN },
            description: 'GitHub logins, in rotation order.',
        },
        rotation: {
            type: 'string',
            pattern: '^(daily|weekly|[1-9]\\d{0,3}[hdw])$',
            description: 'Shift length: `daily`, `weekly`, or every N hours, days or weeks (`12h`, `3d`, `2w`). Day and week shifts hand off at the same local time whatever the daylight-saving changes; hour shifts are exact elapsed hours.',
        },
        start: {
            type: 'string',
            pattern: TIME,
            description: "The first hand-off, local time in the schedule's zone (`2026-11-30 09:00`): the first member's first shift starts here, and its time of day is the hand-off time.",
        },
        restrictions: {
            type: 'array',
            maxItems: 50,
            items: restriction,
            description: 'When this layer is on duty (e.g. business hours); empty: around the clock.',
            default: [],
        },
    },
};
const override = {
    type: 'object',
    additionalProperties: false,
    required: ['who', 'from', 'to'],
    description: 'Someone covers the whole schedule from `from` (included) to `to` (excluded).',
    properties: {
        who: { type: 'string', pattern: config_schema_LOGIN, description: 'GitHub login.' },
        from: {
            type: 'string',
            pattern: TIME,
            description: "Local time in the schedule's zone, or an instant with an offset.",
        },
        to: {
            type: 'string',
            pattern: TIME,
            description: "Local time in the schedule's zone, or an instant with an offset.",
        },
        reason: { type: 'string', maxLength: 200, description: 'Shown with the override.' },
    },
};
const schedule = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'time_zone', 'layers'],
    description: 'An on-call schedule.',
    properties: {
        name: {
            type: 'string',
            pattern: NAME,
            description: 'Named in escalation levels and service owners as `schedule:<name>`.',
        },
        time_zone: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            description: 'IANA time zone of the hand-off times and restrictions, e.g. `Europe/Berlin`, `America/New_York`, `UTC`.',
        },
        layers: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: config_schema_layer,
            description: 'In priority order: at any instant the first layer with someone on duty decides who is on call; later layers fill the gaps (follow-the-sun, nights).',
        },
        overrides: {
            type: 'array',
            maxItems: 200,
            items: override,
            description: 'Planned cover, reviewed in pull requests; a later one wins over an earlier one. Ad-hoc cover: `/cover` on the on-call issue (docs/oncall.md).',
            default: [],
        },
        channel: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description: 'A chat channel shown with hand-off notices (docs/oncall.md).',
        },
    },
};
/** `oncall:` — schedules, and the issue that records `/cover` overrides. */
const ONCALL_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'On-call schedules (docs/oncall.md). Escalation levels and service owners name them as `schedule:<name>`.',
    properties: {
        label: {
            type: 'string',
            minLength: 1,
            maxLength: 50,
            description: 'Label of the on-call issue, opened by IncidentOps, whose comments `/cover @user until …` add overrides and whose body records them.',
            default: 'incidentops-oncall',
        },
        schedules: { type: 'array', maxItems: 50, items: schedule, description: 'The schedules.', default: [] },
        paging: PAGING_SCHEMA,
    },
};
/** `services:` — the catalog that alerts and form answers map to. */
const SERVICES_SCHEMA = {
    type: 'array',
    maxItems: 500,
    description: "The services catalog (docs/oncall.md). An incident belongs to the first service that the form's services answer or the alert's `service` names (by name or alias, ignoring case); it then takes that service's escalation, and its card links the runbook.",
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
            name: {
                type: 'string',
                pattern: NAME,
                description: "As in the form's services answer and an alert's `service` (lowercase).",
            },
            aliases: {
                type: 'array',
                maxItems: 20,
                items: { type: 'string', minLength: 1, maxLength: 100 },
                description: 'Other names alerts or people use for it.',
                default: [],
            },
            owners: targetList('Who owns it: `schedule:<name>`, `@org/team` (or `team:org/team`), `@person`. With no `escalation` here or at the top level, they are the one level of its escalation.', { default: [] }),
            runbook: {
                type: 'string',
                minLength: 1,
                maxLength: 300,
                description: 'A link (https://…) or a path in this repository (docs/runbooks/checkout.md); the card links it.',
            },
            paths: {
                type: 'array',
                maxItems: 50,
                items: { type: 'string', minLength: 1, maxLength: 200 },
                description: 'Code paths of the service (globs), shown in the card.',
                default: [],
            },
            channel: { type: 'string', minLength: 1, maxLength: 100, description: 'Its chat channel, shown in the card.' },
            display_name: {
                type: 'string',
                minLength: 1,
                maxLength: 100,
                description: 'Its name on the status page (default: `name`).',
            },
            group: {
                type: 'string',
                minLength: 1,
                maxLength: 100,
                description: 'The group it is shown in on the status page (services of one group are shown together).',
            },
            order: {
                type: 'integer',
                minimum: 0,
                maximum: 10000,
                description: 'Its place on the status page, lower first (default: catalog order).',
            },
            escalation: {
                type: 'array',
                maxItems: 10,
                description: "This service's escalation chain, used instead of the top-level `escalation` for its incidents.",
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['mention'],
                    properties: {
                        mention: targetList('Who is called at this level.', { minItems: 1 }),
                        after: {
                            type: 'string',
                            format: 'duration',
                            pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
                            description: "Time after the previous level (default: the priority's ack window).",
                        },
                    },
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./src/subscriptions/config.ts

const NO_SUBSCRIBERS = { webhooks: [], email: null };
/** Most webhooks and addresses: each is a request in the run that made the change (a mailing list address scales further). */
const SUBSCRIBER_LIMITS = Object.freeze({ webhooks: 20, addresses: 50 });
const components = {
    type: 'array',
    minItems: 1,
    maxItems: 100,
    items: { type: 'string', minLength: 1, maxLength: 100 },
    description: 'Only incidents that touch one of these components (service names from `services:`); absent: every published incident.',
};
/** `status.subscribers` in the configuration's JSON Schema. */
const SUBSCRIBERS_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: "Told of every public change of the status page (publication, `/status` update, resolution, postmortem): webhooks with Statuspage's payload, signed (HMAC-SHA256), and e-mail over SMTP (docs/status-page.md#subscriptions).",
    properties: {
        webhooks: {
            type: 'array',
            maxItems: SUBSCRIBER_LIMITS.webhooks,
            description: 'Endpoints that receive a signed POST per public change.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['url', 'secret_env'],
                properties: {
                    url: {
                        type: 'string',
                        pattern: '^https?://',
                        maxLength: 500,
                        description: 'The endpoint: https (plain http only to 127.0.0.1 or localhost). Redirects are not followed.',
                    },
                    secret_env: env('The secret the payload is signed with (`X-IncidentOps-Signature-256: sha256=<HMAC-SHA256 hex>`), shared with the receiver.'),
                    components,
                },
            },
        },
        email: {
            type: 'object',
            additionalProperties: false,
            required: ['smtp', 'to'],
            description: 'Plain-text e-mail (with an HTML part) per public change, one message per address.',
            properties: {
                smtp: SMTP_SCHEMA,
                to: {
                    type: 'array',
                    minItems: 1,
                    maxItems: SUBSCRIBER_LIMITS.addresses,
                    items: { type: 'string', pattern: '^[^\\s@<>,;"]+@[^\\s@<>,;"]+$', maxLength: 254 },
                    description: 'Addresses (a mailing list for many readers).',
                },
                components,
            },
        },
    },
};
const subscriptions_config_obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const config_arr = (v) => (Array.isArray(v) ? v : []);
/**
 * What the schema cannot say: URLs are https (or this machine), and a component filter names
 * services of the catalog by name (a misspelt one would silently never match). Takes the whole
 * raw config, already checked against the schema.
 */
function subscribersProblems(config) {
    const raw = subscriptions_config_obj(config) && subscriptions_config_obj(config.status) ? config.status.subscribers : undefined;
    if (!subscriptions_config_obj(raw))
        return [];
    const services = config_arr(subscriptions_config_obj(config) ? config.services : []).flatMap((s) => subscriptions_config_obj(s) && typeof s.name === 'string' ? [s.name] : []);
    const out = [];
    const base = ['status', 'subscribers'];
    const known = new Set(services.map((s) => s.toLowerCase()));
    const checkComponents = (list, path) => config_arr(list).forEach((c, i) => {
        if (typeof c === 'string' && !known.has(c.toLowerCase()))
            out.push({
                path: [...path, i],
                message: `is "${c}", which is not a service under \`services:\`${services.length ? ` (services: ${services.join(', ')})` : ' (there is none)'}`,
            });
    });
    config_arr(raw.webhooks).forEach((w, i) => {
        if (!subscriptions_config_obj(w))
            return;
        if (typeof w.url === 'string' && !isSafeUrl(w.url))
            out.push({
                path: [...base, 'webhooks', i, 'url'],
                message: `is "${w.url}": write an https:// URL (plain http is accepted only for 127.0.0.1 or localhost, since signed payloads travel to it)`,
            });
        checkComponents(w.components, [...base, 'webhooks', i, 'components']);
    });
    if (subscriptions_config_obj(raw.email))
        checkComponents(raw.email.components, [...base, 'email', 'components']);
    return out;
}
/** The typed section (after subscribersProblems found nothing). */
function resolveSubscribers(raw) {
    if (!raw)
        return NO_SUBSCRIBERS;
    const comps = (c) => (c ? c.map((x) => x.toLowerCase()) : null);
    const s = raw.email?.smtp;
    return {
        webhooks: (raw.webhooks ?? []).map((w) => ({
            url: w.url,
            secretEnv: w.secret_env,
            components: comps(w.components),
        })),
        email: raw.email && s
            ? {
                smtp: {
                    host: s.host,
                    port: s.port ?? 587,
                    secure: s.secure ?? false,
                    from: s.from,
                    userEnv: s.user_env ?? null,
                    passwordEnv: s.password_env ?? null,
                },
                to: [...new Set(raw.email.to)],
                components: comps(raw.email.components),
            }
            : null,
    };
}
/** True when somebody is subscribed (else nothing is planned, recorded or sent). */
function hasSubscribers(s) {
    return s.webhooks.length > 0 || (s.email?.to.length ?? 0) > 0;
}
/** The values of the environment variables the section names: the action masks them with core.setSecret. */
function subscriberSecrets(s, envVars) {
    const names = [...s.webhooks.map((w) => w.secretEnv), s.email?.smtp.userEnv, s.email?.smtp.passwordEnv];
    return [...new Set(names.flatMap((n) => (n && envVars[n] ? [envVars[n]] : [])))];
}

;// CONCATENATED MODULE: ./src/status/config.ts

const STATUS_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'The public status page (`mode: status`, docs/status-page.md). Only incidents a responder publishes (`/status publish <title>`) or that match `publish` appear on it, with only the updates written for customers (`/status <text>`).',
    properties: {
        name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description: "The page's title, e.g. `Acme status`.",
            default: 'Status',
        },
        url: {
            type: 'string',
            pattern: '^https://[^\\s<>"]+/$',
            maxLength: 300,
            description: 'Where the page is served, ending with `/` (e.g. `https://acme.github.io/shop/`): the feed and the JSON give absolute links. Unset: links are relative.',
        },
        publish: {
            type: 'object',
            additionalProperties: false,
            description: 'Publish incidents without a command: those whose priority is in `priorities` and whose source is in `sources` (`alert` matches every monitor, or name one: `alertmanager`, `grafana`, …; `form`, `manual`). Their public title is generic ("Major outage: Checkout") until `/status publish <title>` gives one. Unconfirmed and dismissed incidents never appear.',
            properties: {
                priorities: {
                    type: 'array',
                    items: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] },
                    description: 'Priorities published automatically.',
                    default: [],
                },
                sources: {
                    type: 'array',
                    maxItems: 20,
                    items: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' },
                    description: '`alert` (any monitor), a monitor name, `form` or `manual`.',
                    default: ['alert'],
                },
            },
        },
        uptime_days: {
            type: 'integer',
            minimum: 7,
            maximum: 90,
            description: 'Days of uptime bars per component.',
            default: 90,
        },
        subscribers: SUBSCRIBERS_SCHEMA,
        maintenance: {
            type: 'object',
            additionalProperties: false,
            description: 'Scheduled maintenance (docs/status-page.md): issues opened from the maintenance form (`.github/ISSUE_TEMPLATE/maintenance.yml`), shown as upcoming, in progress and completed.',
            properties: {
                label: {
                    type: 'string',
                    pattern: '^[^,]{1,50}$',
                    description: "The label that marks a maintenance issue (the form's `labels:` must set the same). Not the incident label.",
                    default: 'maintenance',
                },
                wake_before: {
                    type: 'integer',
                    minimum: 60,
                    maximum: 1440,
                    description: 'Minutes. Unset: while a maintenance is scheduled or in progress, the sweep never sleeps (with `sweep-workflow`), so its start and end are recorded on time, at 144 billed minutes a day. Set (e.g. `120`): the sweep sleeps until this long before the next start or end, and the status workflow wakes it then (its `sweep-needed` output; examples/workflows/incidentops-status.yml). Only with that workflow: without it, a start or end is recorded by the next run, late but with its own time.',
                },
            },
        },
    },
};
/** The typed section from the checked raw one (defaults filled in). */
function resolveStatus(raw) {
    return {
        name: raw?.name ?? 'Status',
        url: raw?.url ?? null,
        publish: { priorities: raw?.publish?.priorities ?? [], sources: raw?.publish?.sources ?? ['alert'] },
        uptimeDays: raw?.uptime_days ?? 90,
        subscribers: resolveSubscribers(raw?.subscribers),
        maintenance: {
            label: raw?.maintenance?.label ?? 'maintenance',
            wakeBeforeMs: raw?.maintenance?.wake_before ? raw.maintenance.wake_before * 60_000 : null,
        },
    };
}

;// CONCATENATED MODULE: ./src/config/schema.ts



const schema_duration = (description, def) => ({
    type: 'string',
    format: 'duration',
    pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
    description: `${description} A duration such as \`15m\`, \`1h30m\`, \`2d\`, \`1w\`.`,
    default: def,
});
const priorityEnum = { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] };
const priorityPolicy = (p, d) => ({
    type: 'object',
    additionalProperties: false,
    description: `Policy for ${p}.`,
    properties: {
        description: {
            type: 'string',
            maxLength: 200,
            description: 'What this priority means, shown in the card and the docs.',
            default: d.description,
        },
        ack: schema_duration('How soon a human must acknowledge (`/ack`) before escalation.', d.ack),
        update: schema_duration('How often a progress update (`/update`) is expected. The clock restarts at each `/update` and each stage change, so a reminder is never due at the moment the stage changes.', d.update),
        postmortem: {
            type: 'string',
            enum: ['required', 'optional', 'none'],
            description: 'Whether resolving the incident requires a postmortem.',
            default: d.postmortem,
        },
        crisis: {
            type: 'boolean',
            description: 'A crisis gets crisis management: the crisis mentions and the communication checklist.',
            default: d.crisis,
        },
    },
});
const scalar = { type: ['string', 'number', 'boolean'] };
const CONFIG_SCHEMA = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/incidentops/incidentops/schema/incidents.schema.json',
    title: 'IncidentOps configuration (.github/incidents.yml)',
    description: 'Every key is optional: a missing key takes its default, and with no file at all every default applies.',
    type: 'object',
    additionalProperties: false,
    properties: {
        labels: {
            type: 'object',
            additionalProperties: false,
            description: 'Label names. Priority, stage, service and source labels are `prefix/value`.',
            properties: {
                incident: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 50,
                    description: 'The label that marks an issue as an incident (the issue form applies it).',
                    default: 'incident',
                },
                services: {
                    type: 'boolean',
                    description: "Add a `service/<name>` label for each affected service. The `service/` labels follow the current answer of the form (a label of a service no longer named is removed), and at most 10 services per incident ever get one, so edits cannot multiply the repository's labels.",
                    default: true,
                },
                allowed_services: {
                    type: 'array',
                    maxItems: 200,
                    items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
                    description: 'When not empty, only these services (lowercase, as in `service/<name>`) get a label; others named in the form are shown in the card but not labelled. Recommended on public repositories, where anyone can open an incident.',
                    default: [],
                },
            },
        },
        priorities: {
            type: 'object',
            additionalProperties: false,
            description: 'Response policy per priority.',
            properties: {
                P1: priorityPolicy('P1', {
                    description: 'Crisis: full outage, data loss or security exposure',
                    ack: '15m',
                    update: '30m',
                    postmortem: 'required',
                    crisis: true,
                }),
                P2: priorityPolicy('P2', {
                    description: 'Major degradation affecting many users',
                    ack: '30m',
                    update: '1h',
                    postmortem: 'required',
                    crisis: false,
                }),
                P3: priorityPolicy('P3', {
                    description: 'Minor degradation affecting few users',
                    ack: '4h',
                    update: '4h',
                    postmortem: 'optional',
                    crisis: false,
                }),
                P4: priorityPolicy('P4', {
                    description: 'No customer impact',
                    ack: '1d',
                    update: '1d',
                    postmortem: 'none',
                    crisis: false,
                }),
            },
        },
        classification: {
            type: 'object',
            additionalProperties: false,
            description: 'How impact becomes a priority. Rules are tried in order and the first that matches wins; when none matches, `default` applies. A priority set by a human (label or `/priority`) always wins over the rules.',
            properties: {
                default: {
                    ...priorityEnum,
                    description: 'Priority when no rule matches (for example an incident written by hand without the form).',
                    default: 'P2',
                },
                score: {
                    type: 'array',
                    maxItems: 50,
                    description: 'Optional weighted impact score, available to rules as the field `score`: the sum over terms of `weight × value` (numbers) or `values[value]` (choices).',
                    items: { $ref: '#/$defs/scoreTerm' },
                },
                rules: {
                    type: 'array',
                    maxItems: 100,
                    description: 'Ordered rules; the defaults are listed in the docs.',
                    items: { $ref: '#/$defs/rule' },
                },
            },
        },
        crisis: {
            type: 'object',
            additionalProperties: false,
            description: 'Crisis management for priorities marked `crisis: true` (P1 by default).',
            properties: {
                mention: {
                    type: 'array',
                    maxItems: 20,
                    items: { type: 'string', pattern: '^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
                    description: 'Users or teams (`@org/team`) mentioned when a crisis is declared.',
                    default: [],
                },
                checklist: {
                    type: 'array',
                    maxItems: 30,
                    items: { type: 'string', minLength: 1, maxLength: 200 },
                    description: 'Stakeholder communication checklist shown in the card of a crisis.',
                    default: [
                        'Communication owner named',
                        'Status page updated',
                        'Customer support briefed',
                        'Leadership informed',
                        'Affected customers notified',
                    ],
                },
            },
        },
        stages: {
            type: 'object',
            additionalProperties: false,
            description: 'The stages, in their fixed order: names and board columns can be changed, the order cannot (the metrics are defined on it).',
            properties: {
                triage: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The triage stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'triage',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Triage',
                        },
                    },
                },
                investigating: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The investigating stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'investigating',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Investigating',
                        },
                    },
                },
                fixing: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The fixing stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'fixing',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Fixing',
                        },
                    },
                },
                monitoring: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The monitoring stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'monitoring',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Monitoring',
                        },
                    },
                },
                resolved: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The resolved stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'resolved',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Resolved',
                        },
                    },
                },
                postmortem: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The postmortem stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'postmortem',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Postmortem',
                        },
                    },
                },
                closed: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The closed stage.',
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
                            description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
                            default: 'closed',
                        },
                        column: {
                            type: 'string',
                            minLength: 1,
                            maxLength: 100,
                            description: 'Board column (Status option) for this stage.',
                            default: 'Closed',
                        },
                    },
                },
            },
        },
        project: {
            type: 'object',
            additionalProperties: false,
            required: ['number'],
            description: 'The Projects (v2) board that mirrors the stages. Needs the `project-token` input (a fine-grained PAT or GitHub App token with Projects read/write); without it the board is skipped with a warning.',
            properties: {
                owner: {
                    type: 'string',
                    pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$',
                    description: 'User or organisation that owns the project; default: the repository owner.',
                },
                number: { type: 'integer', minimum: 1, description: 'The project number (from its URL: /projects/<number>).' },
                status_field: {
                    type: 'string',
                    minLength: 1,
                    description: 'Single-select field whose options are the stage columns.',
                    default: 'Status',
                },
                priority_field: { type: 'string', minLength: 1, description: 'Optional single-select field set to P1..P4.' },
                started_field: { type: 'string', minLength: 1, description: 'Optional date field set to the start date.' },
                resolved_field: {
                    type: 'string',
                    minLength: 1,
                    description: 'Optional date field set to the resolution date.',
                },
                service_field: {
                    type: 'string',
                    minLength: 1,
                    description: 'Optional text field set to the affected services.',
                },
            },
        },
        alerts: {
            type: 'object',
            additionalProperties: false,
            description: 'Incidents opened and updated by monitoring through `repository_dispatch` (docs/monitoring.md).',
            properties: {
                event_types: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 10,
                    items: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,100}$' },
                    description: 'The `repository_dispatch` event types that carry alerts.',
                    default: ['alert', 'incident'],
                },
                resolved_stage: {
                    type: 'string',
                    enum: ['monitoring', 'resolved'],
                    description: 'Where a `resolved` alert moves its incident: Monitoring (verify first) or straight to Resolved.',
                    default: 'monitoring',
                },
                reopen_window: schema_duration('A firing alert within this time after its incident was resolved reopens it; later, it opens a new incident that links the earlier one.', '1h'),
                comment_interval: schema_duration('At most one "still firing" comment per incident per this interval, so a storm neither floods the thread nor hits the 80 content-creating requests a minute.', '30m'),
                coalesce: schema_duration('Repeats arriving within this time of the last recorded one are counted once (no write at all).', '1m'),
            },
        },
        report: {
            type: 'object',
            additionalProperties: false,
            description: 'The weekly reliability report (`mode: report`): one issue per window, the job summary and a JSON file. docs/metrics.md defines every figure.',
            properties: {
                window_days: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 366,
                    description: 'Length of the report window in days, ending at 00:00 UTC of the day the report runs; trends compare with the window before.',
                    default: 7,
                },
                history_weeks: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 104,
                    description: 'Weeks of history for the charts, the failure rate λ, MTBF and the risk figures.',
                    default: 12,
                },
                slo_target: {
                    type: 'number',
                    minimum: 0.5,
                    maximum: 1,
                    description: 'Availability target over the window as a fraction, e.g. 0.999 for 99.9%: adds the error budget. No target, no SLO figures.',
                    examples: [0.999],
                },
                cost_per_hour: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'Estimated cost of one hour of downtime per priority, in `currency`: adds the cost figures. Priorities left out cost nothing.',
                    properties: {
                        P1: { type: 'number', minimum: 0, description: 'Cost of one hour of P1 downtime.' },
                        P2: { type: 'number', minimum: 0, description: 'Cost of one hour of P2 downtime.' },
                        P3: { type: 'number', minimum: 0, description: 'Cost of one hour of P3 downtime.' },
                        P4: { type: 'number', minimum: 0, description: 'Cost of one hour of P4 downtime.' },
                    },
                },
                currency: {
                    type: 'string',
                    pattern: '^[A-Z]{3}$',
                    description: 'ISO 4217 code of the costs, e.g. USD, EUR.',
                    default: 'USD',
                },
                downtime_priorities: {
                    type: 'array',
                    items: priorityEnum,
                    maxItems: 4,
                    description: 'Priorities whose incidents count as downtime (availability, error budget, cost).',
                    default: ['P1', 'P2'],
                },
                label: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 50,
                    description: 'Label of the report issues (one issue per window, found again by a hidden marker).',
                    default: 'reliability-report',
                },
                json: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                    pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$',
                    description: 'The JSON file (docs/report.schema.json), relative to RUNNER_TEMP when set, else to the workspace; its path is the `report-json` output.',
                    default: 'incidentops-report.json',
                },
                scope: {
                    type: 'string',
                    enum: ['repository', 'organization'],
                    description: "`repository`: this repository's incidents. `organization`: every repository of the owner (at least one request per repository; see the README).",
                    default: 'repository',
                },
            },
        },
        escalation: {
            type: 'array',
            maxItems: 10,
            description: "The escalation chain for incidents nobody acknowledges. Level 1 is notified at the priority's ack deadline, each next level after its `after` (default: the ack window again). Empty: one level that mentions the assignees.",
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['mention'],
                properties: {
                    mention: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 20,
                        items: { type: 'string', pattern: TARGET_PATTERN },
                        description: 'Users or teams (`@org/team`) to mention at this level, or `schedule:<name>` for whoever is on call when the level fires (docs/oncall.md).',
                    },
                    after: {
                        ...schema_duration("Time after the previous level (default: the priority's ack window).", ''),
                        default: undefined,
                    },
                },
            },
            default: [],
        },
        response_team: {
            type: 'array',
            maxItems: 20,
            items: { type: 'string', pattern: '^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
            description: 'Mentioned in progress reminders when an incident has no commander and no assignee.',
            default: [],
        },
        sweep: {
            type: 'object',
            additionalProperties: false,
            description: 'The scheduled sweep over open incidents (reminders, escalation, auto-resolve).',
            properties: {
                budget: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 500,
                    description: 'Writes allowed per run; the rest is left, and said, for the next run.',
                    default: 50,
                },
                auto_resolve_alerts: {
                    type: 'string',
                    pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
                    description: 'Monitoring → Resolved after this quiet time without new firings, for incidents opened by monitoring (`off` to disable).',
                    default: '1h',
                },
                auto_resolve_people: {
                    type: 'string',
                    pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
                    description: 'The same for incidents opened by people (off by default: a person decides).',
                    default: 'off',
                },
                interval: {
                    type: 'string',
                    pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
                    description: "How often the sweep's schedule runs (its cron: `10m` for the example's `*/10 * * * *`). When set, every sweep run records its time (in the description of the `incidentops/sweep-on` label: one label edit per run), and an intake, alert or heartbeat run that finds the sweep silent for more than 3 × this says so in the incident's card and the job summary: GitHub disables schedules after 60 days without activity and drops runs under load. Never said while the sweep sleeps on purpose (no incident open, `sweep-workflow`). `off`: not watched.",
                    default: 'off',
                },
            },
        },
        heartbeats: {
            type: 'array',
            maxItems: 50,
            description: "Dead man's switches (docs/monitoring.md, Heartbeats): a cron job or monitor pings `heartbeat <name>` every `period`; when no ping came for `period` + `grace`, the sweep opens an incident keyed `heartbeat:<name>`, and the next ping resolves it as a `resolved` alert would. While any heartbeat is configured the sweep never sleeps: only a scheduled run can notice a ping that did not come.",
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'period'],
                properties: {
                    name: {
                        type: 'string',
                        pattern: '^[a-z0-9][a-z0-9._-]{0,62}$',
                        description: "The name pings use (`client_payload.name`, or the relay's `/heartbeat/<name>`): lowercase letters, digits, `.`, `_` and `-`.",
                    },
                    period: { ...schema_duration('How often a ping is expected.', ''), default: undefined },
                    grace: schema_duration('How late a ping may be before the heartbeat counts as stopped.', '5m'),
                    priority: {
                        ...priorityEnum,
                        description: "The incident's severity `p1`…`p4`: the default rules make it that priority (your own rules see it as the alert field `severity`, with `source` `heartbeat` and `labels.heartbeat` the name).",
                        default: 'P2',
                    },
                    service: {
                        type: 'string',
                        pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
                        description: 'The service the incident is about.',
                    },
                },
            },
            default: [],
        },
        postmortem: {
            type: 'object',
            additionalProperties: false,
            description: 'Postmortems (docs/postmortems.md): written for priorities that require one when the incident is resolved, or on `/postmortem`.',
            properties: {
                as: {
                    type: 'string',
                    enum: ['issue', 'comment', 'pull_request'],
                    description: 'Where the postmortem is written: `issue`, a linked issue (done when it is closed); `comment`, a comment on the incident (done on `/postmortem done`), for teams that want it all in one thread; `pull_request`, a markdown file in `directory` proposed in a pull request (done when it is merged; needs `contents: write` and `pull-requests: write`, and the repository setting that allows Actions to create pull requests).',
                    default: 'issue',
                },
                directory: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                    pattern: '^(?!/)(?!.*\\.\\.)[A-Za-z0-9._/-]+$',
                    description: 'With `as: pull_request`: the folder of the postmortem files (`<directory>/<start date>-incident-<number>.md`).',
                    default: 'docs/postmortems',
                },
                template: {
                    type: 'string',
                    minLength: 1,
                    pattern: '^[^/].*\\.md$',
                    description: 'A markdown template in the repository with `{{placeholders}}`; default: the built-in templates/postmortem.md.',
                },
                label: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 50,
                    description: 'Label of postmortem issues.',
                    default: 'postmortem',
                },
                followup_label: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 50,
                    description: 'Label of follow-up issues opened with `/followup`.',
                    default: 'incident-followup',
                },
                chase_after: schema_duration('A required postmortem still open this long after resolution gets a reminder to its owner (then again each such period).', '3d'),
            },
        },
        notify: {
            type: 'object',
            additionalProperties: false,
            description: 'Chat notifications, sent to the webhooks given by the `notify-*` inputs (docs/notifications.md). A failing webhook is a warning, never a failed run.',
            properties: {
                events: {
                    type: 'array',
                    items: { type: 'string', enum: ['declared', 'priority', 'escalation', 'resolved'] },
                    description: 'Which events are sent.',
                    default: ['declared', 'priority', 'escalation', 'resolved'],
                },
                priorities: {
                    type: 'array',
                    items: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] },
                    description: 'For which priorities.',
                    default: ['P1', 'P2', 'P3', 'P4'],
                },
            },
        },
        form: {
            type: 'object',
            additionalProperties: false,
            description: "Maps the issue form to incident fields, for teams that changed the form's labels.",
            properties: {
                headings: {
                    type: 'object',
                    description: 'Field id → the heading (label) your form uses for it, e.g. `impact: "Customer impact"`.',
                    additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
                    default: {},
                },
            },
        },
        oncall: ONCALL_SCHEMA,
        services: SERVICES_SCHEMA,
        changes: CHANGES_SCHEMA,
        status: STATUS_SCHEMA,
        intake: {
            type: 'object',
            additionalProperties: false,
            description: 'Who may start the response. See docs/security.md.',
            properties: {
                hold_unconfirmed: {
                    type: 'boolean',
                    description: 'Hold incidents declared by people below the triage role as unconfirmed: no crisis mention, no escalation, no chat notification, until a responder comments `/confirm` (or `/ack`). Off by default: reporters are usually colleagues with read access, and holding their P1 would delay the page. Turn it on when outsiders can open incidents (a public repository with the issue form).',
                    default: false,
                },
            },
        },
    },
    $defs: {
        scoreTerm: {
            type: 'object',
            additionalProperties: false,
            required: ['field'],
            properties: {
                field: {
                    type: 'string',
                    minLength: 1,
                    description: 'Incident field (`impact`, `users_affected`, `data_loss`, `security`, `services`, `detection`, or `labels.<name>` for alerts).',
                },
                weight: { type: 'number', description: 'Multiplies a numeric field (true counts as 1).' },
                values: {
                    type: 'object',
                    additionalProperties: { type: 'number' },
                    description: 'Points per value of a choice field (matched case-insensitively).',
                },
            },
        },
        rule: {
            type: 'object',
            additionalProperties: false,
            required: ['priority', 'when'],
            properties: {
                name: { type: 'string', maxLength: 100, description: 'Shown in the card as the reason for the priority.' },
                priority: priorityEnum,
                when: { $ref: '#/$defs/condition' },
            },
        },
        condition: {
            description: 'A test on one field, or `all` / `any` / `not` of conditions.',
            oneOf: [
                {
                    type: 'object',
                    additionalProperties: false,
                    required: ['field'],
                    properties: {
                        field: {
                            type: 'string',
                            minLength: 1,
                            description: 'The field tested: `impact`, `users_affected`, `data_loss`, `security`, `services`, `detection`, `summary`, `score`, and for alerts `severity`, `service`, `source`, `labels.<name>`. Any other name is refused at its line and column, with the closest known name.',
                        },
                        equals: {
                            ...scalar,
                            description: 'Equal, ignoring case, spaces and punctuation (`Full outage` = `full-outage`); for a list field, any element.',
                        },
                        one_of: { type: 'array', items: scalar, minItems: 1, description: 'Equal to one of these.' },
                        at_least: { type: 'number', description: 'A number ≥ this.' },
                        at_most: { type: 'number', description: 'A number ≤ this.' },
                        above: { type: 'number', description: 'A number > this.' },
                        below: { type: 'number', description: 'A number < this.' },
                        matches: {
                            type: 'string',
                            format: 'regex',
                            maxLength: 200,
                            description: 'A regular expression (case-insensitive, RE2 syntax: matched in time linear in the text, so no pattern can hang a run; backreferences and lookarounds are refused).',
                        },
                        present: { type: 'boolean', description: 'true: the field has a value; false: it is missing.' },
                    },
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: ['all'],
                    properties: {
                        all: {
                            type: 'array',
                            minItems: 1,
                            items: { $ref: '#/$defs/condition' },
                            description: 'Every condition holds.',
                        },
                    },
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: ['any'],
                    properties: {
                        any: {
                            type: 'array',
                            minItems: 1,
                            items: { $ref: '#/$defs/condition' },
                            description: 'At least one holds.',
                        },
                    },
                },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: ['not'],
                    properties: { not: { $ref: '#/$defs/condition', description: 'The condition does not hold.' } },
                },
            ],
        },
    },
};

;// CONCATENATED MODULE: ./src/config/validate.ts


const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
function resolveRef(root, s) {
    if (!s.$ref)
        return s;
    const name = s.$ref.replace('#/$defs/', '');
    const target = root.$defs?.[name];
    if (!target)
        throw new Error(`schema: unknown $ref ${s.$ref}`);
    return target;
}
/** The closest allowed key, to suggest a fix for a typo. */
function closest(word, candidates) {
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 3)
        return 99;
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}
/**
 * Validates a plain value against the schema subset described in schema.ts.
 * Returns every problem found, each with the path of the offending value.
 */
function validateAgainstSchema(root, value) {
    const problems = [];
    walk(root, root, value, [], problems);
    return problems;
}
function walk(root, schemaIn, value, path, out) {
    const s = resolveRef(root, schemaIn);
    if (s.oneOf) {
        walkOneOf(root, s, value, path, out);
        return;
    }
    const t = typeOf(value);
    if (s.type) {
        const allowed = Array.isArray(s.type) ? s.type : [s.type];
        const ok = allowed.some((a) => a === t ||
            ((a === 'number' || a === 'integer') && t === 'number' && (a === 'number' || Number.isInteger(value))));
        if (!ok) {
            out.push({
                path,
                message: `must be ${allowed.map(article).join(' or ')}, not ${article(t)}${t === 'string' || t === 'number' ? ` (${JSON.stringify(value)})` : ''}`,
            });
            return;
        }
    }
    if (s.enum && !s.enum.includes(value)) {
        out.push({
            path,
            message: `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`,
        });
        return;
    }
    if (t === 'string') {
        const str = value;
        if (s.minLength !== undefined && str.length < s.minLength)
            out.push({
                path,
                message: s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`,
            });
        if (s.maxLength !== undefined && str.length > s.maxLength)
            out.push({ path, message: `must be at most ${s.maxLength} characters (it has ${str.length})` });
        if (s.format === 'duration') {
            if (parseDuration(str) === null)
                out.push({ path, message: `is not a duration: ${JSON.stringify(str)}; write it like 15m, 1h30m, 2d or 1w` });
        }
        else if (s.format === 'regex') {
            const p = regexProblem(str);
            if (p)
                out.push({ path, message: p });
        }
        else if (s.pattern && !new RegExp(s.pattern, 'u').test(str)) {
            out.push({ path, message: `has an unexpected form: ${JSON.stringify(str)}` });
        }
    }
    if (t === 'number') {
        const n = value;
        if (s.minimum !== undefined && n < s.minimum)
            out.push({ path, message: `must be at least ${s.minimum}` });
        if (s.maximum !== undefined && n > s.maximum)
            out.push({ path, message: `must be at most ${s.maximum}` });
    }
    if (t === 'array') {
        const arr = value;
        if (s.minItems !== undefined && arr.length < s.minItems)
            out.push({ path, message: `must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}` });
        if (s.maxItems !== undefined && arr.length > s.maxItems)
            out.push({ path, message: `must have at most ${s.maxItems} items (it has ${arr.length})` });
        if (s.items)
            arr.forEach((item, i) => walk(root, s.items, item, [...path, i], out));
    }
    if (t === 'object') {
        const obj = value;
        const props = s.properties ?? {};
        for (const req of s.required ?? []) {
            if (!(req in obj))
                out.push({ path, message: `is missing the required key \`${req}\`` });
        }
        for (const [k, v] of Object.entries(obj)) {
            if (props[k])
                walk(root, props[k], v, [...path, k], out);
            else if (s.additionalProperties === false) {
                const names = Object.keys(props);
                const hint = closest(k, names);
                out.push({
                    path: [...path, k],
                    atKey: true,
                    message: `unknown key \`${k}\`${hint ? `; did you mean \`${hint}\`?` : ''} (allowed here: ${names.join(', ')})`,
                });
            }
            else if (typeof s.additionalProperties === 'object')
                walk(root, s.additionalProperties, v, [...path, k], out);
        }
    }
}
function walkOneOf(root, s, value, path, out) {
    const branches = s.oneOf.map((b) => resolveRef(root, b));
    if (typeOf(value) !== 'object') {
        out.push({
            path,
            message: `must be a mapping with one of the keys ${branches.map((b) => `\`${b.required?.[0]}\``).join(', ')}`,
        });
        return;
    }
    const obj = value;
    const matching = branches.filter((b) => (b.required ?? []).every((k) => k in obj));
    if (matching.length === 1) {
        walk(root, matching[0], value, path, out);
        return;
    }
    const keys = branches.map((b) => `\`${b.required?.[0]}\``).join(', ');
    out.push({
        path,
        message: matching.length === 0 ? `needs one of the keys ${keys}` : `must use only one of the keys ${keys}`,
    });
}
function article(t) {
    if (t === 'object')
        return 'a mapping';
    if (t === 'array')
        return 'a list';
    if (t === 'null')
        return 'empty';
    if (t === 'integer')
        return 'a whole number';
    return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

;// CONCATENATED MODULE: ./src/config/defaults.ts
/**
 * The default classification, from PRODUCT.md's table: P1 is a crisis (full outage, data loss,
 * security exposure), P2 a major degradation or a majority of users affected, P3 a minor
 * degradation, P4 no customer impact. Fields are those of the incident form (see docs/fields).
 */
const DEFAULT_RULES = [
    {
        name: 'data loss or security exposure',
        priority: 'P1',
        when: {
            any: [
                { field: 'data_loss', equals: true },
                { field: 'security', equals: true },
            ],
        },
    },
    { name: 'full outage', priority: 'P1', when: { field: 'impact', equals: 'full-outage' } },
    { name: 'major degradation', priority: 'P2', when: { field: 'impact', equals: 'major-degradation' } },
    { name: 'half or more of users affected', priority: 'P2', when: { field: 'users_affected', at_least: 50 } },
    { name: 'minor degradation', priority: 'P3', when: { field: 'impact', equals: 'minor-degradation' } },
    { name: 'no customer impact', priority: 'P4', when: { field: 'impact', equals: 'no-customer-impact' } },
    // Alerts carry a severity instead of an impact (their labels are fields too: `labels.<name>`).
    {
        name: 'critical alert',
        priority: 'P1',
        when: { field: 'severity', one_of: ['critical', 'emergency', 'page', 'p1', 'sev1', 'fatal'] },
    },
    {
        name: 'high-severity alert',
        priority: 'P2',
        when: { field: 'severity', one_of: ['high', 'error', 'major', 'p2', 'sev2'] },
    },
    {
        name: 'warning alert',
        priority: 'P3',
        when: { field: 'severity', one_of: ['warning', 'warn', 'minor', 'medium', 'p3', 'sev3'] },
    },
    {
        name: 'informational alert',
        priority: 'P4',
        when: { field: 'severity', one_of: ['info', 'low', 'p4', 'sev4', 'none'] },
    },
];

;// CONCATENATED MODULE: ./src/config/load.ts












/** Config files larger than this are refused: a config is a few KB, a huge one is a mistake or an attack. */
const MAX_CONFIG_BYTES = 256 * 1024;
const TESTS = ['equals', 'one_of', 'at_least', 'at_most', 'above', 'below', 'matches', 'present'];
/**
 * Parses and validates a configuration file. `text` null means there is no file: the defaults apply.
 * Throws ConfigError listing every problem with file:line:column and what to change.
 */
function loadConfig(text, file) {
    if (text === null)
        return resolveConfig({}, 'defaults');
    if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
        throw configError(file, [
            {
                file,
                line: 1,
                column: 1,
                message: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KB; a configuration is a few KB`,
            },
        ]);
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    const problems = [];
    for (const e of doc.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        problems.push({ file, line: pos.line, column: pos.col, message: `invalid YAML: ${firstLine(e.message)}` });
    }
    if (problems.length)
        throw configError(file, problems);
    let value;
    try {
        // A small alias budget defuses "billion laughs" alias bombs.
        value = doc.toJS({ maxAliasCount: 50 });
    }
    catch (error) {
        throw configError(file, [
            { file, line: 1, column: 1, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` },
        ]);
    }
    if (value === null || value === undefined)
        return resolveConfig({}, file);
    const found = validateAgainstSchema(CONFIG_SCHEMA, value);
    const semantic = [
        ...semanticProblems(value),
        ...(found.length ? [] : oncallProblems(value)),
        ...(found.length ? [] : subscribersProblems(value)),
    ];
    const place = (p) => {
        const pos = positionOf(doc, lineCounter, p.path, p.atKey ?? false);
        return {
            file,
            line: pos.line,
            column: pos.col,
            message: p.atKey ? p.message : `${describePath(p.path)} ${p.message}`,
        };
    };
    problems.push(...[...found, ...semantic].map(place));
    if (problems.length)
        throw configError(file, problems);
    const config = resolveConfig(value, file);
    // Coverage needs the resolved schedules: gaps are warnings, a chain that can call nobody an error.
    const coverage = coverageProblems(config);
    if (coverage.errors.length)
        throw configError(file, coverage.errors.map(place));
    config.warnings = coverage.warnings.map(place);
    return config;
}
/**
 * The fields a rule or score term can test: the form's (src/intake/facts.ts `fieldsOf`), the score,
 * and an alert's (src/domain/alert-facts.ts `alertFields`, plus `labels.<name>`). Any other name
 * would never match, silently: it is refused with the closest known name.
 */
const RULE_FIELDS = [
    'impact',
    'users_affected',
    'data_loss',
    'security',
    'services',
    'detection',
    'summary',
    'score',
    'severity',
    'service',
    'source',
];
function fieldProblem(field, path, allowed) {
    if (typeof field !== 'string' || allowed.includes(field) || /^labels\.[^.\s]+$/.test(field))
        return null;
    const hint = closest(field, [...allowed]);
    return {
        path,
        message: `is \`${field}\`, which is not a field${hint ? `; did you mean \`${hint}\`?` : ''} (fields: ${allowed.join(', ')}, or \`labels.<name>\` for an alert's labels)`,
    };
}
function semanticProblems(raw) {
    const out = [];
    const visit = (c, path) => {
        if (!c || typeof c !== 'object')
            return;
        if ('field' in c) {
            const bad = fieldProblem(c.field, [...path, 'field'], RULE_FIELDS);
            if (bad)
                out.push(bad);
            const tests = TESTS.filter((t) => t in c);
            if (tests.length === 0)
                out.push({ path, message: `tests nothing: add one of ${TESTS.join(', ')}` });
            if (tests.length > 1)
                out.push({ path, message: `has several tests (${tests.join(', ')}); use \`all\` to combine them` });
        }
        else if ('all' in c && Array.isArray(c.all))
            c.all.forEach((x, i) => visit(x, [...path, 'all', i]));
        else if ('any' in c && Array.isArray(c.any))
            c.any.forEach((x, i) => visit(x, [...path, 'any', i]));
        else if ('not' in c)
            visit(c.not, [...path, 'not']);
    };
    const names = new Map();
    for (const st of STAGES) {
        const n = raw?.stages?.[st]?.name ?? st;
        if (names.has(n))
            out.push({
                path: ['stages', st, 'name'],
                message: `repeats the name "${n}" of stage ${names.get(n)}; stage names must differ`,
            });
        names.set(n, st);
    }
    const beats = raw?.heartbeats;
    if (Array.isArray(beats)) {
        const seen = new Map();
        beats.forEach((h, i) => {
            const n = h?.name;
            if (typeof n !== 'string')
                return;
            if (seen.has(n))
                out.push({
                    path: ['heartbeats', i, 'name'],
                    message: `repeats the name "${n}" of heartbeats[${seen.get(n)}]; heartbeat names must differ`,
                });
            else
                seen.set(n, i);
        });
    }
    const rules = raw?.classification?.rules;
    if (Array.isArray(rules))
        rules.forEach((r, i) => visit(r?.when, ['classification', 'rules', i, 'when']));
    const terms = raw?.classification?.score;
    if (Array.isArray(terms)) {
        terms.forEach((t, i) => {
            // A score term cannot use the score it adds up to.
            const bad = fieldProblem(t?.field, ['classification', 'score', i, 'field'], RULE_FIELDS.filter((f) => f !== 'score'));
            if (bad)
                out.push(bad);
        });
    }
    return out;
}
/** Merges a validated raw config over the defaults. */
function resolveConfig(raw, source) {
    const props = CONFIG_SCHEMA.properties;
    const pDefaults = props.priorities.properties;
    const priorities = {};
    for (const p of PRIORITIES) {
        const d = pDefaults[p].properties;
        const r = raw.priorities?.[p] ?? {};
        const pick = (k) => (r[k] ?? d[k].default);
        priorities[p] = {
            description: pick('description'),
            ack: parseDuration(pick('ack')),
            update: parseDuration(pick('update')),
            postmortem: pick('postmortem'),
            crisis: pick('crisis'),
        };
    }
    const crisisDefaults = props.crisis.properties;
    return {
        source,
        labels: {
            incident: raw.labels?.incident ?? 'incident',
            services: raw.labels?.services ?? true,
            allowedServices: raw.labels?.allowed_services ?? [],
        },
        intake: { holdUnconfirmed: raw.intake?.hold_unconfirmed ?? false },
        priorities,
        classification: {
            default: raw.classification?.default ?? 'P2',
            score: raw.classification?.score ?? [],
            rules: raw.classification?.rules ?? DEFAULT_RULES,
        },
        crisis: {
            mention: (raw.crisis?.mention ?? crisisDefaults.mention.default).map((m) => m.startsWith('@') ? m : `@${m}`),
            checklist: raw.crisis?.checklist ?? crisisDefaults.checklist.default,
        },
        form: { headings: raw.form?.headings ?? {} },
        report: {
            windowDays: raw.report?.window_days ?? 7,
            historyWeeks: raw.report?.history_weeks ?? 12,
            sloTarget: raw.report?.slo_target ?? null,
            costPerHour: raw.report?.cost_per_hour ?? null,
            currency: raw.report?.currency ?? 'USD',
            downtimePriorities: raw.report?.downtime_priorities ?? ['P1', 'P2'],
            label: raw.report?.label ?? 'reliability-report',
            json: raw.report?.json ?? 'incidentops-report.json',
            scope: raw.report?.scope ?? 'repository',
        },
        stages: Object.fromEntries(STAGES.map((st) => {
            const d = props.stages.properties[st].properties;
            return [
                st,
                {
                    name: raw.stages?.[st]?.name ?? d.name.default,
                    column: raw.stages?.[st]?.column ?? d.column.default,
                },
            ];
        })),
        notify: {
            events: raw.notify?.events ?? ['declared', 'priority', 'escalation', 'resolved'],
            priorities: raw.notify?.priorities ?? [...PRIORITIES],
        },
        postmortem: {
            as: raw.postmortem?.as ?? 'issue',
            directory: (raw.postmortem?.directory ?? 'docs/postmortems').replace(/\/+$/, ''),
            template: raw.postmortem?.template ?? null,
            label: raw.postmortem?.label ?? 'postmortem',
            followupLabel: raw.postmortem?.followup_label ?? 'incident-followup',
            chaseAfter: parseDuration(raw.postmortem?.chase_after ?? '3d'),
        },
        escalation: (raw.escalation ?? []).map((l) => ({
            mention: l.mention.map(target),
            after: l.after ? parseDuration(l.after) : null,
        })),
        ...resolveOncall(raw),
        status: resolveStatus(raw.status),
        warnings: [],
        responseTeam: (raw.response_team ?? []).map(at),
        sweep: {
            budget: raw.sweep?.budget ?? 50,
            autoResolveAlerts: offOr(raw.sweep?.auto_resolve_alerts ?? '1h'),
            autoResolvePeople: offOr(raw.sweep?.auto_resolve_people ?? 'off'),
            interval: offOr(raw.sweep?.interval ?? 'off'),
        },
        heartbeats: (raw.heartbeats ?? []).map((h) => ({
            name: h.name,
            period: parseDuration(h.period),
            grace: parseDuration(h.grace ?? '5m'),
            priority: h.priority ?? 'P2',
            service: h.service ?? null,
        })),
        changes: resolveChanges(raw.changes),
        alerts: {
            eventTypes: raw.alerts?.event_types ?? ['alert', 'incident'],
            resolvedStage: raw.alerts?.resolved_stage ?? 'monitoring',
            reopenWindow: parseDuration(raw.alerts?.reopen_window ?? '1h'),
            commentInterval: parseDuration(raw.alerts?.comment_interval ?? '30m'),
            coalesce: parseDuration(raw.alerts?.coalesce ?? '1m'),
        },
        project: raw.project
            ? {
                owner: raw.project.owner ?? null,
                number: raw.project.number,
                statusField: raw.project.status_field ?? 'Status',
                priorityField: raw.project.priority_field ?? null,
                startedField: raw.project.started_field ?? null,
                resolvedField: raw.project.resolved_field ?? null,
                serviceField: raw.project.service_field ?? null,
            }
            : null,
    };
}
const at = (m) => (m.startsWith('@') ? m : `@${m}`);
const offOr = (v) => (v === 'off' ? null : parseDuration(v));
function configError(file, problems) {
    const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    return new errors/* ConfigError */.xL(`Invalid configuration in ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, problems);
}
function positionOf(doc, lc, path, atKey) {
    let node = doc.contents;
    let lastGood = doc.contents ?? null;
    for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((it) => (0,dist/* isPair */.tO)(it) && (0,dist/* isScalar */.jn)(it.key) && String(it.key.value) === String(seg));
            if (!pair)
                break;
            if (atKey && i === path.length - 1 && (0,dist/* isScalar */.jn)(pair.key)) {
                lastGood = pair.key;
                break;
            }
            node = pair.value;
        }
        else if (node &&
            typeof node === 'object' &&
            'items' in node &&
            Array.isArray(node.items)) {
            node = node.items[Number(seg)];
        }
        else
            break;
        if (node && typeof node === 'object' && 'range' in node)
            lastGood = node;
    }
    const offset = lastGood?.range?.[0] ?? 0;
    return lc.linePos(offset);
}
function describePath(path) {
    if (path.length === 0)
        return 'the file';
    return '`' + path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') + '`';
}
function firstLine(s) {
    return s.split('\n')[0] ?? s;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
;// CONCATENATED MODULE: ./src/github/changes.ts
/** Merged pull requests, deployments and releases read for an incident's suspects: the newest of each. */
const RECENT = { pulls: 50, deployments: 50, releases: 20 };
const PULL_FIELDS = /* GraphQL */ `
  number
  title
  body
  mergedAt
  updatedAt
  baseRefName
  author {
    login
  }
  mergeCommit {
    oid
  }
  labels(first: 20) {
    nodes {
      name
    }
  }
  files(first: 100) {
    totalCount
    nodes {
      path
    }
  }
  commits(first: 1) {
    nodes {
      commit {
        authoredDate
        committedDate
      }
    }
  }
`;
const DEPLOYMENT_FIELDS = /* GraphQL */ `
  databaseId
  commitOid
  environment
  createdAt
  statuses(first: 20) {
    nodes {
      state
      createdAt
    }
  }
`;
const RELEASE_FIELDS = /* GraphQL */ `
  tagName
  name
  createdAt
  publishedAt
  isDraft
  tagCommit {
    oid
  }
`;
/**
 * The repository fields that carry the recent changes, each included only when `$withChanges`: the
 * same selection serves the incident's own query (IncidentContext, no extra request) and RecentChanges.
 */
const CHANGES_SELECTION = /* GraphQL */ `
      changesDefaultBranch: defaultBranchRef @include(if: $withChanges) {
        name
      }
      codeownersGithub: object(expression: "HEAD:.github/CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      codeownersRoot: object(expression: "HEAD:CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      codeownersDocs: object(expression: "HEAD:docs/CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      mergedPulls: pullRequests(states: [MERGED], first: ${RECENT.pulls}, orderBy: { field: UPDATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${PULL_FIELDS}
        }
      }
      recentDeployments: deployments(first: ${RECENT.deployments}, orderBy: { field: CREATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${DEPLOYMENT_FIELDS}
        }
      }
      recentReleases: releases(first: ${RECENT.releases}, orderBy: { field: CREATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${RELEASE_FIELDS}
        }
      }
`;
const RECENT_CHANGES = /* GraphQL */ `
  query RecentChanges($owner: String!, $name: String!, $withChanges: Boolean!) {
    repository(owner: $owner, name: $name) {
      ${CHANGES_SELECTION}
    }
  }
`;
const DEPLOYMENT_PAGE = /* GraphQL */ `
  query DeploymentHistory($owner: String!, $name: String!, $after: String, $withReleases: Boolean!) {
    repository(owner: $owner, name: $name) {
      defaultBranchRef {
        name
      }
      deployments(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ${DEPLOYMENT_FIELDS}
        }
      }
      releases(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withReleases) {
        nodes {
          ${RELEASE_FIELDS}
        }
      }
    }
  }
`;
const PULL_PAGE = /* GraphQL */ `
  query MergedPullHistory($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ${PULL_FIELDS}
        }
      }
    }
  }
`;
const earlier = (a, b) => (Date.parse(a) <= Date.parse(b) ? a : b);
function toPull(p) {
    if (!p.mergedAt)
        return null;
    const c = p.commits.nodes[0]?.commit;
    return {
        number: p.number,
        title: p.title,
        body: (p.body ?? '').slice(0, 4000),
        author: p.author?.login ?? null,
        mergedAt: p.mergedAt,
        mergeSha: p.mergeCommit?.oid ?? null,
        labels: p.labels.nodes.map((l) => l.name),
        files: p.files?.nodes.map((f) => f.path) ?? [],
        filesTotal: p.files?.totalCount ?? 0,
        // A rebased commit keeps its author date: the earlier of the two is when the work started.
        firstCommitAt: c ? earlier(c.authoredDate, c.committedDate) : null,
    };
}
function toDeployment(d) {
    if (d.databaseId === null)
        return null;
    return {
        id: d.databaseId,
        sha: d.commitOid,
        environment: d.environment ?? '',
        createdAt: d.createdAt,
        statuses: (d.statuses?.nodes ?? []).map((s) => ({ state: s.state.toLowerCase(), at: s.createdAt })),
    };
}
function toRelease(r) {
    if (r.isDraft)
        return null;
    return { tag: r.tagName, name: r.name, sha: r.tagCommit?.oid ?? null, at: r.publishedAt ?? r.createdAt };
}
const defined = (x) => x !== null;
/** The change set in a repository answer that included CHANGES_SELECTION; undefined when it was not included. */
function changeSetOf(r) {
    if (!r?.mergedPulls)
        return undefined;
    const defaultBranch = r.changesDefaultBranch?.name ?? 'main';
    return {
        defaultBranch,
        pulls: r.mergedPulls.nodes
            .filter((p) => p.baseRefName === defaultBranch)
            .map(toPull)
            .filter(defined),
        deployments: (r.recentDeployments?.nodes ?? []).map(toDeployment).filter(defined),
        releases: (r.recentReleases?.nodes ?? []).map(toRelease).filter(defined),
        // GitHub looks in .github/, then the root, then docs/ and uses the first it finds.
        codeowners: r.codeownersGithub?.text ?? r.codeownersRoot?.text ?? r.codeownersDocs?.text ?? null,
    };
}
/** One GraphQL query: the newest merged pull requests (to the default branch), deployments, releases and CODEOWNERS. */
async function readRecentChanges(run, repo) {
    const res = await run('query RecentChanges', RECENT_CHANGES, {
        owner: repo.owner,
        name: repo.repo,
        withChanges: true,
    });
    return (changeSetOf(res.repository) ?? { defaultBranch: 'main', pulls: [], deployments: [], releases: [], codeowners: null });
}
/**
 * The changes since `since`, for the report: deployments (newest first, 100 a page, with the
 * releases on the first page) and merged pull requests (by last update, 100 a page), each paged
 * until the page reaches before `since`.
 */
async function readChangeHistory(run, repo, since) {
    const from = Date.parse(since);
    const vars = { owner: repo.owner, name: repo.repo };
    const deployments = [];
    let releases = [];
    let defaultBranch = 'main';
    let after = null;
    for (let first = true;; first = false) {
        const res = await run('query DeploymentHistory', DEPLOYMENT_PAGE, { ...vars, after, withReleases: first });
        const r = res.repository;
        if (!r)
            break;
        defaultBranch = r.defaultBranchRef?.name ?? defaultBranch;
        if (r.releases)
            releases = r.releases.nodes.map(toRelease).filter(defined);
        deployments.push(...r.deployments.nodes.map(toDeployment).filter(defined));
        const last = r.deployments.nodes[r.deployments.nodes.length - 1];
        if (!r.deployments.pageInfo.hasNextPage || !last || Date.parse(last.createdAt) < from)
            break;
        after = r.deployments.pageInfo.endCursor;
    }
    const pulls = [];
    after = null;
    for (;;) {
        const res = await run('query MergedPullHistory', PULL_PAGE, { ...vars, after });
        const r = res.repository;
        if (!r)
            break;
        pulls.push(...r.pullRequests.nodes
            .filter((p) => p.baseRefName === defaultBranch)
            .map(toPull)
            .filter(defined));
        const last = r.pullRequests.nodes[r.pullRequests.nodes.length - 1];
        // Ordered by last update, which is never before the merge: a page that ends before `since` ends the read.
        if (!r.pullRequests.pageInfo.hasNextPage || !last || Date.parse(last.updatedAt) < from)
            break;
        after = r.pullRequests.pageInfo.endCursor;
    }
    return {
        defaultBranch,
        pulls: pulls.filter((p) => Date.parse(p.mergedAt) >= from),
        deployments: deployments.filter((d) => Date.parse(d.createdAt) >= from),
        releases: releases.filter((r) => Date.parse(r.at) >= from),
        codeowners: null,
    };
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
;// CONCATENATED MODULE: ./src/github/limiter.ts


/**
 * Classifies a request from Octokit's endpoint options (URL template, method, GraphQL query).
 * Content creation follows plugin-throttling's own list of routes that create content and send
 * notifications (issues, comments, pull requests, reviews, releases…).
 */
function classifyRequest(method, url, query) {
    const m = method.toUpperCase();
    const path = new URL(url, 'http://github.test').pathname;
    if (path.endsWith('/graphql') && m === 'POST') {
        const mutation = typeof query === 'string' && /^\s*(?:#[^\n]*\n\s*)*mutation\b/.test(query);
        // A mutation that creates an issue, a comment or a pull request counts as content creation,
        // as the REST routes that do the same (a batch of writes may hold one: `writeTogether`).
        const creation = mutation && /\b(?:createIssue|addComment|createPullRequest|createDiscussion)\s*\(/.test(query);
        return { resource: 'graphql', mutation, creation, points: mutation ? 5 : 1 };
    }
    const mutation = m !== 'GET' && m !== 'HEAD';
    const creation = mutation &&
        m === 'POST' &&
        dist_bundle/* throttling */.A.triggersNotification(path);
    return { resource: path.startsWith('/search/') ? 'search' : 'core', mutation, creation, points: 0 };
}
/** A wait that GitHub's limits require but that is longer than the run may wait (`max-wait`). */
class RateLimitError extends errors/* GitHubApiError */.OS {
    name = 'RateLimitError';
}
const realClock = {
    monotonic: () => performance.now(),
    epoch: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const MINUTE = 60_000;
const limiter_HOUR = 3_600_000;
/**
 * Paces one token's requests: serial, reads unspaced, mutations `mutationSpacingMs` apart (end
 * to start), content creation and GraphQL points in sliding windows over the run, and no request
 * to a resource whose primary limit is spent until it resets. One limiter per token: GitHub counts
 * per identity, so the board's token has its own.
 */
class RequestLimiter {
    limits;
    clock;
    tail = Promise.resolve();
    lastMutation = Number.NEGATIVE_INFINITY;
    creations = [];
    points = [];
    exhausted = new Map();
    /** Total milliseconds spent waiting, for the log and the bench. */
    waitedMs = 0;
    constructor(limits, clock = realClock) {
        this.limits = limits;
        this.clock = clock;
    }
    /** Runs `send` when the limits allow, one request at a time. */
    schedule(kind, send) {
        const run = this.tail.then(() => this.runOne(kind, send));
        this.tail = run.catch(() => undefined);
        return run;
    }
    /** Notes what a response says of the primary limit (`x-ratelimit-remaining`, `x-ratelimit-reset`). */
    observe(resource, headers) {
        if (!headers)
            return;
        const remaining = headers['x-ratelimit-remaining'];
        const reset = Number(headers['x-ratelimit-reset']);
        const res = (typeof headers['x-ratelimit-resource'] === 'string' ? headers['x-ratelimit-resource'] : resource);
        if (String(remaining) === '0' && Number.isFinite(reset))
            this.exhausted.set(res, reset * 1000);
        else if (remaining !== undefined)
            this.exhausted.delete(res);
    }
    async runOne(kind, send) {
        for (;;) {
            const wait = this.waitFor(kind);
            if (wait.ms <= 0)
                break;
            if (wait.ms > this.limits.maxWaitMs) {
                const at = new Date(this.clock.epoch() + wait.ms).toISOString().slice(0, 19).replace('T', ' ');
                throw new RateLimitError(`GitHub's ${wait.why} allows the next request only at ${at} UTC, in ${Math.ceil(wait.ms / 1000)} s, longer than this run waits ` +
                    `(max-wait ${Math.round(this.limits.maxWaitMs / 1000)} s). This request was not sent; what the run wrote before it is complete, and the next run carries on from there.`, 429, 'limiter');
            }
            this.waitedMs += wait.ms;
            await this.clock.sleep(wait.ms);
        }
        const now = this.clock.monotonic();
        if (kind.creation)
            this.creations.push(now);
        if (kind.points > 0)
            this.points.push({ at: now, points: kind.points });
        try {
            return await send();
        }
        finally {
            // "Wait at least one second between each request": from the end of one write to the start of
            // the next, so that GitHub, which sees arrivals, never sees two closer than that.
            if (kind.mutation)
                this.lastMutation = this.clock.monotonic();
        }
    }
    /** How long until `kind` may be sent, and which limit holds it. */
    waitFor(kind) {
        const now = this.clock.monotonic();
        let best = { ms: 0, why: '' };
        const need = (ms, why) => {
            if (ms > best.ms)
                best = { ms, why };
        };
        const reset = this.exhausted.get(kind.resource);
        if (reset !== undefined) {
            // GitHub: retry after the reset time; one second more, as its docs ask.
            const ms = reset - this.clock.epoch() + 1000;
            if (ms > 0)
                need(ms, `primary rate limit (${kind.resource})`);
            else
                this.exhausted.delete(kind.resource);
        }
        if (kind.mutation)
            need(this.lastMutation + this.limits.mutationSpacingMs - now, 'spacing between writes');
        if (kind.creation) {
            while (this.creations.length && this.creations[0] <= now - limiter_HOUR)
                this.creations.shift();
            const lastMinute = this.creations.filter((t) => t > now - MINUTE);
            if (lastMinute.length >= this.limits.creationsPerMinute) {
                need(lastMinute[lastMinute.length - this.limits.creationsPerMinute] + MINUTE - now, `content-creation limit (${this.limits.creationsPerMinute} a minute)`);
            }
            if (this.creations.length >= this.limits.creationsPerHour) {
                need(this.creations[this.creations.length - this.limits.creationsPerHour] + limiter_HOUR - now, `content-creation limit (${this.limits.creationsPerHour} an hour)`);
            }
        }
        if (kind.points > 0) {
            while (this.points.length && this.points[0].at <= now - MINUTE)
                this.points.shift();
            let sum = kind.points;
            for (const p of this.points)
                sum += p.points;
            // Drop the oldest entries until the new request fits; wait until the last dropped one leaves the window.
            let i = 0;
            while (sum > this.limits.graphqlPointsPerMinute && i < this.points.length)
                sum -= this.points[i++].points;
            if (i > 0)
                need(this.points[i - 1].at + MINUTE - now, `GraphQL limit (${this.limits.graphqlPointsPerMinute} points a minute)`);
        }
        return best;
    }
}
/**
 * An Octokit plugin that sends every request through the limiter. Given to `getOctokit` before
 * plugin-throttling and plugin-retry, its wrap is the innermost one, so it paces every attempt,
 * retries included, not just the first.
 */
function limiterPlugin(limiter) {
    return (octokit) => {
        ;
        octokit.hook.wrap('request', async (request, options) => {
            const kind = classifyRequest(options.method, options.url, options.query);
            return await limiter.schedule(kind, async () => {
                try {
                    const response = await request(options);
                    limiter.observe(kind.resource, response.headers);
                    return response;
                }
                catch (error) {
                    const headers = error?.response?.headers;
                    limiter.observe(kind.resource, headers);
                    throw error;
                }
            });
        });
    };
}

;// CONCATENATED MODULE: ./src/github/octokit.ts






/**
 * Builds an Octokit whose every attempt goes through the limiter (GitHub's documented pace, see
 * limits.ts), with plugin-retry for 5xx and timeouts and plugin-throttling for 403/429 rate limits.
 * Neither plugin adds spacing of its own: their waits are `retry-after` (or the back-off) times
 * the limits' `retryBaseMs`, and a wait longer than `maxWaitMs` fails the request instead.
 */
function createOctokit(opts) {
    const retries = opts.retries ?? 4;
    const limits = opts.limiter.limits;
    const wantRetry = (kind) => (retryAfter, options, _o, retryCount) => {
        const waitMs = retryAfter * limits.retryBaseMs;
        if (retryCount >= retries || waitMs > limits.maxWaitMs)
            return false;
        opts.warn(`${kind} for ${options.method} ${options.url}; retrying after ${retryAfter}s (attempt ${retryCount + 1}).`);
        return true;
    };
    return (0,github/* getOctokit */.Q)(opts.token, {
        baseUrl: opts.baseUrl,
        retry: { retries, doNotRetry: [400, 401, 404, 410, 422, 451], retryAfterBaseValue: limits.retryBaseMs },
        throttle: {
            // The limiter paces requests; plugin-throttling only handles the 403/429 answers.
            write: UNSPACED,
            notifications: UNSPACED,
            search: UNSPACED,
            retryAfterBaseValue: limits.retryBaseMs,
            onRateLimit: wantRetry('Rate limit reached'),
            onSecondaryRateLimit: wantRetry('Secondary rate limit'),
        },
    }, limiterPlugin(opts.limiter), dist_bundle/* throttling */.A, plugin_retry_dist_bundle/* retry */.L);
}
/**
 * Stands in for plugin-throttling's spacing groups (a Bottleneck.Group whose `write` waits 1 s and
 * `notifications` 3 s before every write, GraphQL reads included): runs each job at once.
 */
const UNSPACED = {
    key: () => ({
        schedule: (_options, job, ...args) => Promise.resolve().then(() => job(...args)),
    }),
};
const ISSUE_CONTEXT = /* GraphQL */ `
  query IncidentContext(
    $owner: String!
    $name: String!
    $number: Int!
    $configExpr: String!
    $withConfig: Boolean!
    $withChanges: Boolean!
  ) {
    repository(owner: $owner, name: $name) {
      id
      ${CHANGES_SELECTION}
      config: object(expression: $configExpr) @include(if: $withConfig) {
        ... on Blob {
          text
          isBinary
          byteSize
        }
      }
      labels(first: 100) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
      issue(number: $number) {
        id
        number
        title
        body
        state
        stateReason
        createdAt
        updatedAt
        closedAt
        url
        viewerDidAuthor
        author {
          login
        }
        assignees(first: 20) {
          nodes {
            login
          }
        }
        labels(first: 100) {
          nodes {
            name
          }
        }
        comments(first: 100) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            databaseId
            body
            createdAt
            updatedAt
            viewerDidAuthor
            author {
              __typename
              login
            }
          }
        }
      }
    }
  }
`;
const MORE_LABELS = /* GraphQL */ `
  query RepositoryLabels($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      labels(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
    }
  }
`;
const MORE_COMMENTS = /* GraphQL */ `
  query IssueComments($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        comments(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            databaseId
            body
            createdAt
            updatedAt
            viewerDidAuthor
            author {
              __typename
              login
            }
          }
        }
      }
    }
  }
`;
const INCIDENT_PAGE = /* GraphQL */ `
  query IncidentsPage(
    $owner: String!
    $name: String!
    $label: String!
    $states: [IssueState!]
    $after: String
    $since: DateTime
    $configExpr: String!
    $withConfig: Boolean!
    $labelled: String!
    $withLabelled: Boolean!
    $withLabels: Boolean!
    $heartbeats: String!
    $withHeartbeats: Boolean!
    $fileRef: String!
    $fileExpr: String!
    $withFile: Boolean!
  ) {
    repository(owner: $owner, name: $name) {
      id
      fileRef: ref(qualifiedName: $fileRef) @include(if: $withFile) {
        target {
          oid
        }
      }
      fileBlob: object(expression: $fileExpr) @include(if: $withFile) {
        ... on Blob {
          oid
        }
      }
      labelledLabel: label(name: $labelled) @include(if: $withLabelled) {
        id
      }
      repoLabels: labels(first: 100) @include(if: $withLabels) {
        nodes {
          name
          color
          description
        }
      }
      config: object(expression: $configExpr) @include(if: $withConfig) {
        ... on Blob {
          text
          isBinary
        }
      }
      labelled: issues(labels: [$labelled], last: 20, orderBy: { field: CREATED_AT, direction: ASC })
        @include(if: $withLabelled) {
        nodes {
          number
          id
          title
          body
          state
          viewerDidAuthor
        }
      }
      heartbeats: issues(labels: [$heartbeats], first: 5, orderBy: { field: CREATED_AT, direction: ASC })
        @include(if: $withHeartbeats) {
        nodes {
          number
          body
          viewerDidAuthor
          comments(first: 100) {
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
        }
      }
      issues(
        first: 100
        after: $after
        labels: [$label]
        states: $states
        filterBy: { since: $since }
        orderBy: { field: CREATED_AT, direction: ASC }
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          number
          title
          body
          state
          stateReason
          createdAt
          updatedAt
          closedAt
          url
          viewerDidAuthor
          author {
            login
          }
          assignees(first: 10) {
            nodes {
              login
            }
          }
          labels(first: 50) {
            nodes {
              name
            }
          }
          head: comments(first: 3) {
            totalCount
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
          tail: comments(last: 20) {
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
        }
      }
    }
  }
`;
const ORG_REPOSITORIES = /* GraphQL */ `
  query OrgRepositories($org: String!, $after: String, $label: String!) {
    organization(login: $org) {
      repositories(
        first: 100
        after: $after
        isArchived: false
        hasIssuesEnabled: true
        orderBy: { field: NAME, direction: ASC }
      ) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          owner {
            login
          }
          incidents: issues(labels: [$label], first: 0) {
            totalCount
          }
        }
      }
    }
  }
`;
/** The GitHub port over Octokit: GraphQL for reads (one query per incident), REST for writes. */
class OctokitPort {
    octokit;
    repo;
    createRetry;
    repositoryId;
    lastDate = null;
    constructor(octokit, repo, 
    /** Retries of a create whose answer was lost (see `create`), with (n + 1)² × baseMs between them, as plugin-retry does. */
    createRetry = {
        retries: 4,
        baseMs: 1000,
        sleep: realClock.sleep,
    }) {
        this.octokit = octokit;
        this.repo = repo;
        this.createRetry = createRetry;
        // Decisions use GitHub's clock (every response's Date header), not the runner's: one clock for
        // every run, and the one the timestamps in GitHub's own data come from.
        octokit.hook.after('request', (response) => {
            const d = response.headers.date;
            const t = d ? Date.parse(d) : NaN;
            if (!Number.isNaN(t))
                this.lastDate = new Date(t).toISOString();
        });
    }
    serverTime() {
        return this.lastDate;
    }
    recentChanges() {
        return readRecentChanges(this.gql, this.repo);
    }
    changeHistory(since) {
        return readChangeHistory(this.gql, this.repo, since);
    }
    /** One named GraphQL query through the port's error mapping (for the readers in github/changes.ts). */
    gql = (name, query, vars) => this.call(name, () => this.octokit.graphql(query, vars));
    async loadIssueContext(number, opts) {
        const vars = { owner: this.repo.owner, name: this.repo.repo };
        const res = await this.call('query IncidentContext', () => this.octokit.graphql(ISSUE_CONTEXT, {
            ...vars,
            number,
            configExpr: `HEAD:${opts.configPath ?? ''}`,
            withConfig: opts.configPath !== undefined,
            withChanges: opts.withChanges === true,
        }));
        const repo = res.repository;
        if (!repo)
            throw new errors/* GitHubApiError */.OS(`Repository ${this.repo.owner}/${this.repo.repo} not found or not readable with this token.`, 404, 'graphql');
        this.repositoryId = repo.id;
        const labels = [...repo.labels.nodes];
        let page = repo.labels.pageInfo;
        while (page.hasNextPage) {
            const more = await this.call('query RepositoryLabels', () => this.octokit.graphql(MORE_LABELS, {
                ...vars,
                after: page.endCursor,
            }));
            labels.push(...more.repository.labels.nodes);
            page = more.repository.labels.pageInfo;
        }
        const i = repo.issue;
        let comments = [];
        if (i) {
            comments = [...i.comments.nodes];
            let cpage = i.comments.pageInfo;
            while (cpage.hasNextPage) {
                const more = await this.call('query IssueComments', () => this.octokit.graphql(MORE_COMMENTS, { ...vars, number, after: cpage.endCursor }));
                comments.push(...more.repository.issue.comments.nodes);
                cpage = more.repository.issue.comments.pageInfo;
            }
        }
        const ctx = {
            repositoryId: repo.id,
            repoLabels: labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? '' })),
            issue: i ? toIssue(i, comments.map(toComment)) : null,
        };
        const changes = changeSetOf(repo);
        if (changes)
            ctx.changes = changes;
        if (opts.configPath !== undefined)
            ctx.configText = repo.config ? (repo.config.isBinary ? '\u0000binary' : (repo.config.text ?? null)) : null;
        return ctx;
    }
    async *incidentPages(q) {
        let after = null;
        let first = true;
        for (;;) {
            const res = await this.call('query IncidentsPage', () => this.octokit.graphql(INCIDENT_PAGE, {
                owner: this.repo.owner,
                name: this.repo.repo,
                label: q.label,
                states: q.states,
                after,
                since: q.since ?? null,
                configExpr: `HEAD:${q.configPath ?? ''}`,
                withConfig: first && q.configPath !== undefined,
                labelled: q.labelled ?? '',
                withLabelled: first && q.labelled !== undefined,
                withLabels: first && q.withRepoLabels === true,
                heartbeats: q.heartbeats ?? '',
                withHeartbeats: first && q.heartbeats !== undefined,
                fileRef: q.file ? `refs/heads/${q.file.branch}` : '',
                fileExpr: q.file ? `${q.file.branch}:${q.file.path}` : '',
                withFile: first && q.file !== undefined,
            }));
            const repo = res.repository;
            if (!repo)
                throw new errors/* GitHubApiError */.OS(`Repository ${this.repo.owner}/${this.repo.repo} not found or not readable with this token.`, 404, 'graphql');
            this.repositoryId = repo.id;
            const page = {
                repositoryId: repo.id,
                totalCount: repo.issues.totalCount,
                incidents: repo.issues.nodes.map((i) => {
                    const seen = new Set();
                    const comments = [...i.head.nodes, ...i.tail.nodes]
                        .filter((c) => !seen.has(c.databaseId) && seen.add(c.databaseId))
                        .map(toComment);
                    return { ...toIssue(i, comments), commentCount: i.head.totalCount };
                }),
            };
            if (first && q.configPath !== undefined)
                page.configText = repo.config ? (repo.config.isBinary ? '\u0000binary' : (repo.config.text ?? null)) : null;
            if (first && q.withRepoLabels)
                page.repoLabels = (repo.repoLabels?.nodes ?? []).map((l) => ({
                    name: l.name,
                    color: l.color,
                    description: l.description ?? '',
                }));
            if (first && q.labelled !== undefined) {
                page.labelled = (repo.labelled?.nodes ?? [])
                    .reverse()
                    .map((l) => ({ ...l, state: l.state === 'OPEN' ? 'open' : 'closed' }));
                page.labelledLabelId = repo.labelledLabel?.id ?? null;
            }
            if (first && q.file)
                page.file = { headOid: repo.fileRef?.target?.oid ?? null, blobOid: repo.fileBlob?.oid ?? null };
            if (first && q.heartbeats !== undefined)
                page.heartbeats = (repo.heartbeats?.nodes ?? []).map((h) => ({
                    number: h.number,
                    body: h.body,
                    viewerDidAuthor: h.viewerDidAuthor,
                    comments: h.comments.nodes.map(toComment),
                }));
            yield page;
            first = false;
            if (!repo.issues.pageInfo.hasNextPage)
                return;
            after = repo.issues.pageInfo.endCursor;
        }
    }
    async orgRepositories(org, incidentLabel) {
        const out = [];
        let after = null;
        for (;;) {
            const res = await this.call('query OrgRepositories', () => this.octokit.graphql(ORG_REPOSITORIES, { org, after, label: incidentLabel }));
            const page = res.organization?.repositories;
            if (!page)
                throw new errors/* GitHubApiError */.OS(`Organisation ${org} not found or not readable with this token.`, 404, 'graphql');
            for (const r of page.nodes)
                out.push({ owner: r.owner.login, repo: r.name, incidents: r.incidents.totalCount });
            if (!page.pageInfo.hasNextPage)
                return out;
            after = page.pageInfo.endCursor;
        }
    }
    async readConfig(path) {
        const res = await this.call('query ConfigFile', () => this.octokit.graphql(`query ConfigFile($owner: String!, $name: String!, $expr: String!) { repository(owner: $owner, name: $name) { object(expression: $expr) { ... on Blob { text isBinary } } } }`, { owner: this.repo.owner, name: this.repo.repo, expr: `HEAD:${path}` }));
        const obj = res.repository?.object;
        if (!obj)
            return null;
        return obj.isBinary ? '\u0000binary' : (obj.text ?? null);
    }
    async readFile(branch, path) {
        const route = 'GET /repos/{owner}/{repo}/contents/{path}';
        try {
            const res = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref: branch });
            const d = res.data;
            if (Array.isArray(d) || d.type !== 'file')
                return null;
            if ('content' in d && d.encoding === 'base64')
                return { text: Buffer.from(d.content, 'base64').toString('utf8'), sha: d.sha };
            // Over 1 MB GitHub answers without the content: ask for the raw bytes.
            const raw = await this.call(route, () => this.octokit.rest.repos.getContent({ ...this.repo, path, ref: branch, mediaType: { format: 'raw' } }));
            return { text: String(raw.data), sha: d.sha };
        }
        catch (error) {
            if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404)
                return null;
            throw toApiError(error, route);
        }
    }
    async putFile(p) {
        const route = 'PUT /repos/{owner}/{repo}/contents/{path}';
        const put = (sha) => this.octokit.rest.repos.createOrUpdateFileContents({
            ...this.repo,
            path: p.path,
            branch: p.branch,
            message: p.message,
            content: Buffer.from(p.content, 'utf8').toString('base64'),
            ...(sha ? { sha } : {}),
        });
        const branch = async () => {
            const base = (await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get({ ...this.repo })))
                .data.default_branch;
            const head = (await this.call('GET /repos/{owner}/{repo}/git/ref/{ref}', () => this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${base}` }))).data.object.sha;
            await this.tolerate422('POST /repos/{owner}/{repo}/git/refs', /already exists/i, () => this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${p.branch}`, sha: head }));
        };
        if (p.newBranch)
            await branch();
        try {
            await put(p.sha);
            return;
        }
        catch (error) {
            const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : 0;
            const text = (0,errors/* getErrorMessage */.u1)(error);
            if (status === 422 && /sha/i.test(text) && !p.sha) {
                // The file is there after all (our label was deleted, not the file): replace it.
                const current = await this.readFile(p.branch, p.path);
                await this.call(route, () => put(current?.sha));
                return;
            }
            // GitHub answers 404 (or 422 "Branch … not found") for a branch that does not exist.
            if (!(status === 404 || (status === 422 && /branch/i.test(text))))
                throw toApiError(error, route);
        }
        await branch();
        await this.call(route, () => put(p.sha));
    }
    async writeTogether(writes) {
        if (writes.length === 0)
            return [];
        const repositoryId = writes.some((w) => w.kind === 'create-issue')
            ? (this.repositoryId ?? (await this.fetchRepositoryId()))
            : null;
        const params = [];
        const vars = {};
        const fields = writes.map((w, i) => {
            if (w.kind === 'create-issue') {
                params.push(`$w${i}: CreateIssueInput!`);
                vars[`w${i}`] = { repositoryId, title: w.title, body: w.body, labelIds: w.labelIds };
                return `w${i}: createIssue(input: $w${i}) { issue { number id } }`;
            }
            if (w.kind === 'edit-issue') {
                params.push(`$w${i}: UpdateIssueInput!`);
                vars[`w${i}`] = {
                    id: w.id,
                    ...(w.title !== undefined ? { title: w.title } : {}),
                    ...(w.body !== undefined ? { body: w.body } : {}),
                };
                return `w${i}: updateIssue(input: $w${i}) { issue { number } }`;
            }
            params.push(`$w${i}: CreateCommitOnBranchInput!`);
            vars[`w${i}`] = {
                branch: { repositoryNameWithOwner: `${this.repo.owner}/${this.repo.repo}`, branchName: w.branch },
                expectedHeadOid: w.expectedHeadOid,
                message: { headline: w.message },
                fileChanges: { additions: [{ path: w.path, contents: Buffer.from(w.content, 'utf8').toString('base64') }] },
            };
            return `w${i}: createCommitOnBranch(input: $w${i}) { commit { oid } }`;
        });
        const res = await this.call('mutation WriteTogether', () => this.octokit.graphql(`mutation WriteTogether(${params.join(', ')}) {\n${fields.join('\n')}\n}`, 
        // Not retried: a 5xx may have written some of it; the next run reconciles instead.
        { ...vars, request: { retries: 0 } }));
        return writes.map((w, i) => {
            const issue = res[`w${i}`]?.issue;
            return w.kind === 'create-issue' && issue ? { number: issue.number, nodeId: issue.id } : undefined;
        });
    }
    async createLabels(labels) {
        if (labels.length === 0)
            return;
        const repositoryId = this.repositoryId ?? (await this.fetchRepositoryId());
        // One request for every missing label: aliased createLabel mutations.
        const fields = labels
            .map((_, i) => `l${i}: createLabel(input: { repositoryId: $repo, name: $n${i}, color: $c${i}, description: $d${i} }) { label { name } }`)
            .join('\n');
        const params = labels.map((_, i) => `$n${i}: String!, $c${i}: String!, $d${i}: String`).join(', ');
        const vars = { repo: repositoryId };
        labels.forEach((l, i) => {
            vars[`n${i}`] = l.name;
            vars[`c${i}`] = l.color;
            vars[`d${i}`] = l.description;
        });
        try {
            await this.octokit.graphql(`mutation CreateLabels($repo: ID!, ${params}) {\n${fields}\n}`, vars);
        }
        catch (error) {
            // A label created meanwhile (a parallel run, a person) is success; anything else is not.
            const msg = (0,errors/* getErrorMessage */.u1)(error);
            if (/already (been )?taken|already exists/i.test(msg))
                return;
            // Anything but "this GitHub has no createLabel mutation" is a real failure (a rate limit, a 5xx):
            // falling back to one REST request per label would multiply requests exactly when GitHub is
            // under strain, so the error goes up and the next run creates the labels.
            if (!/createLabel/.test(msg) || !/(doesn't|does not) exist|undefinedField|not available/i.test(msg))
                throw toApiError(error, 'mutation CreateLabels');
            // GitHub has gated createLabel behind a preview before: fall back to REST, one label at a time.
            for (const l of labels) {
                try {
                    await this.octokit.rest.issues.createLabel({
                        ...this.repo,
                        name: l.name,
                        color: l.color,
                        description: l.description,
                    });
                }
                catch (e) {
                    if (!(typeof e === 'object' && e !== null && 'status' in e && e.status === 422))
                        throw toApiError(e, 'POST /repos/{owner}/{repo}/labels');
                }
            }
        }
    }
    async addLabels(issue, labels) {
        await this.call('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', () => this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: issue, labels }));
    }
    async setLabels(issue, labels) {
        await this.call('PUT /repos/{owner}/{repo}/issues/{issue_number}/labels', () => this.octokit.rest.issues.setLabels({ ...this.repo, issue_number: issue, labels }));
    }
    async updateIssue(issue, patch) {
        await this.call('PATCH /repos/{owner}/{repo}/issues/{issue_number}', () => this.octokit.rest.issues.update({
            ...this.repo,
            issue_number: issue,
            ...(patch.labels ? { labels: patch.labels } : {}),
            ...(patch.state ? { state: patch.state, state_reason: patch.stateReason } : {}),
            ...(patch.assignees ? { assignees: patch.assignees } : {}),
        }));
    }
    async getRole(login) {
        try {
            const res = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.repo, username: login });
            return res.data.role_name ?? res.data.permission;
        }
        catch (error) {
            // Not a collaborator (or no such user): no access. Anything else is a real failure.
            if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404)
                return 'none';
            throw toApiError(error, 'GET /repos/{owner}/{repo}/collaborators/{username}/permission');
        }
    }
    async createIssue(issue) {
        return this.create('POST /repos/{owner}/{repo}/issues', issue.body, async (request) => {
            const res = await this.octokit.rest.issues.create({ ...this.repo, ...issue, request });
            return { number: res.data.number, nodeId: res.data.node_id };
        }, async (marker, notBefore) => {
            const label = issue.labels[0];
            if (!label)
                return null;
            // Only issues touched since the first attempt: a handful, one page.
            const since = new Date(Date.parse(notBefore) - 60_000).toISOString();
            for await (const page of this.incidentPages({ label, states: ['OPEN', 'CLOSED'], since })) {
                const hit = page.incidents.find((i) => i.viewerDidAuthor && i.body.startsWith(marker) && i.createdAt >= since);
                if (hit)
                    return { number: hit.number, nodeId: hit.nodeId };
            }
            return null;
        });
    }
    async editIssue(number, patch) {
        await this.call('PATCH /repos/{owner}/{repo}/issues/{issue_number}', () => this.octokit.rest.issues.update({ ...this.repo, issue_number: number, ...patch }));
    }
    async createComment(issue, body) {
        return this.create('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', body, async (request) => ({
            databaseId: (await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request }))
                .data.id,
        }), 
        // Our comments' markers are one per issue (the card) or one per cause (a reply): any one of
        // ours with the marker is the one this run meant to post, even a concurrent run's.
        async (marker) => {
            const ctx = await this.loadIssueContext(issue, {});
            const hit = ctx.issue?.comments.find((c) => c.viewerDidAuthor && c.body.startsWith(marker));
            return hit ? { databaseId: hit.databaseId } : null;
        });
    }
    async proposeFile(p) {
        const head = `${this.repo.owner}:${p.branch}`;
        const existing = async () => {
            const res = await this.call('GET /repos/{owner}/{repo}/pulls', () => this.octokit.rest.pulls.list({ ...this.repo, head, state: 'all', per_page: 1 }));
            return res.data[0]?.number ?? null;
        };
        const found = await existing();
        if (found !== null)
            return { number: found, created: false };
        const base = (await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get({ ...this.repo })))
            .data.default_branch;
        const sha = (await this.call('GET /repos/{owner}/{repo}/git/ref/{ref}', () => this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${base}` }))).data.object.sha;
        // Each step tolerates its own earlier success (a re-run after a failure, or a retried request whose answer was lost).
        await this.tolerate422('POST /repos/{owner}/{repo}/git/refs', /already exists/i, () => this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${p.branch}`, sha }));
        await this.tolerate422('PUT /repos/{owner}/{repo}/contents/{path}', /sha.*supplied/i, () => this.octokit.rest.repos.createOrUpdateFileContents({
            ...this.repo,
            path: p.path,
            branch: p.branch,
            message: p.message,
            content: Buffer.from(p.content, 'utf8').toString('base64'),
        }));
        try {
            const res = await this.octokit.rest.pulls.create({
                ...this.repo,
                head: p.branch,
                base,
                title: p.title,
                body: p.body,
            });
            return { number: res.data.number, created: true };
        }
        catch (error) {
            const again = typeof error === 'object' && error !== null && 'status' in error && error.status === 422
                ? await existing()
                : null;
            if (again !== null)
                return { number: again, created: false };
            throw toApiError(error, 'POST /repos/{owner}/{repo}/pulls');
        }
    }
    async pullBody(number) {
        return ((await this.call('GET /repos/{owner}/{repo}/pulls/{pull_number}', () => this.octokit.rest.pulls.get({ ...this.repo, pull_number: number }))).data.body ?? '');
    }
    async editPullBody(number, body) {
        await this.call('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', () => this.octokit.rest.pulls.update({ ...this.repo, pull_number: number, body }));
    }
    async setWorkflowEnabled(workflow, enabled) {
        const route = `PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/${enabled ? 'enable' : 'disable'}`;
        await this.call(route, () => enabled
            ? this.octokit.rest.actions.enableWorkflow({ ...this.repo, workflow_id: workflow })
            : this.octokit.rest.actions.disableWorkflow({ ...this.repo, workflow_id: workflow }));
    }
    async updateLabel(name, patch) {
        try {
            await this.octokit.rest.issues.updateLabel({ ...this.repo, name, description: patch.description });
        }
        catch (error) {
            throw toApiError(error, 'PATCH /repos/{owner}/{repo}/labels/{name}');
        }
    }
    async deleteLabel(name) {
        try {
            await this.octokit.rest.issues.deleteLabel({ ...this.repo, name });
        }
        catch (error) {
            if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404)
                return;
            throw toApiError(error, 'DELETE /repos/{owner}/{repo}/labels/{name}');
        }
    }
    /** Runs a write whose 422 matching `already` means "it was done before": success. */
    async tolerate422(route, already, fn) {
        try {
            await fn();
        }
        catch (error) {
            const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : 0;
            if (status === 422 && already.test((0,errors/* getErrorMessage */.u1)(error)))
                return;
            throw toApiError(error, route);
        }
    }
    /**
     * Creating is the one write that is not idempotent: when GitHub finishes a POST but its answer
     * is lost (a 502 from its front end, a dropped connection), a blind retry posts it twice. So
     * plugin-retry does not retry creates; before each retry we look for what we were creating by
     * its marker (the hidden first line of every body we create), and adopt it when it is there.
     * A body without a marker is not retried: the next run, which reconciles, finishes the job.
     */
    async create(route, body, post, find) {
        const marker = /^<!-- incidentops:[^\n>]* -->/.exec(body)?.[0] ?? null;
        const notBefore = this.lastDate ?? new Date().toISOString();
        for (let attempt = 0;; attempt++) {
            try {
                return await post({ retries: 0 });
            }
            catch (error) {
                const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
                    ? error.status
                    : 0;
                const unknownOutcome = status === 0 || status >= 500;
                if (!unknownOutcome || marker === null || attempt >= this.createRetry.retries)
                    throw toApiError(error, route);
                await this.createRetry.sleep((attempt + 1) ** 2 * this.createRetry.baseMs);
                const found = await find(marker, notBefore);
                if (found)
                    return found;
            }
        }
    }
    async updateComment(databaseId, body) {
        await this.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', () => this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: databaseId, body }));
    }
    async fetchRepositoryId() {
        const res = await this.call('query RepositoryId', () => this.octokit.graphql(`query RepositoryId($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`, {
            owner: this.repo.owner,
            name: this.repo.repo,
        }));
        this.repositoryId = res.repository.id;
        return this.repositoryId;
    }
    async call(route, fn) {
        try {
            return await fn();
        }
        catch (error) {
            throw toApiError(error, route);
        }
    }
}
function toIssue(i, comments) {
    return {
        nodeId: i.id,
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state === 'OPEN' ? 'open' : 'closed',
        stateReason: i.stateReason,
        createdAt: i.createdAt,
        updatedAt: i.updatedAt,
        closedAt: i.closedAt,
        url: i.url,
        author: i.author?.login ?? null,
        viewerDidAuthor: i.viewerDidAuthor,
        assignees: i.assignees.nodes.map((a) => a.login),
        labels: i.labels.nodes.map((l) => l.name),
        comments,
    };
}
function toComment(c) {
    return {
        databaseId: c.databaseId,
        body: c.body,
        author: c.author?.login ?? null,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        viewerDidAuthor: c.viewerDidAuthor,
        authorIsBot: c.author?.__typename === 'Bot',
    };
}
/** Turns Octokit's errors into a GitHubApiError that says what to do about the common ones. */
function toApiError(error, route) {
    if (error instanceof errors/* GitHubApiError */.OS)
        return error;
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
        ? error.status
        : 0;
    const msg = (0,errors/* getErrorMessage */.u1)(error);
    let hint = '';
    const headers = error?.response?.headers ?? {};
    const limited = (status === 403 || status === 429) && (/rate limit/i.test(msg) || String(headers['x-ratelimit-remaining']) === '0');
    if (limited) {
        const retryAfter = Number(headers['retry-after']);
        const reset = Number(headers['x-ratelimit-reset']);
        const when = Number.isFinite(retryAfter) && retryAfter > 0
            ? `after ${retryAfter} s`
            : Number.isFinite(reset) && reset > 0
                ? `at ${new Date(reset * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`
                : 'within a few minutes';
        hint =
            ` This is GitHub's ${/secondary/i.test(msg) ? 'secondary ' : ''}rate limit, not a missing permission: it clears ${when}.` +
                ' This request was not applied; what the run wrote before it is complete, and the next run carries on from there.';
    }
    else if (status === 401)
        hint = ' The token is invalid or expired: check the `github-token` input.';
    else if (status === 403 || /Resource not accessible by integration/i.test(msg))
        hint = ' The token lacks a permission: give the workflow `permissions: issues: write` (and `contents: read`).';
    else if (status === 404)
        hint = ' Not found: check the repository and that the token can read it.';
    return new errors/* GitHubApiError */.OS(`GitHub API ${route} failed${status ? ` (HTTP ${status})` : ''}: ${msg}.${hint}`, status, route);
}

;// CONCATENATED MODULE: ./src/github/board.ts

const READ = (n) => `
  query ProjectBoard($owner: String!, $number: Int!, $issue: ID!, ${Array.from({ length: n }, (_, i) => `$f${i}: String!`).join(', ')}) {
    repositoryOwner(login: $owner) {
      ... on ProjectV2Owner {
        projectV2(number: $number) {
          id
          fields(first: 50) {
            nodes {
              ... on ProjectV2Field { id name dataType }
              ... on ProjectV2SingleSelectField { id name dataType options { id name } }
              ... on ProjectV2IterationField { id name dataType }
            }
          }
        }
      }
    }
    node(id: $issue) {
      ... on Issue {
        projectItems(first: 50) {
          nodes {
            id
            project { id }
            ${Array.from({ length: n }, (_, i) => `v${i}: fieldValueByName(name: $f${i}) {
              ... on ProjectV2ItemFieldSingleSelectValue { name }
              ... on ProjectV2ItemFieldDateValue { date }
              ... on ProjectV2ItemFieldTextValue { text }
              ... on ProjectV2ItemFieldNumberValue { number }
            }`).join('\n')}
          }
        }
      }
    }
  }
`;
class OctokitBoardPort {
    octokit;
    constructor(octokit) {
        this.octokit = octokit;
    }
    async read(owner, number, issueNodeId, fieldNames) {
        const vars = { owner, number, issue: issueNodeId };
        fieldNames.forEach((f, i) => (vars[`f${i}`] = f));
        let res;
        try {
            res = await this.octokit.graphql(READ(fieldNames.length), vars);
        }
        catch (error) {
            // GitHub answers NOT_FOUND for a project that does not exist or that the token cannot see.
            const data = error.data;
            if (data && /Could not resolve|NOT_FOUND/i.test(String(error.message)))
                res = data;
            else
                throw toApiError(error, 'query ProjectBoard');
        }
        const project = res.repositoryOwner?.projectV2;
        if (!project)
            return null;
        const fields = {};
        for (const f of project.fields.nodes) {
            if (!f.id || !f.name)
                continue;
            const type = (['SINGLE_SELECT', 'DATE', 'TEXT', 'NUMBER'].includes(f.dataType ?? '') ? f.dataType : 'OTHER');
            fields[f.name] = {
                id: f.id,
                type,
                ...(f.options ? { options: Object.fromEntries(f.options.map((o) => [o.name, o.id])) } : {}),
            };
        }
        const node = res.node?.projectItems?.nodes.find((n) => n.project.id === project.id);
        const item = node
            ? {
                id: node.id,
                values: Object.fromEntries(fieldNames.map((name, i) => {
                    const v = node[`v${i}`];
                    return [
                        name,
                        v
                            ? (v.name ?? v.date?.slice(0, 10) ?? v.text ?? (v.number !== undefined ? String(v.number) : null))
                            : null,
                    ];
                })),
            }
            : null;
        return { projectId: project.id, fields, item };
    }
    async addItem(projectId, contentId) {
        try {
            const res = await this.octokit.graphql(`mutation AddIncidentToBoard($project: ID!, $content: ID!) { addProjectV2ItemById(input: { projectId: $project, contentId: $content }) { item { id } } }`, { project: projectId, content: contentId });
            return res.addProjectV2ItemById.item.id;
        }
        catch (error) {
            throw toApiError(error, 'mutation AddIncidentToBoard');
        }
    }
    async setFields(projectId, itemId, updates) {
        if (updates.length === 0)
            return;
        const vars = { project: projectId, item: itemId };
        const ops = updates.map((u, i) => {
            vars[`field${i}`] = u.fieldId;
            if (u.value === null)
                return `u${i}: clearProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field${i} }) { projectV2Item { id } }`;
            vars[`value${i}`] =
                u.type === 'SINGLE_SELECT'
                    ? { singleSelectOptionId: u.value }
                    : u.type === 'DATE'
                        ? { date: u.value }
                        : u.type === 'NUMBER'
                            ? { number: Number(u.value) }
                            : { text: u.value };
            return `u${i}: updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field${i}, value: $value${i} }) { projectV2Item { id } }`;
        });
        const params = updates
            .map((u, i) => `$field${i}: ID!${u.value === null ? '' : `, $value${i}: ProjectV2FieldValue!`}`)
            .join(', ');
        try {
            await this.octokit.graphql(`mutation SetIncidentFields($project: ID!, $item: ID!, ${params}) {\n${ops.join('\n')}\n}`, vars);
        }
        catch (error) {
            throw toApiError(error, 'mutation SetIncidentFields');
        }
    }
}

;// CONCATENATED MODULE: ./src/domain/board.ts

/** Field name → the value the board should show for this incident. */
function desiredBoardValues(record, facts, config) {
    const p = config.project;
    const m = milestones(record);
    const out = { [p.statusField]: config.stages[record.stage].column };
    if (p.priorityField)
        out[p.priorityField] = record.priority;
    if (p.startedField)
        out[p.startedField] = record.startedAt.slice(0, 10);
    if (p.resolvedField)
        out[p.resolvedField] = m.resolvedAt ? m.resolvedAt.slice(0, 10) : null;
    if (p.serviceField)
        out[p.serviceField] = facts.services.length ? facts.services.join(', ') : null;
    return out;
}
/**
 * The updates that bring the item's values to the desired ones. A missing field or column is a
 * setup problem, reported with what exists so the fix is obvious; it never blocks the other fields.
 */
function boardUpdates(desired, fields, current) {
    const updates = [];
    const problems = [];
    for (const [name, want] of Object.entries(desired)) {
        const f = fields[name];
        if (!f) {
            problems.push(`the project has no field "${name}" (fields: ${Object.keys(fields).join(', ') || 'none'})`);
            continue;
        }
        if ((current[name] ?? null) === want)
            continue;
        if (f.type === 'SINGLE_SELECT' && want !== null) {
            const optionId = f.options?.[want];
            if (!optionId) {
                problems.push(`the field "${name}" has no option "${want}" (options: ${Object.keys(f.options ?? {}).join(', ') || 'none'}); add it to the project or rename it under \`stages\` in the config`);
                continue;
            }
            updates.push({ field: name, fieldId: f.id, type: f.type, value: optionId, shown: want });
        }
        else
            updates.push({ field: name, fieldId: f.id, type: f.type, value: want, shown: want });
    }
    return { updates, problems };
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

;// CONCATENATED MODULE: ./src/maintenance/record.ts
const MAINTENANCE_MARKER = '<!-- incidentops:maintenance -->';
const record_RECORD_RE = /<!-- incidentops:maintenance-record:v1:([A-Za-z0-9+/=]+) -->/;
/** At most this many public updates (the record lives in a 65,536-character comment). */
const MAX_UPDATES = 20;
function encodeMaintenance(r) {
    return `<!-- incidentops:maintenance-record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`;
}
const record_isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The record in a card's body; null when absent or not a valid record (never trusted half). */
function decodeMaintenance(body) {
    const m = record_RECORD_RE.exec(body);
    if (!m)
        return null;
    try {
        const r = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
        if (!isObj(r) || r.v !== 1 || r.kind !== 'maintenance')
            return null;
        if (typeof r.number !== 'number' || typeof r.title !== 'string' || typeof r.text !== 'string')
            return null;
        if (!record_isTime(r.start) || !record_isTime(r.end))
            return null;
        if (!Array.isArray(r.components) || !r.components.every((c) => typeof c === 'string'))
            return null;
        if (r.confirmed !== null && !(isObj(r.confirmed) && record_isTime(r.confirmed.at)))
            return null;
        if (!Array.isArray(r.updates) || !r.updates.every((u) => isObj(u) && record_isTime(u.at) && typeof u.text === 'string'))
            return null;
        if (!Array.isArray(r.transitions) || !r.transitions.every((t) => isObj(t) && record_isTime(t.at)))
            return null;
        if (!Array.isArray(r.processed))
            return null;
        return r;
    }
    catch {
        return null;
    }
}
/** The maintenance card: the oldest comment of ours carrying its marker. */
function findMaintenanceCard(comments) {
    return comments
        .filter((c) => c.viewerDidAuthor && c.body.startsWith(MAINTENANCE_MARKER))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId)[0];
}
/** When the work ends: early (`endedAt`) or at the window's end. */
const endOf = (r) => r.endedAt && Date.parse(r.endedAt) < Date.parse(r.end) ? r.endedAt : r.end;
/** The status at `now`, from the window, the commands and the clock. */
function statusAt(r, now) {
    const t = Date.parse(now);
    if (r.cancelledAt)
        return 'cancelled';
    if (t < Date.parse(r.start))
        return 'scheduled';
    if (t >= Date.parse(endOf(r)))
        return 'completed';
    if (r.verifyingAt && t >= Date.parse(r.verifyingAt))
        return 'verifying';
    return 'in_progress';
}
/**
 * Every transition that has happened by `now`, with the time it happened: `scheduled` when it was
 * made public before its start; `in_progress` at the start (or when made public, if later);
 * `verifying`; `completed` at the end (or early end); `cancelled`. Nothing before it is confirmed.
 */
function transitionsBy(r, now) {
    if (!r.confirmed)
        return [];
    const t = Date.parse(now);
    const out = [];
    const confirmedAt = Date.parse(r.confirmed.at);
    const start = Date.parse(r.start);
    if (confirmedAt < start || r.cancelledAt)
        out.push({ status: 'scheduled', at: r.confirmed.at });
    if (r.cancelledAt) {
        out.push({ status: 'cancelled', at: r.cancelledAt });
        return out;
    }
    if (t < start)
        return out;
    out.push({ status: 'in_progress', at: new Date(Math.max(start, confirmedAt)).toISOString() });
    const end = Date.parse(endOf(r));
    if (r.verifyingAt && Date.parse(r.verifyingAt) < end && t >= Date.parse(r.verifyingAt))
        out.push({ status: 'verifying', at: r.verifyingAt });
    if (t >= end)
        out.push({ status: 'completed', at: new Date(Math.max(end, confirmedAt)).toISOString() });
    return out;
}
/**
 * Adds to the record the transitions that happened by `now` and are not recorded yet (each status
 * once); returns those added. A re-run at the same or a later time adds nothing already there.
 */
function recordTransitions(r, now, run) {
    const added = [];
    for (const t of transitionsBy(r, now)) {
        if (r.transitions.some((x) => x.status === t.status))
            continue;
        const entry = { ...t, recordedAt: now, run };
        r.transitions.push(entry);
        added.push(entry);
    }
    return added;
}
/** Whether the sweep still has a transition to record: confirmed, not cancelled, not yet completed. */
function pending(r, now) {
    return (!!r.confirmed &&
        !r.cancelledAt &&
        !(statusAt(r, now) === 'completed' && r.transitions.some((t) => t.status === 'completed')));
}
/**
 * When the next transition the sweep must record happens: now for one that already happened and is
 * not recorded, else the window's start or end; null when nothing is left to record.
 */
function nextTransitionAt(r, now) {
    if (!pending(r, now))
        return null;
    if (transitionsBy(r, now).some((t) => !r.transitions.some((x) => x.status === t.status)))
        return now;
    return Date.parse(now) < Date.parse(r.start) ? r.start : endOf(r);
}
/**
 * Whether the sweep must be on for this maintenance: always while it is pending (`wakeBeforeMs`
 * null, the default), or only from `wakeBeforeMs` before its next transition (the status page's
 * scheduled build wakes it then: docs/status-page.md).
 */
function needsSweep(r, now, wakeBeforeMs) {
    const next = nextTransitionAt(r, now);
    if (next === null)
        return false;
    return wakeBeforeMs === null || Date.parse(next) - Date.parse(now) <= wakeBeforeMs;
}

;// CONCATENATED MODULE: ./src/status/maintenance.ts
/**
 * Scheduled maintenance on the status page (pure): from the maintenance records and GitHub's clock
 * at build time to what the page, the JSON, the feeds and the calendar show. The status is derived
 * from the window and `now`, never from whether a run happened at the start or the end, so a page
 * built after the start shows it in progress even if no sweep ran then.
 *
 * Only maintenances a responder made public (opened with triage or more, or `/confirm`ed) appear;
 * cancelled ones are taken off (Statuspage's public API has no `cancelled` status). The words of
 * the automatic updates are Statuspage's defaults.
 */


const MAINTENANCE_TEXT = {
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
};
const AUTO = {
    in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
    verifying: 'Verification is currently underway for the maintenance items.',
    completed: 'The scheduled maintenance has been completed.',
};
/** A maintenance's public id: stable, telling nothing of the issue. */
function maintenanceId(repo, number) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`incidentops-maintenance:${repo.toLowerCase()}#${number}`)
        .digest('hex')
        .slice(0, 12);
}
/** Whether the maintenance is under way at `now` (its components are under maintenance). */
const isActiveMaintenance = (m) => m.status === 'in_progress' || m.status === 'verifying';
/**
 * The public maintenances at `now`, newest window first. `clean` is how the page makes a
 * responder's text public (mentions and control characters defused; each output escapes it).
 */
function pageMaintenances(records, catalog, repo, now, clean) {
    const out = [];
    const t = Date.parse(now);
    for (const r of records) {
        if (!r.confirmed)
            continue;
        const status = statusAt(r, now);
        if (status === 'cancelled')
            continue;
        const id = maintenanceId(repo, r.number);
        const start = Date.parse(r.start);
        const end = Date.parse(endOf(r));
        const confirmedAt = Date.parse(r.confirmed.at);
        // What the status was when something was written, for the updates' own status.
        const at = (x) => {
            if (x < start)
                return 'scheduled';
            if (x >= end)
                return 'completed';
            return r.verifyingAt && x >= Date.parse(r.verifyingAt) ? 'verifying' : 'in_progress';
        };
        const updates = [
            { id: `${id}-0`, status: at(confirmedAt), body: clean(r.text), at: r.confirmed.at },
        ];
        r.updates.forEach((u, i) => updates.push({ id: `${id}-${i + 1}`, status: at(Date.parse(u.at)), body: clean(u.text), at: u.at }));
        if (t >= start && confirmedAt < start)
            updates.push({ id: `${id}-s`, status: 'in_progress', body: AUTO.in_progress, at: r.start });
        if (r.verifyingAt && t >= Date.parse(r.verifyingAt) && Date.parse(r.verifyingAt) < end)
            updates.push({ id: `${id}-v`, status: 'verifying', body: AUTO.verifying, at: r.verifyingAt });
        const resolvedAt = status === 'completed' ? new Date(Math.max(end, confirmedAt)).toISOString() : null;
        if (resolvedAt)
            updates.push({ id: `${id}-c`, status: 'completed', body: AUTO.completed, at: resolvedAt });
        updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
        out.push({
            id,
            name: clean(r.title),
            status,
            scheduledFor: r.start,
            scheduledUntil: r.end,
            createdAt: r.confirmed.at,
            updatedAt: updates[0].at,
            resolvedAt,
            components: r.components.filter((c) => catalog.some((s) => s.name === c)),
            updates,
        });
    }
    return out.sort((a, b) => Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor) || a.id.localeCompare(b.id));
}

;// CONCATENATED MODULE: ./src/status/model.ts
/**
 * The status page as data (pure): from the incidents' records, the services catalog and GitHub's
 * clock to the components with their status and uptime, the published incidents with their public
 * updates, and the page's overall status. Every output (HTML, Statuspage JSON, Atom, badge) is
 * rendered from this and from nothing else, so what is public is decided here, once.
 *
 * docs/status-page.md has the tables this code follows.
 */






const DAY = 86_400_000;
/** Statuspage counts a partial outage as 30 % of a major one in its uptime, degraded performance not at all. */
const PARTIAL_WEIGHT = 0.3;
/** The status page's overall text for each indicator (Statuspage's wording). */
const INDICATOR_TEXT = {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major Service Outage',
    maintenance: 'Service Under Maintenance',
};
const model_COMPONENT_TEXT = {
    operational: 'Operational',
    degraded_performance: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
    under_maintenance: 'Under maintenance',
};
const IMPACT = { P1: 'critical', P2: 'major', P3: 'minor', P4: 'none' };
const SEVERITY = [
    'operational',
    'under_maintenance',
    'degraded_performance',
    'partial_outage',
    'major_outage',
];
const worse = (a, b) => SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
/**
 * What an open published incident does to its components (docs/status-page.md, "Component status"):
 * while it hurts (triage, investigating, fixing) by priority; once a fix is out (monitoring) P1 and
 * P2 leave it degraded while it is verified; resolved: operational.
 */
function componentStatusFor(priority, stage) {
    if (!isActive(stage))
        return 'operational';
    if (stage === 'monitoring')
        return priority === 'P1' || priority === 'P2' ? 'degraded_performance' : 'operational';
    return priority === 'P1'
        ? 'major_outage'
        : priority === 'P2'
            ? 'partial_outage'
            : priority === 'P3'
                ? 'degraded_performance'
                : 'operational';
}
/** An incident's public id: stable, and telling nothing of the issue it comes from (its number, its repository). */
function publicId(repo, number) {
    return (0,external_node_crypto_.createHash)('sha256').update(`incidentops:${repo.toLowerCase()}#${number}`).digest('hex').slice(0, 12);
}
/** The catalog's service a name (a `service/<name>` label, the record's service) refers to, by name or alias. */
function catalogService(name, catalog) {
    const n = name.toLowerCase();
    return catalog.find((s) => s.name === n || s.aliases.some((a) => a.toLowerCase() === n));
}
/** A generic public title for an incident published by the rule without one. */
function genericTitle(status, priority, names) {
    const what = status === 'operational' ? (priority === 'P1' ? 'Major outage' : 'Service disruption') : model_COMPONENT_TEXT[status];
    return names.length ? `${what}: ${names.join(', ')}` : what;
}
/**
 * Builds the page's data. `repo` (`owner/name`) only seeds the public ids; `now` is GitHub's clock.
 */
function buildStatusPage(sources, config, repo, now, 
/** The maintenance records (any; only public ones show): their status is derived at `now`. */
maintenanceRecords = []) {
    const nowMs = Date.parse(now);
    const maintenances = pageMaintenances(maintenanceRecords, config.services, repo, now, publicText);
    const catalog = config.services;
    const incidents = [];
    const hits = new Map();
    for (const { record: r, services } of sources) {
        if (!isPublic(r, config))
            continue;
        const state = r.status;
        const m = milestones(r);
        const ids = [];
        for (const name of [...(r.service ? [r.service] : []), ...services]) {
            const s = catalogService(name, catalog);
            if (s && !ids.includes(s.name))
                ids.push(s.name);
        }
        const active = isActive(r.stage);
        // What it did at its worst (for the uptime bars) and what it does now.
        const atWorst = componentStatusFor(r.priority, 'investigating');
        const current = componentStatusFor(r.priority, r.stage);
        const publishedAt = state?.publishedAt ?? m.declaredAt;
        const id = publicId(repo, r.number);
        const updates = [];
        const stored = state?.updates ?? [];
        if (stored.length === 0 || Date.parse(stored[0].at) > Date.parse(publishedAt))
            updates.push({
                id: `${id}-0`,
                status: 'investigating',
                body: 'We are investigating this issue.',
                at: publishedAt,
            });
        stored.forEach((u, i) => updates.push({ id: `${id}-${i + 1}`, status: u.status, body: publicText(u.text), at: u.at }));
        const resolvedAt = active ? null : (m.resolvedAt ?? m.closedAt ?? m.mitigatedAt);
        if (resolvedAt)
            updates.push({ id: `${id}-r`, status: 'resolved', body: 'This incident has been resolved.', at: resolvedAt });
        if (!active && state?.postmortem)
            updates.push({
                id: `${id}-p`,
                status: 'postmortem',
                body: publicText(state.postmortem.text),
                at: state.postmortem.at,
            });
        updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
        const names = ids.map((i) => displayName(catalogService(i, catalog)));
        incidents.push({
            id,
            name: state?.title ? publicText(state.title) : genericTitle(atWorst, r.priority, names),
            status: publicStatusOf(r.stage, state),
            impact: IMPACT[r.priority],
            createdAt: publishedAt,
            startedAt: m.startedAt,
            updatedAt: updates[0]?.at ?? publishedAt,
            monitoringAt: m.mitigatedAt,
            resolvedAt,
            components: ids,
            componentStatus: current,
            updates,
        });
        // Downtime counts from the incident's start to its mitigation (or resolution, or now).
        const end = Date.parse(m.mitigatedAt ?? resolvedAt ?? now);
        for (const c of ids) {
            const list = hits.get(c) ?? [];
            list.push({ start: Date.parse(m.startedAt), end: Math.min(end, nowMs), status: atWorst });
            hits.set(c, list);
        }
    }
    incidents.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id));
    const days = config.status.uptimeDays;
    const firstDay = Math.floor(nowMs / DAY) * DAY - (days - 1) * DAY;
    const components = catalog
        .map((s, i) => ({ s, i }))
        // Services with an `order` first, lower first; then the others in catalog order.
        .sort((a, b) => (a.s.order ?? Infinity) - (b.s.order ?? Infinity) || a.i - b.i)
        .map(({ s }, position) => {
        let status = 'operational';
        let updatedAt = null;
        for (const inc of incidents) {
            if (!inc.components.includes(s.name))
                continue;
            if (inc.status !== 'resolved' && inc.status !== 'postmortem')
                status = worse(status, inc.componentStatus);
            if (!updatedAt || inc.updatedAt > updatedAt)
                updatedAt = inc.updatedAt;
        }
        // Under maintenance while one is under way, unless an incident makes it worse; never downtime in the bars.
        for (const m of maintenances)
            if (isActiveMaintenance(m) && m.components.includes(s.name)) {
                status = worse(status, 'under_maintenance');
                if (!updatedAt || m.updatedAt > updatedAt)
                    updatedAt = m.updatedAt;
            }
        const bars = uptimeBars(hits.get(s.name) ?? [], firstDay, days, nowMs);
        const span = days * DAY;
        const lost = bars.reduce((t, d) => t + d.majorMs + PARTIAL_WEIGHT * d.partialMs, 0);
        return {
            id: s.name,
            name: displayName(s),
            group: s.group ?? null,
            position: position + 1,
            status,
            updatedAt: updatedAt ?? now,
            days: bars,
            uptime: span > 0 ? 1 - lost / span : 1,
        };
    });
    const open = incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
    let indicator = 'none';
    const rank = ['none', 'maintenance', 'minor', 'major', 'critical'];
    for (const i of open) {
        const level = i.componentStatus === 'major_outage' ? 'critical' : i.componentStatus === 'partial_outage' ? 'major' : 'minor';
        if (rank.indexOf(level) > rank.indexOf(indicator))
            indicator = level;
    }
    if (indicator === 'none' && maintenances.some(isActiveMaintenance))
        indicator = 'maintenance';
    return {
        name: config.status.name,
        url: config.status.url,
        now,
        indicator,
        description: INDICATOR_TEXT[indicator],
        components,
        incidents,
        maintenances,
    };
}
/** The component's name for customers. */
function displayName(s) {
    return s.displayName ?? s.name;
}
/** One bar per UTC day: the time each day spent in major, partial and degraded outage (overlaps counted once, at the worst). */
function uptimeBars(hits, firstDay, days, nowMs) {
    const out = [];
    for (let d = 0; d < days; d++) {
        const from = firstDay + d * DAY;
        const to = Math.min(from + DAY, nowMs);
        const inDay = hits
            .map((h) => ({ start: Math.max(h.start, from), end: Math.min(h.end, to), status: h.status }))
            .filter((h) => h.end > h.start);
        const cuts = [...new Set(inDay.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b);
        const ms = { major_outage: 0, partial_outage: 0, degraded_performance: 0 };
        for (let k = 0; k + 1 < cuts.length; k++) {
            const a = cuts[k];
            const b = cuts[k + 1];
            let w = 'operational';
            for (const h of inDay)
                if (h.start <= a && h.end >= b)
                    w = worse(w, h.status);
            if (w !== 'operational')
                ms[w] = (ms[w] ?? 0) + (b - a);
        }
        // A whole day, today included, as Statuspage counts it: an outage this morning weighs what it will weigh tonight.
        const length = DAY;
        const majorMs = ms.major_outage ?? 0;
        const partialMs = ms.partial_outage ?? 0;
        out.push({
            date: new Date(from).toISOString().slice(0, 10),
            uptime: 1 - (majorMs + PARTIAL_WEIGHT * partialMs) / length,
            majorMs,
            partialMs,
            degradedMs: ms.degraded_performance ?? 0,
        });
    }
    return out;
}
/**
 * Text a responder wrote for customers, as every output carries it: no mention (a zero-width space
 * after `@`), no control characters. Each renderer escapes it for its format (HTML, XML).
 */
function publicText(text) {
    // eslint-disable-next-line no-control-regex
    return (0,markdown/* neutralizeMentions */.tI)(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
}

;// CONCATENATED MODULE: ./src/status/html.ts
/**
 * The status page as static HTML and CSS (pure): readable without JavaScript, light and dark
 * (prefers-color-scheme), landmarks, WCAG AA contrast, and never information by colour alone (every
 * status has its words and a symbol; every uptime bar has its figure as text). Every string that
 * came from a person is escaped here.
 */


/** Escapes text for HTML content and attribute values. */
function esc(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
const SYMBOL = {
    operational: '✓',
    degraded_performance: '!',
    partial_outage: '◐',
    major_outage: '✕',
    under_maintenance: '⚙',
};
const INDICATOR_SYMBOL = {
    none: '✓',
    minor: '!',
    major: '◐',
    critical: '✕',
    maintenance: '⚙',
};
const INCIDENT_TEXT = {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    postmortem: 'Postmortem',
};
/** `2026-11-25 14:05 UTC`. */
const when = (t) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const time = (t) => `<time datetime="${esc(new Date(t).toISOString())}">${when(t)}</time>`;
const html_pct = (x) => `${(Math.floor(x * 10000) / 100).toFixed(2)} %`;
const minutes = (ms) => {
    const m = Math.round(ms / 60_000);
    return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
};
/** A text as paragraphs: blank lines split them, single line breaks stay. */
const paragraphs = (text) => text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
function layout(d, title, body) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" title="${esc(d.name)}: incidents" href="history.atom">
<link rel="alternate" type="text/calendar" title="${esc(d.name)}: scheduled maintenance" href="maintenances.ics">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="site"><a href="index.html">${esc(d.name)}</a></p></header>
<main id="main">
${body}
</main>
<footer>
<nav aria-label="More from this page">
<ul>
<li><a href="index.html">Current status</a></li>
<li><a href="history.html">Incident history</a></li>
<li><a href="history.atom">Atom feed</a></li>
<li><a href="maintenances.ics">Maintenance calendar</a></li>
<li><a href="api/v2/summary.json">API (Statuspage v2)</a></li>
<li><a href="badge.svg">Badge</a></li>
</ul>
</nav>
<p>Built ${time(d.now)} from the incidents a responder chose to publish.</p>
</footer>
</body>
</html>
`;
}
function incidentHtml(i, d, level, full) {
    const names = d.components.filter((c) => i.components.includes(c.id)).map((c) => c.name);
    const h = `h${level}`;
    const updates = full ? i.updates : i.updates.slice(0, 3);
    return `<article class="incident impact-${i.impact}" id="incident-${esc(i.id)}" aria-labelledby="t-${esc(i.id)}">
<${h} id="t-${esc(i.id)}">${full ? esc(i.name) : `<a href="history.html#incident-${esc(i.id)}">${esc(i.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${INCIDENT_TEXT[i.status]}</span> Impact: ${i.impact}${names.length ? ` · Affects: ${names.map(esc).join(', ')}` : ''} · Since ${time(i.startedAt)}</p>
<ol class="updates">
${updates.map((u) => `<li><p class="when"><strong>${INCIDENT_TEXT[u.status]}</strong> · ${time(u.at)}</p>${paragraphs(u.body)}</li>`).join('\n')}
</ol>${!full && i.updates.length > updates.length ? `\n<p><a href="history.html#incident-${esc(i.id)}">All ${i.updates.length} updates</a></p>` : ''}
</article>`;
}
/** A scheduled maintenance: its window, components and public updates (the last 3 on the front page). */
function maintenanceHtml(m, d, level, full) {
    const names = d.components.filter((c) => m.components.includes(c.id)).map((c) => c.name);
    const h = `h${level}`;
    const updates = full ? m.updates : m.updates.slice(0, 3);
    return `<article class="incident maintenance" id="maintenance-${esc(m.id)}" aria-labelledby="m-${esc(m.id)}">
<${h} id="m-${esc(m.id)}">${full ? esc(m.name) : `<a href="history.html#maintenance-${esc(m.id)}">${esc(m.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${MAINTENANCE_TEXT[m.status]}</span> ${time(m.scheduledFor)} to ${time(m.scheduledUntil)}${names.length ? ` · Affects: ${names.map(esc).join(', ')}` : ''}</p>
<ol class="updates">
${updates.map((u) => `<li><p class="when"><strong>${MAINTENANCE_TEXT[u.status]}</strong> · ${time(u.at)}</p>${paragraphs(u.body)}</li>`).join('\n')}
</ol>
</article>`;
}
function maintenanceSection(id, title, list, d) {
    if (!list.length)
        return '';
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${list.map((m) => maintenanceHtml(m, d, 3, false)).join('\n')}
</section>`;
}
function bars(c) {
    const n = c.days.length;
    const w = 4;
    const gap = 1;
    const rects = c.days
        .map((day, k) => {
        const cls = day.majorMs > 0 ? 'bm' : day.partialMs > 0 ? 'bp' : day.degradedMs > 0 ? 'bd' : 'bo';
        const what = [
            day.majorMs ? `major outage ${minutes(day.majorMs)}` : '',
            day.partialMs ? `partial outage ${minutes(day.partialMs)}` : '',
            day.degradedMs ? `degraded ${minutes(day.degradedMs)}` : '',
        ].filter(Boolean);
        return `<rect x="${k * (w + gap)}" width="${w}" height="28" class="${cls}"><title>${day.date}: ${html_pct(day.uptime)}${what.length ? `, ${what.join(', ')}` : ''}</title></rect>`;
    })
        .join('');
    return `<svg class="bars" viewBox="0 0 ${n * (w + gap) - gap} 28" preserveAspectRatio="none" role="img" aria-label="${esc(c.name)}: ${html_pct(c.uptime)} uptime over ${n} days">${rects}</svg>`;
}
function componentHtml(c) {
    return `<li class="component st-${c.status}">
<div class="row"><span class="name">${esc(c.name)}</span><span class="status"><span class="sym" aria-hidden="true">${SYMBOL[c.status]}</span> ${model_COMPONENT_TEXT[c.status]}</span></div>
${bars(c)}
<p class="axis"><span>${c.days.length} days ago</span><span>${html_pct(c.uptime)} uptime</span><span>Today</span></p>
</li>`;
}
function componentsHtml(d) {
    if (d.components.length === 0)
        return '';
    const parts = [];
    const done = new Set();
    for (const c of d.components) {
        if (!c.group) {
            parts.push(componentHtml(c));
            continue;
        }
        if (done.has(c.group))
            continue;
        done.add(c.group);
        const members = d.components.filter((m) => m.group === c.group);
        parts.push(`<li class="group"><h3>${esc(c.group)}</h3><ul class="components">${members.map(componentHtml).join('\n')}</ul></li>`);
    }
    return `<section aria-labelledby="components-h">
<h2 id="components-h">Components</h2>
<ul class="components">
${parts.join('\n')}
</ul>
<p class="legend">Uptime counts a major outage in full and a partial outage at 30 %; each bar is a day (UTC), its figure in its tooltip.</p>
</section>`;
}
/** Incidents resolved within this many days stay on the front page. */
const RECENT_DAYS = 7;
/** The history page lists this many incidents, newest first. */
const HISTORY_LISTED = 100;
/** …and this many maintenances, latest window first (as Statuspage's scheduled-maintenances.json). */
const MAINTENANCE_LISTED = 50;
/** index.html: the overall status, open incidents, components with their uptime, the last week's incidents. */
function indexHtml(d) {
    const open = d.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
    const since = Date.parse(d.now) - RECENT_DAYS * 86_400_000;
    const recent = d.incidents.filter((i) => (i.status === 'resolved' || i.status === 'postmortem') && Date.parse(i.updatedAt) >= since);
    // Maintenance: under way (at the top, with open incidents), upcoming (soonest first), completed this week.
    const active = d.maintenances.filter(isActiveMaintenance);
    const upcoming = d.maintenances.filter((m) => m.status === 'scheduled').reverse();
    const done = d.maintenances.filter((m) => m.status === 'completed' && m.resolvedAt && Date.parse(m.resolvedAt) >= since);
    const body = `<h1 class="overall ind-${d.indicator}"><span class="sym" aria-hidden="true">${INDICATOR_SYMBOL[d.indicator]}</span> ${esc(d.description)}</h1>
${open.length
        ? `<section aria-labelledby="open-h">
<h2 id="open-h">Open incidents</h2>
${open.map((i) => incidentHtml(i, d, 3, false)).join('\n')}
</section>`
        : ''}
${maintenanceSection('active-m-h', 'Maintenance in progress', active, d)}
${componentsHtml(d)}
${maintenanceSection('upcoming-m-h', 'Scheduled maintenance', upcoming, d)}
${maintenanceSection('done-m-h', `Maintenance completed in the last ${RECENT_DAYS} days`, done, d)}
<section aria-labelledby="recent-h">
<h2 id="recent-h">Resolved in the last ${RECENT_DAYS} days</h2>
${recent.length ? recent.map((i) => incidentHtml(i, d, 3, false)).join('\n') : '<p>No incident.</p>'}
<p><a href="history.html">Incident history</a></p>
</section>`;
    return layout(d, `${d.name}: ${d.description}`, body);
}
/** history.html: the most recent published incidents, each with every public update. */
function historyHtml(d) {
    const list = d.incidents.slice(0, HISTORY_LISTED);
    const maint = d.maintenances.slice(0, MAINTENANCE_LISTED);
    const body = `<h1>Incident history</h1>
${list.length ? list.map((i) => incidentHtml(i, d, 2, true)).join('\n') : '<p>No incident has been published.</p>'}${d.incidents.length > list.length ? `\n<p>The ${HISTORY_LISTED} most recent of ${d.incidents.length} incidents.</p>` : ''}${maint.length
        ? `\n<section aria-labelledby="maint-h">\n<h2 id="maint-h">Scheduled maintenance</h2>\n${maint.map((m) => maintenanceHtml(m, d, 3, true)).join('\n')}\n</section>`
        : ''}`;
    return layout(d, `${d.name}: incident history`, body);
}
/** The page's CSS: system fonts, light and dark, AA contrast for every text colour on its background. */
const STYLE_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--ok:#1a7f37;--minor:#9a6700;--partial:#bc4c00;--major:#cf222e;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--ok:#3fb950;--minor:#d29922;--partial:#f0883e;--major:#f85149;--link:#4493f8}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header{padding:1rem 0;border-bottom:1px solid var(--line)}.site{margin:0;font-weight:600;font-size:1.25rem}.site a{color:var(--fg);text-decoration:none}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin:.25rem 0}
.overall{border-left:.5rem solid var(--ok);background:var(--card);padding:1rem;border-radius:.25rem}
.ind-minor{border-color:var(--minor)}.ind-maintenance{border-color:var(--link)}.maintenance{border-left-color:var(--link)}.st-under_maintenance .status{color:var(--link)}.ind-major{border-color:var(--partial)}.ind-critical{border-color:var(--major)}
.incident{border:1px solid var(--line);border-left:.35rem solid var(--minor);border-radius:.25rem;padding:.75rem 1rem;margin:1rem 0}
.impact-major{border-left-color:var(--partial)}.impact-critical{border-left-color:var(--major)}.impact-none{border-left-color:var(--muted)}
.meta,.when,.axis,.legend,footer{color:var(--muted);font-size:.875rem}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;color:var(--fg)}
.updates{list-style:none;padding:0;margin:0}.updates li{border-top:1px solid var(--line);padding:.5rem 0}.updates p{margin:.25rem 0}
.components{list-style:none;padding:0;margin:0}.component{border:1px solid var(--line);border-radius:.25rem;padding:.75rem 1rem;margin:.5rem 0}
.group>h3{margin-top:1rem}
.row{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}.name{font-weight:600}
.st-operational .status{color:var(--ok)}.st-degraded_performance .status{color:var(--minor)}.st-partial_outage .status{color:var(--partial)}.st-major_outage .status{color:var(--major)}
.bars{display:block;width:100%;height:28px;margin-top:.5rem}
.bo{fill:var(--ok)}.bd{fill:var(--minor)}.bp{fill:var(--partial)}.bm{fill:var(--major)}
.axis{display:flex;justify-content:space-between;margin:.25rem 0 0}
footer{margin-top:3rem;border-top:1px solid var(--line);padding-top:1rem}footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
`;

;// CONCATENATED MODULE: ./src/status/statuspage.ts
/**
 * The Statuspage v2 public API as static files (pure): the same paths, field names and status
 * values Atlassian documents for `/api/v2/*.json`, so that widgets, aggregators and chat apps written
 * for Statuspage read our page unchanged. The shape is pinned by schema/statuspage-v2/ (with its
 * source) and checked in the tests.
 */




const statuspage_iso = (t) => new Date(t).toISOString();
/** The page object every endpoint starts with. */
function pageOf(d, pageId) {
    return { id: pageId, name: d.name, url: d.url ?? '', time_zone: 'Etc/UTC', updated_at: statuspage_iso(d.now) };
}
/** A stable page id from the repository (never its name). */
function pageIdOf(repo) {
    return (0,external_node_crypto_.createHash)('sha256').update(`incidentops-page:${repo.toLowerCase()}`).digest('hex').slice(0, 12);
}
const groupId = (name) => `group-${(0,external_node_crypto_.createHash)('sha256').update(name).digest('hex').slice(0, 8)}`;
function componentJson(c, pageId, created) {
    return {
        id: c.id,
        name: c.name,
        status: c.status,
        created_at: created,
        updated_at: statuspage_iso(c.updatedAt),
        position: c.position,
        description: null,
        showcase: true,
        start_date: null,
        group_id: c.group ? groupId(c.group) : null,
        page_id: pageId,
        group: false,
        only_show_if_degraded: false,
    };
}
/** Components, with a group component (Statuspage's `group: true`) before the first of each group's members. */
function componentsJson(d, pageId) {
    const created = statuspage_iso(d.now);
    const out = [];
    const seen = new Set();
    const severity = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
    for (const c of d.components) {
        if (c.group && !seen.has(c.group)) {
            seen.add(c.group);
            const members = d.components.filter((m) => m.group === c.group);
            const worst = members.reduce((w, m) => (severity.indexOf(m.status) > severity.indexOf(w) ? m.status : w), 'operational');
            out.push({
                ...componentJson({ ...c, id: groupId(c.group), name: c.group, status: worst }, pageId, created),
                group_id: null,
                group: true,
                components: members.map((m) => m.id),
            });
        }
        out.push(componentJson(c, pageId, created));
    }
    return out;
}
/**
 * Widgets and chat apps commonly insert Statuspage's incident names and update bodies as HTML, so
 * what a responder wrote goes out HTML-escaped here too (`<` as `&lt;`): shown as written, never run.
 * Also the `incident` of the subscribers' webhooks (src/subscriptions/notice.ts).
 */
function incidentJson(i, d, pageId) {
    const comps = d.components.filter((c) => i.components.includes(c.id));
    return {
        id: i.id,
        name: esc(i.name),
        status: i.status,
        created_at: statuspage_iso(i.createdAt),
        updated_at: statuspage_iso(i.updatedAt),
        monitoring_at: i.monitoringAt ? statuspage_iso(i.monitoringAt) : null,
        resolved_at: i.resolvedAt ? statuspage_iso(i.resolvedAt) : null,
        impact: i.impact,
        shortlink: `${d.url ?? ''}history.html#incident-${i.id}`,
        started_at: statuspage_iso(i.startedAt),
        page_id: pageId,
        incident_updates: i.updates.map((u) => ({
            id: u.id,
            status: u.status,
            body: esc(u.body),
            incident_id: i.id,
            created_at: statuspage_iso(u.at),
            updated_at: statuspage_iso(u.at),
            display_at: statuspage_iso(u.at),
            affected_components: comps.map((c) => ({
                code: c.id,
                name: c.name,
                old_status: 'operational',
                new_status: u.status === 'resolved' || u.status === 'postmortem' ? 'operational' : i.componentStatus,
            })),
            deliver_notifications: true,
            custom_tweet: null,
            tweet_id: null,
        })),
        components: comps.map((c) => componentJson(c, pageId, statuspage_iso(d.now))),
    };
}
/**
 * A scheduled maintenance as Statuspage gives it: an incident object with `impact: maintenance`,
 * `scheduled_for` and `scheduled_until`, and updates whose status is the maintenance's at the time.
 */
function maintenanceJson(m, d, pageId) {
    const comps = d.components.filter((c) => m.components.includes(c.id));
    return {
        id: m.id,
        name: esc(m.name),
        status: m.status,
        created_at: statuspage_iso(m.createdAt),
        updated_at: statuspage_iso(m.updatedAt),
        monitoring_at: null,
        resolved_at: m.resolvedAt ? statuspage_iso(m.resolvedAt) : null,
        impact: 'maintenance',
        shortlink: `${d.url ?? ''}history.html#maintenance-${m.id}`,
        started_at: statuspage_iso(m.createdAt),
        page_id: pageId,
        incident_updates: m.updates.map((u) => ({
            id: u.id,
            status: u.status,
            body: esc(u.body),
            incident_id: m.id,
            created_at: statuspage_iso(u.at),
            updated_at: statuspage_iso(u.at),
            display_at: statuspage_iso(u.at),
            affected_components: comps.map((c) => ({
                code: c.id,
                name: c.name,
                old_status: 'operational',
                new_status: u.status === 'in_progress' || u.status === 'verifying' ? 'under_maintenance' : 'operational',
            })),
            deliver_notifications: true,
            custom_tweet: null,
            tweet_id: null,
        })),
        components: comps.map((c) => componentJson(c, pageId, statuspage_iso(d.now))),
        scheduled_for: statuspage_iso(m.scheduledFor),
        scheduled_until: statuspage_iso(m.scheduledUntil),
    };
}
/** Statuspage returns the 50 most recent incidents in incidents.json. */
const INCIDENTS_LISTED = 50;
/** …and the 50 most recent scheduled maintenances in scheduled-maintenances.json (latest window first). */
const MAINTENANCES_LISTED = 50;
/**
 * Every file of `/api/v2/`, by path (relative to the site's root), as text. The maintenance
 * endpoints: every one (50), the upcoming (`scheduled`, soonest first) and the active (`in_progress`
 * or `verifying`); summary.json carries the upcoming and active ones, as Statuspage's does.
 */
function statuspageFiles(d, repo) {
    const pageId = pageIdOf(repo);
    const page = pageOf(d, pageId);
    const status = { indicator: d.indicator, description: d.description };
    const components = componentsJson(d, pageId);
    const incidents = d.incidents.slice(0, INCIDENTS_LISTED).map((i) => incidentJson(i, d, pageId));
    const unresolved = d.incidents
        .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
        .map((i) => incidentJson(i, d, pageId));
    const json = (v) => JSON.stringify(v, null, 2) + '\n';
    const maint = (list) => list.map((m) => maintenanceJson(m, d, pageId));
    const upcoming = d.maintenances.filter((m) => m.status === 'scheduled').reverse();
    const active = d.maintenances.filter(isActiveMaintenance);
    return {
        'api/v2/summary.json': json({
            page,
            components,
            incidents: unresolved,
            scheduled_maintenances: maint([...active, ...upcoming]),
            status,
        }),
        'api/v2/status.json': json({ page, status }),
        'api/v2/components.json': json({ page, components }),
        'api/v2/incidents.json': json({ page, incidents }),
        'api/v2/incidents/unresolved.json': json({ page, incidents: unresolved }),
        'api/v2/scheduled-maintenances.json': json({
            page,
            scheduled_maintenances: maint(d.maintenances.slice(0, MAINTENANCES_LISTED)),
        }),
        'api/v2/scheduled-maintenances/upcoming.json': json({ page, scheduled_maintenances: maint(upcoming) }),
        'api/v2/scheduled-maintenances/active.json': json({ page, scheduled_maintenances: maint(active) }),
    };
}
/** The words for a component status, for text outputs. */
const statusWords = (s) => COMPONENT_TEXT[s];

// EXTERNAL MODULE: ./node_modules/feed/lib/feed.js
var lib_feed = __webpack_require__(971);
;// CONCATENATED MODULE: ./src/status/feed.ts
/**
 * The Atom feeds (site-wide `history.atom`, one per component `components/<id>.atom`) through the
 * `feed` package, and the SVG badge for READMEs (pure). Text is HTML-escaped before it goes in
 * (the package puts titles and content in CDATA as HTML, so `]]>` cannot close it either).
 */




const STATUS_WORD = {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    postmortem: 'Postmortem',
};
/** The feed of these incidents (newest first, at most 50). `self` is the feed's own path. */
function atomFeed(d, baseUrl, incidents, title, self, 
/** Scheduled maintenances, as entries of their own (latest window first, at most 50). */
maintenances = []) {
    const latest = [incidents[0]?.updatedAt, ...maintenances.map((m) => m.updatedAt)]
        .filter((t) => !!t)
        .sort()
        .pop();
    const feed = new lib_feed/* Feed */.J({
        id: `${baseUrl}${self}`,
        title,
        link: baseUrl,
        feedLinks: { atom: `${baseUrl}${self}` },
        updated: new Date(latest ?? d.now),
        generator: 'IncidentOps',
        copyright: d.name,
    });
    for (const i of incidents.slice(0, 50)) {
        // The feed package's own method (it adds an entry to the XML), not a GitHub port's `addItem`.
        // eslint-disable-next-line no-restricted-syntax
        feed.addItem({
            id: `urn:incidentops:incident:${i.id}`,
            title: esc(`${i.name} (${STATUS_WORD[i.status]})`),
            link: `${baseUrl}history.html#incident-${i.id}`,
            date: new Date(i.updatedAt),
            published: new Date(i.createdAt),
            content: i.updates
                .map((u) => `<p><strong>${STATUS_WORD[u.status]}</strong> · ${new Date(u.at).toISOString().slice(0, 16).replace('T', ' ')} UTC</p><p>${esc(u.body).replace(/\n/g, '<br>')}</p>`)
                .join(''),
        });
    }
    for (const m of maintenances.slice(0, 50)) {
        // eslint-disable-next-line no-restricted-syntax
        feed.addItem({
            id: `urn:incidentops:maintenance:${m.id}`,
            title: esc(`Maintenance: ${m.name} (${MAINTENANCE_TEXT[m.status]})`),
            link: `${baseUrl}history.html#maintenance-${m.id}`,
            date: new Date(m.updatedAt),
            published: new Date(m.createdAt),
            content: `<p>${feed_when(m.scheduledFor)} to ${feed_when(m.scheduledUntil)}</p>` +
                m.updates
                    .map((u) => `<p><strong>${MAINTENANCE_TEXT[u.status]}</strong> · ${feed_when(u.at)}</p><p>${esc(u.body).replace(/\n/g, '<br>')}</p>`)
                    .join(''),
        });
    }
    return feed.atom1();
}
const feed_when = (t) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const BADGE_COLOUR = {
    maintenance: '#0969da',
    none: '#1a7f37',
    minor: '#9a6700',
    major: '#bc4c00',
    critical: '#cf222e',
};
/** A shields-style badge: "status | All Systems Operational", its text readable without colour. */
function badgeSvg(d) {
    const label = 'status';
    const text = INDICATOR_TEXT[d.indicator];
    // Approximate Verdana 11px widths: 7 px a character is enough for these fixed words.
    const lw = label.length * 7 + 10;
    const tw = text.length * 7 + 10;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + tw}" height="20" role="img" aria-label="${label}: ${text}">
<title>${label}: ${text}</title>
<rect width="${lw}" height="20" fill="#555"/>
<rect x="${lw}" width="${tw}" height="20" fill="${BADGE_COLOUR[d.indicator]}"/>
<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${label}</text>
<text x="${lw + tw / 2}" y="14">${text}</text>
</g>
</svg>
`;
}

;// CONCATENATED MODULE: ./src/oncall/ics.ts
/*
 * An iCalendar (RFC 5545) file of a schedule: one event per stretch with someone on call. Written by
 * hand rather than with a library: the subset is small (VCALENDAR, VEVENT, UTC times, text
 * escaping, line folding) and fully specified, and a calendar app subscribing to it needs nothing else.
 */


/** `20261130T080000Z`. */
const stamp = (t) => new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** TEXT value escaping (RFC 5545 §3.3.11), after defusing what a reader could take for a mention or our markers. */
function icsText(text) {
    // eslint-disable-next-line no-control-regex
    const clean = (0,markdown/* neutralizeMarkers */.lW)((0,markdown/* neutralizeMentions */.tI)(text)).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    return clean.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line) {
    const out = [];
    let cur = '';
    let octets = 0;
    for (const ch of line) {
        const n = Buffer.byteLength(ch, 'utf8');
        if (octets + n > (out.length ? 74 : 75)) {
            out.push(cur);
            cur = '';
            octets = 0;
        }
        cur += ch;
        octets += n;
    }
    out.push(cur);
    return out.join('\r\n ');
}
function describe(g) {
    if (g.override)
        return `Override${g.override.by ? ` asked by ${g.override.by}` : ''}${g.override.reason ? `: ${g.override.reason}` : ''}`;
    return `Layer ${g.layer}`;
}
/**
 * The calendar of a schedule from `from` to `to` (epoch ms): an event per stretch with someone on
 * call (gaps have none). Stable: the same schedule and window give the same bytes, so a published
 * file changes only when the schedule does (DTSTAMP is the window's start, not the time of writing).
 */
function scheduleIcs(s, from, to, extra = []) {
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//IncidentOps//On call//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${icsText(`On call: ${s.name}`)}`,
        `X-WR-TIMEZONE:${s.timeZone}`,
    ];
    for (const g of timeline(s, from, to, extra)) {
        if (g.who === null)
            continue;
        lines.push('BEGIN:VEVENT', `UID:${s.name}-${stamp(g.from)}-${g.who}@incidentops`, `DTSTAMP:${stamp(from)}`, `DTSTART:${stamp(g.from)}`, `DTEND:${stamp(g.to)}`, `SUMMARY:${icsText(`On call (${s.name}): ${g.who}`)}`, `DESCRIPTION:${icsText(describe(g))}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

;// CONCATENATED MODULE: ./src/status/ics.ts
/**
 * `maintenances.ics` (pure): the public scheduled maintenances as an iCalendar file (RFC 5545), for
 * customers to subscribe to. It reuses the on-call calendars' writer (src/oncall/ics.ts: text
 * escaping after defusing mentions and our markers, line folding, UTC stamps). Stable: the same
 * maintenances give the same bytes (DTSTAMP is each maintenance's own last update, not the build time).
 */


/** Every public maintenance (upcoming, in progress, completed) as a VEVENT; cancelled ones are off the page, so off the calendar. */
function maintenancesIcs(d, repo) {
    const host = (() => {
        try {
            return new URL(d.url ?? '').host || repo.toLowerCase().replace('/', '.');
        }
        catch {
            return repo.toLowerCase().replace('/', '.');
        }
    })();
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//IncidentOps//Status page//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${icsText(`${d.name}: scheduled maintenance`)}`,
    ];
    for (const m of d.maintenances) {
        const names = d.components.filter((c) => m.components.includes(c.id)).map((c) => c.name);
        const latest = m.updates[0];
        lines.push('BEGIN:VEVENT', `UID:maintenance-${m.id}@${host}`, `DTSTAMP:${stamp(Date.parse(m.updatedAt))}`, `DTSTART:${stamp(Date.parse(m.scheduledFor))}`, `DTEND:${stamp(Date.parse(m.scheduledUntil))}`, `SUMMARY:${icsText(`Maintenance: ${m.name}`)}`, `DESCRIPTION:${icsText([
            `${MAINTENANCE_TEXT[m.status]}.`,
            names.length ? `Affects: ${names.join(', ')}.` : '',
            latest ? latest.body : '',
        ]
            .filter(Boolean)
            .join('\n\n'))}`, ...(d.url ? [`URL:${d.url}history.html#maintenance-${m.id}`] : []), 'STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

;// CONCATENATED MODULE: ./src/status/site.ts
/**
 * The whole static site, by path (pure), and writing it to a directory: built in a sibling
 * directory and swapped in, so a failed run leaves the previous site whole, never half-written.
 */







/** The file that marks a directory as ours: only such a directory (or an empty one) is replaced. */
const SITE_MARK = '.incidentops-status';
/** The site's address: the config's `status.url`, else GitHub Pages' address for the repository. */
function siteUrl(d, repo) {
    if (d.url)
        return d.url;
    const [owner, name] = repo.split('/');
    return `https://${owner.toLowerCase()}.github.io/${name}/`;
}
/** Every file of the site: path (relative, `/`-separated) → content. */
function buildSite(d, repo) {
    const base = siteUrl(d, repo);
    const withUrl = { ...d, url: base };
    const files = {
        'index.html': indexHtml(withUrl),
        'history.html': historyHtml(withUrl),
        'style.css': STYLE_CSS,
        'badge.svg': badgeSvg(d),
        'history.atom': atomFeed(withUrl, base, d.incidents, `${d.name}: incidents`, 'history.atom', d.maintenances),
        'maintenances.ics': maintenancesIcs(withUrl, repo),
        ...statuspageFiles(withUrl, repo),
        [SITE_MARK]: 'Written by IncidentOps (mode: status); the whole directory is replaced by each run.\n',
    };
    for (const c of d.components)
        files[`components/${c.id}.atom`] = atomFeed(withUrl, base, d.incidents.filter((i) => i.components.includes(c.id)), `${d.name}: ${c.name}`, `components/${c.id}.atom`, d.maintenances.filter((m) => m.components.includes(c.id)));
    return files;
}
/**
 * Writes the site to `dir`, replacing what a previous run wrote there. A directory that holds
 * something else (no SITE_MARK) is refused: the `status-dir` input must name a directory of its own.
 */
function writeSite(dir, files) {
    const target = (0,external_node_path_.resolve)(dir);
    if ((0,external_node_fs_.existsSync)(target) && (0,external_node_fs_.readdirSync)(target).length > 0 && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(target, SITE_MARK)))
        throw new errors/* ConfigError */.xL(`The \`status-dir\` directory ${target} already holds files IncidentOps did not write; name an empty or new directory (the site replaces its whole content each run).`);
    const next = `${target}.incidentops-next`;
    const old = `${target}.incidentops-old`;
    (0,external_node_fs_.rmSync)(next, { recursive: true, force: true });
    (0,external_node_fs_.rmSync)(old, { recursive: true, force: true });
    for (const [path, text] of Object.entries(files)) {
        const file = (0,external_node_path_.join)(next, ...path.split('/'));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
        (0,external_node_fs_.writeFileSync)(file, text);
    }
    if ((0,external_node_fs_.existsSync)(target))
        (0,external_node_fs_.renameSync)(target, old);
    (0,external_node_fs_.renameSync)(next, target);
    (0,external_node_fs_.rmSync)(old, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/subscriptions/notice.ts
/*
 * What subscribers are told (pure): one notice per public change, built from the same public data
 * as the page (src/status/model.ts) and in Statuspage's webhook format, `{meta, page, incident}`,
 * so nothing reaches a subscriber that the page's JSON does not already show. Generic over the
 * kind: a scheduled maintenance is, as in Statuspage, an incident object with `scheduled_for` and
 * `scheduled_until`, announced with `kind: 'maintenance'` (docs/status-page.md#subscriptions).
 */





const SUBSCRIPTIONS_DOC = 'https://github.com/incidentops/incidentops/blob/main/docs/status-page.md#subscriptions';
/**
 * A notice from a Statuspage incident object (already public and HTML-escaped, as the page's JSON
 * has it). `keys` are the changes it announces; they seed the delivery id, so a re-run that
 * announces the same changes sends the same id.
 */
function buildNotice(input) {
    const { page, incident } = input;
    const deliveryId = uuidOf(`${page.id}:${input.kind}:${incident.id}:${[...input.keys].sort().join(',')}`);
    const body = {
        meta: {
            unsubscribe: null,
            documentation: SUBSCRIPTIONS_DOC,
            delivery_id: deliveryId,
            sent_at: new Date(input.now).toISOString(),
            event: input.kind,
        },
        page,
        incident,
    };
    return {
        kind: input.kind,
        issue: input.issue,
        keys: [...input.keys],
        deliveryId,
        components: incident.components.map((c) => c.id),
        body,
        mail: mailOf(page, incident, input.kind),
    };
}
/** The incident's public view, as the page shows it (null: not on the page). */
function publicIncident(record, services, config, repo, now) {
    const built = buildStatusPage([{ record, services: [...services] }], config, repo, now);
    const i = built.incidents[0];
    if (!i)
        return null;
    const data = { ...built, url: siteUrl(built, repo) };
    return { data, incident: incidentJson(i, data, pageIdOf(repo)) };
}
/**
 * The changes a subscriber hears of: one key per public update (`<update>@<time>`; the update ids
 * are the page's: `1`… those written with `/status`, `r` the resolution, `p` the postmortem). A
 * resolution after a reopening, or a postmortem summary published again, has a new time, so a new
 * key. The default first update ("We are investigating this issue.", id `0`) is the publication
 * itself and has no time in its key: its time moves when `/status publish` titles an incident the
 * rule published, which is no new change.
 */
function changeKeys(incident) {
    if (!incident)
        return [];
    return incident.incident_updates.map((u) => {
        const k = u.id.slice(incident.id.length + 1);
        return k === '0' ? '0' : `${k}@${u.created_at}`;
    });
}
/**
 * The page object of a notice. Its indicator is what this incident alone gives the page: the run
 * that announces a change reads no other incident (zero extra requests); the page's own
 * `status.json` has the overall one.
 */
function noticePage(data, repo) {
    return {
        id: pageIdOf(repo),
        name: data.name,
        url: data.url ?? '',
        status_indicator: data.indicator,
        status_description: INDICATOR_TEXT[data.indicator],
    };
}
const WORDS = {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    postmortem: 'Postmortem',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
};
const word = (s) => WORDS[s] ?? s;
/** Back from the JSON's HTML escaping to the text as written (mentions stay broken). */
function unescapeHtml(s) {
    return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'");
}
const notice_utc = (t) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
/**
 * The e-mail: a one-line subject (no line break can reach a header), a plain-text body and an HTML
 * part whose text is the JSON's, already escaped. Only what the page shows.
 */
function mailOf(page, incident, kind) {
    const name = unescapeHtml(incident.name);
    const status = word(incident.status);
    const subject = plain(`[${page.name}] ${status}: ${name}`, 200);
    const comps = incident.components.map((c) => c.name);
    const updates = incident.incident_updates;
    const window = kind === 'maintenance' && incident.scheduled_for
        ? `Scheduled: ${notice_utc(incident.scheduled_for)} to ${incident.scheduled_until ? notice_utc(incident.scheduled_until) : '?'}`
        : null;
    const text = [
        name,
        [status, comps.length ? `Affects: ${comps.join(', ')}` : null].filter(Boolean).join(' · '),
        ...(window ? [window] : []),
        '',
        ...updates.flatMap((u, i) => [
            `${i === 0 ? '' : '  '}${word(u.status)} (${notice_utc(u.created_at)}):`,
            ...unescapeHtml(u.body)
                .split('\n')
                .map((l) => `${i === 0 ? '' : '  '}${l}`),
            '',
        ]),
        `Details: ${incident.shortlink}`,
        '',
        '--',
        `You receive this as a subscriber of ${page.name} (${page.url}).`,
        '',
    ].join('\n');
    const html = [
        '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
        `<h1 style="font-size:1.2em">${incident.name}</h1>`,
        `<p><strong>${status}</strong>${comps.length ? ` · Affects: ${comps.map(escHtml).join(', ')}` : ''}</p>`,
        ...(window ? [`<p>${escHtml(window)}</p>`] : []),
        ...updates.map((u) => `<p><strong>${word(u.status)}</strong> <small>(${notice_utc(u.created_at)})</small><br>${u.body.replace(/\n/g, '<br>')}</p>`),
        `<p><a href="${escHtml(incident.shortlink)}">Details on the status page</a></p>`,
        `<p style="color:#555;font-size:.9em">You receive this as a subscriber of ${escHtml(page.name)}.</p>`,
        '</body></html>',
    ].join('\n');
    return { subject, text, html };
}
function escHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
/** A UUID-shaped id from a hash: the same text always gives the same id. */
function uuidOf(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

;// CONCATENATED MODULE: ./src/subscriptions/plan.ts


/** Most change keys kept in a record (20 updates, the first, resolutions, the postmortem fit with room). */
const NOTICES_KEPT = 60;
/**
 * The notice for the public changes this run makes to an incident, or null. A change is new when
 * the incident's public view after the run has an update its view before the run did not have, and
 * the record does not list it as notified: so a config rule that starts matching old incidents
 * announces none of them, a republication after `/status unpublish` repeats nothing already sent, and
 * subscribers added later are not flooded with the past. Several changes in one run (a publication
 * with its first update, then `/resolve` in the same comment) make one notice with the incident as
 * it now is. Title changes, stage changes without a `/status` text and `/status unpublish` announce
 * nothing (docs/status-page.md#subscriptions).
 */
function planIncidentNotice(before, after, config, repo, now) {
    if (!hasSubscribers(config.status.subscribers))
        return null;
    const now_ = publicIncident(after.record, after.services, config, repo, now);
    if (!now_)
        return null;
    const was = before ? publicIncident(before.record, before.services, config, repo, now) : null;
    const seen = new Set([...changeKeys(was?.incident ?? null), ...(after.record.notices ?? [])]);
    const fresh = changeKeys(now_.incident).filter((k) => !seen.has(k));
    if (!fresh.length)
        return null;
    return buildNotice({
        kind: 'incident',
        issue: after.record.number,
        keys: fresh,
        page: noticePage(now_.data, repo),
        incident: now_.incident,
        now,
    });
}
/** Records the notice's changes in the record (before the card that carries it is written). */
function recordNotice(record, notice) {
    record.notices = [...(record.notices ?? []), ...notice.keys.filter((k) => !record.notices?.includes(k))].slice(-NOTICES_KEPT);
}
/** The effects that send a notice: one per webhook and per address whose `components` filter it passes. */
function announceEffects(notice, subscribers) {
    const wants = (filter) => filter === null || notice.components.some((c) => filter.includes(c.toLowerCase()));
    const out = [];
    for (const w of subscribers.webhooks)
        if (wants(w.components))
            out.push({ kind: 'announce', issue: notice.issue, channel: 'webhook', to: w.url, secretEnv: w.secretEnv, notice });
    const mail = subscribers.email;
    if (mail && wants(mail.components))
        for (const to of mail.to)
            out.push({ kind: 'announce', issue: notice.issue, channel: 'email', to, secretEnv: null, notice });
    return out;
}
/** `#12: notify hooks.example.com by webhook (incident resolved)`: no path, query or secret. */
function describeAnnounce(e) {
    let where = e.to;
    if (e.channel === 'webhook')
        try {
            where = new URL(e.to).host;
        }
        catch {
            where = '(bad URL)';
        }
    // No delivery id: a dry run of a new incident's first run only imagines its issue number, from which the id derives.
    const what = `${e.notice.kind} ${e.notice.body.incident.status}`;
    return `#${e.issue}: notify ${where} by ${e.channel === 'webhook' ? 'webhook' : 'e-mail'} (${what})`;
}

;// CONCATENATED MODULE: ./src/plan.ts




const lower = (s) => s.toLowerCase();
/**
 * Compares the desired state with the snapshot and returns only the writes that differ.
 * Idempotency and convergence come from here: a state that already matches yields no effect.
 */
function reconcile(wanted, ctx) {
    const issue = ctx.issue;
    if (!issue)
        return [];
    const effects = [];
    // What GitHub will hold once the limits are applied (apply.ts applies the same functions): a card
    // or label set that had to be cut compares equal next run instead of being written again. Over
    // 100 labels, ours (those with a spec) are kept before people's.
    const ours = new Set(wanted.labelSpecs.map((l) => lower(l.name)));
    const desired = {
        ...wanted,
        card: fitBody(wanted.card),
        labels: fitLabels(wanted.labels, (l) => ours.has(lower(l))),
        once: wanted.once.map((c) => ({ marker: c.marker, body: fitBody(c.body) })),
    };
    const existing = new Set(ctx.repoLabels.map((l) => lower(l.name)));
    const missing = desired.labelSpecs.filter((l) => !existing.has(lower(l.name)));
    if (missing.length)
        effects.push({ kind: 'create-labels', labels: missing });
    // The card carries the record: it is written before the labels, so a run that fails between
    // the two leaves labels to repair, never a label that looks like a person's choice.
    const card = findCard(issue.comments);
    // Replies (escalations, alert repeats, command answers) are posted BEFORE the card that records
    // their cause: once the record says "escalated" or "comment processed", a re-run no longer
    // produces the reply, so a run killed between the two would lose it for good. Posted first, a
    // re-run finds it by its marker and only writes the card. (A new card still comes first: the
    // crisis comment points at the card above it.)
    // One comment per marker, also within one run (twenty `/help` lines in a comment get one answer).
    const once = desired.once.filter((c, i) => !findMarked(issue.comments, c.marker) &&
        desired.once.findIndex((x) => x.marker === c.marker) === i);
    const replies = once.map((c) => ({
        kind: 'create-comment',
        issue: issue.number,
        marker: c.marker,
        body: c.body,
    }));
    if (card)
        effects.push(...replies.splice(0));
    if (!card)
        effects.push({ kind: 'create-comment', issue: issue.number, marker: CARD_MARKER, body: desired.card });
    else if (card.body !== desired.card)
        effects.push({
            kind: 'update-comment',
            issue: issue.number,
            commentId: card.databaseId,
            marker: CARD_MARKER,
            body: desired.card,
        });
    const have = new Set(issue.labels.map(lower));
    const want = new Set(desired.labels.map(lower));
    const toAdd = desired.labels.filter((l) => !have.has(lower(l)));
    const toRemove = issue.labels.filter((l) => !want.has(lower(l)));
    const missingAssignees = (desired.assignees ?? []).filter((a) => !issue.assignees.some((x) => lower(x) === lower(a)));
    const stateChange = desired.state !== undefined && desired.state !== issue.state;
    if (stateChange || missingAssignees.length) {
        // One PATCH carries labels, state and assignees together: a stage change costs one write.
        const why = [];
        const e = { kind: 'update-issue', issue: issue.number, why };
        if (toAdd.length || toRemove.length) {
            e.labels = desired.labels;
            why.push(`labels ${[...toAdd.map((l) => `+${l}`), ...toRemove.map((l) => `-${l}`)].join(' ')}`);
        }
        if (stateChange) {
            e.state = desired.state;
            e.stateReason = desired.state === 'closed' ? (desired.stateReason ?? 'completed') : 'reopened';
            why.push(desired.state === 'closed' ? `close (${e.stateReason})` : 'reopen');
        }
        if (missingAssignees.length) {
            e.assignees = [...issue.assignees, ...missingAssignees];
            why.push(`assign ${missingAssignees.join(', ')}`);
        }
        effects.push(e);
    }
    else if (toRemove.length)
        effects.push({ kind: 'set-labels', issue: issue.number, labels: desired.labels, removed: toRemove });
    else if (toAdd.length)
        effects.push({ kind: 'add-labels', issue: issue.number, labels: toAdd });
    effects.push(...replies);
    return effects;
}
/** One line per effect, for logs, the job summary and dry-run. */
function describeEffect(e) {
    switch (e.kind) {
        case 'create-labels':
            return `create labels ${e.labels.map((l) => l.name).join(', ')}`;
        case 'add-labels':
            return `#${e.issue}: add labels ${e.labels.join(', ')}`;
        case 'set-labels':
            return `#${e.issue}: set labels to ${e.labels.join(', ')} (removing ${e.removed.join(', ')})`;
        case 'update-issue':
            return `#${e.issue}: ${e.why.join(', ')}`;
        case 'create-issue':
            return `open issue "${e.title.slice(0, 80)}" (${markerKind(e.marker)})`;
        case 'edit-issue':
            return `#${e.issue}: update ${markerKind(e.marker)}`;
        case 'create-comment':
            return `#${e.issue}: post ${markerKind(e.marker)}`;
        case 'update-comment':
            return `#${e.issue}: update ${markerKind(e.marker)}`;
        case 'delete-label':
            return `delete label ${e.name}`;
        case 'update-label':
            return `update label ${e.name} (${e.why})`;
        case 'set-workflow':
            return `turn the workflow ${e.workflow} ${e.enabled ? 'on' : 'off'} (${e.why})`;
        case 'propose-file':
            return `propose the postmortem of #${e.issue} as ${e.path} in a pull request`;
        case 'put-file':
            return `write ${e.what} to ${e.path} on the branch ${e.branch}`;
        case 'edit-pull-body':
            return `#${e.pr}: follow-ups updated`;
        case 'board-add-item':
            return `#${e.issue}: add to project ${e.project}`;
        case 'board-set-fields':
            return `#${e.issue}: ${e.what}${e.what === 'board' ? '' : ':'} ${e.updates.map((u) => `${u.field} = ${u.shown ?? '(cleared)'}`).join(', ')}`;
        case 'page':
            return describePage(e);
        case 'announce':
            return describeAnnounce(e);
    }
}
function markerKind(m) {
    return /incidentops:([a-z-]+)/.exec(m)?.[1] ?? 'comment';
}

;// CONCATENATED MODULE: ./src/apply.ts


/** The prefix of the node ids a dry run imagines for what it would create (never sent as a write). */
const DRY_RUN_ID = 'DRY_RUN_';
/** The number (or id) a write created, or would have created in a dry run; undefined when skipped. */
function createdBy(a) {
    return a && a.status !== 'skipped' && a.status !== 'failed' ? a : undefined;
}
/**
 * The only place that writes to GitHub, and the only place that knows dry-run. One executor is
 * made per run, so its budget is the run's: issue, board, file and pull-request writes all count.
 * When the budget runs out it stops cleanly; nothing is lost because the next run reconciles again.
 * Planners compute effects purely; a planner that needs an id a write creates (the postmortem issue,
 * the board item) applies that write first and plans the rest with the id it got back.
 */
class Executor {
    ports;
    opts;
    used = 0;
    limit;
    /** Issues and board items a dry run would have created so far: each gets a placeholder id. */
    imagined = { issues: 0, items: 0 };
    constructor(ports, opts) {
        this.ports = ports;
        this.opts = opts;
        this.limit = opts.budget;
    }
    /** True when nothing is written: effects are described and returned as `planned`. */
    get dryRun() {
        return this.opts.dryRun;
    }
    /** Writes done (or, in a dry run, planned) so far in this run. */
    get written() {
        return this.used;
    }
    /** Writes still allowed in this run. */
    get remaining() {
        return Math.max(0, this.limit - this.used);
    }
    /** Lowers the run's budget (the sweep's own, once its config is read); never raises it. */
    capBudget(budget) {
        this.limit = Math.min(this.limit, budget);
    }
    /**
     * Executes the effects in order; each done, planned (dry-run) or skipped (budget reached).
     * `after: false` says the effects depend on an earlier write that was not done (an id it would
     * have created): they are planned in a dry run and skipped otherwise.
     */
    async apply(effects, o = {}) {
        const out = [];
        for (const e of effects) {
            const description = describeEffect(e);
            const issue = 'issue' in e ? e.issue : undefined;
            const kind = e.kind.startsWith('board-') ? 'board' : e.kind;
            if (e.kind === 'page' || e.kind === 'announce') {
                // Not a GitHub write: outside the budget (the card that records it is already written, so
                // a page or notice left for later would never be sent), and its failure is reported, not thrown.
                if (this.opts.dryRun) {
                    this.opts.log(`[dry-run] would ${description}`);
                    out.push({ kind, issue, description, status: 'planned' });
                    continue;
                }
                const unset = {
                    ok: false,
                    error: `no ${e.kind === 'page' ? 'pager' : 'announcer'} was set up (a bug)`,
                };
                const r = e.kind === 'page'
                    ? ((await this.ports.pager?.send(e)) ?? unset)
                    : ((await this.ports.announcer?.send(e)) ?? unset);
                if (r.ok)
                    this.opts.log(description);
                else
                    (this.opts.warn ?? this.opts.log)(`${description} failed: ${r.error}. The incident's GitHub writes are done; ${e.kind === 'page' ? 'the mention stands' : 'this notice is not sent again (at most once)'}.`);
                out.push({ kind, issue, description, status: r.ok ? 'done' : 'failed', ...(r.ok ? {} : { error: r.error }) });
                continue;
            }
            // A dry run counts its planned writes against the budget too: it stops where the run would.
            if ((o.after === false && !this.opts.dryRun) || this.used >= this.limit) {
                this.opts.log(`${o.after === false ? 'waits for a write that was not done' : `budget of ${this.limit} writes reached`}: left for the next run: ${description}`);
                out.push({ kind, issue, description, status: 'skipped' });
                continue;
            }
            if (this.opts.dryRun) {
                this.used++;
                this.opts.log(`[dry-run] would ${description}`);
                out.push({ kind, issue, description, status: 'planned', ...this.placeholder(e) });
                continue;
            }
            const created = await this.execute(e);
            this.used++;
            this.opts.log(created?.note ? `${created.note}: ${description}` : description);
            // A created issue (report, postmortem, follow-up, pull request) is known by its new number from here on.
            out.push({
                kind,
                issue: e.kind === 'propose-file' ? created?.number : (issue ?? created?.number),
                ...(created?.nodeId ? { nodeId: created.nodeId } : {}),
                ...(created?.itemId ? { itemId: created.itemId } : {}),
                description,
                status: 'done',
            });
        }
        return out;
    }
    /**
     * Executes the effects as `apply` does, but in ONE request when every one of them can go in a
     * batch (an issue created or edited, a file committed, each with the GraphQL ids its planner
     * read): GitHub's 1 s between mutating requests is then paid once. Anything else (a dry run, too
     * little budget left for all of them, an id not read) falls back to `apply`, one write at a time.
     */
    async applyTogether(effects) {
        const writes = effects.map(togetherWrite);
        if (this.opts.dryRun || effects.length < 2 || this.remaining < effects.length || writes.includes(null))
            return this.apply(effects);
        const created = await this.ports.github.writeTogether(writes);
        this.used += effects.length;
        return effects.map((e, i) => {
            const description = describeEffect(e);
            this.opts.log(`${description} (${i + 1} of ${effects.length} writes in one request)`);
            const c = created[i];
            return {
                kind: e.kind,
                issue: 'issue' in e ? e.issue : c?.number,
                ...(c?.nodeId ? { nodeId: c.nodeId } : {}),
                description,
                status: 'done',
            };
        });
    }
    /**
     * Every write passes GitHub's documented limits (content-limits.ts) on its way out: a value that
     * already fits is sent as planned, a longer one is cut so that it fits and says so. The planners
     * that compare with GitHub's state use the same functions, so a cut value is not rewritten next run.
     */
    async execute(e) {
        const port = this.ports.github;
        switch (e.kind) {
            case 'create-labels':
                return port.createLabels(e.labels.map((l) => ({
                    name: content_limits_fitLabelName(l.name),
                    color: l.color,
                    description: fitLabelDescription(l.description),
                })));
            case 'add-labels':
                return port.addLabels(e.issue, fitLabels(e.labels));
            case 'set-labels':
                return port.setLabels(e.issue, fitLabels(e.labels));
            case 'update-issue':
                return port.updateIssue(e.issue, {
                    labels: e.labels && fitLabels(e.labels),
                    state: e.state,
                    stateReason: e.stateReason,
                    assignees: e.assignees,
                });
            case 'create-issue':
                return port.createIssue({
                    title: fitTitle(e.title),
                    body: fitBody(e.body),
                    labels: fitLabels(e.labels),
                    assignees: e.assignees,
                });
            case 'edit-issue':
                return port.editIssue(e.issue, {
                    title: e.title === undefined ? undefined : fitTitle(e.title),
                    body: e.body === undefined ? undefined : fitBody(e.body),
                });
            case 'create-comment':
                await port.createComment(e.issue, fitBody(e.body));
                return;
            case 'update-comment':
                return port.updateComment(e.commentId, fitBody(e.body));
            case 'delete-label':
                return port.deleteLabel(e.name);
            case 'update-label':
                return port.updateLabel(e.name, { description: fitLabelDescription(e.description) });
            case 'set-workflow':
                return port.setWorkflowEnabled(e.workflow, e.enabled);
            case 'put-file':
                return port.putFile({
                    branch: e.branch,
                    path: e.path,
                    content: e.content,
                    message: e.message,
                    sha: e.sha,
                    newBranch: e.newBranch,
                });
            case 'propose-file': {
                const pr = await port.proposeFile({
                    branch: e.branch,
                    path: e.path,
                    content: e.content,
                    message: e.message,
                    title: fitTitle(e.title),
                    body: fitBody(e.body),
                });
                return {
                    number: pr.number,
                    note: pr.created ? `opened pull request #${pr.number}` : `found pull request #${pr.number}`,
                };
            }
            case 'edit-pull-body':
                return port.editPullBody(e.pr, fitBody(e.body));
            case 'board-add-item':
                return { itemId: await this.boardPort().addItem(e.projectId, e.contentId) };
            case 'board-set-fields':
                return this.boardPort().setFields(e.projectId, e.itemId, e.updates);
        }
    }
    /**
     * What a write would have created, in a dry run: placeholder ids (issue -1, node DRY_RUN_1, …), so
     * that the planners go on as in the real run and the dry run's plan is the real run's, id for id.
     */
    placeholder(e) {
        if (e.kind !== 'create-issue' && e.kind !== 'propose-file' && e.kind !== 'board-add-item')
            return {};
        if (e.kind === 'board-add-item')
            return { itemId: `${DRY_RUN_ID}ITEM_${++this.imagined.items}` };
        const k = ++this.imagined.issues;
        return { issue: -k, ...(e.kind === 'create-issue' ? { nodeId: `${DRY_RUN_ID}${k}` } : {}) };
    }
    boardPort() {
        if (!this.ports.board)
            throw new Error('a board write was planned without a project token (a bug: the board planner runs only with one)');
        return this.ports.board;
    }
}
/** The effect as a write `writeTogether` can batch, with its values fitted as `execute` fits them; null when it cannot. */
function togetherWrite(e) {
    switch (e.kind) {
        case 'create-issue':
            return e.labelIds && e.labelIds.length === e.labels.length && !e.assignees?.length
                ? { kind: 'create-issue', title: fitTitle(e.title), body: fitBody(e.body), labelIds: e.labelIds }
                : null;
        case 'edit-issue':
            return e.nodeId
                ? {
                    kind: 'edit-issue',
                    id: e.nodeId,
                    ...(e.title !== undefined ? { title: fitTitle(e.title) } : {}),
                    ...(e.body !== undefined ? { body: fitBody(e.body) } : {}),
                }
                : null;
        case 'put-file':
            return e.headOid && !e.newBranch
                ? {
                    kind: 'commit-file',
                    branch: e.branch,
                    path: e.path,
                    content: e.content,
                    message: e.message,
                    expectedHeadOid: e.headOid,
                }
                : null;
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./src/postmortem/default-template.ts
// Generated from templates/postmortem.md (a test fails when they differ): the built-in template, bundled
// into dist/ so the action needs no file at run time. Users copy templates/postmortem.md to customise it.
const DEFAULT_TEMPLATE = '# Postmortem: {{title}}\n\nIncident [{{repo}}#{{number}}]({{url}}) · **{{priority}}** · {{stage}} · commander {{commander}}\n\n| | |\n|---|---|\n| **Priority** | **{{priority}}**: {{priority_reason}} |\n| **Services** | {{services}} |\n| **Impact** | {{impact}} |\n| **What was broken** | {{summary}} |\n| **Detected by** | {{detection}} |\n\n## Key times\n\n| milestone | time | duration |\n|---|---|---|\n| Started | {{started}} | |\n| Detected (declared) | {{declared}} | time to detect: {{time_to_detect}} (from the start) |\n| Acknowledged | {{acknowledged}} | time to acknowledge: {{time_to_acknowledge}} (from detection) |\n| Mitigated | {{mitigated}} | time to mitigate: {{time_to_mitigate}} (from the start) |\n| Resolved | {{resolved}} | time to resolve: {{time_to_resolve}} (from the start) |\n\n## Timeline\n\n{{timeline}}\n\n## Participants\n\n{{participants}}\n\n## Links\n\n{{links}}\n\n## Summary\n\n_What happened, what it did to users, and how it was fixed, in a few sentences for someone who was not there._\n\n## Root cause\n\n_The underlying reason it broke: a condition in the system or the process, not a person._\n\n## Contributing factors\n\n- _What made it more likely, larger, or slower to detect and fix._\n\n## Five whys\n\n1. Why did it happen? _…_\n2. Why? _…_\n3. Why? _…_\n4. Why? _…_\n5. Why? _…_\n\n## What went well\n\n- _…_\n\n## What went badly\n\n- _…_\n\n## Where we got lucky\n\n- _…_\n\n## Action items\n\n- [ ] _Action, owner, due date. Open each one as a tracked follow-up with `/followup <title>`._\n\n## Follow-ups\n\n{{followups}}\n';

;// CONCATENATED MODULE: ./src/postmortem/template.ts
/**
 * Postmortem templates: a markdown file with `{{name}}` placeholders (docs/postmortems.md).
 *
 * Syntax, deliberately small:
 * - `{{name}}` or `{{ name }}` is a placeholder; it cannot span lines. Every value is rendered as
 *   safe markdown (user text escaped, mentions defused), so there is no "raw" form: `{{{name}}}` is
 *   an error, not Mustache's unescaped output.
 * - `\{{` writes a literal `{{` (the backslash is dropped), e.g. for `$\{{ secrets.TOKEN }}`.
 * - An unknown name, an unclosed `{{`, a block placeholder (`timeline`, `links`, `followups`) that
 *   does not stand on a line of its own, a second `{{followups}}`, or one of our hidden
 *   `<!-- incidentops:… -->` markers is a `ConfigError` whose problems carry file, line and column
 *   (1-based, column counted in characters). All problems are reported at once.
 * - CRLF line endings and a leading byte order mark are normalised away.
 */

/** Every placeholder a template may use, in the order the docs list them. */
const PLACEHOLDERS = {
    title: { description: 'The incident issue title.', block: false },
    number: { description: 'The incident issue number, e.g. `42`.', block: false },
    url: { description: 'The incident issue URL.', block: false },
    repo: { description: 'The repository, `owner/name`.', block: false },
    priority: { description: 'The priority now, e.g. `P2`.', block: false },
    priority_reason: {
        description: 'How the priority was chosen: the matching rule, or who set it by hand and why.',
        block: false,
    },
    stage: { description: 'The incident stage when the postmortem was written, e.g. `Resolved`.', block: false },
    services: { description: 'The affected services, or `none stated`.', block: false },
    impact: {
        description: 'Customer impact level, share of users affected, data loss, security exposure.',
        block: false,
    },
    summary: { description: 'What is broken, as the reporter wrote it (one line).', block: false },
    detection: { description: 'How it was detected (the form field), or `not stated`.', block: false },
    started: { description: 'When impact began (UTC).', block: false },
    declared: { description: 'When the incident was declared, i.e. detected (UTC).', block: false },
    acknowledged: { description: 'When it was acknowledged (UTC), or `not reached`.', block: false },
    mitigated: { description: 'When it was mitigated (UTC), or `not reached`.', block: false },
    resolved: { description: 'When it was resolved (UTC), or `not reached`.', block: false },
    time_to_detect: { description: 'started → declared.', block: false },
    time_to_acknowledge: { description: 'declared → acknowledged.', block: false },
    time_to_mitigate: { description: 'started → mitigated.', block: false },
    time_to_resolve: { description: 'started → resolved.', block: false },
    timeline: { description: 'The timeline as a table (time, what, who), summarised when too long.', block: true },
    participants: {
        description: 'Everyone who acted on the incident, comma-separated, without pinging them.',
        block: false,
    },
    commander: { description: 'Who led the response, without pinging them, or `nobody`.', block: false },
    links: { description: 'A list: the incident, then the links given in the form.', block: true },
    followups: { description: 'The follow-up issues with their state, kept current by the action.', block: true },
    changes: {
        description: 'The suspect changes with their reasons, the cause confirmed with `/cause` and the reverts merged during the incident (docs/changes.md); appended at the end when the template has no `{{changes}}` and there is something to say.',
        block: true,
    },
};
const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS);
const isPlaceholder = (name) => Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
/** Where the default template lives, relative to the action's root (the caller reads it). */
const DEFAULT_TEMPLATE_PATH = 'templates/postmortem.md';
const MARKER_RE = /<!--\s*\/?\s*incidentops:/i;
/**
 * Parses a template. `file` is only used in messages (the path the user configured).
 * Throws `ConfigError` listing every problem with its line and column.
 */
function parseTemplate(text, file) {
    const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const problems = [];
    const parts = [];
    let buf = '';
    let followups = 0;
    const lines = src.split('\n');
    for (const [i, line] of lines.entries()) {
        const lineNo = i + 1;
        const col = (index) => Array.from(line.slice(0, index)).length + 1;
        const problem = (index, message) => {
            problems.push({ file, line: lineNo, column: col(index), message });
        };
        const marker = MARKER_RE.exec(line);
        if (marker)
            problem(marker.index, "IncidentOps' hidden `<!-- incidentops:… -->` markers cannot be written in a template (they are added by the action): use `{{followups}}` for the follow-up list");
        if (i > 0)
            buf += '\n';
        let pos = 0;
        while (pos < line.length) {
            const open = line.indexOf('{{', pos);
            if (open < 0) {
                buf += line.slice(pos);
                break;
            }
            if (open > 0 && line[open - 1] === '\\') {
                // `\{{` is a literal `{{`: drop the backslash.
                buf += line.slice(pos, open - 1) + '{{';
                pos = open + 2;
                continue;
            }
            buf += line.slice(pos, open);
            const close = line.indexOf('}}', open + 2);
            if (close < 0) {
                problem(open, 'unclosed `{{`: a placeholder is `{{name}}` on one line; write `\\{{` for a literal `{{`');
                buf += line.slice(open);
                break;
            }
            const raw = line.slice(open + 2, close);
            const name = raw.trim();
            pos = close + 2;
            if (raw.startsWith('{')) {
                problem(open, `\`{{${raw}}}\`: triple braces are not supported (every value is escaped for markdown, there is no raw form); write \`{{${name.replace(/^\{+|\}+$/g, '')}}}\``);
                if (line[pos] === '}')
                    pos++;
                continue;
            }
            if (!isPlaceholder(name)) {
                const hint = suggestion(name);
                problem(open, `unknown placeholder \`{{${name}}}\`${hint ? ` (did you mean \`{{${hint}}}\`?)` : ''}; known placeholders: ${PLACEHOLDER_NAMES.join(', ')}. Write \`\\{{\` for a literal \`{{\``);
                continue;
            }
            if (PLACEHOLDERS[name].block && (line.slice(0, open).trim() !== '' || line.slice(pos).trim() !== '')) {
                problem(open, `\`{{${name}}}\` renders several lines (a table or a list), so it must stand on a line of its own`);
            }
            if (name === 'followups' && ++followups > 1)
                problem(open, '`{{followups}}` may appear only once: the action rewrites that one section as follow-ups change');
            if (buf)
                parts.push({ kind: 'text', text: buf });
            buf = '';
            parts.push({ kind: 'placeholder', name, line: lineNo, column: col(open) });
        }
    }
    if (buf)
        parts.push({ kind: 'text', text: buf });
    if (problems.length) {
        const list = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
        throw new errors/* ConfigError */.xL(`Invalid postmortem template ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${list.join('\n')}`, problems);
    }
    return { file, parts };
}
/** A known name differing only in case, spaces/dashes, or a missing `time_to_` prefix. */
function suggestion(name) {
    const norm = (s) => s.toLowerCase().replace(/[\s.-]+/g, '_');
    const n = norm(name);
    for (const known of PLACEHOLDER_NAMES)
        if (norm(known) === n || known === `time_to_${n}` || known.replace(/_/g, '') === n.replace(/_/g, ''))
            return known;
    return null;
}

;// CONCATENATED MODULE: ./src/postmortem/render.ts
/**
 * The postmortem document: a parsed template filled in from the incident's record and facts.
 * Pure: no clock, no I/O, so the same input gives the same bytes.
 *
 * Shape of the body: a hidden first line `<!-- incidentops:postmortem:<incident> -->` (a re-run
 * finds the postmortem by it and never writes a second one), then the rendered template. The
 * follow-up list sits between `<!-- incidentops:followups -->` and `<!-- /incidentops:followups -->`
 * so `replaceFollowups` can rewrite just that part after people edited the rest.
 *
 * Size: GitHub refuses bodies over 65,536 characters. The result never exceeds `maxChars`
 * (default 60,000). When the timeline does not fit, it is summarised: the first and last entries
 * and every stage and priority change (and the declaration, acknowledgements, hand-overs and
 * dismissal) are kept, then as many of the other entries (updates, notes, alerts, impact edits)
 * as fit, taken from both ends; gap rows say how many entries were left out where, and a line
 * above the table counts them by kind and points to the incident. A table row is never cut.
 */







const DEFAULT_MAX_CHARS = 60_000;
/** Below this not even a summarised postmortem is useful. */
const MIN_MAX_CHARS = 2_000;
/** The follow-up list takes at most this many characters; further items are counted, not listed. */
const FOLLOWUPS_MAX_CHARS = 10_000;
const FOLLOWUPS_START = '<!-- incidentops:followups -->';
const FOLLOWUPS_END = '<!-- /incidentops:followups -->';
/** The hidden first line of a postmortem: `<!-- incidentops:postmortem:42 -->`. */
const postmortemMarker = (incident) => marker('postmortem', incident);
/** The incident a postmortem body belongs to, read from its first line; null when it is not one of ours. */
function postmortemIncident(body) {
    const m = /^<!-- incidentops:postmortem:(\d{1,10}) -->/.exec(body);
    return m ? Number(m[1]) : null;
}
// ---------------------------------------------------------------------------------------------
// Follow-ups
/**
 * The follow-up list wrapped in its markers: `- [x] #12 title` when closed, `- [ ] #13 title` when
 * open, sorted by number so the same set always gives the same bytes. Bounded by
 * `FOLLOWUPS_MAX_CHARS`: items that do not fit are counted.
 */
function followupsSection(followups) {
    const sorted = [...followups].sort((a, b) => a.number - b.number);
    const lines = [];
    if (sorted.length === 0)
        lines.push('_No follow-ups yet: comment `/followup <title>` on the incident or on this issue to open one._');
    else {
        const more = (n) => `- _… and ${thousands(n)} more follow-ups, labelled \`incident-followup\`._`;
        const reserve = more(sorted.length).length + 1;
        let used = 0;
        for (const [i, f] of sorted.entries()) {
            const line = `- [${f.state === 'closed' ? 'x' : ' '}] #${Math.trunc(f.number)} ${(0,markdown/* inline */.mG)(f.title, 200)}`.trimEnd();
            if (used + line.length + 1 + reserve > FOLLOWUPS_MAX_CHARS) {
                lines.push(more(sorted.length - i));
                break;
            }
            lines.push(line);
            used += line.length + 1;
        }
    }
    return [FOLLOWUPS_START, ...lines, FOLLOWUPS_END].join('\n');
}
/**
 * Rewrites the follow-up section of a postmortem body and leaves every other character as people
 * left it. The section is the last start marker that has an end marker after it, up to that end
 * marker (a stray marker left by an edit is left alone). When there is no such section (people
 * deleted it), it is appended at the end. Line endings follow the body's (GitHub's editor sends CRLF).
 * Idempotent: applying it twice gives the same body as applying it once.
 */
function replaceFollowups(body, followups) {
    const eol = body.includes('\r\n') ? '\r\n' : '\n';
    const section = followupsSection(followups).replace(/\n/g, eol);
    let start = body.lastIndexOf(FOLLOWUPS_START);
    while (start >= 0) {
        const end = body.indexOf(FOLLOWUPS_END, start + FOLLOWUPS_START.length);
        if (end >= 0)
            return body.slice(0, start) + section + body.slice(end + FOLLOWUPS_END.length);
        start = start === 0 ? -1 : body.lastIndexOf(FOLLOWUPS_START, start - 1);
    }
    if (body === '')
        return section + eol;
    const sep = body.endsWith(eol + eol) ? '' : body.endsWith(eol) ? eol : eol + eol;
    return `${body}${sep}${section}${eol}`;
}
// ---------------------------------------------------------------------------------------------
// The document
/**
 * Renders a postmortem body from a parsed template. Throws `ConfigError` when the template alone
 * (everything but the timeline) does not fit in `maxChars`, and `RangeError` for a `maxChars`
 * below 2,000. When the template has no `{{followups}}`, the follow-up section is appended at the
 * end, so the action can keep it current.
 */
function renderPostmortem(t, input, opts = {}) {
    const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
    if (!(max >= MIN_MAX_CHARS))
        throw new RangeError(`renderPostmortem: maxChars must be at least ${MIN_MAX_CHARS}, got ${max}`);
    const values = placeholderValues(input);
    const hasFollowups = t.parts.some((p) => p.kind === 'placeholder' && p.name === 'followups');
    const hasChanges = t.parts.some((p) => p.kind === 'placeholder' && p.name === 'changes');
    const timelines = t.parts.filter((p) => p.kind === 'placeholder' && p.name === 'timeline').length;
    const assemble = (timeline) => {
        let out = `${postmortemMarker(input.record.number)}\n`;
        for (const p of t.parts)
            out += p.kind === 'text' ? p.text : p.name === 'timeline' ? timeline : values[p.name];
        if (!hasChanges && values.changes)
            out = `${out.replace(/\n*$/, '')}\n\n## Changes\n\n${values.changes}\n`;
        if (!hasFollowups)
            out = `${out.replace(/\n*$/, '')}\n\n${values.followups}\n`;
        return out;
    };
    const fixed = assemble('');
    if (fixed.length > max) {
        throw new errors/* ConfigError */.xL(`The postmortem template ${t.file} renders to ${thousands(fixed.length)} characters without the timeline, over the limit of ${thousands(max)}: shorten it.`, [
            {
                file: t.file,
                line: 1,
                column: 1,
                message: `renders to ${thousands(fixed.length)} characters without the timeline, over the limit of ${thousands(max)}`,
            },
        ]);
    }
    if (timelines === 0)
        return fixed;
    const budget = Math.floor((max - fixed.length) / timelines);
    return assemble(timelineWithin(input, budget));
}
function placeholderValues({ record: r, facts: f, title, url, repo, followups }) {
    const m = milestones(r);
    const at = (iso) => (iso === null ? 'not reached' : utc(iso));
    const between = (a, b) => a === null || b === null ? 'not reached' : formatDuration(Date.parse(b) - Date.parse(a));
    const participants = participantsOf(r);
    const shownParticipants = participants.slice(0, 100);
    return {
        title: (0,markdown/* inline */.mG)(title, 200) || `Incident #${r.number}`,
        number: String(r.number),
        url: safeUrl(url) ?? (0,markdown/* inline */.mG)(url, 300),
        repo: (0,markdown/* inline */.mG)(repo, 140),
        priority: (0,markdown/* inline */.mG)(r.priority, 10),
        priority_reason: r.prioritySource === 'human'
            ? (0,markdown/* inline */.mG)(r.priorityReason, 300)
            : `classified by the rules: ${(0,markdown/* inline */.mG)(r.priorityReason, 300)}`,
        stage: (0,markdown/* inline */.mG)(capital(r.stage), 40),
        services: f.services.length ? f.services.map((s) => (0,markdown/* code */.aY)(s, 40)).join(', ') : 'none stated',
        impact: impactOf(f),
        summary: (0,markdown/* inline */.mG)(f.summary, 500) || 'not stated',
        detection: f.detection ? (0,markdown/* inline */.mG)(f.detection.replace(/-/g, ' '), 60) : 'not stated',
        started: at(m.startedAt),
        declared: at(m.declaredAt),
        acknowledged: at(m.acknowledgedAt),
        mitigated: at(m.mitigatedAt),
        resolved: at(m.resolvedAt),
        time_to_detect: between(m.startedAt, m.declaredAt),
        time_to_acknowledge: between(m.declaredAt, m.acknowledgedAt),
        time_to_mitigate: between(m.startedAt, m.mitigatedAt),
        time_to_resolve: between(m.startedAt, m.resolvedAt),
        participants: participants.length
            ? shownParticipants.map(render_who).join(', ') +
                (participants.length > shownParticipants.length
                    ? ` and ${thousands(participants.length - shownParticipants.length)} more`
                    : '')
            : 'nobody recorded',
        commander: r.commander ? render_who(r.commander) : 'nobody',
        links: linksOf(r.number, title, url, repo, f.links),
        followups: followupsSection(followups),
        changes: postmortemChanges(r),
    };
}
/** `Major degradation · 30% of users · **data loss**`, as the incident card says it. */
function impactOf(f) {
    const parts = [
        f.impact ? (0,markdown/* inline */.mG)(capital(f.impact.replace(/-/g, ' ')), 60) : 'impact not stated',
        f.usersAffected !== null ? `${f.usersAffected === 0 ? 'under 1' : f.usersAffected}% of users` : null,
        f.dataLoss ? '**data loss**' : null,
        f.security ? '**security exposure**' : null,
    ];
    return parts.filter(Boolean).join(' · ');
}
function linksOf(n, title, url, repo, links) {
    const href = safeUrl(url);
    const ref = `${(0,markdown/* inline */.mG)(repo, 140)}#${n}`;
    const lines = [`- Incident: ${href ? `[${ref}](${href})` : ref}${title.trim() ? ` ${(0,markdown/* inline */.mG)(title, 200)}` : ''}`];
    const given = (links ?? '')
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
        .filter(Boolean);
    for (const l of given.slice(0, 20))
        lines.push(`- ${(0,markdown/* inline */.mG)(l, 300)}`);
    if (given.length > 20)
        lines.push(`- _… and ${given.length - 20} more lines in the incident._`);
    return lines.join('\n');
}
/** An http(s) URL fit for a markdown link target, or null. */
function safeUrl(url) {
    return /^https?:\/\/[^\s()<>"'`\\]+$/.test(url) ? url : null;
}
/** People who acted, in order of first appearance: event actors, commanders handed over to, the commander. Bots and monitors are not participants. */
function participantsOf(r) {
    const seen = new Set();
    const out = [];
    const add = (login) => {
        if (typeof login !== 'string' || !login.trim() || /\[bot\]$/i.test(login))
            return;
        const key = login.toLowerCase();
        if (seen.has(key))
            return;
        seen.add(key);
        out.push(login);
    };
    for (const e of r.events) {
        // An alert's actor is the monitor (`grafana`), not a person.
        if (e.via !== 'alert')
            add(e.actor);
        if (e.kind === 'commander')
            add(e.to);
    }
    add(r.commander);
    return out;
}
/** A login shown without pinging its owner: `@\u200balice` (as src/render/markdown.ts does). */
function render_who(login) {
    if (typeof login !== 'string' || !login.trim())
        return '—';
    return login.includes('[bot]') ? (0,markdown/* inline */.mG)(login, 60) : (0,markdown/* neutralizeMentions */.tI)((0,markdown/* inline */.mG)(`@${login.replace(/^@/, '')}`, 60));
}
// ---------------------------------------------------------------------------------------------
// The timeline
/** Entries kept when summarising: the milestones of the response. The rest (updates, notes, alerts, impact edits, unknown kinds) may be left out. */
const KEY_KINDS = new Set(['declared', 'stage', 'priority', 'ack', 'commander', 'dismissed']);
const TABLE_HEAD = '| time (UTC) | what | who |\n|---|---|---|';
/** The events in time order (stable: equal or unreadable times keep their recorded order). */
function ordered(events) {
    let last = -Infinity;
    const keyed = events.map((e, i) => {
        const t = Date.parse(typeof e?.at === 'string' ? e.at : '');
        if (!Number.isNaN(t))
            last = t;
        return { e, i, t: Number.isNaN(t) ? last : t };
    });
    return keyed.sort((a, b) => a.t - b.t || a.i - b.i).map((k) => k.e);
}
function timelineWithin(input, budget) {
    const events = ordered(input.record.events ?? []);
    if (events.length === 0)
        return '_No events recorded._';
    const alertTitle = alertTitleOf(input.record);
    const rows = events.map((e, index) => {
        const kind = typeof e?.kind === 'string' ? e.kind : 'unknown';
        return {
            index,
            kind,
            key: KEY_KINDS.has(kind) || index === 0 || index === events.length - 1,
            line: rowOf(e, alertTitle),
        };
    });
    const full = [TABLE_HEAD, ...rows.map((r) => r.line)].join('\n');
    if (full.length <= budget)
        return full;
    const incident = safeUrl(input.url) ? `[#${input.record.number}](${input.url})` : `#${input.record.number}`;
    const keyRows = rows.filter((r) => r.key);
    const otherRows = rows.filter((r) => !r.key);
    // Level 1: every key entry, and as many others as fit, from both ends.
    const withOthers = (k) => [...keyRows, ...ends(otherRows, k)].sort((a, b) => a.index - b.index);
    const level1 = largest(otherRows.length, (k) => summarised(rows, withOthers(k), incident, false), budget);
    if (level1 !== null)
        return level1;
    // Level 2: too many key entries: the first and last, and as many key entries as fit, from both ends.
    const inner = keyRows.filter((r) => r.index !== 0 && r.index !== rows.length - 1);
    const firstLast = rows.length > 1 ? [rows[0], rows[rows.length - 1]] : [rows[0]];
    const withKeys = (k) => [...firstLast, ...ends(inner, k)].sort((a, b) => a.index - b.index);
    const level2 = largest(inner.length, (k) => summarised(rows, withKeys(k), incident, true), budget);
    if (level2 !== null)
        return level2;
    const bare = `_The timeline (${thousands(rows.length)} entries) is too long for this issue: it is in the incident, ${incident}._`;
    return bare.length <= budget ? bare : '';
}
/** The first ⌈k/2⌉ and last ⌊k/2⌋ of a list. */
function ends(list, k) {
    if (k >= list.length)
        return [...list];
    const head = Math.ceil(k / 2);
    return [...list.slice(0, head), ...list.slice(list.length - (k - head))];
}
/** The render for the largest k in [0, n] that fits the budget (binary search; the result is always checked), or null. */
function largest(n, render, budget) {
    let best = render(0);
    if (best.length > budget)
        return null;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const out = render(mid);
        if (out.length <= budget) {
            lo = mid;
            best = out;
        }
        else
            hi = mid - 1;
    }
    return best;
}
/** The kept rows, with a gap row wherever entries were left out, under a line counting them by kind. */
function summarised(all, kept, incident, keysDropped) {
    const left = all.length - kept.length;
    const keptIndex = new Set(kept.map((r) => r.index));
    const counts = new Map();
    for (const r of all)
        if (!keptIndex.has(r.index))
            counts.set(bucket(r.kind), (counts.get(bucket(r.kind)) ?? 0) + 1);
    const order = ['update', 'note', 'alert', 'impact', 'stage', 'priority', 'other'];
    const names = {
        update: ['update', 'updates'],
        note: ['note', 'notes'],
        alert: ['alert event', 'alert events'],
        impact: ['impact edit', 'impact edits'],
        stage: ['stage change', 'stage changes'],
        priority: ['priority change', 'priority changes'],
        other: ['other entry', 'other entries'],
    };
    const what = order
        .filter((k) => counts.has(k))
        .map((k) => {
        const n = counts.get(k);
        return `${thousands(n)} ${names[k][n === 1 ? 0 : 1]}`;
    });
    const kept_ = keysDropped
        ? 'the first and last entries are kept'
        : 'the first and last entries and every stage and priority change are kept';
    const note = `_Summarised to fit GitHub's size limit: ${thousands(left)} of ${thousands(all.length)} entries left out (${list(what)}); ${kept_}. The full timeline is in the incident, ${incident}._`;
    const lines = [note, '', TABLE_HEAD];
    let prev = -1;
    for (const r of kept) {
        if (r.index > prev + 1)
            lines.push(gap(r.index - prev - 1));
        lines.push(r.line);
        prev = r.index;
    }
    if (prev < all.length - 1)
        lines.push(gap(all.length - 1 - prev));
    return lines.join('\n');
}
const gap = (n) => `| ⋯ | _${thousands(n)} ${n === 1 ? 'entry' : 'entries'} left out_ | |`;
function bucket(kind) {
    if (kind === 'update' ||
        kind === 'note' ||
        kind === 'alert' ||
        kind === 'impact' ||
        kind === 'stage' ||
        kind === 'priority')
        return kind;
    return 'other';
}
function rowOf(e, alertTitle) {
    const time = typeof e?.at === 'string' ? utc(e.at).replace(/ UTC$/, '') : '—';
    // What an alert did was done by the monitor (its name, e.g. `grafana`), not by a GitHub user.
    const by = e?.via === 'alert' && typeof e.actor === 'string' && e.actor.trim() ? (0,markdown/* code */.aY)(e.actor, 40) : render_who(e?.actor);
    return `| ${time} | ${render_describe(e, alertTitle)} | ${by} |`;
}
/** The title of the alert behind the incident, when the record has one. */
function alertTitleOf(r) {
    const t = r.alert?.title;
    return typeof t === 'string' && t.trim() ? t : null;
}
const VIA = {
    form: 'incident form',
    rules: 'rules',
    label: 'label',
    command: 'command',
    alert: 'alert',
    close: 'issue closed',
    reopen: 'issue reopened',
    edit: 'issue edited',
    schedule: 'schedule',
};
/** One timeline entry in words. Unknown kinds (a newer record read by an older renderer) are shown generically, never dropped. */
function render_describe(e, alertTitle) {
    const via = typeof e.via === 'string' ? ` (${VIA[e.via] ?? (0,markdown/* inline */.mG)(e.via, 30)})` : '';
    const text = (max) => (typeof e.text === 'string' && e.text.trim() ? (0,markdown/* inline */.mG)(e.text, max) : '');
    const withText = (s, max) => (text(max) ? `${s}: ${text(max)}` : s);
    const from = typeof e.from === 'string' ? (0,markdown/* inline */.mG)(e.from, 40) : '?';
    const to = typeof e.to === 'string' ? (0,markdown/* inline */.mG)(e.to, 40) : '?';
    const kind = e.kind;
    switch (kind) {
        case 'declared':
            return `Declared${typeof e.to === 'string' ? ` as **${to}**` : ''}${via}`;
        case 'priority':
            return withText(`Priority ${from} → **${to}**${via}`, 200);
        case 'stage':
            return `Stage ${capital(from)} → **${capital(to)}**${via}`;
        case 'impact':
            return withText('Impact changed', 200);
        case 'update':
            return withText('**Update**', 500);
        case 'note':
            return withText('Note', 500);
        case 'ack':
            return 'Acknowledged: took command';
        case 'commander':
            return `Commander → ${typeof e.to === 'string' ? render_who(e.to) : '?'}`;
        case 'dismissed':
            return withText('Dismissed as a false alarm', 200);
        case 'alert': {
            // The record stores the alert's status in `text` ('firing', 'firing again', 'resolved'); the alert's title is on the record.
            const status = typeof e.to === 'string' ? e.to : typeof e.text === 'string' ? e.text : '';
            const known = /^(firing|firing again|resolved)$/.test(status.trim());
            const head = `Alert ${known ? status.trim() : ''}`.trim();
            const name = alertTitle ? `: ${(0,markdown/* inline */.mG)(alertTitle, 200)}` : '';
            return known ? `${head}${name}` : withText(`${head}${name}`, 200);
        }
        case 'escalation':
            return `Escalated to level ${to}: not acknowledged in time${via}`;
        case 'postmortem':
            return e.text === 'done'
                ? 'Postmortem done'
                : e.to === 'comment'
                    ? 'Postmortem written (a comment on the incident)'
                    : `Postmortem ${to} opened`;
        case 'followup':
            return withText(`Follow-up ${to} opened`, 200);
        // Ours (src/changes/cause.ts): `#12`, a short sha or `deployment 12`, kept as written so `#12` links.
        case 'cause':
            return `Cause confirmed: ${typeof e.to === 'string' && /^[#\w ()-]{1,60}$/.test(e.to) ? e.to : to}`;
        case 'mitigation':
            return `Mitigation: ${typeof e.to === 'string' && /^#\d+$/.test(e.to) ? e.to : to} merged${typeof e.from === 'string' && /^#\d+$/.test(e.from) ? ` (reverts ${e.from})` : ''}`;
        case 'start':
            return `Start time edited: ${typeof e.from === 'string' ? utc(e.from) : '?'} → ${typeof e.to === 'string' ? utc(e.to) : '?'}${via}`;
        default: {
            const change = typeof e.from === 'string' || typeof e.to === 'string' ? ` ${from} → ${to}` : '';
            return withText(`${capital((0,markdown/* inline */.mG)(kind, 40) || 'Event')}${change}${via}`, 200);
        }
    }
}
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function thousands(n) {
    return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function list(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/events/postmortem.ts









/** The hidden first line of a follow-up issue: its incident and the request it came from. */
const followupMarker = (incident, key) => marker('followup', `${incident}:${key}`);
/** The incident a follow-up issue belongs to, from its first line (trusted only on issues we opened). */
function followupIncident(body) {
    const m = /^<!-- incidentops:followup:(\d+):[A-Za-z0-9-]+ -->/.exec(body);
    return m ? Number(m[1]) : null;
}
/**
 * Writes what the record asks for beyond the incident itself: follow-up issues (`/followup`), the
 * postmortem issue (when resolved and required, or on `/postmortem`), and the follow-up list in
 * the postmortem. Each issue we open carries a marker, and is looked for before it is opened, so
 * a run that died after opening it adopts it instead of opening a second one. Mutates the record.
 * Its timeline events are stamped `now`, GitHub's clock for this run: they happen in this run, and
 * the issue's last update (the previous change) would put them before what caused them.
 */
async function postmortemPhase(port, ctx, d, config, repo, opts) {
    const exec = opts.exec;
    const r = d.record;
    const issue = ctx.issue;
    // Before any response there is no clock yet (never the case after the read that made `ctx`).
    const at = opts.now ?? issue.updatedAt;
    const applied = [];
    let followupsChanged = d.changes.some((c) => c.startsWith('follow-up #'));
    let existing = null;
    const ours = async (label) => {
        const all = [];
        for await (const p of port.incidentPages({ label, states: ['OPEN', 'CLOSED'] }))
            all.push(...p.incidents.filter((i) => i.viewerDidAuthor));
        return all;
    };
    const waiting = [];
    for (const f of r.pendingFollowups ?? []) {
        existing ??= await ours(config.postmortem.followupLabel);
        const m = followupMarker(r.number, f.key);
        let number = existing.find((i) => i.body.startsWith(m))?.number;
        if (!number) {
            const body = [
                m,
                `Follow-up from incident #${r.number}${r.postmortem?.issue ? ` (postmortem #${r.postmortem.issue})` : ''}.`,
                '',
                `**${(0,markdown/* inline */.mG)(f.title, 200)}**`,
            ].join('\n');
            const done = await exec.apply([
                {
                    kind: 'create-issue',
                    title: fitTitle(f.title.replace(/[\r\n]+/g, ' ')),
                    body,
                    labels: [config.postmortem.followupLabel],
                    marker: m,
                },
            ]);
            applied.push(...done);
            number = createdBy(done[0])?.issue;
        }
        // Not opened (budget reached): kept for the next run, which finds it by its marker if it was.
        if (!number)
            waiting.push(f);
        else {
            r.followups = [...(r.followups ?? []), { number, title: f.title, state: 'open' }];
            r.events.push({ at, kind: 'followup', actor: 'incidentops', via: 'command', to: `#${number}`, text: f.title });
            followupsChanged = true;
        }
    }
    // Done with the requests (an empty list is not kept: the record stays as small as it was).
    if (waiting.length)
        r.pendingFollowups = waiting;
    else
        delete r.pendingFollowups;
    const resolvedOrLater = ['resolved', 'postmortem'].includes(r.stage);
    const due = !postmortemWritten(r) && (r.postmortem?.requested || (resolvedOrLater && wantsPostmortem(r, config)));
    const m = postmortemMarker(r.number);
    const template = due
        ? parseTemplate(await templateText(port, config), config.postmortem.template ?? DEFAULT_TEMPLATE_PATH)
        : null;
    const render = () => renderPostmortem(template, {
        record: r,
        facts: d.facts,
        title: issue.title,
        url: issue.url,
        repo,
        followups: r.followups ?? [],
    });
    if (due && config.postmortem.as === 'comment') {
        // A comment on the incident: posted with the replies (before the card), found by its marker,
        // so a run that died after posting it does not post a second one.
        d.replies.push({ marker: m, body: render() });
        r.postmortem = { requested: r.postmortem?.requested, issue: null, comment: true, done: false };
        r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: 'comment' });
        followupsChanged = false; // written with the current list
    }
    else if (due && config.postmortem.as === 'pull_request') {
        // A markdown file proposed in a pull request from a branch of our own, one per incident: a
        // re-run finds the pull request of that branch instead of opening another.
        const title = fitTitle(`Postmortem: ${issue.title.replace(/^\[Incident\]:\s*/i, '')}`);
        const path = `${config.postmortem.directory}/${r.startedAt.slice(0, 10)}-incident-${r.number}.md`;
        const body = [
            m,
            `The postmortem of incident #${r.number}, as a file: \`${path}\`. Fill it in on this branch and merge it when it is done; the incident closes when it is merged.`,
            '',
            followupsSection(r.followups ?? []),
        ].join('\n');
        const done = await exec.apply([
            {
                kind: 'propose-file',
                issue: r.number,
                branch: `incidentops/postmortem-${r.number}`,
                path,
                content: render(),
                message: `Postmortem of incident #${r.number}`,
                title,
                body,
                marker: m,
            },
        ]);
        applied.push(...done);
        const pr = createdBy(done[0])?.issue;
        if (pr) {
            r.postmortem = { requested: r.postmortem?.requested, issue: null, pr, done: false };
            r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: `#${pr}` });
            followupsChanged = false; // written with the current list
        }
    }
    else if (due) {
        const pms = await ours(config.postmortem.label);
        const found = pms.find((i) => i.body.startsWith(m));
        let number = found?.number;
        let nodeId = found?.nodeId;
        if (!number) {
            const done = await exec.apply([
                {
                    kind: 'create-issue',
                    title: fitTitle(`Postmortem: ${issue.title.replace(/^\[Incident\]:\s*/i, '')}`),
                    body: render(),
                    labels: [config.postmortem.label],
                    assignees: r.commander ? [r.commander] : [],
                    marker: m,
                },
            ]);
            applied.push(...done);
            number = createdBy(done[0])?.issue;
            nodeId = done[0]?.nodeId;
        }
        if (number) {
            r.postmortem = { requested: r.postmortem?.requested, issue: number, done: false, ...(nodeId ? { nodeId } : {}) };
            r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: `#${number}` });
            followupsChanged = false; // written with the current list
        }
    }
    if (postmortemWritten(r) && !r.postmortem.done && r.stage === 'resolved') {
        r.events.push({ at, kind: 'stage', from: 'resolved', to: 'postmortem', actor: 'incidentops', via: 'rules' });
        r.stage = 'postmortem';
    }
    // The postmortem lists the follow-ups with their state: rewrite only that section, keeping people's edits.
    if (followupsChanged && r.postmortem?.pr) {
        const body = await port.pullBody(r.postmortem.pr);
        const next = fitBody(replaceFollowups(body, r.followups ?? []));
        if (next !== body)
            applied.push(...(await exec.apply([{ kind: 'edit-pull-body', issue: r.number, pr: r.postmortem.pr, body: next }])));
    }
    if (followupsChanged && r.postmortem?.comment) {
        const own = findMarked(issue.comments, m);
        if (own) {
            const body = fitBody(replaceFollowups(own.body, r.followups ?? []));
            if (body !== own.body)
                applied.push(...(await exec.apply([
                    {
                        kind: 'update-comment',
                        issue: r.number,
                        commentId: own.databaseId,
                        body,
                        marker: marker('followups', r.number),
                    },
                ])));
        }
    }
    if (followupsChanged && r.postmortem?.issue) {
        const pm = await port.loadIssueContext(r.postmortem.issue, {});
        if (pm.issue?.viewerDidAuthor) {
            const body = fitBody(replaceFollowups(pm.issue.body, r.followups ?? []));
            if (body !== pm.issue.body)
                applied.push(...(await exec.apply([
                    { kind: 'edit-issue', issue: r.postmortem.issue, body, marker: marker('followups', r.number) },
                ])));
        }
    }
    return applied;
}
async function templateText(port, config) {
    if (!config.postmortem.template)
        return DEFAULT_TEMPLATE;
    const text = await port.readConfig(config.postmortem.template);
    if (text === null)
        throw new errors/* ConfigError */.xL(`postmortem.template: ${config.postmortem.template} does not exist in the repository; add it or remove the key to use the built-in template.`);
    return text;
}

;// CONCATENATED MODULE: ./src/paging/apply.ts



/** Sends the pages this run recorded, after its card write; returns what was sent, planned or failed. */
async function sendPages(previous, record, effects, done, ctx, opts) {
    const fresh = newPages(previous, record);
    if (!fresh.length || !ctx.issue)
        return [];
    const i = effects.findIndex((e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === CARD_MARKER);
    if (i < 0 || !createdBy(done[i])) {
        // The record was not written (the budget ran out): the next run recomputes the escalation and pages then.
        opts.log(`pages of #${record.number} wait for its record to be written: left for the next run`);
        return [];
    }
    return opts.exec.apply(pageEffects(fresh, record, { title: ctx.issue.title, url: ctx.issue.url }, opts.repo));
}

;// CONCATENATED MODULE: ./src/subscriptions/apply.ts



/**
 * Sends `notice` to every subscriber whose filter it passes, once `recorded` (the write that records
 * its keys) was done, or planned in a dry run. When it was not (the run's write budget ran out),
 * nothing is sent: the next run sees the change as new again and announces it then.
 */
async function announce(notice, recorded, subscribers, opts) {
    if (!createdBy(recorded)) {
        opts.log(`the notice of #${notice.issue} waits for its record to be written: left for the next run`);
        return [];
    }
    return opts.exec.apply(announceEffects(notice, subscribers));
}
/** The incident's notice, after the card write among `effects` (applied as `done`). */
async function sendIncidentNotice(notice, effects, done, ctx, subscribers, opts) {
    if (!notice || !ctx.issue)
        return [];
    const i = effects.findIndex((e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === CARD_MARKER);
    return announce(notice, i < 0 ? undefined : done[i], subscribers, opts);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/stopword/dist/stopword.cjs.js
var stopword_cjs = __webpack_require__(3653);
// EXTERNAL MODULE: ./node_modules/stemmer/index.js
var stemmer = __webpack_require__(3946);
;// CONCATENATED MODULE: ./src/history/terms.ts
/**
 * Terms of an incident's title and summary, for BM25: lower-cased words, English stopwords (the
 * `stopword` package) and a few words every incident shares dropped, Porter-stemmed (`stemmer`),
 * so "timeouts" and "timeout" are one term. Deterministic: the same text gives the same terms.
 */


/** Words every incident title says, which tell one incident from another nothing. */
const DOMAIN_STOPWORDS = ['incident', 'issue', 'alert', 'firing', 'resolved', 'please', 'urgent', 'help'];
const STOP = new Set([...stopword_cjs/* eng */.fq, ...DOMAIN_STOPWORDS]);
/** Terms of a text, in order, with repeats (term frequency counts them). */
function tokenize(text) {
    return words(text).map(([t]) => t);
}
/**
 * Each term with the word it came from (`[stem, word]`): reasons show people the word they wrote
 * ("deploy"), not its stem ("deploi").
 */
function words(text) {
    const out = [];
    // Letters and digits of any script; a zero-width space (our defused mentions) splits nothing away.
    for (const raw of text
        .toLowerCase()
        .replace(/\u200b/g, '')
        .split(/[^\p{L}\p{N}]+/u)) {
        if (raw.length < 2 || raw.length > 40 || STOP.has(raw))
            continue;
        // Numbers count only from 3 digits (status codes, ports): "1" or "12" are noise.
        if (/^\d+$/.test(raw) && raw.length < 3)
            continue;
        out.push([/^\p{L}+$/u.test(raw) ? (0,stemmer/* stemmer */.I)(raw) : raw, raw]);
    }
    return out;
}
/** Stem → the first word of the text that gave it. */
function surfaceWords(text) {
    const m = new Map();
    for (const [t, w] of words(text))
        if (!m.has(t))
            m.set(t, w);
    return m;
}
/** Term → frequency. */
function termCounts(text) {
    const m = new Map();
    for (const t of tokenize(text))
        m.set(t, (m.get(t) ?? 0) + 1);
    return m;
}
/**
 * The `max` most frequent terms (ties: alphabetical), with their counts, and the text's length in
 * terms: what the index keeps of an incident's words.
 */
function topTerms(text, max = 16) {
    const counts = termCounts(text);
    let length = 0;
    for (const c of counts.values())
        length += c;
    const terms = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, max);
    return { terms, length };
}

;// CONCATENATED MODULE: ./src/history/index-file.ts
/**
 * The history index: one compact entry per past incident, kept in one file on a branch of our own
 * (HISTORY_BRANCH, HISTORY_PATH) so that a declaration reads the whole history in ONE request.
 * The weekly report, which reads every incident anyway, rebuilds it and writes it when it changed
 * (a `put-file` effect through the executor). docs/history.md describes the format.
 *
 * The file is text: a header line, then the gzip of the JSON rows in base64 (the contents API
 * carries text; gzip makes 10,000 incidents fit in well under GitHub's 1 MB for a base64 answer).
 * Each row is a tuple, not an object, so the field names are not repeated 10,000 times.
 */





/** The branch that holds the index: ours alone, never merged, so it never touches the code. */
const HISTORY_BRANCH = 'incidentops-data';
const HISTORY_PATH = 'history/index.txt';
/**
 * A repository label that says the index exists: declarations see it in the labels their first
 * read already returns, so a repository without an index costs no request (and no 404) at all.
 */
const HISTORY_LABEL = {
    name: 'incidentops/history-index',
    color: 'ededed',
    description: `IncidentOps keeps its history index on the branch ${'incidentops-data'}`,
};
const HEADER = 'incidentops history index v1';
/** Kept short: the index is for finding, the issue itself has the rest. */
const TITLE_MAX = 80;
const CAUSE_MAX = 140;
const cut = (s, max) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
/** The summary the card shows ("**What is broken:** …"), the text the new incident is compared on. */
function cardSummary(cardBody) {
    const m = /^\*\*What is broken:\*\* (.*)$/m.exec(cardBody);
    return m ? m[1].replace(/\u200b/g, '') : null;
}
/** Suspect paths, when a record names them (another feature may add them): strings or `{ path }`. */
function suspectPaths(r) {
    const list = r?.suspects;
    if (!Array.isArray(list))
        return [];
    const out = [];
    for (const s of list) {
        const p = typeof s === 'string' ? s : typeof s === 'object' && s !== null ? s.path : null;
        if (typeof p === 'string' && p && !out.includes(p))
            out.push(p);
    }
    return out.slice(0, 10);
}
function index_file_servicesOf(labels) {
    const out = labels
        .filter((l) => l.toLowerCase().startsWith(SERVICE_PREFIX))
        .map((l) => l.slice(SERVICE_PREFIX.length).trim());
    return [...new Set(out.filter(Boolean))].sort();
}
/** One incident as the index keeps it: from its card's record when we can trust one, else from the issue alone. */
function pastIncident(issue) {
    const card = findCard(issue.comments);
    const decoded = card ? decodeRecord(card.body) : null;
    const r = decoded && decoded.number === issue.number ? decoded : null;
    const summary = card && r ? cardSummary(card.body) : null;
    const { terms, length } = topTerms(`${issue.title}\n${summary ?? ''}`);
    const services = [...new Set([...index_file_servicesOf(issue.labels), ...(r?.service ? [r.service] : [])])].sort();
    if (!r) {
        const dismissed = issue.state === 'closed' && (issue.stateReason ?? '').toLowerCase() === 'not_planned';
        return {
            number: issue.number,
            title: cut(issue.title, TITLE_MAX),
            declaredAt: Date.parse(issue.createdAt),
            services,
            alertKey: null,
            terms,
            length,
            paths: [],
            end: dismissed ? 'dismissed' : issue.state === 'closed' ? 'resolved' : 'open',
            minutes: issue.state === 'closed' && issue.closedAt && !dismissed
                ? Math.round((Date.parse(issue.closedAt) - Date.parse(issue.createdAt)) / 60_000)
                : null,
            cause: null,
            postmortem: null,
            followups: { open: [], closed: 0 },
        };
    }
    const m = milestones(r);
    const last = [...r.events].reverse().find((e) => (e.kind === 'update' || e.kind === 'dismissed') && e.text);
    const fu = r.followups ?? [];
    return {
        number: issue.number,
        title: cut(issue.title, TITLE_MAX),
        declaredAt: Date.parse(r.declaredAt),
        services,
        alertKey: r.alert?.key ?? null,
        terms,
        length,
        paths: suspectPaths(r),
        end: m.dismissed ? 'dismissed' : m.resolvedAt ? 'resolved' : 'open',
        minutes: m.resolvedAt ? Math.round((Date.parse(m.resolvedAt) - Date.parse(m.startedAt)) / 60_000) : null,
        cause: last?.text ? cut(last.text.replace(/\s+/g, ' ').trim(), CAUSE_MAX) : null,
        postmortem: r.postmortem?.issue ?? r.postmortem?.pr ?? null,
        followups: {
            open: fu.filter((f) => f.state === 'open').map((f) => f.number),
            closed: fu.filter((f) => f.state === 'closed').length,
        },
    };
}
const ENDS = ['open', 'resolved', 'dismissed'];
function toRow(p, id) {
    return [
        p.number,
        p.title,
        Math.round(p.declaredAt / 60_000),
        p.services,
        p.alertKey,
        p.terms.flatMap(([t, c]) => new Array(c).fill(id(t))),
        p.length,
        p.paths,
        ENDS.indexOf(p.end),
        p.minutes,
        p.cause,
        p.postmortem,
        p.followups.open,
        p.followups.closed,
    ];
}
function fromRow(r, vocab) {
    const terms = [];
    for (const i of r[5]) {
        const last = terms[terms.length - 1];
        const t = vocab[i] ?? '';
        if (last && last[0] === t)
            last[1]++;
        else
            terms.push([t, 1]);
    }
    return {
        number: r[0],
        title: r[1],
        declaredAt: r[2] * 60_000,
        services: r[3],
        alertKey: r[4],
        terms,
        length: r[6],
        paths: r[7],
        end: ENDS[r[8]] ?? 'open',
        minutes: r[9],
        cause: r[10],
        postmortem: r[11],
        followups: { open: r[12], closed: r[13] },
    };
}
/**
 * Builds the index's text as incidents arrive: each row is encoded and fed to a gzip stream at
 * once, so the report over 50,000 incidents holds neither a `PastIncident` nor a JSON row per
 * incident, only the compressed bytes (about 1 MB). Rows stay in the order they were added (the
 * report's: by creation, as GitHub lists them), and term ids are given in order of first use, so the
 * same incidents added in the same order give the same bytes. The JSON object is written
 * `{"rows":[…],"vocab":[…],"builtAt":…}`: rows first, because the vocabulary is complete and the
 * build time known only at the end. Deflate's output does not depend on how its input was cut, so
 * this is byte for byte `encodeIndex` of the same incidents in the same order.
 */
class IndexBuilder {
    vocab = [];
    ids = new Map();
    gzip = (0,external_node_zlib_.createGzip)({ level: 9 });
    out = [];
    ended;
    pending = '';
    rows = 0;
    constructor() {
        this.gzip.on('data', (b) => this.out.push(b));
        this.ended = new Promise((resolve, reject) => {
            this.gzip.on('end', resolve);
            this.gzip.on('error', reject);
        });
    }
    /** Incidents added so far. */
    get count() {
        return this.rows;
    }
    add(p) {
        this.pending += (this.rows++ === 0 ? '{"rows":[' : ',') + JSON.stringify(toRow(p, this.id));
        // Fed in pieces of about 64 KB: a write per row would be 50,000 trips to zlib's thread.
        if (this.pending.length >= 65_536)
            this.flush();
    }
    /** The file's text (once: the stream is ended). */
    async encode(builtAt) {
        this.pending += `${this.rows === 0 ? '{"rows":[' : ''}],"vocab":${JSON.stringify(this.vocab)},"builtAt":${JSON.stringify(builtAt)}}`;
        this.flush();
        this.gzip.end();
        await this.ended;
        return `${HEADER}\n${Buffer.concat(this.out).toString('base64')}\n`;
    }
    /** Lets go of what it holds (the text, once encoded, is all that is needed). */
    clear() {
        this.vocab.length = 0;
        this.ids.clear();
        this.out.length = 0;
        if (!this.gzip.writableEnded)
            this.gzip.destroy();
    }
    flush() {
        if (this.pending)
            this.gzip.write(Buffer.from(this.pending, 'utf8'));
        this.pending = '';
    }
    id = (t) => {
        let i = this.ids.get(t);
        if (i === undefined)
            this.ids.set(t, (i = this.vocab.push(t) - 1));
        return i;
    };
}
/**
 * The file's text, at once. Rows are sorted by number, and the vocabulary is in their order, so the
 * same history gives the same bytes (and a report re-run finds nothing to write).
 */
function encodeIndex(index) {
    const vocab = [];
    const ids = new Map();
    const id = (t) => {
        let i = ids.get(t);
        if (i === undefined)
            ids.set(t, (i = vocab.push(t) - 1));
        return i;
    };
    const rows = [...index.incidents].sort((a, b) => a.number - b.number).map((p) => JSON.stringify(toRow(p, id)));
    const json = `{"rows":[${rows.join(',')}],"vocab":${JSON.stringify(vocab)},"builtAt":${JSON.stringify(index.builtAt)}}`;
    return `${HEADER}\n${gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64')}\n`;
}
/** The index from the file's text; null when it is not one (then the declaration says so, and goes on). */
function decodeIndex(text) {
    const nl = text.indexOf('\n');
    if (nl < 0 || text.slice(0, nl) !== HEADER)
        return null;
    try {
        const parsed = JSON.parse((0,external_node_zlib_.gunzipSync)(Buffer.from(text.slice(nl + 1).trim(), 'base64')).toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null)
            return null;
        const { builtAt, vocab, rows } = parsed;
        if (typeof builtAt !== 'string' || !Array.isArray(rows) || !Array.isArray(vocab))
            return null;
        if (!vocab.every((t) => typeof t === 'string'))
            return null;
        const ok = (r) => Array.isArray(r) && r.length === 14 && typeof r[0] === 'number' && typeof r[1] === 'string' && Array.isArray(r[5]);
        if (!rows.every(ok))
            return null;
        return { builtAt, incidents: rows.map((r) => fromRow(r, vocab)) };
    }
    catch {
        return null;
    }
}
/** Whether the file already holds exactly this index (then the report writes nothing). */
const sameIndex = (a, b) => a !== null && a.trim() === b.trim();

;// CONCATENATED MODULE: ./src/history/similar.ts
/**
 * Similar past incidents: the top 3 over the whole history, each with the reasons it matched and
 * how it ended. Pure and deterministic: the same history and query give the same answer.
 *
 * Scoring (docs/history.md): a past incident is a candidate only when it shares something with the
 * new one; its score is the sum of
 * - the same alert key (the monitor's fingerprint or group key): 8;
 * - each shared service: 3 (at most 2 counted);
 * - each shared suspect path: 2 (at most 3 counted);
 * - BM25 (k1 = 1.2, b = 0.75) of the new incident's terms against its title and summary terms,
 *   with the idf over the whole index; at least one shared term is needed for this reason.
 * Ties: the more recent first, then the higher number. The score orders; it is never shown: each
 * match carries its reasons, which the card prints.
 */

const WEIGHTS = { alertKey: 8, service: 3, path: 2 };
const K1 = 1.2;
const B = 0.75;
/** "Recent" for the recurrence flag: the best match was declared at most this long before. */
const RECENT_MS = 30 * 86_400_000;
function corpusOf(past) {
    const df = new Map();
    let total = 0;
    for (const p of past) {
        total += p.length;
        for (const [t] of p.terms)
            df.set(t, (df.get(t) ?? 0) + 1);
    }
    return { size: past.length, avgLength: past.length ? total / past.length : 0, df };
}
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const similar_lower = (xs) => new Set(xs.map((x) => x.toLowerCase()));
/**
 * The top `k` past incidents for `q`, with their reasons. The query's terms are those of its title
 * and summary (src/history/terms.ts); incidents declared after the query, and the query itself, are
 * skipped. A shared term is shown as the query's own word.
 */
function similar(past, q, k = 3, corpus = corpusOf(past)) {
    const text = `${q.title}\n${q.summary ?? ''}`;
    const surface = surfaceWords(text);
    const qTerms = new Map();
    for (const t of tokenize(text))
        qTerms.set(t, (qTerms.get(t) ?? 0) + 1);
    const qServices = similar_lower(q.services);
    const qPaths = new Set(q.paths);
    const key = q.alertKey;
    const out = [];
    for (const p of past) {
        if (p.number === q.number || p.declaredAt > q.declaredAt)
            continue;
        const reasons = [];
        let score = 0;
        if (key && p.alertKey === key) {
            reasons.push({ kind: 'alert-key', key });
            score += WEIGHTS.alertKey;
        }
        const services = p.services.filter((s) => qServices.has(s.toLowerCase())).sort(byName);
        if (services.length) {
            reasons.push({ kind: 'service', services });
            score += WEIGHTS.service * Math.min(2, services.length);
        }
        let bm25 = 0;
        const shared = [];
        for (const [t, tf] of p.terms) {
            const qtf = qTerms.get(t);
            if (!qtf)
                continue;
            const df = corpus.df.get(t) ?? 1;
            const idf = Math.log(1 + (corpus.size - df + 0.5) / (df + 0.5));
            const norm = tf + K1 * (1 - B + (B * p.length) / (corpus.avgLength || 1));
            const w = (idf * (tf * (K1 + 1))) / norm;
            bm25 += w * qtf;
            shared.push([t, w]);
        }
        if (shared.length) {
            // The terms that weighed most, as the reason.
            shared.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
            reasons.push({ kind: 'terms', terms: shared.slice(0, 5).map(([t]) => surface.get(t) ?? t) });
            score += bm25;
        }
        const paths = p.paths.filter((x) => qPaths.has(x)).sort(byName);
        if (paths.length) {
            reasons.push({ kind: 'paths', paths });
            score += WEIGHTS.path * Math.min(3, paths.length);
        }
        if (reasons.length)
            out.push({ incident: p, reasons, score });
    }
    out.sort((a, b) => b.score - a.score || b.incident.declaredAt - a.incident.declaredAt || b.incident.number - a.incident.number);
    return out.slice(0, k);
}
/**
 * A possible recurrence: the best match was declared within RECENT_MS before the new incident and
 * still has open follow-ups (what was to prevent it is not done). Returns its number, else null.
 */
function recurrenceOf(matches, q) {
    const best = matches[0];
    if (!best)
        return null;
    const recent = q.declaredAt - best.incident.declaredAt <= RECENT_MS;
    return recent && best.incident.followups.open.length > 0 ? best.incident.number : null;
}

;// CONCATENATED MODULE: ./src/history/lookup.ts
/**
 * The I/O around similar incidents: reading the history at declaration (the index file, then the
 * incidents updated since it was built), and the report's plan to rewrite the index. The choices
 * are pure (src/history/similar.ts, index-file.ts); this module only reads through the port and
 * plans effects for the executor.
 *
 * Cost at declaration: 1 request for the index, and 1 GraphQL page (100 incidents) of those updated
 * since it was built, so an index a week old still sees last week's incidents. A missing, unreadable
 * or stale index never fails the run: fewer matches, and a note in the card that says why.
 */





/** An index older than this is called stale in the note (the weekly report rebuilds it). */
const STALE_MS = 14 * 86_400_000;
/** Whether the repository's labels (read anyway) say an index was written. */
const hasIndexLabel = (labels) => labels.some((l) => l.name.toLowerCase() === HISTORY_LABEL.name);
const NOT_YET = `Past incidents not searched yet: the history index (${HISTORY_PATH} on the branch ${HISTORY_BRANCH}) is written by the weekly report, which has not run yet.`;
/**
 * Reads the history once per run (memoised): the index, and the incidents updated since it was
 * built. Without our label on the repository there is no index: no request at all. Never throws:
 * a failed read becomes a note.
 */
function historyLoader(port, incidentLabel) {
    let memo = null;
    return (repoLabels) => (memo ??= hasIndexLabel(repoLabels) ? load(port, incidentLabel) : Promise.resolve({ past: [], note: NOT_YET }));
}
async function load(port, incidentLabel) {
    let file;
    try {
        file = await port.readFile(HISTORY_BRANCH, HISTORY_PATH);
    }
    catch (error) {
        return { past: [], note: `Past incidents not searched: the history index could not be read (${message(error)}).` };
    }
    if (!file)
        return { past: [], note: NOT_YET };
    const index = decodeIndex(file.text);
    if (!index)
        return {
            past: [],
            note: `Past incidents not searched: ${HISTORY_PATH} on the branch ${HISTORY_BRANCH} is not a history index IncidentOps can read; the next weekly report rewrites it.`,
        };
    const byNumber = new Map(index.incidents.map((p) => [p.number, p]));
    const notes = [];
    try {
        const pages = port.incidentPages({ label: incidentLabel, states: ['OPEN', 'CLOSED'], since: index.builtAt });
        const first = await pages.next();
        await pages.return(undefined);
        if (!first.done) {
            for (const snap of first.value.incidents)
                byNumber.set(snap.number, pastIncident(snap));
            const left = first.value.totalCount - first.value.incidents.length;
            if (left > 0)
                notes.push(`${left} incident${left === 1 ? '' : 's'} updated since the history index was built (${index.builtAt.slice(0, 10)}) were not searched.`);
        }
    }
    catch (error) {
        notes.push(`Incidents since the history index was built (${index.builtAt.slice(0, 10)}) were not searched (${message(error)}).`);
    }
    const now = port.serverTime();
    if (now && Date.parse(now) - Date.parse(index.builtAt) > STALE_MS && notes.length === 0)
        notes.push(`The history index was built on ${index.builtAt.slice(0, 10)}: is the weekly report running?`);
    return { past: [...byNumber.values()], note: notes.length ? notes.join(' ') : null };
}
const message = (error) => (error instanceof Error ? error.message : String(error)).slice(0, 200);
/** The query for an incident: its title, the form's summary, services, alert key and suspect paths. */
function queryOf(record, title, summary, services) {
    return {
        number: record.number,
        declaredAt: Date.parse(record.declaredAt),
        title,
        summary,
        services: [...new Set([...services, ...(record.service ? [record.service] : [])])],
        alertKey: record.alert?.key ?? null,
        paths: suspectPaths(record),
    };
}
/** The record's similar state for `q`, from the history read. */
function similarState(h, q, at) {
    const matches = similar(h.past, q);
    return { at, matches: matches.map(toEntry), recurrenceOf: recurrenceOf(matches, q), note: h.note };
}
/** Facts → the summary and services a query uses. */
const factsQuery = (f) => ({
    summary: f.summary,
    services: f.services,
});
/**
 * The report's write of the index, planned without a read of its own: the first page of the
 * report's incident query already said where the file stands (its branch's head, its blob sha).
 * The file is written only when its content changed (its git blob sha differs), so a report re-run
 * the same day writes nothing; the write carries the head it was planned on, so the executor can
 * commit it together with the report issue in one request. Without our label on the repository
 * (the first time), the label is created too. `file` undefined (a port that did not say): read the
 * file first, as a declaration does. Returns the effects and the size of the file, for the log.
 */
async function planIndex(port, past, builtAt, repoLabels, file) {
    const content = await past.encode(builtAt);
    const labelled = hasIndexLabel(repoLabels);
    const label = labelled ? [] : [{ kind: 'create-labels', labels: [HISTORY_LABEL] }];
    const message = `IncidentOps: history index of ${past.count} incidents, as of ${builtAt}`;
    const what = `the history index (${past.count} incidents)`;
    const base = { kind: 'put-file', branch: HISTORY_BRANCH, path: HISTORY_PATH, content, message, what };
    const out = (effects) => ({ effects, bytes: Buffer.byteLength(content), incidents: past.count });
    if (file) {
        if (file.blobOid === gitBlobSha(content))
            return out(label);
        if (file.headOid === null)
            return out([{ ...base, newBranch: true }, ...label]);
        return out([{ ...base, ...(file.blobOid ? { sha: file.blobOid } : {}), headOid: file.headOid }, ...label]);
    }
    const current = labelled ? await port.readFile(HISTORY_BRANCH, HISTORY_PATH) : null;
    const put = {
        ...base,
        ...(current ? { sha: current.sha } : {}),
        ...(labelled ? {} : { newBranch: true }),
    };
    return out(labelled ? (sameIndex(current?.text ?? null, content) ? [] : [put]) : [put, ...label]);
}
/** Git's blob id of a text: sha1 of `blob <bytes>\0<bytes>` (what the contents API calls `sha`). */
function gitBlobSha(text) {
    const bytes = Buffer.from(text, 'utf8');
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

;// CONCATENATED MODULE: ./src/events/incident.ts




















/** The item id of a board write planned before the item exists (dry run, or budget reached). */
const NEW_ITEM = '(new item)';
/** How far back a comment run looks for commands whose own run GitHub dropped. */
const CATCH_UP_MS = 3_600_000;
/** At most this many dropped commands from people with triage are caught up per run (the rest, next run). */
const CATCH_UP_MAX = 20;
/** At most this many authors' roles are looked up for the catch-up per run (each costs a request). */
const CATCH_UP_LOOKUPS = 30;
/**
 * One incident, one event: decide (pure), bring the board in line (when configured), then
 * reconcile and apply the issue's labels, state, card and replies.
 */
async function handleIncident(port, board, ctx, incoming, config, opts) {
    // Events on our postmortem and follow-up issues belong to their incident.
    const own = ctx.issue?.viewerDidAuthor ? ctx.issue.body : '';
    const parent = postmortemIncident(own) ?? followupIncident(own);
    if (parent !== null && parent !== ctx.issue.number) {
        const isPm = postmortemIncident(own) !== null;
        const child = ctx.issue.number;
        const childAt = ctx.issue.closedAt && incoming.kind === 'issue' && incoming.action === 'closed'
            ? ctx.issue.closedAt
            : ctx.issue.updatedAt;
        ctx = await port.loadIssueContext(parent, {});
        if (incoming.kind === 'issue') {
            if (incoming.action !== 'closed' && incoming.action !== 'reopened')
                return {
                    decision: {
                        kind: 'skip',
                        reason: `#${child} belongs to incident #${parent}; only its closing and reopening matter`,
                    },
                    applied: [],
                    problems: [],
                };
            incoming = {
                kind: 'related',
                of: isPm ? 'postmortem' : 'followup',
                number: child,
                action: incoming.action,
                sender: incoming.sender,
                at: childAt,
            };
        }
    }
    // A merged postmortem pull request counts only when the incident's record names that pull request.
    if (incoming.kind === 'merged') {
        const card = ctx.issue ? findCard(ctx.issue.comments) : undefined;
        const pr = (card ? decodeRecord(card.body) : null)?.postmortem?.pr;
        if (pr !== incoming.pr)
            return {
                decision: {
                    kind: 'skip',
                    reason: `pull request #${incoming.pr} is not the postmortem of #${ctx.issue?.number ?? '?'}`,
                },
                applied: [],
                problems: [],
            };
        incoming = {
            kind: 'related',
            of: 'postmortem',
            number: incoming.pr,
            action: 'closed',
            sender: incoming.sender,
            at: incoming.at ?? ctx.issue.updatedAt,
        };
    }
    const previous = (() => {
        const card = ctx.issue ? findCard(ctx.issue.comments) : undefined;
        return card ? decodeRecord(card.body) : null;
    })();
    const isIncident = ctx.issue?.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase()) ?? false;
    // A role costs a request: asked only when it matters, once per person and run.
    const roles = new Map();
    const roleOf = async (login) => {
        if (!roles.has(login))
            roles.set(login, (await port.getRole(login)));
        return roles.get(login);
    };
    let event;
    if (incoming.kind === 'comment') {
        const done = previous?.processed?.includes(incoming.commentId) ?? false;
        const role = !done && hasCommands(incoming.body) ? await roleOf(incoming.author) : 'none';
        // Dropped commands of people with triage run first, oldest first. Those of people below triage
        // are passed too, to be refused and recorded, but do not count towards the limit: twenty
        // outsiders' comments cannot hide a responder's command.
        const earlier = [];
        let allowed = 0;
        for (const c of previous ? unprocessedCommands(ctx, previous, incoming.commentId, incoming.createdAt) : []) {
            if (allowed >= CATCH_UP_MAX || (!roles.has(c.author) && roles.size >= CATCH_UP_LOOKUPS))
                break;
            const r = await roleOf(c.author);
            earlier.push({ ...c, role: r });
            if (mayDecide(r))
                allowed++;
        }
        event = { ...incoming, role, earlier };
    }
    else if (incoming.kind === 'issue' &&
        isIncident &&
        needsSenderRole(incoming.action, ctx, previous, config, opts.now())) {
        event = { ...incoming, role: await roleOf(incoming.sender) };
    }
    else
        event = incoming;
    // Held as unconfirmed needs the reporter's role, asked only with the option on and only at declaration.
    const reporter = !previous && isIncident && config.intake.holdUnconfirmed && ctx.issue?.author && !ctx.issue.viewerDidAuthor
        ? await roleOf(ctx.issue.author)
        : undefined;
    // A responder who labels someone else's issue as an incident has confirmed it by doing so.
    const declarer = reporter !== undefined &&
        !mayDecide(reporter) &&
        incoming.kind === 'issue' &&
        incoming.action === 'labeled' &&
        incoming.sender.toLowerCase() !== ctx.issue.author.toLowerCase()
        ? await roleOf(incoming.sender)
        : reporter;
    // `/similar` from someone who may run it: search the history now (decide is pure, it gets the result).
    let similar;
    if (opts.history &&
        previous &&
        event.kind === 'comment' &&
        mayDecide(event.role) &&
        !previous.processed?.includes(event.commentId) &&
        parseCommands(event.body).commands.some((c) => c.name === 'similar')) {
        const card = findCard(ctx.issue.comments);
        const q = queryOf(previous, ctx.issue.title, card ? cardSummary(card.body) : null, previous.serviceLabels ?? []);
        similar = similarState(await opts.history(ctx.repoLabels), q, opts.now() ?? event.createdAt);
    }
    // A due escalation to a schedule resolves with the `/cover` overrides: read only then (decide is
    // pure, so a first pass without them tells whether they are needed).
    let oncall = null;
    if (opts.oncallView && config.oncall.schedules.length) {
        const probe = decide(ctx, event, config, formSpec(INCIDENT_FORM, config), opts.now() ?? undefined, {
            reporter: declarer,
            similar,
        });
        if (probe.kind === 'incident' &&
            probe.changes.some((c) => c.startsWith('escalated')) &&
            chainNamesSchedule(probe.record.service, config))
            oncall = await opts.oncallView();
    }
    // The recent changes (one query), only for a declaration, `/changes` or `/cause`. A failed read
    // never stops the response: the card goes without suspects, and `/changes` says to try again.
    let changeSet = null;
    if (needsChanges(previous, isIncident, event)) {
        try {
            changeSet = ctx.changes ?? (await port.recentChanges());
        }
        catch (error) {
            opts.warn(`The recent changes could not be read, so the card has no suspects this time (\`/changes\` reads them again): ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    const decision = decide(ctx, event, config, formSpec(INCIDENT_FORM, config), opts.now() ?? undefined, { reporter: declarer, similar }, oncall, changeSet);
    const before = (() => {
        const card = ctx.issue ? findCard(ctx.issue.comments) : undefined;
        return (card ? decodeRecord(card.body) : null)?.events.length ?? 0;
    })();
    if (decision.kind === 'skip')
        return { decision, applied: [], problems: [] };
    // A new incident: its similar past incidents, found once and kept in the record, so the card
    // shows them on every later rendering without reading the history again (as the board ids are).
    if (opts.history && !previous && !decision.record.similar) {
        const q = queryOf(decision.record, ctx.issue.title, decision.facts.summary, decision.facts.services);
        decision.record.similar = similarState(await opts.history(ctx.repoLabels), q, opts.now() ?? decision.record.declaredAt);
    }
    const applied = [];
    const problems = [];
    applied.push(...(await postmortemPhase(port, ctx, decision, config, opts.repo, {
        exec: opts.exec,
        log: opts.log,
        now: opts.now(),
    })));
    const closing = (incoming.kind === 'issue' && incoming.action === 'closed') ||
        (ctx.issue.state === 'open' && ['resolved', 'postmortem', 'closed'].includes(decision.record.stage));
    if (config.project) {
        if (!board) {
            opts.warn('The config has a `project`, but the `project-token` input is empty, so the board was skipped (everything else was done). GITHUB_TOKEN cannot reach Projects (v2): pass a fine-grained PAT or a GitHub App token with Projects read/write as `project-token`.');
        }
        else {
            const r = await syncBoard(board, decision.record, decision.facts, config, ctx, {
                ...opts,
                fresh: closing || (incoming.kind === 'issue' && incoming.action === 'reopened'),
            });
            applied.push(...r.applied);
            problems.push(...r.problems);
            if (r.cache)
                decision.record.board = r.cache;
            // GitHub's own "closed → Done" workflow may move the item after our write: look again once it
            // has had time to. A dry run writes nothing, so there is nothing to race with.
            if (closing && r.cache && !opts.exec.dryRun) {
                await opts.sleep(opts.boardSettleMs);
                const again = await syncBoard(board, decision.record, decision.facts, config, ctx, { ...opts, fresh: true });
                applied.push(...again.applied);
                if (again.cache)
                    decision.record.board = again.cache;
            }
            const pm = await syncPostmortemItem(decision.record, config, opts);
            applied.push(...pm.applied);
            problems.push(...pm.problems);
        }
    }
    let desired = desiredIssue(ctx, decision.record, decision.facts, config, decision.replies, opts.cardWarnings);
    // A public change (publication, `/status` update, resolution, postmortem) is recorded in this card
    // write and announced to the status page's subscribers once it is done (src/subscriptions/).
    const notice = planIncidentNotice(previous && { record: previous, services: servicesOf(ctx.issue.labels) }, { record: decision.record, services: servicesOf(desired.labels) }, config, opts.repo, opts.now() ?? decision.record.events.at(-1)?.at ?? decision.record.declaredAt);
    if (notice) {
        recordNotice(decision.record, notice);
        desired = desiredIssue(ctx, decision.record, decision.facts, config, decision.replies, opts.cardWarnings);
    }
    const effects = reconcile(desired, ctx);
    const done = await opts.exec.apply(effects);
    applied.push(...done);
    applied.push(...(await sendPages(previous, decision.record, effects, done, ctx, opts)));
    applied.push(...(await sendIncidentNotice(notice, effects, done, ctx, config.status.subscribers, opts)));
    // Labels created now exist for the next incident of the same run (the sweep shares this list);
    // a dry run goes on as if they had been, so that its plan is the real run's.
    effects.forEach((e, i) => {
        if (e.kind === 'create-labels' && createdBy(done[i]))
            ctx.repoLabels.push(...e.labels);
    });
    // Chat notifications for what this run added to the record (a replay adds nothing, so sends nothing).
    if (opts.notify && applied.some((a) => a.status === 'done')) {
        for (const n of notificationsFor(decision.record, before, ctx, config, opts.repo))
            await opts.notify(n);
    }
    return { decision, applied, problems };
}
/**
 * Brings the incident's board item in line. With the ids cached in the record, a change costs one
 * write and no read; after a close or reopen (or when the cache fails) it reads the board first.
 * The writes are planned here and executed by the run's executor; adding the item goes first, as
 * its id is what the field write needs.
 */
async function syncBoard(board, record, facts, config, ctx, opts) {
    const p = config.project;
    const owner = p.owner ?? opts.repoOwner;
    const key = `${owner}/${p.number}`;
    const desired = desiredBoardValues(record, facts, config);
    const applied = [];
    const n = record.number;
    const cached = record.board?.project === key ? record.board : undefined;
    if (cached && !opts.fresh) {
        const { updates, problems } = boardUpdates(desired, cached.fields, cached.values);
        if (updates.length === 0 && problems.length === 0)
            return { applied, problems, cache: cached };
        if (problems.length === 0) {
            try {
                const done = await opts.exec.apply([
                    {
                        kind: 'board-set-fields',
                        issue: n,
                        projectId: cached.projectId,
                        itemId: cached.itemId,
                        updates,
                        what: 'board',
                    },
                ]);
                return { applied: done, problems: [], cache: createdBy(done[0]) ? withValues(cached, updates) : cached };
            }
            catch (error) {
                opts.log(`The cached board ids did not work (${error instanceof Error ? error.message : String(error)}): reading the board again.`);
            }
        }
    }
    const snap = await board.read(owner, p.number, ctx.issue.nodeId, Object.keys(desired));
    if (!snap)
        return {
            applied,
            problems: [
                `project ${key} was not found, or the project token cannot see it: check \`project.owner\`/\`project.number\` and the token's Projects permission`,
            ],
        };
    let itemId = snap.item?.id;
    if (!itemId) {
        const added = await opts.exec.apply([
            { kind: 'board-add-item', issue: n, project: key, projectId: snap.projectId, contentId: ctx.issue.nodeId },
        ]);
        applied.push(...added);
        itemId = added[0]?.itemId;
    }
    const { updates, problems } = boardUpdates(desired, snap.fields, snap.item?.values ?? {});
    let written = false;
    if (updates.length) {
        // Without an item id (a dry run, or the budget reached before the add) the fields are planned
        // against a placeholder; the run that adds the item writes them.
        const done = await opts.exec.apply([
            {
                kind: 'board-set-fields',
                issue: n,
                projectId: snap.projectId,
                itemId: itemId ?? NEW_ITEM,
                updates,
                what: 'board',
            },
        ], { after: itemId !== undefined });
        applied.push(...done);
        written = createdBy(done[0]) !== undefined;
    }
    if (!itemId)
        return { applied, problems };
    const fields = Object.fromEntries(Object.keys(desired).flatMap((f) => (snap.fields[f] ? [[f, snap.fields[f]]] : [])));
    const cache = {
        project: key,
        projectId: snap.projectId,
        itemId,
        fields,
        values: { ...(snap.item?.values ?? {}) },
    };
    return { applied, problems, cache: written ? withValues(cache, updates) : cache };
}
/**
 * Puts the postmortem issue on the board, in the Postmortem column with the incident's priority, and
 * moves it to Closed once it is done. It reuses the incident's cached project and field ids and
 * remembers its own item, so it costs two writes the first time, one per change after, no read.
 */
async function syncPostmortemItem(r, config, opts) {
    const pm = r.postmortem;
    const cache = r.board;
    if (!pm?.issue || !pm.nodeId || !cache)
        return { applied: [], problems: [] };
    const p = config.project;
    const desired = {
        [p.statusField]: config.stages[pm.done ? 'closed' : 'postmortem'].column,
    };
    if (p.priorityField)
        desired[p.priorityField] = r.priority;
    // A missing field or column is already reported by the incident's own sync.
    const { updates } = boardUpdates(desired, cache.fields, pm.board?.values ?? {});
    if (updates.length === 0)
        return { applied: [], problems: [] };
    const applied = [];
    try {
        // Adding an issue that is already on the project returns its existing item.
        let item = pm.board?.item;
        if (!item) {
            const added = await opts.exec.apply([
                {
                    kind: 'board-add-item',
                    issue: pm.issue,
                    project: cache.project,
                    projectId: cache.projectId,
                    contentId: pm.nodeId,
                },
            ]);
            applied.push(...added);
            item = added[0]?.itemId;
        }
        const done = await opts.exec.apply([
            {
                kind: 'board-set-fields',
                issue: pm.issue,
                projectId: cache.projectId,
                itemId: item ?? NEW_ITEM,
                updates,
                what: 'postmortem on the board',
            },
        ], { after: item !== undefined });
        applied.push(...done);
        if (item && createdBy(done[0]))
            pm.board = {
                item,
                values: { ...pm.board?.values, ...Object.fromEntries(updates.map((u) => [u.field, u.shown])) },
            };
        return { applied, problems: [] };
    }
    catch (error) {
        // A stale item (someone removed the card): forget it; the next run adds the issue again.
        delete pm.board;
        return {
            applied,
            problems: [
                `the postmortem #${pm.issue} could not be put on the board: ${error instanceof Error ? error.message : String(error)}`,
            ],
        };
    }
}
function withValues(cache, updates) {
    return { ...cache, values: { ...cache.values, ...Object.fromEntries(updates.map((u) => [u.field, u.shown])) } };
}
/** The notifications for events added to the record in this run, filtered by the config. */
function notificationsFor(r, before, ctx, config, repo) {
    const out = [];
    if (!config.notify.priorities.includes(r.priority))
        return out;
    // Held as unconfirmed: nothing goes to chat; the confirmation is the declaration people hear of.
    if (r.unconfirmed)
        return out;
    const issue = ctx.issue;
    for (const e of r.events.slice(before)) {
        const event = e.kind === 'declared' || e.kind === 'confirmed'
            ? 'declared'
            : e.kind === 'priority'
                ? 'priority'
                : e.kind === 'escalation'
                    ? 'escalation'
                    : e.kind === 'stage' && e.to === 'resolved'
                        ? 'resolved'
                        : null;
        if (!event || !config.notify.events.includes(event))
            continue;
        const text = event === 'declared'
            ? `${r.priority} incident declared: ${r.priorityReason}`
            : event === 'priority'
                ? `Priority ${e.from} → ${e.to}`
                : event === 'escalation'
                    ? `Not acknowledged in time: escalated to level ${e.to}`
                    : 'Resolved';
        out.push({
            event,
            repo,
            number: r.number,
            title: issue.title,
            url: issue.url,
            priority: r.priority,
            stage: r.stage,
            text,
            at: e.at,
        });
    }
    return out;
}
/**
 * Whether an issue event's sender's role matters: a close or reopen that would move the incident,
 * or an edit that changes the facts behind the priority. Otherwise no request is spent on it.
 */
/**
 * Whether this event could change the incident's course in a way only triage or more may: a close
 * or reopen that would move it, an edit that re-classifies it, or (past Triage) an edit that moves
 * its start time. Only then is the sender's role worth a request.
 */
function needsSenderRole(action, ctx, previous, config, now) {
    const issue = ctx.issue;
    if (action === 'closed' || action === 'reopened') {
        const active = previous ? ['triage', 'investigating', 'fixing', 'monitoring'].includes(previous.stage) : true;
        return action === 'closed' ? issue.state === 'closed' && active : issue.state === 'open' && !active;
    }
    if (action !== 'edited' || !previous || previous.alert)
        return false;
    const spec = formSpec(INCIDENT_FORM, config);
    const facts = factsFromForm(parseIssueForm(issue.body, spec), spec, new Date(issue.createdAt), now ? new Date(now) : undefined);
    const reclassifies = previous.prioritySource === 'rules' && impactDigest(facts) !== previous.impactDigest;
    // The start decide would take (see onStartTime): a change of it past Triage needs triage or more.
    const wanted = facts.startedAt ?? (facts.startRefused ? null : previous.declaredAt);
    const movesStart = !issue.viewerDidAuthor &&
        previous.stage !== 'triage' &&
        wanted !== null &&
        Date.parse(wanted) !== Date.parse(previous.startedAt);
    return reclassifies || movesStart;
}
/**
 * Comments with commands that no run has executed: GitHub keeps one pending run per concurrency
 * group and cancels the others, so a burst of commands can lose runs. Each comment run also runs
 * these, oldest first. Only comments after the incident was declared, newer than the oldest one
 * already handled, written by people (not bots, not us).
 */
function unprocessedCommands(ctx, r, current, currentAt) {
    // GitHub gives the body as it is now, and an edit never runs commands: a comment edited since it
    // was posted is left to its own run (whose payload carries the body as posted), never caught up.
    const processed = new Set(r.processed ?? []);
    const floor = r.processed?.length ? Math.min(...r.processed) : 0;
    // Runs are dropped within minutes. A refused command is recorded as processed (decide.ts), so it
    // never runs later once its author is given access; the window also bounds what is re-read.
    const since = new Date(Date.parse(currentAt) - CATCH_UP_MS).toISOString();
    return ctx
        .issue.comments.filter((c) => c.databaseId < current &&
        c.databaseId > floor &&
        !processed.has(c.databaseId) &&
        !c.viewerDidAuthor &&
        !c.authorIsBot &&
        c.author !== null &&
        !c.body.startsWith('<!-- incidentops:') &&
        c.createdAt >= r.declaredAt &&
        c.createdAt >= since &&
        c.updatedAt === c.createdAt &&
        hasCommands(c.body))
        .sort((a, b) => a.databaseId - b.databaseId)
        .map((c) => ({ commentId: c.databaseId, body: c.body, author: c.author, createdAt: c.createdAt }));
}

;// CONCATENATED MODULE: ./src/events/revert.ts






/** Handles a merged revert; the incidents it concerns are found among the open ones. */
async function handleRevert(port, r, o) {
    const localConfig = o.local !== undefined ? loadConfig(o.local, o.configPath) : null;
    const label = localConfig ? localConfig.labels.incident : 'incident';
    const targets = (0,rank/* revertTargets */.zE)(r);
    const applied = [];
    const problems = [];
    const lines = [];
    let config = localConfig;
    let repoLabels = [];
    let repositoryId = '';
    for await (const page of port.incidentPages({
        label,
        states: ['OPEN'],
        withRepoLabels: true,
        ...(o.local === undefined ? { configPath: o.configPath } : {}),
    })) {
        if (!config) {
            config = loadConfig(page.configText ?? null, o.configPath);
            if (config.labels.incident !== label)
                throw new errors/* ConfigError */.xL(`labels.incident is "${config.labels.incident}": check out the repository before the action (actions/checkout) so a merged revert reads the config first.`);
        }
        if (page.repoLabels)
            repoLabels = page.repoLabels;
        repositoryId = page.repositoryId;
        for (const incident of page.incidents) {
            const card = findCard(incident.comments);
            const record = card ? decodeRecord(card.body) : null;
            if (!record || Date.parse(record.startedAt) >= Date.parse(r.at))
                continue;
            const hit = record.suspects?.find((s) => (s.kind === 'pr' && s.id !== null && targets.numbers.includes(s.id)) ||
                (s.sha !== null && targets.shas.some((sha) => s.sha.startsWith(sha))));
            if (!hit)
                continue;
            // The bulk read holds the first 3 and the last 20 comments: the whole thread when there are more.
            const ctx = incident.commentCount > incident.comments.length
                ? await port.loadIssueContext(incident.number, {})
                : { repositoryId, repoLabels, issue: incident };
            const { exec, board } = o.writer(config);
            const res = await handleIncident(port, board, ctx, {
                kind: 'related',
                of: 'revert',
                number: r.pr,
                action: 'closed',
                sender: r.sender,
                at: r.at,
                reverts: hit.kind === 'pr' ? hit.id : null,
                title: r.title,
            }, config, { ...o.handleOpts, exec });
            applied.push(...res.applied);
            problems.push(...res.problems);
            lines.push(`- #${incident.number}: revert #${r.pr} recorded as a mitigation`);
        }
    }
    return {
        outputs: { actions: JSON.stringify(applied) },
        summary: {
            head: [
                `### IncidentOps: revert #${r.pr} merged`,
                `${(0,markdown/* inline */.mG)(r.title, 200)}`,
                ...(lines.length
                    ? lines
                    : ['- No open incident has the reverted change among its suspects: nothing to record.']),
            ],
            applied,
        },
        problems,
    };
}

;// CONCATENATED MODULE: ./src/oncall/store.ts


const ONCALL_MARKER = '<!-- incidentops:oncall -->';
const store_RECORD_RE = /<!-- incidentops:oncall-record:v1:([A-Za-z0-9+/=]+) -->/;
/** Overrides that ended this long ago leave the record (their comments stay in the thread). */
const KEEP_ENDED_MS = 30 * 86_400_000;
function encodeOncall(r) {
    return `<!-- incidentops:oncall-record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`;
}
/** The record in an on-call issue's body; null when absent or unreadable. Trust it only from an issue we opened. */
function decodeOncall(body) {
    const m = store_RECORD_RE.exec(body);
    if (!m)
        return null;
    try {
        const r = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
        if (r?.v !== 1 || !Array.isArray(r.overrides) || !Array.isArray(r.processed))
            return null;
        return r;
    }
    catch {
        return null;
    }
}
/** The on-call issue among issues carrying its label: the lowest-numbered open one we opened (a race that opened two keeps the first). */
function findOncallIssue(issues) {
    return ([...issues]
        .filter((i) => i.viewerDidAuthor && i.state.toLowerCase() === 'open' && i.body.startsWith(ONCALL_MARKER))
        .sort((a, b) => a.number - b.number)[0] ?? null);
}
/** The view the pure core needs (the overrides), from the on-call issue's body. */
function viewOf(body) {
    return { overrides: (body ? decodeOncall(body)?.overrides : undefined) ?? [] };
}
const store_TIME = String.raw `\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const COVER = new RegExp(String.raw `^/cover\s+@?([A-Za-z0-9][A-Za-z0-9-]{0,38})(?:\s+(?:on\s+)?([a-z0-9][a-z0-9-]{0,39}))??\s+(?:until\s+(${store_TIME})|from\s+(${store_TIME})\s+to\s+(${store_TIME}))(?:\s+(.*))?$`, 'i');
/**
 * The `/oncall` and `/cover` lines of a comment, with the rules of the incident commands: outside
 * fenced code, HTML comments and `>` quotes. At most 10 are taken.
 */
function parseOncallCommands(body) {
    const out = [];
    let fence = null;
    let inComment = false;
    for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
        if (out.length >= 10)
            break;
        const line = raw.trim();
        if (inComment) {
            if (line.includes('-->'))
                inComment = false;
            continue;
        }
        const f = /^(`{3,}|~{3,})/.exec(line);
        if (fence) {
            if (f && f[1][0] === fence[0] && f[1].length >= fence.length)
                fence = null;
            continue;
        }
        if (f) {
            fence = f[1];
            continue;
        }
        if (line.startsWith('<!--')) {
            if (!line.includes('-->'))
                inComment = true;
            continue;
        }
        if (line.startsWith('>'))
            continue;
        if (/^\/oncall\b/i.test(line) && !/^\/oncall[-\w]/i.test(line))
            out.push({ name: 'oncall', line });
        else if (/^\/cover\b/i.test(line)) {
            const m = COVER.exec(line.slice(0, 600));
            out.push(m
                ? {
                    name: 'cover',
                    line,
                    who: m[1],
                    schedule: m[2]?.toLowerCase() ?? null,
                    from: m[4] ?? null,
                    to: (m[3] ?? m[5]),
                    reason: (m[6] ?? '')
                        .trim()
                        .replace(/^[-—:]\s*/, '')
                        .slice(0, 200),
                }
                : { name: 'cover-invalid', line });
        }
    }
    return out;
}
/** The longest override a command may ask for: longer cover belongs in the config, reviewed. */
const MAX_COVER_MS = 31 * 86_400_000;
/**
 * A `/cover` turned into an override, or the reason it cannot be: an unknown or missing schedule,
 * a time that does not parse, an end not after the start or already past, cover longer than 31 days.
 */
function coverOverride(c, config, by, commentId, createdAt) {
    const names = config.oncall.schedules.map((s) => s.name);
    const schedule = c.schedule ?? (names.length === 1 ? names[0] : null);
    if (!schedule)
        return { problem: `name the schedule: \`/cover @${c.who} <schedule> until …\` (schedules: ${names.join(', ')})` };
    const s = config.oncall.schedules.find((x) => x.name === schedule);
    if (!s)
        return { problem: `there is no schedule ${(0,markdown/* code */.aY)(schedule, 40)} (schedules: ${names.join(', ') || 'none'})` };
    const from = c.from ? parseLocal(c.from, s.timeZone)?.toMillis() : Date.parse(createdAt);
    const to = parseLocal(c.to, s.timeZone)?.toMillis();
    if (from === undefined || to === undefined || Number.isNaN(from))
        return { problem: `a time does not parse; write it like 2026-12-06 09:00 (in ${s.timeZone}) or 2026-12-06T08:00Z` };
    if (to <= from)
        return { problem: `the end (${localTime(to, s.timeZone)}) is not after the start (${localTime(from, s.timeZone)})` };
    if (to <= Date.parse(createdAt))
        return { problem: `the end (${localTime(to, s.timeZone)}) is already past` };
    if (to - from > MAX_COVER_MS)
        return {
            problem: 'cover longer than 31 days belongs in the configuration (`overrides:` of the schedule), reviewed in a pull request',
        };
    return {
        schedule,
        who: c.who,
        from,
        to,
        source: `comment:${commentId}`,
        by,
        ...(c.reason ? { reason: c.reason } : {}),
    };
}
/** The on-call issue's body: what it is for, the overrides in force or to come, and the record. */
function renderOncallIssue(record, config, now) {
    const t = Date.parse(now);
    const live = record.overrides.filter((o) => o.to > t).sort((a, b) => a.from - b.from);
    const zone = (name) => config.oncall.schedules.find((s) => s.name === name)?.timeZone ?? 'UTC';
    const lines = [
        ONCALL_MARKER,
        '## On call',
        '',
        `Who is on call comes from the schedules in the configuration (${config.oncall.schedules.map((s) => (0,markdown/* code */.aY)(s.name, 40)).join(', ')}) and the overrides below. Comment here to add one (triage role or more):`,
        '',
        '```',
        '/cover @user until 2026-12-06 09:00',
        '/cover @user <schedule> from 2026-12-24 00:00 to 2026-12-27 00:00 holidays',
        '```',
        '',
        "Times are in the schedule's time zone unless they carry an offset (`Z`, `+01:00`). `/oncall` in any issue answers who is on call now and next.",
        '',
        '### Overrides',
        '',
    ];
    if (!live.length)
        lines.push('_None in force or to come._');
    else {
        lines.push('| schedule | who | from | to | asked by | reason |', '|---|---|---|---|---|---|');
        for (const o of live)
            lines.push(`| ${(0,markdown/* code */.aY)(o.schedule, 40)} | ${(0,markdown/* neutralizeMentions */.tI)(`@${o.who}`)} | ${localTime(o.from, zone(o.schedule))} | ${localTime(o.to, zone(o.schedule))} | ${o.by ? (0,markdown/* neutralizeMentions */.tI)(`@${o.by}`) : ''} | ${(0,markdown/* inline */.mG)(o.reason ?? '', 200)} |`);
    }
    lines.push('', encodeOncall(record));
    return lines.join('\n');
}
/** The answer to `/oncall`: per schedule, who now (and why), and the next two changes. Mentions defused: it pages nobody. */
function renderOncallAnswer(config, view, now) {
    const t = Date.parse(now);
    const out = [];
    for (const s of config.oncall.schedules) {
        const [first, ...next] = upcoming(s, t, 3, view.overrides.filter((o) => o.schedule === s.name));
        const show = (who) => (who ? (0,markdown/* neutralizeMentions */.tI)(`@${who}`) : '_nobody_');
        const why = (r) => r.override
            ? `override${r.override.by ? ` asked by ${(0,markdown/* neutralizeMentions */.tI)(`@${r.override.by}`)}` : ''}${r.override.reason ? `: ${(0,markdown/* inline */.mG)(r.override.reason, 120)}` : ''}`
            : r.layer
                ? `layer ${(0,markdown/* code */.aY)(r.layer, 40)}`
                : 'a gap';
        out.push(`- **${(0,markdown/* inline */.mG)(s.name, 40)}**: ${show(first.who)} (${why(first)})${first.until ? ` until ${localTime(Date.parse(first.until), s.timeZone)}` : ''}`);
        for (const r of next)
            out.push(`  - then ${show(r.who)} (${why(r)}) from ${localTime(Date.parse(r.time), s.timeZone)}`);
    }
    return `**On call** at ${iso(t).slice(0, 16).replace('T', ' ')} UTC:\n\n${out.join('\n')}`;
}

;// CONCATENATED MODULE: ./src/oncall/handoff.ts




/** At most this many inherited incidents are listed in one notice (the rest are counted). */
const MAX_LISTED = 20;
/**
 * The notices due at `now`, and the record with the hand-offs announced. A schedule seen for the
 * first time is recorded without a notice: its first notice is its first hand-off.
 */
function planHandoffs(config, previous, now, open) {
    const record = structuredClone(previous ?? { v: 1, overrides: [], processed: [] });
    const handoffs = { ...(record.handoffs ?? {}) };
    const notices = [];
    const t = Date.parse(now);
    let changed = false;
    for (const s of config.oncall.schedules) {
        if (!s.channel)
            continue;
        const r = resolveAt(s, t, record.overrides.filter((o) => o.schedule === s.name));
        const last = handoffs[s.name];
        if (last && (last.who ?? null) === (r.who ?? null))
            continue;
        handoffs[s.name] = { who: r.who, at: now };
        changed = true;
        if (!last)
            continue;
        const mk = `<!-- incidentops:handoff:${s.name}:${now} -->`;
        const theirs = open.filter((i) => i.record &&
            escalationChain(i.record.service, config).some((l) => l.mention.some((m) => scheduleTarget(m)?.schedule === s.name)));
        const who = r.who ? `@${r.who}` : '_nobody_';
        const why = r.override
            ? `override${r.override.by ? ` asked by ${(0,markdown/* neutralizeMentions */.tI)(`@${r.override.by}`)}` : ''}`
            : r.layer
                ? `layer ${(0,markdown/* code */.aY)(r.layer, 40)}`
                : 'a gap in the schedule';
        const lines = [
            mk,
            `🔁 **Hand-off** · schedule ${(0,markdown/* code */.aY)(s.name, 40)} · chat ${(0,markdown/* code */.aY)(s.channel, 100)}`,
            '',
            `**Now on call: ${who}** (${why})${r.until ? ` until ${localTime(Date.parse(r.until), s.timeZone)}` : ''}, after ${last.who ? (0,markdown/* neutralizeMentions */.tI)(`@${last.who}`) : '_nobody_'}.`,
            '',
        ];
        if (!theirs.length)
            lines.push(`No open incident escalates to ${(0,markdown/* code */.aY)(`schedule:${s.name}`, 60)}.`);
        else {
            lines.push(`Open incidents ${r.who ? 'you inherit' : 'left without anyone on call'}:`);
            for (const i of theirs.slice(0, MAX_LISTED)) {
                const rec = i.record;
                lines.push(`- #${i.number} ${(0,markdown/* inline */.mG)(i.title, 120)} · ${rec.priority} · ${rec.stage}${rec.commander ? ` · commander ${(0,markdown/* neutralizeMentions */.tI)(`@${rec.commander}`)}` : ' · nobody in command'}`);
            }
            if (theirs.length > MAX_LISTED)
                lines.push(`- and ${theirs.length - MAX_LISTED} more`);
        }
        notices.push({ schedule: s.name, marker: mk, body: lines.join('\n') });
    }
    if (changed)
        record.handoffs = handoffs;
    return { record, notices, changed };
}

;// CONCATENATED MODULE: ./src/events/oncall.ts





/** Reads the on-call issue: one GraphQL request (the open issues with its label, first page). */
async function readOncallIssue(port, config) {
    for await (const page of port.incidentPages({ label: config.oncall.label, states: ['OPEN'] })) {
        const found = findOncallIssue(page.incidents);
        return found ? { number: found.number, body: found.body } : null;
    }
    return null;
}
/** The overrides for the pure core, read once per run however many incidents ask. */
function oncallViewLoader(port, config, preloaded) {
    let cached;
    return () => (cached ??= (preloaded !== undefined ? Promise.resolve(preloaded) : readOncallIssue(port, config)).then((i) => viewOf(i?.body ?? null)));
}
const MAX_CATCH_UP = 20;
/**
 * Handles the `/oncall` and `/cover` lines of a new comment. `/cover` counts only on the on-call
 * issue and from triage or more; earlier `/cover` comments there that no run handled are caught up.
 */
async function handleOncallComment(port, ctx, comment, config, opts) {
    const commands = parseOncallCommands(comment.body);
    if (!commands.length || !ctx.issue)
        return { handled: false, applied: [], changes: [] };
    const issue = ctx.issue;
    const changes = [];
    const effects = [];
    const now = opts.now() ?? comment.createdAt;
    if (!config.oncall.schedules.length) {
        const mk = marker('oncall-reply', comment.commentId);
        if (!findMarked(issue.comments, mk))
            effects.push({
                kind: 'create-comment',
                issue: issue.number,
                marker: mk,
                body: `${mk}\nThere are no on-call schedules in the configuration: add them under \`oncall.schedules\` (docs/oncall.md).`,
            });
        return { handled: true, applied: await opts.exec.apply(effects), changes: ['/oncall: no schedules configured'] };
    }
    const here = issue.viewerDidAuthor &&
        issue.body.startsWith('<!-- incidentops:oncall -->') &&
        issue.labels.some((l) => l.toLowerCase() === config.oncall.label.toLowerCase());
    const oncallIssue = here
        ? { number: issue.number, body: issue.body }
        : await readOncallIssue(port, config);
    const previous = (oncallIssue && decodeOncall(oncallIssue.body)) || {
        v: 1,
        overrides: [],
        processed: [],
    };
    const record = structuredClone(previous);
    if (here) {
        // This comment and earlier ones no run handled (GitHub drops queued runs of a concurrency group).
        const roles = new Map();
        const roleOf = async (login) => {
            if (!roles.has(login))
                roles.set(login, (await port.getRole(login)));
            return roles.get(login);
        };
        const floor = previous.processed.length ? Math.min(...previous.processed) : 0;
        const pending = [
            ...issue.comments
                .filter((c) => c.databaseId < comment.commentId &&
                c.databaseId > floor &&
                !previous.processed.includes(c.databaseId) &&
                !c.viewerDidAuthor &&
                !c.authorIsBot &&
                c.author &&
                c.updatedAt === c.createdAt &&
                parseOncallCommands(c.body).some((x) => x.name !== 'oncall'))
                .sort((a, b) => a.databaseId - b.databaseId)
                .slice(-MAX_CATCH_UP)
                .map((c) => ({ commentId: c.databaseId, body: c.body, author: c.author, createdAt: c.createdAt })),
            comment,
        ];
        for (const c of pending) {
            if (record.processed.includes(c.commentId))
                continue;
            const covers = parseOncallCommands(c.body).filter((x) => x.name !== 'oncall');
            if (!covers.length)
                continue;
            const role = await roleOf(c.author);
            const lines = [];
            for (const cv of covers) {
                if (!mayDecide(role)) {
                    lines.push(`${(0,markdown/* code */.aY)(cv.line, 80)}: overrides need the triage role or more on this repository; nothing changed.`);
                    continue;
                }
                if (cv.name === 'cover-invalid') {
                    lines.push(`${(0,markdown/* code */.aY)(cv.line, 80)}: write it as \`/cover @user until 2026-12-06 09:00\` or \`/cover @user <schedule> from 2026-12-24 00:00 to 2026-12-27 00:00 <reason>\`.`);
                    continue;
                }
                const o = coverOverride(cv, config, c.author, c.commentId, c.createdAt);
                if ('problem' in o) {
                    lines.push(`${(0,markdown/* code */.aY)(cv.line, 80)}: ${o.problem}.`);
                    continue;
                }
                // Keyed by the comment (and the line's order in it): a re-run adds nothing.
                const key = `${o.source}:${covers.indexOf(cv)}`;
                if (!record.overrides.some((x) => x.source === key))
                    record.overrides.push({ ...o, source: key, at: c.createdAt });
                const zone = config.oncall.schedules.find((s) => s.name === o.schedule).timeZone;
                lines.push(`✅ ${(0,markdown/* neutralizeMentions */.tI)(`@${o.who}`)} covers ${(0,markdown/* code */.aY)(o.schedule, 40)} from ${localTime(o.from, zone)} to ${localTime(o.to, zone)} (asked by ${(0,markdown/* neutralizeMentions */.tI)(`@${c.author}`)}).`);
                changes.push(`override: ${o.who} covers ${o.schedule} ${new Date(o.from).toISOString()} → ${new Date(o.to).toISOString()} (comment ${c.commentId})`);
            }
            record.processed.push(c.commentId);
            const mk = marker('oncall-cover', c.commentId);
            if (lines.length && !findMarked(issue.comments, mk))
                effects.push({ kind: 'create-comment', issue: issue.number, marker: mk, body: `${mk}\n${lines.join('\n')}` });
        }
    }
    else if (commands.some((x) => x.name !== 'oncall')) {
        const mk = marker('oncall-cover', comment.commentId);
        const where = oncallIssue
            ? `the on-call issue #${oncallIssue.number}`
            : 'the on-call issue (comment `/oncall` once to have it opened)';
        if (!findMarked(issue.comments, mk))
            effects.push({
                kind: 'create-comment',
                issue: issue.number,
                marker: mk,
                body: `${mk}\n\`/cover\` counts only on ${where}, where every override is recorded with who asked; nothing changed here.`,
            });
        changes.push('/cover outside the on-call issue: pointed there');
    }
    if (commands.some((x) => x.name === 'oncall')) {
        const mk = marker('oncall-reply', comment.commentId);
        if (!findMarked(issue.comments, mk))
            effects.push({
                kind: 'create-comment',
                issue: issue.number,
                marker: mk,
                body: `${mk}\n${renderOncallAnswer(config, { overrides: record.overrides }, now)}`,
            });
        changes.push('/oncall answered');
    }
    // The record: overrides long over leave it (their comments stay); written only when it changed.
    const t = Date.parse(now);
    record.overrides = record.overrides.filter((o) => o.to > t - KEEP_ENDED_MS);
    record.processed = record.processed.slice(-300);
    const body = renderOncallIssue(record, config, now);
    if (!oncallIssue)
        effects.push({
            kind: 'create-issue',
            title: 'On call',
            body,
            labels: [config.oncall.label],
            marker: '<!-- incidentops:oncall -->',
        });
    else if (JSON.stringify(record) !== JSON.stringify(previous))
        effects.push({ kind: 'edit-issue', issue: oncallIssue.number, body, marker: '<!-- incidentops:oncall -->' });
    return { handled: true, applied: await opts.exec.apply(effects), changes };
}

;// CONCATENATED MODULE: ./src/events/handoff.ts




/** Posts the hand-offs due now; returns the writes and one summary line per notice. */
async function announceHandoffs(port, config, now, open, 
/** The on-call issue from the sweep's first page (null: none yet; undefined: not read). */
preloaded, exec) {
    if (!config.oncall.schedules.some((s) => s.channel))
        return { applied: [], lines: [] };
    let issue = preloaded !== undefined ? preloaded : await readOncallIssue(port, config);
    if (!planHandoffs(config, issue ? decodeOncall(issue.body) : null, now, open).changed)
        return { applied: [], lines: [] };
    // Read again right before the write: a `/cover` run may have changed the body since the sweep began.
    if (issue)
        issue = await readOncallIssue(port, config);
    const plan = planHandoffs(config, issue ? decodeOncall(issue.body) : null, now, open);
    if (!plan.changed)
        return { applied: [], lines: [] };
    const body = renderOncallIssue(plan.record, config, now);
    const first = issue
        ? { kind: 'edit-issue', issue: issue.number, body, marker: ONCALL_MARKER }
        : { kind: 'create-issue', title: 'On call', body, labels: [config.oncall.label], marker: ONCALL_MARKER };
    const applied = await exec.apply([first]);
    const written = createdBy(applied[0]);
    const number = issue?.number ?? written?.issue;
    if (!written || number === undefined)
        return { applied, lines: [] };
    applied.push(...(await exec.apply(plan.notices.map((n) => ({ kind: 'create-comment', issue: number, marker: n.marker, body: n.body })))));
    return { applied, lines: plan.notices.map((n) => `Hand-off on schedule ${n.schedule} announced in #${number}.`) };
}

// EXTERNAL MODULE: ./node_modules/nodemailer/dist/esm/nodemailer.js + 38 modules
var nodemailer = __webpack_require__(6739);
;// CONCATENATED MODULE: ./src/paging/send.ts
/*
 * Sending pages: ntfy, Pushover, e-mail over SMTP (nodemailer) and SMS or a call through the
 * user's own Twilio account. A page is a courtesy beside the incident's GitHub writes, which are
 * done before it: a failure is returned (the executor reports it in the job log and summary),
 * never thrown. No retry: none of these providers takes an idempotency key, so a retried request
 * they had accepted would page twice; a page is sent at most once and its failure is reported.
 * Secrets are read from the environment variables the config names, and never printed.
 */

class Missing extends Error {
}
/** The environment variable values the config names: the action masks them with core.setSecret. */
function pagingSecrets(p, env) {
    const names = [
        p.ntfy.tokenEnv,
        p.pushover.appTokenEnv,
        p.smtp?.userEnv,
        p.smtp?.passwordEnv,
        p.twilio?.accountSidEnv,
        p.twilio?.authTokenEnv,
        ...[...Object.values(p.people), ...Object.values(p.schedules)].flatMap((c) => [
            c.ntfy?.topicEnv,
            c.pushover?.userKeyEnv,
            c.sms?.toEnv,
            c.voice?.toEnv,
        ]),
    ];
    return [...new Set(names.flatMap((n) => (n && env[n] ? [env[n]] : [])))];
}
/** A pager for the config's channels. */
function createPager(paging, o) {
    const fetchFn = o.fetch ?? globalThis.fetch;
    const timeoutMs = o.timeoutMs ?? 10_000;
    const mailer = o.mailer ?? smtpMailer;
    const secrets = pagingSecrets(paging, o.env);
    const need = (name, what) => {
        const v = name ? o.env[name] : undefined;
        if (!v)
            throw new Missing(`the environment variable ${name ?? '(none named)'} (${what}) is not set: pass it in the workflow step's \`env:\` from a secret`);
        return v;
    };
    const post = async (url, body, headers) => {
        const res = await fetchFn(url, {
            method: 'POST',
            headers: { 'user-agent': 'incidentops', ...headers },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        if (res.ok) {
            await res.body?.cancel().catch(() => undefined);
            return { ok: true };
        }
        const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
        return { ok: false, error: `HTTP ${res.status}${text ? ` "${text}"` : ''}` };
    };
    const form = (fields) => new URLSearchParams(fields).toString();
    const FORM = 'application/x-www-form-urlencoded';
    const deliver = async (e) => {
        const contact = e.schedule ? paging.schedules[e.schedule] : e.who ? paging.people[e.who] : undefined;
        switch (e.channel) {
            case 'ntfy': {
                const topic = need(contact?.ntfy?.topicEnv, 'ntfy topic');
                const token = paging.ntfy.tokenEnv ? need(paging.ntfy.tokenEnv, 'ntfy token') : null;
                // JSON publishing (POST to the server's root): any text, no header encoding to get wrong.
                return post(`${paging.ntfy.server}/`, JSON.stringify({
                    topic,
                    title: e.title,
                    message: e.text,
                    priority: paging.ntfy.priority === 'urgent' ? 5 : 4,
                    tags: ['rotating_light'],
                    click: e.url,
                }), { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
            }
            case 'pushover': {
                const p = paging.pushover;
                return post(`${p.apiUrl}/1/messages.json`, form({
                    token: need(p.appTokenEnv, 'Pushover application token'),
                    user: need(contact?.pushover?.userKeyEnv, 'Pushover user key'),
                    title: e.title,
                    message: e.text,
                    priority: String(p.priority),
                    url: e.url,
                    url_title: 'Open the incident',
                    // Emergency priority repeats until acknowledged: every 60 s for at most an hour.
                    ...(p.priority === 2 ? { retry: '60', expire: '3600' } : {}),
                }), { 'content-type': FORM });
            }
            case 'email': {
                const smtp = paging.smtp;
                if (!smtp || !contact?.email)
                    return { ok: false, error: 'no SMTP server or address in the config' };
                const auth = smtp.userEnv
                    ? { user: need(smtp.userEnv, 'SMTP user'), pass: need(smtp.passwordEnv, 'SMTP password') }
                    : null;
                await mailer(smtp, auth, { from: smtp.from, to: contact.email.to, subject: e.title, text: `${e.text}\n\n${e.url}\n` }, timeoutMs);
                return { ok: true };
            }
            case 'sms':
            case 'voice': {
                const t = paging.twilio;
                if (!t)
                    return { ok: false, error: 'no `oncall.paging.twilio` in the config' };
                const sid = need(t.accountSidEnv, 'Twilio account SID');
                const tokenValue = need(t.authTokenEnv, 'Twilio auth token');
                const to = need(e.channel === 'sms' ? contact?.sms?.toEnv : contact?.voice?.toEnv, 'phone number');
                const base = `${t.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}`;
                const auth = {
                    authorization: `Basic ${Buffer.from(`${sid}:${tokenValue}`).toString('base64')}`,
                    'content-type': FORM,
                };
                if (e.channel === 'sms')
                    return post(`${base}/Messages.json`, form({ To: to, From: t.from, Body: `${e.title}: ${e.text} ${e.url}` }), auth);
                const say = xml(`IncidentOps. ${e.title}. ${e.text}`);
                return post(`${base}/Calls.json`, form({ To: to, From: t.from, Twiml: `<Response><Say loop="2">${say}</Say></Response>` }), auth);
            }
        }
    };
    return {
        async send(e) {
            try {
                const r = await deliver(e);
                return r.ok ? r : { ok: false, error: mask(r.error, secrets) };
            }
            catch (error) {
                if (error instanceof Missing)
                    return { ok: false, error: error.message };
                return { ok: false, error: mask(send_describe(error, timeoutMs), secrets) };
            }
        },
    };
}
/** Nodemailer over SMTP: STARTTLS when offered (required with `secure: false` only when the server offers it). Also the status page's e-mail subscribers'. */
const smtpMailer = async (smtp, auth, mail, timeoutMs) => {
    const transport = (0,nodemailer/* createTransport */.oO)({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(auth ? { auth } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
    });
    try {
        await transport.sendMail(mail);
    }
    finally {
        transport.close();
    }
};
function xml(s) {
    return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
}
/** A failed request in words (a timeout, a refused connection), for the warning. */
function send_describe(error, timeoutMs) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error ? error.cause : undefined;
    const msg = error instanceof Error ? error.message : String(error);
    return cause?.code ? `${msg}: ${cause.code}` : msg;
}
/** `text` with every secret value replaced by `***`. */
function mask(text, secrets) {
    let out = text;
    for (const s of [...secrets].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}

;// CONCATENATED MODULE: ./src/subscriptions/send.ts
/*
 * Sending notices: signed webhooks (fetch) and e-mail (nodemailer, paging's SMTP transport). A
 * notice is a courtesy beside the incident's GitHub writes, which are done before it: a failure is
 * returned (the executor reports it as a warning and a `failed` row), never thrown.
 *
 * At most once across runs: the record lists a notice's changes before it is sent, so no later run
 * sends it again, whatever happened to it. Within the run a webhook gets one more attempt after a
 * network error, a timeout, a 429 or a 5xx, with the same delivery id and body (receivers
 * deduplicate by the id); e-mail gets one attempt, since SMTP has no such id and a timed-out
 * message may well have been delivered.
 */



/** The signature header: `sha256=` and the HMAC-SHA256 of the raw body, hex (GitHub's webhook convention). */
const SIGNATURE_HEADER = 'x-incidentops-signature-256';
const DELIVERY_HEADER = 'x-incidentops-delivery';
const TIMESTAMP_HEADER = 'x-incidentops-timestamp';
const EVENT_HEADER = 'x-incidentops-event';
/** `sha256=<hex>`: the HMAC-SHA256 of the raw body with the subscriber's secret. */
function signBody(body, secret) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
/** True when `header` is the body's signature with `secret` (constant-time comparison): what a receiver checks. */
function verifySignature(body, secret, header) {
    const want = Buffer.from(signBody(body, secret));
    const got = Buffer.from(header ?? '');
    return got.length === want.length && timingSafeEqual(got, want);
}
class send_Missing extends Error {
}
/** An announcer for the config's subscribers. */
function createAnnouncer(subs, o) {
    const fetchFn = o.fetch ?? globalThis.fetch;
    const timeoutMs = o.timeoutMs ?? 5_000;
    const mailer = o.mailer ?? smtpMailer;
    const sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const secrets = subscriberSecrets(subs, o.env);
    const need = (name, what) => {
        const v = name ? o.env[name] : undefined;
        if (!v)
            throw new send_Missing(`the environment variable ${name ?? '(none named)'} (${what}) is not set or empty: pass it in the workflow step's \`env:\` from a secret; nothing was sent unsigned`);
        return v;
    };
    const webhook = async (e) => {
        const secret = need(e.secretEnv, 'the webhook signing secret');
        const body = JSON.stringify(e.notice.body);
        const res = await fetchFn(e.to, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                'user-agent': 'IncidentOps-Subscriptions',
                [EVENT_HEADER]: e.notice.kind,
                [DELIVERY_HEADER]: e.notice.deliveryId,
                [TIMESTAMP_HEADER]: String(Math.floor(Date.parse(e.notice.body.meta.sent_at) / 1000)),
                [SIGNATURE_HEADER]: signBody(body, secret),
            },
            body,
            // Never followed: a signed body goes only where the config says (and never to plain http).
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        if (res.ok) {
            await res.body?.cancel().catch(() => undefined);
            return { ok: true };
        }
        if (res.status >= 300 && res.status < 400) {
            await res.body?.cancel().catch(() => undefined);
            return {
                ok: false,
                error: `HTTP ${res.status}: redirects are not followed; put the final URL in \`status.subscribers.webhooks\``,
            };
        }
        const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
        return {
            ok: false,
            error: `HTTP ${res.status}${text ? ` "${text}"` : ''}`,
            retry: res.status === 429 || res.status >= 500,
        };
    };
    const attempt = async (e) => {
        try {
            if (e.channel === 'webhook')
                return await webhook(e);
            const smtp = subs.email?.smtp;
            if (!smtp)
                return { ok: false, error: 'no `status.subscribers.email.smtp` in the config' };
            const auth = smtp.userEnv
                ? { user: need(smtp.userEnv, 'SMTP user'), pass: need(smtp.passwordEnv, 'SMTP password') }
                : null;
            const m = e.notice.mail;
            await mailer(smtp, auth, { from: smtp.from, to: e.to, subject: m.subject, text: m.text, html: m.html }, timeoutMs);
            return { ok: true };
        }
        catch (error) {
            if (error instanceof send_Missing)
                return { ok: false, error: error.message };
            return { ok: false, error: send_describe(error, timeoutMs), retry: e.channel === 'webhook' };
        }
    };
    return {
        async send(e) {
            let r = await attempt(e);
            if (!r.ok && r.retry) {
                await sleep(o.retryDelayMs ?? 1_000);
                const again = await attempt(e);
                r = again.ok ? again : { ok: false, error: `${again.error} (twice)` };
            }
            return r.ok ? { ok: true } : { ok: false, error: mask(r.error, secrets) };
        },
    };
}

// EXTERNAL MODULE: ./src/github/limits.ts
var github_limits = __webpack_require__(1679);
;// CONCATENATED MODULE: ./src/report/intervals.ts
/**
 * Downtime as time, not as a sum of incidents: overlapping incidents are counted once.
 */
/**
 * Clips the intervals to [from, to) and charges every instant covered by at least one of them to
 * the most severe (lowest) rank active at that instant. Returns milliseconds per rank; their sum
 * is the length of the union, so two overlapping incidents never count twice.
 * One sort and one sweep: O(n log n).
 */
function attribute(intervals, from, to, ranks) {
    const out = new Array(ranks).fill(0);
    // Sweep points: +1 at a start, −1 at an end; ends sort before starts at the same instant.
    const points = [];
    for (const iv of intervals) {
        const s = Math.max(iv.start, from);
        const e = Math.min(iv.end, to);
        if (!(e > s) || iv.rank < 0 || iv.rank >= ranks)
            continue;
        points.push({ at: s, rank: iv.rank, delta: 1 }, { at: e, rank: iv.rank, delta: -1 });
    }
    points.sort((a, b) => a.at - b.at || a.delta - b.delta);
    const active = new Array(ranks).fill(0);
    let prev = 0;
    for (const p of points) {
        // Charge [prev, p.at) to the most severe active rank (ranks are few: P1…P4).
        if (p.at > prev) {
            for (let r = 0; r < ranks; r++) {
                if (active[r] > 0) {
                    out[r] += p.at - prev;
                    break;
                }
            }
        }
        active[p.rank] += p.delta;
        prev = p.at;
    }
    return out;
}
/** Length of the union of the intervals within [from, to), in ms. */
function unionLength(intervals, from, to) {
    const flat = intervals.map((iv) => ({ start: iv.start, end: iv.end, rank: 0 }));
    return attribute(flat, from, to, 1)[0];
}

;// CONCATENATED MODULE: ./src/report/risk.ts
const HOURS_PER_YEAR = 8760;
/** 8760 / 12 = 730 hours: the month every monthly figure uses. */
const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
const HOURS_PER_WEEK = 168;
const MS_PER_HOUR = 3_600_000;
/** λ from k incidents observed over `hours` hours; 0 when nothing was observed or no time passed. */
function ratePerHour(incidents, hours) {
    return hours > 0 ? incidents / hours : 0;
}
/** A rate given per month (730 h) as a rate per hour. */
const perMonthToPerHour = (perMonth) => perMonth / HOURS_PER_MONTH;
/** MTBF = 1 / λ in hours; null when λ is 0 (no failure observed: the mean gap is unknown, not zero). */
function mtbfHours(lambdaPerHour) {
    return lambdaPerHour > 0 ? 1 / lambdaPerHour : null;
}
/** P(at least one incident within `hours`) = 1 − e^(−λt), computed as −expm1(−λt) for small λt. */
function pAtLeastOne(lambdaPerHour, hours) {
    return -Math.expm1(-lambdaPerHour * hours);
}
/** Expected number of incidents within `hours`: λt. */
function expectedIncidents(lambdaPerHour, hours) {
    return lambdaPerHour * hours;
}
/** Expected loss within `hours` when each incident costs `impact`: λ·I·t. */
function expectedLoss(lambdaPerHour, impact, hours) {
    return lambdaPerHour * impact * hours;
}
/** "At least one" exposure within `hours`: I·(1 − e^(−λt)). Always ≤ the expected loss. */
function atLeastOneExposure(lambdaPerHour, impact, hours) {
    return impact * pAtLeastOne(lambdaPerHour, hours);
}
/** Expected downtime within `hours` from the observed share of time down: (down / observed) · t. */
function expectedDowntime(downHours, observedHours, hours) {
    return observedHours > 0 ? (downHours / observedHours) * hours : 0;
}
/** The rate, its other units, the MTBF, and the rule-of-three bound when nothing happened. */
function estimateRate(incidents, hours) {
    const perHour = ratePerHour(incidents, hours);
    return {
        incidents,
        perHour,
        perWeek: perHour * HOURS_PER_WEEK,
        perMonth: perHour * HOURS_PER_MONTH,
        mtbfHours: mtbfHours(perHour),
        // P(0 events | λ) = e^(−λT) ≥ 0.05 ⇔ λ ≤ −ln(0.05)/T ≈ 3/T.
        upper95PerHour: incidents === 0 && hours > 0 ? -Math.log(0.05) / hours : null,
    };
}

;// CONCATENATED MODULE: ./src/report/stats.ts
/** Nearest-rank percentile of an ascending sample: the value at rank ⌈p·n⌉; null when empty. */
function percentileSorted(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return null;
    const rank = Math.min(n, Math.max(1, Math.ceil(p * n)));
    return sorted[rank - 1];
}
/** Median of an ascending sample (mean of the two middle values for even n); null when empty. */
function medianSorted(sorted) {
    const n = sorted.length;
    if (n === 0)
        return null;
    const mid = n >> 1;
    return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Mean; null when empty. */
function mean(values) {
    if (values.length === 0)
        return null;
    let s = 0;
    for (const v of values)
        s += v;
    return s / values.length;
}
/** Mean, median, p90 (nearest rank) and max of durations in ms. Sorts a copy once: O(n log n). */
function summarize(values) {
    const sorted = Float64Array.from(values).sort();
    const arr = Array.from(sorted);
    return {
        n: arr.length,
        meanMs: mean(arr),
        medianMs: medianSorted(arr),
        p90Ms: percentileSorted(arr, 0.9),
        maxMs: arr.length ? arr[arr.length - 1] : null,
    };
}
/**
 * A response metric from measured durations: `completed` over the closed ones, `open` counted,
 * `lowerBound` over all (open ones at their time so far).
 */
function responseMetric(from, to, measured) {
    const done = [];
    const all = [];
    for (const m of measured) {
        all.push(m.ms);
        if (!m.open)
            done.push(m.ms);
    }
    return { from, to, completed: summarize(done), open: all.length - done.length, lowerBound: summarize(all) };
}
/**
 * The duration from `fromMs` to `toMs` (epoch ms), or, when `toMs` is null (not reached by `nowMs`),
 * the time so far as an open lower bound. Negative spans (a start time typed after the fix) count 0.
 */
function measure(fromMs, toMs, nowMs) {
    if (toMs === null)
        return { ms: Math.max(0, nowMs - fromMs), open: true };
    return { ms: Math.max(0, toMs - fromMs), open: false };
}

;// CONCATENATED MODULE: ./src/report/build.ts
/**
 * The whole weekly report as data, from the incidents and the clock. Pure: no I/O, and `now` is
 * the only clock. docs/metrics.md defines every figure; docs/report.schema.json documents the shape.
 *
 * Rules that hold throughout:
 * - everything is evaluated as of `now`: a milestone stamped after `now` counts as not reached yet,
 *   so a report rebuilt later for the same `now` gives the same figures;
 * - an incident belongs to the window its `declaredAt` falls in; windows are (start, end], so an
 *   incident declared exactly on a boundary belongs to the earlier window and never to two;
 * - dismissed incidents are noise: counted (in total, by source, per week) and kept out of every
 *   response, downtime, rate and cost figure;
 * - open incidents are never dropped: see src/report/stats.ts.
 * Cost: one pass to normalise, one sort per summary and per sweep: O(n log n), no pairwise work.
 */




const build_DAY = 86_400_000;
const WEEK = 7 * build_DAY;
/** The P(≥1) horizon: the next 7 days, whatever the window length. */
const HORIZON_HOURS = HOURS_PER_WEEK;
const SEVERE = ['P1', 'P2'];
/** The key used for incidents without any `service/<name>` label. */
const NO_SERVICE = '(no service)';
const rankOf = (p) => PRIORITIES.indexOf(p);
const build_iso = (ms) => new Date(ms).toISOString();
const period = (start, end) => ({
    start: build_iso(start),
    end: build_iso(end),
    hours: (end - start) / MS_PER_HOUR,
});
const ratio = (numerator, denominator) => ({
    numerator,
    denominator,
    value: denominator > 0 ? numerator / denominator : null,
});
const zeroes = () => ({ P1: 0, P2: 0, P3: 0, P4: 0 });
function normalize(i, now) {
    const declared = Date.parse(i.declaredAt);
    const rank = rankOf(i.priority);
    if (!Number.isFinite(declared) || declared > now || rank < 0)
        return null;
    const at = (s) => {
        if (s === null)
            return null;
        const t = Date.parse(s);
        return Number.isFinite(t) && t <= now ? t : null;
    };
    const s = Date.parse(i.startedAt);
    const started = Number.isFinite(s) ? Math.min(s, now) : declared;
    // Defensive fallbacks, all implied by milestones.ts: a closed incident is resolved by its closing;
    // resolved without passing Monitoring is mitigated when resolved; mitigated implies acknowledged.
    const res = at(i.resolvedAt) ?? (i.state === 'closed' ? at(i.closedAt) : null);
    const mit = at(i.mitigatedAt) ?? res;
    const ack = at(i.acknowledgedAt) ?? mit;
    return { src: i, rank, declared, started, ack, mit, res };
}
function validate(opts) {
    const now = Date.parse(opts.now);
    if (!Number.isFinite(now))
        throw new RangeError(`report: now must be an ISO date, got ${JSON.stringify(opts.now)}`);
    if (!(opts.windowDays > 0) || !Number.isFinite(opts.windowDays))
        throw new RangeError(`report: windowDays must be a positive number, got ${opts.windowDays}`);
    if (!Number.isInteger(opts.historyWeeks) || opts.historyWeeks < 1)
        throw new RangeError(`report: historyWeeks must be a whole number ≥ 1, got ${opts.historyWeeks}`);
    if (opts.slo && !(opts.slo.target > 0 && opts.slo.target <= 1))
        throw new RangeError(`report: slo.target must be in (0, 1], e.g. 0.999, got ${opts.slo.target}`);
    return { now, windowMs: opts.windowDays * build_DAY, weeks: opts.historyWeeks };
}
/** The configured cost per hour by rank, or null for priorities without a (valid) cost. */
function ratesByRank(opts) {
    if (!opts.costPerHour)
        return null;
    const rates = PRIORITIES.map((p) => {
        const v = opts.costPerHour?.[p];
        return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
    });
    return rates.some((r) => r !== null) ? rates : null;
}
/** Downtime interval: [started, mitigated or now). */
const downInterval = (n, now) => ({ start: n.started, end: n.mit ?? now, rank: n.rank });
function windowMetrics(inWindow, from, to, now, opts, downIntervals, costIntervals, rates) {
    const live = inWindow.filter((n) => !n.src.dismissed);
    const byPriority = zeroes();
    const pm = { required: 0, done: 0, open: 0, missing: 0 };
    const followups = { open: 0, closed: 0 };
    let resolved = 0;
    for (const n of live) {
        byPriority[n.src.priority]++;
        if (n.res !== null)
            resolved++;
        if (n.src.postmortem !== 'not-required') {
            pm.required++;
            pm[n.src.postmortem]++;
        }
    }
    // Follow-ups count dismissed incidents too: tuning a noisy alert is real work.
    for (const n of inWindow) {
        followups.open += n.src.followups.open;
        followups.closed += n.src.followups.closed;
    }
    const windowHours = (to - from) / MS_PER_HOUR;
    const downtimeHours = attribute(downIntervals, from, to, PRIORITIES.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR;
    const budgetHours = opts.slo ? (1 - opts.slo.target) * windowHours : 0;
    let cost = null;
    if (rates) {
        const ms = attribute(costIntervals, from, to, PRIORITIES.length);
        const hoursByPriority = zeroes();
        const byPriority = zeroes();
        let total = 0;
        PRIORITIES.forEach((p, r) => {
            hoursByPriority[p] = ms[r] / MS_PER_HOUR;
            byPriority[p] = hoursByPriority[p] * (rates[r] ?? 0);
            total += byPriority[p];
        });
        cost = { total, byPriority, hoursByPriority };
    }
    return {
        period: period(from, to),
        declared: inWindow.length,
        incidents: live.length,
        dismissed: inWindow.length - live.length,
        noise: ratio(inWindow.length - live.length, inWindow.length),
        byPriority,
        unresolved: live.length - resolved,
        response: {
            acknowledge: responseMetric('declared', 'acknowledged', live.map((n) => measure(n.declared, n.ack, now))),
            mitigate: responseMetric('started', 'mitigated', live.map((n) => measure(n.started, n.mit, now))),
            resolve: responseMetric('started', 'resolved', live.map((n) => measure(n.started, n.res, now))),
        },
        recovery: ratio(resolved, live.length),
        postmortems: { ...pm, completion: ratio(pm.done, pm.required) },
        followups,
        downtimeHours,
        availability: windowHours > 0 ? 1 - downtimeHours / windowHours : 1,
        slo: opts.slo
            ? {
                target: opts.slo.target,
                budgetHours,
                budgetLeftHours: budgetHours - downtimeHours,
                budgetLeft: budgetHours > 0 ? 1 - downtimeHours / budgetHours : null,
            }
            : null,
        cost,
    };
}
function trends(c, p) {
    const t = (key, unit, better, f) => {
        const current = f(c);
        const previous = f(p);
        return {
            key,
            unit,
            better,
            current,
            previous,
            delta: current !== null && previous !== null ? current - previous : null,
        };
    };
    return [
        t('incidents', 'count', 'lower', (w) => w.incidents),
        t('p1p2', 'count', 'lower', (w) => w.byPriority.P1 + w.byPriority.P2),
        t('dismissed', 'count', 'lower', (w) => w.dismissed),
        t('unresolved', 'count', 'lower', (w) => w.unresolved),
        t('mttaMean', 'ms', 'lower', (w) => w.response.acknowledge.completed.meanMs),
        t('ttmMean', 'ms', 'lower', (w) => w.response.mitigate.completed.meanMs),
        t('mttrMean', 'ms', 'lower', (w) => w.response.resolve.completed.meanMs),
        t('mttrMedian', 'ms', 'lower', (w) => w.response.resolve.completed.medianMs),
        t('downtimeHours', 'hours', 'lower', (w) => w.downtimeHours),
        t('availability', 'ratio', 'higher', (w) => w.availability),
        t('recovery', 'ratio', 'higher', (w) => w.recovery.value),
        t('postmortemCompletion', 'ratio', 'higher', (w) => w.postmortems.completion.value),
        t('cost', 'money', 'lower', (w) => w.cost?.total ?? null),
    ];
}
function breakdown(cur, prev, keys) {
    const rows = new Map();
    const row = (k) => {
        let r = rows.get(k);
        if (!r)
            rows.set(k, (r = { key: k, current: 0, previous: 0, dismissed: 0 }));
        return r;
    };
    for (const n of cur) {
        for (const k of keys(n)) {
            if (n.src.dismissed)
                row(k).dismissed++;
            else
                row(k).current++;
        }
    }
    for (const n of prev)
        if (!n.src.dismissed)
            for (const k of keys(n))
                row(k).previous++;
    return [...rows.values()].sort((a, b) => b.current - a.current ||
        b.previous - a.previous ||
        b.dismissed - a.dismissed ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
const uniq = (xs) => [...new Set(xs)];
function listed(n, carriedOver, now) {
    const i = n.src;
    const live = !i.dismissed;
    return {
        repo: i.repo,
        number: i.number,
        title: i.title,
        url: i.url,
        priority: i.priority,
        services: [...i.services],
        source: i.source,
        state: i.state,
        dismissed: i.dismissed,
        carriedOver,
        startedAt: build_iso(n.started),
        declaredAt: build_iso(n.declared),
        acknowledge: live ? measure(n.declared, n.ack, now) : null,
        mitigate: live ? measure(n.started, n.mit, now) : null,
        resolve: live ? measure(n.started, n.res, now) : null,
        postmortem: i.postmortem,
        followups: { ...i.followups },
    };
}
/**
 * Builds the report for the window ending at `opts.now`: this window and the previous one with
 * trends, breakdowns, response metrics with open incidents counted, availability and error budget,
 * cost, the rate λ, MTBF and P(≥1 P1/P2 in the next 7 days), a weekly history and the incident list.
 * Throws RangeError when the options are unusable (an unreadable `now`, a non-positive window).
 */
function buildReport(incidents, opts) {
    const { now, windowMs, weeks } = validate(opts);
    const start = now - windowMs;
    const prevStart = start - windowMs;
    const histStart = now - weeks * WEEK;
    const since = opts.observedSince !== undefined ? Date.parse(opts.observedSince) : NaN;
    const obsStart = Number.isFinite(since) && since > histStart && since < now ? since : histStart;
    const rates = ratesByRank(opts);
    const downRanks = new Set(opts.downtimePriorities.map(rankOf));
    const all = [];
    for (const i of incidents) {
        const n = normalize(i, now);
        if (n)
            all.push(n);
    }
    const cur = [];
    const prev = [];
    const carried = [];
    const downIntervals = [];
    const costIntervals = [];
    const weekly = Array.from({ length: weeks }, () => ({
        counts: zeroes(),
        dismissed: 0,
        done: [],
        open: 0,
    }));
    const followupBacklog = { open: 0, closed: 0 };
    let obsAll = 0;
    let obsSevere = 0;
    for (const n of all) {
        const d = n.declared;
        followupBacklog.open += n.src.followups.open;
        followupBacklog.closed += n.src.followups.closed;
        if (d > start)
            cur.push(n);
        else if (d > prevStart)
            prev.push(n);
        const live = !n.src.dismissed;
        if (live && d <= start && n.res === null)
            carried.push(n);
        const w = Math.floor((now - d) / WEEK);
        if (w < weeks) {
            const b = weekly[weeks - 1 - w];
            if (!live)
                b.dismissed++;
            else {
                b.counts[n.src.priority]++;
                if (n.res === null)
                    b.open++;
                else
                    b.done.push(Math.max(0, n.res - n.started));
            }
        }
        if (!live)
            continue;
        if (d > obsStart) {
            obsAll++;
            if (SEVERE.includes(n.src.priority))
                obsSevere++;
        }
        if (downRanks.has(n.rank))
            downIntervals.push(downInterval(n, now));
        if (rates && rates[n.rank] !== null)
            costIntervals.push(downInterval(n, now));
    }
    const current = windowMetrics(cur, start, now, now, opts, downIntervals, costIntervals, rates);
    const previous = windowMetrics(prev, prevStart, start, now, opts, downIntervals, costIntervals, rates);
    const obsHours = (now - obsStart) / MS_PER_HOUR;
    const severe = estimateRate(obsSevere, obsHours);
    const obsDown = attribute(downIntervals, obsStart, now, PRIORITIES.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR;
    let expectedCost = null;
    if (rates) {
        const ms = attribute(costIntervals, obsStart, now, PRIORITIES.length);
        expectedCost = ms.reduce((sum, v, r) => sum + expectedDowntime(v / MS_PER_HOUR, obsHours, HORIZON_HOURS) * (rates[r] ?? 0), 0);
    }
    const risk = {
        hoursPerMonth: HOURS_PER_MONTH,
        observation: period(obsStart, now),
        all: estimateRate(obsAll, obsHours),
        severe: { ...severe, priorities: [...SEVERE] },
        horizonHours: HORIZON_HOURS,
        pSevereWithinHorizon: pAtLeastOne(severe.perHour, HORIZON_HOURS),
        expectedSevereWithinHorizon: expectedIncidents(severe.perHour, HORIZON_HOURS),
        expectedDowntimeHours: expectedDowntime(obsDown, obsHours, HORIZON_HOURS),
        expectedCost,
    };
    const history = weekly.map((b, i) => {
        const end = now - (weeks - 1 - i) * WEEK;
        const sorted = Array.from(Float64Array.from(b.done).sort());
        return {
            start: build_iso(end - WEEK),
            end: build_iso(end),
            byPriority: b.counts,
            dismissed: b.dismissed,
            mttr: { n: sorted.length, open: b.open, meanMs: mean(sorted), medianMs: medianSorted(sorted) },
        };
    });
    const order = (a, b) => a.rank - b.rank ||
        b.declared - a.declared ||
        (a.src.repo < b.src.repo ? -1 : a.src.repo > b.src.repo ? 1 : 0) ||
        a.src.number - b.src.number;
    const list = [
        ...cur.sort(order).map((n) => listed(n, false, now)),
        ...carried.sort(order).map((n) => listed(n, true, now)),
    ];
    return {
        schemaVersion: 1,
        scope: opts.scope,
        generatedAt: build_iso(now),
        currency: opts.currency,
        options: {
            windowDays: opts.windowDays,
            historyWeeks: weeks,
            downtimePriorities: PRIORITIES.filter((p) => downRanks.has(rankOf(p))),
            sloTarget: opts.slo?.target ?? null,
            costPerHour: opts.costPerHour ? { ...opts.costPerHour } : null,
        },
        input: { received: incidents.length, ignored: incidents.length - all.length, withoutCard: 0 },
        current,
        previous,
        trends: trends(current, previous),
        breakdown: {
            priority: PRIORITIES.map((p) => ({
                key: p,
                current: current.byPriority[p],
                previous: previous.byPriority[p],
                dismissed: cur.filter((n) => n.src.dismissed && n.src.priority === p).length,
            })),
            service: breakdown(cur, prev, (n) => (n.src.services.length ? uniq(n.src.services) : [NO_SERVICE])),
            source: breakdown(cur, prev, (n) => [n.src.source || 'unknown']),
        },
        risk,
        history: { period: period(histStart, now), weeks: history },
        followupBacklog,
        incidents: list,
        // Set by the report run when `changes.dora` is on (src/changes/report.ts): it needs the changes read.
        dora: null,
    };
}

;// CONCATENATED MODULE: ./src/report/format.ts
/**
 * How report figures read: every formatter returns "—" for a missing value, never NaN.
 */

const NONE = '—';
const format_MS_PER_HOUR = 3_600_000;
const format_num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const format_int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ok = (v) => typeof v === 'number' && Number.isFinite(v);
/** `1,234`. */
const count = (v) => (ok(v) ? format_int.format(v) : NONE);
/** A number with at most `digits` significant decimals: `0.36`, `2.5`, `1,200`. */
function decimal(v, digits = 2) {
    if (!ok(v))
        return NONE;
    if (digits === 2)
        return format_num.format(v);
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
}
/** A duration in ms: `3h 05m`. */
const format_duration = (ms) => (ok(ms) ? formatDuration(ms) : NONE);
/** A duration in hours: `3h 05m`. */
const hours = (h) => (ok(h) ? formatDuration(h * format_MS_PER_HOUR) : NONE);
/** A measured duration: `3h 05m`, or `≥ 3h 05m so far` when the milestone is not reached. */
const measured = (m) => m === null ? NONE : m.open ? `≥ ${formatDuration(m.ms)} so far` : formatDuration(m.ms);
/**
 * A share as a percentage. Small and near-1 values keep the digits that matter: availability
 * 0.99952 reads `99.952%`, a probability 0.0082 reads `0.82%`.
 */
function percent(v) {
    if (!ok(v))
        return NONE;
    const p = v * 100;
    if (p === 0 || p === 100)
        return `${p}%`;
    // Rounding must not turn "some downtime" into 100% or "some risk" into 0%.
    if (p > 99.9995)
        return '> 99.999%';
    if (p < 0.005 && p > 0)
        return '< 0.01%';
    const digits = p > 99 ? 3 : p < 1 ? 2 : 1;
    return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(p)}%`;
}
/** An amount of money: `€1,234` (whole units), or `1,234 XYZ` for a code Intl does not know. */
function money(v, currency) {
    if (!ok(v))
        return NONE;
    try {
        return new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency,
            maximumFractionDigits: 0,
            minimumFractionDigits: 0,
        }).format(v);
    }
    catch {
        return `${format_int.format(v)} ${currency.replace(/[^A-Za-z]/g, '').slice(0, 8)}`;
    }
}
/** A trend figure in its unit. */
function trendValue(t, v, currency) {
    switch (t.unit) {
        case 'count':
            return count(v);
        case 'ms':
            return format_duration(v);
        case 'hours':
            return hours(v);
        case 'ratio':
            return percent(v);
        case 'money':
            return money(v, currency);
    }
}
/** `↑ +3 · worse`, `↓ −1h 05m · better`, `→ same`, or `—` when there is nothing to compare. */
function trendArrow(t, currency) {
    if (t.delta === null || !Number.isFinite(t.delta))
        return NONE;
    if (Math.abs(t.delta) < 1e-12)
        return '→ same';
    const up = t.delta > 0;
    const sign = up ? '+' : '−';
    const mag = Math.abs(t.delta);
    const text = t.unit === 'ratio'
        ? `${decimal(mag * 100, mag * 100 < 1 ? 3 : 1)} pp`
        : t.unit === 'ms'
            ? format_duration(mag)
            : t.unit === 'hours'
                ? hours(mag)
                : t.unit === 'money'
                    ? money(mag, currency)
                    : count(mag);
    const good = up === (t.better === 'higher');
    return `${up ? '↑' : '↓'} ${sign}${text} · ${good ? 'better' : 'worse'}`;
}

;// CONCATENATED MODULE: ./src/oncall/load.ts
/*
 * The on-call load per person over the report's window, for the weekly report: hours on call
 * (from the schedules), pages and out-of-hours pages (from the pages recorded in incidents' cards),
 * incidents commanded (who acknowledged or was handed command). Pure.
 */



/** Business hours: Monday to Friday, 09:00 to 18:00 in the person's time zone. A page outside them is out of hours. */
const BUSINESS_HOURS = { days: [1, 2, 3, 4, 5], from: 9, to: 18 };
/** The person's time zone: that of the first schedule naming them in a layer, else UTC. */
function zoneOf(who, config) {
    const w = who.toLowerCase();
    return (config.oncall.schedules.find((s) => s.layers.some((l) => l.members.some((m) => m.toLowerCase() === w)))?.timeZone ??
        'UTC');
}
/** Whether `at` falls outside business hours in `zone`. */
function outOfHours(at, zone) {
    const d = luxon/* DateTime */.c9.fromISO(at, { zone });
    return (!BUSINESS_HOURS.days.includes(d.weekday) ||
        d.hour < BUSINESS_HOURS.from ||
        d.hour >= BUSINESS_HOURS.to);
}
/**
 * The load of everyone who was on call, paged or in command within [start, end), most hours first.
 * Hours come from the config's schedules and their config overrides (`/cover` overrides live in the
 * on-call issue, which the report does not read); a person on two schedules at once counts once.
 */
function onCallLoad(records, config, start, end) {
    const from = Date.parse(start);
    const to = Date.parse(end);
    const inWindow = (t) => Date.parse(t) >= from && Date.parse(t) < to;
    const people = new Map();
    const get = (who) => {
        const k = who.toLowerCase();
        if (!people.has(k))
            people.set(k, { who: k, hoursOnCall: 0, pages: 0, outOfHoursPages: 0, commanded: 0 });
        return people.get(k);
    };
    const spans = new Map();
    for (const s of config.oncall.schedules)
        for (const seg of timeline(s, from, to))
            if (seg.who)
                spans.set(seg.who.toLowerCase(), [...(spans.get(seg.who.toLowerCase()) ?? []), [seg.from, seg.to]]);
    for (const [who, list] of spans)
        get(who).hoursOnCall = union(list) / 3_600_000;
    for (const r of records) {
        for (const p of Array.isArray(r.pages) ? r.pages : [])
            if (p.who && inWindow(p.at)) {
                const l = get(p.who);
                l.pages++;
                if (outOfHours(p.at, zoneOf(p.who, config)))
                    l.outOfHoursPages++;
            }
        const commanders = new Set();
        for (const e of r.events) {
            if (!inWindow(e.at))
                continue;
            if (e.kind === 'ack' && e.actor)
                commanders.add(e.actor.toLowerCase());
            if (e.kind === 'commander' && e.to)
                commanders.add(e.to.replace(/^@/, '').toLowerCase());
        }
        for (const c of commanders)
            get(c).commanded++;
    }
    return [...people.values()].sort((a, b) => b.hoursOnCall - a.hoursOnCall || b.pages - a.pages || a.who.localeCompare(b.who));
}
function union(list) {
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of [...list].sort((x, y) => x[0] - y[0])) {
        if (b <= end)
            continue;
        total += b - Math.max(a, end);
        end = b;
    }
    return total;
}
/** At most this many people in the table (the rest are counted). */
const MAX_ROWS = 50;
/** The report's section: a table, names in code (it pings nobody); empty when nobody had any load. */
function renderLoad(load) {
    if (!load.length)
        return '';
    const rows = load
        .slice(0, MAX_ROWS)
        .map((l) => `| ${(0,markdown/* code */.aY)(l.who, 40)} | ${l.hoursOnCall.toFixed(1)} | ${l.pages} | ${l.outOfHoursPages} | ${l.commanded} |`);
    return [
        '### On-call load',
        '',
        '| person | hours on call | pages | out-of-hours pages | incidents commanded |',
        '|---|--:|--:|--:|--:|',
        ...rows,
        ...(load.length > MAX_ROWS ? [`| and ${load.length - MAX_ROWS} more | | | | |`] : []),
        '',
        '_Pages: phone pages recorded at escalations; out of hours: outside Monday–Friday 09:00–18:00 in the time zone of the first schedule the person is in. Hours from the schedules in the config (`/cover` overrides not counted). Commanded: acknowledged or was handed command in the window (docs/oncall.md#load-in-the-weekly-report)._',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/oncall/ics-files.ts
/*
 * The on-call calendars published with the weekly report: one `<schedule>.ics` per schedule in a
 * directory next to the report's JSON, for a later step to publish (GitHub Pages, an artifact).
 */



/** How far ahead the published calendars reach. */
const ICS_DAYS = 56;
/** Writes every schedule's calendar from `from` (epoch ms) for ICS_DAYS days; null without schedules. */
function writeCalendars(config, dir, from) {
    if (!config.oncall.schedules.length)
        return null;
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const files = config.oncall.schedules.map((s) => {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, `${s.name}.ics`), scheduleIcs(s, from, from + ICS_DAYS * 86_400_000));
        return `${s.name}.ics`;
    });
    return { dir, files };
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * Mermaid charts for the report (`xychart-beta`, which GitHub renders). No user text enters a
 * chart: labels are dates and numbers only, so nothing can break out of the code fence.
 */

/** Bar colours, P1 … P4 (red, orange, yellow, green, as the card's icons). */
const COLORS = ['#d73a49', '#fb8500', '#e3b341', '#2da44e'];
const label = (iso) => `"${iso.slice(5, 10)}"`;
const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
/**
 * Incidents per week by priority, stacked. xychart-beta draws bar series over each other rather
 * than stacking them, so we draw cumulative series, tallest first: P1+…+P4, P1+P2+P3, P1+P2,
 * then P1. What shows of each colour is that priority's count. Weeks are labelled by their start.
 */
function incidentsChart(weeks) {
    const cumulative = PRIORITIES.map((_, r) => weeks.map((w) => PRIORITIES.slice(0, r + 1).reduce((s, p) => s + w.byPriority[p], 0)));
    const top = Math.max(1, ...cumulative[PRIORITIES.length - 1]);
    const palette = [...COLORS].reverse().join(', ');
    return [
        '```mermaid',
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
        'xychart-beta',
        '  title "Incidents per week (stacked: P1 red, P2 orange, P3 yellow, P4 green)"',
        `  x-axis [${weeks.map((w) => label(w.start)).join(', ')}]`,
        `  y-axis "Incidents" 0 --> ${top}`,
        ...[...cumulative].reverse().map((series) => `  bar [${series.join(', ')}]`),
        '```',
    ].join('\n');
}
/**
 * Mean time to resolve per week, in hours, over the weeks with at least one resolved incident
 * (a week without one has no MTTR: it is left out rather than drawn as 0). Null when no week has one.
 */
function mttrChart(weeks) {
    const points = weeks.filter((w) => w.mttr.meanMs !== null);
    if (points.length === 0)
        return null;
    const values = points.map((w) => round(w.mttr.meanMs / 3_600_000, 2));
    const top = Math.max(1, Math.ceil(Math.max(...values)));
    return [
        '```mermaid',
        // Mermaid's default line colour is a pale grey that barely shows on a white page.
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%',
        'xychart-beta',
        '  title "Mean time to resolve per week (hours, resolved incidents)"',
        `  x-axis [${points.map((w) => label(w.start)).join(', ')}]`,
        `  y-axis "Hours" 0 --> ${top}`,
        `  line [${values.join(', ')}]`,
        '```',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * The report as markdown, for the report issue's body and the job summary. Pure: it renders only
 * from `ReportData`, so the same data gives the same bytes, and a re-run finds its issue by the
 * hidden marker on the first line.
 *
 * Size: GitHub refuses bodies over 65,536 characters. The output never exceeds `maxChars`
 * (default 60,000): long tables (services, sources) are capped, and the incident list, which comes
 * last, takes whole rows while they fit, then says how many it left out. A row is never cut.
 */







const render_DEFAULT_MAX_CHARS = 60_000;
/** Below this the report cannot say anything useful. */
const render_MIN_MAX_CHARS = 1_000;
/** The hidden marker a re-run searches for: `<!-- incidentops:report:<window-start-date> -->`. */
const reportMarker = (data) => marker('report', data.current.period.start.slice(0, 10));
const TREND_LABEL = {
    incidents: 'Incidents',
    p1p2: 'P1 + P2 incidents',
    dismissed: 'Dismissed (noise)',
    unresolved: 'Still unresolved',
    mttaMean: 'Mean time to acknowledge',
    ttmMean: 'Mean time to mitigate',
    mttrMean: 'Mean time to resolve (MTTR)',
    mttrMedian: 'Median time to resolve',
    downtimeHours: 'Downtime',
    availability: 'Availability',
    recovery: 'Recovery rate',
    postmortemCompletion: 'Postmortems done',
    cost: 'Estimated cost',
};
const date = (iso) => iso.slice(0, 10);
const render_cell = (text, max = 80) => (0,markdown/* inline */.mG)(text, max) || NONE;
const row = (cells) => `| ${cells.join(' | ')} |`;
const sep = (aligns) => `|${aligns.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`;
function headlines(d) {
    const lines = ['### Headlines', '', row(['', 'This window', 'Previous window', 'Trend']), sep(['l', 'r', 'r', 'l'])];
    for (const t of d.trends) {
        if (t.key === 'cost' && !d.current.cost)
            continue;
        lines.push(row([
            TREND_LABEL[t.key],
            trendValue(t, t.current, d.currency),
            trendValue(t, t.previous, d.currency),
            trendArrow(t, d.currency),
        ]));
    }
    return lines;
}
const bound = (v, open) => v === null ? NONE : open > 0 ? `≥ ${format_duration(v)}` : format_duration(v);
const stats = (s) => [format_duration(s.meanMs), format_duration(s.medianMs), format_duration(s.p90Ms), format_duration(s.maxMs)];
function response(d) {
    const r = d.current.response;
    const metrics = [
        ['Time to acknowledge (declared → acknowledged)', r.acknowledge],
        ['Time to mitigate (started → mitigated)', r.mitigate],
        ['Time to resolve (started → resolved)', r.resolve],
    ];
    const lines = [
        '### Response',
        '',
        row([
            '',
            'Done',
            'Not yet',
            'Mean',
            'Median',
            'p90',
            'Max',
            'With open ones as lower bounds: mean · median · p90 · max',
        ]),
        sep(['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ];
    for (const [name, m] of metrics) {
        const lb = m.lowerBound;
        const lower = m.open === 0
            ? 'same (none open)'
            : [lb.meanMs, lb.medianMs, lb.p90Ms, lb.maxMs].map((v) => bound(v, m.open)).join(' · ');
        lines.push(row([name, count(m.completed.n), count(m.open), ...stats(m.completed), lower]));
    }
    lines.push('', `_Incidents not yet acknowledged, mitigated or resolved are counted under "Not yet" and never dropped. The first columns summarise the incidents that reached the milestone; the last one adds the open ones at their time so far, so each figure there is a lower bound (≥) of the true one. Dismissed incidents are noise and are left out._`);
    return lines;
}
function reliability(d) {
    const c = d.current;
    const k = d.risk;
    const down = d.options.downtimePriorities.join(', ') || 'none';
    const obsWeeks = decimal(k.observation.hours / 168, 1);
    const rows = [
        [
            'Availability',
            `${percent(c.availability)}: ${hours(c.downtimeHours)} down of ${hours(c.period.hours)} (${down}; overlapping incidents counted once)`,
        ],
    ];
    if (c.slo) {
        const s = c.slo;
        const left = s.budgetLeftHours >= 0
            ? `${hours(s.budgetLeftHours)} left (${percent(s.budgetLeft)})`
            : `**overspent by ${hours(-s.budgetLeftHours)}**`;
        rows.push([`Error budget (SLO ${percent(s.target)})`, `${hours(s.budgetHours)} in the window; ${left}`]);
    }
    const all = k.all;
    rows.push([
        'MTBF (mean time between incidents)',
        all.mtbfHours !== null
            ? `${hours(all.mtbfHours)}: λ = ${decimal(all.perWeek)} per week (${count(all.incidents)} incidents in ${obsWeeks} weeks)`
            : `no incident in ${obsWeeks} weeks (λ < ${decimal((all.upper95PerHour ?? 0) * 168)} per week at 95% confidence)`,
    ]);
    rows.push([
        `P(at least one ${k.severe.priorities.join('/')} in the next 7 days)`,
        `${percent(k.pSevereWithinHorizon)} = 1 − e^(−λt), λ = ${decimal(k.severe.perWeek)} per week (${count(k.severe.incidents)} in ${obsWeeks} weeks), t = 7 days`,
    ]);
    rows.push([
        'Expected downtime, next 7 days',
        `${hours(k.expectedDowntimeHours)} (the share of time down over ${obsWeeks} weeks × 7 days)`,
    ]);
    rows.push([
        'Recovery rate',
        `${percent(c.recovery.value)} (${count(c.recovery.numerator)} of ${count(c.recovery.denominator)} resolved)`,
    ]);
    const pm = c.postmortems;
    rows.push([
        'Postmortems',
        `${percent(pm.completion.value)} done (${count(pm.done)} of ${count(pm.required)} required; ${count(pm.open)} in progress, ${count(pm.missing)} missing)`,
    ]);
    rows.push([
        'Follow-ups',
        `this window: ${count(c.followups.open)} open, ${count(c.followups.closed)} closed · all incidents: ${count(d.followupBacklog.open)} open, ${count(d.followupBacklog.closed)} closed`,
    ]);
    rows.push(['Noise', `${count(c.dismissed)} dismissed of ${count(c.declared)} declared (${percent(c.noise.value)})`]);
    if (c.cost) {
        const parts = PRIORITIES.filter((p) => c.cost.hoursByPriority[p] > 0).map((p) => `${p} ${money(c.cost.byPriority[p], d.currency)} for ${hours(c.cost.hoursByPriority[p])}`);
        rows.push(['Estimated cost', `${money(c.cost.total, d.currency)}${parts.length ? ` (${parts.join(', ')})` : ''}`]);
        rows.push(['Expected cost, next 7 days', money(k.expectedCost, d.currency)]);
    }
    return ['### Reliability and risk', '', row(['', '']), sep(['l', 'l']), ...rows.map(([a, b]) => row([a, b]))];
}
function breakdownTable(title, rows, cap, what) {
    const lines = [`### ${title}`, ''];
    if (rows.length === 0)
        return [...lines, '_No incidents in either window._'];
    lines.push(row(['', 'This window', 'Previous', 'Dismissed']), sep(['l', 'r', 'r', 'r']));
    for (const r of rows.slice(0, cap)) {
        const key = r.key === NO_SERVICE ? `_${NO_SERVICE}_` : render_cell(r.key, 60);
        lines.push(row([key, count(r.current), count(r.previous), count(r.dismissed)]));
    }
    if (rows.length > cap)
        lines.push('', `_… and ${count(rows.length - cap)} more ${what}, see the JSON file._`);
    return lines;
}
function charts(d) {
    const weeks = d.history.weeks;
    const lines = [`### The last ${count(weeks.length)} weeks`, '', incidentsChart(weeks), ''];
    const mttr = mttrChart(weeks);
    const open = weeks.reduce((s, w) => s + w.mttr.open, 0);
    if (mttr) {
        lines.push(mttr, '');
        if (open > 0)
            lines.push(`_Unresolved incidents are not in the MTTR line (${count(open)} still open), so recent weeks may read low until they resolve._`);
    }
    else {
        lines.push('_No incident resolved in the history: no MTTR trend yet._');
    }
    return lines;
}
function definitions(d) {
    return [
        '<details><summary>Definitions</summary>',
        '',
        '- **Window**: the ' +
            `${decimal(d.options.windowDays)} days ending at generation time; an incident belongs to the window in which it was declared (the issue opened). Trends compare with the ${decimal(d.options.windowDays)} days before.`,
        '- **Started**: when impact began (form field or alert), else when declared. **Acknowledged**: the first `/ack` or move out of Triage. **Mitigated**: the start of the final stretch in Monitoring or later. **Resolved**: the last entry into Resolved or later.',
        '- **Time to acknowledge**: declared → acknowledged (nobody can acknowledge before the report; detection delay shows in time to mitigate). **Time to mitigate**: started → mitigated. **Time to resolve (MTTR)**: started → resolved.',
        '- **Mean, median, p90, max**: p90 is the nearest-rank percentile (the value at rank ⌈0.9·n⌉ of the sorted durations); the median averages the two middle values when n is even.',
        '- **Open incidents**: counted under "Not yet" and shown with their time so far (≥). The main columns cover completed incidents; the lower-bound column includes the open ones at their time so far.',
        '- **Dismissed**: false alarms (`/dismiss`): counted as noise, left out of every response, downtime, rate and cost figure.',
        `- **Downtime**: the union of [started, mitigated or now) of ${d.options.downtimePriorities.join(', ') || 'no'} incidents within the window: overlapping incidents count once. **Availability** = 1 − downtime / window. **Error budget** = (1 − SLO target) × window.`,
        '- **λ (rate)**: incidents per unit of time over the history; **MTBF** = 1/λ, the mean time *between* incidents (not a response time). **P(at least one in t)** = 1 − e^(−λt); expected incidents λt.',
        '- **Expected downtime** (next 7 days): the share of time down over the history × 7 days. **Cost**: downtime hours × cost per hour, each hour charged at the most severe incident open then.',
        '- **Recovery rate**: resolved / incidents of the window. **Postmortems done**: done / required.',
        '',
        'Full definitions and formulas: `docs/metrics.md`.',
        '',
        '</details>',
    ];
}
function statusOf(i) {
    if (i.dismissed)
        return 'dismissed';
    const s = i.resolve && !i.resolve.open
        ? 'resolved'
        : i.mitigate && !i.mitigate.open
            ? 'mitigated'
            : i.acknowledge && !i.acknowledge.open
                ? 'acknowledged'
                : 'not acknowledged';
    return i.carriedOver ? `${s} (from before the window)` : s;
}
function incidentRow(i, org) {
    const ref = org ? `${(0,markdown/* inline */.mG)(i.repo, 60)}#${i.number}` : `#${i.number}`;
    const link = /^https:\/\/[^\s()<>[\]]+$/.test(i.url) ? `[${ref}](${i.url})` : ref;
    const services = i.services.length
        ? i.services
            .slice(0, 3)
            .map((s) => (0,markdown/* inline */.mG)(s, 30))
            .join(', ') + (i.services.length > 3 ? ` +${i.services.length - 3}` : '')
        : NONE;
    return row([
        link,
        i.priority,
        render_cell(i.title, 100),
        services,
        render_cell(i.source, 30),
        utc(i.declaredAt),
        measured(i.acknowledge),
        measured(i.mitigate),
        measured(i.resolve),
        statusOf(i),
        i.postmortem,
    ]);
}
/**
 * Renders the report as markdown: a hidden marker keyed by the window's start date, the headline
 * figures with trend arrows, response, reliability and risk tables, breakdowns by priority, service
 * and source, Mermaid charts of the history, collapsed definitions, and the incident list.
 * Always at most `maxChars` characters; long lists are shortened whole rows at a time, with a count.
 */
function renderReport(data, opts = {}) {
    const max = opts.maxChars ?? render_DEFAULT_MAX_CHARS;
    if (!(max >= render_MIN_MAX_CHARS))
        throw new RangeError(`renderReport: maxChars must be at least ${render_MIN_MAX_CHARS}, got ${max}`);
    const c = data.current;
    const top = [
        reportMarker(data),
        `## Reliability report: ${(0,markdown/* inline */.mG)(data.scope, 100) || 'incidents'}, ${date(c.period.start)} → ${date(c.period.end)}`,
        '',
        `_${decimal(data.options.windowDays)} days to ${utc(c.period.end)}, compared with the ${decimal(data.options.windowDays)} days before. Incidents still open are counted and shown with their time so far (≥), never dropped; dismissed ones are reported as noise. See the definitions below._`,
    ];
    if (data.input.ignored > 0)
        top.push('', `_${count(data.input.ignored)} incidents were ignored: unreadable declaration time, or declared after the report time._`);
    // From the fullest form to the barest, the first whose fixed part leaves room for the list.
    const levels = [
        { cap: 20, charts: true, defs: true, detail: true },
        { cap: 5, charts: false, defs: true, detail: true },
        { cap: 0, charts: false, defs: false, detail: false },
    ];
    for (const level of levels) {
        const parts = [...top, '', ...headlines(data)];
        if (level.detail) {
            parts.push('', ...response(data), '', ...reliability(data), '');
            parts.push(...breakdownTable('By priority', data.breakdown.priority, 4, 'priorities'), '');
            if (level.cap > 0) {
                parts.push(...breakdownTable('By service', data.breakdown.service, level.cap, 'services'), '');
                parts.push(...breakdownTable('By source', data.breakdown.source, level.cap, 'sources'), '');
            }
        }
        if (level.charts)
            parts.push(...charts(data), '');
        if (level.defs)
            parts.push(...definitions(data));
        // A blank line ends the last table before the incident list's heading.
        const head = [...parts, ''].join('\n');
        const body = incidentList(data, max - head.length - 1);
        if (body !== null)
            return `${head}\n${body}`;
    }
    const bare = [...top, '', `_The report does not fit in ${count(max)} characters; see the JSON file._`].join('\n');
    return bare.length <= max ? bare : reportMarker(data);
}
/** The incident list within `budget` characters, whole rows only; null when not even its header fits. */
function incidentList(data, budget) {
    const list = data.incidents;
    const org = new Set(list.map((i) => i.repo)).size > 1 || data.scope.startsWith('org ');
    const header = [
        `### Incidents (${count(list.length)})`,
        '',
        row([
            'Incident',
            'Priority',
            'Title',
            'Services',
            'Source',
            'Declared',
            'Acknowledge',
            'Mitigate',
            'Resolve',
            'Status',
            'Postmortem',
        ]),
        sep(['l', 'l', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'l']),
    ].join('\n');
    if (list.length === 0) {
        const none = '### Incidents\n\n_No incidents in this window, and none open from before._';
        return none.length <= budget ? none : null;
    }
    const more = (n) => `\n\n_… and ${count(n)} more incidents (of ${count(list.length)}), see the JSON file._`;
    // Reserve room for the longest possible "more" line before adding rows.
    const reserve = more(list.length).length;
    let used = header.length;
    if (used + reserve > budget)
        return null;
    const out = [header];
    let shown = 0;
    for (const i of list) {
        const line = incidentRow(i, org);
        if (used + 1 + line.length + reserve > budget)
            break;
        out.push(line);
        used += 1 + line.length;
        shown++;
    }
    if (shown < list.length)
        out.push(more(list.length - shown).slice(1));
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/publish.ts
/**
 * Publishing the report: one issue per window, found again by the hidden marker on its first line
 * (`<!-- incidentops:report:<window start date> -->`) among the issues carrying the report label
 * that our own identity opened. The plan is pure and goes through the usual apply step, so a
 * re-run with the same data writes nothing, changed data edits the same issue, and dry-run only
 * describes. The JSON file is written beside it (docs/report.schema.json).
 */




/** `Reliability report acme/shop: 2026-11-23 → 2026-11-30`. */
function reportTitle(data) {
    return `Reliability report ${data.scope}: ${data.current.period.start.slice(0, 10)} → ${data.current.period.end.slice(0, 10)}`.slice(0, 256);
}
/** The window's report issue: the newest one we opened whose body starts with the window's marker. */
function findReportIssue(issues, marker) {
    return issues.find((i) => i.viewerDidAuthor && i.body.startsWith(marker));
}
/**
 * The writes that bring the window's report issue to `markdown`: create it (with the label) when
 * there is none, edit it when its title or body differ, nothing otherwise.
 */
function planReport(data, markdown, existing, label, 
/** The label's GraphQL id when it exists (read with the incidents): the write can then go with others in one request. */
labelId) {
    const marker = reportMarker(data);
    const title = reportTitle(data);
    const found = findReportIssue(existing, marker);
    // What GitHub will hold (apply.ts cuts the same way): a report too long for one body is not rewritten every run.
    const body = fitBody(markdown);
    if (!found)
        return {
            effects: [
                { kind: 'create-issue', title, body, labels: [label], marker, ...(labelId ? { labelIds: [labelId] } : {}) },
            ],
            issue: null,
        };
    if (found.body === body && found.title === title)
        return { effects: [], issue: found.number };
    const edit = {
        kind: 'edit-issue',
        issue: found.number,
        marker,
        body,
        nodeId: found.id,
    };
    if (found.title !== title)
        edit.title = title;
    return { effects: [edit], issue: found.number };
}
/**
 * Where the JSON file goes: `file` as given when absolute (the CLI's `--json`), else relative to
 * RUNNER_TEMP when set, else to the workspace (GITHUB_WORKSPACE, else the current directory).
 */
function reportJsonPath(file, env, cwd) {
    if ((0,external_node_path_.isAbsolute)(file))
        return file;
    const base = env.RUNNER_TEMP || env.GITHUB_WORKSPACE || cwd;
    return (0,external_node_path_.resolve)(base, file);
}
/** Writes the report data as JSON (creating the directory). */
function writeReportJson(path, data) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, JSON.stringify(data, null, 2) + '\n');
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/memory.ts
/**
 * A full garbage collection, asked of V8 at a phase boundary of a run that holds a large history
 * (the report over tens of thousands of incidents): the pages read are garbage by then, and
 * collecting them before the next phase allocates keeps the peak RSS near the live data instead of
 * letting V8 grow the heap into the garbage (at 50,000 incidents: live data ~65 MB, heap ~125 MB
 * without it). The runner starts `node` without `--expose-gc`, so the function is obtained the way
 * jest-leak-detector does: the flag is set at run time and `gc` read from a fresh context. Where
 * that does not work (another runtime), nothing happens.
 */


let gc;
function collectGarbage() {
    if (gc === undefined) {
        try {
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            const fn = (0,external_node_vm_.runInNewContext)('gc');
            gc = typeof fn === 'function' ? fn : null;
        }
        catch {
            gc = null;
        }
    }
    gc?.();
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/changes/dora.ts
/**
 * DORA's four keys from the changes a repository shipped and the incidents it recorded: deployment
 * frequency, lead time for changes, change failure rate and failed deployment recovery time, per
 * service and overall, each with its numerator, denominator and source, and the performance band it
 * falls in (docs/metrics.md, "Delivery (DORA)"). Pure.
 */

const dora_HOUR = 3_600_000;
const dora_DAY = 24 * dora_HOUR;
const dora_WEEK = 7 * dora_DAY;
/** DORA's "month" in its bands. */
const MONTH = 30 * dora_DAY;
/** DORA's bands (2023 report's clusters, see docs/metrics.md): thresholds at or below which a figure is in a band. */
function frequencyBand(perDay) {
    if (perDay >= 1)
        return 'elite';
    if (perDay * 7 >= 1)
        return 'high';
    if (perDay * 30 >= 1)
        return 'medium';
    return 'low';
}
function leadTimeBand(ms) {
    if (ms < dora_DAY)
        return 'elite';
    if (ms <= dora_WEEK)
        return 'high';
    if (ms <= MONTH)
        return 'medium';
    return 'low';
}
function failureRateBand(rate) {
    if (rate <= 0.05)
        return 'elite';
    if (rate <= 0.1)
        return 'high';
    if (rate <= 0.15)
        return 'medium';
    return 'low';
}
function recoveryBand(ms) {
    if (ms < dora_HOUR)
        return 'elite';
    if (ms < dora_DAY)
        return 'high';
    if (ms <= dora_WEEK)
        return 'medium';
    return 'low';
}
function median(values) {
    if (!values.length)
        return null;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** When a deployment succeeded (its first `success` status), or null when it never did. */
function succeededAt(d) {
    return d.statuses.find((s) => s.state.toLowerCase() === 'success')?.at ?? null;
}
/**
 * The units of the period: successful deployments to the environment, releases, or merges. A pull
 * request is shipped by the first unit at or after its merge (the same commit, or a later one).
 */
function unitsOf(input, source) {
    const { changes } = input;
    const env = input.environment.toLowerCase();
    let units;
    if (source === 'deployments')
        units = changes.deployments
            .filter((d) => d.environment.toLowerCase() === env && succeededAt(d) !== null)
            .map((d) => ({
            kind: 'deployment',
            key: `deployment ${d.id}`,
            at: succeededAt(d),
            sha: d.sha,
            deploymentId: d.id,
            pulls: [],
        }));
    else if (source === 'releases')
        units = changes.releases.map((r) => ({ kind: 'release', key: `release ${r.tag}`, at: r.at, sha: r.sha, pulls: [] }));
    else
        units = changes.pulls.map((p) => ({
            kind: 'merge',
            key: `#${p.number}`,
            at: p.mergedAt,
            sha: p.mergeSha,
            pulls: [p],
        }));
    units.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
    if (source !== 'merges')
        for (const p of changes.pulls) {
            const exact = units.find((u) => u.sha !== null && u.sha === p.mergeSha);
            const next = exact ?? units.find((u) => Date.parse(u.at) >= Date.parse(p.mergedAt));
            next?.pulls.push(p);
        }
    return units;
}
/** The unit a confirmed cause names: a deployment id, a commit, or a pull request (through what shipped it). */
function unitOfCause(c, units) {
    switch (c.kind) {
        case 'none':
            return undefined;
        case 'deployment':
            return units.find((u) => u.deploymentId === c.id);
        case 'sha':
            return (units.find((u) => u.sha?.startsWith(c.sha)) ??
                units.find((u) => u.pulls.some((p) => p.mergeSha?.startsWith(c.sha))));
        case 'pr':
            return ((c.deployment !== undefined ? units.find((u) => u.deploymentId === c.deployment) : undefined) ??
                units.find((u) => u.pulls.some((p) => p.number === c.number)));
    }
}
function figures(units, input, source, incidents, allUnits) {
    const start = Date.parse(input.start);
    const end = Date.parse(input.end);
    const inPeriod = units.filter((u) => Date.parse(u.at) > start && Date.parse(u.at) <= end);
    const days = (end - start) / dora_DAY;
    const perDay = days > 0 ? inPeriod.length / days : 0;
    const leads = inPeriod.flatMap((u) => u.pulls.flatMap((p) => (p.firstCommitAt ? [Math.max(0, Date.parse(u.at) - Date.parse(p.firstCommitAt))] : [])));
    const lead = median(leads);
    const failed = new Set();
    const recoveries = [];
    let open = 0;
    for (const i of incidents) {
        if (i.dismissed || !i.cause)
            continue;
        const u = unitOfCause(i.cause, allUnits);
        if (!u || !inPeriod.some((x) => x.key === u.key))
            continue;
        failed.add(u.key);
        if (i.resolvedAt)
            recoveries.push(Math.max(0, Date.parse(i.resolvedAt) - Date.parse(i.startedAt)));
        else
            open++;
    }
    const rate = inPeriod.length ? failed.size / inPeriod.length : null;
    const recovery = median(recoveries);
    return {
        source,
        deploymentFrequency: {
            numerator: inPeriod.length,
            denominator: Math.round(days * 1000) / 1000,
            perDay,
            perWeek: perDay * 7,
            band: inPeriod.length ? frequencyBand(perDay) : null,
        },
        leadTime: { medianMs: lead, n: leads.length, band: lead === null ? null : leadTimeBand(lead) },
        changeFailureRate: {
            numerator: failed.size,
            denominator: inPeriod.length,
            rate,
            band: rate === null ? null : failureRateBand(rate),
        },
        recoveryTime: {
            medianMs: recovery,
            n: recoveries.length,
            open,
            band: recovery === null ? null : recoveryBand(recovery),
        },
    };
}
/** The source of deployment frequency: the configured one, or (auto) deployments, else releases, else merges. */
function frequencySource(input) {
    if (input.frequency !== 'auto')
        return input.frequency;
    const env = input.environment.toLowerCase();
    if (input.changes.deployments.some((d) => d.environment.toLowerCase() === env))
        return 'deployments';
    if (input.changes.releases.length)
        return 'releases';
    return 'merges';
}
/** DORA's four keys over the period, overall and for each service of the catalog with code paths. */
function computeDora(input) {
    const source = frequencySource(input);
    const units = unitsOf(input, source);
    const overall = figures(units, input, source, input.incidents, units);
    const services = input.services
        .filter((s) => s.paths.length)
        .map((s) => {
        const m = picomatch_default()([...s.paths], { dot: true });
        // A service's units: those that shipped a pull request touching its paths.
        const mine = units.filter((u) => u.pulls.some((p) => p.files.some((f) => m(f))));
        const incidents = input.incidents.filter((i) => i.services.includes(s.name));
        const f = figures(mine.map((u) => ({ ...u, pulls: u.pulls.filter((p) => p.files.some((f) => m(f))) })), input, source, incidents, units);
        return { service: s.name, ...f };
    });
    const days = (Date.parse(input.end) - Date.parse(input.start)) / dora_DAY;
    return { period: { start: input.start, end: input.end, days }, environment: input.environment, overall, services };
}

;// CONCATENATED MODULE: ./src/changes/report.ts

const report_DAY = 86_400_000;
/** The DORA figures over the report's history (`report.history_weeks`), ending at the report's end. */
async function doraForReport(port, incidents, config, end) {
    const start = new Date(Date.parse(end) - config.report.historyWeeks * 7 * report_DAY).toISOString();
    const changes = await port.changeHistory(start);
    return computeDora({
        changes,
        incidents: incidents.map((i) => ({
            number: i.number,
            services: i.services,
            startedAt: i.startedAt,
            resolvedAt: i.resolvedAt,
            dismissed: i.dismissed,
            ...(i.cause ? { cause: i.cause } : {}),
        })),
        start,
        end,
        environment: config.changes.environment,
        frequency: config.changes.frequency,
        services: config.services.map((s) => ({ name: s.name, paths: s.paths })),
    });
}

;// CONCATENATED MODULE: ./src/render/dora.ts

const BAND = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };
function dora_duration(ms) {
    if (ms === null)
        return '—';
    const h = ms / 3_600_000;
    if (h < 1)
        return `${Math.round(ms / 60_000)} min`;
    if (h < 48)
        return `${Math.round(h * 10) / 10} h`;
    return `${Math.round((h / 24) * 10) / 10} d`;
}
const band = (b) => (b ? BAND[b] : '—');
const dora_pct = (r) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const dora_round = (n) => String(Math.round(n * 100) / 100);
function rows(name, f) {
    const unit = f.source === 'deployments' ? 'deployments' : f.source === 'releases' ? 'releases' : 'merges';
    return [
        `| ${name} | deployment frequency | ${dora_round(f.deploymentFrequency.perWeek)} a week | ${f.deploymentFrequency.numerator} ${unit} / ${dora_round(f.deploymentFrequency.denominator)} days | ${band(f.deploymentFrequency.band)} |`,
        `| ${name} | lead time for changes (median) | ${dora_duration(f.leadTime.medianMs)} | ${f.leadTime.n} pull requests | ${band(f.leadTime.band)} |`,
        `| ${name} | change failure rate | ${dora_pct(f.changeFailureRate.rate)} | ${f.changeFailureRate.numerator} / ${f.changeFailureRate.denominator} ${unit} with a confirmed incident | ${band(f.changeFailureRate.band)} |`,
        `| ${name} | failed deployment recovery time (median) | ${dora_duration(f.recoveryTime.medianMs)} | ${f.recoveryTime.n} incidents${f.recoveryTime.open ? ` (${f.recoveryTime.open} still open)` : ''} | ${band(f.recoveryTime.band)} |`,
    ];
}
/** The section, appended to the report. */
function renderDora(d) {
    const src = d.overall.source;
    return [
        `### Delivery (DORA), ${d.period.start.slice(0, 10)} → ${d.period.end.slice(0, 10)}`,
        '',
        `Counted from ${src === 'deployments' ? `successful deployments to ${(0,markdown/* code */.aY)(d.environment, 40)}` : src === 'releases' ? 'releases (no deployments recorded)' : 'pull requests merged to the default branch (no deployments or releases recorded)'}; a change failed when \`/cause\` names it. Recovery time is kept apart from MTTR: only incidents caused by a change count. docs/metrics.md defines each figure and band.`,
        '',
        '| scope | figure | value | from | DORA band |',
        '|---|---|---|---|---|',
        ...rows('all', d.overall),
        ...d.services.flatMap((s) => rows((0,markdown/* code */.aY)(s.service, 40), s)),
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/history/count-models.ts
/**
 * Count models for weekly incident counts, and their predictive distributions. Pure numerics: no
 * I/O, no clock. src/history/forecast.ts chooses among them by rolling-origin backtesting.
 *
 * Every model answers with a predictive distribution per future week, always a negative binomial
 * given by its mean and variance (a Poisson when the variance equals the mean). Parameter
 * uncertainty is included as follows (docs/history.md, "How honest the intervals are"):
 * - `poisson`: the exact posterior predictive under a Jeffreys prior on λ (Gamma(k + ½, n) →
 *   negative binomial);
 * - `poisson-trend` and `poisson-seasonal`: a Poisson GLM with log link, fitted by IRLS; the
 *   uncertainty of the linear predictor (from the inverse Fisher information) is carried into the
 *   predictive as a log-normal mixing of the rate, matched to a gamma (mean and variance);
 * - `negbin` and `negbin-trend`: the dispersion by the method of moments (Pearson), the mean's
 *   uncertainty added as for the Poisson models; the dispersion's own uncertainty is NOT included.
 */
/** Weeks per year, for the seasonal term. */
const YEAR_WEEKS = 365.25 / 7;
/** Solves the k×k symmetric system A x = b and returns A⁻¹ too (Gauss–Jordan; k ≤ 4 here). Null when singular. */
function invert(a) {
    const k = a.length;
    const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
    for (let c = 0; c < k; c++) {
        let p = c;
        for (let r = c + 1; r < k; r++)
            if (Math.abs(m[r][c]) > Math.abs(m[p][c]))
                p = r;
        if (Math.abs(m[p][c]) < 1e-12)
            return null;
        [m[c], m[p]] = [m[p], m[c]];
        const piv = m[c][c];
        for (let j = 0; j < 2 * k; j++)
            m[c][j] /= piv;
        for (let r = 0; r < k; r++) {
            if (r === c)
                continue;
            const f = m[r][c];
            if (f === 0)
                continue;
            for (let j = 0; j < 2 * k; j++)
                m[r][j] -= f * m[c][j];
        }
    }
    return m.map((row) => row.slice(k));
}
/** Poisson GLM with log link by IRLS. Null when it does not converge or the information is singular. */
function poissonGlm(y, x) {
    const n = y.length;
    const rows = y.map((_, t) => x(t));
    const k = rows[0].length;
    const mean = y.reduce((s, v) => s + v, 0) / n;
    if (mean <= 0)
        return null;
    let beta = Array.from({ length: k }, (_, j) => (j === 0 ? Math.log(mean) : 0));
    for (let iter = 0; iter < 50; iter++) {
        const xtwx = Array.from({ length: k }, () => new Array(k).fill(0));
        const xtwz = new Array(k).fill(0);
        for (let t = 0; t < n; t++) {
            const r = rows[t];
            const eta = r.reduce((s, v, j) => s + v * beta[j], 0);
            if (eta > 30)
                return null;
            const mu = Math.exp(eta);
            const z = eta + (y[t] - mu) / mu;
            for (let i = 0; i < k; i++) {
                xtwz[i] += r[i] * mu * z;
                for (let j = 0; j < k; j++)
                    xtwx[i][j] += r[i] * mu * r[j];
            }
        }
        const inv = invert(xtwx);
        if (!inv)
            return null;
        const next = inv.map((row) => row.reduce((s, v, j) => s + v * xtwz[j], 0));
        const delta = Math.max(...next.map((v, j) => Math.abs(v - beta[j])));
        beta = next;
        if (!beta.every(Number.isFinite))
            return null;
        if (delta < 1e-8) {
            const mu = rows.map((r) => Math.exp(r.reduce((s, v, j) => s + v * beta[j], 0)));
            // The information at the final estimate.
            const info = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => rows.reduce((s, r, t) => s + r[i] * mu[t] * r[j], 0)));
            const cov = invert(info);
            return cov ? { beta, cov, mu } : null;
        }
    }
    return null;
}
/** Pearson dispersion α of a negative binomial (Var = μ + αμ²), by moments; 0 when not over-dispersed. */
function pearsonAlpha(y, mu, params) {
    let num = 0;
    let den = 0;
    for (let t = 0; t < y.length; t++) {
        num += (y[t] - mu[t]) ** 2 - mu[t];
        den += mu[t] ** 2;
    }
    const n = y.length;
    const a = den > 0 ? (num * (n / Math.max(1, n - params))) / den : 0;
    return Math.max(0, a);
}
/** A GLM's predictive h weeks ahead: log-normal uncertainty of the rate matched to a gamma, times NB noise α. */
function glmPredictive(g, row, alpha) {
    const eta = row.reduce((s, v, j) => s + v * g.beta[j], 0);
    const v = row.reduce((s, vi, i) => s + vi * row.reduce((t, vj, j) => t + g.cov[i][j] * vj, 0), 0);
    // Cap the variance of the linear predictor: a far extrapolation of a short trend is not information.
    const vv = Math.min(Math.max(v, 0), 4);
    const mean = Math.exp(eta + vv / 2);
    // Var(Y) = E[μ] + (1 + α)·E[μ²] − E[μ]², with E[μ²] = E[μ]²·e^v.
    const variance = mean + mean * mean * ((1 + alpha) * Math.exp(vv) - 1);
    return { mean, variance: Math.max(variance, mean) };
}
/** Time centred on the last week, so the intercept is the level now and the slope is per week. */
const trendRow = (n) => (t) => [1, (t - (n - 1)) / 52];
const seasonRow = (n) => (t) => {
    const a = (2 * Math.PI * t) / YEAR_WEEKS;
    return [1, (t - (n - 1)) / 52, Math.sin(a), Math.cos(a)];
};
/**
 * Fits `model` to weekly counts `y` (oldest first). Null when the model cannot be fitted to this
 * history (all zeros for a trend, a singular design, no convergence): the candidate then drops out.
 */
function fitModel(model, y) {
    const n = y.length;
    if (n < 2)
        return null;
    const sum = y.reduce((s, v) => s + v, 0);
    switch (model) {
        case 'poisson': {
            // Gamma(sum + ½, n) posterior of λ → predictive NB: mean (sum + ½)/n, variance mean·(1 + 1/n).
            const mean = (sum + 0.5) / n;
            return { model, predict: () => ({ mean, variance: mean * (1 + 1 / n) }) };
        }
        case 'negbin': {
            const m = sum / n;
            const s2 = y.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1);
            if (s2 <= m || m <= 0)
                return null;
            // Moments, and the mean's own sampling variance s²/n on top.
            const mean = m;
            return { model, predict: () => ({ mean, variance: s2 * (1 + 1 / n) }) };
        }
        case 'poisson-trend':
        case 'negbin-trend': {
            if (n < 4 || sum === 0)
                return null;
            const row = trendRow(n);
            const g = poissonGlm(y, row);
            if (!g)
                return null;
            const alpha = model === 'negbin-trend' ? pearsonAlpha(y, g.mu, 2) : 0;
            if (model === 'negbin-trend' && alpha === 0)
                return null;
            // Over-dispersion also widens the estimate's uncertainty (quasi-likelihood).
            const scaled = alpha > 0 ? { ...g, cov: g.cov.map((r) => r.map((v) => v * (1 + alpha * count_models_mean(g.mu)))) } : g;
            return { model, predict: (h) => glmPredictive(scaled, row(n - 1 + h), alpha) };
        }
        case 'poisson-seasonal': {
            if (n < 2 * Math.ceil(YEAR_WEEKS) || sum === 0)
                return null;
            const row = seasonRow(n);
            const g = poissonGlm(y, row);
            if (!g)
                return null;
            const alpha = pearsonAlpha(y, g.mu, 4);
            const scaled = alpha > 0 ? { ...g, cov: g.cov.map((r) => r.map((v) => v * (1 + alpha * count_models_mean(g.mu)))) } : g;
            return { model, predict: (h) => glmPredictive(scaled, row(n - 1 + h), alpha) };
        }
    }
}
const count_models_mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
/** Natural log of Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x) {
    const c = [
        0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
        12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    x -= 1;
    let a = c[0];
    const t = x + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** P(Y = k) of the predictive (negative binomial by mean and variance; Poisson when they are equal). */
function pmf(p, k) {
    const { mean: m, variance: v } = p;
    if (k < 0 || !Number.isInteger(k))
        return 0;
    if (m <= 0)
        return k === 0 ? 1 : 0;
    if (v <= m * (1 + 1e-9))
        return Math.exp(k * Math.log(m) - m - logGamma(k + 1));
    const r = (m * m) / (v - m);
    const q = r / (r + m);
    return Math.exp(logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(q) + k * Math.log1p(-q));
}
/** The probabilities P(Y = 0..K), K far enough that the rest weighs under 1e-9. */
function pmfTable(p) {
    const out = [];
    let total = 0;
    const cap = Math.ceil(p.mean + 60 * Math.sqrt(p.variance) + 60);
    for (let k = 0; k <= cap; k++) {
        const f = pmf(p, k);
        out.push(f);
        total += f;
        if (total > 1 - 1e-9 && k > p.mean)
            break;
    }
    return out;
}
/**
 * The interval for a nominal level: grown from the mode, each step taking the more probable
 * neighbour, and stopped at the size whose probability is closest to the nominal level (the last
 * step is taken only when that brings it closer). Counts are discrete, so "80 %" means "as close
 * to 80 % as whole numbers allow"; the exact probability is kept in `mass`. Choosing the closest
 * (rather than the first at or above) keeps the long-run coverage at the nominal rate instead of
 * systematically above it.
 */
function interval(p, level) {
    const f = pmfTable(p);
    let mode = 0;
    for (let k = 1; k < f.length; k++)
        if (f[k] > f[mode])
            mode = k;
    let lo = mode;
    let hi = mode;
    let mass = f[mode];
    while (mass < level) {
        const left = lo > 0 ? f[lo - 1] : -1;
        const right = hi + 1 < f.length ? f[hi + 1] : -1;
        if (left < 0 && right < 0)
            break;
        const add = right >= left ? right : left;
        if (Math.abs(mass + add - level) >= Math.abs(mass - level))
            break;
        if (right >= left)
            hi++;
        else
            lo--;
        mass += add;
    }
    return { lo, hi, mass };
}

;// CONCATENATED MODULE: ./src/history/forecast.ts
/**
 * The forecast in the weekly report: the next 4 weeks' incident counts per priority with 80 % and
 * 95 % predictive intervals, P(at least one P1 next week), the expected on-call load, and the
 * model's calibration over the history. Pure: the incidents the report already loaded and `now`.
 *
 * How (docs/history.md has the reasons and the limits):
 * - weekly counts of incidents by declaration time (dismissed ones are noise and left out), in
 *   whole weeks ending at `now`, from the first week after the earliest incident (or `observedSince`);
 * - below MIN_WEEKS whole weeks: "not enough history", and no number at all;
 * - the candidate models of src/history/count-models.ts are compared by rolling-origin
 *   backtesting: at each origin t (from MIN_TRAIN weeks on, the last BACKTEST_ORIGINS origins),
 *   fit on weeks [0, t) and score week t by its log predictive probability; the best mean log score
 *   wins, the simplest model on a tie (within 0.005);
 * - calibration: with the chosen model, the share of one-step-ahead, out-of-sample weeks (the
 *   same origins) that fell inside their 80 % interval, next to the intervals' own mean probability.
 */


const forecast_WEEK = 7 * 86_400_000;
/** Fewer whole weeks than this: no forecast (two months: below that a trend or a dispersion is noise). */
const MIN_WEEKS = 8;
/** The first backtest origin: a model is first judged on week MIN_TRAIN, fitted on the weeks before it. */
const MIN_TRAIN = 6;
/** At most this many origins (the most recent): the cost stays flat however long the history is. */
const BACKTEST_ORIGINS = 104;
/** Weeks ahead. */
const HORIZON = 4;
/** Simplest first: a tie goes to the earlier one. */
const CANDIDATES = [
    'poisson',
    'negbin',
    'poisson-trend',
    'negbin-trend',
    'poisson-seasonal',
];
/** Weekly counts per series over whole weeks ending at `now`: index 0 is the oldest. */
function weeklyCounts(incidents, now, observedSince) {
    const live = incidents
        .filter((i) => !i.dismissed)
        .map((i) => ({ i, t: Date.parse(i.declaredAt) }))
        .filter((x) => Number.isFinite(x.t) && x.t <= now);
    const first = Math.min(...live.map((x) => x.t), observedSince ?? Infinity);
    // Whole weeks only: the earliest, partial week would read as a quiet one.
    const weeks = Number.isFinite(first) ? Math.max(0, Math.floor((now - first) / forecast_WEEK)) : 0;
    const since = now - weeks * forecast_WEEK;
    const zero = () => new Array(weeks).fill(0);
    const counts = { all: zero(), P1: zero(), P2: zero(), P3: zero(), P4: zero() };
    for (const { i, t } of live) {
        // (start, end]: an incident on a boundary belongs to the earlier week, as in the report.
        const w = weeks - Math.ceil((now - t) / forecast_WEEK);
        if (t <= since || w < 0 || w >= weeks)
            continue;
        counts.all[w]++;
        counts[i.priority][w]++;
    }
    return { weeks, since, counts };
}
/**
 * The backtest: mean log predictive probability of `model` over the origins. Where the model
 * cannot be fitted (a negative binomial on a stretch that is not over-dispersed, a trend on all
 * zeros), it predicts as the constant Poisson does, as it would in production; null when it could
 * be fitted nowhere.
 */
function backtest(model, y, origins) {
    let total = 0;
    let fitted = 0;
    for (const t of origins) {
        const f = fitModel(model, y.slice(0, t));
        if (f)
            fitted++;
        const p = (f ?? fitModel('poisson', y.slice(0, t))).predict(1);
        total += Math.log(Math.max(pmf(p, y[t]), 1e-300));
    }
    return fitted ? total / origins.length : null;
}
function calibrate(model, y, origins) {
    const c = { weeks: 0, inside80: 0, inside95: 0, nominal80: 0, nominal95: 0 };
    for (const t of origins) {
        const f = fitModel(model, y.slice(0, t)) ?? fitModel('poisson', y.slice(0, t));
        const p = f.predict(1);
        const a = interval(p, 0.8);
        const b = interval(p, 0.95);
        c.weeks++;
        if (y[t] >= a.lo && y[t] <= a.hi)
            c.inside80++;
        if (y[t] >= b.lo && y[t] <= b.hi)
            c.inside95++;
        c.nominal80 += a.mass;
        c.nominal95 += b.mass;
    }
    if (c.weeks) {
        c.nominal80 /= c.weeks;
        c.nominal95 /= c.weeks;
    }
    return c;
}
/** The backtest origins for a history of n weeks: MIN_TRAIN … n−1, the last BACKTEST_ORIGINS of them. */
function origins(n) {
    const out = [];
    for (let t = Math.max(MIN_TRAIN, n - BACKTEST_ORIGINS); t < n; t++)
        out.push(t);
    return out;
}
/** Chooses the model for one series by backtesting and forecasts HORIZON weeks with it. */
function forecastSeries(key, y) {
    const at = origins(y.length);
    const scores = {};
    let best = 'poisson';
    let bestScore = -Infinity;
    for (const m of CANDIDATES) {
        const s = backtest(m, y, at);
        if (s === null)
            continue;
        scores[m] = s;
        if (s > bestScore + 0.005) {
            best = m;
            bestScore = s;
        }
    }
    const fitted = fitModel(best, y) ?? fitModel('poisson', y);
    const weeks = [];
    for (let h = 1; h <= HORIZON; h++) {
        const p = fitted.predict(h);
        weeks.push({ week: h, mean: p.mean, i80: interval(p, 0.8), i95: interval(p, 0.95) });
    }
    return { key, history: [...y], model: fitted.model, scores, weeks, calibration: calibrate(fitted.model, y, at) };
}
/**
 * The report's forecast from its incidents, as of `now` (ISO). Below MIN_WEEKS whole weeks of
 * history it says so and gives no figure.
 */
function buildForecast(incidents, now, observedSince) {
    const end = Date.parse(now);
    const since = observedSince !== undefined ? Date.parse(observedSince) : undefined;
    const w = weeklyCounts(incidents, end, Number.isFinite(since) ? since : undefined);
    if (w.weeks < MIN_WEEKS)
        return { status: 'not-enough-history', weeks: w.weeks, minWeeks: MIN_WEEKS };
    const series = ['all', ...PRIORITIES].map((k) => forecastSeries(k, w.counts[k]));
    const p1 = series.find((s) => s.key === 'P1');
    const p1Next = fitModel(p1.model, p1.history) ?? fitModel('poisson', p1.history);
    const pP1NextWeek = 1 - pmf(p1Next.predict(1), 0);
    // Hours in incidents: the mean started → resolved of each priority's resolved incidents, times its expected count.
    let hours = 0;
    for (const p of PRIORITIES) {
        const expected = series.find((s) => s.key === p).weeks[0].mean;
        const d = incidents
            .filter((i) => i.priority === p && !i.dismissed && i.resolvedAt)
            .map((i) => Date.parse(i.resolvedAt) - Date.parse(i.startedAt))
            .filter((ms) => Number.isFinite(ms) && ms >= 0);
        if (d.length === 0) {
            if (expected > 0.05)
                hours = null;
            continue;
        }
        if (hours !== null)
            hours += (expected * d.reduce((s, v) => s + v, 0)) / d.length / 3_600_000;
    }
    const byKey = (k) => series.find((s) => s.key === k).weeks[0].mean;
    return {
        status: 'ok',
        weeks: w.weeks,
        since: new Date(w.since).toISOString(),
        series,
        pP1NextWeek,
        load: { incidents: byKey('all'), severe: byKey('P1') + byKey('P2'), hours },
    };
}

;// CONCATENATED MODULE: ./src/events/report.ts
/**
 * The weekly reliability report (`mode: report`, any event): load every incident with one GraphQL
 * page per 100 → build the report (pure, src/report) → render → plan the report issue → apply →
 * JSON file, job summary and outputs. The CLI's `incidentops report` shares the loading and the
 * building, and writes nothing to GitHub.
 *
 * The window ends at 00:00 UTC of the day of the run, by GitHub's clock (the Date header of its
 * responses): a weekly cron that runs late, or a re-run later the same day, reports on the same
 * window with the same figures, so it finds its issue and writes nothing when nothing changed.
 */






















const events_report_DAY = 86_400_000;
const STATES = ['OPEN', 'CLOSED'];
/** The labels asked for before the config is known (they are the defaults; a config that changes them costs one more request). */
const DEFAULT_INCIDENT_LABEL = 'incident';
const DEFAULT_REPORT_LABEL = 'reliability-report';
/** The history index (src/history/): where it stands is read with the first page, so its write needs no read. */
const INDEX_FILE = { branch: HISTORY_BRANCH, path: HISTORY_PATH };
/** From this many incidents, a full collection between phases is worth its ~50 ms (src/memory.ts). */
const LARGE_HISTORY = 10_000;
/** While loading, a collection every this many incidents (src/memory.ts). */
const GC_EVERY = 5_000;
const sameLabel = (a, b) => a.toLowerCase() === b.toLowerCase();
const fullName = (r) => `${r.owner}/${r.repo}`;
/**
 * Loads every incident of the scope. The home repository's first page also carries the config
 * (when there is no checkout) and the report issues, so a repository with N incidents costs
 * ⌈N/100⌉ requests (at least 1). Organisation scope adds ⌈R/100⌉ for the listing of R repositories
 * and ⌈n/100⌉ for each other repository that has n > 0 incidents.
 */
async function gatherIncidents(o) {
    const incidents = [];
    const home = fullName(o.repo);
    let config;
    let pages;
    let first;
    let extra = 0;
    if (o.local !== undefined) {
        config = loadConfig(o.local, o.configPath);
        pages = o.port.incidentPages({
            label: config.labels.incident,
            states: STATES,
            labelled: config.report.label,
            withRepoLabels: true,
            file: INDEX_FILE,
        });
    }
    else {
        pages = o.port.incidentPages({
            label: DEFAULT_INCIDENT_LABEL,
            states: STATES,
            configPath: o.configPath,
            labelled: DEFAULT_REPORT_LABEL,
            withRepoLabels: true,
            file: INDEX_FILE,
        });
        const r = await pages.next();
        first = r.done ? undefined : r.value;
        config = loadConfig(first?.configText ?? null, o.configPath);
        if (!sameLabel(config.labels.incident, DEFAULT_INCIDENT_LABEL) ||
            !sameLabel(config.report.label, DEFAULT_REPORT_LABEL)) {
            // The config renames the labels: the page read with the defaults is not the right one.
            await pages.return(undefined);
            extra = first ? 1 : 0;
            first = undefined;
            pages = o.port.incidentPages({
                label: config.labels.incident,
                states: STATES,
                labelled: config.report.label,
                withRepoLabels: true,
                file: INDEX_FILE,
            });
        }
    }
    // The history index is kept in repository scope only: an organisation's report builds none.
    const visit = config.report.scope === 'organization' ? undefined : o.visit;
    const got = await collectIncidents(pages, home, config, incidents, first, o.asOf, visit);
    o.log(`${home}: ${count(got.pages)} page(s), ${count(incidents.length)} incidents.`);
    let withoutCard = got.withoutCard;
    const records = [...got.records];
    let total = got.pages + extra;
    let repositories = 1;
    if (config.report.scope === 'organization') {
        const repos = await o.port.orgRepositories(o.repo.owner, config.labels.incident);
        total += Math.max(1, Math.ceil(repos.length / 100));
        for (const r of repos) {
            const name = fullName(r);
            if (name.toLowerCase() === home.toLowerCase() || r.incidents === 0)
                continue;
            const before = incidents.length;
            const c = await collectIncidents(o.portFor(r).incidentPages({ label: config.labels.incident, states: STATES }), name, config, incidents, undefined, o.asOf);
            withoutCard += c.withoutCard;
            records.push(...c.records);
            total += c.pages;
            repositories++;
            o.log(`${name}: ${count(c.pages)} page(s), ${count(incidents.length - before)} incidents.`);
        }
    }
    return {
        config,
        incidents,
        withoutCard,
        reportIssues: got.labelled ?? [],
        repositories,
        pages: total,
        repoLabels: got.repoLabels ?? [],
        records,
        reportLabelId: got.labelledLabelId ?? null,
        indexFile: got.file,
    };
}
/** The end of the report window: 00:00 UTC of the day `at` falls in. */
function reportEnd(at) {
    return new Date(Math.floor(at.getTime() / events_report_DAY) * events_report_DAY).toISOString();
}
/** The report's options from the config, the end of the window and the scope. */
function reportOptions(config, end, scope, windowDays) {
    const r = config.report;
    return {
        now: end,
        windowDays: windowDays ?? r.windowDays,
        historyWeeks: r.historyWeeks,
        slo: r.sloTarget !== null ? { target: r.sloTarget } : null,
        costPerHour: r.costPerHour,
        currency: r.currency,
        downtimePriorities: r.downtimePriorities,
        scope,
    };
}
/** `owner/name`, or `org owner` in organisation scope. */
const scopeName = (config, repo) => config.report.scope === 'organization' ? `org ${repo.owner}` : fullName(repo);
/**
 * The report as data and as markdown. Incidents counted without their card are said so under the
 * introduction (and in the JSON as `input.withoutCard`).
 */
function composeReport(g, opts, 
/** DORA's figures (repository scope), appended as their own section. */
dora) {
    const composed = composeBase(g, opts, dora);
    // The on-call load (src/oncall/load.ts), when the config has schedules: after the report.
    const load = g.config?.oncall.schedules.length && g.records
        ? renderLoad(onCallLoad(g.records, g.config, composed.data.current.period.start, composed.data.current.period.end))
        : '';
    return load ? { ...composed, markdown: `${composed.markdown}\n\n${load}` } : composed;
}
function composeBase(g, opts, 
/** DORA's figures (repository scope), appended as their own section. */
dora, 
/** Room for the whole report (GitHub's issue body limit, less what is appended after it). */
maxChars = render_DEFAULT_MAX_CHARS) {
    if (dora) {
        // The report is fitted to the room DORA's section leaves, so its history section and the
        // note on incidents without a card stay in it however long it is.
        const section = `\n\n${renderDora(dora)}\n`;
        const inner = composeBase(g, opts, undefined, maxChars - section.length);
        inner.data.dora = dora;
        return { data: inner.data, markdown: `${inner.markdown.replace(/\n*$/, '')}${section}` };
    }
    const data = buildReport(g.incidents, opts);
    data.input.withoutCard = g.withoutCard;
    // The forecast and the recurrences (src/history/), placed before the incident list.
    const history = historySection(g.incidents, data, opts);
    const withHistory = (markdown) => {
        const at = markdown.indexOf('\n### Incidents');
        return at < 0 ? `${markdown}\n\n${history}` : `${markdown.slice(0, at)}\n${history}\n${markdown.slice(at)}`;
    };
    const room = maxChars - history.length - 4;
    if (g.withoutCard === 0)
        return { data, markdown: withHistory(renderReport(data, { maxChars: room })) };
    const note = `\n\n_${count(g.withoutCard)} incident${g.withoutCard === 1 ? ' has' : 's have'} no IncidentOps card among the comments read (the first 3 and the last 20): counted with the issue's own dates: started and declared when opened; acknowledged, mitigated and resolved when closed (while open: none of them yet, an open lower bound); dismissed if closed as not planned; priority from its label._`;
    const markdown = withHistory(renderReport(data, { maxChars: room - note.length }));
    const at = markdown.indexOf('\n\n### ');
    return { data, markdown: at < 0 ? markdown : markdown.slice(0, at) + note + markdown.slice(at) };
}
/** The forecast, its calibration and the window's possible recurrences, as a report section. */
function historySection(incidents, data, opts) {
    const forecast = renderForecast(buildForecast(incidents, opts.now, opts.observedSince));
    const { start, end } = data.current.period;
    const rec = incidents
        .filter((i) => i.recurrenceOf && !i.dismissed && i.declaredAt > start && i.declaredAt <= end)
        .sort((a, b) => a.number - b.number);
    const line = rec.length
        ? `- **Possible recurrences in this window:** ${rec.length} (${rec.map((i) => `#${i.number} of #${i.recurrenceOf}`).join(', ')}): the best match was less than 30 days old and its follow-ups were still open.`
        : '- **Possible recurrences in this window:** 0.';
    return `${forecast}\n${line}\n`;
}
/**
 * Octokit ports for any repository, and GitHub's clock: the Date header of its latest response
 * (the local clock until one arrives), so the window follows GitHub's day, and the emulator's in tests.
 */
function octokitPorts(token, baseUrl, warn, limits = github_limits/* GITHUB_LIMITS */.f_) {
    let serverNow = null;
    // One token, one limiter, however many repositories an organisation report reads.
    const limiter = new RequestLimiter(limits);
    const portFor = (r) => {
        const octokit = createOctokit({ token, repo: r, baseUrl, warn, limiter });
        octokit.hook.after('request', (response) => {
            const d = Date.parse(String(response.headers.date ?? ''));
            if (Number.isFinite(d))
                serverNow = new Date(d);
        });
        return new OctokitPort(octokit, r, { retries: 4, baseMs: limits.retryBaseMs, sleep: realClock.sleep });
    };
    return { portFor, now: () => serverNow ?? new Date() };
}
/**
 * `mode: report` in the action: gathers, builds, publishes (issue, JSON file, job summary) and sets
 * the outputs `report-issue`, `report-json` and `actions`. Errors propagate to main.ts.
 */
async function runReportMode(o) {
    const ports = octokitPorts(o.inputs.githubToken, o.baseUrl, (m) => core/* warning */.$e((0,log_safe/* logSafe */.s)(m)), o.inputs.limits);
    const { portFor } = ports;
    const port = portFor(o.repo);
    core/* startGroup */.Oh('Reliability report: loading incidents');
    // The history index's rows, encoded as the pages arrive (not kept as objects: 50,000 incidents).
    const past = new IndexBuilder();
    const g = await gatherIncidents({
        visit: (snap) => {
            past.add(pastIncident(snap));
            // Every 5,000 incidents, the pages read so far are garbage: collected (src/memory.ts).
            if (past.count % GC_EVERY === 0)
                collectGarbage();
        },
        port,
        repo: o.repo,
        portFor,
        local: o.local,
        configPath: o.inputs.configPath,
        log: (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)),
        asOf: () => reportEnd(ports.now()),
    });
    core/* endGroup */.N4();
    const end = reportEnd(ports.now());
    // The history index, from the incidents just read: kept by this run, read by every declaration.
    // Repository scope only: a declaration searches its own repository's index. Encoded before the
    // report is built, so its rows are garbage by then (50,000 incidents: about 10 MB).
    let indexEffects = [];
    if (g.config.report.scope !== 'organization') {
        const index = await planIndex(port, past, end, g.repoLabels, g.indexFile);
        core/* info */.pq(`History index: ${count(index.incidents)} incidents, ${count(index.bytes)} bytes${index.effects.length ? '' : ', unchanged'}.`);
        indexEffects = index.effects;
    }
    past.clear();
    // A large history: the pages read are garbage now; collected before the report is built (src/memory.ts).
    const large = g.incidents.length >= LARGE_HISTORY;
    if (large)
        collectGarbage();
    // DORA needs the repository's changes: repository scope only (an organisation's repositories ship apart).
    const dora = g.config.changes.dora && g.config.report.scope === 'repository'
        ? await doraForReport(port, g.incidents, g.config, end)
        : undefined;
    const { data, markdown } = composeReport(g, reportOptions(g.config, end, scopeName(g.config, o.repo)), dora);
    const read = g.incidents.length;
    if (large) {
        // The report is built: the incidents and their records are not read again. Let go of them, and
        // collect, before the writes and the JSON file (src/memory.ts).
        g.incidents.length = 0;
        g.records.length = 0;
        collectGarbage();
    }
    core/* info */.pq(`Report ${data.current.period.start} → ${data.current.period.end}: ${count(data.current.declared)} incidents declared in the window, ${count(read)} read with ${count(g.pages)} GraphQL page(s) over ${count(g.repositories)} repositor${g.repositories === 1 ? 'y' : 'ies'}.`);
    if (g.withoutCard > 0)
        core/* warning */.$e(`${g.withoutCard} incidents have no readable IncidentOps card in the comments read; they are counted from their issue's dates.`);
    const plan = planReport(data, markdown, g.reportIssues, g.config.report.label, g.reportLabelId);
    const exec = new Executor({ github: port }, { dryRun: o.inputs.dryRun, budget: o.budget, log: (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)) });
    // The report issue and the index in one request when both are written (one mutation, not two
    // spaced 1 s apart); one by one otherwise (the first index: its branch and label are created).
    const all = await exec.applyTogether([...plan.effects, ...indexEffects]);
    const applied = all.slice(0, plan.effects.length);
    const indexApplied = all.slice(plan.effects.length);
    const issue = plan.issue ?? applied.find((a) => a.kind === 'create-issue' && a.status === 'done')?.issue ?? null;
    if (applied.length === 0)
        core/* info */.pq(`Report issue #${issue} is up to date: nothing to write.`);
    const jsonPath = reportJsonPath(g.config.report.json, o.env, process.cwd());
    writeReportJson(jsonPath, data);
    core/* info */.pq(`Report data written to ${jsonPath}.`);
    // The on-call calendars, as files next to the JSON: a later step publishes them (docs/oncall.md).
    const ics = writeCalendars(g.config, (0,external_node_path_.join)((0,external_node_path_.dirname)(jsonPath), 'oncall-ics'), Date.parse(end));
    if (ics)
        core/* info */.pq(`On-call calendars written to ${ics.dir}: ${ics.files.join(', ')}.`);
    const rows = [...applied, ...indexApplied].map((a) => `| ${a.status} | ${a.description.replace(/\|/g, '\\|')} |`);
    const writes = rows.length
        ? ['| status | write |', '|---|---|', ...rows]
        : ['_No writes: the report issue is up to date._'];
    const where = issue !== null ? `Published as issue #${issue}.` : o.inputs.dryRun ? '_Dry run: nothing was written._' : '';
    return {
        outputs: {
            'report-issue': issue === null ? '' : String(issue),
            'report-json': jsonPath,
            'oncall-ics': ics?.dir ?? '',
            actions: JSON.stringify([...applied, ...indexApplied]),
        },
        summary: { raw: [markdown, '', '---', '', where, '', ...writes, ''].join('\n') },
        problems: [],
    };
}

;// CONCATENATED MODULE: ./src/events/calm.ts

/**
 * "Sleep when calm": a scheduled sweep every 10 minutes is 4,320 jobs a month, each a billed minute
 * on a private repository, even when nothing is open. So the sweep turns its own workflow off when
 * no incident is open, and the runs that open or touch incidents turn it back on.
 *
 * The marker label says "the sweep is known to be on". Intake and alert runs read every repository
 * label already, so checking it costs no request; only when it is missing do they turn the workflow
 * on (and put the label back): the first incident after a calm spell pays two writes. The marker
 * fails safe: a marker deleted by hand only costs one more "turn on".
 *
 * Ordering makes the race with a new incident safe: the sweep removes the marker, turns the
 * workflow off, and only then counts the open incidents again; an intake run sees its incident
 * before it reads the labels. Either the sweep's second count sees the incident (and turns the
 * workflow back on), or the intake run sees no marker (and turns it on).
 */
const SWEEP_ON_LABEL = {
    name: 'incidentops/sweep-on',
    color: 'c5def5',
    description: 'IncidentOps: the scheduled sweep is on. Deleted while calm; the next incident turns the sweep back on.',
};
/** Nothing done, nothing to say. */
const calm_NONE = { applied: [], line: null, problem: null };
function hasMarker(labels) {
    return labels.some((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name);
}
/**
 * Intake and alert runs on an open incident: makes sure the sweep is on. Free while the marker is
 * there; otherwise turns the workflow on and puts the marker back.
 */
async function wakeSweep(repoLabels, o) {
    if (!o.workflow || hasMarker(repoLabels))
        return calm_NONE;
    const plan = [
        { kind: 'set-workflow', workflow: o.workflow, enabled: true, why: 'an incident is open' },
        { kind: 'create-labels', labels: [SWEEP_ON_LABEL] },
    ];
    try {
        const applied = await o.exec.apply(plan);
        const turnedOn = applied[0]?.status;
        if (turnedOn === 'skipped')
            return {
                applied,
                line: null,
                problem: `The scheduled sweep (${o.workflow}) may be off, and this run's write budget was spent before it could turn it on: the next run on an open incident does. Until then no reminder or escalation is posted.`,
            };
        return {
            applied,
            line: `The scheduled sweep (${o.workflow}) is on${turnedOn === 'planned' ? ' (dry run: would turn it on)' : ''}: an incident is open.`,
            problem: null,
        };
    }
    catch (error) {
        return {
            applied: [],
            line: null,
            problem: `The scheduled sweep (${o.workflow}) may be off, and turning it on failed: ${(0,errors/* getErrorMessage */.u1)(error)} ` +
                `Until it is on, no reminder or escalation is posted. Give this workflow \`permissions: actions: write\`, or turn the sweep workflow on by hand (Actions tab).`,
        };
    }
}
/** The sweep, when it reads its own marker among open incidents: records that it is on (once). */
async function markSweepOn(repoLabels, o) {
    if (!o.workflow || hasMarker(repoLabels))
        return calm_NONE;
    const applied = await o.exec.apply([{ kind: 'create-labels', labels: [SWEEP_ON_LABEL] }]);
    return { applied, line: null, problem: null };
}
/**
 * The sweep found no open incident: marker off, workflow off, then a second count. Anything open by
 * then, or any doubt (an error at any step), turns it back on; a failure to do even that is said.
 */
async function sleepSweep(repoLabels, countOpen, o) {
    if (!o.workflow)
        return calm_NONE;
    const plan = [
        ...(hasMarker(repoLabels) ? [{ kind: 'delete-label', name: SWEEP_ON_LABEL.name }] : []),
        { kind: 'set-workflow', workflow: o.workflow, enabled: false, why: 'no incident is open' },
    ];
    const applied = [];
    const keepOn = async (why) => {
        try {
            applied.push(...(await o.exec.apply([
                { kind: 'set-workflow', workflow: o.workflow, enabled: true, why },
                { kind: 'create-labels', labels: [SWEEP_ON_LABEL] },
            ])));
            return { applied, line: `The sweep (${o.workflow}) stays on: ${why}.`, problem: null };
        }
        catch (error) {
            return {
                applied,
                line: null,
                problem: `The sweep (${o.workflow}) may be off after ${why}, and turning it back on failed: ${(0,errors/* getErrorMessage */.u1)(error)} Turn it on by hand (Actions tab) and give the workflow \`permissions: actions: write\`.`,
            };
        }
    };
    try {
        applied.push(...(await o.exec.apply(plan)));
    }
    catch (error) {
        const status = error instanceof errors/* GitHubApiError */.OS ? error.status : 0;
        // A 4xx (no `actions: write`, say) changed nothing: the sweep is still on. Anything else may
        // have turned it off without an answer: turn it on again to be sure.
        if (status < 400 || status >= 500 || status === 429)
            return keepOn(`turning it off may have failed halfway (${(0,errors/* getErrorMessage */.u1)(error)})`);
        try {
            applied.push(...(await o.exec.apply([{ kind: 'create-labels', labels: [SWEEP_ON_LABEL] }])));
        }
        catch {
            // The marker only saves the next intake run a request; without it that run turns the sweep on again.
        }
        return {
            applied,
            line: `The sweep (${o.workflow}) stays on: turning it off was refused (${(0,errors/* getErrorMessage */.u1)(error)}). To let it sleep while no incident is open, give the sweep workflow \`permissions: actions: write\`.`,
            problem: null,
            warn: true,
        };
    }
    // Not turned off: a dry run says what it would do; a spent budget leaves the sweep on (fail-safe).
    const off = applied.find((a) => a.kind === 'set-workflow')?.status;
    if (off === 'planned')
        return {
            applied,
            line: `No incident is open: the sweep (${o.workflow}) would turn itself off (dry run).`,
            problem: null,
            asleep: true,
        };
    if (off === 'skipped')
        return {
            applied,
            line: `No incident is open, but this run's write budget was spent: the sweep (${o.workflow}) stays on until a later run turns it off.`,
            problem: null,
        };
    let open;
    try {
        open = await countOpen();
    }
    catch (error) {
        return keepOn(`the second count of open incidents failed (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (open > 0)
        return keepOn(`an incident was opened meanwhile`);
    return {
        applied,
        line: `No incident is open: the sweep (${o.workflow}) turned itself off and costs nothing until the next incident, whose intake or alert run turns it back on.`,
        problem: null,
        asleep: true,
    };
}

;// CONCATENATED MODULE: ./src/maintenance/form.ts


/** Mirrors .github/ISSUE_TEMPLATE/maintenance.yml (a unit test fails if they drift apart). */
const MAINTENANCE_FORM = Object.freeze([
    { id: 'title', label: 'Public title', type: 'input', required: true },
    { id: 'start', label: 'Window start (UTC)', type: 'input', required: true },
    { id: 'end', label: 'Window end (UTC)', type: 'input', required: true },
    { id: 'components', label: 'Components', type: 'input', required: true },
    { id: 'text', label: 'Text for customers', type: 'textarea', required: true },
]);
/**
 * Whether a body came from the maintenance form (at least one of its headings): a `maintenance`
 * label is common for chores, and an issue that never was a maintenance form is left alone.
 */
function isMaintenanceForm(body) {
    return parseIssueForm(body, MAINTENANCE_FORM).fromForm;
}
/** Longest title and text, longest window (the record lives in one comment; a window of weeks is a project, not a maintenance). */
const MAINTENANCE_LIMITS = Object.freeze({ title: 120, text: 2000, windowDays: 14 });
const EXAMPLE = '`2026-12-10 14:00` (read as UTC) or ISO 8601 such as `2026-12-10T14:00:00Z`';
/**
 * A time as people write a maintenance window: `YYYY-MM-DD HH:MM[:SS]` (UTC, with or without
 * `UTC`, `GMT` or `Z`), or ISO 8601 with `T` and an optional offset (`+01:00`, `+0100`, `Z`).
 * Returns null when it is not one of these or names a day or hour that does not exist.
 */
function parseWindowTime(text) {
    const t = text.trim().replace(/\s+/g, ' ').slice(0, 60);
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?\s*(z|Z|utc|UTC|gmt|GMT|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s = '00', zone] = m;
    const hh = h.padStart(2, '0');
    if (Number(hh) > 23 || Number(mi) > 59 || Number(s) > 59)
        return null;
    const z = !zone || /^(z|utc|gmt)$/i.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const at = new Date(`${y}-${mo}-${d}T${hh}:${mi}:${s}${z}`);
    if (Number.isNaN(at.getTime()))
        return null;
    // `2026-02-30` is not refused by Date: check that the day written is the day read (in its own zone).
    const local = new Date(at.getTime() + offsetMs(z));
    if (local.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`)
        return null;
    return at;
}
function offsetMs(z) {
    if (z === 'Z')
        return 0;
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6))) * 60_000;
}
/** The catalog service a word names: by name, alias or display name, case and spacing ignored. */
function serviceNamed(word, catalog) {
    const w = word.toLowerCase().trim();
    return catalog.find((s) => s.name === w || s.aliases.some((a) => a.toLowerCase() === w) || (s.displayName ?? '').toLowerCase().trim() === w);
}
/**
 * Reads the components answer: by display name when it is written whole (`Public API`), else
 * split on commas, semicolons, new lines and spaces. Unknown names are returned apart.
 */
function parseComponents(text, catalog) {
    const names = [];
    const unknown = [];
    const add = (s) => {
        if (!names.includes(s.name))
            names.push(s.name);
    };
    for (const part of text
        .split(/[,;\n]/)
        .map((p) => p.replace(/^\s*[-*]\s+(\[[ xX]\]\s*)?/, '').trim())
        .filter(Boolean)) {
        const whole = serviceNamed(part, catalog);
        if (whole) {
            add(whole);
            continue;
        }
        for (const word of part.split(/\s+/).filter(Boolean)) {
            const s = serviceNamed(word, catalog);
            if (s)
                add(s);
            else if (!unknown.includes(word))
                unknown.push(word);
        }
    }
    return { names, unknown };
}
/**
 * Checks a maintenance issue's body. `now` (GitHub's clock) refuses a window that has already
 * ended. Returns the fields, or every problem found, each saying what to write instead.
 */
function readMaintenanceForm(body, catalog, now) {
    const parsed = parseIssueForm(body, MAINTENANCE_FORM);
    const v = (id) => {
        const x = parsed.values[id];
        return typeof x === 'string' ? x.trim() : '';
    };
    const problems = [];
    const title = v('title').replace(/\s+/g, ' ');
    if (!title)
        problems.push('**Public title** is empty: write the title customers will read, e.g. `Database upgrade`.');
    else if (title.length > MAINTENANCE_LIMITS.title)
        problems.push(`**Public title** has ${title.length} characters: write at most ${MAINTENANCE_LIMITS.title}.`);
    const times = { start: null, end: null };
    for (const [id, what] of [
        ['start', 'Window start (UTC)'],
        ['end', 'Window end (UTC)'],
    ]) {
        const raw = v(id);
        if (!raw) {
            problems.push(`**${what}** is empty: write it as ${EXAMPLE}.`);
            continue;
        }
        times[id] = parseWindowTime(raw);
        if (!times[id])
            problems.push(`**${what}**: \`${shown(raw)}\` is not a time I can read; write it as ${EXAMPLE}.`);
    }
    const { start, end } = times;
    if (start && end) {
        if (end.getTime() <= start.getTime())
            problems.push(`The window ends (${form_utc(end)}) before it starts (${form_utc(start)}): **Window end (UTC)** must be after **Window start (UTC)**.`);
        else if (end.getTime() - start.getTime() > MAINTENANCE_LIMITS.windowDays * 86_400_000)
            problems.push(`The window lasts more than ${MAINTENANCE_LIMITS.windowDays} days (${form_utc(start)} to ${form_utc(end)}): split it into several maintenances.`);
        else if (end.getTime() <= now.getTime())
            problems.push(`The window has already ended (${form_utc(end)}; it is now ${form_utc(now)}): correct the dates, or close this issue.`);
    }
    const comp = v('components');
    let components = [];
    if (catalog.length === 0)
        problems.push('The config (`.github/incidents.yml`) has no `services:`: the status page has no component to put under maintenance. Add the services first.');
    else if (!comp)
        problems.push(`**Components** is empty: name one or more of ${catalog.map((s) => `\`${s.name}\``).join(', ')}, separated by commas.`);
    else {
        const r = parseComponents(comp, catalog);
        components = r.names;
        if (r.unknown.length)
            problems.push(`**Components**: ${r.unknown
                .slice(0, 10)
                .map((u) => `\`${shown(u)}\``)
                .join(', ')} ${r.unknown.length === 1 ? 'is' : 'are'} not in the services catalog; write one or more of ${catalog.map((s) => `\`${s.name}\``).join(', ')}.`);
        else if (!components.length)
            problems.push('**Components** names no service.');
    }
    const text = v('text');
    if (!text)
        problems.push('**Text for customers** is empty: say what will happen and what customers will notice.');
    else if (text.length > MAINTENANCE_LIMITS.text)
        problems.push(`**Text for customers** has ${text.length} characters: write at most ${MAINTENANCE_LIMITS.text}.`);
    if (problems.length)
        return { problems };
    return {
        fields: { title, start: start.toISOString(), end: end.toISOString(), components, text },
    };
}
/** A time as the replies and the card show it: `2026-12-10 14:00 UTC`. */
const form_utc = (t) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
/** What someone wrote, quoted back in a code span: one line, bounded, no backtick to break out of it. */
function shown(text) {
    const t = text.replace(/\s+/g, ' ').replace(/`/g, "'");
    return (0,markdown/* defuseUserText */.nk)(t.length > 60 ? `${t.slice(0, 60)}…` : t);
}

;// CONCATENATED MODULE: ./src/maintenance/plan.ts
/**
 * What one event does to a scheduled maintenance (pure): the record it should hold, the replies to
 * post once, and whether the issue closes or reopens; then the writes that differ from what GitHub
 * has (`planMaintenance`). Only people with triage or more put a maintenance on the page or change
 * its course; anyone may open the form, and their maintenance waits for a responder's `/confirm`.
 */






/**
 * The maintenance commands of a comment: `/confirm`, `/maintenance confirm|cancel|complete|verify`
 * and `/maintenance <text>` (a public update: the rest of the line and the lines after it, up to the
 * next command). Lines inside code fences are not commands.
 */
function parseMaintenanceCommands(body) {
    const out = [];
    const lines = body.replace(/\r\n?/g, '\n').split('\n');
    let fence = false;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (/^(```|~~~)/.test(line))
            fence = !fence;
        if (fence)
            continue;
        if (/^\/confirm\b/i.test(line)) {
            out.push({ action: 'confirm' });
            continue;
        }
        const m = /^\/maintenance(?:\s+(.*))?$/i.exec(line);
        if (!m)
            continue;
        const arg = (m[1] ?? '').trim();
        const word = arg.toLowerCase();
        if (['confirm', 'cancel', 'complete', 'verify'].includes(word)) {
            out.push({ action: word });
            continue;
        }
        const more = [];
        while (i + 1 < lines.length && !lines[i + 1].trim().startsWith('/'))
            more.push(lines[++i]);
        out.push({ action: 'update', text: [arg, ...more].join('\n').trim() });
    }
    return out;
}
const hash = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex').slice(0, 12);
const WORD = {
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
    cancelled: 'Cancelled',
};
/**
 * Decides what an event does to the maintenance in `issue`. `now` is GitHub's clock; `run` says
 * which kind of run records the transitions that happened by then.
 */
function decideMaintenance(issue, previous, event, config, now, run) {
    const record = previous ? structuredClone(previous) : null;
    const out = { record, replies: [], changes: [], recorded: [] };
    const ended = (r) => !!r && (!!r.cancelledAt || r.transitions.some((t) => t.status === 'completed'));
    const problemsReply = (problems, keeps) => {
        out.replies.push({
            marker: marker('maintenance-fix', hash(problems.join('\n'))),
            body: [
                keeps
                    ? '**IncidentOps**: this edit of the maintenance form was not applied (the maintenance keeps its previous values). Edit the issue to fix:'
                    : '**IncidentOps**: this maintenance is not scheduled yet (nothing is on the status page). Edit the issue to fix:',
                '',
                ...problems.map((p) => `- ${p}`),
            ].join('\n'),
        });
    };
    /** Reads the form into the record (new or kept); false when it has problems (replied). */
    const readForm = (confirmBy) => {
        const r = readMaintenanceForm(issue.body, config.services, new Date(now));
        if ('problems' in r) {
            problemsReply(r.problems, !!out.record);
            return false;
        }
        const f = r.fields;
        if (!out.record) {
            out.record = {
                v: 1,
                kind: 'maintenance',
                number: issue.number,
                ...f,
                confirmed: null,
                updates: [],
                transitions: [],
                processed: [],
            };
            out.changes.push(`maintenance read: ${form_utc(f.start)} to ${form_utc(f.end)} on ${f.components.join(', ')}`);
        }
        else {
            const was = out.record;
            if (was.title !== f.title ||
                was.start !== f.start ||
                was.end !== f.end ||
                was.text !== f.text ||
                was.components.join() !== f.components.join()) {
                Object.assign(was, f);
                out.changes.push(`maintenance form re-read: ${form_utc(f.start)} to ${form_utc(f.end)} on ${f.components.join(', ')}`);
            }
        }
        if (confirmBy && !out.record.confirmed) {
            out.record.confirmed = { at: now, by: confirmBy.by };
            out.changes.push(`on the status page (confirmed by ${confirmBy.by})`);
        }
        return true;
    };
    if (event.kind === 'issue') {
        const responder = mayDecide(event.role);
        const a = event.action;
        const own = !!event.author && event.author.toLowerCase() === event.sender.toLowerCase();
        const isMark = event.label?.toLowerCase() === config.status.maintenance.label.toLowerCase();
        if (a === 'opened' || (a === 'labeled' && isMark)) {
            // A responder who opens the form, or marks an issue as a maintenance, makes it public.
            if (!ended(out.record))
                readForm(responder ? { by: event.sender } : null);
        }
        else if (a === 'edited') {
            // The form is re-read when a responder edits it, or while nobody has made it public yet; a
            // responder fixing their own form (its first version was refused) makes it public as opening it would have.
            if (!ended(out.record) && (responder || !out.record?.confirmed))
                readForm(responder && own && !out.record ? { by: event.sender } : null);
        }
        else if (a === 'closed' && out.record?.confirmed && !ended(out.record)) {
            const r = out.record;
            if (!responder) {
                // Only a responder changes a maintenance's course: the issue is put back.
                out.state = { to: 'open' };
                out.replies.push({
                    marker: marker('maintenance-refused', `close-${issue.closedAt ?? now}`),
                    body: `**IncidentOps**: only people with triage access or more can end or cancel a maintenance; the issue was reopened. A responder can run \`/maintenance cancel\` or \`/maintenance complete\`.`,
                });
            }
            else if (Date.parse(now) < Date.parse(r.start)) {
                r.cancelledAt = issue.closedAt ?? now;
                out.changes.push('maintenance cancelled (the issue was closed before the window)');
            }
            else {
                r.endedAt = issue.closedAt ?? now;
                out.changes.push('maintenance completed (the issue was closed during the window)');
            }
        }
    }
    else if (event.kind === 'comment') {
        const commands = parseMaintenanceCommands(event.body);
        const done = out.record?.processed.includes(event.commentId) ?? false;
        if (commands.length && !done) {
            const reply = (text) => {
                out.replies.push({ marker: marker('maintenance-reply', event.commentId), body: `**IncidentOps**: ${text}` });
            };
            if (!mayDecide(event.role)) {
                reply(`only people with triage access or more can run maintenance commands (\`/confirm\`, \`/maintenance …\`); nothing was changed.`);
            }
            else {
                const answers = [];
                for (const c of commands) {
                    const r = out.record;
                    if (c.action === 'confirm') {
                        // Once public, `/confirm` changes nothing: the form is re-read only on a responder's edit.
                        if (!ended(r) && !r?.confirmed)
                            readForm({ by: event.author });
                        continue;
                    }
                    if (!r?.confirmed) {
                        answers.push(`\`/maintenance ${c.action}\`: the maintenance is not on the status page yet; \`/confirm\` it first.`);
                        continue;
                    }
                    const started = Date.parse(now) >= Date.parse(r.start);
                    if (ended(r))
                        answers.push(`\`/maintenance ${c.action}\`: the maintenance is already over.`);
                    else if (c.action === 'cancel') {
                        if (started)
                            answers.push('`/maintenance cancel`: the window has started; end it with `/maintenance complete` instead.');
                        else {
                            r.cancelledAt = now;
                            out.changes.push(`maintenance cancelled by ${event.author}`);
                        }
                    }
                    else if (c.action === 'complete') {
                        if (!started)
                            answers.push('`/maintenance complete`: the window has not started; call it off with `/maintenance cancel` instead.');
                        else {
                            r.endedAt = now;
                            out.changes.push(`maintenance completed early by ${event.author}`);
                        }
                    }
                    else if (c.action === 'verify') {
                        if (!started)
                            answers.push('`/maintenance verify`: the window has not started yet.');
                        else if (!r.verifyingAt) {
                            r.verifyingAt = now;
                            out.changes.push(`maintenance verifying (${event.author})`);
                        }
                    }
                    else {
                        if (!c.text)
                            answers.push('`/maintenance` needs a text for customers: `/maintenance Backups done, upgrading now.`');
                        else if (c.text.length > MAINTENANCE_LIMITS.text)
                            answers.push(`\`/maintenance\`: the update has ${c.text.length} characters; write at most ${MAINTENANCE_LIMITS.text}.`);
                        else if (r.updates.length >= MAX_UPDATES)
                            answers.push(`\`/maintenance\`: this maintenance already has ${MAX_UPDATES} public updates, the most it keeps.`);
                        else {
                            r.updates.push({ at: now, text: c.text });
                            out.changes.push('public maintenance update posted');
                        }
                    }
                }
                if (answers.length)
                    reply(answers.join('\n\n'));
            }
            if (out.record)
                out.record.processed = [...out.record.processed, event.commentId].slice(-100);
        }
    }
    const r = out.record;
    if (r) {
        const wasEnded = ended(previous);
        out.recorded = recordTransitions(r, now, run);
        for (const t of out.recorded)
            out.changes.push(`transition recorded: ${t.status} at ${form_utc(t.at)}`);
        // Over: the issue closes once (a person who reopens it afterwards is not fought).
        if (!wasEnded && ended(r) && issue.state === 'open' && out.state?.to !== 'open')
            out.state = { to: 'closed', reason: r.cancelledAt ? 'not_planned' : 'completed' };
    }
    return out;
}
/** The maintenance card: what a responder reads on the issue, and the record. */
function renderMaintenanceCard(r, config) {
    const names = r.components.map((c) => {
        const s = config.services.find((x) => x.name === c);
        return (0,markdown/* inline */.mG)(s?.displayName ?? c, 80);
    });
    const last = r.transitions[r.transitions.length - 1];
    const status = !r.confirmed
        ? '**Waiting for a responder**: not on the status page until someone with triage access or more runs `/confirm`.'
        : `**${WORD[last?.status ?? 'scheduled']}** (on the status page)`;
    const lines = [
        MAINTENANCE_MARKER,
        `### 🛠️ Scheduled maintenance: ${(0,markdown/* inline */.mG)(r.title, MAINTENANCE_LIMITS.title)}`,
        '',
        '| | |',
        '|---|---|',
        `| Status | ${status} |`,
        `| Window | ${form_utc(r.start)} → ${form_utc(r.end)}${r.endedAt ? ` (ended ${form_utc(r.endedAt)})` : ''} |`,
        `| Components | ${names.join(', ')} |`,
        '',
        '**Text for customers**',
        '',
        (0,markdown/* quote */.hD)(r.text, MAINTENANCE_LIMITS.text),
    ];
    if (r.updates.length) {
        lines.push('', '**Public updates**', '');
        for (const u of r.updates)
            lines.push(`- ${form_utc(u.at)}: ${(0,markdown/* inline */.mG)(u.text, 300)}`);
    }
    if (r.transitions.length) {
        lines.push('', '**Transitions**', '');
        for (const t of r.transitions)
            lines.push(`- ${WORD[t.status]} at ${form_utc(t.at)} (recorded by the ${t.run} run at ${form_utc(t.recordedAt)})`);
    }
    lines.push('', '<sub>Commands (triage or more): `/confirm` · `/maintenance <update for customers>` · `/maintenance verify` · `/maintenance complete` · `/maintenance cancel`. Edit the form to change the window.</sub>', encodeMaintenance(r));
    return lines.join('\n');
}
/** The writes that bring the issue to the decision: replies (once), the card, the issue's state. */
function planMaintenance(issue, d, config) {
    const effects = [];
    const card = findMaintenanceCard(issue.comments);
    for (const r of d.replies)
        if (!findMarked(issue.comments, r.marker) &&
            !effects.some((e) => e.kind === 'create-comment' && e.marker === r.marker))
            effects.push({ kind: 'create-comment', issue: issue.number, marker: r.marker, body: `${r.marker}\n${r.body}` });
    if (d.record) {
        const body = renderMaintenanceCard(d.record, config);
        if (!card)
            effects.push({ kind: 'create-comment', issue: issue.number, marker: MAINTENANCE_MARKER, body });
        else if (card.body !== body)
            effects.push({
                kind: 'update-comment',
                issue: issue.number,
                commentId: card.databaseId,
                marker: MAINTENANCE_MARKER,
                body,
            });
    }
    if (d.state && d.state.to !== issue.state)
        effects.push({
            kind: 'update-issue',
            issue: issue.number,
            state: d.state.to,
            stateReason: d.state.to === 'closed' ? (d.state.reason ?? 'completed') : 'reopened',
            why: [
                d.state.to === 'closed'
                    ? `close (maintenance ${d.state.reason === 'not_planned' ? 'cancelled' : 'completed'})`
                    : 'reopen (closed by someone below triage)',
            ],
        });
    return effects;
}

;// CONCATENATED MODULE: ./src/subscriptions/maintenance.ts





/**
 * The notice of what this run changed in a maintenance; null when nothing public changed, nobody
 * subscribed, or the maintenance is not on the page (not confirmed yet, or cancelled: Statuspage's
 * public API has no cancelled status, and the page takes it off).
 */
function maintenanceNotice(previous, record, recorded, config, repo, now) {
    if (!record || !hasSubscribers(config.status.subscribers))
        return null;
    const keys = [
        ...recorded.filter((t) => t.status !== 'cancelled').map((t) => `maintenance:${t.status}@${t.at}`),
        ...record.updates.slice(previous?.updates.length ?? 0).map((u) => `maintenance:update@${u.at}`),
    ];
    if (keys.length === 0)
        return null;
    const data = buildStatusPage([], config, repo, now, [record]);
    const m = data.maintenances.find((x) => x.id === maintenanceId(repo, record.number));
    if (!m)
        return null;
    return buildNotice({
        kind: 'maintenance',
        issue: record.number,
        keys,
        page: noticePage(data, repo),
        incident: maintenanceJson(m, data, pageIdOf(repo)),
        now,
    });
}

;// CONCATENATED MODULE: ./src/events/maintenance.ts







/**
 * The bulk read holds an issue's first 3 and last 20 comments: a card written after a long thread
 * (an outsider's form fixed after many comments) is outside them. Only then is the issue read whole
 * (one request), so the card is never missed.
 */
async function withCard(port, issue) {
    if (findMaintenanceCard(issue.comments) || issue.commentCount <= issue.comments.length)
        return issue;
    if (!isMaintenanceForm(issue.body))
        return issue;
    return (await port.loadIssueContext(issue.number, {})).issue ?? issue;
}
/** Whether an issue is a maintenance: it carries the maintenance label and not the incident label. */
function isMaintenanceIssue(labels, config) {
    const has = (name) => labels.some((l) => l.toLowerCase() === name.toLowerCase());
    return has(config.status.maintenance.label) && !has(config.labels.incident);
}
/**
 * The subscribers told of what this decision changed on the page (src/subscriptions/maintenance.ts),
 * once the card write that records it was done (planned, in a dry run): at most once.
 */
async function tellSubscribers(previous, d, plan, applied, config, exec, now, tell) {
    const notice = maintenanceNotice(previous, d.record, d.recorded, config, tell.repo, now);
    if (!notice)
        return [];
    const i = plan.findIndex((e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === MAINTENANCE_MARKER);
    return announce(notice, i < 0 ? undefined : applied[i], config.status.subscribers, { exec, log: tell.log });
}
/** The intake run on a maintenance issue: asks the one role the event needs, decides, applies. */
async function handleMaintenance(port, issue, incoming, config, exec, now, 
/** The repository (`owner/name`) and the log: for the notices to subscribers. */
tell) {
    const card = findMaintenanceCard(issue.comments);
    const previous = card ? decodeMaintenance(card.body) : null;
    // A `maintenance` label on a chore (no card, no form headings): not ours, nothing asked, nothing said.
    if (!previous && !isMaintenanceForm(issue.body))
        return {
            applied: [],
            changes: [],
            recorded: [],
            pending: false,
            next: null,
            problems: [],
            skipped: `#${issue.number} carries the maintenance label but was not opened from the maintenance form (its headings are missing): left alone.`,
        };
    let event;
    if (incoming.kind === 'comment') {
        const ask = parseMaintenanceCommands(incoming.body).length > 0 && !previous?.processed.includes(incoming.commentId);
        event = { ...incoming, role: ask ? (await port.getRole(incoming.author)) : undefined };
    }
    else {
        // A role costs a request: only for the actions that can change something.
        const ask = ['opened', 'labeled', 'edited', 'closed'].includes(incoming.action);
        event = {
            ...incoming,
            author: issue.author,
            role: ask ? (await port.getRole(incoming.sender)) : undefined,
        };
    }
    const d = decideMaintenance(issue, previous, event, config, now, 'intake');
    const plan = planMaintenance(issue, d, config);
    const applied = await exec.apply(plan);
    applied.push(...(await tellSubscribers(previous, d, plan, applied, config, exec, now, tell)));
    return {
        applied,
        changes: d.changes,
        recorded: d.recorded,
        pending: !!d.record && needsSweep(d.record, now, config.status.maintenance.wakeBeforeMs),
        next: d.record ? nextTransitionAt(d.record, now) : null,
        problems: applied.some((a) => a.status === 'skipped')
            ? ["This run's write budget was spent before the maintenance was written; the next run writes it."]
            : [],
    };
}
/**
 * The sweep's part: every open maintenance issue (one GraphQL page per 100, with their cards), the
 * transitions that happened by `now` recorded, the issue closed once it is over. Nothing due: no write.
 */
async function sweepMaintenance(port, pages, config, exec, now, tell) {
    const out = {
        applied: [],
        changes: [],
        recorded: [],
        pending: false,
        next: null,
        problems: [],
        read: 0,
    };
    for await (const page of pages)
        for (const listed of page.incidents) {
            out.read++;
            if (!isMaintenanceIssue(listed.labels, config))
                continue;
            const issue = await withCard(port, listed);
            const card = findMaintenanceCard(issue.comments);
            const previous = card ? decodeMaintenance(card.body) : null;
            if (!previous)
                continue;
            const d = decideMaintenance(issue, previous, { kind: 'tick' }, config, now, 'sweep');
            const plan = planMaintenance(issue, d, config);
            if (plan.length) {
                const applied = await exec.apply(plan);
                out.applied.push(...applied);
                out.applied.push(...(await tellSubscribers(previous, d, plan, applied, config, exec, now, tell)));
                if (applied.some((a) => a.status === 'skipped')) {
                    // Not written: the sweep must come back for it.
                    out.pending = true;
                    out.problems.push(`The write budget ran out before maintenance #${issue.number} was written; the next run records it (with the times it happened).`);
                }
                else {
                    out.recorded.push(...d.recorded);
                    out.changes.push(...d.changes.map((c) => `#${issue.number}: ${c}`));
                }
            }
            if (d.record && needsSweep(d.record, now, config.status.maintenance.wakeBeforeMs))
                out.pending = true;
            const next = d.record ? nextTransitionAt(d.record, now) : null;
            if (next && (!out.next || next < out.next))
                out.next = next;
        }
    return out;
}
/**
 * The sweep's read of the maintenances: only when the repository has the maintenance label (a
 * repository that never scheduled one pays no request), then ⌈open maintenances/100⌉ queries.
 */
async function sweepMaintenanceIfAny(port, repoLabels, config, exec, now, tell) {
    const label = config.status.maintenance.label;
    if (!repoLabels.some((l) => l.name.toLowerCase() === label.toLowerCase()))
        return null;
    return sweepMaintenance(port, port.incidentPages({ label, states: ['OPEN'] }), config, exec, now, tell);
}
/** The intake run's outcome on a maintenance issue; a pending maintenance wakes the sweep (it records the window's start and end). */
async function runMaintenanceIntake(port, issue, repoLabels, incoming, config, calm, now, log, repo) {
    const r = await handleMaintenance(port, issue, incoming, config, calm.exec, now, { repo, log });
    for (const c of r.changes)
        log(`maintenance #${issue.number}: ${c}`);
    const woke = r.pending ? await wakeSweep(repoLabels, calm) : calm_NONE;
    const applied = [...r.applied, ...woke.applied];
    const problems = [...r.problems, ...(woke.problem ? [woke.problem] : [])];
    return {
        outputs: { actions: JSON.stringify(applied) },
        summary: {
            head: [
                `### IncidentOps: maintenance #${issue.number}`,
                ...(r.skipped
                    ? [r.skipped]
                    : r.changes.length
                        ? r.changes.map((c) => `- ${(0,markdown/* inline */.mG)(c, 300)}`)
                        : ['Nothing changed.']),
                ...(woke.line ? [woke.line] : []),
                ...problems.map((p) => `- ⚠️ ${(0,markdown/* inline */.mG)(p, 500)}`),
            ],
            applied,
        },
        problems,
    };
}

;// CONCATENATED MODULE: ./src/events/status.ts
/**
 * `mode: status` (any event): read every incident with one GraphQL page per 100 (the report's query;
 * the first page also carries the config when there is no checkout) → the page as data (pure,
 * src/status/model.ts) → the static site written to `status-dir`, for the official
 * upload-pages-artifact and deploy-pages actions. It writes nothing to GitHub.
 */













/** Without `status.maintenance.wake_before`, the page still says when a sleeping sweep is needed: this long before a start or end. */
const DEFAULT_WAKE_MS = 2 * 3_600_000;
const status_STATES = ['OPEN', 'CLOSED'];
const status_DEFAULT_INCIDENT_LABEL = 'incident';
/** The record and services of one incident page's issues; issues without a readable card of ours are skipped (they were never published). */
function statusSources(page) {
    const out = [];
    for (const issue of page.incidents) {
        const card = findCard(issue.comments);
        const record = card ? decodeRecord(card.body) : null;
        if (record && record.number === issue.number)
            out.push({ record, services: servicesOf(issue.labels) });
    }
    return out;
}
/**
 * Every incident of the repository, open and closed: ⌈N/100⌉ requests (at least 1), one more when
 * the config (read through the API) renames the incident label.
 */
async function loadStatusSources(port, local, configPath) {
    let config;
    let pages;
    let first;
    let extra = 0;
    if (local !== undefined) {
        config = loadConfig(local, configPath);
        pages = port.incidentPages({ label: config.labels.incident, states: status_STATES, withRepoLabels: true });
    }
    else {
        pages = port.incidentPages({ label: status_DEFAULT_INCIDENT_LABEL, states: status_STATES, configPath, withRepoLabels: true });
        const r = await pages.next();
        first = r.done ? undefined : r.value;
        config = loadConfig(first?.configText ?? null, configPath);
        if (config.labels.incident.toLowerCase() !== status_DEFAULT_INCIDENT_LABEL) {
            await pages.return(undefined);
            extra = first ? 1 : 0;
            first = undefined;
            pages = port.incidentPages({ label: config.labels.incident, states: status_STATES, withRepoLabels: true });
        }
    }
    const out = { config, sources: [], read: 0, pages: extra, maintenances: [], sweepOn: false };
    let repoLabels;
    const take = (p) => {
        repoLabels ??= p.repoLabels;
        out.pages++;
        out.read += p.incidents.length;
        out.sources.push(...statusSources(p));
    };
    if (first)
        take(first);
    for await (const p of pages)
        take(p);
    out.sweepOn = !!repoLabels?.some((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name);
    // Maintenances only when the repository has their label: a page without any costs no request more.
    const label = config.status.maintenance.label.toLowerCase();
    if (repoLabels?.some((l) => l.name.toLowerCase() === label))
        for await (const p of port.incidentPages({ label: config.status.maintenance.label, states: status_STATES })) {
            out.pages++;
            for (const listed of p.incidents) {
                if (listed.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase()))
                    continue;
                const issue = await withCard(port, listed);
                const card = findMaintenanceCard(issue.comments);
                const record = card ? decodeMaintenance(card.body) : null;
                if (record && record.number === issue.number)
                    out.maintenances.push(record);
            }
        }
    return out;
}
/** `mode: status` in the action: loads, builds, writes the site; outputs `status-dir` and `status-indicator`. */
async function runStatusMode(o) {
    const ports = octokitPorts(o.inputs.githubToken, o.baseUrl, (m) => core/* warning */.$e((0,log_safe/* logSafe */.s)(m)), o.inputs.limits);
    const port = ports.portFor(o.repo);
    const full = `${o.repo.owner}/${o.repo.repo}`;
    const loaded = await loadStatusSources(port, o.local, o.inputs.configPath);
    const now = ports.now().toISOString();
    const data = buildStatusPage(loaded.sources, loaded.config, full, now, loaded.maintenances);
    const files = buildSite(data, full);
    const dir = (0,external_node_path_.resolve)(o.env.GITHUB_WORKSPACE || process.cwd(), o.inputs.statusDir);
    writeSite(dir, files);
    const open = data.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem').length;
    const line = `Status page: ${data.description} (${data.indicator}); ${data.incidents.length} published incident(s), ${open} open, of ${loaded.read} read with ${loaded.pages} GraphQL page(s); ${data.maintenances.length} scheduled maintenance(s); ${data.components.length} component(s); ${Object.keys(files).length} files written to ${dir}.`;
    core/* info */.pq((0,log_safe/* logSafe */.s)(line));
    // A maintenance starts or ends soon and the sweep sleeps: the workflow wakes it (`sweep-needed`).
    const wake = loaded.config.status.maintenance.wakeBeforeMs ?? DEFAULT_WAKE_MS;
    const sweepNeeded = !loaded.sweepOn && loaded.maintenances.some((m) => needsSweep(m, now, wake));
    if (sweepNeeded)
        core/* info */.pq('A scheduled maintenance starts or ends soon and the sweep is asleep: output sweep-needed=true.');
    return {
        outputs: {
            'status-dir': dir,
            'status-indicator': data.indicator,
            'sweep-needed': String(sweepNeeded),
            actions: '[]',
        },
        summary: {
            head: [
                `### IncidentOps status page: ${data.description}`,
                line,
                ...data.components.map((c) => `- ${c.name}: ${c.status.replace(/_/g, ' ')}`),
            ],
            applied: [],
        },
        problems: [],
    };
}

;// CONCATENATED MODULE: ./src/events/alerts.ts









const SOURCE_PREFIX = 'source/';
/** A new incident for an alert links the previous one of the same key closed within this time. */
const LINK_EARLIER_MS = 7 * 86_400_000;
/**
 * How long the run that opened an alert incident owns writing its card: the example workflow's job
 * timeout (5 minutes), after which that run has finished or been killed.
 */
const OPENER_GRACE_MS = 5 * 60_000;
/** Priority and stage from the record of the incident's card, else from its labels (a card not written yet). */
function courseOf(i, config) {
    const card = findCard(i.comments);
    const r = card ? decodeRecord(card.body) : null;
    if (r)
        return { priority: r.priority, stage: r.stage };
    const stageLabel = i.labels.find((l) => l.toLowerCase().startsWith(STAGE_PREFIX));
    return {
        priority: priorityLabelsOn(i.labels)[0] ?? null,
        stage: stageLabel ? (stageByName(stageLabel, config) ?? null) : null,
    };
}
/** Priority and stage from a decision (null when it skipped). */
function courseOfDecision(d) {
    return d.kind === 'skip' ? { priority: null, stage: null } : { priority: d.record.priority, stage: d.record.stage };
}
/** The alert key of an incident: from its record, or (before the card exists) from the body of an issue we opened. */
function keyOf(i) {
    const card = findCard(i.comments);
    const r = card ? decodeRecord(card.body) : null;
    if (r?.alert)
        return r.alert.key;
    return i.viewerDidAuthor ? alertKeyOf(i.body) : null;
}
async function collect(pages) {
    let first = null;
    const incidents = [];
    for await (const p of pages) {
        first ??= p;
        incidents.push(...p.incidents);
    }
    return { first, incidents };
}
/**
 * Alerts from a `repository_dispatch`: each is matched to its incident by dedup key (one read of
 * the open incidents for the whole delivery), then applied through the same decide/reconcile path
 * as every other event. A key with no incident opens one; parallel runs that raced into
 * duplicates keep the lowest number, each loser closing only its own issue (see below).
 */
async function handleAlerts(port, board, alerts, config, open, opts) {
    const outcomes = [];
    const applied = [];
    const problems = [];
    let openIncidents = open.incidents;
    let repoLabels = open.first?.repoLabels ?? [];
    let closed = null;
    const closedSince = async () => {
        if (closed)
            return closed;
        // The reopen window, or a week to find an earlier incident of the same alert to link.
        const since = new Date(Date.parse(opts.now()) - Math.max(config.alerts.reopenWindow, LINK_EARLIER_MS)).toISOString();
        closed = (await collect(port.incidentPages({ label: config.labels.incident, states: ['CLOSED'], since }))).incidents;
        return closed;
    };
    for (const alert of alerts) {
        const delivery = `${opts.runId}:${alert.key}`;
        const now = opts.now();
        const byKey = (list) => list.filter((i) => keyOf(i) === alert.key).sort((a, b) => a.number - b.number);
        let target = byKey(openIncidents)[0];
        let earlier;
        if (!target && alert.status === 'firing') {
            const recent = byKey(await closedSince()).sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
            if (recent && recent.closedAt && Date.parse(now) - Date.parse(recent.closedAt) <= config.alerts.reopenWindow)
                target = recent;
            else
                earlier = recent;
        }
        if (!target && alert.status !== 'firing') {
            outcomes.push({
                key: alert.key,
                incident: null,
                what: 'ignored',
                outcome: 'ignored',
                priority: null,
                stage: null,
                note: `${alert.status}, but no open incident has this key`,
            });
            opts.log(`alert ${alert.key}: ${alert.status}, but no open incident has this key: nothing to do`);
            continue;
        }
        if (!target) {
            // Open a new incident. Its labels are set at creation; the ones missing in the repository are created first.
            const state = {
                key: alert.key,
                source: alert.source,
                title: alert.title,
                severity: alert.severity,
                service: alert.service,
                labels: alert.labels,
                status: 'firing',
                occurrences: 0,
                firstSeen: now,
                lastSeen: now,
                lastComment: null,
                deliveries: [],
            };
            const priority = classify(alertFields(state), config).priority;
            const labels = [
                config.labels.incident,
                priorityLabel(priority),
                stageLabelOf('triage', config),
                content_limits_fitLabelName(`${SOURCE_PREFIX}${alert.source}`),
                ...(alert.service && config.labels.services ? [serviceLabel(alert.service)] : []),
            ];
            const have = new Set(repoLabels.map((l) => l.name.toLowerCase()));
            const effects = [];
            const missing = upFrontLabels(config, labels)
                .map((l) => l.name.startsWith(SOURCE_PREFIX)
                ? { name: l.name, color: 'bfd4f2', description: 'Where the incident came from' }
                : l)
                .filter((l) => !have.has(l.name.toLowerCase()));
            if (missing.length)
                effects.push({ kind: 'create-labels', labels: missing });
            const create = {
                kind: 'create-issue',
                title: fitTitle(`[Alert] ${alert.title}`),
                body: alertIssueBody(alert, earlier, opts.runId),
                labels,
                marker: alertMarker(alert.key),
            };
            effects.push(create);
            const done = await opts.exec.apply(effects);
            applied.push(...done);
            repoLabels = [...repoLabels, ...missing];
            const opened = createdBy(done.find((d) => d.kind === 'create-issue'));
            if (opened?.issue === undefined) {
                outcomes.push({
                    key: alert.key,
                    incident: null,
                    what: 'ignored',
                    outcome: 'ignored',
                    priority: null,
                    stage: null,
                    note: 'write budget reached: left for the next delivery',
                });
                continue;
            }
            const mine = opened.issue;
            if (opened.status === 'planned') {
                // A dry run: the issue does not exist, so its card and the rest are planned on the issue as
                // it would be created (no race to settle: nothing was opened).
                const issue = {
                    nodeId: opened.nodeId ?? '',
                    number: mine,
                    title: create.title,
                    body: create.body,
                    state: 'open',
                    stateReason: null,
                    createdAt: now,
                    updatedAt: now,
                    closedAt: null,
                    url: '',
                    author: null,
                    viewerDidAuthor: true,
                    assignees: [],
                    labels,
                    comments: [],
                    commentCount: 0,
                };
                openIncidents = [...openIncidents, issue];
                const r = await handleIncident(port, board, { repositoryId: open.first?.repositoryId ?? '', repoLabels, issue }, { kind: 'alert', alert, now, delivery }, config, opts);
                applied.push(...r.applied);
                problems.push(...r.problems);
                outcomes.push({
                    key: alert.key,
                    incident: null,
                    what: 'opened',
                    outcome: 'new',
                    ...courseOfDecision(r.decision),
                    note: 'dry run',
                });
                continue;
            }
            // Parallel first deliveries of one key may each have opened an issue. One rule, which every
            // racing run computes the same way: the lowest issue number with the key survives. A losing
            // run closes only its own issue, with one comment, and never writes to the survivor (whose
            // own run writes its one card); so N racing runs cost N-1 comments, not N².
            const again = await collect(port.incidentPages({ label: config.labels.incident, states: ['OPEN'] }));
            openIncidents = again.incidents;
            // Our own issue counts even if the listing does not show it yet.
            const keep = Math.min(mine, ...byKey(openIncidents).map((i) => i.number));
            if (keep < mine) {
                applied.push(...(await closeDuplicate(port, mine, keep, opts)));
                const survivor = openIncidents.find((i) => i.number === keep);
                openIncidents = openIncidents.filter((i) => i.number !== mine);
                outcomes.push({
                    key: alert.key,
                    incident: keep,
                    what: 'merged',
                    outcome: 'duplicate',
                    ...(survivor ? courseOf(survivor, config) : { priority, stage: 'triage' }),
                    note: `#${mine} was opened by a parallel delivery and closed as its duplicate`,
                });
                continue;
            }
            const r = await handleIncident(port, board, 
            // A new incident: its suspects come in the same read (no extra request).
            await port.loadIssueContext(keep, { withChanges: true }), { kind: 'alert', alert, now, delivery }, config, opts);
            applied.push(...r.applied);
            problems.push(...r.problems);
            outcomes.push({ key: alert.key, incident: keep, what: 'opened', outcome: 'new', ...courseOfDecision(r.decision) });
            continue;
        }
        const wasOpen = target.state === 'open';
        // An alert incident opened moments ago whose card is not there yet belongs to the run that
        // opened it, which writes the card next: writing one here too would give it two. This delivery
        // is left to that run (its occurrence is not counted, as with a replaced pending run). After
        // OPENER_GRACE_MS the opener has surely finished or died, and the next delivery writes the card.
        // The opener itself, re-run after it died between the issue and the card (GitHub's "re-run"
        // keeps GITHUB_RUN_ID), finishes its own job: the issue says which run opened it.
        const openedHere = target.body.split('\n', 3).includes(openedByMarker(opts.runId));
        if (wasOpen &&
            target.viewerDidAuthor &&
            !openedHere &&
            !findCard(target.comments) &&
            Date.parse(now) - Date.parse(target.createdAt) < OPENER_GRACE_MS) {
            outcomes.push({
                key: alert.key,
                incident: target.number,
                what: 'updated',
                outcome: alert.status === 'firing' ? 'repeat' : alert.status === 'resolved' ? 'resolve' : 'acknowledge',
                ...courseOf(target, config),
                note: `#${target.number} was opened moments ago by a parallel delivery, which writes its card`,
            });
            opts.log(`alert ${alert.key}: #${target.number} was opened moments ago by a parallel delivery; its card is left to that run`);
            continue;
        }
        // A duplicate left open by a racing run that died before closing it (older than the opener's
        // grace, so its run is over): closed now under the same rule, with its one comment unless that
        // run posted it already.
        if (wasOpen) {
            for (const stale of byKey(openIncidents).filter((i) => i.number > target.number && i.viewerDidAuthor && Date.parse(now) - Date.parse(i.createdAt) >= OPENER_GRACE_MS)) {
                const commented = findMarked(stale.comments, marker('duplicate', target.number)) !== undefined;
                applied.push(...(await closeDuplicate(port, stale.number, target.number, opts, !commented)));
                openIncidents = openIncidents.filter((i) => i.number !== stale.number);
            }
        }
        // The bulk read already holds the whole thread of most incidents: no second read for them.
        const complete = wasOpen &&
            target.commentCount !== undefined &&
            target.commentCount <= target.comments.length &&
            open.first !== null;
        const ctx = complete
            ? { repositoryId: open.first.repositoryId, repoLabels: repoLabels, issue: target }
            : await loadCtx(port, target.number);
        const r = await handleIncident(port, board, ctx, { kind: 'alert', alert, now, delivery }, config, opts);
        applied.push(...r.applied);
        problems.push(...r.problems);
        // Firing again after a resolve (still open, in Monitoring) or reopening a closed incident is a re-fire.
        const before = findCard(target.comments);
        const wasResolved = before ? decodeRecord(before.body)?.alert?.status === 'resolved' : false;
        const outcome = !wasOpen
            ? 'refire'
            : alert.status === 'resolved'
                ? 'resolve'
                : alert.status === 'acknowledged'
                    ? 'acknowledge'
                    : wasResolved
                        ? 'refire'
                        : 'repeat';
        outcomes.push({
            key: alert.key,
            incident: target.number,
            what: wasOpen ? 'updated' : 'reopened',
            outcome,
            ...courseOfDecision(r.decision),
        });
        if (!wasOpen)
            openIncidents = [...openIncidents, { ...target, state: 'open' }];
    }
    return { outcomes, applied, problems };
}
async function loadCtx(port, n) {
    return port.loadIssueContext(n, {});
}
async function closeDuplicate(port, dup, keep, opts, comment = true) {
    const m = marker('duplicate', keep);
    const effects = [
        ...(comment
            ? [
                {
                    kind: 'create-comment',
                    issue: dup,
                    marker: m,
                    body: `${m}\nDuplicate of #${keep}: two deliveries of the same alert raced. This alert's history continues there.`,
                },
            ]
            : []),
        {
            kind: 'update-issue',
            issue: dup,
            state: 'closed',
            stateReason: 'not_planned',
            why: [`close as a duplicate of #${keep}`],
        },
    ];
    return opts.exec.apply(effects);
}
/** The body of an issue opened for an alert: the key marker first (trusted only because we wrote it), then what the monitor said. */
/** The hidden line naming the workflow run that opened an alert issue (only [A-Za-z0-9_.-] of its id). */
function openedByMarker(runId) {
    return `<!-- incidentops:opened-by:${runId.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40)} -->`;
}
function alertIssueBody(a, earlier, runId) {
    const lines = [
        alertMarker(a.key),
        ...(runId ? [openedByMarker(runId)] : []),
        `**${(0,markdown/* inline */.mG)(a.source, 40)} alert**: ${(0,markdown/* inline */.mG)(a.title, 250)}`,
        '',
    ];
    if (a.description)
        lines.push((0,markdown/* quote */.hD)(a.description, 3000), '');
    const facts = [['Key', `\`${a.key}\``]];
    if (a.severity)
        facts.push(['Severity', (0,markdown/* inline */.mG)(a.severity, 40)]);
    if (a.service)
        facts.push(['Service', (0,markdown/* inline */.mG)(a.service, 60)]);
    if (a.startsAt)
        facts.push(['Started', `${a.startsAt.slice(0, 16).replace('T', ' ')} UTC`]);
    for (const [k, v] of Object.entries(a.labels).slice(0, 20))
        facts.push([`\`${(0,markdown/* inline */.mG)(k, 60)}\``, (0,markdown/* inline */.mG)(v, 120)]);
    lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '');
    if (a.links.length)
        lines.push(`Links: ${a.links.map((l, i) => `[${i + 1}](${l})`).join(' · ')}`, '');
    if (earlier)
        lines.push(`The same alert caused #${earlier.number} earlier.`, '');
    lines.push('<sub>Opened by IncidentOps from monitoring. Comment `/ack` to take command.</sub>');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/domain/heartbeats.ts


/**
 * Heartbeats (dead man's switches), pure: where the last ping of each is kept, when one is late,
 * and whether the sweep itself has stopped running.
 *
 * The last pings live in ONE bot issue labelled HEARTBEATS_LABEL, one comment per heartbeat (its
 * own marker, a base64 record). One comment each, not one shared body: pings of different
 * heartbeats run in parallel (the example workflow groups runs per name), and two runs editing one
 * body would lose a ping, which would later open a false incident. The sweep and ping runs read the
 * issue in the first GraphQL page they already fetch, so a ping costs that read and one edit.
 */
/** The label of the issue that holds the pings (it is not an incident). */
const HEARTBEATS_LABEL = {
    name: 'incidentops/heartbeats',
    color: 'ededed',
    description: 'IncidentOps: holds the last ping of each heartbeat (one comment each). Not an incident.',
};
const HEARTBEATS_ISSUE_MARKER = '<!-- incidentops:heartbeats -->';
/** The `repository_dispatch` event type of a ping. */
const HEARTBEAT_EVENT_TYPE = 'heartbeat';
/** The alert key of a heartbeat's incident: the same dedup, repeat and resolve logic as any alert. */
const heartbeatKey = (name) => `heartbeat:${name}`;
/** What a heartbeat name may be (as the config schema says): safe inside markers and keys unescaped. */
const HEARTBEAT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** Pings closer than this to the recorded one are not written again (a re-run, or a chatty sender). */
const PING_COALESCE_MS = 60_000;
const heartbeatMarker = (name) => `<!-- incidentops:heartbeat:${name} -->`;
const heartbeats_RECORD_RE = /<!-- incidentops:heartbeat-record:v1:([A-Za-z0-9+/=]+) -->/;
/**
 * The pings from the heartbeat issues of the first page. Only our own issue and our own comments
 * count (a person's comment cannot fake a ping). Two racing first pings may each have written a
 * comment, or (on the very first pings) an issue: the latest ping wins, the lowest issue is used.
 */
function readHeartbeats(issues) {
    const ours = (issues ?? [])
        .filter((i) => i.viewerDidAuthor && i.body.startsWith(HEARTBEATS_ISSUE_MARKER))
        .sort((a, b) => a.number - b.number);
    const beats = new Map();
    // Issues in number order, comments in id order: the first comment seen for a name is the one
    // every run edits (deterministic), and it carries the latest ping of all its duplicates.
    for (const issue of ours) {
        for (const c of [...issue.comments].sort((a, b) => a.databaseId - b.databaseId)) {
            if (!c.viewerDidAuthor || !c.body.startsWith('<!-- incidentops:heartbeat:'))
                continue;
            const r = decodeHeartbeat(c.body);
            if (!r || !c.body.startsWith(heartbeatMarker(r.name)))
                continue;
            const had = beats.get(r.name);
            if (!had)
                beats.set(r.name, { ...r, commentId: c.databaseId });
            else if (Date.parse(r.lastPing) > Date.parse(had.lastPing))
                had.lastPing = r.lastPing;
        }
    }
    return { issue: ours[0]?.number ?? null, beats };
}
function decodeHeartbeat(body) {
    const m = heartbeats_RECORD_RE.exec(body);
    if (!m)
        return null;
    try {
        const r = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
        if (r?.v !== 1 ||
            typeof r.name !== 'string' ||
            !HEARTBEAT_NAME.test(r.name) ||
            typeof r.lastPing !== 'string' ||
            Number.isNaN(Date.parse(r.lastPing)))
            return null;
        return r;
    }
    catch {
        return null;
    }
}
/** The comment of one heartbeat: its marker, a line for people, the record for the machine. */
function heartbeatComment(hb, lastPing) {
    const record = { v: 1, name: hb.name, lastPing };
    const due = new Date(deadline(hb, lastPing)).toISOString();
    return [
        heartbeatMarker(hb.name),
        `💓 \`${hb.name}\`: last ping ${utc(lastPing)} · expected every ${formatDuration(hb.period)} · late (an incident opens) after ${utc(due)}`,
        `<!-- incidentops:heartbeat-record:v1:${Buffer.from(JSON.stringify(record), 'utf8').toString('base64')} -->`,
    ].join('\n');
}
/** The body of the issue that holds the pings. */
function heartbeatsIssueBody() {
    return [
        HEARTBEATS_ISSUE_MARKER,
        'IncidentOps keeps the last ping of each heartbeat here, one comment each, and edits them on every ping. The scheduled sweep opens an incident when a heartbeat is late (docs/monitoring.md, Heartbeats).',
        '',
        'Please do not comment here, and do not close this issue: its comments are the record of the pings. Heartbeats are declared in `.github/incidents.yml` (`heartbeats:`).',
    ].join('\n');
}
/** When a heartbeat last pinged at `lastPing` counts as stopped: after period + grace (ms since epoch). */
function deadline(hb, lastPing) {
    return Date.parse(lastPing) + hb.period + hb.grace;
}
/** Whether a heartbeat is late at `now`: strictly after its last ping + period + grace. */
function heartbeatState(hb, lastPing, now) {
    if (lastPing === null)
        return { kind: 'waiting' };
    const d = deadline(hb, lastPing);
    const at = new Date(d).toISOString();
    return Date.parse(now) > d ? { kind: 'late', lastPing, deadline: at } : { kind: 'ok', lastPing, deadline: at };
}
/** Whether a ping at `now` needs a write: no record yet, or the recorded ping is at least PING_COALESCE_MS older. */
function pingNeedsWrite(stored, now) {
    return !stored || Date.parse(now) - Date.parse(stored.lastPing) >= PING_COALESCE_MS;
}
/**
 * The alert a late heartbeat raises (firing) or a ping after it sends (resolved): the same
 * NormalizedAlert every monitor's payload becomes, so dedup, repeat, reopen and resolve are shared.
 * The incident starts when the missed ping was due (last ping + period), not when it was noticed.
 */
function heartbeatAlert(hb, status, lastPing, now) {
    const due = new Date(Date.parse(lastPing) + hb.period).toISOString();
    return {
        status,
        key: heartbeatKey(hb.name),
        title: `Heartbeat ${hb.name} is late`,
        description: status === 'firing'
            ? `No ping since ${utc(lastPing)}. Expected every ${formatDuration(hb.period)}, with ${formatDuration(hb.grace)} of grace: late since ${utc(new Date(deadline(hb, lastPing)).toISOString())}. The next ping resolves this incident.`
            : `Pinged again at ${utc(now)}.`,
        service: hb.service,
        severity: hb.priority.toLowerCase(),
        labels: { heartbeat: hb.name },
        startsAt: status === 'firing' ? due : null,
        endsAt: status === 'resolved' ? now : null,
        source: 'heartbeat',
        links: [],
    };
}
// ---------------------------------------------------------------------------------------------
// The sweep's own heartbeat: kept in the description of the `incidentops/sweep-on` label (calm.ts),
// which every intake, alert and sweep run already reads with the repository's labels: watching it
// costs no request; recording it costs the sweep one label edit per run.
const STAMP_RE = /last run (\d{4}-\d\d-\d\dT\d\d:\d\dZ)/;
/** The label description that records the sweep's run at `now` (≤ 100 characters, GitHub's limit). */
function sweepStampDescription(now) {
    return `IncidentOps: the scheduled sweep is on; last run ${now.slice(0, 16)}Z. Deleted while calm.`;
}
/** The sweep's last recorded run from its label's description (null: none recorded). */
function sweepLastRun(description) {
    const m = STAMP_RE.exec(description ?? '');
    if (!m)
        return null;
    const t = Date.parse(m[1].replace('Z', ':00Z'));
    return Number.isNaN(t) ? null : new Date(t).toISOString();
}
/** Whether the sweep must record this run: nothing recorded, or the record is half an interval old or more. */
function sweepNeedsStamp(description, interval, now) {
    const last = sweepLastRun(description);
    return last === null || Date.parse(now) - Date.parse(last) >= Math.max(60_000, interval / 2);
}
/** How many intervals without a sweep run count as "stopped". */
const SWEEP_LATE_FACTOR = 3;
/** The hidden line in a card that says it carries the "sweep stopped" warning (the sweep clears it when it runs again). */
const SWEEP_LATE_MARKER = '<!-- incidentops:sweep-late -->';
/**
 * The sweep's last run when it is overdue at `now` (more than SWEEP_LATE_FACTOR × its interval
 * ago), else null. No label (the sweep sleeps on purpose, or never ran) or no record: not overdue.
 */
function sweepOverdue(label, interval, now) {
    if (!label || interval === null)
        return null;
    const last = sweepLastRun(label.description);
    if (last === null)
        return null;
    return Date.parse(now) - Date.parse(last) > SWEEP_LATE_FACTOR * interval ? last : null;
}
/**
 * The warning for the job summary and (behind SWEEP_LATE_MARKER) the card: stable for one last run,
 * so the card is not rewritten on every run while the sweep stays stopped.
 */
function sweepLateWarning(lastRun, interval) {
    return (`**The scheduled sweep has not run since ${utc(lastRun)}** (its schedule is every ${formatDuration(interval)}): progress reminders, escalations, auto-resolve and heartbeat checks are not being done. ` +
        'GitHub disables scheduled workflows after 60 days without repository activity and drops runs under load: check the sweep workflow in the Actions tab (enable it, or run it by hand).');
}
/**
 * What an intake, alert or heartbeat run says when the sweep is overdue: the card's warning (behind
 * SWEEP_LATE_MARKER, so the sweep clears it when it runs again) and the job summary's line. Nothing
 * when the sweep is on time, sleeps on purpose, or is not watched (`sweep.interval: off`).
 */
function sweepLateNotice(labels, interval, now) {
    const label = (labels ?? []).find((l) => l.name.toLowerCase() === SWEEP_ON_LABEL_NAME);
    const last = now ? sweepOverdue(label, interval, now) : null;
    if (last === null || interval === null)
        return { card: [], line: null };
    const text = sweepLateWarning(last, interval);
    return { card: [`${SWEEP_LATE_MARKER}${text}`], line: `⚠️ ${text}` };
}
/** The name of calm.ts's marker label (repeated here so this pure module needs no events import). */
const SWEEP_ON_LABEL_NAME = 'incidentops/sweep-on';

;// CONCATENATED MODULE: ./src/events/sweep.ts





/**
 * How long an incident without a card is left to its own intake run (which starts within seconds
 * of the label or the issue, and may be queued behind others) before the sweep adopts it.
 */
const ADOPT_AFTER_MS = 10 * 60_000;
/**
 * The scheduled sweep: one paginated read of every open incident (100 a page, with the cards),
 * a pure check of what is due for each, and writes only for those. Nothing due costs
 * ⌈N/100⌉ requests and no write. The write budget stops the run cleanly; the next run, of any
 * kind, picks up what was left, because everything is computed from timestamps.
 */
async function sweep(port, board, pages, config, opts, 
/** GitHub's clock when the run started: what is due is computed against it. */
now) {
    const result = {
        scanned: 0,
        due: 0,
        handled: [],
        left: [],
        adopted: [],
        waiting: [],
        applied: [],
        problems: [],
    };
    // One list for the whole run: labels one incident creates are not created again for the next.
    let repoLabels;
    let repositoryId = '';
    for await (const page of pages) {
        repoLabels ??= [...(page.repoLabels ?? [])];
        repositoryId ||= page.repositoryId;
        for (const incident of page.incidents) {
            result.scanned++;
            const card = findCard(incident.comments);
            const record = card ? decodeRecord(card.body) : null;
            if (!record) {
                // No card: labelled by hand, opened before the action was installed, or its intake run
                // failed. Nobody would be reminded or escalated, so the sweep adopts it (writes the card as
                // the intake run would, then does what is due), once its own intake run has had time to.
                if (Date.parse(now) - Date.parse(incident.updatedAt) < ADOPT_AFTER_MS) {
                    result.waiting.push(incident.number);
                    continue;
                }
            }
            else {
                // A dry check on a copy: most incidents have nothing due and cost nothing more.
                const probe = structuredClone(record);
                const pending = config.crisis.checklist.filter((c) => !tickedItems(card.body, config.crisis.checklist).has(c));
                const due = applyDue(probe, config, now, incident.assignees, pending);
                // A card still warning that the sweep had stopped is rewritten without it, now that it runs.
                if (due.replies.length === 0 &&
                    due.changes.length === 0 &&
                    !due.resolve &&
                    !card.body.includes(SWEEP_LATE_MARKER))
                    continue;
            }
            result.due++;
            if (opts.exec.remaining === 0) {
                result.left.push(incident.number);
                continue;
            }
            // With every comment at hand the once-markers are reliable; otherwise read the whole thread first.
            const ctx = incident.commentCount > incident.comments.length
                ? await port.loadIssueContext(incident.number, {})
                : { repositoryId, repoLabels: repoLabels, issue: incident };
            const r = await handleIncident(port, board, ctx, { kind: 'tick' }, config, {
                ...opts,
                now: () => opts.now() ?? now,
            });
            result.applied.push(...r.applied);
            result.problems.push(...r.problems);
            result.handled.push(incident.number);
            if (!record && r.decision.kind === 'incident')
                result.adopted.push(incident.number);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/events/heartbeats.ts







/**
 * A ping (`repository_dispatch` of type `heartbeat`, or the relay's `POST /heartbeat/<name>`):
 * records it in the heartbeat's comment, and when the heartbeat's incident is open and firing,
 * resolves it through the alert path (as a `resolved` alert does). Nothing changing state costs the
 * first page's read and one comment edit; a ping within a minute of the recorded one, only the read.
 * An unknown name writes nothing.
 */
async function handlePing(port, board, name, config, open, opts) {
    const hb = config.heartbeats.find((h) => h.name === name);
    if (!hb)
        return { outcome: 'unknown', resolved: null, applied: [], problems: [] };
    const now = opts.now();
    const store = readHeartbeats(open.first?.heartbeats);
    const stored = store.beats.get(name);
    const applied = [];
    const apply = async (effects, o = {}) => {
        const done = await opts.exec.apply(effects, o);
        applied.push(...done);
        return done;
    };
    const write = pingNeedsWrite(stored, now);
    if (write) {
        let issue = store.issue;
        if (issue === null) {
            // The first ping of the repository: the issue that will hold every heartbeat's comment.
            const have = (open.first?.repoLabels ?? []).some((l) => l.name.toLowerCase() === HEARTBEATS_LABEL.name);
            const done = await apply([
                ...(have ? [] : [{ kind: 'create-labels', labels: [HEARTBEATS_LABEL] }]),
                {
                    kind: 'create-issue',
                    title: 'IncidentOps heartbeats',
                    body: heartbeatsIssueBody(),
                    labels: [HEARTBEATS_LABEL.name],
                    marker: HEARTBEATS_ISSUE_MARKER,
                },
            ]);
            // In a dry run, the number the executor imagines for it (so the plan names the same issue).
            issue = createdBy(done.find((d) => d.kind === 'create-issue'))?.issue ?? null;
        }
        const body = heartbeatComment(hb, now);
        const mark = heartbeatMarker(hb.name);
        // Without the issue (a dry run, or the budget spent before it) the comment waits for it: planned in a dry run, skipped otherwise.
        await apply([
            stored
                ? { kind: 'update-comment', issue: issue ?? 0, commentId: stored.commentId, marker: mark, body }
                : { kind: 'create-comment', issue: issue ?? 0, marker: mark, body },
        ], { after: issue !== null });
    }
    // A late ping: its incident is open and still firing. Resolved as any `resolved` alert is.
    let resolved = null;
    const problems = [];
    if (open.incidents.some((i) => keyOf(i) === heartbeatKey(hb.name) && alertStatus(i) !== 'resolved')) {
        const r = await handleAlerts(port, board, [heartbeatAlert(hb, 'resolved', stored?.lastPing ?? now, now)], config, open, opts);
        applied.push(...r.applied);
        problems.push(...r.problems);
        resolved = r.outcomes[0] ?? null;
    }
    return { outcome: write ? 'recorded' : 'coalesced', resolved, applied, problems };
}
/** An alert incident's status from its record (null before its card exists). */
function alertStatus(i) {
    const card = findCard(i.comments);
    return (card ? decodeRecord(card.body) : null)?.alert?.status ?? null;
}
/**
 * Whether an incident of this heartbeat already speaks for the lateness that started at `deadline`:
 * its alert fired (opened, or fired again) at or after it. Then nothing more is done until the next
 * ping, even if a person closed the incident meanwhile: the sweep does not reopen what people closed.
 */
function alertedSince(i, deadline) {
    const card = findCard(i.comments);
    const r = card ? decodeRecord(card.body) : null;
    const last = r?.alert?.lastSeen ?? i.createdAt;
    return Date.parse(last) >= Date.parse(deadline);
}
/**
 * The sweep's check of every configured heartbeat: one that is late (now > last ping + period +
 * grace) and whose lateness no incident speaks for yet raises a firing alert `heartbeat:<name>`,
 * which opens an incident, or fires its incident again (reopening it within the reopen window).
 * Costs nothing beyond the sweep's own read, except one read of recently closed incidents when a
 * late heartbeat has no open incident.
 */
async function watchHeartbeats(port, board, config, open, opts) {
    const out = { lines: [], alerted: [], applied: [], problems: [] };
    if (config.heartbeats.length === 0)
        return out;
    const now = opts.now();
    const store = readHeartbeats(open.first?.heartbeats);
    const late = [];
    for (const hb of config.heartbeats) {
        const st = heartbeatState(hb, store.beats.get(hb.name)?.lastPing ?? null, now);
        if (st.kind === 'waiting')
            out.lines.push(`Heartbeat ${(0,markdown/* code */.aY)(hb.name, 70)}: no ping yet (watched from its first ping).`);
        else if (st.kind === 'late')
            late.push({ hb, lastPing: st.lastPing, deadline: st.deadline });
    }
    let closed = null;
    const earliest = late.map((l) => l.deadline).sort()[0];
    for (const { hb, lastPing, deadline } of late) {
        const key = heartbeatKey(hb.name);
        const name = (0,markdown/* code */.aY)(hb.name, 70);
        const mine = open.incidents.filter((i) => keyOf(i) === key).sort((a, b) => a.number - b.number);
        const speaking = mine.find((i) => alertedSince(i, deadline));
        if (speaking) {
            out.lines.push(`Heartbeat ${name}: late since ${utc(deadline)} (no ping since ${utc(lastPing)}): incident #${speaking.number}.`);
            continue;
        }
        if (mine.length === 0) {
            closed ??= await closedSince(port, config, earliest);
            const shut = closed
                .filter((i) => keyOf(i) === key && alertedSince(i, deadline))
                .sort((a, b) => b.number - a.number)[0];
            if (shut) {
                out.lines.push(`Heartbeat ${name}: late since ${utc(deadline)}; its incident #${shut.number} was closed while it was still late: nothing more until its next ping.`);
                continue;
            }
        }
        const r = await handleAlerts(port, board, [heartbeatAlert(hb, 'firing', lastPing, now)], config, open, opts);
        out.applied.push(...r.applied);
        out.problems.push(...r.problems);
        const o = r.outcomes[0];
        if (o) {
            out.alerted.push(o);
            out.lines.push(`Heartbeat ${name}: late since ${utc(deadline)} (no ping since ${utc(lastPing)}): ${o.incident !== null ? `incident #${o.incident} ${o.what}` : `no incident (${o.note ?? o.outcome})`}.`);
        }
    }
    return out;
}
async function closedSince(port, config, since) {
    const out = [];
    for await (const p of port.incidentPages({ label: config.labels.incident, states: ['CLOSED'], since }))
        out.push(...p.incidents);
    return out;
}
/**
 * The sweep records that it ran, in the description of its `incidentops/sweep-on` label (created
 * when missing), so that every other run can tell when scheduled runs have stopped. At most one
 * label write per run, none when the record is under half an interval old (a re-run).
 */
async function stampSweep(labels, config, now, exec) {
    const interval = config.sweep.interval;
    if (interval === null)
        return [];
    const label = labels.find((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name);
    const description = sweepStampDescription(now);
    const effects = !label
        ? [{ kind: 'create-labels', labels: [{ ...SWEEP_ON_LABEL, description }] }]
        : sweepNeedsStamp(label.description, interval, now)
            ? [{ kind: 'update-label', name: SWEEP_ON_LABEL.name, description, why: 'the sweep ran' }]
            : [];
    return exec.apply(effects);
}

;// CONCATENATED MODULE: ./src/alerts/schema.ts
/**
 * The alert payload IncidentOps accepts through `repository_dispatch`, version 1.
 *
 * Everything lives under ONE top-level key of `client_payload`, `incidentops`, because GitHub
 * allows at most 10 top-level properties and about 64 KB in total (REST "Create a repository
 * dispatch event", as typed in @octokit/openapi-types). Other top-level keys are ignored.
 *
 *     client_payload.incidentops = {
 *       version: 1,                       // optional; when present it must be 1
 *       alerts: [Alert, …] | Alert,       // our own schema (or `alert: Alert`)
 *     }
 *   or exactly one native body from a monitor:
 *       { alertmanager: <Alertmanager webhook body, version "4"> }
 *       { grafana: <Grafana alerting webhook body> }
 *       { datadog: <the Datadog custom payload documented in docs/monitoring.md> }
 *       { "uptime-kuma": <Uptime Kuma's webhook JSON: { heartbeat, monitor, msg }> }
 *       { pagerduty: <a PagerDuty Events API v2 body: trigger, acknowledge, resolve, or a change event> }
 *
 * docs/monitoring.md is the user-facing reference; keep the two in step.
 */
const ALERT_STATUSES = ['firing', 'resolved'];
/** The event types a dispatch may carry unless configured otherwise. */
const DEFAULT_EVENT_TYPES = ['alert', 'incident'];
/** The top-level key of `client_payload` that holds everything of ours. */
const PAYLOAD_KEY = 'incidentops';
const SCHEMA_VERSION = 1;
/** The native bodies accepted inside `client_payload.incidentops`, by key. */
const NATIVE_SOURCES = ['alertmanager', 'grafana', 'datadog', 'uptime-kuma', 'pagerduty'];
const LIMITS = {
    alerts: 100,
    key: 200,
    title: 256,
    description: 4000,
    labels: 50,
    labelKey: 100,
    labelValue: 500,
    service: 40,
    severity: 40,
    source: 40,
    links: 10,
    link: 2000,
    /** Any single input string longer than this is refused outright rather than truncated. */
    rawString: 65_536,
};
/**
 * A dedup key we accept as given: ASCII letters, digits and `. _ : / = + -`, starting with a letter
 * or digit. It goes into labels-free places (the card's record, search) so it must be boring.
 */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,199}$/;
/** A label name: what Prometheus, Grafana and Datadog tag keys use. `__`-prefixed names are reserved. */
const LABEL_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,99}$/;
/** The fields of an alert object in our schema; any other key is a mistake we report. */
const GENERIC_ALERT_FIELDS = [
    'status',
    'key',
    'title',
    'description',
    'service',
    'severity',
    'labels',
    'startsAt',
    'endsAt',
    'source',
    'links',
];

;// CONCATENATED MODULE: ./src/alerts/text.ts
/**
 * Reading untrusted JSON field by field: each helper names the field's path in its error, says what
 * was expected and what it found, and returns text that is safe to quote back in an issue.
 */





const text_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** How a value looks in an error message: `"fire"`, `3`, `null`, `missing`, `an array`, `an object`. */
function text_describe(v) {
    if (v === undefined)
        return 'missing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string') {
        const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
        // The message may be echoed in a job summary: keep it inert too.
        return (0,markdown/* neutralizeMarkers */.lW)((0,markdown/* neutralizeMentions */.tI)(JSON.stringify(shown)));
    }
    return String(v);
}
/** `client_payload.incidentops.alerts[2].status must be "firing" or "resolved"; it is "fire".` */
function fail(path, expected, actual) {
    throw new errors/* PayloadError */.tG(`${path} ${expected}; it is ${text_describe(actual)}.`);
}
function field(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
/** Drops control characters (keeps \n and \t, which the callers fold as they need). */
function stripControls(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}
/** Cuts to at most `max` UTF-16 units on a code point boundary, ending with `…` when it cut. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let out = '';
    for (const ch of text) {
        if (out.length + ch.length > max - 1)
            break;
        out += ch;
    }
    return `${out}…`;
}
/** Mentions, our markers and references defused; the one pipeline every output string goes through. */
function defuse(text) {
    return (0,markdown/* neutralizeMarkers */.lW)((0,markdown/* neutralizeMentions */.tI)((0,markdown/* neutralizeReferences */.Ip)(text)));
}
/** One line of plain text (a title, a label value): controls gone, whitespace folded, defused, clipped. */
function plainLine(text, max) {
    return clip(defuse(stripControls(text).replace(/\s+/g, ' ').trim()), max);
}
/**
 * Several lines of text (a description): HTML cannot open (`<` `>` become entities, as quote() does),
 * images cannot embed trackers (`![` is escaped), mentions, references and markers are defused.
 */
function multiline(text, max) {
    let t = stripControls(text.replace(/\r\n?/g, '\n'))
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    if (!t)
        return null;
    t = t.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/!\[/g, '!\\[');
    return clip(defuse(t), max);
}
/** A string field: the right type and not absurdly long (GitHub caps the whole payload at 64 KB anyway). */
function str(v, path) {
    if (typeof v !== 'string')
        fail(path, 'must be a string', v);
    if (v.length > LIMITS.rawString)
        throw new errors/* PayloadError */.tG(`${path} must be at most ${LIMITS.rawString} characters; it has ${v.length}.`);
    return v;
}
function optStr(v, path) {
    if (v === undefined || v === null)
        return null;
    return str(v, path);
}
/** A non-empty one-line text field. */
function requiredLine(v, path, max) {
    const s = str(v, path);
    const line = plainLine(s, max);
    if (!line)
        fail(path, 'must be a non-empty string', v);
    return line;
}
/** Text as a slug (`Checkout API` → `checkout-api`) bounded to `max`; null when nothing is left. */
function slugOrNull(v, max) {
    if (!v)
        return null;
    const s = slug(stripControls(v)).slice(0, max).replace(/-+$/, '');
    return s || null;
}
/** A short, stable, safe key from arbitrary text (for derived keys whose raw form is not KEY_PATTERN). */
function hashKey(prefix, ...parts) {
    return `${prefix}:${(0,external_node_crypto_.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
}
/**
 * A derived key: `prefix:raw` when raw is boring (hex fingerprints, numeric ids), else hashed, so
 * that whatever a monitor sends we dedup on something safe and ≤ 200 characters.
 */
function derivedKey(prefix, raw) {
    const candidate = `${prefix}:${raw}`;
    return /^[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,199}$/.test(candidate) && !/incidentops:/i.test(raw)
        ? candidate
        : hashKey(prefix, raw);
}
/** Go's zero time, which Alertmanager and Grafana send for "not set". */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * An ISO 8601 time to `toISOString()`. `assumeUtc` reads a time without a zone as UTC (Uptime Kuma's
 * `YYYY-MM-DD HH:mm:ss.SSS`); otherwise a zone is required, since a local time is ambiguous.
 */
function isoTime(v, path, opts = {}) {
    if (v === undefined || v === null || v === '')
        return null;
    const s = str(v, path).trim();
    if (GO_ZERO_TIME.test(s))
        return null;
    const m = ISO.exec(s);
    if (!m)
        fail(path, 'must be an ISO 8601 time such as "2024-05-01T12:00:00Z"', v);
    if (!m[8] && !opts.assumeUtc)
        fail(path, 'must be an ISO 8601 time with a timezone (Z or ±hh:mm)', v);
    const frac = m[7] ? `.${m[7].slice(0, 3).padEnd(3, '0')}` : '';
    let zone = m[8] ? m[8].toUpperCase() : 'Z';
    if (/^[+-]\d{2}$/.test(zone))
        zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone))
        zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const [, y, mo, d, h, mi, sec] = m;
    const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${frac}${zone}`);
    // Date.parse rolls 2024-02-31 over into March; a calendar check catches it.
    const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (!Number.isFinite(t) ||
        day.getUTCMonth() !== Number(mo) - 1 ||
        Number(h) > 23 ||
        Number(mi) > 59 ||
        Number(sec ?? 0) > 59)
        fail(path, 'must be a valid date and time', v);
    const year = new Date(t).getUTCFullYear();
    if (year < 1970 || year > 9999)
        fail(path, 'must be a time between 1970 and 9999', v);
    return new Date(t).toISOString();
}
/**
 * A link we are willing to print: http(s), no credentials, `@` percent-encoded (so it never reads
 * as a mention), at most LIMITS.link long. Returns null for anything else.
 */
function text_safeLink(v) {
    if (typeof v !== 'string' || !v.trim() || v.length > LIMITS.link)
        return null;
    let u;
    try {
        u = new URL(v.trim());
    }
    catch {
        return null;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        return null;
    if (u.username || u.password)
        return null;
    const href = u.href.replace(/@/g, '%40');
    if (href.length > LIMITS.link || /<!--|incidentops:/i.test(href))
        return null;
    return href;
}
/** Adds links in order, dropping unsafe ones and duplicates, up to LIMITS.links. */
function collectLinks(candidates) {
    const out = [];
    for (const c of candidates) {
        const l = text_safeLink(c);
        if (l && !out.includes(l))
            out.push(l);
        if (out.length >= LIMITS.links)
            break;
    }
    return out;
}
/**
 * Labels from a native body: string values only, reserved (`__`) and odd names skipped, values
 * neutralised, at most LIMITS.labels (in key order, so the cut is stable).
 */
function lenientLabels(...sources) {
    const merged = new Map();
    for (const src of sources) {
        if (!text_isObj(src))
            continue;
        for (const [k, v] of Object.entries(src)) {
            if (k.startsWith('__') || !/^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,99}$/.test(k))
                continue;
            if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
                continue;
            const value = plainLine(String(v).slice(0, LIMITS.rawString), LIMITS.labelValue);
            merged.set(k, value);
        }
    }
    const keys = [...merged.keys()].sort().slice(0, LIMITS.labels);
    return Object.fromEntries(keys.map((k) => [k, merged.get(k)]));
}

;// CONCATENATED MODULE: ./src/alerts/generic.ts
/** Our own alert schema (version 1): strict, because the sender writes it by hand or by template. */



function generic_status(v, path) {
    if (typeof v !== 'string' || !ALERT_STATUSES.includes(v))
        fail(path, 'must be "firing" or "resolved"', v);
    return v;
}
function key(v, path) {
    if (v === undefined || v === null)
        return null;
    const s = str(v, path);
    if (!KEY_PATTERN.test(s))
        fail(path, `must be 1 to ${LIMITS.key} characters of letters, digits and . _ : / = + - (starting with a letter or digit)`, v);
    if (/incidentops:/i.test(s))
        fail(path, 'must not contain "incidentops:" (reserved for our hidden markers)', v);
    return s;
}
function labels(v, path) {
    if (v === undefined || v === null)
        return {};
    if (!text_isObj(v))
        fail(path, 'must be an object of string values', v);
    const entries = Object.entries(v);
    if (entries.length > LIMITS.labels)
        throw new errors/* PayloadError */.tG(`${path} must have at most ${LIMITS.labels} labels; it has ${entries.length}.`);
    const out = {};
    for (const [k, raw] of entries) {
        if (!LABEL_KEY_PATTERN.test(k) || k.startsWith('__'))
            throw new errors/* PayloadError */.tG(`${path} has a label named ${text_describe(k)}: label names must be 1 to ${LIMITS.labelKey} characters of letters, digits and _ . - / and must not start with "__".`);
        const value = str(raw, field(path, k));
        Object.defineProperty(out, k, {
            value: plainLine(value, LIMITS.labelValue),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}
function links(v, path) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        fail(path, 'must be an array of http(s) URLs', v);
    if (v.length > LIMITS.links)
        throw new errors/* PayloadError */.tG(`${path} must have at most ${LIMITS.links} links; it has ${v.length}.`);
    v.forEach((l, i) => {
        if (typeof l !== 'string' || text_safeLink(l) === null)
            fail(field(path, i), 'must be an http(s) URL without credentials', l);
    });
    return collectLinks(v);
}
/** One alert object of our schema. Unknown fields are reported: a typo must not silently drop data. */
function genericAlert(v, path) {
    if (!text_isObj(v))
        fail(path, 'must be an alert object', v);
    for (const k of Object.keys(v)) {
        if (!GENERIC_ALERT_FIELDS.includes(k))
            throw new errors/* PayloadError */.tG(`${field(path, k)} is not a field of an alert; the fields are ${GENERIC_ALERT_FIELDS.join(', ')}.`);
    }
    const st = generic_status(v.status, field(path, 'status'));
    const title = requiredLine(v.title, field(path, 'title'), LIMITS.title);
    const description = optStr(v.description, field(path, 'description'));
    const serviceRaw = optStr(v.service, field(path, 'service'));
    const severityRaw = optStr(v.severity, field(path, 'severity'));
    const sourceRaw = optStr(v.source, field(path, 'source'));
    const source = sourceRaw === null ? 'generic' : slugOrNull(sourceRaw, LIMITS.source);
    if (source === null)
        fail(field(path, 'source'), 'must contain letters or digits (it becomes a `source/<name>` label)', v.source);
    // A derived key is `<source>:<hash>`: a source named after us would make it read like one of our markers.
    if (source.endsWith('incidentops'))
        fail(field(path, 'source'), 'must not end in "incidentops" (reserved for our hidden markers); name the monitor that sent the alert', v.source);
    const service = slugOrNull(serviceRaw, LIMITS.service);
    return {
        status: st,
        // Without a key, the same source+service+title dedups together: what a human would expect.
        key: key(v.key, field(path, 'key')) ?? hashKey(source, service ?? '', title),
        title,
        description: description === null ? null : multiline(description, LIMITS.description),
        service,
        severity: slugOrNull(severityRaw, LIMITS.severity),
        labels: labels(v.labels, field(path, 'labels')),
        startsAt: isoTime(v.startsAt, field(path, 'startsAt')),
        endsAt: isoTime(v.endsAt, field(path, 'endsAt')),
        source,
        links: links(v.links, field(path, 'links')),
    };
}

;// CONCATENATED MODULE: ./src/alerts/alertmanager.ts
/**
 * Prometheus Alertmanager's webhook body (version "4") and Grafana's unified-alerting webhook body,
 * which is the same shape with a few additions.
 *
 * Shapes relied on:
 * - Alertmanager: https://prometheus.io/docs/alerting/latest/configuration/#webhook_config — `version`
 *   "4", `groupKey`, `truncatedAlerts`, `status`, `receiver`, `groupLabels`, `commonLabels`,
 *   `commonAnnotations`, `externalURL`, `alerts[]` of { status, labels, annotations, startsAt, endsAt,
 *   generatorURL, fingerprint }; `endsAt` "0001-01-01T00:00:00Z" means unset (Go's zero time).
 * - Grafana: https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
 *   — adds `orgId`, `title`, `state` ("alerting" | "ok"), `message`, and per alert `fingerprint`,
 *   `silenceURL`, `dashboardURL`, `panelURL`, `imageURL`, `values`; its `version` is "1".
 *   Legacy (pre-unified) Grafana alerting bodies (`ruleName`, `evalMatches`, no `alerts`) are refused.
 */




function stringMap(v, path) {
    if (v === undefined || v === null)
        return {};
    if (!text_isObj(v))
        fail(path, 'must be an object of strings', v);
    return v;
}
const alertmanager_text = (v) => (typeof v === 'string' && v.trim() ? v.slice(0, LIMITS.rawString) : null);
function oneAlert(a, path, body, flavour) {
    if (!text_isObj(a))
        fail(path, 'must be an alert object', a);
    const st = generic_status(a.status, field(path, 'status'));
    const labelsIn = stringMap(a.labels, field(path, 'labels'));
    const ann = stringMap(a.annotations, field(path, 'annotations'));
    const labels = lenientLabels(labelsIn);
    if (a.fingerprint !== undefined && (typeof a.fingerprint !== 'string' || !a.fingerprint))
        fail(field(path, 'fingerprint'), 'must be a non-empty string', a.fingerprint);
    // Alertmanager added `fingerprint` in 0.19; before that, the sorted label set is the identity it stands for.
    const fp = typeof a.fingerprint === 'string'
        ? derivedKey(flavour, a.fingerprint)
        : hashKey(flavour, ...Object.keys(labelsIn)
            .sort()
            .map((k) => `${k}=${String(labelsIn[k])}`));
    const titleText = alertmanager_text(ann.summary) ??
        alertmanager_text(labelsIn.alertname) ??
        (flavour === 'grafana' ? alertmanager_text(body.title) : null) ??
        `${flavour === 'grafana' ? 'Grafana' : 'Alertmanager'} alert`;
    const descText = alertmanager_text(ann.description) ?? alertmanager_text(ann.message) ?? (flavour === 'grafana' ? alertmanager_text(body.message) : null);
    const startsAt = isoTime(a.startsAt, field(path, 'startsAt'));
    const endsAt = isoTime(a.endsAt, field(path, 'endsAt'));
    return {
        status: st,
        key: fp,
        title: plainLine(titleText, LIMITS.title) || 'Alert',
        description: descText === null ? null : multiline(descText, LIMITS.description),
        service: slugOrNull(alertmanager_text(labelsIn.service) ?? alertmanager_text(labelsIn.service_name) ?? alertmanager_text(labelsIn.app), LIMITS.service),
        severity: slugOrNull(alertmanager_text(labelsIn.severity) ?? alertmanager_text(labelsIn.priority), LIMITS.severity),
        labels,
        startsAt,
        // A firing alert's endsAt is Alertmanager's expiry estimate, not an end: only a resolved one has ended.
        endsAt: st === 'resolved' ? endsAt : null,
        source: flavour,
        links: collectLinks([
            a.generatorURL,
            ann.runbook_url,
            ann.runbook,
            ann.dashboard,
            ...(flavour === 'grafana' ? [a.dashboardURL, a.panelURL, a.silenceURL] : []),
        ]),
    };
}
/** An Alertmanager (or Grafana) group: one NormalizedAlert per alert, each with its own status and key. */
function prometheusStyle(body, path, flavour) {
    if (!text_isObj(body))
        fail(path, `must be the ${flavour === 'grafana' ? 'Grafana' : 'Alertmanager'} webhook body (a JSON object)`, body);
    if (flavour === 'alertmanager' && body.version !== undefined && body.version !== '4')
        fail(field(path, 'version'), 'must be "4" (the Alertmanager webhook payload version this adapter reads)', body.version);
    if (flavour === 'grafana' &&
        body.alerts === undefined &&
        (body.ruleName !== undefined || body.evalMatches !== undefined))
        throw new errors/* PayloadError */.tG(`${path} is a legacy Grafana alerting body (ruleName/evalMatches); use Grafana's unified alerting webhook, which sends \`alerts\`.`);
    const alerts = body.alerts;
    if (!Array.isArray(alerts))
        fail(field(path, 'alerts'), 'must be an array of alerts', alerts);
    if (alerts.length === 0)
        fail(field(path, 'alerts'), 'must contain at least one alert', alerts);
    if (alerts.length > LIMITS.alerts)
        throw new errors/* PayloadError */.tG(`${field(path, 'alerts')} must have at most ${LIMITS.alerts} alerts; it has ${alerts.length} (set max_alerts on the receiver).`);
    if (body.status !== undefined && body.status !== 'firing' && body.status !== 'resolved')
        fail(field(path, 'status'), 'must be "firing" or "resolved"', body.status);
    return alerts.map((a, i) => oneAlert(a, field(field(path, 'alerts'), i), body, flavour));
}

;// CONCATENATED MODULE: ./src/alerts/datadog.ts
/**
 * Datadog's webhook integration has no fixed body: the user writes a JSON template with `$VARIABLES`
 * (https://docs.datadoghq.com/integrations/webhooks/). We document one template (docs/monitoring.md,
 * examples/monitoring/datadog-webhook.json) and read exactly its fields:
 *
 *   { "alert_id": "$ALERT_ID", "aggreg_key": "$AGGREG_KEY", "transition": "$ALERT_TRANSITION",
 *     "title": "$EVENT_TITLE", "message": "$EVENT_MSG", "date": "$DATE", "tags": "$TAGS",
 *     "link": "$LINK", "priority": "$ALERT_PRIORITY" }
 *
 * `$ALERT_TRANSITION` is one of Triggered/Re-Triggered, Warn/Re-Warn, No Data/Re-No Data, Renotify,
 * Recovered; `$DATE` is epoch milliseconds (e.g. 1406662672000); `$TAGS` is comma-separated
 * `key:value` tags. A variable Datadog could not fill may arrive empty or as its literal `$NAME`.
 */



const DATADOG_FIELDS = [
    'alert_id',
    'aggreg_key',
    'transition',
    'title',
    'message',
    'date',
    'tags',
    'link',
    'priority',
];
const FIRING = ['triggered', 're-triggered', 'warn', 're-warn', 'no data', 're-no data', 'renotify'];
const RESOLVED = ['recovered'];
/** A template variable's value, or null when Datadog left it empty or unsubstituted (`$ALERT_PRIORITY`). */
function filled(v, path) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'number' && Number.isFinite(v))
        return String(v);
    const s = str(v, path).trim();
    if (!s || /^\$[A-Z_]+$/.test(s))
        return null;
    return s;
}
/** `$DATE`: epoch milliseconds (or seconds), as a number or a string; an ISO time is accepted too. */
function datadog_date(v, path) {
    const s = filled(v, path);
    if (s === null)
        return null;
    if (/^\d{9,13}$/.test(s)) {
        const n = Number(s);
        const ms = s.length <= 10 ? n * 1000 : n;
        return new Date(ms).toISOString();
    }
    return isoTime(s, path);
}
/** `$TAGS`: "env:prod,service:checkout,monitor" → { env: 'prod', service: 'checkout', monitor: 'true' }. */
function tags(s) {
    if (!s)
        return {};
    const out = {};
    for (const part of s.split(',')) {
        const t = part.trim();
        if (!t)
            continue;
        const i = t.indexOf(':');
        const k = (i < 0 ? t : t.slice(0, i)).trim();
        const v = i < 0 ? 'true' : t.slice(i + 1).trim();
        out[k] = out[k] && out[k] !== v ? `${out[k]},${v}` : v;
    }
    return out;
}
function datadog(body, path) {
    if (!text_isObj(body))
        fail(path, 'must be the Datadog webhook payload (an object; see docs/monitoring.md)', body);
    for (const k of Object.keys(body)) {
        if (!DATADOG_FIELDS.includes(k))
            throw new errors/* PayloadError */.tG(`${field(path, k)} is not a field of the Datadog payload; the fields are ${DATADOG_FIELDS.join(', ')}.`);
    }
    const transition = filled(body.transition, field(path, 'transition'));
    const t = transition?.toLowerCase().replace(/_/g, ' ') ?? '';
    if (!FIRING.includes(t) && !RESOLVED.includes(t))
        fail(field(path, 'transition'), 'must be a Datadog $ALERT_TRANSITION: Triggered, Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify or Recovered', body.transition);
    const resolved = RESOLVED.includes(t);
    const aggreg = filled(body.aggreg_key, field(path, 'aggreg_key'));
    const alertId = filled(body.alert_id, field(path, 'alert_id'));
    if (!aggreg && !alertId)
        fail(field(path, 'aggreg_key'), 'must be set ($AGGREG_KEY), or alert_id ($ALERT_ID) must be', body.aggreg_key);
    const rawTitle = filled(body.title, field(path, 'title'));
    if (!rawTitle)
        fail(field(path, 'title'), 'must be a non-empty string ($EVENT_TITLE)', body.title);
    // "[Triggered] [P1] High CPU" → "[P1] High CPU": the transition is already the status.
    // A title of nothing but control characters is still an alert: never an empty issue title.
    const title = plainLine(rawTitle.replace(/^\s*\[(re-)?(triggered|recovered|warn|no data|renotify)\]\s*/i, ''), LIMITS.title) ||
        plainLine(rawTitle, LIMITS.title) ||
        'Datadog alert';
    const message = filled(body.message, field(path, 'message'));
    const when = datadog_date(body.date, field(path, 'date'));
    const tagMap = tags(filled(body.tags, field(path, 'tags')));
    const priority = filled(body.priority, field(path, 'priority'));
    const labels = lenientLabels(tagMap, priority ? { priority } : {}, alertId ? { monitor_id: alertId } : {});
    return [
        {
            status: resolved ? 'resolved' : 'firing',
            key: aggreg ? derivedKey('datadog', aggreg) : derivedKey('datadog', `monitor-${alertId}`),
            title,
            description: message === null ? null : multiline(message.replace(/^%%%\s*|\s*%%%$/g, ''), LIMITS.description),
            service: slugOrNull(tagMap.service ?? null, LIMITS.service),
            severity: slugOrNull(tagMap.severity ?? priority ?? (t.includes('warn') ? 'warning' : null), LIMITS.severity),
            labels,
            startsAt: resolved ? null : when,
            endsAt: resolved ? when : null,
            source: 'datadog',
            links: collectLinks([filled(body.link, field(path, 'link'))]),
        },
    ];
}

;// CONCATENATED MODULE: ./src/alerts/uptime-kuma.ts
/**
 * Uptime Kuma's webhook notification. Its default JSON body is `{ heartbeat, monitor, msg }`
 * (server/notification-providers/webhook.js); with "Custom Body" the same objects are available to
 * the Liquid template as `heartbeatJSON`, `monitorJSON` and `msg` (notification-provider.js
 * renderTemplate), so our recipe embeds them with `| json`.
 *
 * heartbeat (server/model/heartbeat.js toJSON): { monitorID, status, time, msg, ping, important,
 * duration, … } with status 0 = DOWN, 1 = UP, 2 = PENDING, 3 = MAINTENANCE, and `time` as
 * "YYYY-MM-DD HH:mm:ss.SSS" in UTC. monitor: { id, name, url, type, hostname, … }.
 * The "Test" button sends `heartbeat: null, monitor: null`.
 */



const STATUS_NAMES = { 0: 'down', 1: 'up', 2: 'pending', 3: 'maintenance' };
function uptimeKuma(body, path) {
    if (!text_isObj(body))
        fail(path, 'must be the Uptime Kuma webhook body { heartbeat, monitor, msg }', body);
    const hb = body.heartbeat;
    const mon = body.monitor;
    // The Test button sends no heartbeat and no monitor; through our Liquid recipe they arrive as
    // objects of nulls instead.
    const blank = (o, ...keys) => o === null || o === undefined || (text_isObj(o) && keys.every((k) => o[k] === null || o[k] === undefined));
    if (blank(hb, 'status', 'monitorID') && blank(mon, 'id'))
        throw new errors/* PayloadError */.tG(`${path}.heartbeat is null: this is Uptime Kuma's test notification, which carries no monitor; nothing to do.`);
    if (!text_isObj(hb))
        fail(field(path, 'heartbeat'), 'must be the heartbeat object', hb);
    if (!text_isObj(mon))
        fail(field(path, 'monitor'), 'must be the monitor object', mon);
    const st = hb.status;
    if (st !== 0 && st !== 1)
        fail(field(field(path, 'heartbeat'), 'status'), `must be 0 (down) or 1 (up)${typeof st === 'number' && STATUS_NAMES[st] ? ` — ${STATUS_NAMES[st]} is not an alert` : ''}`, st);
    const id = mon.id ?? hb.monitorID;
    if (!((typeof id === 'number' && Number.isInteger(id)) || (typeof id === 'string' && id.trim())))
        fail(field(field(path, 'monitor'), 'id'), 'must be the monitor id (a number)', id);
    const name = typeof mon.name === 'string' && mon.name.trim() ? mon.name.slice(0, LIMITS.rawString) : `monitor ${String(id)}`;
    const down = st === 0;
    const detail = typeof hb.msg === 'string' && hb.msg.trim() ? hb.msg : typeof body.msg === 'string' ? body.msg : null;
    const time = isoTime(hb.time, field(field(path, 'heartbeat'), 'time'), { assumeUtc: true });
    return [
        {
            status: down ? 'firing' : 'resolved',
            key: derivedKey('uptime-kuma', String(id)),
            title: plainLine(`${name} is ${down ? 'down' : 'up'}`, LIMITS.title),
            description: detail === null ? null : multiline(detail.slice(0, LIMITS.rawString), LIMITS.description),
            service: slugOrNull(name, LIMITS.service),
            severity: null,
            labels: lenientLabels({ monitor: name, monitor_type: mon.type }),
            startsAt: down ? time : null,
            endsAt: down ? null : time,
            source: 'uptime-kuma',
            links: collectLinks([mon.url]),
        },
    ];
}

;// CONCATENATED MODULE: ./src/alerts/pagerduty.ts
/**
 * PagerDuty Events API v2 bodies, so that anything that can page PagerDuty can page us
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ and the acknowledge, resolve
 * and change-event pages beside it). Under `client_payload.incidentops.pagerduty`, or POSTed to the
 * relay's `/v2/enqueue` (alert events) and `/v2/change/enqueue` (change events).
 *
 * Alert events:
 *   { routing_key, event_action: "trigger" | "acknowledge" | "resolve", dedup_key (≤ 255),
 *     payload: { summary, source, severity: critical|error|warning|info, timestamp, component,
 *                group, class, custom_details }, images: [{ src, href, alt }],
 *     links: [{ href, text }], client, client_url }
 * `payload` is required for a trigger only; `dedup_key` for acknowledge and resolve. A trigger
 * without `dedup_key` dedups on its source, component and summary (PagerDuty would make a new alert
 * each time; one incident per distinct problem is what a GitHub thread needs).
 * Change events: { routing_key, payload: { summary, timestamp, source, custom_details }, links }.
 * The routing key is never kept or echoed: it is the sender's credential.
 */


const PAGERDUTY_ACTIONS = ['trigger', 'acknowledge', 'resolve'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];
/** PagerDuty's limits: dedup_key 255 characters, summary 1,024. */
const DEDUP_MAX = 255;
const SUMMARY_MAX = 1024;
const BODY_FIELDS = ['routing_key', 'event_action', 'dedup_key', 'payload', 'images', 'links', 'client', 'client_url'];
const PAYLOAD_FIELDS = ['summary', 'source', 'severity', 'timestamp', 'component', 'group', 'class', 'custom_details'];
/** True when the body is a change event (PagerDuty's change events have no `event_action`). */
function isChangeEvent(body) {
    return text_isObj(body) && body.event_action === undefined && text_isObj(body.payload);
}
function unknownKeys(o, allowed, path) {
    for (const k of Object.keys(o))
        if (!allowed.includes(k))
            fail(field(path, k), `is not a PagerDuty Events v2 field (${allowed.join(', ')})`, o[k]);
}
/** custom_details (any JSON) as readable `key: value` lines. */
function details(v, path) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'string')
        return multiline(str(v, path), LIMITS.description);
    const flat = text_isObj(v)
        ? Object.entries(v).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
        : [JSON.stringify(v)];
    return multiline(flat.join('\n').slice(0, LIMITS.rawString), LIMITS.description);
}
/** Links and images, as links only: an image is never embedded (its `src` and `href` become links). */
function pagerduty_linksOf(body, path) {
    const out = [];
    if (body.links !== undefined) {
        if (!Array.isArray(body.links))
            fail(field(path, 'links'), 'must be an array of { href, text }', body.links);
        for (const l of body.links)
            if (text_isObj(l))
                out.push(l.href);
    }
    if (body.images !== undefined) {
        if (!Array.isArray(body.images))
            fail(field(path, 'images'), 'must be an array of { src, href, alt }', body.images);
        for (const i of body.images)
            if (text_isObj(i))
                out.push(i.href, i.src);
    }
    if (typeof body.client_url === 'string')
        out.push(body.client_url);
    return collectLinks(out);
}
/**
 * One PagerDuty Events v2 alert event as an alert: trigger → firing, acknowledge → acknowledged
 * (Triage → Investigating, counted as the acknowledgement), resolve → resolved.
 *
 * @throws PayloadError naming the field (`client_payload.incidentops.pagerduty.payload.severity …`)
 */
function pagerDuty(body, path) {
    if (!text_isObj(body))
        fail(path, 'must be a PagerDuty Events v2 body (an object with event_action)', body);
    unknownKeys(body, BODY_FIELDS, path);
    const action = body.event_action;
    if (typeof action !== 'string' || !PAGERDUTY_ACTIONS.includes(action))
        fail(field(path, 'event_action'), 'must be "trigger", "acknowledge" or "resolve" (a change event has no event_action and a payload)', action);
    const dedupRaw = optStr(body.dedup_key, field(path, 'dedup_key'));
    if (dedupRaw !== null && (dedupRaw.length === 0 || dedupRaw.length > DEDUP_MAX))
        fail(field(path, 'dedup_key'), `must be 1 to ${DEDUP_MAX} characters`, dedupRaw);
    if (action !== 'trigger' && dedupRaw === null)
        fail(field(path, 'dedup_key'), `is required to ${action} (it names the alert to ${action})`, body.dedup_key);
    const links = pagerduty_linksOf(body, path);
    const p = body.payload;
    if (action !== 'trigger') {
        const status = action === 'resolve' ? 'resolved' : 'acknowledged';
        return [
            {
                status,
                key: derivedKey('pagerduty', dedupRaw),
                title: plainLine(`PagerDuty alert ${dedupRaw}`, LIMITS.title),
                description: null,
                service: null,
                severity: null,
                labels: {},
                startsAt: null,
                endsAt: null,
                source: 'pagerduty',
                links,
            },
        ];
    }
    const pp = field(path, 'payload');
    if (!text_isObj(p))
        fail(pp, 'must be an object with summary, source and severity (required to trigger)', p);
    unknownKeys(p, PAYLOAD_FIELDS, pp);
    const summaryRaw = str(p.summary, field(pp, 'summary'));
    if (summaryRaw.length > SUMMARY_MAX)
        fail(field(pp, 'summary'), `must be at most ${SUMMARY_MAX} characters (PagerDuty's limit)`, summaryRaw);
    const title = requiredLine(summaryRaw, field(pp, 'summary'), LIMITS.title);
    const source = requiredLine(p.source, field(pp, 'source'), 255);
    const severity = str(p.severity, field(pp, 'severity'));
    if (!SEVERITIES.includes(severity))
        fail(field(pp, 'severity'), 'must be "critical", "error", "warning" or "info"', severity);
    const component = optStr(p.component, field(pp, 'component'));
    const group = optStr(p.group, field(pp, 'group'));
    const cls = optStr(p.class, field(pp, 'class'));
    const labels = lenientLabels({
        source,
        ...(component ? { component } : {}),
        ...(group ? { group } : {}),
        ...(cls ? { class: cls } : {}),
    });
    return [
        {
            status: 'firing',
            key: dedupRaw !== null
                ? derivedKey('pagerduty', dedupRaw)
                : hashKey('pagerduty', source, component ?? '', summaryRaw),
            title,
            description: details(p.custom_details, field(pp, 'custom_details')),
            // PagerDuty's group is "a logical grouping of components of a service": the closest to our service.
            service: slugOrNull(group ?? component, LIMITS.service),
            severity,
            labels,
            startsAt: isoTime(p.timestamp, field(pp, 'timestamp')),
            endsAt: null,
            source: 'pagerduty',
            links,
        },
    ];
}
/** A PagerDuty change event, checked and neutralised. @throws PayloadError naming the field */
function pagerDutyChange(body, path) {
    if (!text_isObj(body))
        fail(path, 'must be a PagerDuty change event (an object with payload)', body);
    unknownKeys(body, ['routing_key', 'payload', 'links', 'images'], path);
    const pp = field(path, 'payload');
    const p = body.payload;
    if (!text_isObj(p))
        fail(pp, 'must be an object with summary', p);
    unknownKeys(p, ['summary', 'source', 'timestamp', 'custom_details'], pp);
    const summaryRaw = str(p.summary, field(pp, 'summary'));
    if (summaryRaw.length > SUMMARY_MAX)
        fail(field(pp, 'summary'), `must be at most ${SUMMARY_MAX} characters (PagerDuty's limit)`, summaryRaw);
    return {
        summary: requiredLine(summaryRaw, field(pp, 'summary'), LIMITS.title),
        source: p.source === undefined || p.source === null ? null : plainLine(str(p.source, field(pp, 'source')), 255),
        timestamp: isoTime(p.timestamp, field(pp, 'timestamp')),
        links: pagerduty_linksOf(body, path),
        details: details(p.custom_details, field(pp, 'custom_details')),
    };
}

;// CONCATENATED MODULE: ./src/alerts/parse.ts








const ROOT = `client_payload.${PAYLOAD_KEY}`;
const OWN_KEYS = ['version', 'alerts', 'alert', ...NATIVE_SOURCES];
function generic(inner) {
    const many = inner.alerts;
    const one = inner.alert;
    if (many !== undefined && one !== undefined)
        throw new errors/* PayloadError */.tG(`${ROOT} must have either \`alerts\` or \`alert\`, not both.`);
    if (one !== undefined)
        return [genericAlert(one, `${ROOT}.alert`)];
    // A single alert object in place of the array is accepted too.
    if (text_isObj(many))
        return [genericAlert(many, `${ROOT}.alerts`)];
    if (!Array.isArray(many))
        fail(`${ROOT}.alerts`, 'must be an array of alerts (or one alert object)', many);
    if (many.length === 0)
        fail(`${ROOT}.alerts`, 'must contain at least one alert', many);
    if (many.length > LIMITS.alerts)
        throw new errors/* PayloadError */.tG(`${ROOT}.alerts must have at most ${LIMITS.alerts} alerts; it has ${many.length}.`);
    return many.map((a, i) => genericAlert(a, `${ROOT}.alerts[${i}]`));
}
function parse(eventType, clientPayload, eventTypes) {
    if (typeof eventType !== 'string' || !eventTypes.includes(eventType))
        fail('event_type', `must be one of ${eventTypes.map((t) => JSON.stringify(t)).join(', ')} for an alert`, eventType);
    if (!text_isObj(clientPayload))
        fail('client_payload', `must be an object with an \`${PAYLOAD_KEY}\` key`, clientPayload);
    const inner = clientPayload[PAYLOAD_KEY];
    if (inner === undefined)
        throw new errors/* PayloadError */.tG(`client_payload must have an \`${PAYLOAD_KEY}\` key holding the alert (see docs/monitoring.md); it has ${Object.keys(clientPayload).length
            ? Object.keys(clientPayload)
                .slice(0, 10)
                .map((k) => text_describe(k))
                .join(', ')
            : 'no keys'}.`);
    if (!text_isObj(inner))
        fail(ROOT, 'must be an object', inner);
    for (const k of Object.keys(inner)) {
        if (!OWN_KEYS.includes(k))
            throw new errors/* PayloadError */.tG(`${field(ROOT, k)} is not part of the schema; ${ROOT} holds \`version\` and one of ${['alerts', 'alert', ...NATIVE_SOURCES].map((s) => `\`${s}\``).join(', ')}.`);
    }
    if (inner.version !== undefined && inner.version !== SCHEMA_VERSION && inner.version !== String(SCHEMA_VERSION))
        fail(`${ROOT}.version`, `must be ${SCHEMA_VERSION} (the only schema version)`, inner.version);
    const kinds = ['alerts', 'alert', ...NATIVE_SOURCES].filter((k) => inner[k] !== undefined);
    const natives = kinds.filter((k) => NATIVE_SOURCES.includes(k));
    if (kinds.length === 0)
        throw new errors/* PayloadError */.tG(`${ROOT} must have \`alerts\` (our schema) or one native body: ${NATIVE_SOURCES.map((s) => `\`${s}\``).join(', ')}; it has none.`);
    if (natives.length > 1 || (natives.length === 1 && kinds.length > 1))
        throw new errors/* PayloadError */.tG(`${ROOT} must hold exactly one of \`alerts\`, ${NATIVE_SOURCES.map((s) => `\`${s}\``).join(', ')}; it has ${kinds.map((k) => `\`${k}\``).join(' and ')}.`);
    switch (natives[0]) {
        case 'alertmanager':
            return prometheusStyle(inner.alertmanager, `${ROOT}.alertmanager`, 'alertmanager');
        case 'grafana':
            return prometheusStyle(inner.grafana, `${ROOT}.grafana`, 'grafana');
        case 'datadog':
            return datadog(inner.datadog, `${ROOT}.datadog`);
        case 'uptime-kuma':
            return uptimeKuma(inner['uptime-kuma'], `${ROOT}["uptime-kuma"]`);
        case 'pagerduty':
            // Change events are recorded by the caller (dispatch.ts), never parsed as alerts.
            if (isChangeEvent(inner.pagerduty))
                throw new errors/* PayloadError */.tG(`${ROOT}.pagerduty is a change event (no event_action): it is recorded, not an alert.`);
            return pagerDuty(inner.pagerduty, `${ROOT}.pagerduty`);
        default:
            return generic(inner);
    }
}
/**
 * Reads a `repository_dispatch` alert: our schema or a monitor's native body under
 * `client_payload.incidentops`, into neutralised, bounded alerts.
 *
 * @param eventType the dispatch's `event_type`; must be one of `opts.eventTypes` (default `alert`, `incident`)
 * @throws PayloadError naming the field and what was expected — and never anything else
 */
function parseAlertDispatch(eventType, clientPayload, opts = {}) {
    try {
        return parse(eventType, clientPayload, opts.eventTypes ?? DEFAULT_EVENT_TYPES);
    }
    catch (error) {
        if (error instanceof errors/* PayloadError */.tG)
            throw error;
        // A bug of ours or a pathological input (a getter, a cycle): still the one error type callers handle.
        throw new errors/* PayloadError */.tG(`client_payload could not be read as an alert: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/alerts/index.ts
// Monitoring alerts arriving as repository_dispatch: the schema, the adapters and the parser.



;// CONCATENATED MODULE: ./src/alerts/group.ts
/**
 * Alertmanager and Grafana group alerts (their `group_by`): one notification is one problem, so
 * one group is one incident. The adapters keep every alert (with its own fingerprint) for the
 * record; this collapses a group into the single alert the incident logic handles, keyed by the
 * group's `groupKey`. Pure.
 */


/** The group key of a native Alertmanager or Grafana body inside our payload, or null. */
function groupKeyOf(clientPayload) {
    if (!text_isObj(clientPayload) || !text_isObj(clientPayload.incidentops))
        return null;
    const inner = clientPayload.incidentops;
    for (const source of ['alertmanager', 'grafana']) {
        const body = inner[source];
        if (text_isObj(body) && typeof body.groupKey === 'string' && body.groupKey.trim())
            return { source, key: hashKey(`${source}-group`, body.groupKey) };
    }
    return null;
}
/** One alert standing for the group: firing while any member fires, resolved when all are. */
function collapseGroup(alerts, group) {
    const firing = alerts.filter((a) => a.status === 'firing');
    const lead = firing[0] ?? alerts[0];
    const common = Object.fromEntries(Object.entries(lead.labels).filter(([k, v]) => alerts.every((a) => a.labels[k] === v)));
    const starts = alerts
        .map((a) => a.startsAt)
        .filter((s) => s !== null)
        .sort();
    const ends = alerts
        .map((a) => a.endsAt)
        .filter((s) => s !== null)
        .sort();
    const services = [...new Set(alerts.map((a) => a.service).filter((s) => s !== null))];
    const title = alerts.length > 1 ? `${lead.title} (+${alerts.length - 1} more in the group)` : lead.title;
    const list = alerts.map((a) => `- ${a.status}: ${a.title}`).join('\n');
    const description = alerts.length > 1
        ? `${lead.description ? `${lead.description}\n\n` : ''}${list}`.slice(0, LIMITS.description)
        : lead.description;
    return {
        status: firing.length ? 'firing' : 'resolved',
        key: group.key,
        title: title.slice(0, LIMITS.title),
        description,
        service: services.length === 1 ? services[0] : lead.service,
        severity: lead.severity,
        labels: common,
        startsAt: starts[0] ?? null,
        endsAt: firing.length ? null : (ends.at(-1) ?? null),
        source: lead.source,
        links: [...new Set(alerts.flatMap((a) => a.links))].slice(0, 10),
    };
}
/**
 * The alerts the incident logic handles for one dispatch, each with the key that dedups it: an
 * Alertmanager or Grafana group collapsed into one alert keyed by the group, any other payload's
 * alerts as parsed. The action (dispatch.ts) and the relay's 202 reply both use this, so the key
 * the relay prints is the one the incident is found by.
 */
function incidentAlerts(parsed, clientPayload) {
    const group = groupKeyOf(clientPayload);
    return group && parsed.length > 0 ? [collapseGroup(parsed, group)] : parsed;
}

;// CONCATENATED MODULE: ./src/notify/format.ts

/** The bounds we cut user text to (code points). Well under every platform's own limits. */
const format_LIMITS = { title: 200, text: 1000, repo: 140, stage: 60 };
const EVENT_LABEL = {
    declared: 'Incident declared',
    priority: 'Priority changed',
    escalation: 'Incident escalated',
    resolved: 'Incident resolved',
};
/** Discord embed colours by priority (red, orange, yellow, blue). */
const DISCORD_COLORS = { P1: 0xd1242f, P2: 0xe16f24, P3: 0xbf8700, P4: 0x0969da };
/** Adaptive Card text colours by priority. */
const TEAMS_COLORS = { P1: 'Attention', P2: 'Warning', P3: 'Accent', P4: 'Default' };
function clean(n) {
    const ms = Date.parse(n.at);
    const iso = Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    const number = Number.isSafeInteger(n.number) && n.number > 0 ? n.number : 0;
    return {
        event: n.event,
        label: EVENT_LABEL[n.event] ?? 'Incident update',
        repo: plain(n.repo, format_LIMITS.repo),
        number,
        title: plain(n.title, format_LIMITS.title) || '(untitled)',
        link: safeLink(n.url),
        priority: ['P1', 'P2', 'P3', 'P4'].includes(n.priority) ? n.priority : 'P4',
        stage: plain(n.stage, format_LIMITS.stage),
        text: plain(n.text, format_LIMITS.text),
        iso,
        when: iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : plain(n.at, 40),
    };
}
function slack(c) {
    const name = slackEscape(`#${c.number} ${c.title}`);
    const heading = c.link ? `<${slackEscape(c.link)}|${name}>` : name;
    // <!date^…|fallback> shows the time in each reader's own time zone.
    const when = c.iso ? `<!date^${Date.parse(c.iso) / 1000}^{date_short_pretty} {time}|${c.when}>` : slackEscape(c.when);
    const context = [slackEscape(c.repo), `Stage: ${slackEscape(c.stage || '-')}`, when].join(' · ');
    return {
        text: slackEscape(`[${c.priority}] ${c.label}: ${c.repo}#${c.number} ${c.title}`),
        blocks: [
            {
                type: 'section',
                text: {
                    type: 'mrkdwn',
                    text: `*${c.priority} · ${c.label}*\n*${heading}*${c.text ? `\n${slackEscape(c.text)}` : ''}`,
                },
            },
            { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
        ],
        unfurl_links: false,
        unfurl_media: false,
    };
}
function teams(c) {
    // Adaptive Card date functions render in the reader's time zone; they want RFC 3339 without ms.
    const when = c.iso ? `{{DATE(${c.iso}, SHORT)}} {{TIME(${c.iso})}}` : teamsEscape(c.when);
    const body = [
        {
            type: 'TextBlock',
            text: `${c.priority} · ${c.label}`,
            weight: 'Bolder',
            color: c.event === 'resolved' ? 'Good' : TEAMS_COLORS[c.priority],
            wrap: true,
        },
        { type: 'TextBlock', text: teamsEscape(`#${c.number} ${c.title}`), size: 'Large', weight: 'Bolder', wrap: true },
    ];
    if (c.text)
        body.push({ type: 'TextBlock', text: teamsEscape(c.text), wrap: true });
    body.push({
        type: 'FactSet',
        facts: [
            { title: 'Repository', value: teamsEscape(c.repo) },
            { title: 'Priority', value: c.priority },
            { title: 'Stage', value: teamsEscape(c.stage || '-') },
        ],
    });
    // DATE()/TIME() are documented for TextBlock (not FactSet values), hence a line of its own.
    body.push({ type: 'TextBlock', text: when, isSubtle: true, size: 'Small', wrap: true });
    const card = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        msteams: { width: 'Full' },
        fallbackText: teamsEscape(`[${c.priority}] ${c.label}: ${c.repo}#${c.number} ${c.title}`),
        body,
    };
    if (c.link)
        card.actions = [{ type: 'Action.OpenUrl', title: `Open incident #${c.number}`, url: c.link }];
    return {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    };
}
function discord(c) {
    // Titles render little markdown; still, no `<@…>` and no `[text](link)` of theirs.
    const title = Array.from(`#${c.number} ${c.title}`.replace(/</g, '<\u200b').replace(/\]\(/g, ']\u200b('))
        .slice(0, 256)
        .join('');
    const embed = { title };
    if (c.link)
        embed.url = c.link;
    if (c.text)
        embed.description = discordEscape(c.text);
    embed.color = DISCORD_COLORS[c.priority];
    embed.fields = [
        { name: 'Priority', value: c.priority, inline: true },
        { name: 'Stage', value: discordEscape(c.stage || '-'), inline: true },
        { name: 'Repository', value: discordEscape(c.repo || '-'), inline: true },
    ];
    if (c.iso)
        embed.timestamp = c.iso;
    embed.footer = { text: 'IncidentOps' };
    const content = `**${c.priority} · ${c.label}**: ${discordEscape(`${c.repo}#${c.number} ${c.title}`)}`;
    return { content: Array.from(content).slice(0, 2000).join(''), embeds: [embed], allowed_mentions: { parse: [] } };
}
function webhook(c, n) {
    return {
        version: 1,
        event: c.event,
        repo: c.repo,
        number: c.number,
        title: c.title,
        url: c.link ?? '',
        priority: c.priority,
        stage: c.stage,
        text: c.text,
        at: c.iso ?? plain(n.at, 40),
    };
}
/**
 * The JSON body to POST to one chat webhook for one notification.
 *
 * @param kind which platform's format to produce.
 * @param target the destination; only its kind matters today (its URL never enters the body).
 * @param n the notification; every string in it is treated as untrusted user text.
 * @returns `{ body }`, ready for `JSON.stringify`.
 */
function formatNotification(kind, target, n) {
    void target;
    const c = clean(n);
    switch (kind) {
        case 'slack':
            return { body: slack(c) };
        case 'teams':
            return { body: teams(c) };
        case 'discord':
            return { body: discord(c) };
        case 'webhook':
            return { body: webhook(c, n) };
    }
    throw new Error(`unknown notification kind: ${plain(String(kind), 20)}`);
}

;// CONCATENATED MODULE: ./src/notify/send.ts
/**
 * Delivering notifications to chat webhooks. A notification is a courtesy next to the incident
 * itself: a failing webhook is a warning, never an exception, and the webhook URL (a secret: it
 * embeds the token) never appears in anything we print.
 */


/** The action input that carries each kind's URL: errors and warnings name it, never the URL. */
const NOTIFY_INPUTS = {
    slack: 'notify-slack',
    teams: 'notify-teams',
    discord: 'notify-discord',
    webhook: 'notify-webhook',
};
const KINDS = ['slack', 'teams', 'discord', 'webhook'];
const send_LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const BACKOFF_MS = 500;
/**
 * The notification targets from the action inputs. Empty inputs are skipped (an unset input is
 * `''`). Each URL must be https; plain http is accepted only for 127.0.0.1/localhost (tests).
 *
 * @throws ConfigError naming the input (`notify-slack`, …), never the URL, when one is invalid.
 */
function parseTargets(inputs) {
    const targets = [];
    for (const kind of KINDS) {
        const raw = inputs[kind]?.trim();
        if (!raw)
            continue;
        const input = NOTIFY_INPUTS[kind];
        let u;
        try {
            u = new URL(raw);
        }
        catch {
            throw new errors/* ConfigError */.xL(`Input "${input}" is not a URL. Set it to the ${kind} webhook URL (from a secret), or leave it empty.`);
        }
        const ok = u.protocol === 'https:' || (u.protocol === 'http:' && send_LOCAL_HOSTS.has(u.hostname));
        if (!ok) {
            throw new errors/* ConfigError */.xL(`Input "${input}" must be an https:// URL (http:// is accepted only for localhost). Check the secret it comes from.`);
        }
        targets.push({ kind, url: u.href });
    }
    return targets;
}
/**
 * POSTs one notification to every target, in parallel. Never throws: each failure becomes one
 * warning naming the input and the HTTP status (or the network error / timeout), with any URL
 * masked.
 *
 * Each target gets `timeoutMs` in all (attempts and waits together); a 5xx, a 429 or a network
 * error is retried `retries` times while that budget allows, honouring `Retry-After`. Other 4xx
 * and timeouts are not retried: the first says the payload or URL is wrong, the second may have
 * been delivered already and would cost the run another full timeout.
 */
async function sendNotifications(targets, n, opts) {
    const results = await Promise.all(targets.map(async (target) => {
        try {
            return await deliver(target, n, opts);
        }
        catch (error) {
            // Unreachable by design; kept so that a bug here still cannot fail an incident.
            safeWarn(opts, `${send_label(target)} failed: ${maskSecrets(messageOf(error), target.url)}. The notification was not delivered; the incident is not affected.`);
            return false;
        }
    }));
    const sent = results.filter(Boolean).length;
    return { sent, failed: results.length - sent };
}
async function deliver(target, n, opts) {
    const fetchFn = opts.fetch ?? globalThis.fetch;
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const timeoutMs = Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0 ? opts.timeoutMs : 5000;
    const retries = Number.isInteger(opts.retries) && opts.retries >= 0 ? Math.min(opts.retries, 5) : 1;
    let json;
    try {
        json = JSON.stringify(formatNotification(target.kind, target, n).body);
    }
    catch (error) {
        safeWarn(opts, `${send_label(target)} failed: could not build the message (${maskSecrets(messageOf(error), target.url)}). The notification was not delivered; the incident is not affected.`);
        return false;
    }
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let outcome = { ok: false, kind: 'timeout' };
    let attempts = 0;
    try {
        for (;;) {
            attempts++;
            outcome = await attempt(fetchFn, target.url, json, controller.signal);
            if (outcome.ok)
                return true;
            const retryable = outcome.kind === 'network' || (outcome.kind === 'http' && (outcome.status === 429 || outcome.status >= 500));
            if (!retryable || attempts > retries)
                break;
            const wait = outcome.kind === 'http' && outcome.retryAfterMs !== null ? outcome.retryAfterMs : BACKOFF_MS * attempts;
            // No point waiting past the budget: the retry would be cut off anyway.
            if (performance.now() - started + wait >= timeoutMs)
                break;
            await sleep(wait);
            if (controller.signal.aborted) {
                outcome = { ok: false, kind: 'timeout' };
                break;
            }
        }
    }
    finally {
        clearTimeout(timer);
        // Releases anything still pending for this target (a body being read, a hung socket).
        controller.abort();
    }
    safeWarn(opts, failureMessage(target, outcome, attempts, timeoutMs));
    return false;
}
/** One POST, raced against the deadline so that even a fetch that ignores its signal cannot hang us. */
async function attempt(fetchFn, url, json, signal) {
    const deadline = new Promise((resolve) => {
        if (signal.aborted)
            resolve('timeout');
        else
            signal.addEventListener('abort', () => resolve('timeout'), { once: true });
    });
    try {
        const res = await Promise.race([
            fetchFn(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'user-agent': 'incidentops' },
                body: json,
                signal,
                // A webhook that redirects is misconfigured; following it would repost to another host.
                redirect: 'manual',
            }),
            deadline,
        ]);
        if (res === 'timeout')
            return { ok: false, kind: 'timeout' };
        if (res.ok) {
            // Delivered: the answer's body (`ok`, or nothing) tells us nothing more.
            await res.body?.cancel().catch(() => undefined);
            return { ok: true };
        }
        const text = await Promise.race([res.text().catch(() => ''), deadline]);
        return {
            ok: false,
            kind: 'http',
            status: res.status,
            detail: text === 'timeout' ? '' : text,
            retryAfterMs: res.status === 429 ? retryAfter(res.headers.get('retry-after')) : null,
        };
    }
    catch (error) {
        if (signal.aborted)
            return { ok: false, kind: 'timeout' };
        return { ok: false, kind: 'network', detail: networkDetail(error) };
    }
}
/** `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfter(header) {
    if (!header)
        return null;
    const s = Number(header);
    if (Number.isFinite(s) && s >= 0)
        return Math.ceil(s * 1000);
    const at = Date.parse(header);
    return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}
function failureMessage(target, o, attempts, timeoutMs) {
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    let why;
    if (o.ok)
        why = 'unknown failure';
    else if (o.kind === 'timeout')
        why = `no answer within ${timeoutMs} ms (timeout)`;
    else if (o.kind === 'network')
        why = `network error (${maskSecrets(o.detail, target.url)}) after ${tries}`;
    else {
        const detail = maskSecrets(o.detail, target.url).replace(/\s+/g, ' ').trim().slice(0, 200);
        why = `HTTP ${o.status}${detail ? ` "${detail}"` : ''} after ${tries}`;
    }
    return `${send_label(target)} failed: ${why}. The notification was not delivered; the incident is not affected.`;
}
const KIND_NAMES = {
    slack: 'Slack',
    teams: 'Microsoft Teams',
    discord: 'Discord',
    webhook: 'the generic webhook',
};
/** `Notification to Slack (input notify-slack)`: the kind and the input, never the URL. */
function send_label(target) {
    return `Notification to ${KIND_NAMES[target.kind] ?? 'a webhook'} (input ${NOTIFY_INPUTS[target.kind] ?? 'notify-?'})`;
}
function networkDetail(error) {
    // undici: TypeError('fetch failed') with the system error (ECONNREFUSED, ENOTFOUND…) as cause.
    const cause = error instanceof Error ? error.cause : undefined;
    const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
    const msg = messageOf(error);
    if (code)
        return `${msg}: ${code}`;
    return cause instanceof Error && cause.message ? `${msg}: ${cause.message}` : msg;
}
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return typeof error === 'string' ? error : 'unknown error';
}
function safeWarn(opts, msg) {
    try {
        opts.warn(msg);
    }
    catch {
        // A broken logger must not turn a warning into a failed incident.
    }
}
/**
 * Removes the secret webhook URL from foreign text (error messages, response bodies): the URL
 * itself, its path and query, every long path segment and query value (the tokens), its
 * credentials, and then any URL at all.
 */
function maskSecrets(text, url) {
    if (!text)
        return text;
    const secrets = new Set([url]);
    try {
        const u = new URL(url);
        for (const s of [u.href, u.pathname + u.search, u.search.slice(1), u.username, u.password])
            secrets.add(s);
        for (const seg of u.pathname.split('/'))
            secrets.add(seg);
        for (const [, v] of u.searchParams)
            secrets.add(v);
        for (const s of [...secrets]) {
            secrets.add(encodeURIComponent(s));
            try {
                secrets.add(decodeURIComponent(s));
            }
            catch {
                // not percent-encoded: nothing to add
            }
        }
    }
    catch {
        // not a URL: mask it as given
    }
    let out = text;
    for (const s of [...secrets].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '[url]');
}

;// CONCATENATED MODULE: ./src/notify/index.ts



;// CONCATENATED MODULE: ./src/dispatch.ts




































/** Writes allowed in one run before it stops and leaves the rest to the next run. */
const WRITE_BUDGET = 200;
/**
 * Everything after routing: loaded only when there is work, so that a no-op event (the most
 * frequent kind in busy repositories) starts fast without parsing Octokit and the rest.
 */
async function dispatch(r, inputs, { env }) {
    const repo = repoRef(env.GITHUB_REPOSITORY);
    const baseUrl = env.GITHUB_API_URL || 'https://api.github.com';
    if (r.kind === 'report')
        return await runReportMode({
            env,
            inputs,
            repo,
            baseUrl,
            budget: WRITE_BUDGET,
            local: localConfig(env.GITHUB_WORKSPACE, inputs.configPath),
        });
    if (r.kind === 'status')
        return await runStatusMode({
            env,
            inputs,
            repo,
            baseUrl,
            local: localConfig(env.GITHUB_WORKSPACE, inputs.configPath),
        });
    const wait = realClock.sleep;
    const limiter = new RequestLimiter(inputs.limits, { ...realClock, sleep: wait });
    const port = new OctokitPort(createOctokit({ token: inputs.githubToken, repo, baseUrl, warn: (m) => core/* warning */.$e((0,log_safe/* logSafe */.s)(m)), limiter }), repo, {
        retries: 4,
        baseMs: inputs.limits.retryBaseMs,
        sleep: wait,
    });
    // The config comes from the checkout when there is one, otherwise from the same query as the issue.
    const local = localConfig(env.GITHUB_WORKSPACE, inputs.configPath);
    const boardFor = (config) => config.project && inputs.projectToken
        ? new OctokitBoardPort(createOctokit({
            token: inputs.projectToken,
            repo,
            baseUrl,
            warn: (m) => core/* warning */.$e((0,log_safe/* logSafe */.s)(m)),
            limiter: new RequestLimiter(inputs.limits, { ...realClock, sleep: wait }),
        }))
        : null;
    // One executor per run, made once the config (and so the board) is known: the run's only writer,
    // with one budget for every write of the run and the only check of dry-run.
    let runExec = null;
    const writer = (config) => {
        const board = boardFor(config);
        runExec ??= new Executor({ github: port, board, pager: pagerFor(config, env), announcer: announcerFor(config, env, wait) }, {
            dryRun: inputs.dryRun,
            budget: WRITE_BUDGET,
            log: (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)),
            warn: (l) => core/* warning */.$e((0,log_safe/* logSafe */.s)(l)),
        });
        return { board, exec: runExec };
    };
    const handleOpts = {
        repoOwner: repo.owner,
        repo: `${repo.owner}/${repo.repo}`,
        // Every line a handler logs may carry an issue title, a comment, a label or an alert field.
        log: (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)),
        warn: (l) => core/* warning */.$e((0,log_safe/* logSafe */.s)(l)),
        sleep: wait,
        boardSettleMs: inputs.limits.boardSettleMs,
        now: () => port.serverTime(),
        notify: notifier(inputs),
    };
    if (r.kind === 'sweep') {
        const localConfig = local ? loadConfig(local, inputs.configPath) : null;
        const label = localConfig ? localConfig.labels.incident : 'incident';
        // The on-call issue and the heartbeats issue come with the first page the sweep reads anyway:
        // escalations to a schedule and the heartbeats' check cost no request.
        const oncallLabel = localConfig ? localConfig.oncall.label : 'incidentops-oncall';
        const pages = port.incidentPages({
            label,
            states: ['OPEN'],
            withRepoLabels: true,
            labelled: oncallLabel,
            heartbeats: HEARTBEATS_LABEL.name,
            ...(local === undefined ? { configPath: inputs.configPath } : {}),
        });
        const first = await pages.next();
        const config = loadConfig(local !== undefined ? local : first.done ? null : (first.value.configText ?? null), inputs.configPath);
        if (config.labels.incident !== label)
            throw new errors/* ConfigError */.xL(`labels.incident is "${config.labels.incident}": check out the repository before the action (actions/checkout) so the sweep reads the config first.`);
        // Schedules with a `channel` get hand-off notices (src/oncall/handoff.ts), which list the open incidents.
        const handoffsOn = config.oncall.schedules.some((x) => x.channel);
        // The open incidents are kept as they stream by when heartbeats or hand-offs need them after the sweep.
        const open = {
            first: first.done ? null : first.value,
            incidents: [],
        };
        async function* all() {
            if (!first.done)
                yield first.value;
            yield* pages;
        }
        async function* kept() {
            for await (const p of all()) {
                if (config.heartbeats.length || handoffsOn)
                    open.incidents.push(...p.incidents);
                yield p;
            }
        }
        const now = port.serverTime() ?? new Date().toISOString();
        const found = !first.done && config.oncall.label === oncallLabel ? findOncallIssue(first.value.labelled ?? []) : undefined;
        const preloaded = found === undefined ? undefined : found && { number: found.number, body: found.body };
        // What `validate` warns about (an hour with nobody on call), as annotations on the config file:
        // once per scheduled run, not in every issue's run.
        for (const w of config.warnings)
            core/* warning */.$e((0,log_safe/* logSafe */.s)(w.message), { file: w.file, startLine: w.line, startColumn: w.column });
        const { board, exec } = writer(config);
        // The sweep has a budget of its own in the config, lower than a run's by default.
        exec.capBudget(config.sweep.budget);
        const calmOpts = { workflow: inputs.sweepWorkflow, exec };
        const result = await sweep(port, board, kept(), config, { ...handleOpts, exec, oncallView: oncallViewLoader(port, config, preloaded) }, now);
        const beats = await watchHeartbeats(port, board, config, open, {
            ...handleOpts,
            exec,
            oncallView: oncallViewLoader(port, config, preloaded),
            now: () => port.serverTime() ?? now,
            runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
        });
        result.applied.push(...beats.applied);
        result.problems.push(...beats.problems);
        const handoffs = await announceHandoffs(port, config, now, open.incidents.map((i) => {
            const c = findCard(i.comments);
            return { number: i.number, title: i.title, record: c ? decodeRecord(c.body) : null };
        }), preloaded, exec);
        result.applied.push(...handoffs.applied);
        const repoLabels = first.done ? [] : (first.value.repoLabels ?? []);
        // Scheduled maintenance (src/events/maintenance.ts): each window's start and end recorded as it passes.
        const maint = await sweepMaintenanceIfAny(port, repoLabels, config, exec, now, {
            repo: `${repo.owner}/${repo.repo}`,
            log: (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)),
        });
        result.applied.push(...(maint?.applied ?? []));
        result.problems.push(...(maint?.problems ?? []));
        // A heartbeat that stops is noticed only by a scheduled run: while any is declared, the sweep never sleeps.
        // Otherwise, the sweep records its run (sweep.interval) unless it just went to sleep on purpose.
        const marker = (labels) => [
            ...labels.filter((l) => l.name !== SWEEP_ON_LABEL_NAME),
            { name: SWEEP_ON_LABEL_NAME, color: '', description: '' },
        ];
        let calm;
        // Hand-offs, too, are noticed only by a scheduled run: with a schedule that announces them, the sweep never sleeps.
        // A pending maintenance too: its start and end are recorded only by a run (docs/status-page.md, cost).
        if (result.scanned === 0 && config.heartbeats.length === 0 && !handoffsOn && !maint?.pending) {
            calm = await sleepSweep(repoLabels, () => countOpen(port, config.labels.incident), calmOpts);
            const putBack = calm.applied.some((a) => a.kind === 'create-labels' && a.status === 'done');
            if (!calm.asleep)
                calm.applied.push(...(await stampSweep(putBack ? marker(repoLabels) : repoLabels, config, now, exec)));
        }
        else {
            const stamped = await stampSweep(repoLabels, config, now, exec);
            calm = await markSweepOn(stamped.some((a) => a.kind === 'create-labels') ? marker(repoLabels) : repoLabels, calmOpts);
            calm = { ...calm, applied: [...stamped, ...calm.applied] };
            if (result.scanned === 0 && inputs.sweepWorkflow)
                calm.line = maint?.pending
                    ? `No incident is open, but a maintenance is scheduled or in progress: the sweep (${inputs.sweepWorkflow}) stays on, because only a run records its start and end.`
                    : config.heartbeats.length
                        ? `No incident is open, but ${config.heartbeats.length} heartbeat${config.heartbeats.length === 1 ? ' is' : 's are'} watched: the sweep (${inputs.sweepWorkflow}) stays on, because only a scheduled run can notice a ping that did not come.`
                        : `No incident is open, but a schedule announces its hand-offs (\`channel\`): the sweep (${inputs.sweepWorkflow}) stays on, because only a scheduled run can notice a shift change.`;
        }
        result.applied.push(...calm.applied);
        if (calm.problem)
            result.problems.push(calm.problem);
        const summary = [
            `### IncidentOps sweep at ${now.slice(0, 16).replace('T', ' ')} UTC`,
            `${result.scanned} open incident${result.scanned === 1 ? '' : 's'} read, ${result.due} with something due, ${result.handled.length} handled.`,
            ...(result.left.length
                ? [
                    `Write budget (${config.sweep.budget}) reached: left for the next run: ${result.left.map((n) => `#${n}`).join(', ')}.`,
                ]
                : []),
            ...(result.adopted.length
                ? [
                    `Adopted ${result.adopted.length} incident${result.adopted.length === 1 ? '' : 's'} that had no card (labelled by hand or opened before IncidentOps): ${result.adopted.map((n) => `#${n}`).join(', ')}.`,
                ]
                : []),
            ...(result.waiting.length
                ? [
                    `Without a card yet, changed in the last 10 minutes (left to their own intake run; adopted by a later sweep if still without one): ${result.waiting.map((n) => `#${n}`).join(', ')}.`,
                ]
                : []),
            ...beats.lines.map((l) => `- ${l}`),
            ...handoffs.lines.map((l) => `- ${l}`),
            ...(maint?.changes ?? []).map((l) => `- maintenance ${(0,markdown/* inline */.mG)(l, 300)}`),
            ...(maint?.next && !maint.pending
                ? [
                    `- Next maintenance start or end to record: ${maint.next.slice(0, 16).replace('T', ' ')} UTC; the sweep may sleep until \`status.maintenance.wake_before\` before it (the status workflow wakes it).`,
                ]
                : []),
            ...(calm.line ? [calm.line] : []),
            ...result.problems.map((p) => `- ⚠️ ${p}`),
        ];
        core/* info */.pq((0,log_safe/* logSafe */.s)(summary.slice(1).join(' ')));
        if (result.left.length)
            core/* notice */.lm((0,log_safe/* logSafe */.s)(summary[2]));
        if (calm.line)
            (calm.warn ? core/* warning */.$e : core/* info */.pq)(calm.line);
        return {
            outputs: { actions: JSON.stringify(result.applied) },
            summary: { head: summary, applied: result.applied },
            problems: result.problems,
        };
    }
    if (r.kind === 'alerts') {
        const label = local ? loadConfig(local, inputs.configPath).labels.incident : 'incident';
        const collect = async (lbl, withConfig) => {
            const out = { first: null, incidents: [] };
            for await (const p of port.incidentPages({
                label: lbl,
                states: ['OPEN'],
                withRepoLabels: true,
                ...(withConfig ? { configPath: inputs.configPath } : {}),
            })) {
                out.first ??= p;
                out.incidents.push(...p.incidents);
            }
            return out;
        };
        let open = await collect(label, local === undefined);
        const config = loadConfig(local !== undefined ? local : (open.first?.configText ?? null), inputs.configPath);
        if (config.labels.incident !== label)
            open = await collect(config.labels.incident, false);
        if (!config.alerts.eventTypes.includes(r.eventType)) {
            core/* notice */.lm((0,log_safe/* logSafe */.s)(`repository_dispatch "${r.eventType}" is not one of the alert event types (${config.alerts.eventTypes.join(', ')}); nothing was done.`));
            return (0,outcome/* nothing */.s)(null);
        }
        const change = pagerDutyChangeOf(r.payload);
        if (change) {
            // A PagerDuty change event (a deploy, a config change) never opens an incident: it is recorded
            // in the run's outputs, log and job summary, for the changes view to come (PRODUCT.md).
            core/* info */.pq(`PagerDuty change event: ${change.summary}${change.source ? ` (${change.source})` : ''}${change.timestamp ? ` at ${change.timestamp}` : ''}; no incident.`);
            return {
                outputs: {
                    'incident-number': '',
                    priority: '',
                    stage: '',
                    'alert-key': '',
                    'alert-outcome': 'change',
                    actions: '[]',
                },
                summary: {
                    head: [
                        '### IncidentOps: a change (PagerDuty change event), no incident',
                        `- ${change.summary}${change.source ? ` · source ${(0,markdown/* inline */.mG)(change.source, 120)}` : ''}${change.timestamp ? ` · ${change.timestamp.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
                        ...(change.details ? ['', (0,markdown/* quote */.hD)(change.details, 1500)] : []),
                        ...(change.links.length
                            ? ['', `Links: ${change.links.map((l, i) => `[${i + 1}](${l})`).join(' · ')}`]
                            : []),
                    ],
                    applied: [],
                },
                problems: [],
            };
        }
        const parsed = parseAlertDispatch(r.eventType, r.payload, { eventTypes: config.alerts.eventTypes });
        const alerts = incidentAlerts(parsed, r.payload);
        core/* info */.pq((0,log_safe/* logSafe */.s)(`${alerts.length} alert${alerts.length === 1 ? '' : 's'} from ${[...new Set(alerts.map((a) => a.source))].join(', ')}`));
        const { board, exec } = writer(config);
        const calmOpts = { workflow: inputs.sweepWorkflow, exec };
        const late = sweepLateNotice(open.first?.repoLabels, config.sweep.interval, port.serverTime());
        if (late.line)
            core/* warning */.$e((0,log_safe/* logSafe */.s)(late.line));
        const result = await handleAlerts(port, board, alerts, config, open, {
            ...handleOpts,
            oncallView: oncallViewLoader(port, config),
            history: historyLoader(port, config.labels.incident),
            exec,
            cardWarnings: late.card,
            now: () => port.serverTime() ?? new Date().toISOString(),
            runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
        });
        // The outputs describe one alert: the first of the delivery that reached an incident (a group is one alert).
        const main = result.outcomes.find((o) => o.incident !== null) ?? result.outcomes[0];
        const outputs = main
            ? {
                'incident-number': main.incident === null ? '' : String(main.incident),
                priority: main.priority ?? '',
                stage: main.stage ?? '',
                'alert-key': main.key,
                'alert-outcome': main.outcome,
            }
            : {};
        // An incident reached, or opened (a dry run's is not numbered yet): the sweep must be on.
        const reached = result.outcomes.some((o) => o.incident !== null || o.what === 'opened');
        const calm = reached ? await wakeSweep(open.first?.repoLabels ?? [], calmOpts) : calm_NONE;
        result.applied.push(...calm.applied);
        if (calm.problem)
            result.problems.push(calm.problem);
        return {
            outputs: { ...outputs, actions: JSON.stringify(result.applied) },
            summary: {
                head: [
                    '### IncidentOps: alerts',
                    ...result.outcomes.map((o) => `- ${(0,markdown/* code */.aY)(o.key, 200)}: ${o.outcome}${o.incident ? ` #${o.incident}` : ''}${o.priority ? ` · **${o.priority}** · stage **${o.stage ?? '?'}**` : ''}${o.note ? ` (${(0,markdown/* inline */.mG)(o.note, 300)})` : ''}`),
                    ...(calm.line ? [calm.line] : []),
                    ...(late.line ? [late.line] : []),
                    ...result.problems.map((p) => `- ⚠️ ${p}`),
                ],
                applied: result.applied,
            },
            problems: result.problems,
        };
    }
    if (r.kind === 'revert')
        return handleRevert(port, r, { local, configPath: inputs.configPath, writer, handleOpts });
    if (r.kind === 'heartbeat') {
        // A ping: the open incidents (to resolve this heartbeat's, when late), with the config, the
        // labels and the heartbeat issue in the same first page. Nothing else is read.
        const label = local ? loadConfig(local, inputs.configPath).labels.incident : 'incident';
        const collect = async (lbl, withConfig) => {
            const out = { first: null, incidents: [] };
            for await (const p of port.incidentPages({
                label: lbl,
                states: ['OPEN'],
                withRepoLabels: true,
                heartbeats: HEARTBEATS_LABEL.name,
                ...(withConfig ? { configPath: inputs.configPath } : {}),
            })) {
                out.first ??= p;
                out.incidents.push(...p.incidents);
            }
            return out;
        };
        let open = await collect(label, local === undefined);
        const config = loadConfig(local !== undefined ? local : (open.first?.configText ?? null), inputs.configPath);
        if (config.labels.incident !== label)
            open = await collect(config.labels.incident, false);
        const late = sweepLateNotice(open.first?.repoLabels, config.sweep.interval, port.serverTime());
        if (late.line)
            core/* warning */.$e((0,log_safe/* logSafe */.s)(late.line));
        const shown = (0,markdown/* code */.aY)(r.name, 70);
        if (!config.heartbeats.some((h) => h.name === r.name)) {
            const known = config.heartbeats.map((h) => `\`${h.name}\``);
            const notice = `No heartbeat is named ${shown} in ${config.source === 'defaults' ? 'the configuration (there is no .github/incidents.yml)' : config.source}; nothing was written. ${known.length ? `Known heartbeats: ${known.join(', ')}.` : 'Declare it under `heartbeats:` (docs/monitoring.md, Heartbeats).'}`;
            core/* notice */.lm((0,log_safe/* logSafe */.s)(notice));
            return {
                outputs: {
                    'incident-number': '',
                    priority: '',
                    stage: '',
                    'alert-key': '',
                    'alert-outcome': 'ignored',
                    actions: '[]',
                },
                summary: {
                    head: ['### IncidentOps: heartbeat ping', `- ⚠️ ${notice}`, ...(late.line ? [late.line] : [])],
                    applied: [],
                },
                problems: [],
            };
        }
        const { board, exec } = writer(config);
        const result = await handlePing(port, board, r.name, config, open, {
            ...handleOpts,
            exec,
            cardWarnings: late.card,
            now: () => port.serverTime() ?? new Date().toISOString(),
            runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
        });
        // Heartbeats need the sweep: a ping wakes it if it sleeps (free while its marker label is there).
        const calm = await wakeSweep(open.first?.repoLabels ?? [], { workflow: inputs.sweepWorkflow, exec });
        result.applied.push(...calm.applied);
        if (calm.problem)
            result.problems.push(calm.problem);
        const o = result.resolved;
        return {
            outputs: {
                'incident-number': o?.incident ? String(o.incident) : '',
                priority: o?.priority ?? '',
                stage: o?.stage ?? '',
                'alert-key': `heartbeat:${r.name}`,
                'alert-outcome': o ? o.outcome : 'ping',
                actions: JSON.stringify(result.applied),
            },
            summary: {
                head: [
                    '### IncidentOps: heartbeat ping',
                    `- ${shown}: ${result.outcome === 'recorded' ? 'ping recorded' : 'pinged again within a minute of the recorded ping (nothing written)'}${o?.incident ? `; it was late: incident #${o.incident} ${o.outcome === 'resolve' ? 'resolved' : o.outcome} · stage **${o.stage ?? '?'}**` : ''}.`,
                    ...(calm.line ? [calm.line] : []),
                    ...(late.line ? [late.line] : []),
                    ...result.problems.map((p) => `- ⚠️ ${p}`),
                ],
                applied: result.applied,
            },
            problems: result.problems,
        };
    }
    const ctx = await port.loadIssueContext(r.number, {
        ...(local === undefined ? { configPath: inputs.configPath } : {}),
        // The suspects of a declaration and what `/changes` and `/cause` need come in the same read.
        withChanges: changesLikelyNeeded(r),
    });
    const configText = local !== undefined ? local : (ctx.configText ?? null);
    const config = loadConfig(configText, inputs.configPath);
    core/* info */.pq((0,log_safe/* logSafe */.s)(`Configuration: ${config.source === 'defaults' ? 'no file, defaults apply' : config.source}`));
    // `/oncall` and `/cover` (any issue): answered and recorded before the incident's own handling.
    const oncallApplied = [];
    if (r.kind === 'comment' && parseOncallCommands(r.body).length) {
        const oc = await handleOncallComment(port, ctx, { commentId: r.commentId, body: r.body, author: r.author, createdAt: r.createdAt }, config, { exec: writer(config).exec, now: handleOpts.now });
        for (const c of oc.changes)
            core/* info */.pq((0,log_safe/* logSafe */.s)(`on call: ${c}`));
        oncallApplied.push(...oc.applied);
        const isIncident = ctx.issue?.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase()) ?? false;
        if (!isIncident) {
            return {
                outputs: { actions: JSON.stringify(oc.applied) },
                summary: {
                    head: ['### IncidentOps: on call', ...oc.changes.map((c) => `- ${(0,markdown/* inline */.mG)(c, 300)}`)],
                    applied: oc.applied,
                },
                problems: [],
            };
        }
    }
    // A scheduled maintenance (its own label, not the incident label): its own handler.
    if (ctx.issue && (r.kind === 'issue' || r.kind === 'comment') && isMaintenanceIssue(ctx.issue.labels, config))
        return runMaintenanceIntake(port, ctx.issue, ctx.repoLabels, r.kind === 'comment'
            ? { kind: 'comment', commentId: r.commentId, body: r.body, author: r.author }
            : { kind: 'issue', action: r.action, sender: r.sender, ...(r.label ? { label: r.label } : {}) }, config, { workflow: inputs.sweepWorkflow, exec: writer(config).exec }, port.serverTime() ?? new Date().toISOString(), (l) => core/* info */.pq((0,log_safe/* logSafe */.s)(l)), `${repo.owner}/${repo.repo}`);
    const incoming = r.kind === 'comment'
        ? { kind: 'comment', commentId: r.commentId, body: r.body, author: r.author, createdAt: r.createdAt }
        : r.kind === 'merged'
            ? { kind: 'merged', pr: r.pr, sender: r.sender, ...(r.at ? { at: r.at } : {}) }
            : { kind: 'issue', action: r.action, sender: r.sender, label: r.label, ...(r.at ? { at: r.at } : {}) };
    core/* startGroup */.Oh(`Incident #${r.number}`);
    const { board, exec } = writer(config);
    const calmOpts = { workflow: inputs.sweepWorkflow, exec };
    const late = sweepLateNotice(ctx.repoLabels, config.sweep.interval, port.serverTime());
    if (late.line)
        core/* warning */.$e((0,log_safe/* logSafe */.s)(late.line));
    const result = await handleIncident(port, board, ctx, incoming, config, {
        ...handleOpts,
        exec,
        oncallView: oncallViewLoader(port, config),
        history: historyLoader(port, config.labels.incident),
        cardWarnings: late.card,
    });
    result.applied.unshift(...oncallApplied);
    const decision = result.decision;
    if (decision.kind === 'skip') {
        core/* endGroup */.N4();
        core/* notice */.lm((0,log_safe/* logSafe */.s)(`Nothing to do: ${decision.reason}.`));
        return (0,outcome/* nothing */.s)(`**IncidentOps**: nothing to do: ${(0,markdown/* inline */.mG)(decision.reason, 500)}.`);
    }
    for (const c of decision.changes)
        core/* info */.pq((0,log_safe/* logSafe */.s)(`record: ${c}`));
    if (result.applied.length === 0)
        core/* info */.pq('Already up to date: nothing to write.');
    core/* endGroup */.N4();
    const calm = decision.record.stage !== 'closed' ? await wakeSweep(ctx.repoLabels, calmOpts) : calm_NONE;
    result.applied.push(...calm.applied);
    if (calm.problem)
        result.problems.push(calm.problem);
    if (calm.line)
        core/* info */.pq(calm.line);
    return {
        outputs: {
            'incident-number': String(decision.record.number),
            priority: decision.record.priority,
            stage: decision.record.stage,
            actions: JSON.stringify(result.applied),
        },
        summary: {
            head: [
                `### IncidentOps: incident #${decision.record.number}`,
                `**${decision.record.priority}** · stage **${decision.record.stage}** · ${decision.record.priorityReason}${inputs.dryRun ? ' · _dry run: nothing was written_' : ''}`,
                // Changes can quote a comment, a label or an edited field: neutralised as any quoted text.
                ...decision.changes.map((c) => `- ${(0,markdown/* inline */.mG)(c, 500)}`),
                ...(calm.line ? [calm.line] : []),
                ...(late.line ? [late.line] : []),
                ...result.problems.map((p) => `- ⚠️ ${(0,markdown/* inline */.mG)(p, 500)}`),
            ],
            applied: result.applied,
        },
        problems: result.problems,
    };
}
/** The PagerDuty change event in a dispatch's client_payload, checked; null when it holds something else. */
function pagerDutyChangeOf(clientPayload) {
    const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    const pd = isObj(clientPayload) && isObj(clientPayload.incidentops) ? clientPayload.incidentops.pagerduty : undefined;
    return isChangeEvent(pd) ? pagerDutyChange(pd, 'client_payload.incidentops.pagerduty') : null;
}
/** The phone pager for the config's channels (null when it names none); the secrets it reads are masked in the log. */
function pagerFor(config, env) {
    const p = config.oncall.paging;
    if (!Object.keys(p.people).length && !Object.keys(p.schedules).length)
        return null;
    for (const s of pagingSecrets(p, env))
        core/* setSecret */.Pq(s);
    return createPager(p, { env });
}
/** The status page subscribers' announcer (null when there are none); the secrets it reads are masked in the log. */
function announcerFor(config, env, sleep) {
    const s = config.status.subscribers;
    if (!hasSubscribers(s))
        return null;
    for (const v of subscriberSecrets(s, env))
        core/* setSecret */.Pq(v);
    return createAnnouncer(s, { env, sleep });
}
/** Sends to the configured webhooks; their URLs are secrets, masked in the log. Failures are warnings. */
function notifier(inputs) {
    const targets = parseTargets(inputs.notify);
    for (const t of targets)
        core/* setSecret */.Pq(t.url);
    if (targets.length === 0)
        return undefined;
    return async (n) => {
        const r = await sendNotifications(targets, n, { warn: (m) => core/* warning */.$e((0,log_safe/* logSafe */.s)(m)) });
        core/* info */.pq((0,log_safe/* logSafe */.s)(`notification "${n.event}" for #${n.number}: ${r.sent} sent, ${r.failed} failed`));
    };
}
function repoRef(full) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full ?? '');
    if (!m)
        throw new errors/* PayloadError */.tG(`GITHUB_REPOSITORY must be owner/name; it is "${full ?? ''}".`);
    return { owner: m[1], repo: m[2] };
}
/** The config file from the workspace: its text, null when the checkout has none, undefined with no checkout. */
function localConfig(workspace, path) {
    if (!workspace || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, '.git')))
        return undefined;
    const file = (0,external_node_path_.join)(workspace, path);
    return (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file, 'utf8') : null;
}
/** How many incidents are open now (one GraphQL request: the first page's total). */
async function countOpen(port, label) {
    for await (const page of port.incidentPages({ label, states: ['OPEN'] }))
        return page.totalCount;
    return 0;
}


/***/ })

};
