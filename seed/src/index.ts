// The seed: the four cities from the report data and the synthetic generator.
export { citiesToGraph, readCitiesJson, citiesJsonPath } from './cities.js';
export { seedReferenceData, SEED_PROCESS } from './reference-seed.js';
