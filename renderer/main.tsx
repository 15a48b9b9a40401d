import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyTheme, cachedThemeChoice } from './lib/theme'
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/panels.css'
import './styles/sections.css'
import './styles/overlays.css'
import './styles/fullpage.css'
import './styles/playground.css'

applyTheme(cachedThemeChoice())

const root = document.getElementById('root')
if (!root) throw new Error('Switchyard: #root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
