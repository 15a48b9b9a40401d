/**
 * Names that look like credentials (option keys, header names). Keys go through the secret store, never into
 * provider options, extra headers or exports. `token` counts only as a whole word at the end of a segment
 * (X-Auth-Token, accessToken), so `x-emulator-reply-tokens` or `maxTokens` are not credentials.
 */
const SECRET_NAME = /(api[-_]?key|secret|password|passwd|authorization|bearer|credential|cookie)|token($|[-_.])/i

export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || /^x-.*key$/i.test(name)
}

/** Dotted path of the first credential-looking key anywhere in `value` (objects and arrays), or null. */
export function findSecretPath(value: unknown, at: string): string | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findSecretPath(item, `${at}.${i}`)
      if (found) return found
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (looksLikeSecretName(key)) return `${at}.${key}`
      const found = findSecretPath(item, `${at}.${key}`)
      if (found) return found
    }
  }
  return null
}
