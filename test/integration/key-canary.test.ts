import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderWithStatus } from '../../src/core/schemas/provider'
import type { ColumnMetrics } from '../../src/core/schemas/playground'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'
import { startJob } from '../support/job-events'

let fixture: EngineFixture
beforeAll(async () => {
  fixture = await startEngineFixture()
})
afterAll(async () => fixture.close())

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

function countIn(dir: string, needles: string[]): number {
  let hits = 0
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file)
    for (const needle of needles) if (bytes.includes(Buffer.from(needle))) hits += 1
  }
  return hits
}

describe('a provider key never reaches the store', () => {
  it('runs OpenAI- and Anthropic-kind providers (and a 401) with a canary key, then finds no trace of it on disk', async () => {
    const canary = `sk-CANARY-${randomUUID()}`
    const url = fixture.engine.context.emulator!.url!.replace(/\/$/, '')
    const dispatch = (op: string, request: unknown) => fixture.engine.dispatch(op, request)
    const openai = (await dispatch('providers.create', { kind: 'openai', name: 'OpenAI via emulator', baseUrl: `${url}/v1` })) as ProviderWithStatus
    const anthropic = (await dispatch('providers.create', { kind: 'anthropic', name: 'Anthropic via emulator', baseUrl: `${url}/v1` })) as ProviderWithStatus
    for (const p of [openai, anthropic]) {
      await dispatch('secrets.set', { providerId: p.id, key: canary })
      await dispatch('models.add', { providerId: p.id, modelId: 'emu-swift' })
      await dispatch('models.add', { providerId: p.id, modelId: 'emu-unauthorized' })
    }
    const job = await startJob(fixture.engine, 'playground.run', {
      title: 'Canary run',
      messages: [{ role: 'user', content: 'Say hi' }],
      params: { maxTokens: 20 },
      models: [openai, anthropic].flatMap((p) => [
        { providerId: p.id, modelId: 'emu-swift' },
        { providerId: p.id, modelId: 'emu-unauthorized' }
      ])
    })
    expect((await job.settled()).status).toBe('completed')
    const finished = job.events.filter((e) => e.type === 'column-finished')
    const status = Object.fromEntries(finished.map((e) => [e.columnId as string, (e.metrics as ColumnMetrics).errorClass ?? 'ok']))
    expect(status).toEqual({ 'm0.r0': 'ok', 'm1.r0': 'auth', 'm2.r0': 'ok', 'm3.r0': 'auth' })
    expect(JSON.stringify(job.events)).not.toContain(canary)
    const test = await dispatch('providers.test', { id: openai.id, modelId: 'emu-unauthorized' })
    expect(JSON.stringify(test)).not.toContain(canary)

    fixture.engine.context.store!.db.pragma('wal_checkpoint(PASSIVE)')
    const needles = [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('base64url')]
    expect(filesUnder(fixture.dir).some((f) => f.endsWith('-wal'))).toBe(true)
    expect(countIn(fixture.dir, needles)).toBe(0)
    expect(countIn(fixture.dir, ['Canary run'])).toBeGreaterThan(0) // the scan does see what the store holds
    await fixture.close()
    expect(countIn(fixture.dir, needles)).toBe(0)
  }, 30_000)
})
