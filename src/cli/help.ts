export const MAIN_HELP = `switchyard — prove a model choice before it reaches production

Usage
  switchyard serve   [--db PATH] [--port N] [--emulator-port N]   start web mode on 127.0.0.1 and print its URL
  switchyard emulate [--port N] [--profile FILE]                  run the provider emulator alone
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
