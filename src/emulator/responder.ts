/**
 * The provider-neutral generation engine: reads and parses the body with the wire format's parser,
 * resolves the model, applies header overrides, picks the failure, generates the text or JSON, samples
 * the timing and plays the response out on schedule.
 */
import { generateFromSchema, generateJsonObject } from './json-from-schema'
import { authorize, baseHeaders, readBody, sendWireError } from './exchange'
import type { Exchange } from './exchange'
import { pickFailure } from './failures'
import type { FailurePlan } from './failures'
import { parseOverrides } from './overrides'
import { createRng, hashString, mixSeeds, toSeed } from './rng'
import { buildSchedule } from './schedule'
import type { Schedule } from './schedule'
import { generateText, limitPieces, splitIntoPieces } from './text-generator'
import type { GeneratedText } from './text-generator'
import { playTimeline } from './timeline'
import type { TimedChunk } from './timeline'
import { buildUsage, countPromptTokens } from './usage'
import type { TokenUsage } from './usage'
import type { GenerationRequest, ParseResult, ResponseEncoder, WireFormat } from './wire'

/** Full handling of a generation endpoint: auth, body, parse, then `runGeneration`. */
export function handleGenerationRoute(ex: Exchange, wire: WireFormat, parse: (body: unknown) => ParseResult): void {
  if (!authorize(ex, wire)) return
  readBody(ex.req)
    .then(
      (text) => {
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch (error) {
          badRequest(ex, wire, `Could not parse the JSON body of your request: ${(error as Error).message}`, null)
          return
        }
        const parsed = parse(body)
        if (!parsed.ok) badRequest(ex, wire, parsed.message, parsed.param)
        else runGeneration(ex, wire, parsed.request)
      },
      (error: unknown) => badRequest(ex, wire, (error as Error).message, null)
    )
    .catch((error: unknown) => {
      // A bug in the emulator must not become an unhandled rejection: answer 500 or drop the connection.
      if (ex.res.headersSent) ex.res.destroy()
      else sendWireError(ex, wire, wire.error('server_error', `Emulator internal error: ${(error as Error).message}`))
    })
}

function badRequest(ex: Exchange, wire: WireFormat, message: string, param: string | null): void {
  ex.state.stats.record(ex.modelId, 'bad_request')
  sendWireError(ex, wire, wire.error('invalid_request', message, { param, requestId: ex.requestId }))
}

/** Seed for the text when neither the request nor a header gives one: a hash of model + messages. */
export function promptSeed(modelId: string, request: GenerationRequest): number {
  let hash = hashString(modelId)
  for (const message of request.messages) {
    hash = hashString(message.role, hash ^ 0x01)
    hash = hashString(message.text, hash ^ 0x02)
  }
  return hash
}

function generateOutput(request: GenerationRequest, seed: number, maxTokens: number, replyTokens: number | undefined): GeneratedText {
  if (request.output.kind === 'text') return generateText(seed, maxTokens, replyTokens)
  const value = request.output.schema === null ? generateJsonObject(seed) : generateFromSchema(request.output.schema, seed)
  return limitPieces(splitIntoPieces(JSON.stringify(value)), maxTokens)
}

export function runGeneration(ex: Exchange, wire: WireFormat, request: GenerationRequest): void {
  const { state, requestId } = ex
  const model = state.models.get(request.modelId)
  if (!model) {
    state.stats.record(null, 'model_not_found')
    const message = `The model \`${request.modelId}\` does not exist or you do not have access to it.`
    sendWireError(ex, wire, wire.error('model_not_found', message, { param: 'model', requestId }))
    return
  }
  ex.modelId = model.id
  const parsedOverrides = parseOverrides(ex.req.headers)
  if (!parsedOverrides.ok) return badRequest(ex, wire, parsedOverrides.message, parsedOverrides.header)
  const overrides = parsedOverrides.overrides
  if (request.maxTokens !== null && request.maxTokens > model.maxOutputTokens) {
    const message = `${request.maxTokensParam}: ${request.maxTokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.id}.`
    return badRequest(ex, wire, message, request.maxTokensParam)
  }

  const seed = toSeed(overrides.seed ?? request.seed ?? promptSeed(model.id, request))
  const runRng = createRng(mixSeeds(seed, ex.counter))
  const failure = pickFailure(model.failure, runRng, overrides)

  switch (failure.kind) {
    case 'rate_limit': {
      const seconds = failure.retryAfterSeconds
      state.stats.record(model.id, 'rate_limit')
      const message = `Rate limit reached for ${model.id} (emulated). Please try again in ${seconds}s.`
      const error = wire.error('rate_limit', message, { retryAfterSeconds: seconds, requestId })
      error.headers['retry-after'] = String(Math.ceil(seconds))
      error.headers['retry-after-ms'] = String(Math.round(seconds * 1000))
      return sendWireError(ex, wire, error)
    }
    case 'server_error':
    case 'unavailable':
    case 'unauthorized':
      state.stats.record(model.id, failure.kind)
      return sendWireError(ex, wire, wire.error(failure.kind, `Emulated ${failure.kind} for ${model.id}.`, { requestId }))
    default:
      break
  }

  let generated: GeneratedText
  try {
    generated = generateOutput(request, seed, request.maxTokens ?? model.maxOutputTokens, overrides.replyTokens)
  } catch (error) {
    return badRequest(ex, wire, `Invalid JSON schema: ${(error as Error).message}`, null)
  }
  const schedule = buildSchedule(model.latency, generated.pieces.length, runRng, overrides)
  const promptTokens = countPromptTokens(request.messages)
  const encoder = wire.encoder({ request, requestId, promptTokens, created: Math.floor(Date.now() / 1000) })
  state.stats.record(model.id, failure.kind === 'none' ? 'ok' : failure.kind)
  if (failure.kind === 'hang_headers') return // never answer; the socket is freed on client abort or close()

  const contentType = request.stream ? wire.streamContentType : 'application/json'
  const headers = baseHeaders(ex, contentType, schedule.ttftMs)
  if (request.stream) {
    headers['cache-control'] = 'no-cache'
  }
  if (wire.responseHeaders) Object.assign(headers, wire.responseHeaders(requestId))
  const usage = buildUsage(promptTokens, generated.pieces.length)

  if (request.stream) {
    if (failure.kind === 'none' && schedule.endMs <= 0) {
      // Hot path: everything is due now, so build one string and send it with a single end().
      let body = encoder.prelude()
      for (const piece of generated.pieces) body += encoder.piece(piece)
      body += encoder.end(generated.finish, usage)
      headers['content-length'] = String(Buffer.byteLength(body))
      ex.res.writeHead(200, headers)
      ex.res.end(body)
      return
    }
    streamTimeline(ex, headers, encoder, generated, schedule, failure, usage)
    return
  }
  const body = encoder.full(generated.pieces.join(''), generated.finish, usage)
  const half = body.slice(0, Math.floor(body.length / 2))
  switch (failure.kind) {
    case 'hang_stream':
      return playTimeline(ex, 200, headers, [{ at: schedule.ttftMs, data: half }], 'stall')
    case 'stream_cut':
      return playTimeline(ex, 200, headers, [{ at: schedule.ttftMs, data: half }], 'cut')
    case 'malformed_chunk':
      return playTimeline(ex, 200, headers, [{ at: schedule.endMs, data: half }], 'end')
    default:
      return playTimeline(ex, 200, headers, [{ at: schedule.endMs, data: body }], 'end')
  }
}

function streamTimeline(
  ex: Exchange,
  headers: Record<string, string>,
  encoder: ResponseEncoder,
  generated: GeneratedText,
  schedule: Schedule,
  failure: FailurePlan,
  usage: TokenUsage
): void {
  const pieces = generated.pieces
  const times = schedule.pieceTimesMs
  const faulty = failure.kind === 'hang_stream' || failure.kind === 'stream_cut' || failure.kind === 'malformed_chunk'
  const faultAt = faulty ? Math.min(failure.afterTokens, pieces.length) : -1
  const chunks: TimedChunk[] = []
  // The prelude (possibly empty) is due at the TTFT, so headers never go out before it.
  chunks.push({ at: schedule.ttftMs, data: encoder.prelude() })
  for (let i = 0; i <= pieces.length; i++) {
    const at = i < pieces.length ? (times[i] as number) : schedule.endMs
    if (i === faultAt) {
      if (failure.kind === 'malformed_chunk') chunks.push({ at, data: encoder.malformed() })
      else return playTimeline(ex, 200, headers, chunks, failure.kind === 'stream_cut' ? 'cut' : 'stall')
    }
    if (i < pieces.length) chunks.push({ at, data: encoder.piece(pieces[i] as string) })
  }
  chunks.push({ at: schedule.endMs, data: encoder.end(generated.finish, usage) })
  playTimeline(ex, 200, headers, chunks, 'end')
}
