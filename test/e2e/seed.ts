export * from '../../src/demo/seed.js' // moved to src/demo (the demo and `incidentops emulator --seed demo` use it); kept for other branches
