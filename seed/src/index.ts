// The seed: the four cities from the report data and the synthetic generator.
export { citiesToGraph, readCitiesJson, citiesJsonPath } from './cities.js';
export { extraFigureCount } from './report-readings.js';
export { seedReferenceData, SEED_PROCESS } from './reference-seed.js';
export { createDemoAccounts, demoAccounts, DEMO_PASSWORD } from './demo-accounts.js';
export { familyCursor, generateFamilies, syntheticProfile, type SyntheticProfile } from './synthetic/generate.js';
export { loadSyntheticFamilies } from './synthetic/load.js';
export { cityRoles, syntheticRegionRoles } from './synthetic/city-roles.js';
export {
  loadSyntheticFamiliesInSegments,
  measuredSegmentMemory,
  predictedSegmentPeakMiB,
  refinedSegmentMemory,
  segmentBounds,
  segmentSizeWithin,
  type SegmentBudget,
  type SegmentMemoryModel,
  type SegmentResult,
} from './synthetic/segmented-load.js';
