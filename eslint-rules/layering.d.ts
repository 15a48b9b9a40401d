import type { Rule } from 'eslint'

export declare const layeringRule: Rule.RuleModule
declare const plugin: { rules: { layering: Rule.RuleModule } }
export default plugin
