/**
 * Removes anything that looks like a credential from text that may be shown, stored or logged:
 * bearer tokens, `sk-…` style keys, `x-api-key` / `api-key` header values and `?key=` query parameters.
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text
  for (const secret of knownSecrets) {
    if (secret.length >= 8) out = out.split(secret).join(`…${secret.slice(-4)}`)
  }
  return out
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]')
    .replace(/\b(sk|rk|pk|gsk|xai|key)-[A-Za-z0-9_-]{8,}/g, (m) => `${m.slice(0, 3)}…${m.slice(-4)}`)
    .replace(/((?:x-api-key|api-key|x-goog-api-key)["']?\s*[:=]\s*["']?)[^\s"',}]{6,}/gi, '$1[redacted]')
    .replace(/([?&]key=)[^&\s"']+/gi, '$1[redacted]')
}
