export const id = 775;
export const ids = [775];
export const modules = {

/***/ 1454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ seedHistory)
/* harmony export */ });
/* unused harmony exports BOT, prng */
/* harmony import */ var _domain_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6403);
/* harmony import */ var _emulator_faults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5094);


const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const BOT = 'github-actions[bot]';
/** mulberry32 (the emulator's, for its fault dice): a small, fast, seedable PRNG. */
const prng = _emulator_faults_js__WEBPACK_IMPORTED_MODULE_0__/* .mulberry32 */ .s;
const SERVICES = ['api', 'checkout', 'search', 'auth', 'db', 'web'];
const SOURCES = [
    ['form', 0.45],
    ['manual', 0.15],
    ['alertmanager', 0.25],
    ['grafana', 0.15],
];
const PRIORITIES = [
    ['P1', 0.1],
    ['P2', 0.25],
    ['P3', 0.35],
    ['P4', 0.3],
];
/** ISO without milliseconds (GitHub's timestamps have whole seconds). */
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/**
 * Seeds `count` incidents into `repo` (which must exist) and returns them with their truth.
 * The emulator clock is moved while seeding (so comments and closes carry the right times) and
 * left at `now`.
 */
function seedHistory(emu, repo, o) {
    const rnd = prng(o.seed ?? 1);
    const present = Date.parse(o.now);
    const weeks = o.weeks ?? 12;
    const pick = (table) => {
        let x = rnd();
        for (const [v, w] of table)
            if ((x -= w) < 0)
                return v;
        return table[table.length - 1][0];
    };
    const between = (lo, hi) => lo + rnd() * (hi - lo);
    // Response times with a long tail: most quick, some slow.
    const tail = (median) => median * Math.exp((rnd() - 0.5) * 3);
    const out = [];
    for (let k = 0; k < o.count; k++) {
        const old = rnd() < (o.old ?? 0.01);
        const declared = Math.floor(old ? present - between(13, 20) * WEEK : present - rnd() * weeks * WEEK);
        // The old ones still open are minor (a forgotten P1 would be down for months).
        const priority = old ? (rnd() < 0.5 ? 'P3' : 'P4') : pick(PRIORITIES);
        const source = pick(SOURCES);
        const nServices = Math.floor(rnd() * 3);
        const services = [
            ...new Set(Array.from({ length: nServices }, () => SERVICES[Math.floor(rnd() * SERVICES.length)])),
        ];
        const started = rnd() < 0.7 ? declared - Math.floor(rnd() * 90 * MIN) : declared;
        const forged = rnd() < (o.forged ?? 0.01);
        const dismissed = !old && rnd() < 0.08;
        const title = `${services[0] ?? 'site'} ${['errors', 'latency', 'outage', 'timeouts'][k % 4]} #${k + 1}`;
        const author = source === 'alertmanager' || source === 'grafana' ? BOT : 'alice';
        const events = [
            {
                at: iso(declared),
                kind: 'declared',
                actor: author === BOT ? source : 'alice',
                via: source === 'form' ? 'form' : source === 'manual' ? 'label' : 'alert',
                to: priority,
            },
        ];
        let stage = 'triage';
        const t = {
            startedAt: iso(started),
            declaredAt: iso(declared),
            acknowledgedAt: null,
            mitigatedAt: null,
            resolvedAt: null,
            closedAt: null,
            dismissed: false,
        };
        let closeAt = null;
        let closeReason = 'completed';
        const move = (at, to, via = 'command') => {
            if (at > present)
                return false;
            events.push({ at: iso(at), kind: 'stage', actor: 'bob', via, from: stage, to });
            stage = to;
            return true;
        };
        if (dismissed) {
            const at = declared + between(5 * MIN, 3 * HOUR);
            if (at <= present) {
                events.push({ at: iso(at), kind: 'dismissed', actor: 'bob', via: 'command', text: 'false alarm' });
                move(at, 'closed');
                t.dismissed = true;
                // As the milestones define them: leaving Triage acknowledges, entering Closed resolves.
                t.acknowledgedAt = t.mitigatedAt = t.resolvedAt = t.closedAt = iso(at);
                closeAt = at;
                closeReason = 'not_planned';
            }
        }
        else {
            // 15% of the P3/P4 ones are never acknowledged (still open); P1/P2 always are, soon.
            const neglected = (priority === 'P3' || priority === 'P4') && rnd() < 0.15;
            const ack = declared + (neglected ? 200 * DAY : tail(priority === 'P1' ? 10 * MIN : 40 * MIN));
            const viaAck = rnd() < 0.5;
            if (ack <= present) {
                if (viaAck)
                    events.push({ at: iso(ack), kind: 'ack', actor: 'bob', via: 'command' });
                move(ack, 'investigating', viaAck ? 'command' : 'label');
                t.acknowledgedAt = iso(ack);
                const fixing = ack + between(2 * MIN, HOUR);
                const skipMonitoring = rnd() < 0.15;
                const bounce = !skipMonitoring && rnd() < 0.15;
                let mitigated = fixing + tail(old ? 60 * DAY : 2 * HOUR);
                if (move(fixing, 'fixing')) {
                    let ok = true;
                    if (!skipMonitoring) {
                        ok = move(mitigated, 'monitoring');
                        if (ok)
                            t.mitigatedAt = iso(mitigated);
                        if (ok && bounce) {
                            const back = mitigated + between(10 * MIN, HOUR);
                            const again = back + between(10 * MIN, 2 * HOUR);
                            if (move(back, 'investigating')) {
                                t.mitigatedAt = null;
                                ok = move(again, 'monitoring');
                                mitigated = again;
                                if (ok)
                                    t.mitigatedAt = iso(again);
                            }
                        }
                    }
                    const resolved = mitigated + (skipMonitoring ? 0 : tail(3 * HOUR));
                    if (ok && move(resolved, 'resolved')) {
                        t.resolvedAt = iso(resolved);
                        if (skipMonitoring)
                            t.mitigatedAt = iso(resolved);
                        closeAt = resolved;
                        const required = priority === 'P1' || priority === 'P2';
                        if (!required) {
                            move(resolved, 'closed');
                            t.closedAt = iso(resolved);
                        }
                        else if (rnd() < 0.6) {
                            const pm = resolved + between(DAY, 3 * DAY);
                            if (move(pm, 'postmortem') && rnd() < 0.6) {
                                const closed = pm + between(DAY, 3 * DAY);
                                if (move(closed, 'closed'))
                                    t.closedAt = iso(closed);
                            }
                        }
                    }
                }
            }
        }
        const labels = ['incident', `priority/${priority}`, `stage/${stage}`, ...services.map((s) => `service/${s}`)];
        emu.clock.set(iso(declared));
        const issue = emu.createIssue(repo, {
            title,
            body: `### What is broken\n\n${title}`,
            labels,
            user: author,
            createdAt: iso(declared),
        });
        const record = {
            v: 1,
            number: issue.number,
            declaredAt: iso(declared),
            startedAt: iso(started),
            priority,
            prioritySource: 'rules',
            priorityReason: 'seeded',
            stage,
            impactDigest: 'seed',
            events,
            commander: null,
            processed: [],
        };
        // Half the records carry `source` (as the alerts work writes it); the others leave it to be inferred.
        if (rnd() < 0.5)
            record.source = source;
        const card = `${_domain_record_js__WEBPACK_IMPORTED_MODULE_1__/* .CARD_MARKER */ .ex}\n### ${priority} incident · ${stage}\n\n${(0,_domain_record_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeRecord */ .Ym)(record)}`;
        emu.createComment(repo, issue.number, forged ? { body: card, user: 'mallory' } : { body: card, user: BOT });
        const chatter = k % 97 === 0 ? 30 : Math.floor(rnd() * ((o.chatter ?? 2) + 1));
        for (let c = 0; c < chatter; c++) {
            emu.clock.set(iso(Math.min(present, declared + (c + 1) * MIN)));
            emu.createComment(repo, issue.number, { body: `looking (${c + 1})`, user: 'carol' });
        }
        if (closeAt !== null) {
            emu.clock.set(iso(closeAt));
            emu.editIssue(repo, issue.number, { state: 'closed', state_reason: closeReason }, 'bob');
        }
        const state = closeAt !== null ? 'closed' : 'open';
        const seeded = {
            number: issue.number,
            title,
            priority,
            services,
            source,
            state,
            stage,
            carded: !forged,
            ...t,
        };
        if (forged) {
            // Nothing of the forged record is trusted: the issue's own dates.
            const closedAt = closeAt !== null ? iso(closeAt) : null;
            Object.assign(seeded, {
                source: 'unknown',
                startedAt: iso(declared),
                acknowledgedAt: null,
                mitigatedAt: null,
                resolvedAt: closedAt,
                closedAt,
                dismissed: closeReason === 'not_planned' && closeAt !== null,
            });
        }
        out.push(seeded);
    }
    emu.clock.set(o.now);
    return out;
}


/***/ }),

/***/ 5579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ seedDemoWorld),
/* harmony export */   cZ: () => (/* binding */ COLUMNS),
/* harmony export */   lT: () => (/* binding */ DEMO_REPO),
/* harmony export */   yl: () => (/* binding */ PROJECT),
/* harmony export */   yo: () => (/* binding */ OWNER)
/* harmony export */ });
/* unused harmony exports DEMO_PEOPLE, DEMO_CONFIG */
const DEMO_REPO = 'acme/shop';
const OWNER = 'acme';
const PROJECT = 1;
const COLUMNS = ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Resolved', 'Postmortem', 'Closed'];
/** The people of the demo repository and their roles. */
const DEMO_PEOPLE = { alice: 'write', bob: 'maintain', carol: 'triage' };
/** The repository's `.github/incidents.yml` in the demo: a board, crisis mentions, an escalation chain, report figures. */
const DEMO_CONFIG = `# .github/incidents.yml of the demo repository
project:
  number: ${PROJECT}
  priority_field: Priority
  started_field: Started
  resolved_field: Resolved
  service_field: Service
crisis:
  mention: ["@acme/incident-response"]
escalation:
  - mention: ["@acme/oncall"]
  - mention: ["@acme/engineering-leads"]
    after: 30m
response_team: ["@acme/oncall"]
report:
  slo_target: 0.999
  cost_per_hour: { P1: 2000, P2: 400, P3: 50 }
  currency: USD
`;
/** Adds the demo's people, repository (with its configuration file) and board to the emulator. */
function seedDemoWorld(emu) {
    const tokens = {};
    for (const u of Object.keys(DEMO_PEOPLE))
        tokens[u] = emu.addUser(u).token;
    const projectToken = emu.addUser('board-bot').token;
    emu.addRepo(DEMO_REPO, { collaborators: { ...DEMO_PEOPLE }, files: { '.github/incidents.yml': DEMO_CONFIG } });
    emu.addProject(OWNER, {
        number: PROJECT,
        title: 'Incidents',
        fields: [
            { name: 'Status', dataType: 'SINGLE_SELECT', options: COLUMNS },
            { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P1', 'P2', 'P3', 'P4'] },
            { name: 'Started', dataType: 'DATE' },
            { name: 'Resolved', dataType: 'DATE' },
            { name: 'Service', dataType: 'TEXT' },
        ],
    });
    return { tokens, projectToken };
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

/***/ 5094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ FaultInjector),
/* harmony export */   s: () => (/* binding */ mulberry32)
/* harmony export */ });
// Fault injection: deterministic (failNext, failOn), seeded-random, and latency. The server asks
// `pick()` once per API request, before any handler runs: a faulted write is never applied,
// except with 'lost-502', where the write is applied and its response lost (a 502 in its place),
// as when GitHub's front end times out on a write that its back end finished.
/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
class FaultInjector {
    queue = [];
    targeted = [];
    rng = null;
    delayMs = 0;
    count = 0;
    failNext(n, kind) {
        if (n > 0)
            this.queue.push({ left: n, kind });
    }
    failOn(route, n, kind) {
        if (n > 0)
            this.targeted.push({ route, left: n, kind });
    }
    random(opts) {
        if (opts && (!opts.kinds.length || opts.rate < 0 || opts.rate > 1))
            throw new Error('faults.random: rate must be in [0, 1] and kinds non-empty');
        this.rng = opts ? { next: mulberry32(opts.seed), rate: opts.rate, kinds: [...opts.kinds] } : null;
    }
    latency(ms) {
        this.delayMs = Math.max(0, ms);
    }
    injected() {
        return this.count;
    }
    armed() {
        return this.queue.length > 0 || this.targeted.length > 0 || this.rng !== null || this.delayMs > 0;
    }
    get delay() {
        return this.delayMs;
    }
    /** The fault for this request, if any (deterministic queue first, then the seeded dice). */
    pick(route = '') {
        const t = this.targeted.find((x) => x.route.test(route));
        if (t) {
            if (--t.left <= 0)
                this.targeted.splice(this.targeted.indexOf(t), 1);
            this.count++;
            return t.kind;
        }
        const head = this.queue[0];
        if (head) {
            if (--head.left <= 0)
                this.queue.shift();
            this.count++;
            return head.kind;
        }
        if (this.rng && this.rng.next() < this.rng.rate) {
            this.count++;
            const kinds = this.rng.kinds;
            return kinds[Math.floor(this.rng.next() * kinds.length)] ?? kinds[0] ?? null;
        }
        return null;
    }
}


/***/ }),

/***/ 7716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* reexport */ startEmulator)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/emulator/state.ts
// The emulator's in-memory GitHub: accounts, repositories, issues, comments, labels,
// timeline events, Projects v2, and branches, files and pull requests (no git history: a
// branch is a head sha and its files). REST, GraphQL and the in-process helpers all mutate
// through the functions here, so the three views can never disagree.
//
// Everything a hot path touches is indexed (maps by id, node id, number, lower-cased
// label name) and filtered issue lists are cached per repository version, so paging
// through 50,000 issues stays linear.

const RANK = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
/** True when `have` is at least `need` (admin > maintain > write > triage > read > none). */
function atLeast(have, need) {
    return RANK[have] >= RANK[need];
}
/** An error GitHub would answer with; REST turns it into a status, GraphQL into an error `type`. */
class ApiError extends Error {
    status;
    errors;
    graphqlType;
    constructor(status, message, errors, graphqlType) {
        super(message);
        this.status = status;
        this.errors = errors;
        this.graphqlType = graphqlType;
        this.name = 'ApiError';
    }
}
const DEFAULT_BRANCH = 'main';
const MAX_BODY = 65_536;
const MAX_TITLE = 256;
/** GitHub's limits on labels: name and description lengths, and labels on one issue. */
const MAX_LABEL_NAME = 50;
const MAX_LABEL_DESCRIPTION = 100;
const MAX_LABELS_PER_ISSUE = 100;
/** GitHub timestamps have whole seconds: 2024-05-01T12:00:00Z. */
function stamp(d) {
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Settable clock; real time until set, then frozen (so tests are deterministic). */
class Clock {
    fixed = null;
    /** Every forward move of the clock, added up (see `elapsed`). */
    jumped = 0;
    now() {
        return new Date(this.fixed ?? Date.now());
    }
    set(d) {
        const t = new Date(d).getTime();
        if (Number.isNaN(t))
            throw new Error(`clock.set: invalid date ${String(d)}`);
        this.jumped += Math.max(0, t - this.now().getTime());
        this.fixed = t;
    }
    advance(ms) {
        this.jumped += Math.max(0, ms);
        this.fixed = (this.fixed ?? Date.now()) + ms;
    }
    /** Back to real time (a long-running emulator after seeding a history at the present). */
    resume() {
        this.fixed = null;
    }
    /**
     * Simulated elapsed milliseconds for the secondary-limit windows: real time plus every forward
     * move of the clock. A test that moves the clock an hour between two runs has given GitHub's
     * windows an hour to drain; within a run (the clock frozen) real seconds still count.
     */
    elapsed() {
        return performance.now() + this.jumped;
    }
}
const NODE_PREFIX = {
    User: 'U_kgDO',
    Bot: 'BOT_kgDO',
    Organization: 'O_kgDO',
    Repository: 'R_kgDO',
    Issue: 'I_kwDO',
    IssueComment: 'IC_kwDO',
    Label: 'LA_kwDO',
    Event: 'LE_lADO',
    ProjectV2: 'PVT_kwDO',
    ProjectV2Field: 'PVTF_lADO',
    ProjectV2SingleSelectField: 'PVTSSF_lADO',
    ProjectV2Item: 'PVTI_lADO',
    PullRequest: 'PR_kwDO',
};
class State {
    clock = new Clock();
    seq = 1000;
    /** Commit shas come from their own counter, so adding git objects never shifts other ids. */
    commitSeq = 0;
    accounts = new Map(); // by lower-cased login
    tokens = new Map();
    repos = new Map(); // by lower-cased full name
    nodes = new Map();
    comments = new Map();
    projects = new Map(); // `${ownerLogin lower}#${number}`
    dispatches = [];
    /** Actions workflows per repository (full name), by file name: GitHub's enable/disable state. */
    workflows = new Map();
    /** Repositories whose GITHUB_TOKEN lacks `actions: write` (enable/disable answer 403). */
    actionsReadOnly = new Set();
    bot;
    constructor() {
        this.bot = this.addAccount('github-actions[bot]', 'Bot');
    }
    now() {
        return stamp(this.clock.now());
    }
    /** The next global id (also used by the deployments and releases of src/emulator/changes.ts). */
    nextId() {
        return ++this.seq;
    }
    nodeId(prefix, id) {
        // Opaque, stable and unique, shaped like GitHub's next-generation ids.
        return `${NODE_PREFIX[prefix] ?? 'X_'}${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
    }
    register(e) {
        this.nodes.set(e.value.nodeId, e);
    }
    // ---------- accounts and repositories ----------
    addAccount(login, type, token) {
        const key = login.toLowerCase();
        if (this.accounts.has(key))
            throw new Error(`emulator: account ${login} already exists`);
        const id = this.nextId();
        const tok = type === 'Organization'
            ? null
            : (token ?? `ghs_${(0,external_node_crypto_.createHash)('sha256').update(`${login}:${id}`).digest('hex').slice(0, 36)}`);
        const account = { id, nodeId: this.nodeId(type, id), login, type, token: tok, createdAt: this.now() };
        this.accounts.set(key, account);
        if (tok)
            this.tokens.set(tok, account);
        this.register({ kind: 'Account', value: account });
        return account;
    }
    account(login) {
        return this.accounts.get(login.toLowerCase());
    }
    /** The helpers act as people who may not have been added explicitly: create them on first use. */
    accountOrCreate(login) {
        return this.account(login) ?? this.addAccount(login, login.endsWith('[bot]') ? 'Bot' : 'User');
    }
    addRepo(fullName, ownerType) {
        const [ownerLogin, name, extra] = fullName.split('/');
        if (!ownerLogin || !name || extra !== undefined)
            throw new Error(`emulator: repo must be "owner/name", got ${fullName}`);
        if (this.repos.has(fullName.toLowerCase()))
            throw new Error(`emulator: repo ${fullName} already exists`);
        const owner = this.account(ownerLogin) ?? this.addAccount(ownerLogin, ownerType);
        const id = this.nextId();
        const files = new Map();
        const repo = {
            id,
            nodeId: this.nodeId('Repository', id),
            owner,
            name,
            fullName: `${owner.login}/${name}`,
            files,
            branches: new Map(),
            collaborators: new Map(),
            labels: new Map(),
            issues: [],
            issueByNumber: new Map(),
            pulls: new Map(),
            lastNumber: 0,
            createdAt: this.now(),
            version: 0,
            listCache: new Map(),
        };
        repo.branches.set(DEFAULT_BRANCH, {
            name: DEFAULT_BRANCH,
            sha: this.nextCommitSha(),
            files,
            forkedFiles: null,
            ahead: 0,
        });
        this.repos.set(fullName.toLowerCase(), repo);
        this.register({ kind: 'Repository', value: repo });
        return repo;
    }
    repo(fullName) {
        return this.repos.get(fullName.toLowerCase());
    }
    /** For helpers: an unknown repo is a bug in the test, so say so loudly. */
    mustRepo(fullName) {
        const r = this.repo(fullName);
        if (!r)
            throw new Error(`emulator: no repo ${fullName} (call addRepo first)`);
        return r;
    }
    mustIssue(fullName, number) {
        const i = this.mustRepo(fullName).issueByNumber.get(number);
        if (!i)
            throw new Error(`emulator: no issue ${fullName}#${number}`);
        return i;
    }
    mustPull(fullName, number) {
        const p = this.mustRepo(fullName).pulls.get(number);
        if (!p)
            throw new Error(`emulator: no pull request ${fullName}#${number}`);
        return p;
    }
    /** Open issues and open pull requests: GitHub's `open_issues_count` counts both. */
    openCount(repo) {
        let n = 0;
        for (const i of repo.issues)
            if (i.state === 'open')
                n++;
        for (const p of repo.pulls.values())
            if (p.state === 'open')
                n++;
        return n;
    }
    /** The role GitHub would report for `who` on `repo`. */
    permission(repo, who) {
        const explicit = repo.collaborators.get(who.login.toLowerCase());
        if (explicit)
            return explicit;
        if (who.id === repo.owner.id)
            return 'admin';
        if (who.id === this.bot.id)
            return 'write';
        return 'none';
    }
    // ---------- labels ----------
    createLabel(repo, name, color = 'ededed', description = null) {
        const trimmed = name.trim();
        if (!trimmed)
            throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
        validateLabelName(trimmed);
        if (description !== null && description.length > MAX_LABEL_DESCRIPTION)
            throw new ApiError(422, 'Validation Failed', [
                {
                    resource: 'Label',
                    code: 'custom',
                    field: 'description',
                    message: `description is too long (maximum is ${MAX_LABEL_DESCRIPTION} characters)`,
                },
            ], 'UNPROCESSABLE');
        if (repo.labels.has(trimmed.toLowerCase()))
            throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }], 'UNPROCESSABLE');
        const c = normalizeColor(color);
        const id = this.nextId();
        const now = this.now();
        const label = {
            id,
            nodeId: this.nodeId('Label', id),
            repo,
            name: trimmed,
            color: c,
            description,
            createdAt: now,
            updatedAt: now,
        };
        repo.labels.set(trimmed.toLowerCase(), label);
        this.register({ kind: 'Label', value: label });
        return label;
    }
    updateLabel(label, patch) {
        const repo = label.repo;
        if (patch.name !== undefined)
            validateLabelName(patch.name.trim());
        if (patch.name !== undefined && patch.name.toLowerCase() !== label.name.toLowerCase()) {
            if (repo.labels.has(patch.name.toLowerCase()))
                throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }], 'UNPROCESSABLE');
            repo.labels.delete(label.name.toLowerCase());
            repo.labels.set(patch.name.toLowerCase(), label);
        }
        if (patch.name !== undefined)
            label.name = patch.name;
        if (patch.color !== undefined)
            label.color = normalizeColor(patch.color);
        if (patch.description !== undefined)
            label.description = patch.description;
        label.updatedAt = this.now();
        repo.version++;
        return label;
    }
    /** Deletes a repository label; it goes from every issue that had it, as on GitHub. */
    deleteLabel(label) {
        const repo = label.repo;
        repo.labels.delete(label.name.toLowerCase());
        for (const i of repo.issues)
            i.labels = i.labels.filter((l) => l !== label);
        repo.version++;
    }
    /**
     * GitHub refuses, before changing anything, a write that would leave an issue with more than 100
     * labels or that names a label it would have to create with a name over 50 characters.
     * `issue` null is a new issue; `replace` is a full set (PUT, PATCH) rather than an addition.
     */
    checkLabels(repo, issue, names, replace) {
        const after = new Set(replace || !issue ? [] : issue.labels.map((l) => l.name.toLowerCase()));
        for (const n of names) {
            const key = n.trim().toLowerCase();
            if (!repo.labels.has(key))
                validateLabelName(n.trim());
            after.add(key);
        }
        if (after.size > MAX_LABELS_PER_ISSUE)
            throw new ApiError(422, 'Validation Failed', [
                {
                    resource: 'Issue',
                    code: 'custom',
                    field: 'labels',
                    message: `labels is too long (maximum is ${MAX_LABELS_PER_ISSUE} labels)`,
                },
            ], 'UNPROCESSABLE');
    }
    /** Like GitHub's issue endpoints: a label name that does not exist yet is created (color ededed). */
    labelOrCreate(repo, name) {
        return repo.labels.get(name.trim().toLowerCase()) ?? this.createLabel(repo, name);
    }
    // ---------- issues ----------
    createIssue(repo, actor, i) {
        validateTitle(i.title);
        validateBody('Issue', i.body);
        if (i.labels?.length)
            this.checkLabels(repo, null, i.labels, true);
        const id = this.nextId();
        const created = i.createdAt ? stamp(new Date(i.createdAt)) : this.now();
        const issue = {
            id,
            nodeId: this.nodeId('Issue', id),
            repo,
            number: ++repo.lastNumber,
            title: i.title,
            body: i.body ?? null,
            state: 'open',
            stateReason: null,
            author: actor,
            labels: [],
            assignees: [],
            createdAt: created,
            updatedAt: created,
            closedAt: null,
            closedBy: null,
            comments: [],
            events: [],
            projectItems: [],
        };
        repo.issues.push(issue);
        repo.issueByNumber.set(issue.number, issue);
        repo.version++;
        this.register({ kind: 'Issue', value: issue });
        if (i.labels?.length)
            this.addLabels(issue, actor, i.labels, created);
        if (i.assignees?.length)
            this.addAssignees(issue, actor, i.assignees, created);
        return issue;
    }
    touch(issue, at) {
        issue.updatedAt = at ?? this.now();
        issue.repo.version++;
    }
    event(issue, kind, actor, at, extra = {}) {
        const id = this.nextId();
        const e = { id, nodeId: this.nodeId('Event', id), kind, actor, createdAt: at, ...extra };
        issue.events.push(e);
        this.register({ kind: 'Event', value: e });
        return e;
    }
    updateIssue(issue, actor, patch) {
        if (patch.title !== undefined)
            validateTitle(patch.title);
        if (patch.body !== undefined)
            validateBody('Issue', patch.body);
        if (patch.title !== undefined)
            issue.title = patch.title;
        if (patch.body !== undefined)
            issue.body = patch.body;
        this.touch(issue);
    }
    setState(issue, actor, state, reason) {
        if (issue.state === state) {
            // GitHub lets you change the reason of a closed issue without a new event.
            if (state === 'closed' && reason)
                issue.stateReason = reason;
            return;
        }
        const at = this.now();
        if (state === 'closed') {
            issue.state = 'closed';
            issue.stateReason = reason ?? 'completed';
            issue.closedAt = at;
            issue.closedBy = actor;
            this.event(issue, 'closed', actor, at, { stateReason: issue.stateReason });
        }
        else {
            issue.state = 'open';
            issue.stateReason = 'reopened';
            issue.closedAt = null;
            issue.closedBy = null;
            this.event(issue, 'reopened', actor, at, { stateReason: 'reopened' });
        }
        this.touch(issue, at);
    }
    addLabels(issue, actor, names, at = this.now()) {
        this.checkLabels(issue.repo, issue, names, false);
        let changed = false;
        for (const name of names) {
            const label = this.labelOrCreate(issue.repo, name);
            if (issue.labels.includes(label))
                continue;
            issue.labels.push(label);
            this.event(issue, 'labeled', actor, at, { label, labelSnapshot: { name: label.name, color: label.color } });
            changed = true;
        }
        if (changed)
            this.touch(issue, at);
        return issue.labels;
    }
    removeLabel(issue, actor, label, at = this.now()) {
        const idx = issue.labels.indexOf(label);
        if (idx < 0)
            return;
        issue.labels.splice(idx, 1);
        this.event(issue, 'unlabeled', actor, at, { label, labelSnapshot: { name: label.name, color: label.color } });
        this.touch(issue, at);
    }
    setLabels(issue, actor, names) {
        this.checkLabels(issue.repo, issue, names, true);
        const wanted = names.map((n) => this.labelOrCreate(issue.repo, n));
        for (const l of [...issue.labels])
            if (!wanted.includes(l))
                this.removeLabel(issue, actor, l);
        this.addLabels(issue, actor, wanted.map((l) => l.name));
        return issue.labels;
    }
    /** Unknown logins are silently ignored, as GitHub does for assignees it cannot assign. */
    addAssignees(issue, actor, logins, at = this.now()) {
        let changed = false;
        for (const login of logins) {
            const who = this.account(login);
            if (!who || who.type === 'Organization' || issue.assignees.includes(who))
                continue;
            if (issue.assignees.length >= 10)
                break;
            issue.assignees.push(who);
            this.event(issue, 'assigned', actor, at, { assignee: who });
            changed = true;
        }
        if (changed)
            this.touch(issue, at);
    }
    removeAssignees(issue, actor, logins) {
        const at = this.now();
        let changed = false;
        for (const login of logins) {
            const idx = issue.assignees.findIndex((a) => a.login.toLowerCase() === login.toLowerCase());
            if (idx < 0)
                continue;
            const [who] = issue.assignees.splice(idx, 1);
            this.event(issue, 'unassigned', actor, at, { assignee: who });
            changed = true;
        }
        if (changed)
            this.touch(issue, at);
    }
    setAssignees(issue, actor, logins) {
        const keep = new Set(logins.map((l) => l.toLowerCase()));
        this.removeAssignees(issue, actor, issue.assignees.filter((a) => !keep.has(a.login.toLowerCase())).map((a) => a.login));
        this.addAssignees(issue, actor, logins);
    }
    // ---------- comments ----------
    createComment(issue, actor, body) {
        if (!body || !body.trim())
            throw new ApiError(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }], 'UNPROCESSABLE');
        validateBody('IssueComment', body);
        const id = this.nextId();
        const at = this.now();
        const c = {
            id,
            nodeId: this.nodeId('IssueComment', id),
            issue,
            body,
            author: actor,
            createdAt: at,
            updatedAt: at,
        };
        issue.comments.push(c);
        this.comments.set(id, c);
        this.register({ kind: 'IssueComment', value: c });
        this.event(issue, 'commented', actor, at, { comment: c });
        this.touch(issue, at);
        return c;
    }
    updateComment(c, body) {
        validateBody('IssueComment', body);
        c.body = body;
        c.updatedAt = this.now();
        c.issue.repo.version++;
    }
    deleteComment(c) {
        const issue = c.issue;
        issue.comments.splice(issue.comments.indexOf(c), 1);
        const ev = issue.events.findIndex((e) => e.comment === c);
        if (ev >= 0)
            issue.events.splice(ev, 1);
        this.comments.delete(c.id);
        this.nodes.delete(c.nodeId);
        this.touch(issue);
    }
    // ---------- branches and files ----------
    nextCommitSha() {
        return (0,external_node_crypto_.createHash)('sha1').update(`commit:${++this.commitSeq}`).digest('hex');
    }
    branch(repo, name) {
        return repo.branches.get(name);
    }
    /** For helpers: an unknown branch is a bug in the test. */
    mustBranch(repo, name) {
        const b = repo.branches.get(name);
        if (!b)
            throw new Error(`emulator: no branch ${name} in ${repo.fullName}`);
        return b;
    }
    /** The branch whose head is `sha` (the emulator keeps no history, so only heads resolve). */
    branchAt(repo, sha) {
        for (const b of repo.branches.values())
            if (b.sha === sha)
                return b;
        return undefined;
    }
    /** `refs/heads/<name>` at `sha`, with a copy of the files of the branch whose head that is. */
    createBranch(repo, name, sha) {
        if (repo.branches.has(name))
            throw new ApiError(422, 'Reference already exists');
        const from = this.branchAt(repo, sha);
        if (!from)
            throw new ApiError(422, 'Object does not exist');
        const b = { name, sha, files: new Map(from.files), forkedFiles: new Map(from.files), ahead: 0 };
        repo.branches.set(name, b);
        return b;
    }
    /** Records a commit on `branch` (its files already changed) and moves the branch to it. */
    commit(branch, actor, message) {
        const c = {
            sha: this.nextCommitSha(),
            tree: treeSha(branch.files),
            parents: [branch.sha],
            message,
            author: actor,
            date: this.now(),
        };
        branch.sha = c.sha;
        branch.ahead++;
        return c;
    }
    /** Writes (or, with null, deletes) one file on a branch as a new commit. */
    writeFile(repo, branch, path, content, actor, message) {
        if (content === null)
            branch.files.delete(path);
        else
            branch.files.set(path, content);
        const c = this.commit(branch, actor, message);
        this.followBranches(repo);
        return c;
    }
    /**
     * The contents API's create-or-update: `sha` must be the file's current blob sha to
     * replace it, and must be absent to create it.
     */
    putFile(repo, actor, f) {
        const branch = repo.branches.get(f.branch);
        if (!branch)
            throw new ApiError(404, `Branch ${f.branch} not found`);
        const current = branch.files.get(f.path);
        if (current !== undefined && f.sha === undefined)
            throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', [
                { resource: 'Contents', code: 'missing_field', field: 'sha' },
            ]);
        // A sha for a file that does not exist matches nothing either.
        if (f.sha !== undefined && (current === undefined || gitBlobSha(current) !== f.sha))
            throw new ApiError(409, `${f.path} does not match ${f.sha}`);
        const commit = this.writeFile(repo, branch, f.path, f.content, actor, f.message);
        return { branch, commit, created: current === undefined };
    }
    // ---------- pull requests ----------
    /** An open pull request follows its branches; a closed one keeps the commits it ended with. */
    followBranches(repo) {
        for (const p of repo.pulls.values()) {
            if (p.state !== 'open')
                continue;
            p.headSha = repo.branches.get(p.head)?.sha ?? p.headSha;
            p.baseSha = repo.branches.get(p.base)?.sha ?? p.baseSha;
        }
    }
    createPull(repo, actor, p) {
        validateTitle(p.title, 'PullRequest');
        validateBody('PullRequest', p.body);
        const head = repo.branches.get(p.head);
        const base = repo.branches.get(p.base);
        if (!base)
            throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'base' }], 'UNPROCESSABLE');
        if (!head)
            throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'head' }], 'UNPROCESSABLE');
        this.assertNoOpenPull(repo, p.head, p.base);
        if (head.sha === base.sha)
            throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${p.base} and ${p.head}` }], 'UNPROCESSABLE');
        const id = this.nextId();
        const now = this.now();
        const pull = {
            id,
            nodeId: this.nodeId('PullRequest', id),
            repo,
            number: ++repo.lastNumber,
            title: p.title,
            body: p.body ?? null,
            state: 'open',
            author: actor,
            head: p.head,
            base: p.base,
            headSha: head.sha,
            baseSha: base.sha,
            draft: p.draft ?? false,
            merged: false,
            mergedAt: null,
            mergedBy: null,
            mergeCommitSha: null,
            createdAt: now,
            updatedAt: now,
            closedAt: null,
            mergedStats: null,
        };
        repo.pulls.set(pull.number, pull);
        return pull;
    }
    assertNoOpenPull(repo, head, base, except) {
        for (const o of repo.pulls.values()) {
            if (o !== except && o.state === 'open' && o.head === head && o.base === base)
                throw new ApiError(422, 'Validation Failed', [
                    {
                        resource: 'PullRequest',
                        code: 'custom',
                        message: `A pull request already exists for ${repo.owner.login}:${head}.`,
                    },
                ], 'UNPROCESSABLE');
        }
    }
    updatePull(pull, patch) {
        if (patch.title !== undefined)
            validateTitle(patch.title, 'PullRequest');
        if (patch.body !== undefined)
            validateBody('PullRequest', patch.body);
        if (patch.state === 'open' && pull.state === 'closed') {
            if (pull.merged)
                throw new ApiError(422, 'Validation Failed', [
                    {
                        resource: 'PullRequest',
                        code: 'custom',
                        field: 'state',
                        message: 'state cannot be changed. The pull request has been merged.',
                    },
                ], 'UNPROCESSABLE');
            if (!pull.repo.branches.has(pull.head))
                throw new ApiError(422, 'Validation Failed', [
                    {
                        resource: 'PullRequest',
                        code: 'custom',
                        field: 'state',
                        message: 'state cannot be changed. The head branch was deleted.',
                    },
                ], 'UNPROCESSABLE');
            this.assertNoOpenPull(pull.repo, pull.head, pull.base, pull);
        }
        const now = this.now();
        if (patch.title !== undefined)
            pull.title = patch.title;
        if (patch.body !== undefined)
            pull.body = patch.body;
        if (patch.state === 'closed' && pull.state === 'open') {
            pull.state = 'closed';
            pull.closedAt = now;
        }
        else if (patch.state === 'open' && pull.state === 'closed') {
            pull.state = 'open';
            pull.closedAt = null;
            this.followBranches(pull.repo);
        }
        pull.updatedAt = now;
    }
    /**
     * Merges as a merge commit: what changed on the head branch since its merge base is applied
     * to the base branch (changes made on the base meanwhile are kept), the base moves to the
     * merge commit, and the pull request is closed as merged.
     */
    mergePull(pull, actor) {
        if (pull.merged)
            throw new ApiError(405, 'Pull Request is not mergeable');
        if (pull.state !== 'open')
            throw new ApiError(422, 'Pull Request is not open');
        const repo = pull.repo;
        const head = repo.branches.get(pull.head);
        const base = repo.branches.get(pull.base);
        if (!head || !base)
            throw new ApiError(422, 'Head or base branch is missing');
        pull.mergedStats = this.pullStats(pull);
        const before = head.forkedFiles ?? new Map();
        pull.files = [...new Set([...head.files.keys(), ...before.keys()])].filter((p) => head.files.get(p) !== before.get(p));
        for (const path of new Set([...head.files.keys(), ...before.keys()])) {
            const now = head.files.get(path);
            if (now === before.get(path))
                continue;
            if (now === undefined)
                base.files.delete(path);
            else
                base.files.set(path, now);
        }
        const c = this.commit(base, actor, `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.head}\n\n${pull.title}`);
        c.parents.push(head.sha);
        this.followBranches(repo);
        // The head's changes are in the base now: the merge base moves up to the head.
        head.forkedFiles = new Map(head.files);
        head.ahead = 0;
        const at = c.date;
        pull.headSha = head.sha;
        pull.baseSha = base.sha;
        pull.state = 'closed';
        pull.merged = true;
        pull.mergedAt = at;
        pull.closedAt = at;
        pull.mergedBy = actor;
        pull.mergeCommitSha = c.sha;
        pull.updatedAt = at;
        return c;
    }
    /** Commits and changed lines of the head branch since its merge base (lines compared as multisets). */
    pullStats(pull) {
        if (pull.mergedStats)
            return pull.mergedStats;
        const head = pull.repo.branches.get(pull.head);
        if (!head)
            return { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
        const before = head.forkedFiles ?? new Map();
        let additions = 0;
        let deletions = 0;
        let changedFiles = 0;
        for (const path of new Set([...head.files.keys(), ...before.keys()])) {
            const a = before.get(path);
            const b = head.files.get(path);
            if (a === b)
                continue;
            changedFiles++;
            const left = new Map();
            for (const line of a === undefined ? [] : a.split('\n'))
                left.set(line, (left.get(line) ?? 0) + 1);
            for (const line of b === undefined ? [] : b.split('\n')) {
                const n = left.get(line) ?? 0;
                if (n > 0)
                    left.set(line, n - 1);
                else
                    additions++;
            }
            for (const n of left.values())
                deletions += n;
        }
        return { commits: head.ahead, additions, deletions, changedFiles };
    }
    /** Pull requests of a repo, newest first (GitHub's default order), filtered like the list endpoint. */
    listPulls(repo, f = {}) {
        const state = f.state ?? 'open';
        return [...repo.pulls.values()]
            .filter((p) => (state === 'all' || p.state === state) &&
            (f.head === undefined || p.head === f.head) &&
            (f.base === undefined || p.base === f.base))
            .sort((a, b) => compareKeys([Date.parse(b.createdAt), b.number], [Date.parse(a.createdAt), a.number]));
    }
    // ---------- listing ----------
    /**
     * Issues of a repo filtered and sorted; cached until the repo changes, so paging through a
     * big listing costs one filter+sort, not one per page. Ties break on number, ascending or
     * descending with the direction, so the order is total and cursors can binary-search it.
     */
    listIssues(repo, f) {
        const key = JSON.stringify([
            f.state ?? 'open',
            f.labels?.map((l) => l.toLowerCase()).sort() ?? [],
            f.anyLabels?.map((l) => l.toLowerCase()).sort() ?? [],
            f.since ?? '',
            f.creator ?? '',
            f.assignee ?? '',
            f.sort ?? 'created',
            f.direction ?? 'desc',
        ]);
        const hit = repo.listCache.get(key);
        if (hit && hit.version === repo.version)
            return hit.list;
        const state = f.state ?? 'open';
        const wanted = (f.labels ?? []).map((l) => l.toLowerCase());
        const any = f.anyLabels?.length ? new Set(f.anyLabels.map((l) => l.toLowerCase())) : null;
        const since = f.since ? new Date(f.since).getTime() : null;
        const creator = f.creator?.toLowerCase();
        const assignee = f.assignee?.toLowerCase();
        const list = repo.issues.filter((i) => {
            if (state !== 'all' && i.state !== state)
                return false;
            if (since !== null && Date.parse(i.updatedAt) < since)
                return false;
            if (creator && i.author.login.toLowerCase() !== creator)
                return false;
            if (assignee === 'none' && i.assignees.length)
                return false;
            if (assignee === '*' && !i.assignees.length)
                return false;
            if (assignee &&
                assignee !== 'none' &&
                assignee !== '*' &&
                !i.assignees.some((a) => a.login.toLowerCase() === assignee))
                return false;
            for (const w of wanted)
                if (!i.labels.some((l) => l.name.toLowerCase() === w))
                    return false;
            if (any && !i.labels.some((l) => any.has(l.name.toLowerCase())))
                return false;
            return true;
        });
        const keyOf = issueSortKey(f.sort ?? 'created');
        const dir = (f.direction ?? 'desc') === 'asc' ? 1 : -1;
        list.sort((a, b) => dir * compareKeys(keyOf(a), keyOf(b)));
        if (repo.listCache.size > 64)
            repo.listCache.clear();
        repo.listCache.set(key, { version: repo.version, list });
        return list;
    }
    // ---------- Projects v2 ----------
    addProject(ownerLogin, spec) {
        const owner = this.account(ownerLogin) ?? this.addAccount(ownerLogin, 'Organization');
        const key = `${owner.login.toLowerCase()}#${spec.number}`;
        if (this.projects.has(key))
            throw new Error(`emulator: project ${key} already exists`);
        const id = this.nextId();
        const now = this.now();
        const project = {
            id,
            nodeId: this.nodeId('ProjectV2', id),
            owner,
            number: spec.number,
            title: spec.title,
            fields: [],
            items: [],
            itemByIssue: new Map(),
            createdAt: now,
            updatedAt: now,
        };
        for (const f of spec.fields) {
            const fid = this.nextId();
            const field = {
                id: fid,
                nodeId: this.nodeId(f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : 'ProjectV2Field', fid),
                project,
                name: f.name,
                dataType: f.dataType,
                // Option ids on GitHub are short hex strings, unique within the field.
                options: (f.options ?? []).map((name, n) => ({
                    id: (0,external_node_crypto_.createHash)('sha1').update(`${fid}:${n}:${name}`).digest('hex').slice(0, 8),
                    name,
                })),
                createdAt: now,
            };
            project.fields.push(field);
            this.register({ kind: 'ProjectV2Field', value: field });
        }
        this.projects.set(key, project);
        this.register({ kind: 'ProjectV2', value: project });
        return project;
    }
    project(ownerLogin, number) {
        return this.projects.get(`${ownerLogin.toLowerCase()}#${number}`);
    }
    addProjectItem(project, issue, actor) {
        const existing = project.itemByIssue.get(issue.id);
        if (existing)
            return existing;
        const id = this.nextId();
        const now = this.now();
        const item = {
            id,
            nodeId: this.nodeId('ProjectV2Item', id),
            project,
            issue,
            values: new Map(),
            createdAt: now,
            updatedAt: now,
            creator: actor,
        };
        project.items.push(item);
        project.itemByIssue.set(issue.id, item);
        issue.projectItems.push(item);
        this.register({ kind: 'ProjectV2Item', value: item });
        return item;
    }
    setProjectValue(item, field, value, actor) {
        const now = this.now();
        if (value === null)
            item.values.delete(field.id);
        else
            item.values.set(field.id, { value, updatedAt: now, creator: actor });
        item.updatedAt = now;
        item.project.updatedAt = now;
    }
    /** A field's value as plain text (option name, date, text, number) for assertions. */
    projectValueText(item, field) {
        const v = item.values.get(field.id)?.value;
        if (!v)
            return null;
        switch (v.kind) {
            case 'SINGLE_SELECT':
                return field.options.find((o) => o.id === v.optionId)?.name ?? null;
            case 'TEXT':
                return v.text;
            case 'DATE':
                return v.date;
            case 'NUMBER':
                return String(v.number);
        }
    }
}
/** Lexicographic comparison of sort keys; the basis of both sorting and cursor seeking. */
function compareKeys(a, b) {
    for (let n = 0; n < Math.max(a.length, b.length); n++) {
        const x = a[n];
        const y = b[n];
        if (x === y)
            continue;
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        return x < y ? -1 : 1;
    }
    return 0;
}
function issueSortKey(sort) {
    if (sort === 'updated')
        return (i) => [Date.parse(i.updatedAt), i.number];
    if (sort === 'comments')
        return (i) => [i.comments.length, i.number];
    return (i) => [Date.parse(i.createdAt), i.number];
}
function normalizeColor(color) {
    const c = color.replace(/^#/, '');
    if (!/^[0-9a-fA-F]{6}$/.test(c))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'invalid', field: 'color' }], 'UNPROCESSABLE');
    return c.toLowerCase();
}
function validateTitle(title, resource = 'Issue') {
    if (typeof title !== 'string' || !title.trim())
        throw new ApiError(422, 'Validation Failed', [{ resource, code: 'missing_field', field: 'title' }], 'UNPROCESSABLE');
    if (title.length > MAX_TITLE)
        throw new ApiError(422, 'Validation Failed', [{ resource, code: 'custom', field: 'title', message: `title is too long (maximum is ${MAX_TITLE} characters)` }], 'UNPROCESSABLE');
}
function validateLabelName(name) {
    if (name.length > MAX_LABEL_NAME)
        throw new ApiError(422, 'Validation Failed', [
            {
                resource: 'Label',
                code: 'custom',
                field: 'name',
                message: `name is too long (maximum is ${MAX_LABEL_NAME} characters)`,
            },
        ], 'UNPROCESSABLE');
}
function validateBody(resource, body) {
    if (typeof body === 'string' && body.length > MAX_BODY)
        throw new ApiError(422, 'Validation Failed', [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }], 'UNPROCESSABLE');
}
/** Git's blob id (`sha1("blob <bytes>\0<content>")`), so `sha` changes exactly when the content does. */
function gitBlobSha(content) {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}
/** A stand-in for git's tree id: depends only on the paths and their blobs. */
function treeSha(files) {
    const h = (0,external_node_crypto_.createHash)('sha1').update('tree\0');
    for (const path of [...files.keys()].sort())
        h.update(`${path}\0${gitBlobSha(files.get(path) ?? '')}\n`);
    return h.digest('hex');
}

;// CONCATENATED MODULE: ./src/emulator/rest-shapes.ts
// REST response builders. Each is typed with GitHub's OpenAPI schema from
// @octokit/openapi-types, so the compiler holds our shapes to GitHub's description.

/** GitHub's `permission` field is the legacy coarse level; `role_name` keeps the precise role. */
const LEGACY = {
    admin: 'admin',
    maintain: 'write',
    write: 'write',
    triage: 'read',
    read: 'read',
    none: 'none',
};
class Shapes {
    base;
    constructor(base) {
        this.base = base;
    }
    api(path) {
        return `${this.base}${path}`;
    }
    /** html_url: the emulator serves no HTML, but the links are still unique and plausible. */
    html(path) {
        return `${this.base}/${path}`;
    }
    user(a) {
        const u = this.api(`/users/${encodeURIComponent(a.login)}`);
        return {
            login: a.login,
            id: a.id,
            node_id: a.nodeId,
            avatar_url: `${this.base}/avatars/u/${a.id}`,
            gravatar_id: '',
            url: u,
            html_url: this.html(a.login),
            followers_url: `${u}/followers`,
            following_url: `${u}/following{/other_user}`,
            gists_url: `${u}/gists{/gist_id}`,
            starred_url: `${u}/starred{/owner}{/repo}`,
            subscriptions_url: `${u}/subscriptions`,
            organizations_url: `${u}/orgs`,
            repos_url: `${u}/repos`,
            events_url: `${u}/events{/privacy}`,
            received_events_url: `${u}/received_events`,
            type: a.type,
            site_admin: false,
            user_view_type: 'public',
        };
    }
    label(l) {
        return {
            id: l.id,
            node_id: l.nodeId,
            url: this.api(`/repos/${l.repo.fullName}/labels/${encodeURIComponent(l.name)}`),
            name: l.name,
            description: l.description,
            color: l.color,
            default: false,
        };
    }
    reactions(url) {
        return {
            url: `${url}/reactions`,
            total_count: 0,
            '+1': 0,
            '-1': 0,
            laugh: 0,
            confused: 0,
            heart: 0,
            hooray: 0,
            eyes: 0,
            rocket: 0,
        };
    }
    association(repo, a, perm) {
        if (a.id === repo.owner.id)
            return 'OWNER';
        if (perm !== 'none')
            return 'COLLABORATOR';
        return 'NONE';
    }
    issue(i, perm) {
        const url = this.api(`/repos/${i.repo.fullName}/issues/${i.number}`);
        return {
            id: i.id,
            node_id: i.nodeId,
            url,
            repository_url: this.api(`/repos/${i.repo.fullName}`),
            labels_url: `${url}/labels{/name}`,
            comments_url: `${url}/comments`,
            events_url: `${url}/events`,
            html_url: this.html(`${i.repo.fullName}/issues/${i.number}`),
            number: i.number,
            state: i.state,
            state_reason: i.stateReason,
            title: i.title,
            body: i.body,
            user: this.user(i.author),
            labels: i.labels.map((l) => this.label(l)),
            assignee: i.assignees[0] ? this.user(i.assignees[0]) : null,
            assignees: i.assignees.map((a) => this.user(a)),
            milestone: null,
            locked: false,
            active_lock_reason: null,
            comments: i.comments.length,
            closed_at: i.closedAt,
            created_at: i.createdAt,
            updated_at: i.updatedAt,
            closed_by: i.closedBy ? this.user(i.closedBy) : null,
            author_association: this.association(i.repo, i.author, perm(i.author)),
            timeline_url: `${url}/timeline`,
            performed_via_github_app: null,
            reactions: this.reactions(url),
        };
    }
    searchItem(i, perm) {
        const { assignees, ...rest } = this.issue(i, perm);
        return {
            ...rest,
            body: rest.body ?? undefined, // the search schema has no null body: omit it
            labels: i.labels.map((l) => this.label(l)),
            assignees: assignees ?? null,
            author_association: rest.author_association ?? 'NONE',
            score: 1,
        };
    }
    comment(c, perm) {
        const repo = c.issue.repo.fullName;
        const url = this.api(`/repos/${repo}/issues/comments/${c.id}`);
        return {
            id: c.id,
            node_id: c.nodeId,
            url,
            html_url: this.html(`${repo}/issues/${c.issue.number}#issuecomment-${c.id}`),
            body: c.body,
            user: this.user(c.author),
            created_at: c.createdAt,
            updated_at: c.updatedAt,
            issue_url: this.api(`/repos/${repo}/issues/${c.issue.number}`),
            author_association: this.association(c.issue.repo, c.author, perm(c.author)),
            performed_via_github_app: null,
            reactions: this.reactions(url),
        };
    }
    timelineEvent(e, issue, perm) {
        const common = {
            id: e.id,
            node_id: e.nodeId,
            url: this.api(`/repos/${issue.repo.fullName}/issues/events/${e.id}`),
            actor: this.user(e.actor),
            event: e.kind,
            commit_id: null,
            commit_url: null,
            created_at: e.createdAt,
            performed_via_github_app: null,
        };
        switch (e.kind) {
            case 'labeled':
            case 'unlabeled': {
                const ev = { ...common, label: e.labelSnapshot ?? { name: '', color: 'ededed' } };
                return ev;
            }
            case 'assigned':
            case 'unassigned': {
                const ev = { ...common, assignee: this.user(e.assignee ?? e.actor) };
                return ev;
            }
            case 'closed':
            case 'reopened': {
                const ev = { ...common, state_reason: e.stateReason ?? null };
                return ev;
            }
            case 'commented': {
                const c = e.comment;
                if (!c)
                    throw new Error('emulator: commented event without comment');
                const rc = this.comment(c, perm);
                const ev = {
                    event: 'commented',
                    actor: this.user(c.author),
                    id: c.id,
                    node_id: c.nodeId,
                    url: rc.url,
                    body: c.body,
                    html_url: rc.html_url,
                    user: this.user(c.author),
                    created_at: c.createdAt,
                    updated_at: c.updatedAt,
                    issue_url: rc.issue_url,
                    author_association: rc.author_association ?? 'NONE',
                    performed_via_github_app: null,
                    reactions: rc.reactions,
                };
                return ev;
            }
        }
    }
    permission(who, p) {
        return {
            permission: LEGACY[p],
            role_name: p,
            user: {
                ...this.user(who),
                permissions: {
                    admin: p === 'admin',
                    maintain: p === 'admin' || p === 'maintain',
                    push: p === 'admin' || p === 'maintain' || p === 'write',
                    triage: p !== 'none' && p !== 'read',
                    pull: p !== 'none',
                },
                role_name: p,
            },
        };
    }
    contentFile(repo, path, content, ref = 'main') {
        const buf = Buffer.from(content, 'utf8');
        const sha = gitBlobSha(buf);
        const { self, git, html, download } = this.contentLinks(repo, path, sha, ref);
        return {
            type: 'file',
            encoding: 'base64',
            size: buf.length,
            name: path.split('/').pop() ?? path,
            path,
            // GitHub wraps base64 content at 60 characters per line.
            content: (buf.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
            sha,
            url: self,
            git_url: git,
            html_url: html,
            download_url: download,
            _links: { self, git, html },
        };
    }
    contentLinks(repo, path, sha, ref) {
        return {
            self: this.api(`/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`),
            git: this.api(`/repos/${repo.fullName}/git/blobs/${sha}`),
            html: this.html(`${repo.fullName}/blob/${ref}/${path}`),
            download: `${this.base}/raw/${repo.fullName}/${ref}/${path}`,
        };
    }
    /** The answer to PUT contents: the file as written and the commit that wrote it. */
    fileCommit(repo, branch, path, c) {
        const content = branch.files.get(path) ?? '';
        const sha = gitBlobSha(content);
        const { self, git, html, download } = this.contentLinks(repo, path, sha, branch.name);
        const person = {
            date: c.date,
            name: c.author.login,
            email: `${c.author.id}+${c.author.login}@users.noreply.github.com`,
        };
        return {
            content: {
                name: path.split('/').pop() ?? path,
                path,
                sha,
                size: Buffer.byteLength(content, 'utf8'),
                url: self,
                html_url: html,
                git_url: git,
                download_url: download,
                type: 'file',
                _links: { self, git, html },
            },
            commit: {
                sha: c.sha,
                node_id: `C_kwDO${Buffer.from(`Commit:${c.sha}`).toString('base64url')}`,
                url: this.api(`/repos/${repo.fullName}/git/commits/${c.sha}`),
                html_url: this.html(`${repo.fullName}/commit/${c.sha}`),
                author: person,
                committer: person,
                message: c.message,
                tree: { url: this.api(`/repos/${repo.fullName}/git/trees/${c.tree}`), sha: c.tree },
                parents: c.parents.map((sha) => ({
                    url: this.api(`/repos/${repo.fullName}/git/commits/${sha}`),
                    html_url: this.html(`${repo.fullName}/commit/${sha}`),
                    sha,
                })),
                verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
            },
        };
    }
    gitRef(repo, b) {
        const ref = `refs/heads/${b.name}`;
        return {
            ref,
            node_id: `REF_kwDO${Buffer.from(`${repo.nodeId}:${ref}`).toString('base64url')}`,
            url: this.api(`/repos/${repo.fullName}/git/${ref}`),
            object: { sha: b.sha, type: 'commit', url: this.api(`/repos/${repo.fullName}/git/commits/${b.sha}`) },
        };
    }
    branch(repo, b) {
        return {
            name: b.name,
            commit: { sha: b.sha, url: this.api(`/repos/${repo.fullName}/commits/${b.sha}`) },
            protected: false,
        };
    }
    /** The `repository` object inside a pull request's head and base. */
    pullRepo(r, viewerPerm, openIssues) {
        const { temp_clone_token: _token, ...full } = this.repo(r, viewerPerm, openIssues);
        return { ...full, has_downloads: true };
    }
    /**
     * A pull request as GET /pulls/{number} returns it. `viewerPerm` fills the embedded
     * repositories' `permissions`; `openIssues` their counters.
     */
    pull(p, perm, viewerPerm, openIssues, stats) {
        const repo = p.repo;
        const url = this.api(`/repos/${repo.fullName}/pulls/${p.number}`);
        const issueUrl = this.api(`/repos/${repo.fullName}/issues/${p.number}`);
        const html = this.html(`${repo.fullName}/pull/${p.number}`);
        const owner = this.user(repo.owner);
        const embedded = this.pullRepo(repo, viewerPerm, openIssues);
        const statuses = this.api(`/repos/${repo.fullName}/statuses/${p.headSha}`);
        return {
            url,
            id: p.id,
            node_id: p.nodeId,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            issue_url: issueUrl,
            commits_url: `${url}/commits`,
            review_comments_url: `${url}/comments`,
            review_comment_url: this.api(`/repos/${repo.fullName}/pulls/comments{/number}`),
            comments_url: `${issueUrl}/comments`,
            statuses_url: statuses,
            number: p.number,
            state: p.state,
            locked: false,
            title: p.title,
            user: this.user(p.author),
            body: p.body,
            labels: [],
            milestone: null,
            active_lock_reason: null,
            created_at: p.createdAt,
            updated_at: p.updatedAt,
            closed_at: p.closedAt,
            merged_at: p.mergedAt,
            merge_commit_sha: p.mergeCommitSha,
            assignee: null,
            assignees: [],
            requested_reviewers: [],
            requested_teams: [],
            head: { label: `${repo.owner.login}:${p.head}`, ref: p.head, repo: embedded, sha: p.headSha, user: owner },
            base: { label: `${repo.owner.login}:${p.base}`, ref: p.base, repo: embedded, sha: p.baseSha, user: owner },
            _links: {
                self: { href: url },
                html: { href: html },
                issue: { href: issueUrl },
                comments: { href: `${issueUrl}/comments` },
                review_comments: { href: `${url}/comments` },
                review_comment: { href: this.api(`/repos/${repo.fullName}/pulls/comments{/number}`) },
                commits: { href: `${url}/commits` },
                statuses: { href: statuses },
            },
            author_association: this.association(repo, p.author, perm(p.author)),
            auto_merge: null,
            draft: p.draft,
            merged: p.merged,
            mergeable: p.state === 'open' ? true : null,
            rebaseable: p.state === 'open' ? true : null,
            mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
            merged_by: p.mergedBy ? this.user(p.mergedBy) : null,
            comments: 0,
            review_comments: 0,
            maintainer_can_modify: false,
            commits: stats.commits,
            additions: stats.additions,
            deletions: stats.deletions,
            changed_files: stats.changedFiles,
        };
    }
    /** A pull request as the list endpoint returns it: no merge state, counters or `merged`. */
    pullSimple(full) {
        const { merged: _merged, mergeable: _mergeable, rebaseable: _rebaseable, mergeable_state: _state, merged_by: _by, comments: _comments, review_comments: _reviewComments, maintainer_can_modify: _modify, commits: _commits, additions: _additions, deletions: _deletions, changed_files: _changed, requested_teams: _teams, ...rest } = full;
        return { ...rest, labels: [], requested_teams: [] };
    }
    repo(r, viewerPerm, openIssues) {
        const u = this.api(`/repos/${r.fullName}`);
        const owner = this.user(r.owner);
        return {
            id: r.id,
            node_id: r.nodeId,
            name: r.name,
            full_name: r.fullName,
            owner,
            private: false,
            html_url: this.html(r.fullName),
            description: null,
            fork: false,
            url: u,
            archive_url: `${u}/{archive_format}{/ref}`,
            assignees_url: `${u}/assignees{/user}`,
            blobs_url: `${u}/git/blobs{/sha}`,
            branches_url: `${u}/branches{/branch}`,
            collaborators_url: `${u}/collaborators{/collaborator}`,
            comments_url: `${u}/comments{/number}`,
            commits_url: `${u}/commits{/sha}`,
            compare_url: `${u}/compare/{base}...{head}`,
            contents_url: `${u}/contents/{+path}`,
            contributors_url: `${u}/contributors`,
            deployments_url: `${u}/deployments`,
            downloads_url: `${u}/downloads`,
            events_url: `${u}/events`,
            forks_url: `${u}/forks`,
            git_commits_url: `${u}/git/commits{/sha}`,
            git_refs_url: `${u}/git/refs{/sha}`,
            git_tags_url: `${u}/git/tags{/sha}`,
            git_url: `git://emulator/${r.fullName}.git`,
            issue_comment_url: `${u}/issues/comments{/number}`,
            issue_events_url: `${u}/issues/events{/number}`,
            issues_url: `${u}/issues{/number}`,
            keys_url: `${u}/keys{/key_id}`,
            labels_url: `${u}/labels{/name}`,
            languages_url: `${u}/languages`,
            merges_url: `${u}/merges`,
            milestones_url: `${u}/milestones{/number}`,
            notifications_url: `${u}/notifications{?since,all,participating}`,
            pulls_url: `${u}/pulls{/number}`,
            releases_url: `${u}/releases{/id}`,
            ssh_url: `git@emulator:${r.fullName}.git`,
            stargazers_url: `${u}/stargazers`,
            statuses_url: `${u}/statuses/{sha}`,
            subscribers_url: `${u}/subscribers`,
            subscription_url: `${u}/subscription`,
            tags_url: `${u}/tags`,
            teams_url: `${u}/teams`,
            trees_url: `${u}/git/trees{/sha}`,
            clone_url: `${this.base}/${r.fullName}.git`,
            mirror_url: null,
            hooks_url: `${u}/hooks`,
            svn_url: this.html(r.fullName),
            homepage: null,
            license: null,
            language: 'TypeScript',
            forks_count: 0,
            stargazers_count: 0,
            watchers_count: 0,
            size: 0,
            default_branch: 'main',
            open_issues_count: openIssues,
            has_issues: true,
            has_projects: true,
            has_wiki: false,
            has_pages: false,
            has_discussions: false,
            archived: false,
            disabled: false,
            visibility: 'public',
            pushed_at: r.createdAt,
            created_at: r.createdAt,
            updated_at: r.createdAt,
            permissions: {
                admin: viewerPerm === 'admin',
                maintain: viewerPerm === 'admin' || viewerPerm === 'maintain',
                push: atLeastWrite(viewerPerm),
                triage: viewerPerm !== 'none' && viewerPerm !== 'read',
                pull: true,
            },
            network_count: 0,
            subscribers_count: 0,
            forks: 0,
            open_issues: openIssues,
            watchers: 0,
        };
    }
}
function atLeastWrite(p) {
    return p === 'admin' || p === 'maintain' || p === 'write';
}

;// CONCATENATED MODULE: ./src/emulator/changes.ts
// The changes a repository ships, in the emulator: deployments with their statuses, releases,
// and pull requests merged to the default branch with their files, labels and commits (seeded
// directly, with the times a test needs). REST (rest-changes.ts) and GraphQL (graphql-changes.ts)
// read and write them through the functions here, so the two views agree.


/** GitHub's deployment status states (REST, lower case). */
const DEPLOYMENT_STATES = [
    'error',
    'failure',
    'inactive',
    'in_progress',
    'queued',
    'pending',
    'success',
];
const byRepo = new WeakMap();
/** A repository's deployments and releases (created on first use). */
function changesOf(repo) {
    let c = byRepo.get(repo);
    if (!c)
        byRepo.set(repo, (c = { deployments: [], releases: [] }));
    return c;
}
const changes_stamp = (d) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
function checkTime(at, what) {
    if (at !== undefined && Number.isNaN(Date.parse(at)))
        throw new Error(`emulator: ${what} is not a date: ${at}`);
}
/** A sha for seeded commits: stable for the same seed text. */
function seedSha(text) {
    return (0,external_node_crypto_.createHash)('sha1').update(text).digest('hex');
}
/** POST /repos/{o}/{r}/deployments (and the seed helper): `at` backdates it. */
function createDeployment(state, repo, actor, d) {
    checkTime(d.at, 'deployment time');
    const sha = d.sha ??
        (d.ref === DEFAULT_BRANCH || d.ref === `refs/heads/${DEFAULT_BRANCH}`
            ? repo.branches.get(DEFAULT_BRANCH).sha
            : (repo.branches.get(d.ref)?.sha ?? (/^[0-9a-f]{7,40}$/.test(d.ref) ? d.ref : undefined)));
    if (!sha)
        throw new ApiError(422, 'No ref found for: ' + d.ref);
    const id = state.nextId();
    const at = d.at ? changes_stamp(d.at) : state.now();
    const dep = {
        id,
        nodeId: state.nodeId('Deployment', id),
        sha,
        ref: d.ref,
        task: d.task ?? 'deploy',
        environment: d.environment ?? 'production',
        description: d.description ?? null,
        creator: actor,
        createdAt: at,
        updatedAt: at,
        statuses: [],
    };
    changesOf(repo).deployments.push(dep);
    return dep;
}
/** POST /repos/{o}/{r}/deployments/{id}/statuses (and the seed helper). */
function addDeploymentStatus(state, dep, actor, s) {
    if (!DEPLOYMENT_STATES.includes(s.state))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'DeploymentStatus', code: 'invalid', field: 'state' }]);
    checkTime(s.at, 'deployment status time');
    const id = state.nextId();
    const at = s.at ? changes_stamp(s.at) : state.now();
    const st = {
        id,
        nodeId: state.nodeId('DeploymentStatus', id),
        state: s.state,
        description: s.description ?? '',
        environment: s.environment ?? dep.environment,
        creator: actor,
        createdAt: at,
    };
    dep.statuses.push(st);
    dep.updatedAt = at;
    return st;
}
/** POST /repos/{o}/{r}/releases (and the seed helper). */
function createRelease(state, repo, actor, r) {
    if (!r.tagName)
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }]);
    if (changesOf(repo).releases.some((x) => x.tagName === r.tagName))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
    checkTime(r.at, 'release time');
    const id = state.nextId();
    const at = r.at ? changes_stamp(r.at) : state.now();
    const rel = {
        id,
        nodeId: state.nodeId('Release', id),
        tagName: r.tagName,
        name: r.name ?? null,
        body: r.body ?? null,
        sha: r.sha ?? repo.branches.get(DEFAULT_BRANCH).sha,
        draft: r.draft ?? false,
        prerelease: r.prerelease ?? false,
        author: actor,
        createdAt: at,
        publishedAt: r.draft ? null : at,
    };
    changesOf(repo).releases.push(rel);
    return rel;
}
/**
 * A pull request merged to the default branch at `mergedAt`, with its files, labels and commits,
 * without replaying git: the branches do not move (the emulator keeps no history). Its merge
 * commit's sha is `mergeSha` or derived from the number, so a deployment can name it.
 */
function seedMergedPull(state, repo, author, p) {
    checkTime(p.mergedAt, 'mergedAt');
    checkTime(p.createdAt, 'createdAt');
    for (const c of p.commits ?? [])
        checkTime(c.at, 'commit time');
    const id = state.nextId();
    const number = ++repo.lastNumber;
    const mergedAt = changes_stamp(p.mergedAt);
    const createdAt = p.createdAt ? changes_stamp(p.createdAt) : p.commits?.[0] ? changes_stamp(p.commits[0].at) : mergedAt;
    const commitLog = (p.commits ?? [{ at: createdAt }]).map((c, i) => ({
        oid: seedSha(`${repo.fullName}#${number}:commit:${i}`),
        message: c.message ?? `commit ${i + 1} of #${number}`,
        date: changes_stamp(c.at),
    }));
    const pull = {
        id,
        nodeId: state.nodeId('PullRequest', id),
        repo,
        number,
        title: p.title,
        body: p.body ?? null,
        state: 'closed',
        author,
        head: `change-${number}`,
        base: p.base ?? DEFAULT_BRANCH,
        headSha: commitLog[commitLog.length - 1].oid,
        baseSha: repo.branches.get(DEFAULT_BRANCH).sha,
        draft: false,
        merged: true,
        mergedAt,
        mergedBy: author,
        mergeCommitSha: p.mergeSha ?? seedSha(`${repo.fullName}#${number}:merge`),
        createdAt,
        updatedAt: mergedAt,
        closedAt: mergedAt,
        mergedStats: { commits: commitLog.length, additions: p.files.length, deletions: 0, changedFiles: p.files.length },
        labels: p.labels ?? [],
        files: [...p.files],
        commitLog,
    };
    repo.pulls.set(number, pull);
    return pull;
}
/** The commits GraphQL and REST show for a pull request: seeded ones, else one at its creation with its head sha. */
function pullCommits(p) {
    return p.commitLog ?? [{ oid: p.headSha, message: p.title, date: p.createdAt }];
}
/** The helpers behind `emu.changes`. */
function changeSeeds(state) {
    const who = (login) => state.accountOrCreate(login ?? 'deploy-bot');
    return {
        deploy(repo, d) {
            const r = state.mustRepo(repo);
            const dep = createDeployment(state, r, who(d.user), {
                ref: d.ref ?? d.sha ?? DEFAULT_BRANCH,
                sha: d.sha,
                environment: d.environment,
                at: d.at,
            });
            for (const s of d.statuses ?? [])
                addDeploymentStatus(state, dep, who(d.user), { state: s.state, at: s.at ?? d.at, environment: s.environment });
            return { id: dep.id, sha: dep.sha };
        },
        deploymentStatus(repo, id, s) {
            const dep = changesOf(state.mustRepo(repo)).deployments.find((x) => x.id === id);
            if (!dep)
                throw new Error(`emulator: no deployment ${id} in ${repo}`);
            addDeploymentStatus(state, dep, who(s.user), s);
        },
        release(repo, r) {
            const rel = createRelease(state, state.mustRepo(repo), who(r.user), r);
            return { id: rel.id };
        },
        mergedPull(repo, p) {
            const pull = seedMergedPull(state, state.mustRepo(repo), state.accountOrCreate(p.user ?? 'octo-dev'), p);
            return { number: pull.number, mergeSha: pull.mergeCommitSha, firstCommitAt: pullCommits(pull)[0].date };
        },
        deployments: (repo) => [...changesOf(state.mustRepo(repo)).deployments],
        releases: (repo) => [...changesOf(state.mustRepo(repo)).releases],
    };
}

;// CONCATENATED MODULE: ./src/emulator/rest.ts
// The REST half of the emulator: a small route table over the shared state. Handlers
// return { status, body, headers }; the server adds rate-limit headers, accounting and faults.


const DOCS = 'https://docs.github.com/rest';
const SEARCH_CAP = 1000;
const routes = [];
/**
 * Register a route. `{path}` and `{ref}` match across slashes (contents API, `heads/main`);
 * `*_number` and `*_id` only match digits, so `/issues/comments/1` never parses as issue "comments".
 */
function route(method, template, handler) {
    const names = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_m, name) => {
        names.push(name);
        if (name === 'path' || name === 'ref')
            return '(.+)';
        // GitHub takes a workflow's file name as its id too (`/actions/workflows/ci.yml/enable`).
        if (name === 'workflow_id')
            return '([^/]+)';
        if (/_(number|id)$/.test(name))
            return '(\\d+)';
        return '([^/]+)';
    });
    routes.push({ method, template, regex: new RegExp(`^${pattern}/?$`), names, handler });
}
/** The route for a request, with its template (for accounting) and decoded params. */
function matchRoute(method, pathname) {
    for (const r of routes) {
        if (r.method !== method)
            continue;
        const m = r.regex.exec(pathname);
        if (!m)
            continue;
        const params = {};
        r.names.forEach((n, idx) => {
            params[n] = decodeURIComponent(m[idx + 1] ?? '');
        });
        return { route: r, params };
    }
    return null;
}
function notFound(message = 'Not Found') {
    return { status: 404, body: { message, documentation_url: DOCS, status: '404' } };
}
function forbidden(message = 'Must have admin rights to Repository.') {
    return { status: 403, body: { message, documentation_url: DOCS, status: '403' } };
}
function unprocessable(message, errors) {
    const body = {
        message,
        documentation_url: DOCS,
        ...(errors ? { errors } : {}),
    };
    return { status: 422, body };
}
/** Runs a handler and turns thrown ApiErrors into GitHub's error bodies. */
function runRest(method, pathname, req, ctx) {
    const m = matchRoute(method, pathname);
    if (!m)
        return { template: null, res: notFound() };
    try {
        return { template: m.route.template, res: m.route.handler({ ...req, method, params: m.params }, ctx) };
    }
    catch (e) {
        if (e instanceof ApiError) {
            if (e.status === 422)
                return { template: m.route.template, res: unprocessable(e.message, e.errors) };
            return {
                template: m.route.template,
                res: { status: e.status, body: { message: e.message, documentation_url: DOCS } },
            };
        }
        throw e;
    }
}
// ---------- helpers ----------
function repoOf(req, ctx) {
    const r = ctx.state.repo(`${req.params.owner}/${req.params.repo}`);
    if (!r)
        throw new ApiError(404, 'Not Found');
    return r;
}
function issueOf(req, ctx) {
    const repo = repoOf(req, ctx);
    // A pull request's number finds nothing here: the emulator keeps pull requests out of the issues API.
    const issue = repo.issueByNumber.get(Number(req.params.issue_number));
    if (!issue)
        throw new ApiError(404, 'Not Found');
    return { repo, issue };
}
function perm(ctx, repo) {
    return (a) => ctx.state.permission(repo, a);
}
function can(ctx, repo, who, need) {
    return atLeast(ctx.state.permission(repo, who), need);
}
function obj(body) {
    if (body === undefined || body === null)
        return {};
    if (typeof body !== 'object' || Array.isArray(body))
        throw new ApiError(400, 'Problems parsing JSON');
    return body;
}
/** `labels` may be strings or `{name}` objects, as GitHub accepts both. */
function labelNames(v, field = 'labels') {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }]);
    return v.map((x) => {
        if (typeof x === 'string')
            return x;
        if (x && typeof x === 'object' && typeof x.name === 'string')
            return x.name;
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }]);
    });
}
function strings(v, field) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }]);
    return v;
}
function optString(v, field, resource) {
    if (v === undefined || v === null || typeof v === 'string')
        return v;
    throw new ApiError(422, 'Invalid request.', [{ resource, code: 'invalid', field }]);
}
/**
 * One page of `list` with GitHub's `Link` header (prev, next, last, first).
 * `cap` limits how far one may page (search serves only the first 1,000 results).
 */
function paginate(list, url, cap = Infinity) {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
    const page = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
    const reachable = Math.min(list.length, cap);
    if (cap !== Infinity && (page - 1) * perPage >= cap)
        throw new ApiError(422, 'Only the first 1000 search results are available', [
            { resource: 'Search', code: 'invalid', field: 'page' },
        ]);
    const last = Math.max(1, Math.ceil(reachable / perPage));
    const start = (page - 1) * perPage;
    const items = list.slice(start, Math.min(start + perPage, reachable));
    const at = (p) => {
        const u = new URL(url.href);
        u.searchParams.set('page', String(p));
        return `<${u.href}>`;
    };
    const links = [];
    if (page > 1)
        links.push(`${at(page - 1)}; rel="prev"`);
    if (page < last)
        links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1)
        links.push(`${at(1)}; rel="first"`);
    return { items, headers: links.length ? { link: links.join(', ') } : {} };
}
// ---------- routes ----------
route('GET', '/rate_limit', (_req, ctx) => ({ status: 200, body: ctx.rateLimit() }));
route('GET', '/user', (req, ctx) => {
    // An installation token (GITHUB_TOKEN) is not a user: GitHub answers 403 here.
    if (req.viewer.type === 'Bot')
        return forbidden('Resource not accessible by integration');
    return { status: 200, body: ctx.shapes.user(req.viewer) };
});
route('GET', '/repos/{owner}/{repo}', (req, ctx) => {
    const repo = repoOf(req, ctx);
    return { status: 200, body: ctx.shapes.repo(repo, ctx.state.permission(repo, req.viewer), ctx.state.openCount(repo)) };
});
// --- issues ---
function issueFilter(q) {
    const state = q.get('state') ?? 'open';
    const sort = q.get('sort') ?? 'created';
    const direction = q.get('direction') ?? 'desc';
    if (!['open', 'closed', 'all'].includes(state) ||
        !['created', 'updated', 'comments'].includes(sort) ||
        !['asc', 'desc'].includes(direction))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state' }]);
    const labels = q.get('labels');
    return {
        state: state,
        sort: sort,
        direction: direction,
        labels: labels
            ? labels
                .split(',')
                .map((l) => l.trim())
                .filter(Boolean)
            : undefined,
        since: q.get('since') ?? undefined,
        creator: q.get('creator') ?? undefined,
        assignee: q.get('assignee') ?? undefined,
    };
}
route('GET', '/repos/{owner}/{repo}/issues', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const { items, headers } = paginate(ctx.state.listIssues(repo, issueFilter(req.url.searchParams)), req.url);
    return { status: 200, body: items.map((i) => ctx.shapes.issue(i, perm(ctx, repo))), headers };
});
route('POST', '/repos/{owner}/{repo}/issues', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const b = obj(req.body);
    if (typeof b.title !== 'string' && typeof b.title !== 'number')
        throw new ApiError(422, 'Invalid request.\n\n"title" wasn\'t supplied.', [
            { resource: 'Issue', code: 'missing_field', field: 'title' },
        ]);
    // "Only users with push access can set labels/assignees for new issues. [They] are silently dropped otherwise."
    const push = can(ctx, repo, req.viewer, 'write');
    const issue = ctx.state.createIssue(repo, req.viewer, {
        title: String(b.title),
        body: optString(b.body, 'body', 'Issue'),
        labels: push ? labelNames(b.labels) : [],
        assignees: push ? strings(b.assignees, 'assignees').concat(typeof b.assignee === 'string' ? [b.assignee] : []) : [],
    });
    return {
        status: 201,
        body: ctx.shapes.issue(issue, perm(ctx, repo)),
        headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/issues/${issue.number}`) },
    };
});
route('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) };
});
route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    const b = obj(req.body);
    const isAuthor = issue.author.id === req.viewer.id;
    const triage = can(ctx, repo, req.viewer, 'triage');
    if (!isAuthor && !triage)
        return forbidden();
    const push = can(ctx, repo, req.viewer, 'write');
    const title = optString(b.title, 'title', 'Issue');
    const body = optString(b.body, 'body', 'Issue');
    if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state' }]);
    const reason = b.state_reason;
    if (reason !== undefined &&
        reason !== null &&
        !['completed', 'not_planned', 'reopened', 'duplicate'].includes(String(reason)))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state_reason' }]);
    // Validate everything before changing anything: a rejected PATCH changes nothing.
    const labels = b.labels !== undefined ? labelNames(b.labels) : undefined;
    const assignees = b.assignees !== undefined ? strings(b.assignees, 'assignees') : undefined;
    if (labels && push)
        ctx.state.checkLabels(repo, issue, labels, true);
    if (title !== undefined || body !== undefined)
        ctx.state.updateIssue(issue, req.viewer, {
            ...(title !== undefined && title !== null ? { title } : {}),
            ...(body !== undefined ? { body } : {}),
        });
    if (b.state === 'closed' || b.state === 'open')
        ctx.state.setState(issue, req.viewer, b.state, reason ?? undefined);
    else if (reason && issue.state === 'closed')
        ctx.state.setState(issue, req.viewer, 'closed', reason);
    if (labels && push)
        ctx.state.setLabels(issue, req.viewer, labels);
    if (assignees && push)
        ctx.state.setAssignees(issue, req.viewer, assignees);
    return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) };
});
// --- comments ---
function commentOf(req, ctx) {
    const repo = repoOf(req, ctx);
    const c = ctx.state.comments.get(Number(req.params.comment_id));
    if (!c || c.issue.repo !== repo)
        throw new ApiError(404, 'Not Found');
    return { repo, c };
}
route('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
    const { repo, c } = commentOf(req, ctx);
    return { status: 200, body: ctx.shapes.comment(c, perm(ctx, repo)) };
});
route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
    const { repo, c } = commentOf(req, ctx);
    if (c.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write'))
        return forbidden();
    const body = obj(req.body).body;
    if (typeof body !== 'string')
        throw new ApiError(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    ctx.state.updateComment(c, body);
    return { status: 200, body: ctx.shapes.comment(c, perm(ctx, repo)) };
});
route('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
    const { repo, c } = commentOf(req, ctx);
    if (c.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write'))
        return forbidden();
    ctx.state.deleteComment(c);
    return { status: 204 };
});
route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    const since = req.url.searchParams.get('since');
    const list = since ? issue.comments.filter((c) => Date.parse(c.updatedAt) >= Date.parse(since)) : issue.comments;
    const { items, headers } = paginate(list, req.url);
    return { status: 200, body: items.map((c) => ctx.shapes.comment(c, perm(ctx, repo))), headers };
});
route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    const body = obj(req.body).body;
    if (typeof body !== 'string')
        throw new ApiError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', [
            { resource: 'IssueComment', code: 'missing_field', field: 'body' },
        ]);
    const c = ctx.state.createComment(issue, req.viewer, body);
    return {
        status: 201,
        body: ctx.shapes.comment(c, perm(ctx, repo)),
        headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/issues/comments/${c.id}`) },
    };
});
// --- labels on an issue ---
function issueLabels(ctx, issue) {
    return issue.labels.map((l) => ctx.shapes.label(l));
}
function labelsBody(b) {
    // Accepts {labels:[...]}, a bare array, or {labels:[{name}]}, as GitHub does.
    if (Array.isArray(b))
        return labelNames(b);
    const o = obj(b);
    if (o.labels === undefined)
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Label', code: 'missing_field', field: 'labels' }]);
    return labelNames(o.labels);
}
route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
    const { issue } = issueOf(req, ctx);
    const { items, headers } = paginate(issueLabels(ctx, issue), req.url);
    return { status: 200, body: items, headers };
});
route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'triage'))
        return forbidden();
    ctx.state.addLabels(issue, req.viewer, labelsBody(req.body));
    return { status: 200, body: issueLabels(ctx, issue) };
});
route('PUT', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'triage'))
        return forbidden();
    ctx.state.setLabels(issue, req.viewer, labelsBody(req.body));
    return { status: 200, body: issueLabels(ctx, issue) };
});
route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'triage'))
        return forbidden();
    ctx.state.setLabels(issue, req.viewer, []);
    return { status: 204 };
});
route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'triage'))
        return forbidden();
    const label = repo.labels.get((req.params.name ?? '').toLowerCase());
    if (!label || !issue.labels.includes(label))
        return notFound('Label does not exist');
    ctx.state.removeLabel(issue, req.viewer, label);
    return { status: 200, body: issueLabels(ctx, issue) };
});
// --- assignees ---
route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (can(ctx, repo, req.viewer, 'triage'))
        ctx.state.addAssignees(issue, req.viewer, strings(obj(req.body).assignees, 'assignees'));
    return { status: 201, body: ctx.shapes.issue(issue, perm(ctx, repo)) };
});
route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    if (can(ctx, repo, req.viewer, 'triage'))
        ctx.state.removeAssignees(issue, req.viewer, strings(obj(req.body).assignees, 'assignees'));
    return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) };
});
// --- timeline ---
route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/timeline', (req, ctx) => {
    const { repo, issue } = issueOf(req, ctx);
    const { items, headers } = paginate(issue.events, req.url);
    return { status: 200, body: items.map((e) => ctx.shapes.timelineEvent(e, issue, perm(ctx, repo))), headers };
});
// --- repository labels ---
route('GET', '/repos/{owner}/{repo}/labels', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const { items, headers } = paginate([...repo.labels.values()], req.url);
    return { status: 200, body: items.map((l) => ctx.shapes.label(l)), headers };
});
route('POST', '/repos/{owner}/{repo}/labels', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return forbidden();
    const b = obj(req.body);
    if (typeof b.name !== 'string')
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
    const label = ctx.state.createLabel(repo, b.name, typeof b.color === 'string' ? b.color : 'ededed', optString(b.description, 'description', 'Label') ?? null);
    return { status: 201, body: ctx.shapes.label(label) };
});
function labelOf(req, ctx) {
    const repo = repoOf(req, ctx);
    const label = repo.labels.get((req.params.name ?? '').toLowerCase());
    if (!label)
        throw new ApiError(404, 'Not Found');
    return { repo, label };
}
route('GET', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => ({
    status: 200,
    body: ctx.shapes.label(labelOf(req, ctx).label),
}));
route('PATCH', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => {
    const { repo, label } = labelOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return forbidden();
    const b = obj(req.body);
    ctx.state.updateLabel(label, {
        ...(typeof b.new_name === 'string' ? { name: b.new_name } : {}),
        ...(typeof b.color === 'string' ? { color: b.color } : {}),
        ...(b.description !== undefined ? { description: optString(b.description, 'description', 'Label') ?? null } : {}),
    });
    return { status: 200, body: ctx.shapes.label(label) };
});
// --- permissions, contents, dispatches ---
route('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const who = ctx.state.account(req.params.username ?? '');
    if (!who || who.type === 'Organization')
        return notFound();
    return { status: 200, body: ctx.shapes.permission(who, ctx.state.permission(repo, who)) };
});
function contentPath(req) {
    return (req.params.path ?? '').replace(/^\/+|\/+$/g, '');
}
route('GET', '/repos/{owner}/{repo}/contents/{path}', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const path = contentPath(req);
    // `ref` names a branch (or a branch's head sha); without it, the default branch.
    const ref = (req.url.searchParams.get('ref') ?? '').replace(/^refs\/heads\//, '') || DEFAULT_BRANCH;
    const branch = ctx.state.branch(repo, ref) ?? ctx.state.branchAt(repo, ref);
    if (!branch)
        return notFound(`No commit found for the ref ${ref}`);
    const content = branch.files.get(path);
    if (content === undefined)
        return notFound();
    return { status: 200, body: ctx.shapes.contentFile(repo, path, content, branch.name) };
});
/** Standard base64, as GitHub requires for `content` (line breaks allowed, padding required). */
function decodeBase64(v) {
    const compact = v.replace(/[\r\n]/g, '');
    if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
        return null;
    return Buffer.from(compact, 'base64').toString('utf8');
}
route('PUT', '/repos/{owner}/{repo}/contents/{path}', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return notFound();
    const b = obj(req.body);
    const path = contentPath(req);
    for (const field of ['message', 'content'])
        if (typeof b[field] !== 'string')
            throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
                { resource: 'Contents', code: 'missing_field', field },
            ]);
    const content = decodeBase64(b.content);
    if (content === null)
        throw new ApiError(422, 'content is not valid Base64', [
            { resource: 'Contents', code: 'invalid', field: 'content' },
        ]);
    const branch = optString(b.branch, 'branch', 'Contents') ?? DEFAULT_BRANCH;
    const sha = optString(b.sha, 'sha', 'Contents') ?? undefined;
    const put = ctx.state.putFile(repo, req.viewer, { branch, path, content, message: b.message, sha });
    return { status: put.created ? 201 : 200, body: ctx.shapes.fileCommit(repo, put.branch, path, put.commit) };
});
// --- git refs (branches only: refs/heads/*) ---
route('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const m = /^heads\/(.+)$/.exec(req.params.ref ?? '');
    const branch = m?.[1] ? ctx.state.branch(repo, m[1]) : undefined;
    if (!branch)
        return notFound();
    return { status: 200, body: ctx.shapes.gitRef(repo, branch) };
});
route('POST', '/repos/{owner}/{repo}/git/refs', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return notFound();
    const b = obj(req.body);
    for (const field of ['ref', 'sha'])
        if (typeof b[field] !== 'string')
            throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
                { resource: 'Reference', code: 'missing_field', field },
            ]);
    const ref = b.ref;
    const name = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
    if (!ref.startsWith('refs/') || ref.split('/').length < 3)
        throw new ApiError(422, 'Reference name is invalid');
    // Tags and other namespaces are not part of the emulator.
    if (!name || /(^|\/)\.|\.\.|[\s~^:?*[\\]|\/$|\.lock$/.test(name))
        throw new ApiError(422, 'Reference name is invalid');
    const branch = ctx.state.createBranch(repo, name, b.sha);
    return {
        status: 201,
        body: ctx.shapes.gitRef(repo, branch),
        headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/git/${ref}`) },
    };
});
// --- pull requests ---
function pullOf(req, ctx) {
    const repo = repoOf(req, ctx);
    const pull = repo.pulls.get(Number(req.params.pull_number));
    if (!pull)
        throw new ApiError(404, 'Not Found');
    return { repo, pull };
}
function pullBody(req, ctx, repo, pull) {
    return ctx.shapes.pull(pull, perm(ctx, repo), ctx.state.permission(repo, req.viewer), ctx.state.openCount(repo), ctx.state.pullStats(pull));
}
/** `owner:branch` or `branch`; the emulator has no forks, so another owner names no branch here. */
function branchOfLabel(repo, v) {
    const m = /^([^:]+):(.+)$/.exec(v);
    if (!m)
        return v;
    return (m[1] ?? '').toLowerCase() === repo.owner.login.toLowerCase() ? (m[2] ?? null) : null;
}
route('GET', '/repos/{owner}/{repo}/pulls', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const q = req.url.searchParams;
    const state = q.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state))
        throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'state' }]);
    const headParam = q.get('head');
    const head = headParam === null ? undefined : branchOfLabel(repo, headParam);
    // A head of another owner matches nothing (GitHub answers an empty list, not an error).
    const list = head === null
        ? []
        : ctx.state.listPulls(repo, { state: state, head, base: q.get('base') ?? undefined });
    const { items, headers } = paginate(list, req.url);
    return { status: 200, body: items.map((p) => ctx.shapes.pullSimple(pullBody(req, ctx, repo, p))), headers };
});
route('POST', '/repos/{owner}/{repo}/pulls', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return forbidden('Resource not accessible by integration');
    const b = obj(req.body);
    for (const field of ['head', 'base'])
        if (typeof b[field] !== 'string')
            throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
                { resource: 'PullRequest', code: 'missing_field', field },
            ]);
    if (typeof b.title !== 'string')
        throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    const head = branchOfLabel(repo, b.head);
    if (head === null)
        throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'head' }]);
    if (b.draft !== undefined && typeof b.draft !== 'boolean')
        throw new ApiError(422, 'Invalid request.', [{ resource: 'PullRequest', code: 'invalid', field: 'draft' }]);
    const pull = ctx.state.createPull(repo, req.viewer, {
        title: b.title,
        head,
        base: b.base,
        body: optString(b.body, 'body', 'PullRequest'),
        draft: b.draft === true,
    });
    return {
        status: 201,
        body: pullBody(req, ctx, repo, pull),
        headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/pulls/${pull.number}`) },
    };
});
route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (req, ctx) => {
    const { repo, pull } = pullOf(req, ctx);
    return { status: 200, body: pullBody(req, ctx, repo, pull) };
});
route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', (req, ctx) => {
    const { repo, pull } = pullOf(req, ctx);
    // Like issues: the author may edit their own pull request; anyone else needs push access.
    if (pull.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write'))
        return forbidden('Resource not accessible by integration');
    const b = obj(req.body);
    const title = optString(b.title, 'title', 'PullRequest');
    const body = optString(b.body, 'body', 'PullRequest');
    if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
        throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'state' }]);
    ctx.state.updatePull(pull, {
        ...(typeof title === 'string' ? { title } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(b.state === 'open' || b.state === 'closed' ? { state: b.state } : {}),
    });
    return { status: 200, body: pullBody(req, ctx, repo, pull) };
});
route('POST', '/repos/{owner}/{repo}/dispatches', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return notFound();
    const b = obj(req.body);
    if (typeof b.event_type !== 'string' || !b.event_type)
        throw new ApiError(422, 'Invalid request.\n\n"event_type" wasn\'t supplied.', [
            { resource: 'Repository', code: 'missing_field', field: 'event_type' },
        ]);
    const payload = b.client_payload ?? {};
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Repository', code: 'invalid', field: 'client_payload' }]);
    const keys = Object.keys(payload).length;
    if (keys > 10)
        throw new ApiError(422, `Invalid request.\n\nNo more than 10 properties are allowed; ${keys} were supplied.`, [
            { resource: 'Repository', code: 'invalid', field: 'client_payload' },
        ]);
    ctx.state.dispatches.push({
        repo: repo.fullName,
        event_type: b.event_type,
        client_payload: payload,
        actor: req.viewer.login,
        created_at: ctx.state.now(),
    });
    return { status: 204 };
});
// --- Actions workflows: the sweep turns its own schedule off while nothing is open ---
function workflowOf(req, ctx) {
    const repo = repoOf(req, ctx);
    const id = req.params.workflow_id ?? '';
    const all = ctx.state.workflows.get(repo.fullName);
    const wf = all?.get(id) ?? [...(all?.values() ?? [])].find((w) => String(w.id) === id);
    if (!wf)
        throw new ApiError(404, 'Not Found');
    return { repo, wf };
}
route('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}', (req, ctx) => {
    const { wf } = workflowOf(req, ctx);
    return {
        status: 200,
        body: { id: wf.id, node_id: `W_kwDO${wf.id}`, name: wf.path.replace(/^.*\//, ''), path: wf.path, state: wf.state },
    };
});
for (const action of ['enable', 'disable']) {
    route('PUT', `/repos/{owner}/{repo}/actions/workflows/{workflow_id}/${action}`, (req, ctx) => {
        const { repo, wf } = workflowOf(req, ctx);
        if (!can(ctx, repo, req.viewer, 'write') || ctx.state.actionsReadOnly.has(repo.fullName)) {
            return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS } };
        }
        const state = action === 'enable' ? 'active' : 'disabled_manually';
        if (wf.state !== state) {
            wf.state = state;
            wf.history.push({ state, at: ctx.state.now(), by: req.viewer.login });
        }
        return { status: 204 };
    });
}
route('DELETE', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => {
    const { repo, label } = labelOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        return forbidden();
    ctx.state.deleteLabel(label);
    return { status: 204 };
});
// --- search ---
/** Splits a search query into tokens, keeping `label:"two words"` together. */
function tokens(q) {
    return q.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? [];
}
function unquote(s) {
    return s.replace(/^"(.*)"$/, '$1');
}
/** `created:>=2024-01-01`, `created:<2024-02-01`, `created:2024-01-01..2024-01-31`, `created:2024-01-01`. */
function dateTest(expr) {
    const day = (s, end) => {
        const t = Date.parse(/T/.test(s) ? s : `${s}T00:00:00Z`);
        if (Number.isNaN(t))
            throw new ApiError(422, 'Validation Failed', [{ resource: 'Search', code: 'invalid', field: 'q' }]);
        // A bare date as an upper bound covers that whole day.
        return end && !/T/.test(s) ? t + 86_400_000 - 1 : t;
    };
    const range = /^(.+)\.\.(.+)$/.exec(expr);
    if (range) {
        const [a, b] = [range[1] ?? '*', range[2] ?? '*'];
        const lo = a === '*' ? -Infinity : day(a, false);
        const hi = b === '*' ? Infinity : day(b, true);
        return (iso) => Date.parse(iso) >= lo && Date.parse(iso) <= hi;
    }
    const m = /^(>=|<=|>|<)?(.+)$/.exec(expr);
    const op = m?.[1] ?? '';
    const v = m?.[2] ?? expr;
    switch (op) {
        case '>=':
            return (iso) => Date.parse(iso) >= day(v, false);
        case '>':
            return (iso) => Date.parse(iso) > day(v, true);
        case '<=':
            return (iso) => Date.parse(iso) <= day(v, true);
        case '<':
            return (iso) => Date.parse(iso) < day(v, false);
        default:
            return (iso) => Date.parse(iso) >= day(v, false) && Date.parse(iso) <= day(v, true);
    }
}
route('GET', '/search/issues', (req, ctx) => {
    const q = req.url.searchParams.get('q');
    if (!q)
        throw new ApiError(422, 'Validation Failed', [{ resource: 'Search', code: 'missing', field: 'q' }]);
    let repos = null;
    const tests = [];
    let pullsOnly = false;
    for (const tok of tokens(q)) {
        const m = /^(-?)([a-z_]+):(.+)$/i.exec(tok);
        if (!m) {
            const word = unquote(tok).toLowerCase();
            tests.push((i) => i.title.toLowerCase().includes(word) || (i.body ?? '').toLowerCase().includes(word));
            continue;
        }
        const neg = m[1] === '-';
        const key = (m[2] ?? '').toLowerCase();
        const val = unquote(m[3] ?? '');
        let t = null;
        if (key === 'repo') {
            const r = ctx.state.repo(val);
            // GitHub rejects a repo qualifier naming nothing it can see.
            if (!r)
                throw new ApiError(422, 'Validation Failed', [
                    {
                        resource: 'Search',
                        code: 'invalid',
                        field: 'q',
                        message: `The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.`,
                    },
                ]);
            repos = [...(repos ?? []), r];
        }
        else if (key === 'is' || key === 'type' || key === 'state') {
            const v = val.toLowerCase();
            if (v === 'issue')
                t = () => true;
            else if (v === 'pr' || v === 'pull-request')
                pullsOnly = true;
            else if (v === 'open' || v === 'closed')
                t = (i) => i.state === v;
        }
        else if (key === 'label') {
            const names = val.split(',').map((s) => unquote(s).toLowerCase());
            t = (i) => i.labels.some((l) => names.includes(l.name.toLowerCase()));
        }
        else if (key === 'created' || key === 'updated' || key === 'closed') {
            const d = dateTest(val);
            t =
                key === 'created'
                    ? (i) => d(i.createdAt)
                    : key === 'updated'
                        ? (i) => d(i.updatedAt)
                        : (i) => i.closedAt !== null && d(i.closedAt);
        }
        else if (key === 'author') {
            t = (i) => i.author.login.toLowerCase() === val.toLowerCase();
        }
        else if (key === 'assignee') {
            t = (i) => i.assignees.some((a) => a.login.toLowerCase() === val.toLowerCase());
        }
        else if (key === 'no' && val === 'label') {
            t = (i) => i.labels.length === 0;
        }
        if (t) {
            const test = t;
            tests.push(neg ? (i) => !test(i) : test);
        }
    }
    const pool = (repos ?? [...ctx.state.repos.values()]).flatMap((r) => r.issues);
    const hits = pullsOnly ? [] : pool.filter((i) => tests.every((t) => t(i)));
    const sort = req.url.searchParams.get('sort');
    const asc = req.url.searchParams.get('order') === 'asc';
    if (sort === 'created' || sort === 'updated' || sort === 'comments') {
        const key = sort === 'comments'
            ? (i) => i.comments.length
            : sort === 'created'
                ? (i) => Date.parse(i.createdAt)
                : (i) => Date.parse(i.updatedAt);
        hits.sort((a, b) => (asc ? 1 : -1) * (key(a) - key(b) || a.id - b.id));
    }
    else {
        hits.sort((a, b) => b.id - a.id); // "best match": newest first is as good as any
    }
    const { items, headers } = paginate(hits, req.url, SEARCH_CAP);
    const body = items.map((i) => ctx.shapes.searchItem(i, (a) => ctx.state.permission(i.repo, a)));
    return { status: 200, body: { total_count: hits.length, incomplete_results: false, items: body }, headers };
});
// --- deployments, releases, a pull request's files and commits (src/emulator/changes.ts) ---
function deploymentShape(ctx, repo, d) {
    const url = ctx.shapes.api(`/repos/${repo.fullName}/deployments/${d.id}`);
    return {
        url,
        id: d.id,
        node_id: d.nodeId,
        sha: d.sha,
        ref: d.ref,
        task: d.task,
        payload: {},
        original_environment: d.environment,
        environment: d.environment,
        description: d.description,
        creator: ctx.shapes.user(d.creator),
        created_at: d.createdAt,
        updated_at: d.updatedAt,
        statuses_url: `${url}/statuses`,
        repository_url: ctx.shapes.api(`/repos/${repo.fullName}`),
    };
}
function releaseShape(ctx, repo, r) {
    return {
        url: ctx.shapes.api(`/repos/${repo.fullName}/releases/${r.id}`),
        html_url: ctx.shapes.html(`${repo.fullName}/releases/tag/${encodeURIComponent(r.tagName)}`),
        id: r.id,
        node_id: r.nodeId,
        tag_name: r.tagName,
        target_commitish: r.sha,
        name: r.name,
        body: r.body,
        draft: r.draft,
        prerelease: r.prerelease,
        author: ctx.shapes.user(r.author),
        created_at: r.createdAt,
        published_at: r.publishedAt,
        assets: [],
    };
}
function deploymentOf(req, ctx) {
    const repo = repoOf(req, ctx);
    const dep = changesOf(repo).deployments.find((d) => d.id === Number(req.params.deployment_id));
    if (!dep)
        throw new ApiError(404, 'Not Found');
    return { repo, dep };
}
route('GET', '/repos/{owner}/{repo}/deployments', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const q = req.url.searchParams;
    // Newest first, filtered like GitHub's `sha`, `ref`, `task` and `environment` parameters.
    const list = [...changesOf(repo).deployments]
        .filter((d) => (!q.get('sha') || d.sha === q.get('sha')) &&
        (!q.get('ref') || d.ref === q.get('ref')) &&
        (!q.get('task') || d.task === q.get('task')) &&
        (!q.get('environment') || d.environment === q.get('environment')))
        .sort((a, b) => compareKeys([Date.parse(b.createdAt), b.id], [Date.parse(a.createdAt), a.id]));
    const { items, headers } = paginate(list, req.url);
    return { status: 200, body: items.map((d) => deploymentShape(ctx, repo, d)), headers };
});
route('POST', '/repos/{owner}/{repo}/deployments', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        throw new ApiError(404, 'Not Found');
    const b = obj(req.body);
    if (typeof b.ref !== 'string' || !b.ref)
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Deployment', code: 'missing_field', field: 'ref' }]);
    const dep = createDeployment(ctx.state, repo, req.viewer, {
        ref: b.ref,
        environment: optString(b.environment, 'environment', 'Deployment') ?? undefined,
        task: optString(b.task, 'task', 'Deployment') ?? undefined,
        description: optString(b.description, 'description', 'Deployment') ?? null,
    });
    return { status: 201, body: deploymentShape(ctx, repo, dep) };
});
route('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', (req, ctx) => {
    const { repo, dep } = deploymentOf(req, ctx);
    return { status: 200, body: deploymentShape(ctx, repo, dep) };
});
route('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (req, ctx) => {
    const { repo, dep } = deploymentOf(req, ctx);
    const { items, headers } = paginate([...dep.statuses].reverse(), req.url);
    return {
        status: 200,
        body: items.map((s) => ({
            id: s.id,
            node_id: s.nodeId,
            state: s.state,
            description: s.description,
            environment: s.environment,
            creator: ctx.shapes.user(s.creator),
            created_at: s.createdAt,
            updated_at: s.createdAt,
            deployment_url: ctx.shapes.api(`/repos/${repo.fullName}/deployments/${dep.id}`),
        })),
        headers,
    };
});
route('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (req, ctx) => {
    const { repo, dep } = deploymentOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        throw new ApiError(404, 'Not Found');
    const b = obj(req.body);
    if (typeof b.state !== 'string')
        throw new ApiError(422, 'Invalid request.', [
            { resource: 'DeploymentStatus', code: 'missing_field', field: 'state' },
        ]);
    const s = addDeploymentStatus(ctx.state, dep, req.viewer, {
        state: b.state,
        description: optString(b.description, 'description', 'DeploymentStatus') ?? undefined,
        environment: optString(b.environment, 'environment', 'DeploymentStatus') ?? undefined,
    });
    return { status: 201, body: { id: s.id, node_id: s.nodeId, state: s.state, created_at: s.createdAt } };
});
route('GET', '/repos/{owner}/{repo}/releases', (req, ctx) => {
    const repo = repoOf(req, ctx);
    const list = [...changesOf(repo).releases].sort((a, b) => compareKeys([Date.parse(b.createdAt), b.id], [Date.parse(a.createdAt), a.id]));
    const { items, headers } = paginate(list, req.url);
    return { status: 200, body: items.map((r) => releaseShape(ctx, repo, r)), headers };
});
route('POST', '/repos/{owner}/{repo}/releases', (req, ctx) => {
    const repo = repoOf(req, ctx);
    if (!can(ctx, repo, req.viewer, 'write'))
        throw new ApiError(404, 'Not Found');
    const b = obj(req.body);
    if (typeof b.tag_name !== 'string')
        throw new ApiError(422, 'Invalid request.', [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }]);
    const r = createRelease(ctx.state, repo, req.viewer, {
        tagName: b.tag_name,
        name: optString(b.name, 'name', 'Release') ?? null,
        body: optString(b.body, 'body', 'Release') ?? null,
        draft: b.draft === true,
        prerelease: b.prerelease === true,
    });
    return { status: 201, body: releaseShape(ctx, repo, r) };
});
route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (req, ctx) => {
    const { pull } = pullOf(req, ctx);
    const { items, headers } = paginate(pull.files ?? [], req.url);
    return {
        status: 200,
        body: items.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0, changes: 1 })),
        headers,
    };
});
route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/commits', (req, ctx) => {
    const { pull } = pullOf(req, ctx);
    const { items, headers } = paginate(pullCommits(pull), req.url);
    return {
        status: 200,
        body: items.map((c) => ({
            sha: c.oid,
            commit: { message: c.message, author: { date: c.date }, committer: { date: c.date } },
        })),
        headers,
    };
});

// EXTERNAL MODULE: ./node_modules/graphql/index.js
var graphql = __webpack_require__(7645);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/emulator/graphql-changes.ts
// GraphQL for the changes a repository ships (src/emulator/changes.ts): Repository.pullRequests,
// .deployments and .releases, and the PullRequest, Deployment and Release objects they return.
// Field names and arguments are GitHub's (the schema validates every query before it gets here).


const commitObj = (oid, date, message) => ({
    __typename: 'Commit',
    id: `C_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    committedDate: date,
    authoredDate: date,
    message,
});
class PullRequestNode {
    p;
    kit;
    __typename = 'PullRequest';
    constructor(p, kit) {
        this.p = p;
        this.kit = kit;
    }
    get id() {
        return this.p.nodeId;
    }
    get databaseId() {
        return this.p.id;
    }
    get number() {
        return this.p.number;
    }
    get title() {
        return this.p.title;
    }
    get body() {
        return this.p.body ?? '';
    }
    get url() {
        return this.kit.html(`${this.p.repo.fullName}/pull/${this.p.number}`);
    }
    get state() {
        return this.p.merged ? 'MERGED' : this.p.state === 'open' ? 'OPEN' : 'CLOSED';
    }
    get merged() {
        return this.p.merged;
    }
    get mergedAt() {
        return this.p.mergedAt;
    }
    get createdAt() {
        return this.p.createdAt;
    }
    get updatedAt() {
        return this.p.updatedAt;
    }
    get closedAt() {
        return this.p.closedAt;
    }
    get baseRefName() {
        return this.p.base;
    }
    get headRefName() {
        return this.p.head;
    }
    get author() {
        return this.kit.account(this.p.author);
    }
    get mergeCommit() {
        return this.p.mergeCommitSha ? commitObj(this.p.mergeCommitSha, this.p.mergedAt ?? undefined) : null;
    }
    labels(args) {
        const names = this.p.labels ?? [];
        return this.kit.connection(names.map((n, i) => ({ n, i })), args, (x) => [x.i], false, (x) => this.kit.label(this.p.repo, x.n) ?? { __typename: 'Label', id: `LA_${x.n}`, name: x.n, color: 'ededed' });
    }
    files(args) {
        const files = (this.p.files ?? []).map((path, i) => ({ path, i }));
        return this.kit.connection(files, args, (x) => [x.i], false, (x) => ({ path: x.path, additions: 1, deletions: 0, changeType: 'MODIFIED', viewerViewedState: 'UNVIEWED' }));
    }
    commits(args) {
        const list = pullCommits(this.p).map((c, i) => ({ c, i }));
        return this.kit.connection(list, args, (x) => [x.i], false, (x) => ({
            __typename: 'PullRequestCommit',
            id: `PRC_${x.c.oid}`,
            commit: commitObj(x.c.oid, x.c.date, x.c.message),
        }));
    }
}
function statusNode(s) {
    return {
        __typename: 'DeploymentStatus',
        id: s.nodeId,
        state: s.state.toUpperCase(),
        description: s.description,
        environment: s.environment,
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
    };
}
/** GitHub's Deployment.state: the latest status's, PENDING before any. */
function deploymentState(d) {
    const last = d.statuses[d.statuses.length - 1];
    if (!last)
        return 'PENDING';
    return last.state === 'failure' ? 'FAILURE' : last.state.toUpperCase();
}
function deploymentNode(d, kit) {
    return {
        __typename: 'Deployment',
        id: d.nodeId,
        databaseId: d.id,
        commitOid: d.sha,
        commit: commitObj(d.sha),
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        environment: d.environment,
        latestEnvironment: d.statuses[d.statuses.length - 1]?.environment ?? d.environment,
        originalEnvironment: d.environment,
        description: d.description,
        task: d.task,
        state: deploymentState(d),
        creator: kit.account(d.creator),
        latestStatus: d.statuses.length ? statusNode(d.statuses[d.statuses.length - 1]) : null,
        statuses: (args) => kit.connection(d.statuses.map((s, i) => ({ s, i })), args, (x) => [x.i], false, (x) => statusNode(x.s)),
    };
}
function releaseNode(r, repo, kit) {
    return {
        __typename: 'Release',
        id: r.nodeId,
        databaseId: r.id,
        tagName: r.tagName,
        name: r.name,
        description: r.body,
        isDraft: r.draft,
        isPrerelease: r.prerelease,
        createdAt: r.createdAt,
        publishedAt: r.publishedAt,
        updatedAt: r.createdAt,
        tagCommit: commitObj(r.sha),
        url: kit.html(`${repo.fullName}/releases/tag/${encodeURIComponent(r.tagName)}`),
        author: kit.account(r.author),
    };
}
const dir = (o, fallback) => (o?.direction ?? fallback) === 'DESC';
/** Repository.pullRequests(states, baseRefName, headRefName, labels, orderBy). */
function repoPullRequests(repo, args, kit) {
    const stateOf = (p) => (p.merged ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED');
    const field = args.orderBy?.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
    const desc = dir(args.orderBy, 'ASC');
    const keyOf = (p) => [Date.parse(p[field]), p.id];
    const list = [...repo.pulls.values()]
        .filter((p) => (!args.states?.length || args.states.includes(stateOf(p))) &&
        (!args.baseRefName || p.base === args.baseRefName) &&
        (!args.headRefName || p.head === args.headRefName) &&
        (!args.labels?.length || args.labels.some((l) => (p.labels ?? []).includes(l))))
        .sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)));
    return kit.connection(list, args, keyOf, desc, (p) => new PullRequestNode(p, kit));
}
/** Repository.deployments(environments, orderBy: {field: CREATED_AT, direction}); GitHub's default is ascending. */
function repoDeployments(repo, args, kit) {
    const desc = dir(args.orderBy, 'ASC');
    const keyOf = (d) => [Date.parse(d.createdAt), d.id];
    const list = changesOf(repo)
        .deployments.filter((d) => !args.environments?.length || args.environments.includes(d.environment))
        .sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)));
    return kit.connection(list, args, keyOf, desc, (d) => deploymentNode(d, kit));
}
/** Repository.releases(orderBy: {field: CREATED_AT | NAME, direction}). */
function repoReleases(repo, args, kit) {
    const desc = dir(args.orderBy, 'ASC');
    const keyOf = (r) => args.orderBy?.field === 'NAME' ? [r.tagName, r.id] : [Date.parse(r.createdAt), r.id];
    const list = [...changesOf(repo).releases].sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)));
    return kit.connection(list, args, keyOf, desc, (r) => releaseNode(r, repo, kit));
}

;// CONCATENATED MODULE: ./src/emulator/graphql.ts
// The GraphQL half of the emulator. Queries are parsed and validated against GitHub's real
// published schema (@octokit/graphql-schema), so a query GitHub would reject fails here too;
// then they execute with graphql-js over thin wrapper objects around the shared state.
//
// Wrapper classes expose GraphQL fields as getters or methods (graphql-js' default resolver
// calls a method with (args, context)). A field a wrapper does not define fails loudly with
// "emulator does not implement Type.field" instead of quietly returning null.




const MAX_PAGE = 100;
let cachedSchema = null;
/**
 * Where GitHub's published SDL is: @octokit/graphql-schema's schema.graphql in a source checkout; in
 * the CLI bundle, the copy ncc emits next to it (only the SDL: the package's index would also load
 * its 4.8 MB schema.json, which nothing here uses).
 */
function schemaPath() {
    return new URL(/* asset import */ __webpack_require__(8100), __webpack_require__.b);
}
/**
 * GitHub's schema, built once per process (it is big: ~300 ms).
 * assumeValidSDL: the published SDL repeats two EnterpriseOwnerInfo fields, which graphql-js'
 * SDL validation rejects; GitHub serves it fine, so we skip that check rather than edit it.
 */
function githubGraphqlSchema() {
    cachedSchema ??= (0,graphql/* buildSchema */.IV5)((0,external_node_fs_.readFileSync)(schemaPath(), 'utf8'), { assumeValidSDL: true });
    return cachedSchema;
}
/** Mutations that create content, as the REST routes the server counts do. */
const CREATING_MUTATIONS = new Set(['createIssue', 'addComment', 'createPullRequest', 'createDiscussion']);
function prepareGraphql(body) {
    const b = (body ?? {});
    if (typeof b.query !== 'string') {
        return {
            operationName: null,
            mutation: false,
            creates: 0,
            document: null,
            parseError: { message: 'A query attribute must be specified and must be a string.' },
        };
    }
    let document;
    try {
        document = (0,graphql/* parse */.qgA)(b.query);
    }
    catch (e) {
        const err = e instanceof graphql/* GraphQLError */.eOn ? e : new graphql/* GraphQLError */.eOn(String(e));
        return {
            operationName: null,
            mutation: false,
            creates: 0,
            document: null,
            parseError: { message: err.message, ...(err.locations ? { locations: err.locations } : {}) },
        };
    }
    const opName = typeof b.operationName === 'string' ? b.operationName : undefined;
    const op = (0,graphql/* getOperationAST */.APv)(document, opName);
    const creates = op?.operation === 'mutation'
        ? op.selectionSet.selections.filter((f) => f.kind === graphql/* Kind */.b8C.FIELD && CREATING_MUTATIONS.has(f.name.value)).length
        : 0;
    return {
        operationName: op?.name?.value ?? opName ?? null,
        mutation: op?.operation === 'mutation',
        creates,
        document,
        parseError: null,
    };
}
/** Validate, analyse (pagination limits, cost) and execute a prepared GraphQL request. */
function runGraphql(prepared, body, ctx, charge) {
    const { operationName, mutation } = prepared;
    const fail = (errors, cost = 1) => {
        charge(cost);
        return { body: { errors }, operationName, mutation, cost };
    };
    if (!prepared.document)
        return fail([prepared.parseError ?? { message: 'Invalid query' }]);
    const schema = githubGraphqlSchema();
    const document = prepared.document;
    const validationErrors = (0,graphql/* validate */.tfT)(schema, document);
    if (validationErrors.length)
        return fail(validationErrors.map(githubValidationError));
    const b = body;
    const variables = (b.variables && typeof b.variables === 'object' ? b.variables : {});
    const op = (0,graphql/* getOperationAST */.APv)(document, typeof b.operationName === 'string' ? b.operationName : undefined);
    if (!op)
        return fail([{ message: 'An operation name is required when the document has more than one operation.' }]);
    const analysis = analyse(schema, document, op, variables);
    if (analysis.errors.length)
        return fail(analysis.errors);
    charge(analysis.cost);
    const context = { ...ctx, cost: analysis.cost, nodeCount: analysis.nodeCount };
    const result = (0,graphql/* execute */.g7Y)({
        schema,
        document,
        rootValue: op.operation === 'mutation' ? new MutationRoot() : new QueryRoot(),
        contextValue: context,
        variableValues: variables,
        operationName: op.name?.value,
        fieldResolver,
    });
    if (result instanceof Promise)
        throw new Error('emulator: resolvers must be synchronous');
    const out = {};
    if (result.data !== undefined)
        out.data = result.data;
    if (result.errors?.length)
        out.errors = result.errors.map(executionError);
    return { body: out, operationName, mutation, cost: analysis.cost };
}
// ---------- errors ----------
/** Rewords graphql-js validation messages into GitHub's wording for the common cases. */
function githubValidationError(e) {
    const base = { ...(e.locations ? { locations: e.locations } : {}) };
    let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(e.message);
    if (m) {
        return {
            ...base,
            message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
            extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
        };
    }
    m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(e.message);
    if (m) {
        return {
            ...base,
            message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
            extensions: { code: 'argumentNotAccepted', name: m[2], typeName: 'Field', argumentName: m[1] },
        };
    }
    return { ...base, message: e.message };
}
function executionError(e) {
    const orig = e.originalError;
    const out = { message: e.message };
    if (orig instanceof ApiError) {
        out.type =
            orig.graphqlType ?? (orig.status === 404 ? 'NOT_FOUND' : orig.status === 403 ? 'FORBIDDEN' : 'UNPROCESSABLE');
        out.message = orig.errors?.length ? orig.errors.map(humanize).join(', ') : orig.message;
    }
    if (e.path)
        out.path = e.path;
    if (e.locations)
        out.locations = e.locations;
    return out;
}
/** REST-style field errors as GitHub's GraphQL words them: "Name has already been taken". */
function humanize(err) {
    if (err.message)
        return err.message.charAt(0).toUpperCase() + err.message.slice(1);
    const name = err.field ?? err.resource;
    const field = name.charAt(0).toUpperCase() + name.slice(1);
    if (err.code === 'already_exists')
        return `${field} has already been taken`;
    if (err.code === 'missing_field')
        return `${field} can't be blank`;
    return `${field} is invalid`;
}
function graphql_notFound(message) {
    return new ApiError(404, message, undefined, 'NOT_FOUND');
}
function graphql_forbidden(viewer, mutation) {
    return new ApiError(403, `${gqlLogin(viewer)} does not have the correct permissions to execute \`${mutation}\``, undefined, 'FORBIDDEN');
}
// ---------- static analysis: pagination limits and cost ----------
/**
 * Walks the operation like GitHub's query analyser: every connection must say `first` or
 * `last` (max 100), and the cost is the number of connection requests (each nested one
 * multiplied by its parents' page sizes) divided by 100, at least 1.
 */
function analyse(schema, document, op, variables) {
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === graphql/* Kind */.b8C.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const defaults = new Map(op.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
    const errors = [];
    let requests = 0;
    let nodeCount = 0;
    const intArg = (field, name) => {
        const arg = field.arguments?.find((a) => a.name.value === name);
        const value = (v) => {
            if (!v)
                return null;
            if (v.kind === graphql/* Kind */.b8C.INT)
                return Number(v.value);
            if (v.kind === graphql/* Kind */.b8C.VARIABLE) {
                const got = variables[v.name.value];
                if (typeof got === 'number')
                    return got;
                return got === undefined ? value(defaults.get(v.name.value)) : null;
            }
            return null;
        };
        return value(arg?.value);
    };
    const walk = (set, parent, multiplier, path) => {
        if (!set)
            return;
        for (const sel of set.selections) {
            if (sel.kind === graphql/* Kind */.b8C.INLINE_FRAGMENT) {
                const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
                walk(sel.selectionSet, t ?? parent, multiplier, path);
                continue;
            }
            if (sel.kind === graphql/* Kind */.b8C.FRAGMENT_SPREAD) {
                const f = fragments.get(sel.name.value);
                if (f)
                    walk(f.selectionSet, schema.getType(f.typeCondition.name.value) ?? parent, multiplier, path);
                continue;
            }
            if (!(0,graphql/* isObjectType */.YQo)(parent) && !(0,graphql/* isInterfaceType */.kDU)(parent))
                continue;
            const def = parent.getFields()[sel.name.value];
            if (!def)
                continue;
            const type = (0,graphql/* getNamedType */.MR_)(def.type);
            const fieldPath = [...path, sel.alias?.value ?? sel.name.value];
            const paged = type.name.endsWith('Connection') && def.args.some((a) => a.name === 'first');
            if (!paged) {
                walk(sel.selectionSet, type, multiplier, fieldPath);
                continue;
            }
            const first = intArg(sel, 'first');
            const last = intArg(sel, 'last');
            const loc = sel.loc ? [{ line: sel.loc.startToken.line, column: sel.loc.startToken.column }] : undefined;
            if (first === null && last === null) {
                errors.push({
                    type: 'MISSING_PAGINATION_BOUNDARIES',
                    path: fieldPath,
                    ...(loc ? { locations: loc } : {}),
                    message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`,
                });
                continue;
            }
            for (const [name, n] of [
                ['first', first],
                ['last', last],
            ]) {
                if (n !== null && (n > MAX_PAGE || n < 0))
                    errors.push({
                        type: 'EXCESSIVE_PAGINATION',
                        path: fieldPath,
                        ...(loc ? { locations: loc } : {}),
                        message: n < 0
                            ? `\`${name}\` on the \`${sel.name.value}\` connection cannot be less than zero.`
                            : `Requesting ${n} records on the \`${sel.name.value}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
                    });
            }
            const size = Math.max(first ?? 0, last ?? 0);
            requests += multiplier;
            nodeCount += multiplier * size;
            walk(sel.selectionSet, type, multiplier * size, fieldPath);
        }
    };
    const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (root)
        walk(op.selectionSet, root, 1, [op.operation]);
    return { errors, cost: Math.max(1, Math.round(requests / 100)), nodeCount };
}
// ---------- execution plumbing ----------
const fieldResolver = (source, args, context, info) => {
    if (source === null || typeof source !== 'object')
        return null;
    const name = info.fieldName;
    if (!(name in source))
        throw new Error(`emulator does not implement ${info.parentType.name}.${name}`);
    const value = source[name];
    return typeof value === 'function'
        ? value.call(source, args, context)
        : value;
};
function encodeCursor(key) {
    return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64');
}
function decodeCursor(cursor) {
    const text = Buffer.from(cursor, 'base64').toString('utf8');
    if (text.startsWith('cursor:v2:')) {
        try {
            const key = JSON.parse(text.slice('cursor:v2:'.length));
            if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number'))
                return key;
        }
        catch {
            // fall through to GitHub's error below
        }
    }
    throw new ApiError(422, `\`${cursor}\` does not appear to be a valid cursor.`, undefined, 'INVALID_CURSOR_ARGUMENTS');
}
/** First index whose item sorts after (or at, if `inclusive`) `key`; `all` must be sorted by keyOf/desc. */
function seek(all, keyOf, desc, key, inclusive) {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = (desc ? -1 : 1) * compareKeys(keyOf(all[mid]), key);
        if (c > 0 || (inclusive && c === 0))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
/**
 * A Relay connection over a sorted list. Cursors carry the item's sort key, not its offset,
 * so paging stays correct while items are added or drop out of the filter (like GitHub).
 */
function connection(all, args, keyOf, desc, wrap) {
    let start = 0;
    let end = all.length;
    if (args.after)
        start = seek(all, keyOf, desc, decodeCursor(args.after), false);
    if (args.before)
        end = Math.max(start, seek(all, keyOf, desc, decodeCursor(args.before), true));
    if (typeof args.first === 'number')
        end = Math.min(end, start + args.first);
    if (typeof args.last === 'number')
        start = Math.max(start, end - args.last);
    const slice = all.slice(start, end);
    const edges = slice.map((t) => ({ cursor: encodeCursor(keyOf(t)), node: wrap(t) }));
    return {
        totalCount: all.length,
        nodes: edges.map((e) => e.node),
        edges,
        pageInfo: {
            hasNextPage: end < all.length,
            hasPreviousPage: start > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
    };
}
const byId = (t) => [t.id];
/**
 * GraphQL shows a bot author/actor as "github-actions", not REST's "github-actions[bot]" — a real
 * GitHub quirk (yet `viewer.login` of the same token is "github-actions[bot]"). Compare authors
 * with `viewerDidAuthor`, or normalise, never with a hard-coded login.
 */
function gqlLogin(a) {
    return a.type === 'Bot' ? a.login.replace(/\[bot\]$/, '') : a.login;
}
function need(ctx, repo, p, mutation) {
    if (!atLeast(ctx.state.permission(repo, ctx.viewer), p))
        throw graphql_forbidden(ctx.viewer, mutation);
}
function enumOf(v) {
    return v === null ? null : v.toUpperCase();
}
// ---------- wrappers ----------
class AccountNode {
    a;
    ctx;
    asViewer;
    __typename;
    constructor(a, ctx, 
    /** `viewer` of an installation token answers "github-actions[bot]" (REST's login), unlike Bot.login. */
    asViewer = false) {
        this.a = a;
        this.ctx = ctx;
        this.asViewer = asViewer;
        this.__typename = a.type;
    }
    get id() {
        return this.a.nodeId;
    }
    get databaseId() {
        return this.a.id;
    }
    get login() {
        return this.asViewer ? this.a.login : gqlLogin(this.a);
    }
    get name() {
        return null;
    }
    get url() {
        return this.ctx.shapes.html(this.a.login);
    }
    get resourcePath() {
        return `/${this.a.login}`;
    }
    avatarUrl() {
        return `${this.ctx.shapes.api('')}/avatars/u/${this.a.id}`;
    }
    get createdAt() {
        return this.a.createdAt;
    }
    get isViewer() {
        return this.a.id === this.ctx.viewer.id;
    }
    /** The account's own repositories by name (the emulator has no archived, fork or issue-less ones: those filters match all). */
    repositories(args) {
        const desc = args.orderBy?.direction === 'DESC';
        const list = [...this.ctx.state.repos.values()].filter((r) => r.owner.id === this.a.id);
        const keyOf = (r) => [r.name.toLowerCase(), r.id];
        list.sort((x, y) => (desc ? -1 : 1) * compareKeys(keyOf(x), keyOf(y)));
        return connection(list, args, keyOf, desc, (r) => new RepoNode(r, this.ctx));
    }
    projectV2(args) {
        const p = this.ctx.state.project(this.a.login, args.number);
        if (!p)
            throw graphql_notFound(`Could not resolve to a ProjectV2 with the number ${args.number}.`);
        return new ProjectNode(p, this.ctx);
    }
}
function account(a, ctx) {
    return a ? new AccountNode(a, ctx) : null;
}
class RepoNode {
    r;
    ctx;
    __typename = 'Repository';
    constructor(r, ctx) {
        this.r = r;
        this.ctx = ctx;
    }
    get id() {
        return this.r.nodeId;
    }
    get databaseId() {
        return this.r.id;
    }
    get name() {
        return this.r.name;
    }
    get nameWithOwner() {
        return this.r.fullName;
    }
    get owner() {
        return account(this.r.owner, this.ctx);
    }
    get url() {
        return this.ctx.shapes.html(this.r.fullName);
    }
    get resourcePath() {
        return `/${this.r.fullName}`;
    }
    get isPrivate() {
        return false;
    }
    get isArchived() {
        return false;
    }
    get visibility() {
        return 'PUBLIC';
    }
    get createdAt() {
        return this.r.createdAt;
    }
    get defaultBranchRef() {
        const main = this.r.branches.get(DEFAULT_BRANCH);
        return {
            __typename: 'Ref',
            id: `${this.r.nodeId}:main`,
            name: DEFAULT_BRANCH,
            prefix: 'refs/heads/',
            target: main
                ? { __typename: 'Commit', id: `C_${main.sha}`, oid: main.sha, abbreviatedOid: main.sha.slice(0, 7) }
                : null,
        };
    }
    get viewerPermission() {
        const p = this.ctx.state.permission(this.r, this.ctx.viewer);
        // A public repository is readable by everyone.
        return p === 'none' ? 'READ' : p.toUpperCase();
    }
    /** `refs/heads/<name>` (or a bare branch name); null when there is no such branch. */
    ref(args) {
        const name = args.qualifiedName.replace(/^refs\/heads\//, '');
        const b = this.r.branches.get(name);
        if (!b)
            return null;
        return {
            __typename: 'Ref',
            id: `${this.r.nodeId}:${name}`,
            name,
            prefix: 'refs/heads/',
            target: { __typename: 'Commit', id: `C_${b.sha}`, oid: b.sha, abbreviatedOid: b.sha.slice(0, 7) },
        };
    }
    /** `HEAD:path`, `<branch>:path` or `<head sha>:path`; null for a ref or path that does not exist. */
    object(args) {
        const m = /^([^:]*):(.+)$/.exec(args.expression ?? '');
        if (!m?.[2])
            return null;
        const ref = (m[1] ?? '').replace(/^refs\/heads\//, '');
        const files = !ref || ref === 'HEAD' ? this.r.files : (this.r.branches.get(ref) ?? this.ctx.state.branchAt(this.r, ref))?.files;
        if (!files)
            return null;
        const path = m[2].replace(/^\/+/, '');
        const text = files.get(path);
        if (text === undefined)
            return null;
        return new BlobNode(this.r, path, text, this.ctx);
    }
    issue(args) {
        // A pull request's number is not an issue's: GitHub answers the same "Could not resolve".
        const i = this.r.issueByNumber.get(args.number);
        if (!i)
            throw graphql_notFound(`Could not resolve to an Issue with the number of ${args.number}.`);
        return new IssueNode(i, this.ctx);
    }
    issues(args) {
        const states = args.states ?? args.filterBy?.states ?? null;
        const state = !states || states.length !== 1 ? 'all' : states[0] === 'OPEN' ? 'open' : 'closed';
        const sort = args.orderBy?.field === 'UPDATED_AT' ? 'updated' : args.orderBy?.field === 'COMMENTS' ? 'comments' : 'created';
        const desc = args.orderBy?.direction === 'DESC';
        const list = this.ctx.state.listIssues(this.r, {
            state,
            sort,
            direction: desc ? 'desc' : 'asc',
            since: args.filterBy?.since ?? undefined,
            creator: args.filterBy?.createdBy ?? undefined,
            assignee: args.filterBy?.assignee ?? undefined,
            // GraphQL label filters match ANY of the labels (REST's `labels=` needs ALL of them).
            anyLabels: [...(args.labels ?? []), ...(args.filterBy?.labels ?? [])],
        });
        return connection(list, args, issueSortKey(sort), desc, (i) => new IssueNode(i, this.ctx));
    }
    labels(args) {
        let list = [...this.r.labels.values()];
        const q = args.query?.toLowerCase();
        if (q)
            list = list.filter((l) => l.name.toLowerCase().includes(q) || (l.description ?? '').toLowerCase().includes(q));
        return labelConnection(list, args, this.ctx);
    }
    label(args) {
        const l = this.r.labels.get(args.name.toLowerCase());
        return l ? new LabelNode(l, this.ctx) : null;
    }
    pullRequests(args) {
        return repoPullRequests(this.r, args, changesKit(this.ctx));
    }
    deployments(args) {
        return repoDeployments(this.r, args, changesKit(this.ctx));
    }
    releases(args) {
        return repoReleases(this.r, args, changesKit(this.ctx));
    }
}
/** What the changes' GraphQL (graphql-changes.ts) borrows from here. */
function changesKit(ctx) {
    return {
        connection,
        account: (a) => account(a, ctx),
        label: (repo, name) => {
            const l = repo.labels.get(name.toLowerCase());
            return l ? new LabelNode(l, ctx) : null;
        },
        html: (path) => ctx.shapes.html(path),
    };
}
function labelConnection(list, args, ctx) {
    const byName = args.orderBy?.field === 'NAME';
    const desc = args.orderBy?.direction === 'DESC';
    const keyOf = byName ? (l) => [l.name.toLowerCase(), l.id] : byId;
    const sorted = [...list].sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)));
    return connection(sorted, args, keyOf, desc, (l) => new LabelNode(l, ctx));
}
class BlobNode {
    r;
    path;
    text;
    ctx;
    __typename = 'Blob';
    constructor(r, path, text, ctx) {
        this.r = r;
        this.path = path;
        this.text = text;
        this.ctx = ctx;
    }
    get id() {
        return `B_${Buffer.from(`${this.r.fullName}:${this.path}`).toString('base64url')}`;
    }
    get byteSize() {
        return Buffer.byteLength(this.text, 'utf8');
    }
    get isBinary() {
        return false;
    }
    get isTruncated() {
        return false;
    }
    /** The git blob sha, the same as the contents API's `sha` for this file. */
    get oid() {
        return gitBlobSha(this.text);
    }
    get abbreviatedOid() {
        return this.oid.slice(0, 7);
    }
    get repository() {
        return new RepoNode(this.r, this.ctx);
    }
}
class LabelNode {
    l;
    ctx;
    __typename = 'Label';
    constructor(l, ctx) {
        this.l = l;
        this.ctx = ctx;
    }
    get id() {
        return this.l.nodeId;
    }
    get name() {
        return this.l.name;
    }
    get color() {
        return this.l.color;
    }
    get description() {
        return this.l.description;
    }
    get isDefault() {
        return false;
    }
    get createdAt() {
        return this.l.createdAt;
    }
    get updatedAt() {
        return this.l.updatedAt;
    }
    get url() {
        return this.ctx.shapes.html(`${this.l.repo.fullName}/labels/${encodeURIComponent(this.l.name)}`);
    }
    get resourcePath() {
        return `/${this.l.repo.fullName}/labels/${encodeURIComponent(this.l.name)}`;
    }
    get repository() {
        return new RepoNode(this.l.repo, this.ctx);
    }
}
const TIMELINE_TYPE = {
    labeled: 'LABELED_EVENT',
    unlabeled: 'UNLABELED_EVENT',
    closed: 'CLOSED_EVENT',
    reopened: 'REOPENED_EVENT',
    assigned: 'ASSIGNED_EVENT',
    unassigned: 'UNASSIGNED_EVENT',
    commented: 'ISSUE_COMMENT',
};
class IssueNode {
    i;
    ctx;
    __typename = 'Issue';
    constructor(i, ctx) {
        this.i = i;
        this.ctx = ctx;
    }
    get id() {
        return this.i.nodeId;
    }
    get databaseId() {
        return this.i.id;
    }
    get fullDatabaseId() {
        return String(this.i.id);
    }
    get number() {
        return this.i.number;
    }
    get title() {
        return this.i.title;
    }
    get body() {
        return this.i.body ?? '';
    }
    get bodyText() {
        return this.i.body ?? '';
    }
    get state() {
        return this.i.state.toUpperCase();
    }
    stateReason(args) {
        // Without enableDuplicate GitHub reports a duplicate as NOT_PLANNED.
        if (this.i.stateReason === 'duplicate' && !args.enableDuplicate)
            return 'NOT_PLANNED';
        return enumOf(this.i.stateReason);
    }
    get closed() {
        return this.i.state === 'closed';
    }
    get locked() {
        return false;
    }
    get createdAt() {
        return this.i.createdAt;
    }
    get updatedAt() {
        return this.i.updatedAt;
    }
    get closedAt() {
        return this.i.closedAt;
    }
    get url() {
        return this.ctx.shapes.html(`${this.i.repo.fullName}/issues/${this.i.number}`);
    }
    get resourcePath() {
        return `/${this.i.repo.fullName}/issues/${this.i.number}`;
    }
    get author() {
        return account(this.i.author, this.ctx);
    }
    get viewerDidAuthor() {
        return this.i.author.id === this.ctx.viewer.id;
    }
    get repository() {
        return new RepoNode(this.i.repo, this.ctx);
    }
    assignees(args) {
        return connection(this.i.assignees, args, byId, false, (a) => new AccountNode(a, this.ctx));
    }
    labels(args) {
        return labelConnection(this.i.labels, args, this.ctx);
    }
    comments(args) {
        return connection(this.i.comments, args, byId, false, (c) => new CommentNode(c, this.ctx));
    }
    timelineItems(args) {
        const types = args.itemTypes?.length ? new Set(args.itemTypes) : null;
        const since = args.since ? Date.parse(args.since) : null;
        const list = this.i.events.filter((e) => (!types || types.has(TIMELINE_TYPE[e.kind])) && (since === null || Date.parse(e.createdAt) >= since));
        const conn = connection(list, args, byId, false, (e) => timelineItem(e, this.i, this.ctx));
        return { ...conn, filteredCount: list.length, pageCount: conn.nodes.length, updatedAt: this.i.updatedAt };
    }
    projectItems(args) {
        return connection(this.i.projectItems, args, byId, false, (it) => new ItemNode(it, this.ctx));
    }
}
class CommentNode {
    c;
    ctx;
    __typename = 'IssueComment';
    constructor(c, ctx) {
        this.c = c;
        this.ctx = ctx;
    }
    get id() {
        return this.c.nodeId;
    }
    get databaseId() {
        return this.c.id;
    }
    get fullDatabaseId() {
        return String(this.c.id);
    }
    get body() {
        return this.c.body;
    }
    get bodyText() {
        return this.c.body;
    }
    get createdAt() {
        return this.c.createdAt;
    }
    get updatedAt() {
        return this.c.updatedAt;
    }
    get lastEditedAt() {
        return this.c.updatedAt === this.c.createdAt ? null : this.c.updatedAt;
    }
    get url() {
        return this.ctx.shapes.html(`${this.c.issue.repo.fullName}/issues/${this.c.issue.number}#issuecomment-${this.c.id}`);
    }
    get author() {
        return account(this.c.author, this.ctx);
    }
    get viewerDidAuthor() {
        return this.c.author.id === this.ctx.viewer.id;
    }
    get isMinimized() {
        return false;
    }
    get issue() {
        return new IssueNode(this.c.issue, this.ctx);
    }
}
const EVENT_TYPENAME = {
    labeled: 'LabeledEvent',
    unlabeled: 'UnlabeledEvent',
    closed: 'ClosedEvent',
    reopened: 'ReopenedEvent',
    assigned: 'AssignedEvent',
    unassigned: 'UnassignedEvent',
};
function timelineItem(e, issue, ctx) {
    if (e.kind === 'commented') {
        if (!e.comment)
            throw new Error('emulator: commented event without comment');
        return new CommentNode(e.comment, ctx);
    }
    const subject = new IssueNode(issue, ctx);
    const url = ctx.shapes.html(`${issue.repo.fullName}/issues/${issue.number}#event-${e.id}`);
    return {
        __typename: EVENT_TYPENAME[e.kind],
        id: e.nodeId,
        actor: account(e.actor, ctx),
        createdAt: e.createdAt,
        url,
        resourcePath: `/${issue.repo.fullName}/issues/${issue.number}#event-${e.id}`,
        ...(e.label ? { label: new LabelNode(e.label, ctx), labelable: subject } : {}),
        ...(e.kind === 'closed' || e.kind === 'reopened'
            ? { closable: subject, closer: null, stateReason: enumOf(e.stateReason ?? null) }
            : {}),
        ...(e.assignee
            ? {
                assignee: account(e.assignee, ctx),
                assignable: subject,
                user: e.assignee.type === 'User' ? account(e.assignee, ctx) : null,
            }
            : {}),
    };
}
class ProjectNode {
    p;
    ctx;
    __typename = 'ProjectV2';
    constructor(p, ctx) {
        this.p = p;
        this.ctx = ctx;
    }
    get id() {
        return this.p.nodeId;
    }
    get databaseId() {
        return this.p.id;
    }
    get fullDatabaseId() {
        return String(this.p.id);
    }
    get number() {
        return this.p.number;
    }
    get title() {
        return this.p.title;
    }
    get shortDescription() {
        return null;
    }
    get closed() {
        return false;
    }
    get public() {
        return false;
    }
    get createdAt() {
        return this.p.createdAt;
    }
    get updatedAt() {
        return this.p.updatedAt;
    }
    get url() {
        const kind = this.p.owner.type === 'Organization' ? 'orgs' : 'users';
        return this.ctx.shapes.html(`${kind}/${this.p.owner.login}/projects/${this.p.number}`);
    }
    get resourcePath() {
        return `/${this.p.owner.type === 'Organization' ? 'orgs' : 'users'}/${this.p.owner.login}/projects/${this.p.number}`;
    }
    get owner() {
        return account(this.p.owner, this.ctx);
    }
    fields(args) {
        return connection(this.p.fields, args, byId, false, (f) => new ProjectFieldNode(f, this.ctx));
    }
    field(args) {
        const f = this.p.fields.find((x) => x.name === args.name);
        return f ? new ProjectFieldNode(f, this.ctx) : null;
    }
    items(args) {
        return connection(this.p.items, args, byId, false, (it) => new ItemNode(it, this.ctx));
    }
}
class ProjectFieldNode {
    f;
    ctx;
    __typename;
    constructor(f, ctx) {
        this.f = f;
        this.ctx = ctx;
        this.__typename = f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : 'ProjectV2Field';
        // Only single-select fields have `options` in the schema; define it only there.
        if (f.dataType === 'SINGLE_SELECT') {
            Object.defineProperty(this, 'options', {
                value: (args) => f.options
                    .filter((o) => !args.names || args.names.includes(o.name))
                    .map((o) => ({
                    id: o.id,
                    name: o.name,
                    nameHTML: o.name,
                    color: 'GRAY',
                    description: '',
                    descriptionHTML: '',
                })),
            });
        }
    }
    get id() {
        return this.f.nodeId;
    }
    get databaseId() {
        return this.f.id;
    }
    get name() {
        return this.f.name;
    }
    get dataType() {
        return this.f.dataType;
    }
    get createdAt() {
        return this.f.createdAt;
    }
    get updatedAt() {
        return this.f.createdAt;
    }
    get project() {
        return new ProjectNode(this.f.project, this.ctx);
    }
}
class ItemNode {
    it;
    ctx;
    __typename = 'ProjectV2Item';
    constructor(it, ctx) {
        this.it = it;
        this.ctx = ctx;
    }
    get id() {
        return this.it.nodeId;
    }
    get databaseId() {
        return this.it.id;
    }
    get fullDatabaseId() {
        return String(this.it.id);
    }
    get type() {
        return 'ISSUE';
    }
    get isArchived() {
        return false;
    }
    get createdAt() {
        return this.it.createdAt;
    }
    get updatedAt() {
        return this.it.updatedAt;
    }
    get creator() {
        return account(this.it.creator, this.ctx);
    }
    get content() {
        return new IssueNode(this.it.issue, this.ctx);
    }
    get project() {
        return new ProjectNode(this.it.project, this.ctx);
    }
    fieldValueByName(args) {
        const f = this.it.project.fields.find((x) => x.name === args.name);
        return f ? fieldValue(this.it, f, this.ctx) : null;
    }
    fieldValues(args) {
        const set = this.it.project.fields.filter((f) => this.it.values.has(f.id));
        return connection(set, args, byId, false, (f) => fieldValue(this.it, f, this.ctx));
    }
}
function fieldValue(item, field, ctx) {
    const stored = item.values.get(field.id);
    if (!stored)
        return null;
    const v = stored.value;
    const common = {
        id: `PVTFV_${Buffer.from(`${item.id}:${field.id}`).toString('base64url')}`,
        databaseId: item.id * 1000 + (field.id % 1000),
        field: new ProjectFieldNode(field, ctx),
        item: new ItemNode(item, ctx),
        createdAt: stored.updatedAt,
        updatedAt: stored.updatedAt,
        creator: account(stored.creator, ctx),
    };
    switch (v.kind) {
        case 'SINGLE_SELECT': {
            const o = field.options.find((x) => x.id === v.optionId);
            return {
                ...common,
                __typename: 'ProjectV2ItemFieldSingleSelectValue',
                name: o?.name ?? null,
                nameHTML: o?.name ?? null,
                optionId: v.optionId,
                color: 'GRAY',
                description: null,
                descriptionHTML: null,
            };
        }
        case 'TEXT':
            return { ...common, __typename: 'ProjectV2ItemFieldTextValue', text: v.text };
        case 'DATE':
            return { ...common, __typename: 'ProjectV2ItemFieldDateValue', date: v.date };
        case 'NUMBER':
            return { ...common, __typename: 'ProjectV2ItemFieldNumberValue', number: v.number };
    }
}
function wrapEntity(id, ctx) {
    const e = ctx.state.nodes.get(id);
    if (!e)
        throw graphql_notFound(`Could not resolve to a node with the global id of '${id}'`);
    switch (e.kind) {
        case 'Account':
            return new AccountNode(e.value, ctx);
        case 'Repository':
            return new RepoNode(e.value, ctx);
        case 'Issue':
            return new IssueNode(e.value, ctx);
        case 'IssueComment':
            return new CommentNode(e.value, ctx);
        case 'Label':
            return new LabelNode(e.value, ctx);
        case 'Event':
            return null;
        case 'ProjectV2':
            return new ProjectNode(e.value, ctx);
        case 'ProjectV2Field':
            return new ProjectFieldNode(e.value, ctx);
        case 'ProjectV2Item':
            return new ItemNode(e.value, ctx);
    }
}
// ---------- roots ----------
class QueryRoot {
    repository(args, ctx) {
        const r = ctx.state.repo(`${args.owner}/${args.name}`);
        if (!r)
            throw graphql_notFound(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
        return new RepoNode(r, ctx);
    }
    viewer(_args, ctx) {
        return new AccountNode(ctx.viewer, ctx, true);
    }
    node(args, ctx) {
        return wrapEntity(args.id, ctx);
    }
    nodes(args, ctx) {
        return args.ids.map((id) => wrapEntity(id, ctx));
    }
    user(args, ctx) {
        const a = ctx.state.account(args.login);
        if (!a || a.type !== 'User')
            throw graphql_notFound(`Could not resolve to a User with the login of '${args.login}'.`);
        return new AccountNode(a, ctx);
    }
    organization(args, ctx) {
        const a = ctx.state.account(args.login);
        if (!a || a.type !== 'Organization')
            throw graphql_notFound(`Could not resolve to an Organization with the login of '${args.login}'.`);
        return new AccountNode(a, ctx);
    }
    repositoryOwner(args, ctx) {
        const a = ctx.state.account(args.login);
        return a && a.type !== 'Bot' ? new AccountNode(a, ctx) : null;
    }
    rateLimit(_args, ctx) {
        const w = ctx.rate();
        return {
            cost: ctx.cost,
            limit: w.limit,
            nodeCount: ctx.nodeCount,
            remaining: Math.max(0, w.limit - w.used),
            used: w.used,
            resetAt: w.resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        };
    }
}
/** The entity behind a node id, or GitHub's NOT_FOUND error when it is missing or of another kind. */
function entity(ctx, id, kind, what) {
    const e = ctx.state.nodes.get(id);
    if (!e || e.kind !== kind)
        throw graphql_notFound(`Could not resolve to ${what} with the global id of '${id}'.`);
    return e.value;
}
function issueById(ctx, id) {
    return entity(ctx, id, 'Issue', 'Issue');
}
function labelsByIds(ctx, repo, ids) {
    return ids.map((id) => {
        const l = entity(ctx, id, 'Label', 'Label');
        if (l.repo !== repo)
            throw graphql_notFound(`Could not resolve to Label with the global id of '${id}'.`);
        return l;
    });
}
function canEditIssue(ctx, issue) {
    return issue.author.id === ctx.viewer.id || atLeast(ctx.state.permission(issue.repo, ctx.viewer), 'triage');
}
class MutationRoot {
    createLabel({ input }, ctx) {
        const repo = entity(ctx, input.repositoryId, 'Repository', 'Repository');
        need(ctx, repo, 'write', 'CreateLabel');
        const l = ctx.state.createLabel(repo, input.name, input.color, input.description ?? null);
        return { clientMutationId: input.clientMutationId ?? null, label: new LabelNode(l, ctx) };
    }
    updateLabel({ input }, ctx) {
        const l = entity(ctx, input.id, 'Label', 'Label');
        need(ctx, l.repo, 'write', 'UpdateLabel');
        ctx.state.updateLabel(l, {
            ...(input.name ? { name: input.name } : {}),
            ...(input.color ? { color: input.color } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
        });
        return { clientMutationId: input.clientMutationId ?? null, label: new LabelNode(l, ctx) };
    }
    createIssue({ input, }, ctx) {
        const repo = entity(ctx, input.repositoryId, 'Repository', 'Repository');
        const push = atLeast(ctx.state.permission(repo, ctx.viewer), 'write');
        const labels = push ? labelsByIds(ctx, repo, input.labelIds ?? []).map((l) => l.name) : [];
        const assignees = push
            ? (input.assigneeIds ?? []).map((id) => entity(ctx, id, 'Account', 'User').login)
            : [];
        const i = ctx.state.createIssue(repo, ctx.viewer, {
            title: input.title,
            body: input.body ?? null,
            labels,
            assignees,
        });
        return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(i, ctx) };
    }
    updateIssue({ input, }, ctx) {
        const issue = issueById(ctx, input.id);
        if (!canEditIssue(ctx, issue))
            throw graphql_forbidden(ctx.viewer, 'UpdateIssue');
        const labels = input.labelIds ? labelsByIds(ctx, issue.repo, input.labelIds) : null;
        if (labels)
            ctx.state.checkLabels(issue.repo, issue, labels.map((l) => l.name), true);
        ctx.state.updateIssue(issue, ctx.viewer, {
            ...(input.title ? { title: input.title } : {}),
            ...(input.body !== undefined && input.body !== null ? { body: input.body } : {}),
        });
        if (input.state)
            ctx.state.setState(issue, ctx.viewer, input.state === 'OPEN' ? 'open' : 'closed');
        if (labels)
            ctx.state.setLabels(issue, ctx.viewer, labels.map((l) => l.name));
        if (input.assigneeIds)
            ctx.state.setAssignees(issue, ctx.viewer, input.assigneeIds.map((id) => entity(ctx, id, 'Account', 'User').login));
        return {
            clientMutationId: input.clientMutationId ?? null,
            actor: account(ctx.viewer, ctx),
            issue: new IssueNode(issue, ctx),
        };
    }
    /**
     * GitHub's `createCommitOnBranch`: the branch must exist and still point at `expectedHeadOid`
     * (else nothing is written), the contents are base64. (GitHub makes one commit of all the
     * changes; the emulator, which keeps no history, records one per file.)
     */
    createCommitOnBranch({ input, }, ctx) {
        const full = input.branch.repositoryNameWithOwner ?? '';
        const repo = ctx.state.repos.get(full.toLowerCase());
        if (!repo)
            throw graphql_notFound(`Could not resolve to a Repository with the name '${full}'.`);
        need(ctx, repo, 'write', 'CreateCommitOnBranch');
        const name = (input.branch.branchName ?? '').replace(/^refs\/heads\//, '');
        const branch = repo.branches.get(name);
        if (!branch)
            throw graphql_notFound(`A ref named "refs/heads/${name}" does not exist.`);
        if (branch.sha !== input.expectedHeadOid)
            throw new ApiError(409, `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`, undefined, 'STALE_DATA');
        const additions = input.fileChanges?.additions ?? [];
        const decoded = additions.map((a) => {
            const text = Buffer.from(a.contents, 'base64').toString('utf8');
            if (Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '') !== a.contents.replace(/=+$/, ''))
                throw new ApiError(422, `The contents of ${a.path} are not valid Base64.`, undefined, 'UNPROCESSABLE');
            return { path: a.path.replace(/^\/+/, ''), text };
        });
        const message = [input.message.headline, input.message.body].filter(Boolean).join('\n\n');
        let commit = null;
        for (const d of input.fileChanges?.deletions ?? [])
            commit = ctx.state.writeFile(repo, branch, d.path, null, ctx.viewer, message);
        for (const a of decoded)
            commit = ctx.state.writeFile(repo, branch, a.path, a.text, ctx.viewer, message);
        const sha = commit?.sha ?? branch.sha;
        return {
            clientMutationId: input.clientMutationId ?? null,
            commit: { __typename: 'Commit', id: `C_${sha}`, oid: sha, abbreviatedOid: sha.slice(0, 7) },
            ref: this.refOf(repo, name),
        };
    }
    refOf(repo, name) {
        const b = repo.branches.get(name);
        return {
            __typename: 'Ref',
            id: `${repo.nodeId}:${name}`,
            name,
            prefix: 'refs/heads/',
            target: { __typename: 'Commit', id: `C_${b.sha}`, oid: b.sha, abbreviatedOid: b.sha.slice(0, 7) },
        };
    }
    addComment({ input }, ctx) {
        const issue = issueById(ctx, input.subjectId);
        const c = ctx.state.createComment(issue, ctx.viewer, input.body);
        const node = new CommentNode(c, ctx);
        const cursor = encodeCursor([c.id]);
        return {
            clientMutationId: input.clientMutationId ?? null,
            commentEdge: { cursor, node },
            subject: new IssueNode(issue, ctx),
            timelineEdge: { cursor, node },
        };
    }
    updateIssueComment({ input }, ctx) {
        const c = entity(ctx, input.id, 'IssueComment', 'IssueComment');
        if (c.author.id !== ctx.viewer.id)
            need(ctx, c.issue.repo, 'write', 'UpdateIssueComment');
        ctx.state.updateComment(c, input.body);
        return { clientMutationId: input.clientMutationId ?? null, issueComment: new CommentNode(c, ctx) };
    }
    deleteIssueComment({ input }, ctx) {
        const c = entity(ctx, input.id, 'IssueComment', 'IssueComment');
        if (c.author.id !== ctx.viewer.id)
            need(ctx, c.issue.repo, 'write', 'DeleteIssueComment');
        ctx.state.deleteComment(c);
        return { clientMutationId: input.clientMutationId ?? null };
    }
    addLabelsToLabelable({ input }, ctx) {
        const issue = issueById(ctx, input.labelableId);
        need(ctx, issue.repo, 'triage', 'AddLabelsToLabelable');
        const labels = labelsByIds(ctx, issue.repo, input.labelIds);
        ctx.state.addLabels(issue, ctx.viewer, labels.map((l) => l.name));
        return { clientMutationId: input.clientMutationId ?? null, labelable: new IssueNode(issue, ctx) };
    }
    removeLabelsFromLabelable({ input }, ctx) {
        const issue = issueById(ctx, input.labelableId);
        need(ctx, issue.repo, 'triage', 'RemoveLabelsFromLabelable');
        for (const l of labelsByIds(ctx, issue.repo, input.labelIds))
            ctx.state.removeLabel(issue, ctx.viewer, l);
        return { clientMutationId: input.clientMutationId ?? null, labelable: new IssueNode(issue, ctx) };
    }
    closeIssue({ input }, ctx) {
        const issue = issueById(ctx, input.issueId);
        if (!canEditIssue(ctx, issue))
            throw graphql_forbidden(ctx.viewer, 'CloseIssue');
        const reason = (input.stateReason?.toLowerCase() ?? 'completed');
        ctx.state.setState(issue, ctx.viewer, 'closed', reason);
        return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(issue, ctx) };
    }
    reopenIssue({ input }, ctx) {
        const issue = issueById(ctx, input.issueId);
        if (!canEditIssue(ctx, issue))
            throw graphql_forbidden(ctx.viewer, 'ReopenIssue');
        ctx.state.setState(issue, ctx.viewer, 'open');
        return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(issue, ctx) };
    }
    addProjectV2ItemById({ input }, ctx) {
        const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2');
        const content = ctx.state.nodes.get(input.contentId);
        if (!content || content.kind !== 'Issue')
            throw graphql_notFound(`Could not resolve to a node with the global id of '${input.contentId}'`);
        const item = ctx.state.addProjectItem(project, content.value, ctx.viewer);
        return { clientMutationId: input.clientMutationId ?? null, item: new ItemNode(item, ctx) };
    }
    updateProjectV2ItemFieldValue({ input, }, ctx) {
        const { item, field } = itemAndField(ctx, input);
        const v = input.value;
        const given = Object.entries(v).filter(([, x]) => x !== null && x !== undefined);
        if (given.length !== 1)
            throw new ApiError(422, 'Exactly one value must be provided for the field.', undefined, 'UNPROCESSABLE');
        let value;
        if (field.dataType === 'SINGLE_SELECT' && typeof v.singleSelectOptionId === 'string') {
            if (!field.options.some((o) => o.id === v.singleSelectOptionId))
                throw new ApiError(422, `The single select option Id does not belong to the field`, undefined, 'UNPROCESSABLE');
            value = { kind: 'SINGLE_SELECT', optionId: v.singleSelectOptionId };
        }
        else if (field.dataType === 'TEXT' && typeof v.text === 'string') {
            value = { kind: 'TEXT', text: v.text };
        }
        else if (field.dataType === 'NUMBER' && typeof v.number === 'number') {
            value = { kind: 'NUMBER', number: v.number };
        }
        else if (field.dataType === 'DATE' && typeof v.date === 'string' && !Number.isNaN(Date.parse(v.date))) {
            value = { kind: 'DATE', date: new Date(v.date).toISOString().slice(0, 10) };
        }
        else {
            throw new ApiError(422, `Did not receive a ${field.dataType.toLowerCase().replace('_', ' ')} value to update a field of type ${field.dataType.toLowerCase()}`, undefined, 'UNPROCESSABLE');
        }
        ctx.state.setProjectValue(item, field, value, ctx.viewer);
        return { clientMutationId: input.clientMutationId ?? null, projectV2Item: new ItemNode(item, ctx) };
    }
    clearProjectV2ItemFieldValue({ input }, ctx) {
        const { item, field } = itemAndField(ctx, input);
        ctx.state.setProjectValue(item, field, null, ctx.viewer);
        return { clientMutationId: input.clientMutationId ?? null, projectV2Item: new ItemNode(item, ctx) };
    }
    deleteProjectV2Item({ input }, ctx) {
        const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2');
        const item = entity(ctx, input.itemId, 'ProjectV2Item', 'ProjectV2Item');
        if (item.project !== project)
            throw graphql_notFound(`Could not resolve to ProjectV2Item with the global id of '${input.itemId}'.`);
        project.items.splice(project.items.indexOf(item), 1);
        project.itemByIssue.delete(item.issue.id);
        item.issue.projectItems.splice(item.issue.projectItems.indexOf(item), 1);
        ctx.state.nodes.delete(item.nodeId);
        return { clientMutationId: input.clientMutationId ?? null, deletedItemId: item.nodeId };
    }
}
function itemAndField(ctx, input) {
    const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2');
    const item = entity(ctx, input.itemId, 'ProjectV2Item', 'ProjectV2Item');
    const field = entity(ctx, input.fieldId, 'ProjectV2Field', 'ProjectV2Field');
    if (item.project !== project)
        throw graphql_notFound(`Could not resolve to ProjectV2Item with the global id of '${input.itemId}'.`);
    if (field.project !== project)
        throw graphql_notFound(`Could not resolve to ProjectV2Field with the global id of '${input.fieldId}'.`);
    return { item, field };
}

// EXTERNAL MODULE: ./src/emulator/faults.ts
var emulator_faults = __webpack_require__(5094);
;// CONCATENATED MODULE: ./src/emulator/server.ts
// The HTTP server and the public Emulator object: authentication, request accounting,
// rate-limit headers, fault injection, and the in-process helpers tests use to act as people
// and to read the end state.








/** Routes that create content, as GitHub counts them for the 80/min and 500/h limits. */
const CREATION_ROUTES = new Set([
    'POST /repos/{owner}/{repo}/issues',
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    'POST /repos/{owner}/{repo}/pulls',
]);
const RATE_LIMIT = { core: 5000, graphql: 5000, search: 30 };
/** How long a 'timeout' fault holds the socket before destroying it. */
const TIMEOUT_HOLD_MS = 500;
const SECONDARY_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ';
/** Start an emulator on 127.0.0.1 (random port unless given). */
async function startEmulator(opts = {}) {
    githubGraphqlSchema(); // build the big schema now, not inside the first request's timing
    const state = new State();
    if (opts.now !== undefined)
        state.clock.set(opts.now);
    const faults = new emulator_faults/* FaultInjector */.L();
    let before = null;
    const requests = [];
    const limits = { creationsPerMinute: 80, creationsPerHour: 500, ...opts.limits };
    // Content created per identity, at the clock's simulated elapsed time (real time + clock jumps).
    const created = new Map();
    const sockets = new Set();
    const timers = new Set();
    // Rate-limit windows run on real time: clients compare x-ratelimit-reset with their own clock.
    const windows = {
        core: { used: 0, reset: 0 },
        graphql: { used: 0, reset: 0 },
        search: { used: 0, reset: 0 },
    };
    const windowOf = (r) => {
        const w = windows[r];
        const now = Math.floor(Date.now() / 1000);
        if (now >= w.reset) {
            w.used = 0;
            w.reset = now + 3600;
        }
        return w;
    };
    const rateOf = (r) => {
        const w = windowOf(r);
        return { limit: RATE_LIMIT[r], used: w.used, remaining: Math.max(0, RATE_LIMIT[r] - w.used), reset: w.reset };
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((e) => {
            // A bug in the emulator: answer 500 with the reason, so the failing test shows it.
            if (!res.headersSent) {
                res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
                res.end(JSON.stringify({ message: `emulator error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` }));
            }
            else
                res.destroy();
        });
    });
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const url = `http://127.0.0.1:${server.address().port}`;
    const shapes = new Shapes(url);
    const sleep = (ms) => new Promise((resolve) => {
        const t = setTimeout(() => {
            timers.delete(t);
            resolve();
        }, ms);
        timers.add(t);
    });
    function send(res, status, body, resource, headers = {}) {
        const rate = rateOf(resource);
        const h = {
            'x-ratelimit-limit': String(rate.limit),
            'x-ratelimit-remaining': String(rate.remaining),
            'x-ratelimit-used': String(rate.used),
            'x-ratelimit-reset': String(rate.reset),
            'x-ratelimit-resource': resource,
            'x-github-request-id': `${(0,external_node_crypto_.randomBytes)(2).toString('hex').toUpperCase()}:${(0,external_node_crypto_.randomBytes)(3).toString('hex').toUpperCase()}:${(0,external_node_crypto_.randomBytes)(4).toString('hex').toUpperCase()}`,
            'x-github-media-type': 'github.v3; format=json',
            'x-github-api-version-selected': '2022-11-28',
            // GitHub's own clock, as every HTTP server sends it: the action takes "now" from it, so tests
            // that move the emulator's clock move the action's too.
            date: state.clock.now().toUTCString(),
            ...headers,
        };
        if (status === 204 || body === undefined) {
            res.writeHead(status, h);
            res.end();
            return;
        }
        const text = JSON.stringify(body);
        res.writeHead(status, {
            ...h,
            'content-type': 'application/json; charset=utf-8',
            'content-length': String(Buffer.byteLength(text)),
        });
        res.end(text);
    }
    async function handle(req, res) {
        const chunks = [];
        for await (const c of req)
            chunks.push(c);
        const raw = Buffer.concat(chunks).toString('utf8');
        const method = (req.method ?? 'GET').toUpperCase();
        const reqUrl = new URL(req.url ?? '/', url);
        const pathname = reqUrl.pathname.replace(/\/+$/, '') || '/';
        let body = undefined;
        let badJson = false;
        if (raw.trim()) {
            try {
                body = JSON.parse(raw);
            }
            catch {
                badJson = true;
            }
        }
        // Classify first: the route, resource and write-ness are known before anything runs.
        const isGraphql = pathname === '/graphql' && method === 'POST';
        let prepared = null;
        let route;
        let write;
        if (isGraphql) {
            prepared = prepareGraphql(body);
            route = `POST /graphql${prepared.operationName ? ` ${prepared.operationName}` : ''}`;
            write = prepared.mutation;
        }
        else {
            const m = matchRoute(method, pathname);
            route = `${method} ${m ? m.route.template : pathname}`;
            write = method !== 'GET' && method !== 'HEAD';
        }
        const resource = isGraphql ? 'graphql' : pathname.startsWith('/search/') ? 'search' : 'core';
        const entry = {
            method,
            path: `${reqUrl.pathname}${reqUrl.search}`,
            route,
            status: 0,
            write,
            at: performance.now(),
        };
        if (isGraphql && prepared)
            entry.graphql = { operationName: prepared.operationName, mutation: prepared.mutation, cost: 0 };
        requests.push(entry);
        before?.(route);
        const fault = faults.pick(route);
        if (faults.delay)
            await sleep(faults.delay);
        // A lost response: the request runs, and its answer is replaced by a 502 below.
        const lost = fault === 'lost-502';
        if (lost)
            entry.fault = fault;
        if (fault !== null && !lost) {
            entry.fault = fault;
            if (fault === 'timeout') {
                await sleep(TIMEOUT_HOLD_MS);
                req.socket.destroy();
                return;
            }
            if (fault === 'secondary-403' || fault === 429) {
                const id = (0,external_node_crypto_.randomBytes)(4).toString('hex').toUpperCase();
                entry.status = fault === 429 ? 429 : 403;
                send(res, entry.status, {
                    message: `${SECONDARY_MESSAGE}${id}.`,
                    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
                }, resource, { 'retry-after': '1' });
                return;
            }
            entry.status = fault;
            send(res, fault, { message: fault === 502 ? 'Server Error' : 'Internal Server Error' }, resource);
            return;
        }
        const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
        const viewer = auth?.[1] ? state.tokens.get(auth[1]) : undefined;
        if (!viewer) {
            entry.status = 401;
            send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }, resource);
            return;
        }
        entry.viewer = viewer.login;
        const creates = CREATION_ROUTES.has(route) ? 1 : (prepared?.creates ?? 0);
        if (creates > 0) {
            entry.creation = true;
            // GitHub's secondary limit: at most 80 content creations a minute and 500 an hour per identity.
            const now = state.clock.elapsed();
            const times = (created.get(viewer.login) ?? []).filter((t) => t > now - 3_600_000);
            const lastMinute = times.filter((t) => t > now - 60_000);
            const over = lastMinute.length >= limits.creationsPerMinute
                ? lastMinute[lastMinute.length - limits.creationsPerMinute] + 60_000
                : times.length >= limits.creationsPerHour
                    ? times[times.length - limits.creationsPerHour] + 3_600_000
                    : null;
            if (over !== null) {
                entry.status = 403;
                const id = (0,external_node_crypto_.randomBytes)(4).toString('hex').toUpperCase();
                send(res, 403, {
                    message: `${SECONDARY_MESSAGE}${id}.`,
                    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
                }, resource, {
                    'retry-after': String(Math.max(1, Math.ceil((over - now) / 1000))),
                });
                return;
            }
            times.push(now);
            created.set(viewer.login, times);
        }
        if (badJson) {
            entry.status = 400;
            send(res, 400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' }, resource);
            return;
        }
        if (isGraphql && prepared) {
            const result = runGraphql(prepared, body, {
                state,
                shapes,
                viewer,
                rate: () => {
                    const w = windowOf('graphql');
                    return { limit: RATE_LIMIT.graphql, used: w.used, resetAt: new Date(w.reset * 1000) };
                },
            }, (cost) => {
                windowOf('graphql').used += cost;
            });
            entry.status = lost ? 502 : 200;
            entry.graphql = { operationName: result.operationName, mutation: result.mutation, cost: result.cost };
            if (lost)
                send(res, 502, { message: 'Server Error' }, resource);
            else
                send(res, 200, result.body, resource);
            return;
        }
        if (pathname !== '/rate_limit')
            windowOf(resource).used++;
        let out;
        if (method === 'HEAD')
            out = { status: 200 };
        else {
            out = runRest(method, pathname, { url: reqUrl, body, viewer }, {
                state,
                shapes,
                rateLimit: () => ({
                    resources: { core: rateOf('core'), graphql: rateOf('graphql'), search: rateOf('search') },
                    rate: rateOf('core'),
                }),
            }).res;
        }
        entry.status = lost ? 502 : out.status;
        if (lost)
            send(res, 502, { message: 'Server Error' }, resource);
        else
            send(res, out.status, out.body, resource, out.headers);
    }
    // ---------- helpers ----------
    const perm = (repo) => {
        const r = state.mustRepo(repo);
        return (a) => state.permission(r, a);
    };
    /** As the REST API shows it to someone without a role on the repo. */
    const pullShape = (p) => shapes.pull(p, (a) => state.permission(p.repo, a), 'none', state.openCount(p.repo), state.pullStats(p));
    const apiError = (e) => {
        if (e instanceof ApiError)
            throw new Error(`emulator: ${e.message}${e.errors ? ` ${JSON.stringify(e.errors)}` : ''}`);
        throw e;
    };
    const emulator = {
        url,
        graphqlUrl: `${url}/graphql`,
        botToken: state.bot.token ?? '',
        addUser(login, o = {}) {
            // A helper may already have created this person on first use: hand back the same account.
            const existing = state.account(login);
            if (existing && existing.type === (o.type ?? existing.type) && existing.type !== 'Organization') {
                if (o.token && o.token !== existing.token) {
                    if (existing.token)
                        state.tokens.delete(existing.token);
                    existing.token = o.token;
                    state.tokens.set(o.token, existing);
                }
                return { login: existing.login, id: existing.id, token: existing.token ?? '' };
            }
            const a = state.addAccount(login, o.type ?? 'User', o.token);
            return { login: a.login, id: a.id, token: a.token ?? '' };
        },
        addRepo(fullName, o = {}) {
            const r = state.addRepo(fullName, o.owner_type ?? 'User');
            for (const [path, content] of Object.entries(o.files ?? {}))
                r.files.set(path.replace(/^\/+/, ''), content);
            for (const [login, p] of Object.entries(o.collaborators ?? {})) {
                state.accountOrCreate(login);
                r.collaborators.set(login.toLowerCase(), p);
            }
        },
        setPermission(repo, login, p) {
            state.accountOrCreate(login);
            state.mustRepo(repo).collaborators.set(login.toLowerCase(), p);
        },
        setFile(repo, path, content, branch = DEFAULT_BRANCH) {
            const r = state.mustRepo(repo);
            const b = state.mustBranch(r, branch);
            const key = path.replace(/^\/+/, '');
            if (content === null && !b.files.has(key))
                return;
            state.writeFile(r, b, key, content, r.owner, `${content === null ? 'Delete' : 'Update'} ${key}`);
        },
        getFile(repo, path, branch = DEFAULT_BRANCH) {
            const r = state.mustRepo(repo);
            return state.mustBranch(r, branch).files.get(path.replace(/^\/+/, ''));
        },
        listBranches(repo) {
            const r = state.mustRepo(repo);
            return [...r.branches.values()].map((b) => shapes.branch(r, b));
        },
        createIssue(repo, i) {
            const r = state.mustRepo(repo);
            try {
                const issue = state.createIssue(r, state.accountOrCreate(i.user), i);
                return shapes.issue(issue, perm(repo));
            }
            catch (e) {
                return apiError(e);
            }
        },
        createComment(repo, number, c) {
            try {
                const comment = state.createComment(state.mustIssue(repo, number), state.accountOrCreate(c.user), c.body);
                return shapes.comment(comment, perm(repo));
            }
            catch (e) {
                return apiError(e);
            }
        },
        editIssue(repo, number, patch, user) {
            const issue = state.mustIssue(repo, number);
            const actor = state.accountOrCreate(user);
            try {
                if (patch.title !== undefined || patch.body !== undefined)
                    state.updateIssue(issue, actor, {
                        ...(patch.title !== undefined ? { title: patch.title } : {}),
                        ...(patch.body !== undefined ? { body: patch.body } : {}),
                    });
                if (patch.state)
                    state.setState(issue, actor, patch.state, patch.state_reason ?? undefined);
                else if (patch.state_reason && issue.state === 'closed')
                    state.setState(issue, actor, 'closed', patch.state_reason);
                if (patch.labels)
                    state.setLabels(issue, actor, patch.labels);
            }
            catch (e) {
                return apiError(e);
            }
            return shapes.issue(issue, perm(repo));
        },
        addLabelsAs(repo, number, labels, user) {
            state.addLabels(state.mustIssue(repo, number), state.accountOrCreate(user), labels);
        },
        getIssue(repo, number) {
            return shapes.issue(state.mustIssue(repo, number), perm(repo));
        },
        listComments(repo, number) {
            const p = perm(repo);
            return state.mustIssue(repo, number).comments.map((c) => shapes.comment(c, p));
        },
        listLabels(repo) {
            return [...state.mustRepo(repo).labels.values()].map((l) => shapes.label(l));
        },
        listIssues(repo) {
            const p = perm(repo);
            return state.mustRepo(repo).issues.map((i) => shapes.issue(i, p));
        },
        timeline(repo, number) {
            const issue = state.mustIssue(repo, number);
            const p = perm(repo);
            return issue.events.map((e) => shapes.timelineEvent(e, issue, p));
        },
        listPulls(repo) {
            const r = state.mustRepo(repo);
            return [...r.pulls.values()].sort((a, b) => a.number - b.number).map((p) => pullShape(p));
        },
        getPull(repo, number) {
            return pullShape(state.mustPull(repo, number));
        },
        mergePull(repo, number, user) {
            const pull = state.mustPull(repo, number);
            try {
                state.mergePull(pull, state.accountOrCreate(user));
            }
            catch (e) {
                return apiError(e);
            }
            return pullShape(pull);
        },
        clock: state.clock,
        changes: changeSeeds(state),
        requests,
        counts() {
            const byRoute = {};
            let graphql = 0;
            let writes = 0;
            for (const r of requests) {
                byRoute[r.route] = (byRoute[r.route] ?? 0) + 1;
                if (r.graphql)
                    graphql++;
                if (r.write)
                    writes++;
            }
            return { total: requests.length, rest: requests.length - graphql, graphql, writes, byRoute };
        },
        resetCounters() {
            requests.length = 0;
            for (const w of Object.values(windows))
                w.used = 0;
        },
        faults,
        beforeRequest(fn) {
            before = fn;
        },
        limits,
        limited: () => requests.filter((r) => r.creation === true && r.status === 403),
        addWorkflow(repo, file) {
            const r = state.mustRepo(repo);
            const all = state.workflows.get(r.fullName) ?? new Map();
            state.workflows.set(r.fullName, all);
            const existing = all.get(file);
            if (existing)
                return existing.id;
            const id = 160_000_000 + all.size + 1;
            all.set(file, { id, path: `.github/workflows/${file}`, state: 'active', history: [] });
            return id;
        },
        workflow(repo, file) {
            const wf = state.workflows.get(state.mustRepo(repo).fullName)?.get(file);
            if (!wf)
                throw new Error(`emulator: no workflow ${file} in ${repo}`);
            return wf;
        },
        denyActionsWrite(repo, denied = true) {
            const name = state.mustRepo(repo).fullName;
            if (denied)
                state.actionsReadOnly.add(name);
            else
                state.actionsReadOnly.delete(name);
        },
        dispatches: state.dispatches,
        addProject(owner, spec) {
            const p = state.addProject(owner, spec);
            return {
                id: p.nodeId,
                number: p.number,
                fields: Object.fromEntries(p.fields.map((f) => [
                    f.name,
                    { id: f.nodeId, options: Object.fromEntries(f.options.map((o) => [o.name, o.id])) },
                ])),
            };
        },
        projectItems(owner, number) {
            const p = state.project(owner, number);
            if (!p)
                throw new Error(`emulator: no project ${owner}#${number}`);
            return p.items.map((it) => ({
                issue: { repo: it.issue.repo.fullName, number: it.issue.number },
                fields: Object.fromEntries(p.fields.map((f) => [f.name, state.projectValueText(it, f)])),
            }));
        },
        async close() {
            for (const t of timers)
                clearTimeout(t);
            timers.clear();
            await new Promise((resolve) => {
                server.close(() => resolve());
                for (const s of sockets)
                    s.destroy();
            });
        },
    };
    return emulator;
}

;// CONCATENATED MODULE: ./src/emulator/index.ts
// The local GitHub: a stateful REST + GraphQL server for e2e tests, benchmarks and the demo.
// See server.ts for the Emulator interface and /work/shared/ARCHITECTURE.md for its purpose.



/***/ })

};
