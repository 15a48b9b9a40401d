import { parseArgs } from 'node:util'
import { EMULATOR_MODELS } from '../../emulator/models'
import { loadEmulatorProfileFile } from '../../emulator/profile'
import { startEmulator } from '../../emulator/server'
import { parsePort } from '../cli-errors'
import { EMULATE_HELP } from '../help'
import { waitForShutdown, type CliIo } from '../cli-io'

export async function emulateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, profile: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true
  })
  if (values.help) {
    io.out(EMULATE_HELP)
    return 0
  }
  const models = values.profile ? loadEmulatorProfileFile(values.profile) : EMULATOR_MODELS
  const emulator = await startEmulator({ port: parsePort(values.port, '--port') ?? 8787, models })
  io.out(`Switchyard emulator listening on ${emulator.url}`)
  io.out(`  OpenAI:    ${emulator.url}/v1   (Azure: ${emulator.url}/openai/deployments/{model}/chat/completions?api-version=…)`)
  io.out(`  Anthropic: ${emulator.url}   (SDK base URL; Messages at /v1/messages)`)
  io.out(`  Gemini:    ${emulator.url}/v1beta`)
  io.out(`  Models:    ${emulator.models.map((m) => m.id).join(', ')}`)
  io.out('Press Ctrl+C to stop.')
  await waitForShutdown()
  await emulator.close()
  return 0
}
