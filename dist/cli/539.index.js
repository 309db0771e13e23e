export const id = 539;
export const ids = [539];
export const modules = {

/***/ 4539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  alertCommand: () => (/* binding */ alertCommand),
  relayCommand: () => (/* binding */ relayCommand)
});

// UNUSED EXPORTS: ALERT_HELP, RELAY_HELP

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/config/regex.ts + 1 modules
var regex = __webpack_require__(6604);
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

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/alerts/text.ts
/**
 * Reading untrusted JSON field by field: each helper names the field's path in its error, says what
 * was expected and what it found, and returns text that is safe to quote back in an issue.
 */





const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** How a value looks in an error message: `"fire"`, `3`, `null`, `missing`, `an array`, `an object`. */
function describe(v) {
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
    throw new errors/* PayloadError */.tG(`${path} ${expected}; it is ${describe(actual)}.`);
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
function safeLink(v) {
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
        const l = safeLink(c);
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
        if (!isObj(src))
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
    if (!isObj(v))
        fail(path, 'must be an object of string values', v);
    const entries = Object.entries(v);
    if (entries.length > LIMITS.labels)
        throw new errors/* PayloadError */.tG(`${path} must have at most ${LIMITS.labels} labels; it has ${entries.length}.`);
    const out = {};
    for (const [k, raw] of entries) {
        if (!LABEL_KEY_PATTERN.test(k) || k.startsWith('__'))
            throw new errors/* PayloadError */.tG(`${path} has a label named ${describe(k)}: label names must be 1 to ${LIMITS.labelKey} characters of letters, digits and _ . - / and must not start with "__".`);
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
        if (typeof l !== 'string' || safeLink(l) === null)
            fail(field(path, i), 'must be an http(s) URL without credentials', l);
    });
    return collectLinks(v);
}
/** One alert object of our schema. Unknown fields are reported: a typo must not silently drop data. */
function genericAlert(v, path) {
    if (!isObj(v))
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
    if (!isObj(v))
        fail(path, 'must be an object of strings', v);
    return v;
}
const alertmanager_text = (v) => (typeof v === 'string' && v.trim() ? v.slice(0, LIMITS.rawString) : null);
function oneAlert(a, path, body, flavour) {
    if (!isObj(a))
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
    if (!isObj(body))
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
function date(v, path) {
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
    if (!isObj(body))
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
    const when = date(body.date, field(path, 'date'));
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
    if (!isObj(body))
        fail(path, 'must be the Uptime Kuma webhook body { heartbeat, monitor, msg }', body);
    const hb = body.heartbeat;
    const mon = body.monitor;
    // The Test button sends no heartbeat and no monitor; through our Liquid recipe they arrive as
    // objects of nulls instead.
    const blank = (o, ...keys) => o === null || o === undefined || (isObj(o) && keys.every((k) => o[k] === null || o[k] === undefined));
    if (blank(hb, 'status', 'monitorID') && blank(mon, 'id'))
        throw new errors/* PayloadError */.tG(`${path}.heartbeat is null: this is Uptime Kuma's test notification, which carries no monitor; nothing to do.`);
    if (!isObj(hb))
        fail(field(path, 'heartbeat'), 'must be the heartbeat object', hb);
    if (!isObj(mon))
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
    return isObj(body) && body.event_action === undefined && isObj(body.payload);
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
    const flat = isObj(v)
        ? Object.entries(v).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
        : [JSON.stringify(v)];
    return multiline(flat.join('\n').slice(0, LIMITS.rawString), LIMITS.description);
}
/** Links and images, as links only: an image is never embedded (its `src` and `href` become links). */
function linksOf(body, path) {
    const out = [];
    if (body.links !== undefined) {
        if (!Array.isArray(body.links))
            fail(field(path, 'links'), 'must be an array of { href, text }', body.links);
        for (const l of body.links)
            if (isObj(l))
                out.push(l.href);
    }
    if (body.images !== undefined) {
        if (!Array.isArray(body.images))
            fail(field(path, 'images'), 'must be an array of { src, href, alt }', body.images);
        for (const i of body.images)
            if (isObj(i))
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
    if (!isObj(body))
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
    const links = linksOf(body, path);
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
    if (!isObj(p))
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
    if (!isObj(body))
        fail(path, 'must be a PagerDuty change event (an object with payload)', body);
    unknownKeys(body, ['routing_key', 'payload', 'links', 'images'], path);
    const pp = field(path, 'payload');
    const p = body.payload;
    if (!isObj(p))
        fail(pp, 'must be an object with summary', p);
    unknownKeys(p, ['summary', 'source', 'timestamp', 'custom_details'], pp);
    const summaryRaw = str(p.summary, field(pp, 'summary'));
    if (summaryRaw.length > SUMMARY_MAX)
        fail(field(pp, 'summary'), `must be at most ${SUMMARY_MAX} characters (PagerDuty's limit)`, summaryRaw);
    return {
        summary: requiredLine(summaryRaw, field(pp, 'summary'), LIMITS.title),
        source: p.source === undefined || p.source === null ? null : plainLine(str(p.source, field(pp, 'source')), 255),
        timestamp: isoTime(p.timestamp, field(pp, 'timestamp')),
        links: linksOf(body, path),
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
    if (isObj(many))
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
    if (!isObj(clientPayload))
        fail('client_payload', `must be an object with an \`${PAYLOAD_KEY}\` key`, clientPayload);
    const inner = clientPayload[PAYLOAD_KEY];
    if (inner === undefined)
        throw new errors/* PayloadError */.tG(`client_payload must have an \`${PAYLOAD_KEY}\` key holding the alert (see docs/monitoring.md); it has ${Object.keys(clientPayload).length
            ? Object.keys(clientPayload)
                .slice(0, 10)
                .map((k) => describe(k))
                .join(', ')
            : 'no keys'}.`);
    if (!isObj(inner))
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

;// CONCATENATED MODULE: ./src/relay/github.ts
/**
 * One `repository_dispatch` to GitHub (POST /repos/{owner}/{repo}/dispatches, 204 on success) with
 * bounded retries of GitHub's transient failures: 5xx, network errors, and 403/429 rate limits that
 * say when to come back (`retry-after`, or `x-ratelimit-remaining: 0` with `x-ratelimit-reset`).
 * `sleep` is injected so tests do not wait.
 */

const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Longest wait we honour from a `retry-after` before giving up on this delivery instead. */
const MAX_WAIT_MS = 60_000;
/** `owner/name` with GitHub's characters only. */
const REPO_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function retryDelay(res, attempt) {
    const backoff = Math.min(1000 * 2 ** attempt, 30_000);
    if (!res)
        return backoff;
    if (res.status >= 500)
        return backoff;
    if (res.status === 429 || res.status === 403) {
        const after = res.headers.get('retry-after');
        if (after && /^\d+$/.test(after.trim()))
            return Math.max(1000, Number(after) * 1000);
        if (res.headers.get('x-ratelimit-remaining') === '0') {
            const reset = Number(res.headers.get('x-ratelimit-reset'));
            if (Number.isFinite(reset))
                return Math.max(1000, reset * 1000 - Date.now());
        }
        return res.status === 429 ? backoff : null;
    }
    return null;
}
/** Sends the dispatch; resolves with the final status, or throws GitHubApiError after the retries. */
async function sendDispatch(o) {
    const retries = Math.max(0, o.retries ?? 3);
    const sleep = o.sleep ?? defaultSleep;
    const route = `POST /repos/${o.repo}/dispatches`;
    const url = `${o.apiUrl.replace(/\/+$/, '')}/repos/${o.repo}/dispatches`;
    const body = JSON.stringify({ event_type: o.eventType, client_payload: o.clientPayload });
    let last = '';
    let lastStatus = 0;
    let attempts = 0;
    for (let attempt = 0; attempt <= retries; attempt++) {
        attempts = attempt + 1;
        let res = null;
        try {
            res = await fetch(url, {
                method: 'POST',
                headers: {
                    authorization: `Bearer ${o.token}`,
                    accept: 'application/vnd.github+json',
                    'content-type': 'application/json',
                    'x-github-api-version': '2022-11-28',
                    'user-agent': 'incidentops-relay',
                },
                body,
                signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
            });
        }
        catch (error) {
            last = `network error: ${(0,errors/* getErrorMessage */.u1)(error)}`;
            lastStatus = 0;
        }
        if (res) {
            if (res.ok) {
                await res.arrayBuffer().catch(() => undefined);
                return { status: res.status, attempts: attempt + 1 };
            }
            lastStatus = res.status;
            const text = await res.text().catch(() => '');
            let message = text.slice(0, 300);
            try {
                const j = JSON.parse(text);
                if (typeof j.message === 'string')
                    message = j.message.slice(0, 300);
            }
            catch {
                // not JSON: keep the text
            }
            last = `HTTP ${res.status}${message ? `: ${message}` : ''}`;
        }
        const wait = retryDelay(res, attempt);
        if (wait === null || attempt === retries || wait > MAX_WAIT_MS)
            break;
        await sleep(wait);
    }
    throw new errors/* GitHubApiError */.OS(`${route} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${last}`, lastStatus, route);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/alerts/group.ts
/**
 * Alertmanager and Grafana group alerts (their `group_by`): one notification is one problem, so
 * one group is one incident. The adapters keep every alert (with its own fingerprint) for the
 * record; this collapses a group into the single alert the incident logic handles, keyed by the
 * group's `groupKey`. Pure.
 */


/** The group key of a native Alertmanager or Grafana body inside our payload, or null. */
function groupKeyOf(clientPayload) {
    if (!isObj(clientPayload) || !isObj(clientPayload.incidentops))
        return null;
    const inner = clientPayload.incidentops;
    for (const source of ['alertmanager', 'grafana']) {
        const body = inner[source];
        if (isObj(body) && typeof body.groupKey === 'string' && body.groupKey.trim())
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

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
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
const RECORD_RE = /<!-- incidentops:heartbeat-record:v1:([A-Za-z0-9+/=]+) -->/;
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
    const m = RECORD_RE.exec(body);
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

;// CONCATENATED MODULE: ./src/relay/server.ts
/**
 * `incidentops relay`: a small HTTP server for monitors that cannot template their request body
 * (Prometheus Alertmanager; Grafana without a custom payload). It authenticates the caller, checks
 * the body with the same parser the action uses, and forwards it as ONE repository_dispatch:
 *
 *   POST /alertmanager  Alertmanager's webhook body   → client_payload { incidentops: { alertmanager: body } }
 *   POST /grafana       Grafana's webhook body        → client_payload { incidentops: { grafana: body } }
 *   POST /alert         our schema ({ version, alerts } or { incidentops: … }) → client_payload { incidentops: … }
 *   POST /pagerduty     a PagerDuty Events API v2 body (also at PagerDuty's own paths /v2/enqueue and
 *                       /v2/change/enqueue) → client_payload { incidentops: { pagerduty: body } }, the
 *                       routing_key left out; answered as PagerDuty does (status, message, dedup_key)
 *   POST /heartbeat/<name>  a heartbeat's ping (any body, or none) → event_type `heartbeat`,
 *                       client_payload { name }; a cron job ends with `curl -fsS -X POST -H "Authorization: Bearer …" …/heartbeat/<name>`
 *   GET  /healthz       200 { ok: true } (no auth: for load balancers and probes)
 *
 * Answers: 202 forwarded; 400 not JSON; 401 bad token; 404/405 wrong route; 408 too slow; 413 too
 * large; 415 not a JSON content type; 422 not an alert (nothing is forwarded); 429 too many wrong
 * tokens from this address; 502 GitHub kept failing.
 *
 * It is reachable by anyone who can reach its port, so it bounds what a stranger can hold: every
 * request must arrive within `timeoutMs` (headers and body), idle sockets close after it too, at most
 * `maxConnections` sockets are open at once, and an address that keeps sending wrong tokens waits
 * longer and longer (429 with Retry-After) before it may try again.
 */








/** The dedup_key the sender gave, to echo back as PagerDuty does. */
const pagerDutyDedupKey = (body) => typeof body === 'object' && body !== null && typeof body.dedup_key === 'string'
    ? body.dedup_key
    : null;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_CONNECTIONS = 64;
const DEFAULT_AUTH_FAILURES_ALLOWED = 5;
/** The longest an address is made to wait after wrong tokens. */
const MAX_BACKOFF_MS = 15 * 60_000;
/** Addresses remembered for the back-off; the oldest is forgotten past this (bounded memory). */
const MAX_TRACKED_ADDRESSES = 10_000;
/**
 * Wrong bearer tokens per client address: after `allowed` failures in a row, each further failure
 * doubles the wait (1 s, 2 s, 4 s … up to 15 min) during which the address gets 429 without its
 * token being checked. A right token clears the address. Guessing a 16+ character secret is
 * hopeless anyway; this keeps a scanner from spending the relay's CPU and GitHub's patience.
 */
class AuthBackoff {
    allowed;
    now;
    seen = new Map();
    constructor(allowed, now) {
        this.allowed = allowed;
        this.now = now;
    }
    /** Milliseconds this address must still wait, or 0. */
    waitFor(addr) {
        const e = this.seen.get(addr);
        return e ? Math.max(0, e.until - this.now()) : 0;
    }
    failed(addr) {
        const e = this.seen.get(addr) ?? { failures: 0, until: 0 };
        e.failures++;
        if (e.failures > this.allowed)
            e.until = this.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(20, e.failures - this.allowed - 1));
        this.seen.delete(addr);
        this.seen.set(addr, e);
        if (this.seen.size > MAX_TRACKED_ADDRESSES)
            this.seen.delete(this.seen.keys().next().value);
    }
    succeeded(addr) {
        this.seen.delete(addr);
    }
}
/** `application/json`, or a JSON flavour (`application/problem+json`), with any parameters. */
function isJsonContentType(header) {
    const type = (header ?? '').split(';')[0].trim().toLowerCase();
    return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** GitHub: "The total size of the JSON payload must be less than 64KB"; we keep a margin. */
const MAX_CLIENT_PAYLOAD_BYTES = 63 * 1024;
const ROUTES = {
    '/alertmanager': 'alertmanager',
    '/grafana': 'grafana',
    '/alert': 'alert',
    '/pagerduty': 'pagerduty',
    '/v2/enqueue': 'pagerduty',
    '/v2/change/enqueue': 'pagerduty',
};
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
const digest = (s) => (0,external_node_crypto_.createHash)('sha256').update(s, 'utf8').digest();
/** Constant-time bearer check: both sides hashed to equal-length digests, then timingSafeEqual. */
function authorized(header, expected) {
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    const given = digest(m?.[1] ?? '');
    // Always compare, even when the header is absent, so timing says nothing about which case it was.
    return (0,external_node_crypto_.timingSafeEqual)(given, expected) && m !== null;
}
function readBody(req, max) {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > max) {
            reject(new HttpError(413, `The body is ${declared} bytes; the relay accepts at most ${max}.`));
            return;
        }
        const chunks = [];
        let size = 0;
        let done = false;
        req.on('data', (c) => {
            if (done)
                return;
            size += c.length;
            if (size > max) {
                done = true;
                reject(new HttpError(413, `The body is over ${max} bytes; the relay accepts at most ${max}.`));
                return;
            }
            chunks.push(c);
        });
        req.on('end', () => {
            if (!done) {
                done = true;
                resolve(Buffer.concat(chunks));
            }
        });
        req.on('error', (e) => {
            if (!done) {
                done = true;
                reject(e);
            }
        });
    });
}
const ANNOTATIONS_KEPT = ['summary', 'description', 'message', 'runbook_url', 'runbook', 'dashboard'];
const ALERT_FIELDS_KEPT = [
    'status',
    'labels',
    'annotations',
    'startsAt',
    'endsAt',
    'generatorURL',
    'fingerprint',
    'dashboardURL',
    'panelURL',
    'silenceURL',
];
const BODY_FIELDS_KEPT = [
    'version',
    'status',
    'groupKey',
    'truncatedAlerts',
    'receiver',
    'externalURL',
    'orgId',
    'title',
    'state',
];
/**
 * A native body cut down to what the adapter reads (and long annotations clipped), for groups too
 * big for GitHub's 64 KB. Still a valid body of the same kind.
 */
function slim(body) {
    const pick = (o, keys) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
    const alerts = Array.isArray(body.alerts) ? body.alerts : [];
    return {
        ...pick(body, BODY_FIELDS_KEPT),
        alerts: alerts.map((a) => {
            if (typeof a !== 'object' || a === null || Array.isArray(a))
                return a;
            const kept = pick(a, ALERT_FIELDS_KEPT);
            const ann = kept.annotations;
            if (typeof ann === 'object' && ann !== null && !Array.isArray(ann)) {
                const o = ann;
                kept.annotations = Object.fromEntries(ANNOTATIONS_KEPT.filter((k) => typeof o[k] === 'string').map((k) => [k, o[k].slice(0, 2000)]));
            }
            return kept;
        }),
    };
}
const size = (v) => Buffer.byteLength(JSON.stringify(v), 'utf8');
/** The client_payload for a request body, checked with the action's own parser; throws HttpError. */
function payloadFor(kind, body, eventType) {
    let clientPayload;
    if (kind === 'pagerduty' && isChangeEvent(body)) {
        // A change event is checked and forwarded; the action records it and opens no incident.
        const { routing_key: _credential, ...rest } = body;
        clientPayload = { incidentops: { pagerduty: rest } };
        try {
            pagerDutyChange(rest, 'body');
        }
        catch (error) {
            throw new HttpError(422, error instanceof errors/* PayloadError */.tG ? error.message : (0,errors/* getErrorMessage */.u1)(error));
        }
        if (size(clientPayload) > MAX_CLIENT_PAYLOAD_BYTES)
            throw new HttpError(413, 'The change event is larger than a repository_dispatch payload may be (64 KB).');
        return { clientPayload, received: [], keys: [] };
    }
    if (kind === 'pagerduty') {
        // The routing key is the sender's PagerDuty credential: it is not forwarded.
        const { routing_key: _credential, ...rest } = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { body };
        clientPayload = {
            incidentops: { pagerduty: typeof body === 'object' && body !== null && !Array.isArray(body) ? rest : body },
        };
    }
    else if (kind === 'alert') {
        const wrapped = typeof body === 'object' && body !== null && !Array.isArray(body) && 'incidentops' in body;
        clientPayload = wrapped ? { incidentops: body.incidentops } : { incidentops: body };
    }
    else {
        clientPayload = { incidentops: { [kind]: body } };
    }
    let received;
    try {
        received = parseAlertDispatch(eventType, clientPayload, { eventTypes: [eventType] });
    }
    catch (error) {
        throw new HttpError(422, error instanceof errors/* PayloadError */.tG ? error.message : (0,errors/* getErrorMessage */.u1)(error));
    }
    if (size(clientPayload) > MAX_CLIENT_PAYLOAD_BYTES &&
        kind !== 'alert' &&
        kind !== 'pagerduty' &&
        typeof body === 'object' &&
        body !== null &&
        !Array.isArray(body)) {
        clientPayload = { incidentops: { [kind]: slim(body) } };
    }
    const bytes = size(clientPayload);
    if (bytes > MAX_CLIENT_PAYLOAD_BYTES)
        throw new HttpError(413, `The alert is ${bytes} bytes as a repository_dispatch payload; GitHub accepts less than 64 KB. Send fewer alerts per request (Alertmanager: max_alerts; Grafana: Max Alerts).`);
    // The keys the action dedups on: a group's, not its members' fingerprints.
    return { clientPayload, received, keys: incidentAlerts(received, clientPayload).map((a) => a.key) };
}
function send(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
        ...headers,
    });
    res.end(text);
}
/** "3 alerts (2 firing, 1 resolved) as 1 incident key: alertmanager-group:…" for the log line. */
function summary(alerts, keys) {
    const firing = alerts.filter((a) => a.status === 'firing').length;
    const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? `, … (${keys.length - 5} more)` : '');
    const grouped = keys.length !== alerts.length ? ` as ${keys.length} incident key${keys.length === 1 ? '' : 's'}` : '';
    return `${alerts.length} alert${alerts.length === 1 ? '' : 's'} (${firing} firing, ${alerts.length - firing} resolved)${grouped}: ${shown}`;
}
/**
 * Creates the relay's HTTP server (not yet listening: call `.listen(port)`).
 *
 * @example createRelay({ githubToken, repo: 'acme/shop', apiUrl: 'https://api.github.com', relayToken, log: console.log }).listen(8080)
 */
function createRelay(opts) {
    if (!opts.relayToken)
        throw new Error('createRelay: relayToken is required');
    if (!opts.githubToken)
        throw new Error('createRelay: githubToken is required');
    const expected = digest(opts.relayToken);
    const max = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const eventType = opts.eventType ?? 'alert';
    const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const backoff = new AuthBackoff(opts.authFailuresAllowed ?? DEFAULT_AUTH_FAILURES_ALLOWED, opts.now ?? Date.now);
    const handle = async (req, res) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const started = Date.now();
        const line = (status, what) => opts.log(`${req.method ?? '?'} ${path} → ${status} ${what} (${Date.now() - started} ms)`);
        if (path === '/healthz') {
            if (req.method !== 'GET' && req.method !== 'HEAD')
                return send(res, 405, { error: 'Use GET /healthz.' }, { allow: 'GET, HEAD' });
            return send(res, 200, { ok: true });
        }
        const kind = ROUTES[path];
        const beat = /^\/heartbeat\/([^/]*)$/.exec(path);
        if (!kind && !beat) {
            line(404, 'no such route');
            return send(res, 404, {
                error: `No route ${path}. POST alerts to /alertmanager, /grafana, /alert or /pagerduty (or /v2/enqueue, /v2/change/enqueue), pings to /heartbeat/<name>; GET /healthz.`,
            });
        }
        if (req.method !== 'POST') {
            line(405, 'wrong method');
            return send(res, 405, { error: `Use POST ${path}.` }, { allow: 'POST' });
        }
        const addr = req.socket.remoteAddress ?? '?';
        const wait = backoff.waitFor(addr);
        if (wait > 0) {
            line(429, `too many wrong tokens from ${addr}: wait ${Math.ceil(wait / 1000)} s`);
            req.resume();
            return send(res, 429, { error: `Too many requests with a wrong token from this address; try again in ${Math.ceil(wait / 1000)} s.` }, { 'retry-after': String(Math.ceil(wait / 1000)), connection: 'close' });
        }
        if (!authorized(req.headers.authorization, expected)) {
            backoff.failed(addr);
            line(401, 'bad or missing bearer token');
            // Discard an unauthenticated body unread, and close the connection once the answer is out.
            req.resume();
            return send(res, 401, { error: 'Missing or wrong `Authorization: Bearer <token>`.' }, { 'www-authenticate': 'Bearer', connection: 'close' });
        }
        backoff.succeeded(addr);
        if (beat)
            return ping(req, res, beat[1], line);
        if (!kind)
            return;
        if (!isJsonContentType(req.headers['content-type'])) {
            line(415, `content type ${JSON.stringify(req.headers['content-type'] ?? '')}`);
            req.resume();
            return send(res, 415, {
                error: `The body must be JSON, sent with \`Content-Type: application/json\`; it was ${JSON.stringify(req.headers['content-type'] ?? 'not given')}.`,
            }, { accept: 'application/json', connection: 'close' });
        }
        try {
            const raw = await readBody(req, max);
            let body;
            try {
                body = JSON.parse(raw.toString('utf8'));
            }
            catch {
                throw new HttpError(400, 'The body is not valid JSON.');
            }
            const { clientPayload, received, keys } = payloadFor(kind, body, eventType);
            // The caller is authenticated and its body is in: waiting for GitHub (retries included, each
            // attempt bounded) is our time, not the caller's idleness, so the socket timeout pauses.
            req.socket.setTimeout(0);
            let result;
            try {
                result = await sendDispatch({
                    apiUrl: opts.apiUrl,
                    token: opts.githubToken,
                    repo: opts.repo,
                    eventType,
                    clientPayload,
                    retries: opts.retries,
                    sleep: opts.sleep,
                });
            }
            catch (error) {
                throw new HttpError(502, `GitHub did not accept the dispatch: ${(0,errors/* getErrorMessage */.u1)(error)}`);
            }
            line(202, `forwarded ${kind} to ${opts.repo} as "${eventType}" after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}: ${summary(received, keys)}`);
            // PagerDuty senders read `status`, `message` and `dedup_key` from the answer.
            const pd = kind === 'pagerduty'
                ? {
                    status: 'success',
                    message: 'Event processed',
                    ...(keys[0] ? { dedup_key: pagerDutyDedupKey(body) ?? keys[0] } : {}),
                }
                : {};
            // `alerts`: how many the body held; `keys`: the keys the action dedups on (one per group).
            return send(res, 202, {
                ...pd,
                forwarded: true,
                repo: opts.repo,
                event_type: eventType,
                alerts: received.length,
                keys,
                attempts: result.attempts,
            });
        }
        catch (error) {
            const status = error instanceof HttpError ? error.status : 500;
            const message = error instanceof HttpError ? error.message : `Internal error: ${(0,errors/* getErrorMessage */.u1)(error)}`;
            line(status, message);
            // After a 413 the rest of the body is unread: discard it and close the connection.
            if (status === 413)
                req.resume();
            return send(res, status, { error: message }, status === 413 ? { connection: 'close' } : {});
        }
    };
    /** A heartbeat's ping: the body (if any) is not read; the name is checked here, its existence by the action. */
    const ping = async (req, res, raw, line) => {
        req.resume();
        let name;
        try {
            name = decodeURIComponent(raw);
        }
        catch {
            name = raw;
        }
        if (!HEARTBEAT_NAME.test(name)) {
            line(422, 'not a heartbeat name');
            return send(res, 422, {
                error: 'A heartbeat name is 1–63 of a-z, 0-9, `.`, `_`, `-`, starting with a letter or digit, as declared under `heartbeats:` in .github/incidents.yml.',
            });
        }
        req.socket.setTimeout(0);
        try {
            const result = await sendDispatch({
                apiUrl: opts.apiUrl,
                token: opts.githubToken,
                repo: opts.repo,
                eventType: HEARTBEAT_EVENT_TYPE,
                clientPayload: { name },
                retries: opts.retries,
                sleep: opts.sleep,
            });
            line(202, `forwarded the ping of ${name} to ${opts.repo} as "${HEARTBEAT_EVENT_TYPE}" after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`);
            return send(res, 202, {
                forwarded: true,
                repo: opts.repo,
                event_type: HEARTBEAT_EVENT_TYPE,
                heartbeat: name,
                attempts: result.attempts,
            });
        }
        catch (error) {
            const message = `GitHub did not accept the dispatch: ${(0,errors/* getErrorMessage */.u1)(error)}`;
            line(502, message);
            return send(res, 502, { error: message });
        }
    };
    const server = external_node_http_default().createServer({
        // A request (headers and body) must arrive within the timeout, or Node answers 408 and closes:
        // an authenticated body that never ends no longer holds a socket for ever. Node checks these
        // deadlines every connectionsCheckingInterval (30 s by default): check often enough to keep them.
        requestTimeout: timeout,
        headersTimeout: timeout,
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeout / 4))),
        keepAliveTimeout: Math.min(5000, timeout),
    }, (req, res) => {
        handle(req, res).catch((error) => {
            opts.log(`${req.method ?? '?'} ${req.url ?? ''} → 500 ${(0,errors/* getErrorMessage */.u1)(error)}`);
            if (!res.headersSent)
                send(res, 500, { error: 'Internal error.' });
            else
                res.destroy();
        });
    });
    // A socket that sends nothing (or stops half-way) is closed after the timeout too.
    server.setTimeout(timeout, (socket) => socket.destroy());
    server.maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    return server;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/relay/cli.ts





const RELAY_HELP = `incidentops relay --repo owner/name [--port 8080] [--host 127.0.0.1] [--api-url URL]

Receives monitoring webhooks and forwards each as one repository_dispatch (event type "alert"):
  POST /alertmanager   Prometheus Alertmanager's webhook body
  POST /grafana        Grafana alerting's webhook body
  POST /alert          IncidentOps' own alert schema
  GET  /healthz        health check
Callers authenticate with "Authorization: Bearer $INCIDENTOPS_RELAY_TOKEN".
It listens on 127.0.0.1 (this machine only) unless --host says otherwise (--host 0.0.0.0 for
every interface): it speaks plain HTTP, so put a TLS proxy in front of it before exposing it.

Environment:
  GITHUB_TOKEN              token for GitHub (fine-grained PAT: Contents read & write on the repository)
  INCIDENTOPS_RELAY_TOKEN   the secret callers must send (at least 16 characters)
  GITHUB_API_URL            GitHub's API (default https://api.github.com), overridden by --api-url

Stops on SIGINT/SIGTERM. Exit codes: 0 stopped cleanly, 1 could not start, 2 usage error.`;
const ALERT_HELP = `incidentops alert --repo owner/name --key KEY --title TITLE [--status firing|resolved]
                  [--service NAME] [--severity LEVEL] [--description TEXT] [--api-url URL]

Sends one test alert to the repository as a repository_dispatch (event type "alert") in the
IncidentOps alert schema, as a monitor would. The token comes from GITHUB_TOKEN (a fine-grained
PAT with Contents: read & write on the repository).

Exit codes: 0 sent, 1 the alert or GitHub refused it, 2 usage error.`;
/**
 * The command's flags, parsed strictly (src/cli/args.ts). Returns the flags, or an exit code after
 * printing the help (0) or the usage error with the usage (2).
 */
function flags(args, allowed, help, out, err) {
    const parsed = (0,cli_args/* parseCommand */.R)(args, {
        options: Object.fromEntries(allowed.map((f) => [f, { type: 'string' }])),
        maxPositionals: 0,
    });
    if (parsed.kind === 'help') {
        out(help);
        return 0;
    }
    if (parsed.kind === 'usage') {
        err(`${parsed.message}\n\n${help}`);
        return 2;
    }
    return parsed.values;
}
function repoArg(f, err) {
    const repo = f.repo;
    if (!repo) {
        err('--repo owner/name is required.');
        return null;
    }
    if (!REPO_PATTERN.test(repo)) {
        err(`--repo must look like owner/name; it is "${repo}".`);
        return null;
    }
    return repo;
}
function apiUrlArg(f, env, err) {
    const url = f['api-url'] ?? env.GITHUB_API_URL ?? 'https://api.github.com';
    try {
        const u = new URL(url);
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            throw new Error('not http(s)');
        return url.replace(/\/+$/, '');
    }
    catch {
        err(`--api-url must be an http(s) URL; it is "${url}".`);
        return null;
    }
}
/** `incidentops relay`: resolves when the server stops (a signal, or `stop` for tests). */
async function relayCommand(args, out, err, env = process.env, hooks = {}) {
    const f = flags(args, ['repo', 'port', 'host', 'api-url'], RELAY_HELP, out, err);
    if (typeof f === 'number')
        return f;
    const repo = repoArg(f, err);
    const apiUrl = apiUrlArg(f, env, err);
    if (!repo || !apiUrl)
        return 2;
    const port = Number(f.port ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        err(`--port must be a port number (0-65535); it is "${f.port}".`);
        return 2;
    }
    const githubToken = env.GITHUB_TOKEN?.trim();
    const relayToken = env.INCIDENTOPS_RELAY_TOKEN?.trim();
    if (!githubToken) {
        err('GITHUB_TOKEN is not set: the relay needs a token for GitHub (a fine-grained PAT with Contents: read & write on the repository).');
        return 2;
    }
    if (!relayToken || relayToken.length < 16) {
        err('INCIDENTOPS_RELAY_TOKEN is not set or shorter than 16 characters: it is the secret monitors send as "Authorization: Bearer …" (e.g. `openssl rand -hex 32`).');
        return 2;
    }
    const server = createRelay({
        githubToken,
        repo,
        apiUrl,
        relayToken,
        log: (l) => out(`${new Date().toISOString()} ${l}`),
    });
    return new Promise((resolve) => {
        let stopping = false;
        const stop = () => {
            if (stopping)
                return;
            stopping = true;
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            out('Stopping the relay…');
            server.close(() => resolve(0));
            server.closeAllConnections();
        };
        server.once('error', (e) => {
            err(`The relay could not start: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            resolve(1);
        });
        // Loopback by default: plain HTTP with a bearer token is for this machine or behind a TLS proxy.
        server.listen(port, f.host ?? '127.0.0.1', () => {
            const a = server.address();
            const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
            out(`IncidentOps relay listening on ${url}, forwarding to ${repo} via ${apiUrl}. POST /alertmanager, /grafana, /alert; GET /healthz.`);
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
            hooks.onListening?.(url, stop);
        });
    });
}
/** `incidentops alert`: one test alert in our schema, checked locally, then dispatched. */
async function alertCommand(args, out, err, env = process.env, sleep) {
    const f = flags(args, ['repo', 'key', 'title', 'status', 'service', 'severity', 'description', 'api-url'], ALERT_HELP, out, err);
    if (typeof f === 'number')
        return f;
    const repo = repoArg(f, err);
    const apiUrl = apiUrlArg(f, env, err);
    if (!repo || !apiUrl)
        return 2;
    for (const required of ['key', 'title']) {
        if (!f[required]) {
            err(`--${required} is required.\n\n${ALERT_HELP}`);
            return 2;
        }
    }
    const status = f.status ?? 'firing';
    if (status !== 'firing' && status !== 'resolved') {
        err(`--status must be firing or resolved; it is "${status}".`);
        return 2;
    }
    const token = env.GITHUB_TOKEN?.trim();
    if (!token) {
        err('GITHUB_TOKEN is not set: it must hold a token that can create repository dispatches (fine-grained PAT: Contents read & write).');
        return 2;
    }
    const now = new Date().toISOString();
    const alert = {
        status,
        key: f.key,
        title: f.title,
        source: 'cli',
        startsAt: status === 'firing' ? now : null,
        endsAt: status === 'resolved' ? now : null,
    };
    if (f.service)
        alert.service = f.service;
    if (f.severity)
        alert.severity = f.severity;
    if (f.description)
        alert.description = f.description;
    const clientPayload = { incidentops: { version: 1, alerts: [alert] } };
    try {
        parseAlertDispatch('alert', clientPayload);
    }
    catch (error) {
        err(`The alert is not valid: ${error instanceof errors/* PayloadError */.tG ? error.message : (0,errors/* getErrorMessage */.u1)(error)}`);
        return 1;
    }
    try {
        const r = await sendDispatch({ apiUrl, token, repo, eventType: 'alert', clientPayload, sleep });
        out(`Sent ${status} alert "${f.key}" to ${repo} as repository_dispatch "alert" (HTTP ${r.status}, ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}).`);
        return 0;
    }
    catch (error) {
        err((0,errors/* getErrorMessage */.u1)(error));
        return 1;
    }
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
