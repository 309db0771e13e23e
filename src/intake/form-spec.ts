/**
 * The incident issue form as data. The parser finds answers by the headings GitHub renders from
 * the form's labels, so it needs the labels without reading YAML at run time (the action is one
 * bundled file and the form lives in the user's repository, possibly edited). This list mirrors
 * `.github/ISSUE_TEMPLATE/incident.yml` exactly; test/unit/issue-form.test.ts loads the YAML and
 * fails if ids, labels, types, options, `required` or order drift apart.
 */

export type FormFieldType = 'input' | 'textarea' | 'dropdown' | 'checkboxes'

export interface FormFieldSpec {
  id: string
  /** The heading GitHub renders for the field (`### <label>`). */
  label: string
  type: FormFieldType
  /** Dropdown choices, or checkbox labels, in form order. */
  options?: readonly string[]
  required?: boolean
  /**
   * A textarea's `render` language: GitHub wraps the answer in a ``` fence tagged with it, and the
   * parser unwraps it again. The incident form has none (it would turn off attachments and
   * Markdown in the box), but a team's own form may.
   */
  render?: string
}

export const INCIDENT_FORM: readonly FormFieldSpec[] = Object.freeze([
  { id: 'summary', label: 'What is broken?', type: 'textarea', required: true },
  { id: 'started_at', label: 'When did it start?', type: 'input', required: false },
  {
    id: 'impact',
    label: 'Customer impact',
    type: 'dropdown',
    options: ['Full outage', 'Major degradation', 'Minor degradation', 'No customer impact'],
    required: true,
  },
  {
    id: 'users_affected',
    label: 'Share of users affected',
    type: 'dropdown',
    options: [
      'All users (100%)',
      'Most users (50–99%)',
      'Many users (10–49%)',
      'Some users (1–9%)',
      'Very few users (under 1%)',
      'Unknown',
    ],
    required: false,
  },
  { id: 'services', label: 'Affected services', type: 'input', required: false },
  {
    id: 'exposure',
    label: 'Data loss or security exposure',
    type: 'checkboxes',
    options: [
      'Data may have been lost or corrupted',
      'Data or systems may have been exposed to people who should not see them (security)',
    ],
    required: false,
  },
  {
    id: 'detection',
    label: 'How was it detected?',
    type: 'dropdown',
    options: ['Monitoring alert', 'Customer report', 'Internal report', 'Other'],
    required: false,
  },
  { id: 'links', label: 'Links', type: 'textarea', required: false },
] satisfies FormFieldSpec[])
