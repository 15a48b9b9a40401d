import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import { layeringRule } from './layering.js'

const root = process.cwd()
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } })

describe('switchyard/layering', () => {
  it('keeps core pure, the renderer off Node and the engine off Electron', () => {
    tester.run('layering', layeringRule as never, {
      valid: [
        { filename: `${root}/src/core/a.ts`, code: "import { z } from 'zod'; import { b } from './b'" },
        { filename: `${root}/src/core/a.test.ts`, code: "import { it } from 'vitest'" },
        { filename: `${root}/src/core/schemas/a.ts`, code: "import { e } from '../errors'" },
        { filename: `${root}/renderer/App.tsx`, code: "import { apiContract } from '../src/core/api-contract'; import React from 'react'" },
        { filename: `${root}/src/api/x.ts`, code: "import { readFileSync } from 'node:fs'; import Database from 'better-sqlite3'" },
        { filename: `${root}/main/index.ts`, code: "import { app } from 'electron'; import { createEngine } from '../src/api/engine'" }
      ],
      invalid: [
        { filename: `${root}/src/core/a.ts`, code: "import { readFileSync } from 'node:fs'", errors: 1 },
        { filename: `${root}/src/core/a.ts`, code: "import { x } from '../api/engine'", errors: 1 },
        { filename: `${root}/src/core/a.ts`, code: "import Database from 'better-sqlite3'", errors: 1 },
        { filename: `${root}/src/core/a.ts`, code: "import { it } from 'vitest'", errors: 1 },
        { filename: `${root}/renderer/App.tsx`, code: "import { ipcRenderer } from 'electron'", errors: 1 },
        { filename: `${root}/renderer/App.tsx`, code: "import fs from 'fs'", errors: 1 },
        { filename: `${root}/renderer/App.tsx`, code: "import { createEngine } from '../src/api/engine'", errors: 1 },
        { filename: `${root}/renderer/App.tsx`, code: "const m = import('../main/preload')", errors: 1 },
        { filename: `${root}/src/api/x.ts`, code: "import { app } from 'electron'", errors: 1 },
        { filename: `${root}/src/api/x.ts`, code: "import { w } from '../../main/window-options'", errors: 1 }
      ]
    })
  })
})
