// `npm run check:budgets`: the deterministic part of the bench for CI — build, size the bundles, check the mock-off build;
// exits non-zero when a bundle budget is exceeded. BENCH_SKIP_BUILD=1 reuses the dist-bench* folders of a previous run.
import { analyseBuild } from './lib/bundle.ts'
import { bundleRows, formatTable } from './lib/budgets.ts'
import { outDirOf, runBuilds } from './lib/builds.ts'
import { checkMockFree } from './lib/mock-free.ts'

if (process.env.BENCH_SKIP_BUILD !== '1') runBuilds()

const app = analyseBuild(outDirOf('app'))
const reference = analyseBuild(outDirOf('reference'))
const mockFree = checkMockFree(outDirOf('noMock'), outDirOf('app'))
const rows = bundleRows(app, reference, mockFree)

console.log(formatTable('\nBundle budgets (minified JS, each file compressed on its own: brotli -11, gzip -9)', rows))
if (mockFree.ineffectiveMarkers.length > 0) {
  console.log(`\nnote: mock markers not found in the mock build (update bench/lib/mock-free.ts): ${mockFree.ineffectiveMarkers.join(', ')}`)
}

const failed = rows.filter((row) => row.pass === false)
if (failed.length > 0) {
  console.error(`\ncheck:budgets: ${failed.length} budget(s) exceeded: ${failed.map((row) => row.what).join('; ')}`)
  process.exit(1)
}
console.log('\ncheck:budgets: all bundle budgets met')
