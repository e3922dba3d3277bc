import { matches, show, type Reader } from './parsers.js'
import { MODEL_NAME_PATTERN, SAGEMAKER_NAME } from './model.js'

// inference-component-name, and the inputs that have no meaning with it: a component runs on
// the endpoint's instances (no instance type, count or variant of its own to set) and SageMaker
// updates it by rolling batches of copies only.

/** The component to deploy into, or undefined for the endpoint's own variant. */
export function readComponentName(r: Reader): string | undefined {
  const name = matches(r, 'inference-component-name', MODEL_NAME_PATTERN, 63, SAGEMAKER_NAME)
  if (!name) return undefined
  const routing = r.v('traffic-routing').toLowerCase()
  if (routing !== '' && routing !== 'rolling') {
    r.p.add(
      'traffic-routing',
      `Input "traffic-routing" is ${show(r.v('traffic-routing'))}, but with inference-component-name SageMaker updates the component by rolling batches of copies only (UpdateInferenceComponent has no blue/green traffic shifting). Leave traffic-routing empty or set it to rolling.`
    )
  }
  const fleet = {
    'instance-type':
      "the copies run on the endpoint's instances, whose type the endpoint config sets",
    'instance-count':
      "the component's copy count is kept as it runs (auto scaling may move it), and the endpoint's instances are not this step's to change",
    'variant-name': 'the component already belongs to one variant of the endpoint',
    'metrics-resolution':
      "how often invocation metrics are published is the endpoint config's MetricsConfig, and UpdateInferenceComponent changes only the component"
  } as const
  for (const [input, why] of Object.entries(fleet)) {
    if (r.v(input) !== '') {
      r.p.add(
        input,
        `Input "${input}" has no meaning with inference-component-name: ${why}. Remove ${input}, or deploy to the endpoint itself (no inference-component-name).`
      )
    }
  }
  return name
}
