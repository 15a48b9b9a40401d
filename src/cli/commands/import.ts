import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createEngine } from '../../api/engine'
import { defaultDataDir, resolveStorePath } from '../../api/store-location'
import type { PromptfooImportResult } from '../../core/schemas/eval-api'
import { EnvSecretStore } from '../../secrets/env-secret-store'
import { UsageError } from '../cli-errors'
import type { CliIo } from '../cli-io'
import { IMPORT_HELP } from '../help'

/** `switchyard import promptfoo FILE`: a contract, a dataset and a suite; everything unsupported listed by name. */
export async function importCommand(args: string[], io: CliIo, global: { db?: string | undefined }): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  if (values.help) {
    io.out(IMPORT_HELP)
    return 0
  }
  const [kind, file, ...extra] = positionals
  if (kind !== 'promptfoo') {
    throw new UsageError(kind === undefined ? 'import needs a kind and a file, e.g. switchyard import promptfoo ./promptfooconfig.yaml' : `Unknown import "${kind}": Switchyard imports promptfoo configs (switchyard import promptfoo FILE).`)
  }
  if (!file) throw new UsageError('import promptfoo needs the path of a promptfooconfig.yaml')
  if (extra.length > 0) throw new UsageError(`import promptfoo takes one file; unexpected "${extra[0]}"`)
  const storePath = resolveStorePath({ explicit: global.db, dataDir: defaultDataDir() })
  const engine = await createEngine({ face: 'cli', storePath, secretStore: new EnvSecretStore(), startEmulator: false })
  try {
    const r = (await engine.dispatch('evals.importPromptfoo', { path: resolve(file) })) as PromptfooImportResult
    io.out(`Imported ${file} into ${engine.context.storeInfo.path}:`)
    io.out(`  contract  "${r.contract.name}" (versions ${r.contract.versions.join(', ')}: one per prompt)`)
    io.out(`  dataset   "${r.dataset.name}" v${r.dataset.version} (${r.dataset.caseCount} cases)`)
    io.out(`  suite     "${r.suite.name}" — run it with: switchyard eval "${r.suite.name}"`)
    for (const p of r.providers) io.out(`  provider  ${p.id} ${p.providerId ? p.note : `— not mapped: ${p.note}`}`)
    if (r.unsupported.length > 0) {
      io.out(`Not carried over (${r.unsupported.length}):`)
      for (const u of r.unsupported) io.out(`  ${u.where}: ${u.what}`)
    } else io.out('Everything in the config was carried over.')
    return 0
  } finally {
    await engine.close()
  }
}
