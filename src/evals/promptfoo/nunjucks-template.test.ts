import { describe, expect, it } from 'vitest'
import { convertNunjucks } from './nunjucks-template'

describe('convertNunjucks', () => {
  it('maps variables, JSON filters and simple conditionals onto our syntax', () => {
    const { template, unsupported } = convertNunjucks('Hi {{ name }}! {{ra}} {{ data | dump }} {%- if vip %}VIP {% endif %}{% if not email %}no mail{% endif %}')
    expect(template).toBe('Hi {{name}}! {{ra}} {{data | json}} {{#vip}}VIP {{/vip}}{{^email}}no mail{{/email}}')
    expect(unsupported).toEqual([])
  })

  it('drops comments and nests sections', () => {
    expect(convertNunjucks('{# note #}{% if a %}{% if b %}x{% endif %}{% endif %}').template).toBe('{{#a}}{{#b}}x{{/b}}{{/a}}')
  })

  it('names each unsupported construct once and leaves it in place', () => {
    const source = '{{ user.name }} {{ topic | upper }} {% for x in items %}{{ x }}{% endfor %} {{ user.name }}'
    const { template, unsupported } = convertNunjucks(source)
    expect(unsupported).toEqual(['{{ user.name }}', '{{ topic | upper }}', '{% for x in items %}', '{% endfor %}'])
    expect(template).toBe('{{ user.name }} {{ topic | upper }} {% for x in items %}{{x}}{% endfor %} {{ user.name }}')
  })

  it('reports an if that is never closed', () => {
    expect(convertNunjucks('{% if a %}open').unsupported).toEqual(['{% if a %} without {% endif %}'])
  })

  it('reports else branches (they do not map onto sections)', () => {
    expect(convertNunjucks('{% if a %}x{% else %}y{% endif %}').unsupported).toEqual(['{% else %}'])
  })
})
