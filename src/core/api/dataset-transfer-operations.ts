import { z } from 'zod'
import { call, Id } from './define'

/**
 * Dataset import preview and column mapping, CSV / JSONL export, feedback on calls and cases from feedback (issue 4).
 * Spread into the API contract. The schemas live here too so the renderer can share them.
 */

/**
 * Largest file an import (or preview) accepts. A file travels base64-encoded (4/3 of its size) inside a JSON body,
 * and web mode caps request bodies at 64 MB, so 40 MB leaves room for the rest of the request.
 */
export const MAX_IMPORT_FILE_BYTES = 40 * 1024 * 1024

export const ImportFormat = z.enum(['csv', 'jsonl', 'json'])
export type ImportFormat = z.infer<typeof ImportFormat>

/**
 * What a column of an imported file becomes in each case:
 * - `var`: a template variable, named `name` (default: the column name);
 * - `expected`: the expected output (an empty cell = none);
 * - `assertion`: promptfoo's `__expected` shorthand (`contains:x`, `similar(0.8):x`, `grade:…`, `not-…`); a bare value
 *   is an `equals` assertion and also the expected output when no column is mapped to `expected`;
 * - `assertions-json`: a JSON array of assertion objects (Switchyard's `__assertions` column, promptfoo's `assert`);
 * - `tags`: tags separated by commas or semicolons, or a JSON array of strings;
 * - `notes` / `description`: the case's notes (both are kept, description first);
 * - `metadata`: a tag `key:value` for a non-empty cell (key = `name`, default: the column name without `__metadata:`);
 * - `ignore`: dropped. Columns missing from a mapping are ignored too.
 */
export const ColumnRole = z.enum(['var', 'expected', 'assertion', 'assertions-json', 'tags', 'notes', 'description', 'metadata', 'ignore'])
export type ColumnRole = z.infer<typeof ColumnRole>

export const ColumnMapping = z
  .object({
    column: z.string().max(500),
    role: ColumnRole,
    /** Variable name (`var`) or metadata key (`metadata`); the column name when left out. */
    name: z.string().max(200).optional()
  })
  .strict()
export type ColumnMapping = z.infer<typeof ColumnMapping>

export const ImportMapping = z.array(ColumnMapping).max(2000, 'at most 2,000 columns')
export type ImportMapping = z.infer<typeof ImportMapping>

export const ImportIssue = z.object({
  line: z.number().int(),
  column: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string()
})
export type ImportIssue = z.infer<typeof ImportIssue>

export const PreviewColumn = z.object({
  name: z.string(),
  /** Up to three non-empty values, as text, cut to 120 characters. */
  samples: z.array(z.string()),
  /** Rows with a non-empty value in this column. */
  filled: z.number().int().nonnegative(),
  suggested: ColumnMapping,
  /** Why the suggestion is what it is, or what to watch for (e.g. a name a template cannot use). */
  note: z.string().nullable()
})
export type PreviewColumn = z.infer<typeof PreviewColumn>

export const ImportPreview = z.object({
  fileName: z.string(),
  format: ImportFormat,
  /** `table`: CSV; `records`: JSON objects whose keys are the columns; `tests`: promptfoo tests (`vars` + fields). */
  shape: z.enum(['table', 'records', 'tests']),
  sizeBytes: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(PreviewColumn),
  /** Problems in the file itself (first 100, with the total); an import would refuse the file until they are fixed. */
  problems: z.object({ total: z.number().int().nonnegative(), issues: z.array(ImportIssue) })
})
export type ImportPreview = z.infer<typeof ImportPreview>

/** A file sent to the engine (base64, so encoding problems can be reported exactly). */
export const ImportFileFields = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(70_000_000, 'the file is too large to send (40 MB at most)'),
  format: ImportFormat.optional()
}

export const ExportFormat = z.enum(['csv', 'jsonl'])
export type ExportFormat = z.infer<typeof ExportFormat>

export const Rating = z.union([z.literal(-1), z.literal(0), z.literal(1)])
export type Rating = z.infer<typeof Rating>

export const Feedback = z.object({
  id: z.string(),
  callId: z.string(),
  rating: Rating.nullable(),
  note: z.string(),
  createdAt: z.string()
})
export type Feedback = z.infer<typeof Feedback>

/** A call with feedback, as "Cases from feedback" lists it. */
export const FeedbackItem = z.object({
  callId: z.string(),
  runId: z.string(),
  runTitle: z.string(),
  runKind: z.string(),
  providerId: z.string(),
  modelId: z.string(),
  status: z.enum(['ok', 'error', 'cancelled']),
  startedAt: z.string(),
  /** The first 500 characters of the output (null when the call produced none). */
  output: z.string().nullable(),
  outputLength: z.number().int().nonnegative(),
  /** The variables the call was made with (its dataset case's, or the playground run's). */
  vars: z.record(z.string(), z.unknown()),
  rating: Rating.nullable(),
  note: z.string(),
  feedbackAt: z.string(),
  /** Datasets (by name) whose cases came from this call; empty when it has not been turned into a case yet. */
  inDatasets: z.array(z.string())
})
export type FeedbackItem = z.infer<typeof FeedbackItem>

export const FeedbackFilter = z
  .object({
    rating: z.enum(['any', 'down', 'up']).default('any'),
    withNote: z.boolean().default(false),
    notYetCase: z.boolean().default(false),
    limit: z.number().int().positive().max(500).default(100),
    offset: z.number().int().nonnegative().default(0)
  })
  .strict()
export type FeedbackFilter = z.input<typeof FeedbackFilter>

const Target = {
  datasetId: Id.optional(),
  newDatasetName: z.string().trim().min(1).max(200).optional()
}
const oneTarget = { message: 'give either datasetId or newDatasetName', path: ['datasetId'] }

export const datasetTransferOperations = {
  'datasets.previewImport': call(
    'Read a CSV, JSONL or JSON file without importing it: format, row count, columns with sample values and a suggested role each, and any problems in the file (by line and column).',
    z.object(ImportFileFields).strict(),
    ImportPreview
  ),
  'datasets.export': call(
    'A dataset version (latest when none is named) as a promptfoo-compatible CSV or as JSONL (one case per line), as text to save.',
    z.object({ datasetId: Id, version: z.number().int().positive().optional(), format: ExportFormat }).strict(),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      content: z.string(),
      version: z.number().int().nonnegative(),
      caseCount: z.number().int().nonnegative()
    })
  ),
  'feedback.set': call(
    "Set a call's feedback (thumbs up 1, down -1, neutral 0 or none, and a note), replacing what it had; no rating and an empty note clears it.",
    z.object({ callId: Id, rating: Rating.nullable(), note: z.string().max(10_000, 'at most 10,000 characters').default('') }).strict(),
    z.object({ feedback: Feedback.nullable() })
  ),
  'feedback.forCalls': call(
    'The current feedback of these calls (calls without feedback are left out).',
    z.object({ callIds: z.array(Id).max(1000, 'at most 1,000 calls at once') }).strict(),
    z.array(Feedback)
  ),
  'feedback.list': call(
    'Calls with feedback, newest feedback first: filter by thumbs down / up, with a note, not yet turned into a case.',
    FeedbackFilter,
    z.object({ total: z.number().int().nonnegative(), items: z.array(FeedbackItem) })
  ),
  'feedback.toCases': call(
    "Turn calls into cases of a new or existing dataset (one new version for the batch): the call's variables, and its output as the expected output (thumbs up) or as a reference in the notes with the feedback note (otherwise). Calls already in the dataset's latest version are skipped.",
    z
      .object({ callIds: z.array(Id).min(1, 'select at least one call').max(1000, 'at most 1,000 calls at once'), ...Target })
      .strict()
      .refine((r) => Boolean(r.datasetId) !== Boolean(r.newDatasetName), oneTarget),
    z.object({ datasetId: z.string(), version: z.number().int().positive(), added: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() })
  )
} as const
