/** The write methods of the ports (see eslint.config.js): only src/apply.ts may call them. */
export declare const WRITE_METHODS: string[]
declare const config: unknown
export default config
