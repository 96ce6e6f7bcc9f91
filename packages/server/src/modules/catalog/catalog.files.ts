/** Files of the catalogue, relative to the data directory (`data/`). */
export const CATALOGUE_FILES = {
  document: 'policy/document.yaml',
  articles: 'policy/articles.yaml',
  leadUnits: 'policy/lead-units.csv',
  stages: 'policy/stages.csv',
  tasks: 'policy/tasks.yaml',
  orgUnits: 'org-units/org-units.csv',
  referenceRegions: 'org-units/reference-regions.csv',
  framework: 'framework/wsc-2023/framework.yaml',
  indicators: 'framework/wsc-2023/indicators.yaml',
  targets: 'framework/wsc-2023/targets.csv',
  sampleConfig: 'sample/sample.yaml',
  sampleValues: 'sample/sample-values.csv',
  publishedValues: 'published/published-values.csv',
} as const;
