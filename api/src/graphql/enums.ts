// GraphQL enums mirror the zod enums in schema/: one source of truth for agency types, statuses and kinds.
import { AgencyType, CapacityUnit, FigureStatus } from '@ketenkaart/schema';
import { builder } from './builder.js';

export const AgencyTypeEnum = builder.enumType('AgencyType', {
  description: 'Kind of agency in the chain (ketenpartner).',
  values: AgencyType.options,
});

export const CapacityUnitEnum = builder.enumType('CapacityUnit', {
  description: 'Unit of a capacity figure (places, units, dwellings...). Figures in different units are never added up.',
  values: CapacityUnit.options,
});

export const FigureStatusEnum = builder.enumType('FigureStatus', {
  description: 'Whether a figure is a number, a worded value ("about 1/3", "8-12") or unknown. Unknown is never zero.',
  values: FigureStatus.options,
});
