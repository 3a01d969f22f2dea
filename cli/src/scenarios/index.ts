// The scenario engine: strict YAML format, templating, assertions, runner and reports.
export { checkExpectations, resolvePath } from './assertions.ts';
export { formatIssues, Scenario, type Step } from './format.ts';
export { jsonPath } from './jsonpath.ts';
export { loadScenario, scenarioFiles, type Loaded } from './load.ts';
export { renderScenarioReport, renderSummary } from './report.ts';
export { ASK_UNSUPPORTED, runScenario, seedVariables, type RunnerEnv, type ScenarioResult, type StepResult } from './runner.ts';
export { interpolate, TemplateError } from './template.ts';
