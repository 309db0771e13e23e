export const id = 163;
export const ids = [163];
export const modules = {

/***/ 163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCommand: () => (/* binding */ reportCommand)
});

// UNUSED EXPORTS: REPORT_HELP

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var lib_core = __webpack_require__(6811);
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
function content_limits_fitTitle(title) {
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
function content_limits_fitBody(body) {
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
function content_limits_fitLabelDescription(description) {
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
function content_limits_fitLabels(labels, first = () => false) {
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

// EXTERNAL MODULE: ./src/paging/config.ts
var config = __webpack_require__(676);
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
function plan_describePage(e) {
    const whom = e.schedule ? `schedule ${e.schedule}${e.who ? ` (@${e.who})` : ''}` : `@${e.who ?? '?'}`;
    return `#${e.issue}: page ${whom} by ${e.channel} (${e.key.split(':')[0]})`;
}

// EXTERNAL MODULE: ./src/subscriptions/config.ts
var subscriptions_config = __webpack_require__(4066);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/domain/record.ts
var domain_record = __webpack_require__(6403);
// EXTERNAL MODULE: ./src/domain/stages.ts
var stages = __webpack_require__(5757);
;// CONCATENATED MODULE: ./src/domain/milestones.ts

/**
 * `asOf` (an ISO time) rebuilds the milestones as they were then, from the timeline alone: events
 * after it are ignored and the stage is the one the timeline had reached (so an incident closed
 * before a report's end and reopened after it counts as resolved in that report).
 */
function milestones_milestones(r, asOf) {
    let acknowledgedAt = null;
    let mitigatedAt = null;
    let resolvedAt = null;
    let closedAt = null;
    let dismissed = false;
    const MON = (0,stages/* stageIndex */.Jb)('monitoring');
    const RES = (0,stages/* stageIndex */.Jb)('resolved');
    const CLO = (0,stages/* stageIndex */.Jb)('closed');
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
        const from = (0,stages/* stageIndex */.Jb)(e.from ?? 'triage');
        const to = (0,stages/* stageIndex */.Jb)(e.to);
        if (acknowledgedAt === null && to !== (0,stages/* stageIndex */.Jb)('triage'))
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
    const now = (0,stages/* stageIndex */.Jb)(asOf === undefined ? r.stage : stageThen);
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

;// CONCATENATED MODULE: ./src/domain/labels.ts

const PRIORITY_PREFIX = 'priority/';
const STAGE_PREFIX = 'stage/';
const labels_SERVICE_PREFIX = 'service/';
const PRIORITY_COLORS = { P1: 'b60205', P2: 'd93f0b', P3: 'fbca04', P4: '0e8a16' };
const priorityLabel = (p) => `${PRIORITY_PREFIX}${p}`;
// Names from config and people's text: cut to GitHub's 50 characters the same way everywhere.
const stageLabel = (stage) => fitLabelName(`${STAGE_PREFIX}${stage}`);
const serviceLabel = (s) => fitLabelName(`${labels_SERVICE_PREFIX}${s}`);
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
    if (lower.startsWith(labels_SERVICE_PREFIX))
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

;// CONCATENATED MODULE: ./src/report/load.ts



const POSTMORTEM_STATES = new Set(['not-required', 'missing', 'open', 'done']);
/** `service/<name>` labels, sorted by name (GitHub's label order is not ours to rely on), without repeats. */
function servicesOf(labels) {
    const out = [];
    for (const l of labels) {
        if (!l.toLowerCase().startsWith(labels_SERVICE_PREFIX))
            continue;
        const s = l.slice(labels_SERVICE_PREFIX.length).trim();
        if (s && !out.includes(s))
            out.push(s);
    }
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/**
 * Where the incident came from: the record's `source` (alerts work), else the alert's source, else
 * how it was declared (`form`, or `manual` for an incident written by hand or labelled).
 */
function load_sourceOf(r) {
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
    const card = (0,domain_record/* findCard */.kH)(issue.comments);
    const record = card ? (0,domain_record/* decodeRecord */.eT)(card.body) : null;
    if (record && record.number === issue.number) {
        // As of the report's end: a report rebuilt later shows what was known then (docs/metrics.md).
        const m = milestones_milestones(record, asOf);
        return {
            fromCard: true,
            incident: {
                repo,
                number: issue.number,
                title: issue.title,
                url: issue.url,
                priority: record.priority,
                services,
                source: load_sourceOf(record),
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
            const card = (0,domain_record/* findCard */.kH)(snap.comments);
            const record = card ? (0,domain_record/* decodeRecord */.eT)(card.body) : null;
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
const USAGE = '`/status publish <public title>`, `/status <update for customers>`, `/status postmortem <summary>` or `/status unpublish`';
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
        return { message: `\`/status\` needs a text: ${USAGE}.` };
    return { name: 'status', action: 'update', text };
}
/** The public status of an incident at a stage (docs/status-page.md). */
function public_publicStatusOf(stage, state) {
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
function public_isPublic(r, config) {
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
        if (!public_isPublic(record, config))
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
    if (!public_isPublic(record, config))
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
    state.updates.push({ at, text, status: public_publicStatusOf(stage, state) });
    return null;
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


const maintenance_MAINTENANCE_TEXT = {
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
    return createHash('sha256')
        .update(`incidentops-maintenance:${repo.toLowerCase()}#${number}`)
        .digest('hex')
        .slice(0, 12);
}
/** Whether the maintenance is under way at `now` (its components are under maintenance). */
const maintenance_isActiveMaintenance = (m) => m.status === 'in_progress' || m.status === 'verifying';
/**
 * The public maintenances at `now`, newest window first. `clean` is how the page makes a
 * responder's text public (mentions and control characters defused; each output escapes it).
 */
function maintenance_pageMaintenances(records, catalog, repo, now, clean) {
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
const model_INDICATOR_TEXT = {
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
const SEVERITY = (/* unused pure expression or super */ null && ([
    'operational',
    'under_maintenance',
    'degraded_performance',
    'partial_outage',
    'major_outage',
]));
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
    return createHash('sha256').update(`incidentops:${repo.toLowerCase()}#${number}`).digest('hex').slice(0, 12);
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
function model_buildStatusPage(sources, config, repo, now, 
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
        description: model_INDICATOR_TEXT[indicator],
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
    return neutralizeMentions(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
}

;// CONCATENATED MODULE: ./src/status/html.ts
/**
 * The status page as static HTML and CSS (pure): readable without JavaScript, light and dark
 * (prefers-color-scheme), landmarks, WCAG AA contrast, and never information by colour alone (every
 * status has its words and a symbol; every uptime bar has its figure as text). Every string that
 * came from a person is escaped here.
 */


/** Escapes text for HTML content and attribute values. */
function html_esc(text) {
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
const time = (t) => `<time datetime="${html_esc(new Date(t).toISOString())}">${when(t)}</time>`;
const pct = (x) => `${(Math.floor(x * 10000) / 100).toFixed(2)} %`;
const minutes = (ms) => {
    const m = Math.round(ms / 60_000);
    return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
};
/** A text as paragraphs: blank lines split them, single line breaks stay. */
const paragraphs = (text) => text
    .split(/\n{2,}/)
    .map((p) => `<p>${html_esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
function layout(d, title, body) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${html_esc(title)}</title>
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" title="${html_esc(d.name)}: incidents" href="history.atom">
<link rel="alternate" type="text/calendar" title="${html_esc(d.name)}: scheduled maintenance" href="maintenances.ics">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="site"><a href="index.html">${html_esc(d.name)}</a></p></header>
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
    return `<article class="incident impact-${i.impact}" id="incident-${html_esc(i.id)}" aria-labelledby="t-${html_esc(i.id)}">
<${h} id="t-${html_esc(i.id)}">${full ? html_esc(i.name) : `<a href="history.html#incident-${html_esc(i.id)}">${html_esc(i.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${INCIDENT_TEXT[i.status]}</span> Impact: ${i.impact}${names.length ? ` · Affects: ${names.map(html_esc).join(', ')}` : ''} · Since ${time(i.startedAt)}</p>
<ol class="updates">
${updates.map((u) => `<li><p class="when"><strong>${INCIDENT_TEXT[u.status]}</strong> · ${time(u.at)}</p>${paragraphs(u.body)}</li>`).join('\n')}
</ol>${!full && i.updates.length > updates.length ? `\n<p><a href="history.html#incident-${html_esc(i.id)}">All ${i.updates.length} updates</a></p>` : ''}
</article>`;
}
/** A scheduled maintenance: its window, components and public updates (the last 3 on the front page). */
function maintenanceHtml(m, d, level, full) {
    const names = d.components.filter((c) => m.components.includes(c.id)).map((c) => c.name);
    const h = `h${level}`;
    const updates = full ? m.updates : m.updates.slice(0, 3);
    return `<article class="incident maintenance" id="maintenance-${html_esc(m.id)}" aria-labelledby="m-${html_esc(m.id)}">
<${h} id="m-${html_esc(m.id)}">${full ? html_esc(m.name) : `<a href="history.html#maintenance-${html_esc(m.id)}">${html_esc(m.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${MAINTENANCE_TEXT[m.status]}</span> ${time(m.scheduledFor)} to ${time(m.scheduledUntil)}${names.length ? ` · Affects: ${names.map(html_esc).join(', ')}` : ''}</p>
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
        return `<rect x="${k * (w + gap)}" width="${w}" height="28" class="${cls}"><title>${day.date}: ${pct(day.uptime)}${what.length ? `, ${what.join(', ')}` : ''}</title></rect>`;
    })
        .join('');
    return `<svg class="bars" viewBox="0 0 ${n * (w + gap) - gap} 28" preserveAspectRatio="none" role="img" aria-label="${html_esc(c.name)}: ${pct(c.uptime)} uptime over ${n} days">${rects}</svg>`;
}
function componentHtml(c) {
    return `<li class="component st-${c.status}">
<div class="row"><span class="name">${html_esc(c.name)}</span><span class="status"><span class="sym" aria-hidden="true">${SYMBOL[c.status]}</span> ${COMPONENT_TEXT[c.status]}</span></div>
${bars(c)}
<p class="axis"><span>${c.days.length} days ago</span><span>${pct(c.uptime)} uptime</span><span>Today</span></p>
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
        parts.push(`<li class="group"><h3>${html_esc(c.group)}</h3><ul class="components">${members.map(componentHtml).join('\n')}</ul></li>`);
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
function html_indexHtml(d) {
    const open = d.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
    const since = Date.parse(d.now) - RECENT_DAYS * 86_400_000;
    const recent = d.incidents.filter((i) => (i.status === 'resolved' || i.status === 'postmortem') && Date.parse(i.updatedAt) >= since);
    // Maintenance: under way (at the top, with open incidents), upcoming (soonest first), completed this week.
    const active = d.maintenances.filter(isActiveMaintenance);
    const upcoming = d.maintenances.filter((m) => m.status === 'scheduled').reverse();
    const done = d.maintenances.filter((m) => m.status === 'completed' && m.resolvedAt && Date.parse(m.resolvedAt) >= since);
    const body = `<h1 class="overall ind-${d.indicator}"><span class="sym" aria-hidden="true">${INDICATOR_SYMBOL[d.indicator]}</span> ${html_esc(d.description)}</h1>
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
function html_historyHtml(d) {
    const list = d.incidents.slice(0, HISTORY_LISTED);
    const maint = d.maintenances.slice(0, MAINTENANCE_LISTED);
    const body = `<h1>Incident history</h1>
${list.length ? list.map((i) => incidentHtml(i, d, 2, true)).join('\n') : '<p>No incident has been published.</p>'}${d.incidents.length > list.length ? `\n<p>The ${HISTORY_LISTED} most recent of ${d.incidents.length} incidents.</p>` : ''}${maint.length
        ? `\n<section aria-labelledby="maint-h">\n<h2 id="maint-h">Scheduled maintenance</h2>\n${maint.map((m) => maintenanceHtml(m, d, 3, true)).join('\n')}\n</section>`
        : ''}`;
    return layout(d, `${d.name}: incident history`, body);
}
/** The page's CSS: system fonts, light and dark, AA contrast for every text colour on its background. */
const html_STYLE_CSS = (/* unused pure expression or super */ null && (`:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--ok:#1a7f37;--minor:#9a6700;--partial:#bc4c00;--major:#cf222e;--link:#0969da}
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
`));

;// CONCATENATED MODULE: ./src/status/statuspage.ts
/**
 * The Statuspage v2 public API as static files (pure): the same paths, field names and status
 * values Atlassian documents for `/api/v2/*.json`, so that widgets, aggregators and chat apps written
 * for Statuspage read our page unchanged. The shape is pinned by schema/statuspage-v2/ (with its
 * source) and checked in the tests.
 */




const iso = (t) => new Date(t).toISOString();
/** The page object every endpoint starts with. */
function pageOf(d, pageId) {
    return { id: pageId, name: d.name, url: d.url ?? '', time_zone: 'Etc/UTC', updated_at: iso(d.now) };
}
/** A stable page id from the repository (never its name). */
function statuspage_pageIdOf(repo) {
    return createHash('sha256').update(`incidentops-page:${repo.toLowerCase()}`).digest('hex').slice(0, 12);
}
const groupId = (name) => `group-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
function componentJson(c, pageId, created) {
    return {
        id: c.id,
        name: c.name,
        status: c.status,
        created_at: created,
        updated_at: iso(c.updatedAt),
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
    const created = iso(d.now);
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
function statuspage_incidentJson(i, d, pageId) {
    const comps = d.components.filter((c) => i.components.includes(c.id));
    return {
        id: i.id,
        name: esc(i.name),
        status: i.status,
        created_at: iso(i.createdAt),
        updated_at: iso(i.updatedAt),
        monitoring_at: i.monitoringAt ? iso(i.monitoringAt) : null,
        resolved_at: i.resolvedAt ? iso(i.resolvedAt) : null,
        impact: i.impact,
        shortlink: `${d.url ?? ''}history.html#incident-${i.id}`,
        started_at: iso(i.startedAt),
        page_id: pageId,
        incident_updates: i.updates.map((u) => ({
            id: u.id,
            status: u.status,
            body: esc(u.body),
            incident_id: i.id,
            created_at: iso(u.at),
            updated_at: iso(u.at),
            display_at: iso(u.at),
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
        components: comps.map((c) => componentJson(c, pageId, iso(d.now))),
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
        created_at: iso(m.createdAt),
        updated_at: iso(m.updatedAt),
        monitoring_at: null,
        resolved_at: m.resolvedAt ? iso(m.resolvedAt) : null,
        impact: 'maintenance',
        shortlink: `${d.url ?? ''}history.html#maintenance-${m.id}`,
        started_at: iso(m.createdAt),
        page_id: pageId,
        incident_updates: m.updates.map((u) => ({
            id: u.id,
            status: u.status,
            body: esc(u.body),
            incident_id: m.id,
            created_at: iso(u.at),
            updated_at: iso(u.at),
            display_at: iso(u.at),
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
        components: comps.map((c) => componentJson(c, pageId, iso(d.now))),
        scheduled_for: iso(m.scheduledFor),
        scheduled_until: iso(m.scheduledUntil),
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
function statuspage_statuspageFiles(d, repo) {
    const pageId = statuspage_pageIdOf(repo);
    const page = pageOf(d, pageId);
    const status = { indicator: d.indicator, description: d.description };
    const components = componentsJson(d, pageId);
    const incidents = d.incidents.slice(0, INCIDENTS_LISTED).map((i) => statuspage_incidentJson(i, d, pageId));
    const unresolved = d.incidents
        .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
        .map((i) => statuspage_incidentJson(i, d, pageId));
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
function feed_atomFeed(d, baseUrl, incidents, title, self, 
/** Scheduled maintenances, as entries of their own (latest window first, at most 50). */
maintenances = []) {
    const latest = [incidents[0]?.updatedAt, ...maintenances.map((m) => m.updatedAt)]
        .filter((t) => !!t)
        .sort()
        .pop();
    const feed = new Feed({
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
function feed_badgeSvg(d) {
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

// EXTERNAL MODULE: ./src/oncall/ics.ts
var ics = __webpack_require__(8204);
;// CONCATENATED MODULE: ./src/status/ics.ts
/**
 * `maintenances.ics` (pure): the public scheduled maintenances as an iCalendar file (RFC 5545), for
 * customers to subscribe to. It reuses the on-call calendars' writer (src/oncall/ics.ts: text
 * escaping after defusing mentions and our markers, line folding, UTC stamps). Stable: the same
 * maintenances give the same bytes (DTSTAMP is each maintenance's own last update, not the build time).
 */


/** Every public maintenance (upcoming, in progress, completed) as a VEVENT; cancelled ones are off the page, so off the calendar. */
function ics_maintenancesIcs(d, repo) {
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
function site_siteUrl(d, repo) {
    if (d.url)
        return d.url;
    const [owner, name] = repo.split('/');
    return `https://${owner.toLowerCase()}.github.io/${name}/`;
}
/** Every file of the site: path (relative, `/`-separated) → content. */
function buildSite(d, repo) {
    const base = site_siteUrl(d, repo);
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
    const target = resolve(dir);
    if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(join(target, SITE_MARK)))
        throw new ConfigError(`The \`status-dir\` directory ${target} already holds files IncidentOps did not write; name an empty or new directory (the site replaces its whole content each run).`);
    const next = `${target}.incidentops-next`;
    const old = `${target}.incidentops-old`;
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    for (const [path, text] of Object.entries(files)) {
        const file = join(next, ...path.split('/'));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    if (existsSync(target))
        renameSync(target, old);
    renameSync(next, target);
    rmSync(old, { recursive: true, force: true });
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
function notice_buildNotice(input) {
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
function notice_publicIncident(record, services, config, repo, now) {
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
function notice_changeKeys(incident) {
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
function notice_noticePage(data, repo) {
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
const utc = (t) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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
        ? `Scheduled: ${utc(incident.scheduled_for)} to ${incident.scheduled_until ? utc(incident.scheduled_until) : '?'}`
        : null;
    const text = [
        name,
        [status, comps.length ? `Affects: ${comps.join(', ')}` : null].filter(Boolean).join(' · '),
        ...(window ? [window] : []),
        '',
        ...updates.flatMap((u, i) => [
            `${i === 0 ? '' : '  '}${word(u.status)} (${utc(u.created_at)}):`,
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
        ...updates.map((u) => `<p><strong>${word(u.status)}</strong> <small>(${utc(u.created_at)})</small><br>${u.body.replace(/\n/g, '<br>')}</p>`),
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
    const h = createHash('sha256').update(text).digest('hex');
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
function plan_describeAnnounce(e) {
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
function plan_describeEffect(e) {
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
class apply_Executor {
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
                    name: fitLabelName(l.name),
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

// EXTERNAL MODULE: ./src/config/load.ts + 7 modules
var load = __webpack_require__(5648);
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
const HOUR = 3_600_000;
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
            while (this.creations.length && this.creations[0] <= now - HOUR)
                this.creations.shift();
            const lastMinute = this.creations.filter((t) => t > now - MINUTE);
            if (lastMinute.length >= this.limits.creationsPerMinute) {
                need(lastMinute[lastMinute.length - this.limits.creationsPerMinute] + MINUTE - now, `content-creation limit (${this.limits.creationsPerMinute} a minute)`);
            }
            if (this.creations.length >= this.limits.creationsPerHour) {
                need(this.creations[this.creations.length - this.limits.creationsPerHour] + HOUR - now, `content-creation limit (${this.limits.creationsPerHour} an hour)`);
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

;// CONCATENATED MODULE: ./src/github/limits.ts

/** GitHub.com's documented limits. */
const GITHUB_LIMITS = Object.freeze({
    mutationSpacingMs: 1000,
    creationsPerMinute: 80,
    creationsPerHour: 500,
    graphqlPointsPerMinute: 2000,
    retryBaseMs: 1000,
    maxWaitMs: 60_000,
    boardSettleMs: 3000,
});
const KEYS = {
    'mutation-spacing': { field: 'mutationSpacingMs', kind: 'duration' },
    'creations-per-minute': { field: 'creationsPerMinute', kind: 'count' },
    'creations-per-hour': { field: 'creationsPerHour', kind: 'count' },
    'graphql-points-per-minute': { field: 'graphqlPointsPerMinute', kind: 'count' },
    'retry-base': { field: 'retryBaseMs', kind: 'duration' },
    'max-wait': { field: 'maxWaitMs', kind: 'duration' },
    'board-settle': { field: 'boardSettleMs', kind: 'duration' },
};
/**
 * Reads the `api-limits` input: `key=value` pairs separated by spaces, commas or new lines, over
 * GitHub's limits; durations as `250ms`, `1s`, `2m` (a bare 0 is allowed). Empty → GitHub's.
 */
function parseApiLimits(text) {
    const limits = { ...GITHUB_LIMITS };
    for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
        const m = /^([a-z-]+)=(.+)$/.exec(pair);
        const key = m ? KEYS[m[1]] : undefined;
        if (!m || !key) {
            throw new ConfigError(`The \`api-limits\` input has "${pair}": write key=value pairs with the keys ${Object.keys(KEYS).join(', ')}.`);
        }
        const value = m[2];
        if (key.kind === 'count') {
            if (!/^[1-9][0-9]{0,6}$/.test(value))
                throw new ConfigError(`The \`api-limits\` input's ${m[1]} must be a whole number above 0; it is "${value}".`);
            limits[key.field] = Number(value);
        }
        else {
            const d = /^([0-9]{1,7})(ms|s|m)?$/.exec(value);
            if (!d || (d[2] === undefined && d[1] !== '0')) {
                throw new ConfigError(`The \`api-limits\` input's ${m[1]} must be a duration like 250ms, 1s or 2m (or 0); it is "${value}".`);
            }
            limits[key.field] = Number(d[1]) * (d[2] === 'm' ? 60_000 : d[2] === 's' ? 1000 : 1);
        }
    }
    return limits;
}
/** Prints limits the way the input takes them (for the log). */
function formatApiLimits(l) {
    const ms = (v) => v === 0 ? '0' : v % 60_000 === 0 ? `${v / 60_000}m` : v % 1000 === 0 ? `${v / 1000}s` : `${v}ms`;
    return Object.entries(KEYS)
        .map(([k, { field, kind }]) => `${k}=${kind === 'duration' ? ms(l[field]) : l[field]}`)
        .join(' ');
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
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
const rankOf = (p) => types/* PRIORITIES */.B.indexOf(p);
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
    const rates = types/* PRIORITIES */.B.map((p) => {
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
    const downtimeHours = attribute(downIntervals, from, to, types/* PRIORITIES */.B.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR;
    const budgetHours = opts.slo ? (1 - opts.slo.target) * windowHours : 0;
    let cost = null;
    if (rates) {
        const ms = attribute(costIntervals, from, to, types/* PRIORITIES */.B.length);
        const hoursByPriority = zeroes();
        const byPriority = zeroes();
        let total = 0;
        types/* PRIORITIES */.B.forEach((p, r) => {
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
    const obsDown = attribute(downIntervals, obsStart, now, types/* PRIORITIES */.B.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR;
    let expectedCost = null;
    if (rates) {
        const ms = attribute(costIntervals, obsStart, now, types/* PRIORITIES */.B.length);
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
            downtimePriorities: types/* PRIORITIES */.B.filter((p) => downRanks.has(rankOf(p))),
            sloTarget: opts.slo?.target ?? null,
            costPerHour: opts.costPerHour ? { ...opts.costPerHour } : null,
        },
        input: { received: incidents.length, ignored: incidents.length - all.length, withoutCard: 0 },
        current,
        previous,
        trends: trends(current, previous),
        breakdown: {
            priority: types/* PRIORITIES */.B.map((p) => ({
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
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const format_int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ok = (v) => typeof v === 'number' && Number.isFinite(v);
/** `1,234`. */
const format_count = (v) => (ok(v) ? format_int.format(v) : NONE);
/** A number with at most `digits` significant decimals: `0.36`, `2.5`, `1,200`. */
function decimal(v, digits = 2) {
    if (!ok(v))
        return NONE;
    if (digits === 2)
        return num.format(v);
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
}
/** A duration in ms: `3h 05m`. */
const format_duration = (ms) => (ok(ms) ? (0,duration/* formatDuration */.a3)(ms) : NONE);
/** A duration in hours: `3h 05m`. */
const hours = (h) => (ok(h) ? (0,duration/* formatDuration */.a3)(h * format_MS_PER_HOUR) : NONE);
/** A measured duration: `3h 05m`, or `≥ 3h 05m so far` when the milestone is not reached. */
const measured = (m) => m === null ? NONE : m.open ? `≥ ${(0,duration/* formatDuration */.a3)(m.ms)} so far` : (0,duration/* formatDuration */.a3)(m.ms);
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
            return format_count(v);
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
                    : format_count(mag);
    const good = up === (t.better === 'higher');
    return `${up ? '↑' : '↓'} ${sign}${text} · ${good ? 'better' : 'worse'}`;
}

// EXTERNAL MODULE: ./node_modules/luxon/build/es6/luxon.mjs
var luxon = __webpack_require__(8714);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/oncall/schedule.ts
var schedule = __webpack_require__(3240);
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
        for (const seg of (0,schedule/* timeline */.IO)(s, from, to))
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
function ics_files_writeCalendars(config, dir, from) {
    if (!config.oncall.schedules.length)
        return null;
    mkdirSync(dir, { recursive: true });
    const files = config.oncall.schedules.map((s) => {
        writeFileSync(join(dir, `${s.name}.ics`), scheduleIcs(s, from, from + ICS_DAYS * 86_400_000));
        return `${s.name}.ics`;
    });
    return { dir, files };
}

;// CONCATENATED MODULE: ./src/render/time.ts
/** `2026-11-25 14:05 UTC`: times in cards are absolute, so re-rendering later changes nothing. */
function time_utc(iso) {
    const d = typeof iso === 'string' ? new Date(iso) : iso;
    if (Number.isNaN(d.getTime()))
        return '—';
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** `14:05 UTC` when on the same day as `ref`, the full form otherwise. */
function utcShort(iso, ref) {
    return iso.slice(0, 10) === ref.slice(0, 10) ? `${iso.slice(11, 16)} UTC` : time_utc(iso);
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
    const cumulative = types/* PRIORITIES */.B.map((_, r) => weeks.map((w) => types/* PRIORITIES */.B.slice(0, r + 1).reduce((s, p) => s + w.byPriority[p], 0)));
    const top = Math.max(1, ...cumulative[types/* PRIORITIES */.B.length - 1]);
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







const DEFAULT_MAX_CHARS = 60_000;
/** Below this the report cannot say anything useful. */
const MIN_MAX_CHARS = 1_000;
/** The hidden marker a re-run searches for: `<!-- incidentops:report:<window-start-date> -->`. */
const render_reportMarker = (data) => (0,domain_record/* marker */.xL)('report', data.current.period.start.slice(0, 10));
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
const cell = (text, max = 80) => (0,markdown/* inline */.mG)(text, max) || NONE;
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
        lines.push(row([name, format_count(m.completed.n), format_count(m.open), ...stats(m.completed), lower]));
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
            ? `${hours(all.mtbfHours)}: λ = ${decimal(all.perWeek)} per week (${format_count(all.incidents)} incidents in ${obsWeeks} weeks)`
            : `no incident in ${obsWeeks} weeks (λ < ${decimal((all.upper95PerHour ?? 0) * 168)} per week at 95% confidence)`,
    ]);
    rows.push([
        `P(at least one ${k.severe.priorities.join('/')} in the next 7 days)`,
        `${percent(k.pSevereWithinHorizon)} = 1 − e^(−λt), λ = ${decimal(k.severe.perWeek)} per week (${format_count(k.severe.incidents)} in ${obsWeeks} weeks), t = 7 days`,
    ]);
    rows.push([
        'Expected downtime, next 7 days',
        `${hours(k.expectedDowntimeHours)} (the share of time down over ${obsWeeks} weeks × 7 days)`,
    ]);
    rows.push([
        'Recovery rate',
        `${percent(c.recovery.value)} (${format_count(c.recovery.numerator)} of ${format_count(c.recovery.denominator)} resolved)`,
    ]);
    const pm = c.postmortems;
    rows.push([
        'Postmortems',
        `${percent(pm.completion.value)} done (${format_count(pm.done)} of ${format_count(pm.required)} required; ${format_count(pm.open)} in progress, ${format_count(pm.missing)} missing)`,
    ]);
    rows.push([
        'Follow-ups',
        `this window: ${format_count(c.followups.open)} open, ${format_count(c.followups.closed)} closed · all incidents: ${format_count(d.followupBacklog.open)} open, ${format_count(d.followupBacklog.closed)} closed`,
    ]);
    rows.push(['Noise', `${format_count(c.dismissed)} dismissed of ${format_count(c.declared)} declared (${percent(c.noise.value)})`]);
    if (c.cost) {
        const parts = types/* PRIORITIES */.B.filter((p) => c.cost.hoursByPriority[p] > 0).map((p) => `${p} ${money(c.cost.byPriority[p], d.currency)} for ${hours(c.cost.hoursByPriority[p])}`);
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
        const key = r.key === NO_SERVICE ? `_${NO_SERVICE}_` : cell(r.key, 60);
        lines.push(row([key, format_count(r.current), format_count(r.previous), format_count(r.dismissed)]));
    }
    if (rows.length > cap)
        lines.push('', `_… and ${format_count(rows.length - cap)} more ${what}, see the JSON file._`);
    return lines;
}
function charts(d) {
    const weeks = d.history.weeks;
    const lines = [`### The last ${format_count(weeks.length)} weeks`, '', incidentsChart(weeks), ''];
    const mttr = mttrChart(weeks);
    const open = weeks.reduce((s, w) => s + w.mttr.open, 0);
    if (mttr) {
        lines.push(mttr, '');
        if (open > 0)
            lines.push(`_Unresolved incidents are not in the MTTR line (${format_count(open)} still open), so recent weeks may read low until they resolve._`);
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
        cell(i.title, 100),
        services,
        cell(i.source, 30),
        time_utc(i.declaredAt),
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
    const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
    if (!(max >= MIN_MAX_CHARS))
        throw new RangeError(`renderReport: maxChars must be at least ${MIN_MAX_CHARS}, got ${max}`);
    const c = data.current;
    const top = [
        render_reportMarker(data),
        `## Reliability report: ${(0,markdown/* inline */.mG)(data.scope, 100) || 'incidents'}, ${date(c.period.start)} → ${date(c.period.end)}`,
        '',
        `_${decimal(data.options.windowDays)} days to ${time_utc(c.period.end)}, compared with the ${decimal(data.options.windowDays)} days before. Incidents still open are counted and shown with their time so far (≥), never dropped; dismissed ones are reported as noise. See the definitions below._`,
    ];
    if (data.input.ignored > 0)
        top.push('', `_${format_count(data.input.ignored)} incidents were ignored: unreadable declaration time, or declared after the report time._`);
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
    const bare = [...top, '', `_The report does not fit in ${format_count(max)} characters; see the JSON file._`].join('\n');
    return bare.length <= max ? bare : render_reportMarker(data);
}
/** The incident list within `budget` characters, whole rows only; null when not even its header fits. */
function incidentList(data, budget) {
    const list = data.incidents;
    const org = new Set(list.map((i) => i.repo)).size > 1 || data.scope.startsWith('org ');
    const header = [
        `### Incidents (${format_count(list.length)})`,
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
    const more = (n) => `\n\n_… and ${format_count(n)} more incidents (of ${format_count(list.length)}), see the JSON file._`;
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
function publish_planReport(data, markdown, existing, label, 
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
function publish_reportJsonPath(file, env, cwd) {
    if ((0,external_node_path_.isAbsolute)(file))
        return file;
    const base = env.RUNNER_TEMP || env.GITHUB_WORKSPACE || cwd;
    return (0,external_node_path_.resolve)(base, file);
}
/** Writes the report data as JSON (creating the directory). */
function publish_writeReportJson(path, data) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, JSON.stringify(data, null, 2) + '\n');
}

;// CONCATENATED MODULE: ./src/log-safe.ts
/**
 * Log lines that cannot become workflow commands.
 *
 * The runner reads every line the action prints: a line that starts with `::` (after leading
 * spaces) is a workflow command (`::error title=x::boom`, `::add-mask::`, `::stop-commands::`), and
 * `##[command]` is one anywhere in a line (the old syntax). `core.info` prints its text raw, so an
 * issue title, a comment, a label or an alert field that holds a line break followed by `::error`
 * would forge an annotation, mask values or switch command processing off. `core.warning`,
 * `core.notice`, `core.startGroup` and `core.setFailed` escape their message (`\n` → `%0A`, `%` →
 * `%25`) so the runner decodes it as one command's data; but a multi-line annotation is still
 * someone else's text laid out as ours. So every line we log that may carry outside text goes
 * through logSafe first, whichever core function prints it.
 */
/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidi overrides/isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * One inert log line: line breaks and other control characters written as escapes (`\n`,
 * `\u001b`), so the text stays on one line and reads as it is; a leading `::` and every `##[`
 * broken with a backslash (`\::`, `#\#[`), so the runner sees no workflow command; cut to `max`
 * characters. Apply it to the whole line (our words around outside text are harmless to it).
 */
function log_safe_logSafe(text, max = 2000) {
    let t = text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    t = t.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '#\\#[');
    if (t.length > max)
        t = `${t.slice(0, max)}… (${t.length - max} more characters)`;
    return t;
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
function memory_collectGarbage() {
    if (gc === undefined) {
        try {
            setFlagsFromString('--expose-gc');
            const fn = runInNewContext('gc');
            gc = typeof fn === 'function' ? fn : null;
        }
        catch {
            gc = null;
        }
    }
    gc?.();
}

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
function dora_computeDora(input) {
    const source = frequencySource(input);
    const units = unitsOf(input, source);
    const overall = figures(units, input, source, input.incidents, units);
    const services = input.services
        .filter((s) => s.paths.length)
        .map((s) => {
        const m = picomatch([...s.paths], { dot: true });
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
async function report_doraForReport(port, incidents, config, end) {
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
    const series = ['all', ...types/* PRIORITIES */.B].map((k) => forecastSeries(k, w.counts[k]));
    const p1 = series.find((s) => s.key === 'P1');
    const p1Next = fitModel(p1.model, p1.history) ?? fitModel('poisson', p1.history);
    const pP1NextWeek = 1 - pmf(p1Next.predict(1), 0);
    // Hours in incidents: the mean started → resolved of each priority's resolved incidents, times its expected count.
    let hours = 0;
    for (const p of types/* PRIORITIES */.B) {
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

;// CONCATENATED MODULE: ./src/history/render.ts
/**
 * Markdown for similar past incidents (the card's section and the `/similar` reply) and for the
 * report's forecast. Titles, causes, keys and services are user text: every piece goes through
 * inline() or code() (src/render/markdown.ts), so no mention pings, no marker or markdown escapes.
 */


/** The record's entry for a match (what the card will keep showing). */
function render_toEntry(m) {
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
            return `same alert key ${code(r.key, 80)}`;
        case 'service':
            return `same service ${r.services.map((s) => code(s, 40)).join(', ')}`;
        case 'terms':
            return `shared terms ${r.terms.map((t) => code(t, 30)).join(', ')}`;
        case 'paths':
            return `same suspect paths ${r.paths.map((p) => code(p, 80)).join(', ')}`;
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
        parts.push(`last update: “${inline(e.cause, 140)}”`);
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
        lines.push(`${i + 1}. #${e.number} ${inline(e.title, 80)}`);
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
const render_pct = (x) => `${Math.round(x * 100)} %`;
const render_num = (x) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));
const range = (i) => (i.lo === i.hi ? String(i.lo) : `${i.lo}–${i.hi}`);
function render_cell(s, w) {
    const f = s.weeks[w];
    return `${render_num(f.mean)} (${range(f.i80)}; ${range(f.i95)})`;
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
        lines.push(`| ${s.key === 'all' ? '**All**' : s.key} | ${[0, 1, 2, 3].map((w) => render_cell(s, w)).join(' | ')} | ${MODEL_TEXT[s.model]} |`);
    lines.push('');
    lines.push(`- **P(at least one P1 next week):** ${render_pct(f.pP1NextWeek)}`);
    lines.push(`- **Expected on-call load next week:** ${render_num(f.load.incidents)} incidents (${render_num(f.load.severe)} P1/P2)${f.load.hours !== null ? `, about ${render_num(f.load.hours)} hours in incidents (mean started → resolved per priority)` : ''}`);
    const all = f.series[0];
    const c = all.calibration;
    lines.push(c.weeks
        ? `- **Calibration:** ${c.inside80} of the last ${c.weeks} weeks (${render_pct(c.inside80 / c.weeks)}) fell inside their 80 % interval (their intervals' own probability: ${render_pct(c.nominal80)}); ${c.inside95} (${render_pct(c.inside95 / c.weeks)}) inside the 95 % one. One-step-ahead and out of sample: each week forecast from the weeks before it only.`
        : '- **Calibration:** no week to check yet.');
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/stopword/dist/stopword.cjs.js
var stopword_cjs = __webpack_require__(3653);
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
function terms_tokenize(text) {
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
        out.push([/^\p{L}+$/u.test(raw) ? stemmer(raw) : raw, raw]);
    }
    return out;
}
/** Stem → the first word of the text that gave it. */
function terms_surfaceWords(text) {
    const m = new Map();
    for (const [t, w] of words(text))
        if (!m.has(t))
            m.set(t, w);
    return m;
}
/** Term → frequency. */
function termCounts(text) {
    const m = new Map();
    for (const t of terms_tokenize(text))
        m.set(t, (m.get(t) ?? 0) + 1);
    return m;
}
/**
 * The `max` most frequent terms (ties: alphabetical), with their counts, and the text's length in
 * terms: what the index keeps of an incident's words.
 */
function terms_topTerms(text, max = 16) {
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
const index_file_HISTORY_BRANCH = 'incidentops-data';
const index_file_HISTORY_PATH = 'history/index.txt';
/**
 * A repository label that says the index exists: declarations see it in the labels their first
 * read already returns, so a repository without an index costs no request (and no 404) at all.
 */
const index_file_HISTORY_LABEL = {
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
function index_file_suspectPaths(r) {
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
function index_file_pastIncident(issue) {
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
        paths: index_file_suspectPaths(r),
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
const ENDS = (/* unused pure expression or super */ null && (['open', 'resolved', 'dismissed']));
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
class index_file_IndexBuilder {
    vocab = [];
    ids = new Map();
    gzip = createGzip({ level: 9 });
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
function index_file_decodeIndex(text) {
    const nl = text.indexOf('\n');
    if (nl < 0 || text.slice(0, nl) !== HEADER)
        return null;
    try {
        const parsed = JSON.parse(gunzipSync(Buffer.from(text.slice(nl + 1).trim(), 'base64')).toString('utf8'));
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
const index_file_sameIndex = (a, b) => a !== null && a.trim() === b.trim();

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
const RECENT_MS = (/* unused pure expression or super */ null && (30 * 86_400_000));
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
function similar_similar(past, q, k = 3, corpus = corpusOf(past)) {
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
function similar_recurrenceOf(matches, q) {
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
const STALE_MS = (/* unused pure expression or super */ null && (14 * 86_400_000));
/** Whether the repository's labels (read anyway) say an index was written. */
const hasIndexLabel = (labels) => labels.some((l) => l.name.toLowerCase() === HISTORY_LABEL.name);
const NOT_YET = (/* unused pure expression or super */ null && (`Past incidents not searched yet: the history index (${HISTORY_PATH} on the branch ${HISTORY_BRANCH}) is written by the weekly report, which has not run yet.`));
/**
 * Reads the history once per run (memoised): the index, and the incidents updated since it was
 * built. Without our label on the repository there is no index: no request at all. Never throws:
 * a failed read becomes a note.
 */
function historyLoader(port, incidentLabel) {
    let memo = null;
    return (repoLabels) => (memo ??= hasIndexLabel(repoLabels) ? lookup_load(port, incidentLabel) : Promise.resolve({ past: [], note: NOT_YET }));
}
async function lookup_load(port, incidentLabel) {
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
async function lookup_planIndex(port, past, builtAt, repoLabels, file) {
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
    return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
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
const INDEX_FILE = { branch: index_file_HISTORY_BRANCH, path: index_file_HISTORY_PATH };
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
        config = (0,load/* loadConfig */.Z9)(o.local, o.configPath);
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
        config = (0,load/* loadConfig */.Z9)(first?.configText ?? null, o.configPath);
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
    o.log(`${home}: ${format_count(got.pages)} page(s), ${format_count(incidents.length)} incidents.`);
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
            o.log(`${name}: ${format_count(c.pages)} page(s), ${format_count(incidents.length - before)} incidents.`);
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
maxChars = DEFAULT_MAX_CHARS) {
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
    const note = `\n\n_${format_count(g.withoutCard)} incident${g.withoutCard === 1 ? ' has' : 's have'} no IncidentOps card among the comments read (the first 3 and the last 20): counted with the issue's own dates: started and declared when opened; acknowledged, mitigated and resolved when closed (while open: none of them yet, an open lower bound); dismissed if closed as not planned; priority from its label._`;
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
function octokitPorts(token, baseUrl, warn, limits = GITHUB_LIMITS) {
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
    const ports = octokitPorts(o.inputs.githubToken, o.baseUrl, (m) => core.warning(logSafe(m)), o.inputs.limits);
    const { portFor } = ports;
    const port = portFor(o.repo);
    core.startGroup('Reliability report: loading incidents');
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
        log: (l) => core.info(logSafe(l)),
        asOf: () => reportEnd(ports.now()),
    });
    core.endGroup();
    const end = reportEnd(ports.now());
    // The history index, from the incidents just read: kept by this run, read by every declaration.
    // Repository scope only: a declaration searches its own repository's index. Encoded before the
    // report is built, so its rows are garbage by then (50,000 incidents: about 10 MB).
    let indexEffects = [];
    if (g.config.report.scope !== 'organization') {
        const index = await planIndex(port, past, end, g.repoLabels, g.indexFile);
        core.info(`History index: ${count(index.incidents)} incidents, ${count(index.bytes)} bytes${index.effects.length ? '' : ', unchanged'}.`);
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
    core.info(`Report ${data.current.period.start} → ${data.current.period.end}: ${count(data.current.declared)} incidents declared in the window, ${count(read)} read with ${count(g.pages)} GraphQL page(s) over ${count(g.repositories)} repositor${g.repositories === 1 ? 'y' : 'ies'}.`);
    if (g.withoutCard > 0)
        core.warning(`${g.withoutCard} incidents have no readable IncidentOps card in the comments read; they are counted from their issue's dates.`);
    const plan = planReport(data, markdown, g.reportIssues, g.config.report.label, g.reportLabelId);
    const exec = new Executor({ github: port }, { dryRun: o.inputs.dryRun, budget: o.budget, log: (l) => core.info(logSafe(l)) });
    // The report issue and the index in one request when both are written (one mutation, not two
    // spaced 1 s apart); one by one otherwise (the first index: its branch and label are created).
    const all = await exec.applyTogether([...plan.effects, ...indexEffects]);
    const applied = all.slice(0, plan.effects.length);
    const indexApplied = all.slice(plan.effects.length);
    const issue = plan.issue ?? applied.find((a) => a.kind === 'create-issue' && a.status === 'done')?.issue ?? null;
    if (applied.length === 0)
        core.info(`Report issue #${issue} is up to date: nothing to write.`);
    const jsonPath = reportJsonPath(g.config.report.json, o.env, process.cwd());
    writeReportJson(jsonPath, data);
    core.info(`Report data written to ${jsonPath}.`);
    // The on-call calendars, as files next to the JSON: a later step publishes them (docs/oncall.md).
    const ics = writeCalendars(g.config, join(dirname(jsonPath), 'oncall-ics'), Date.parse(end));
    if (ics)
        core.info(`On-call calendars written to ${ics.dir}: ${ics.files.join(', ')}.`);
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

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/report.ts
/* `incidentops report`: the reliability report from a laptop, against GitHub or the emulator. Read-only. */





const REPORT_HELP = `incidentops report --repo owner/name [--since 7d] [--api-url URL] [--json file]

Prints the reliability report of the repository as markdown (what the action publishes as the
report issue), reading the incidents with one GraphQL request per 100. Writes nothing to GitHub.
  --repo      the repository (its .github/incidents.yml applies, read through the API)
  --since     the report window, ending at 00:00 UTC today: 7d (default: report.window_days), 30d, 2w
  --api-url   the REST API base (default GITHUB_API_URL, else https://api.github.com); the emulator's URL works
  --json      also write the report data (docs/report.schema.json) to this file
The token comes from GITHUB_TOKEN (or GH_TOKEN). Exit 0 success, 1 failure, 2 usage error.`;
const cli_report_DAY = 86_400_000;
const REPORT = {
    options: {
        repo: { type: 'string' },
        since: { type: 'string' },
        'api-url': { type: 'string' },
        json: { type: 'string' },
    },
    maxPositionals: 0,
};
/** Runs the command; returns the exit code. */
async function reportCommand(args, out, err, env = process.env) {
    const parsed = (0,cli_args/* parseCommand */.R)(args, REPORT);
    if (parsed.kind === 'help') {
        out(REPORT_HELP);
        return 0;
    }
    if (parsed.kind === 'usage') {
        err(`${parsed.message}\n\n${REPORT_HELP}`);
        return 2;
    }
    const flags = parsed.values;
    const repoMatch = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(flags.repo ?? '');
    if (!repoMatch) {
        err(`--repo owner/name is required${flags.repo ? `; "${flags.repo}" is not owner/name` : ''}.\n\n${REPORT_HELP}`);
        return 2;
    }
    let windowDays;
    if (flags.since !== undefined) {
        const ms = (0,duration/* parseDuration */.E9)(flags.since);
        if (ms === null || ms < 3_600_000) {
            err(`--since must be a duration of at least an hour, like 7d, 30d or 2w; it is "${flags.since}".`);
            return 2;
        }
        windowDays = ms / cli_report_DAY;
    }
    const token = (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim();
    if (!token) {
        err("Set GITHUB_TOKEN (a token that can read the repository's issues) to run the report.");
        return 1;
    }
    const repo = { owner: repoMatch[1], repo: repoMatch[2] };
    const baseUrl = (flags['api-url'] || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    try {
        const ports = octokitPorts(token, baseUrl, (m) => err(m));
        const g = await gatherIncidents({
            port: ports.portFor(repo),
            repo,
            portFor: ports.portFor,
            local: undefined,
            configPath: '.github/incidents.yml',
            log: (l) => err(l),
            asOf: () => reportEnd(ports.now()),
        });
        const { data, markdown } = composeReport(g, reportOptions(g.config, reportEnd(ports.now()), scopeName(g.config, repo), windowDays));
        if (flags.json) {
            const path = publish_reportJsonPath(flags.json, {}, process.cwd());
            publish_writeReportJson(path, data);
            err(`Report data written to ${path}.`);
        }
        err(`${g.incidents.length} incidents read with ${g.pages} GraphQL request(s).`);
        out(markdown);
        return 0;
    }
    catch (error) {
        err(error instanceof errors/* ConfigError */.xL || error instanceof errors/* GitHubApiError */.OS
            ? error.message
            : `incidentops report: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        return 1;
    }
}


/***/ }),

/***/ 6403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ym: () => (/* binding */ encodeRecord),
/* harmony export */   eT: () => (/* binding */ decodeRecord),
/* harmony export */   ex: () => (/* binding */ CARD_MARKER),
/* harmony export */   kH: () => (/* binding */ findCard),
/* harmony export */   xL: () => (/* binding */ marker)
/* harmony export */ });
/* unused harmony exports findMarked, postmortemWritten, isRecord */
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2143);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5757);


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
    if (typeof r.priority !== 'string' || !_config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .PRIORITIES */ .B.includes(r.priority))
        return false;
    if (r.prioritySource !== 'rules' && r.prioritySource !== 'human')
        return false;
    if (typeof r.priorityReason !== 'string' || typeof r.stage !== 'string' || !(0,_stages_js__WEBPACK_IMPORTED_MODULE_1__/* .isStage */ .zD)(r.stage))
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
