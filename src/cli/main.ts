import { parseArgs } from 'node:util'
import { AppError } from '../core/errors'
import { emulateCommand } from './commands/emulate'
import { evalCommand } from './commands/eval'
import { importCommand } from './commands/import'
import { serveCommand } from './commands/serve'
import { workspaceCommand } from './commands/workspace'
import { UsageError } from './cli-errors'
import { processIo, type CliIo } from './cli-io'
import { MAIN_HELP } from './help'
import packageJson from '../../package.json'

const COMMANDS = ['serve', 'emulate', 'workspace', 'eval', 'import'] as const

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const { values, tokens } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: false,
      tokens: true
    })
    const commandToken = tokens.find((t) => t.kind === 'positional')
    const command = commandToken?.kind === 'positional' ? commandToken.value : undefined
    if (!command) {
      if (values.version) {
        io.out(packageJson.version)
        return 0
      }
      io.out(MAIN_HELP)
      return values.help ? 0 : 2
    }
    // Options after the command belong to it; --db may stand before or after the command.
    const rest = argv.slice(argv.indexOf(command) + 1)
    const dbIndex = rest.indexOf('--db')
    const db = dbIndex >= 0 ? rest[dbIndex + 1] : (values.db as string | undefined)
    if (dbIndex >= 0) {
      if (!db || db.startsWith('-')) throw new UsageError('--db needs a path, e.g. --db ./switchyard.db')
      rest.splice(dbIndex, 2)
    }
    switch (command) {
      case 'serve':
        return await serveCommand(rest, io, { db })
      case 'emulate':
        return await emulateCommand(rest, io)
      case 'workspace':
        return await workspaceCommand(rest, io, { db })
      case 'eval':
        return await evalCommand(rest, io, { db })
      case 'import':
        return await importCommand(rest, io, { db })
      default:
        throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}. See switchyard --help.`)
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`switchyard: ${error.message}`)
      return 2
    }
    if (error instanceof AppError) {
      io.err(`switchyard: ${error.message}`)
      return 1
    }
    io.err(`switchyard: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
