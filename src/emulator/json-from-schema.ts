/**
 * Deterministic JSON values from a JSON Schema, used for structured output (OpenAI `response_format`
 * json_schema, Anthropic `output_config.format`, Gemini `responseSchema` / `responseJsonSchema`).
 *
 * Supported: `type` (also Gemini's upper-case names and type arrays such as ["string","null"]),
 * object `properties` / `required` / `additionalProperties` (every declared property is emitted, no
 * extra ones), array `items` / `prefixItems` / `minItems` / `maxItems`, string `enum` / `const` /
 * `minLength` / `maxLength` / `format` (date-time, date, time, email, uri/url, uuid), number and
 * integer `minimum` / `maximum` / `exclusiveMinimum` / `exclusiveMaximum` / integer `multipleOf`,
 * boolean, null, `anyOf` / `oneOf` (first branch), `allOf` (object branches merged), and `$ref` to
 * local `#/$defs/…` or `#/definitions/…` (any local JSON pointer works).
 *
 * Not supported (the value may not satisfy them): `pattern`, `patternProperties`, `propertyNames`,
 * `uniqueItems`, `contains`, `minProperties` / `maxProperties`, `not`, `if` / `then` / `else`,
 * `dependentRequired` / `dependentSchemas`, non-integer `multipleOf`, and remote `$ref`s.
 * Recursive schemas are cut off after a few levels (optional properties dropped, arrays at minItems).
 */
import { createRng, randomInt } from './rng'
import type { Rng } from './rng'
import { randomNoun, randomSentence, randomWords } from './text-generator'

export type JsonSchema = boolean | { [key: string]: unknown }
type SchemaObject = { [key: string]: unknown }

const MAX_DEPTH = 6

interface Ctx {
  root: JsonSchema
  rng: Rng
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function resolveRef(ctx: Ctx, ref: string): JsonSchema {
  if (!ref.startsWith('#')) throw new Error(`Unsupported $ref "${ref}": only local references (#/...) are supported`)
  let current: unknown = ctx.root
  for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    current = isObject(current) ? current[key] : Array.isArray(current) ? current[Number(key)] : undefined
  }
  if (!isObject(current) && typeof current !== 'boolean') throw new Error(`Cannot resolve $ref "${ref}"`)
  return current
}

function schemaType(schema: SchemaObject): string | undefined {
  const raw = schema['type']
  const types = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((t) => String(t).toLowerCase())
  const preferred = types.find((t) => t !== 'null') ?? types[0]
  if (preferred) return preferred
  if (isObject(schema['properties']) || schema['additionalProperties'] !== undefined) return 'object'
  if (schema['items'] !== undefined || schema['prefixItems'] !== undefined) return 'array'
  if (schema['minimum'] !== undefined || schema['maximum'] !== undefined) return 'number'
  return 'string'
}

function mergeAllOf(ctx: Ctx, schema: SchemaObject, depth: number): SchemaObject {
  const { allOf, ...rest } = schema
  const merged: SchemaObject = { ...rest }
  const properties: SchemaObject = isObject(rest['properties']) ? { ...rest['properties'] } : {}
  const required = new Set<string>(Array.isArray(rest['required']) ? rest['required'].map(String) : [])
  for (const branch of allOf as unknown[]) {
    let part: unknown = branch
    if (isObject(part) && typeof part['$ref'] === 'string') part = resolveRef(ctx, part['$ref'])
    if (!isObject(part)) continue
    if (isObject(part['allOf']) || Array.isArray(part['allOf'])) part = mergeAllOf(ctx, part, depth + 1)
    const p = part as SchemaObject
    for (const [key, value] of Object.entries(p)) {
      if (key === 'properties' && isObject(value)) Object.assign(properties, value)
      else if (key === 'required' && Array.isArray(value)) value.forEach((r) => required.add(String(r)))
      else if (!(key in merged)) merged[key] = value
    }
  }
  if (Object.keys(properties).length > 0) merged['properties'] = properties
  if (required.size > 0) merged['required'] = [...required]
  return merged
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function generateNumber(ctx: Ctx, schema: SchemaObject, integer: boolean): number {
  const exMin = num(schema['exclusiveMinimum'])
  const exMax = num(schema['exclusiveMaximum'])
  let min = num(schema['minimum']) ?? (exMin !== undefined ? exMin + (integer ? 1 : 0.01) : undefined)
  let max = num(schema['maximum']) ?? (exMax !== undefined ? exMax - (integer ? 1 : 0.01) : undefined)
  if (min === undefined && max === undefined) [min, max] = [0, 100]
  else if (min === undefined) min = Math.min(0, (max as number) - 100)
  else if (max === undefined) max = Math.max(100, min + 100)
  const lo = min as number
  const hi = Math.max(lo, max as number)
  if (integer) {
    const step = num(schema['multipleOf']) ?? 1
    const first = Math.ceil(lo / step)
    const last = Math.floor(hi / step)
    return last < first ? Math.ceil(lo) : randomInt(ctx.rng, first, last) * step
  }
  const value = Math.round((lo + ctx.rng() * (hi - lo)) * 100) / 100
  return Math.min(hi, Math.max(lo, value))
}

function formatted(ctx: Ctx, format: string): string | undefined {
  const rng = ctx.rng
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 730) * 86_400_000 + Math.floor(rng() * 86_400) * 1000)
  switch (format) {
    case 'date-time':
      return day.toISOString().replace('.000Z', 'Z')
    case 'date':
      return day.toISOString().slice(0, 10)
    case 'time':
      return day.toISOString().slice(11, 19) + 'Z'
    case 'email':
      return `${randomNoun(rng)}.${randomNoun(rng)}@example.com`
    case 'uri':
    case 'url':
    case 'uri-reference':
      return `https://example.com/${randomNoun(rng)}/${randomInt(rng, 1, 999)}`
    case 'uuid': {
      const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    }
    default:
      return undefined
  }
}

function generateString(ctx: Ctx, schema: SchemaObject, name: string | undefined): string {
  const format = typeof schema['format'] === 'string' ? formatted(ctx, schema['format']) : undefined
  let text = format ?? (name && /desc|summary|text|reason|explanation|comment|answer/i.test(name) ? randomSentence(ctx.rng) : randomWords(ctx.rng, randomInt(ctx.rng, 1, 3)))
  const minLength = num(schema['minLength']) ?? 0
  const maxLength = num(schema['maxLength'])
  while (text.length < minLength) text += ` ${randomWords(ctx.rng, 2)}`
  if (maxLength !== undefined && text.length > maxLength) text = text.slice(0, maxLength).trimEnd().padEnd(Math.min(minLength, maxLength), 'x')
  return text
}

function generate(ctx: Ctx, input: JsonSchema, depth: number, name?: string): unknown {
  if (input === true || input === false) return input ? randomWords(ctx.rng, 2) : null
  let schema: SchemaObject = input
  for (let hops = 0; typeof schema['$ref'] === 'string' && hops < 32; hops++) {
    const target = resolveRef(ctx, schema['$ref'])
    if (typeof target === 'boolean') return generate(ctx, target, depth, name)
    const { $ref: _ref, ...siblings } = schema
    schema = { ...target, ...siblings }
  }
  if ('const' in schema) return schema['const']
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) {
    return schema['enum'][Math.floor(ctx.rng() * schema['enum'].length)]
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches) && branches.length > 0) {
      const { [key]: _branches, ...rest } = schema
      const first = branches[0] as JsonSchema
      return generate(ctx, typeof first === 'boolean' ? first : { ...rest, ...first }, depth, name)
    }
  }
  if (Array.isArray(schema['allOf'])) schema = mergeAllOf(ctx, schema, depth)
  switch (schemaType(schema)) {
    case 'object':
      return generateObject(ctx, schema, depth)
    case 'array':
      return generateArray(ctx, schema, depth, name)
    case 'integer':
      return generateNumber(ctx, schema, true)
    case 'number':
      return generateNumber(ctx, schema, false)
    case 'boolean':
      return ctx.rng() < 0.5
    case 'null':
      return null
    default:
      return generateString(ctx, schema, name)
  }
}

function generateObject(ctx: Ctx, schema: SchemaObject, depth: number): Record<string, unknown> {
  const properties = isObject(schema['properties']) ? schema['properties'] : {}
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : [])
  const result: Record<string, unknown> = {}
  const ordering = Array.isArray(schema['propertyOrdering']) ? schema['propertyOrdering'].map(String) : []
  const keys = [...ordering.filter((k) => k in properties), ...Object.keys(properties).filter((k) => !ordering.includes(k))]
  for (const key of keys) {
    if (depth >= MAX_DEPTH && !required.has(key)) continue
    const sub = properties[key]
    if (isObject(sub) || typeof sub === 'boolean') result[key] = generate(ctx, sub, depth + 1, key)
  }
  for (const key of required) {
    if (!(key in result)) result[key] = randomWords(ctx.rng, 2)
  }
  return result
}

function generateArray(ctx: Ctx, schema: SchemaObject, depth: number, name: string | undefined): unknown[] {
  const minItems = num(schema['minItems']) ?? 0
  const maxItems = num(schema['maxItems']) ?? Math.max(minItems, 3)
  const count = depth >= MAX_DEPTH ? minItems : Math.min(maxItems, Math.max(minItems, randomInt(ctx.rng, 1, 3)))
  const prefix = Array.isArray(schema['prefixItems']) ? (schema['prefixItems'] as JsonSchema[]) : []
  const items = schema['items']
  const result: unknown[] = []
  for (let i = 0; i < count; i++) {
    const itemSchema = prefix[i] ?? (isObject(items) || typeof items === 'boolean' ? items : {})
    result.push(generate(ctx, itemSchema, depth + 1, name))
  }
  return result
}

/** A deterministic value for `schema` (seeded). Throws on an unresolvable `$ref`. */
export function generateFromSchema(schema: JsonSchema, seed: number): unknown {
  const ctx: Ctx = { root: schema, rng: createRng(seed) }
  return generate(ctx, schema, 0)
}

/** A small JSON object for "JSON mode" requests that give no schema. */
export function generateJsonObject(seed: number): Record<string, unknown> {
  const rng = createRng(seed)
  return {
    answer: randomSentence(rng),
    topic: randomNoun(rng),
    confidence: Math.round(rng() * 100) / 100,
    tags: [randomNoun(rng), randomNoun(rng)]
  }
}
