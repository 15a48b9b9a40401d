/** Saving text the engine produced as a file: a Blob behind an object URL, clicked through a hidden link. */
export function downloadText(fileName: string, text: string, mimeType = 'text/plain;charset=utf-8'): void {
  const blob = new Blob([text], { type: mimeType })
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // The browser has taken the blob by the time a timer runs; free it then.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A chosen file's bytes as base64, in chunks (one String.fromCharCode call overflows on large files). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
