/**
 * Spreadsheet clipboard text: what Excel, Google Sheets, LibreOffice and Numbers put on the clipboard (tab
 * separated, a cell holding a tab, newline or quote wrapped in quotes with quotes doubled), or CSV.
 */

/** Splits delimited text into rows of cells; quoted cells may hold the delimiter, newlines and "" for a quote. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let quotedCell = false
  const endCell = (): void => {
    row.push(cell)
    cell = ''
    quotedCell = false
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"' && cell === '' && !quotedCell) {
      // A quoted cell: read to the closing quote.
      quotedCell = true
      i++
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        cell += text[i++]
      }
      continue
    }
    if (ch === delimiter) {
      endCell()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endCell()
      rows.push(row)
      row = []
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || quotedCell || row.length > 0) {
    endCell()
    rows.push(row)
  }
  return rows
}

/**
 * Clipboard text as a block of cells. Tabs mean spreadsheet cells; without tabs, text the clipboard labels as CSV
 * (or lines that all split into the same number of CSV cells) is CSV; anything else is one column of lines.
 */
export function parseClipboardBlock(text: string, csvHint = false): string[][] {
  if (text === '') return []
  if (text.includes('\t')) return parseDelimited(text, '\t')
  const body = text.replace(/\r?\n$/, '')
  if (csvHint) return parseDelimited(body, ',')
  if (!/[\r\n]/.test(body)) return [[body]]
  if (body.includes(',')) {
    const csv = parseDelimited(body, ',')
    if (csv[0]!.length > 1 && csv.every((r) => r.length === csv[0]!.length)) return csv
  }
  return body.split(/\r?\n/).map((line) => [line])
}

function quote(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** Rows of cells as tab-separated text that spreadsheets paste back as the same cells. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\n')
}
