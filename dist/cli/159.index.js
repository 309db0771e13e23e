export const id = 159;
export const ids = [159];
export const modules = {

/***/ 9159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   emulatorCommand: () => (/* binding */ emulatorCommand)
/* harmony export */ });
/* unused harmony export EMULATOR_HELP */
/* harmony import */ var _emulator_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7716);
/* harmony import */ var _demo_seed_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1454);
/* harmony import */ var _demo_world_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5579);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* `incidentops emulator`: the local GitHub (REST + GraphQL) the demo and the tests use, as a server a person can drive. */




const EMULATOR_HELP = `incidentops emulator [--port N] [--seed demo]

Starts a local GitHub emulator (REST at URL, GraphQL at URL/graphql) and prints its URL and the
tokens to use; it stays up until Ctrl-C (SIGINT) or SIGTERM. State lives in memory only.
  --port   the port on 127.0.0.1 (default: a free port, printed)
  --seed   demo: the demo's repository acme/shop (its .github/incidents.yml, the people alice,
           bob and carol, the Projects board "Incidents") and 12 weeks of past incidents
Then, e.g.: GITHUB_TOKEN=<token> incidentops report --repo acme/shop --api-url <URL>
Exit 0 when stopped, 1 when it cannot start (e.g. the port is taken), 2 usage error.`;
const SPEC = {
    options: { port: { type: 'string' }, seed: { type: 'string' } },
    maxPositionals: 0,
};
const SEEDS = ['demo'];
function processStop() {
    const ctl = new AbortController();
    const stop = () => ctl.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return ctl.signal;
}
/** Runs the command; resolves with the exit code once stopped. */
async function emulatorCommand(args, out, err, stop) {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommand */ .R)(args, SPEC);
    if (parsed.kind === 'help') {
        out(EMULATOR_HELP);
        return 0;
    }
    if (parsed.kind === 'usage')
        return usage(err, parsed.message);
    const { port: portText, seed } = parsed.values;
    let port = 0;
    if (portText !== undefined) {
        if (!/^\d+$/.test(portText) || Number(portText) > 65535)
            return usage(err, `--port must be a port number (0-65535); it is "${portText}".`);
        port = Number(portText);
    }
    if (seed !== undefined && !SEEDS.includes(seed))
        return usage(err, `--seed must be demo (the one seed there is); it is "${seed}".`);
    let emu;
    try {
        emu = await (0,_emulator_index_js__WEBPACK_IMPORTED_MODULE_0__/* .startEmulator */ .s)({ port });
    }
    catch (error) {
        const code = error.code;
        err(code === 'EADDRINUSE'
            ? `Port ${port} is already in use: pass another --port, or omit it for a free one.`
            : `The emulator did not start: ${String(error)}`);
        return 1;
    }
    const signal = stop ?? processStop();
    try {
        out(`IncidentOps GitHub emulator at ${emu.url} (GraphQL: ${emu.graphqlUrl})`);
        out(`Token: ${emu.botToken}  (github-actions[bot], what the action gets as GITHUB_TOKEN)`);
        if (seed === 'demo') {
            const world = (0,_demo_world_js__WEBPACK_IMPORTED_MODULE_2__/* .seedDemoWorld */ .NE)(emu);
            const seeded = (0,_demo_seed_js__WEBPACK_IMPORTED_MODULE_1__/* .seedHistory */ .Ej)(emu, _demo_world_js__WEBPACK_IMPORTED_MODULE_2__/* .DEMO_REPO */ .lT, {
                now: emu.clock.now().toISOString(),
                count: 60,
                weeks: 12,
                seed: 42,
                chatter: 1,
                forged: 0,
                old: 0.02,
            });
            emu.clock.resume();
            out(`Seeded ${_demo_world_js__WEBPACK_IMPORTED_MODULE_2__/* .DEMO_REPO */ .lT}: .github/incidents.yml, the board "Incidents" (project 1), ${seeded.length} past incidents (#${seeded[0].number}–#${seeded.at(-1).number}).`);
            for (const [login, token] of Object.entries(world.tokens))
                out(`Token for ${login}: ${token}`);
            out(`Token for the board (project-token): ${world.projectToken}`);
            out('');
            out('Try:');
            out(`  curl -s -H "Authorization: Bearer ${emu.botToken}" ${emu.url}/repos/${_demo_world_js__WEBPACK_IMPORTED_MODULE_2__/* .DEMO_REPO */ .lT}/issues?state=all`);
            out(`  GITHUB_TOKEN=${emu.botToken} incidentops report --repo ${_demo_world_js__WEBPACK_IMPORTED_MODULE_2__/* .DEMO_REPO */ .lT} --api-url ${emu.url}`);
        }
        else {
            out('No repository yet: start it with --seed demo for the demo repository acme/shop and its history.');
        }
        out('Stop with Ctrl-C.');
        if (!signal.aborted)
            await new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        out('Emulator stopped.');
        return 0;
    }
    finally {
        await emu.close();
    }
}
function usage(err, message) {
    err(`${message}\n\n${EMULATOR_HELP}`);
    return 2;
}


/***/ })

};
