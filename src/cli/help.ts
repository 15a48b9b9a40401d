export const MAIN_HELP = `switchyard — prove a model choice before it reaches production

Usage
  switchyard serve   [--db PATH] [--port N] [--emulator-port N]   start web mode on 127.0.0.1 and print its URL
  switchyard emulate [--port N] [--profile FILE]                  run the provider emulator alone
  switchyard workspace export DIR [--db PATH]                     write contracts, datasets, suites, routing as files
  switchyard workspace import DIR [--db PATH] [--dry-run]         bring the store in line with a workspace folder
  switchyard eval SUITE [--workspace DIR] [--models P/M,…] [--repeat N] [--junit FILE] [--json FILE]
                                                                  run an eval suite headless; exit 1 when a gate fails
  switchyard import promptfoo FILE [--db PATH]                    a promptfoo config → contract, dataset and suite
  switchyard --help | --version

Global options
  --db PATH     the SQLite store to use (default: $SWITCHYARD_DB, else ~/.switchyard/switchyard.db)
  -h, --help    help for a command: switchyard serve --help
  -v, --version print the version

Environment
  SWITCHYARD_DB      store path when --db is not given
  SWITCHYARD_HOME    data folder (default ~/.switchyard)
  OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, AZURE_OPENAI_API_KEY, MISTRAL_API_KEY, GROQ_API_KEY,
  DEEPSEEK_API_KEY, XAI_API_KEY, TOGETHER_API_KEY, FIREWORKS_API_KEY, OPENROUTER_API_KEY
                     provider keys in web mode and the CLI (never written to disk)
`

export const SERVE_HELP = `switchyard serve — the Switchyard app in your browser (web mode)

Usage
  switchyard serve [--db PATH] [--port N] [--emulator-port N]

Starts the engine with its in-process provider emulator and serves the app on http://127.0.0.1:PORT.
The printed URL carries a one-time session token; the page keeps it in a cookie. Only this machine can connect.

Options
  --db PATH            the store (default: $SWITCHYARD_DB, else ~/.switchyard/switchyard.db)
  --port N             port for the app (default 0: a free port)
  --emulator-port N    port for the Local emulator (default 0: a free port)
`

export const EMULATE_HELP = `switchyard emulate — the provider emulator on its own

Usage
  switchyard emulate [--port N] [--profile FILE]

Speaks OpenAI chat completions (/v1/chat/completions, /v1/models, Azure deployment paths), Anthropic Messages
(/v1/messages) and Gemini (/v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse), streaming
and not, with usage. Each model has a latency and a failure profile; headers override them per request
(x-emulator-failure, x-emulator-ttft-ms, x-emulator-tps, x-emulator-retry-after, x-emulator-seed).

Options
  --port N         port to listen on, 127.0.0.1 only (default 8787; 0 picks a free port)
  --profile FILE   a YAML or JSON file adding or overriding models and their latency/failure profiles
`

export const WORKSPACE_HELP = `switchyard workspace — contracts, datasets, suites and routing policies as files

Usage
  switchyard workspace export DIR [--db PATH]
  switchyard workspace import DIR [--db PATH] [--dry-run]

export writes every contract (its latest version), dataset, suite and routing policy of the store into DIR:
  switchyard-workspace.yaml   format: 1 and what is inside
  contracts/<name>.yaml       one model contract each
  datasets/<name>.yaml        a dataset header (name, description, contract, cases file and count)
  datasets/<name>.jsonl       its cases, one JSON object per line
  suites/<name>.yaml          eval suites         routing/<name>.yaml   routing policies
Files whose content did not change are left alone; our stale files are removed; nothing else in DIR is touched.

import validates every file first (YAML syntax, schemas, JSONL lines, duplicate names, references) and lists each
problem as FILE:LINE:COLUMN; any problem and nothing is written. Otherwise everything is applied in one transaction:
items are matched by name, a changed contract or dataset is saved as a new version, unchanged ones stay as they are.

Options
  --db PATH     the store (default: $SWITCHYARD_DB, else ~/.switchyard/switchyard.db)
  --dry-run     import only: show what would be created, updated or left unchanged, and write nothing

Exit codes: 0 done, 1 problems in the folder or the store, 2 a usage error.
`

export const EVAL_HELP = `switchyard eval — run an eval suite headless (for CI)

Usage
  switchyard eval SUITE [--db PATH] [--workspace DIR] [--models P/M,…] [--repeat N] [--concurrency N]
                        [--cache | --no-cache] [--junit FILE] [--json FILE]
  switchyard eval --resume RUN_ID [--db PATH]

Runs every case × prompt variant × model × repeat of the suite (by name or id), scores each answer, stores every
call and score as it completes, prints a summary table (pass rate with its 95% interval, p50/p95 latency, cost,
cost per success) and the suite's gates. Ctrl+C cancels; finished cells are kept and --resume continues the run.

Options
  --db PATH          the store (default: $SWITCHYARD_DB, else ~/.switchyard/switchyard.db)
  --workspace DIR    import a workspace folder first; without --db the run uses a fresh temporary store
  --models P/M,…     models to run instead of the suite's, e.g. local-emulator/emu-swift,openai/gpt-4.1-mini
  --repeat N         repeats per case (pass@k and pass^k need N > 1)
  --concurrency N    calls in flight per provider
  --cache            reuse outputs of identical earlier requests (errors are never reused); --no-cache forces calls
  --junit FILE       write a JUnit XML report (one test suite per model column, the gates as tests)
  --json FILE        write the results (statistics, gates, matrix) as JSON
  --resume RUN_ID    continue a cancelled or interrupted run without redoing finished calls

Keys come from the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, …); the Local emulator needs none.
Exit codes: 0 the gates hold (or none is set), 1 a gate fails or the run failed, 2 a usage error, 130 cancelled.
`

export const IMPORT_HELP = `switchyard import promptfoo — bring a promptfoo config into Switchyard

Usage
  switchyard import promptfoo FILE [--db PATH]

Reads a promptfooconfig.yaml and the files it references (prompts, tests in CSV/JSONL/JSON/YAML) and creates a
contract (one version per prompt, compared as variants), a dataset of its tests and a suite with its providers
(mapped onto configured providers of the same kind) and defaultTest assertions. Everything that could not be
carried over (providers, assertion types, options, template constructs) is listed by name; nothing is dropped
silently.

Exit codes: 0 imported, 1 the config could not be read (nothing written), 2 a usage error.
`
