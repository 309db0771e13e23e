/**
 * A full garbage collection, asked of V8 at a phase boundary of a run that holds a large history
 * (the report over tens of thousands of incidents): the pages read are garbage by then, and
 * collecting them before the next phase allocates keeps the peak RSS near the live data instead of
 * letting V8 grow the heap into the garbage (at 50,000 incidents: live data ~65 MB, heap ~125 MB
 * without it). The runner starts `node` without `--expose-gc`, so the function is obtained the way
 * jest-leak-detector does: the flag is set at run time and `gc` read from a fresh context. Where
 * that does not work (another runtime), nothing happens.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | null | undefined

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const fn: unknown = runInNewContext('gc')
      gc = typeof fn === 'function' ? (fn as () => void) : null
    } catch {
      gc = null
    }
  }
  gc?.()
}
