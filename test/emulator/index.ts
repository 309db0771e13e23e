export * from '../../src/emulator/index.js' // moved to src/emulator (shipped); the lead removes this re-export after merging
