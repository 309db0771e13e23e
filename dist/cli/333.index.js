export const id = 333;
export const ids = [333];
export const modules = {

/***/ 1333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oncallCommand: () => (/* binding */ oncallCommand)
/* harmony export */ });
/* unused harmony exports ONCALL_HELP, overrideJson */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5648);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5003);
/* harmony import */ var _oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3240);
/* harmony import */ var _oncall_ics_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8204);
/* `incidentops oncall`: who is on call, from the schedules in the configuration file. */








const ONCALL_HELP = `incidentops oncall [--schedule S] [--at ISO] [--next N] [--json] [--config FILE]
incidentops oncall --ics [--schedule S] [--at ISO] [--days N] [--out DIR] [--config FILE]

Who is on call, computed from the schedules under \`oncall.schedules\` in the configuration
(default .github/incidents.yml), with the overrides written there. Overrides made with \`/cover\`
live in the repository's on-call issue; \`/oncall\` in any issue answers with them included.

  --schedule S   Only this schedule (default: all).
  --at ISO       The instant asked about (default: now), e.g. 2026-12-06T09:00:00Z.
  --next N       Also the next N changes (hand-offs, overrides, gaps).
  --json         JSON: a list with, per schedule, {schedule, time, who, layer, until, override,
                 next}; override is null or {who, from, to, source, by, reason}; times are ISO UTC.
  --ics          An iCalendar file of the schedule (one event per shift) from --at for --days
                 (default 56): printed, or with --out DIR written as DIR/<schedule>.ics.

Exit 0 success, 1 the configuration is invalid or the schedule unknown, 2 usage error.`;
const SPEC = {
    options: {
        schedule: { type: 'string' },
        at: { type: 'string' },
        next: { type: 'string' },
        json: { type: 'boolean' },
        ics: { type: 'boolean' },
        days: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
    },
    maxPositionals: 0,
};
/** The JSON form of an override (documented in the help and docs/oncall.md). */
function overrideJson(o) {
    return o
        ? { who: o.who, from: (0,_oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .iso */ .KH)(o.from), to: (0,_oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .iso */ .KH)(o.to), source: o.source, by: o.by ?? null, reason: o.reason ?? null }
        : null;
}
const answerJson = (r) => ({
    time: r.time,
    who: r.who,
    layer: r.layer,
    until: r.until,
    override: overrideJson(r.override),
});
/** Runs `incidentops oncall`; `now` (the machine's clock) and `write` (raw stdout, for the CRLF calendar) are injectable. */
function oncallCommand(args, out, err, now = Date.now, write = (t) => process.stdout.write(t)) {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommand */ .R)(args, SPEC);
    if (parsed.kind === 'help') {
        out(ONCALL_HELP);
        return 0;
    }
    if (parsed.kind === 'usage')
        return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, parsed.message, ONCALL_HELP);
    const v = parsed.values;
    const count = (name, text, def, max) => {
        if (text === undefined)
            return def;
        const n = Number(text);
        return Number.isInteger(n) && n >= 0 && n <= max
            ? n
            : `--${name} must be a whole number from 0 to ${max}, not "${text}".`;
    };
    const next = count('next', v.next, 0, 500);
    const days = count('days', v.days, 56, 800);
    if (typeof next === 'string')
        return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, next, ONCALL_HELP);
    if (typeof days === 'string')
        return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, days, ONCALL_HELP);
    const at = v.at === undefined ? now() : Date.parse(v.at);
    if (Number.isNaN(at) || (v.at !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(v.at)))
        return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, `--at must be an ISO date and time, e.g. 2026-12-06T09:00:00Z, not "${v.at}".`, ONCALL_HELP);
    if (v.out !== undefined && !v.ics)
        return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, '--out goes with --ics.', ONCALL_HELP);
    const file = v.config ?? '.github/incidents.yml';
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        err(`${file}: no such file. On-call schedules are read from the configuration; pass --config FILE for another path.`);
        return 1;
    }
    let schedules;
    try {
        schedules = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), file).oncall.schedules;
    }
    catch (error) {
        err(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL ? error.message : `${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}`);
        return 1;
    }
    if (schedules.length === 0) {
        err(`${file} has no schedules: add them under \`oncall.schedules\` (docs/oncall.md).`);
        return 1;
    }
    if (v.schedule !== undefined) {
        schedules = schedules.filter((s) => s.name === v.schedule);
        if (schedules.length === 0) {
            err(`There is no schedule "${v.schedule}" in ${file}.`);
            return 1;
        }
    }
    if (v.ics) {
        const to = at + days * 86_400_000;
        if (v.out === undefined) {
            if (schedules.length > 1)
                return (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(err, `--ics prints one schedule: pick it with --schedule (${schedules.map((s) => s.name).join(', ')}), or write them all with --out DIR.`, ONCALL_HELP);
            write((0,_oncall_ics_js__WEBPACK_IMPORTED_MODULE_7__/* .scheduleIcs */ .hC)(schedules[0], at, to));
            return 0;
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(v.out, { recursive: true });
        for (const s of schedules) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(v.out, `${s.name}.ics`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, (0,_oncall_ics_js__WEBPACK_IMPORTED_MODULE_7__/* .scheduleIcs */ .hC)(s, at, to));
            out(`wrote ${path}`);
        }
        return 0;
    }
    const answers = schedules.map((s) => {
        const [first, ...rest] = (0,_oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .upcoming */ .n6)(s, at, next + 1);
        return { s, first: first, rest };
    });
    if (v.json) {
        out(JSON.stringify(answers.map((a) => ({ schedule: a.s.name, ...answerJson(a.first), next: a.rest.map(answerJson) })), null, 2));
        return 0;
    }
    for (const a of answers) {
        out(`${a.s.name} (${a.s.timeZone}):`);
        for (const r of [a.first, ...a.rest])
            out(`  ${describeAnswer(r, a.s.timeZone, r === a.first)}`);
    }
    return 0;
}
function describeAnswer(r, zone, first) {
    const when = first ? 'now' : `from ${(0,_oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .localTime */ .HJ)(Date.parse(r.time), zone)}`;
    const who = r.who ? `@${r.who}` : 'nobody';
    const why = r.override
        ? `override${r.override.by ? ` by @${r.override.by}` : ''}${r.override.reason ? `: ${r.override.reason}` : ''}`
        : r.layer
            ? `layer ${r.layer}`
            : 'a gap';
    return `${when}: ${who} (${why})${r.until ? `, until ${(0,_oncall_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .localTime */ .HJ)(Date.parse(r.until), zone)}` : ''}`;
}


/***/ }),

/***/ 8204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hC: () => (/* binding */ scheduleIcs)
/* harmony export */ });
/* unused harmony exports stamp, icsText, fold */
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3240);
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
    const clean = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralizeMarkers */ .lW)((0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralizeMentions */ .tI)(text)).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
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
    for (const g of (0,_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .timeline */ .IO)(s, from, to, extra)) {
        if (g.who === null)
            continue;
        lines.push('BEGIN:VEVENT', `UID:${s.name}-${stamp(g.from)}-${g.who}@incidentops`, `DTSTAMP:${stamp(from)}`, `DTSTART:${stamp(g.from)}`, `DTEND:${stamp(g.to)}`, `SUMMARY:${icsText(`On call (${s.name}): ${g.who}`)}`, `DESCRIPTION:${icsText(describe(g))}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ neutralizeReferences),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   lW: () => (/* binding */ neutralizeMarkers),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   tI: () => (/* binding */ neutralizeMentions)
/* harmony export */ });
/* unused harmony exports neutralizeLinks, defuseUserText, truncate, quote */
/**
 * Making user text safe to quote back: it must not ping people, break our markdown, or smuggle
 * our hidden markers. Everything we echo from titles, bodies, alerts and commands goes through here.
 */
const ZWSP = '\u200b';
/** `@user` and `@org/team` stop being mentions: a zero-width space after the `@` (as Dependabot does). */
function neutralizeMentions(text) {
    // GitHub decodes HTML entities before it looks for mentions: `&#64;alice` is `@alice` too.
    return text
        .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
        .replace(/(&(?:#0*64|#x0*40|commat);)(?=[A-Za-z0-9])/gi, `$1${ZWSP}`);
}
/** Removes anything that could be read as one of our hidden markers or open an HTML comment. */
function neutralizeMarkers(text) {
    return text
        .replace(/<!--/g, '&lt;!--')
        .replace(/-->/g, '--&gt;')
        .replace(/incidentops:/gi, `incidentops${ZWSP}:`);
}
/** Issue references (`#12`, `org/repo#12`, `GH-12`) stop linking and back-referencing other threads. */
function neutralizeReferences(text) {
    return text.replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}${ZWSP}-`);
}
/**
 * Links and images stop being markdown: a `[` that a `](`, `][` or `]:` follows becomes the entity
 * `&#91;`, which GitHub shows as `[` but never parses as syntax. So `![x](https://tracker/px.png)`
 * cannot embed (no request to someone's server from every reader's browser), `[Status page](https://evil)`
 * cannot hide where it leads, and reference definitions cannot form; a bare URL stays visible
 * (GitHub autolinks it). Brackets with nothing of the kind after them (`shipit[bot]`) stay as they are.
 * Linear: every `[` before the last closing sequence is replaced, which is what a lookahead would do.
 */
function neutralizeLinks(text) {
    const last = Math.max(text.lastIndexOf(']('), text.lastIndexOf(']['), text.lastIndexOf(']:'));
    if (last < 0)
        return text;
    return text.slice(0, last).replace(/\[/g, '&#91;') + text.slice(last);
}
/**
 * Everything someone else wrote, before we quote it: mentions, our markers, issue references,
 * links and images defused. inline() and quote() apply it; use it directly for other shapes.
 */
function defuseUserText(text) {
    return neutralizeLinks(neutralizeReferences(neutralizeMarkers(neutralizeMentions(text))));
}
/**
 * Drops control characters (NUL, escapes) that have no business in an issue thread, and the
 * bidirectional overrides and isolates that make text read differently than it is (U+202A–E, U+2066–9).
 */
function stripControls(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}
/** Cuts to `max` characters on a code point boundary, saying that it did. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const cut = Array.from(text.slice(0, max)).join('');
    return `${cut}… (${text.length - max} more characters)`;
}
/**
 * One line of user text for a table cell, a heading or a list item: no newlines, pipes escaped,
 * HTML neutralised, mentions, markers, issue references, links and images defused, length bounded.
 */
function inline(text, max = 200) {
    if (!text)
        return '';
    let t = stripControls(text).replace(/\s+/g, ' ').trim();
    t = truncate(t, max);
    t = t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // A leading `#`, `>` or list marker would change the block we put it in.
    t = t.replace(/^([#>+\-=*]|\d+[.)])/, '\\$1');
    return defuseUserText(t);
}
/**
 * Several lines of user text as a blockquote. Fences and HTML inside cannot escape the quote:
 * `<` is escaped, and a blockquote closes any fence opened inside it. Mentions, markers, issue
 * references, links and images are defused as in inline().
 */
function quote(text, max = 1500) {
    if (!text || !text.trim())
        return '> _(empty)_';
    let t = truncate(stripControls(text).replace(/\r\n?/g, '\n').trim(), max);
    t = t.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    t = defuseUserText(t);
    return t
        .split('\n')
        .map((l) => (l.length ? `> ${l}` : '>'))
        .join('\n');
}
/** Text for inside an inline code span: backticks cannot close it. */
function code(text, max = 100) {
    const t = truncate(stripControls(text).replace(/\s+/g, ' '), max).replace(/`/g, 'ˋ');
    return `\`${neutralizeMarkers(t)}\``;
}


/***/ })

};
