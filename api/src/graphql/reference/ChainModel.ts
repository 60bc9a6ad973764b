// A city's chain model: ordered stages, the agencies acting at each, and who holds regie per stage.
import type { ChainModelRecord, ChainStageRecord, RegieNoteRecord } from '../../repositories/reference-repository.js';
import { loadExisting } from '../../loaders.js';
import { RegieBasis } from '@ketenkaart/schema';
import { builder } from '../builder.js';
import { AgencyTypeEnum } from '../enums.js';
import { ChainStateEnum } from '../households/household-enums.js';
import { AgencyRef } from './Agency.js';
import { SourceRef } from './Source.js';

export const RegieBasisEnum = builder.enumType('RegieBasis', {
  description:
    'STATED: the report names this regie holder (see the lines); INFERRED: Ketenkaart reads it from what the report describes (see the reasoning). An inference is never shown as published.',
  values: RegieBasis.options,
});

export const ChainStageRef = builder.objectRef<ChainStageRecord>('ChainStage').implement({
  description: 'One step (stap) of a city chain model.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    order: t.exposeInt('order', { description: 'Position in the chain, from 1.' }),
    name: t.exposeString('name', { description: 'Step name in English.' }),
    nameNl: t.exposeString('nameNl', { description: 'Step name as the Dutch source gives it.' }),
    description: t.exposeString('description', { description: 'What happens at this step.' }),
    regieHolder: t.field({
      type: AgencyRef,
      nullable: true,
      description:
        'Agency holding regie at this step in the published model; null where the source assigns none (a gap to note, not an error).',
      resolve: (s, _args, ctx) => (s.regieAgencyId ? ctx.loaders.agency.load(s.regieAgencyId) : null),
    }),
    regieNote: t.exposeString('regieNote', { nullable: true, description: 'What the source says about regie at this step.' }),
    regieNoteNl: t.exposeString('regieNoteNl', {
      nullable: true,
      description: "The same in Dutch: the report's own words where it has them, else labelled as Ketenkaart's summary.",
    }),
    regieBasis: t.field({
      type: RegieBasisEnum,
      nullable: true,
      description: 'Whether the regie holder is stated in the report or inferred; null where no holder is named.',
      resolve: (r) => r.regieBasis,
    }),
    regieBasisLines: t.exposeString('regieBasisLines', { nullable: true, description: 'STATED: report lines that name the holder.' }),
    regieBasisText: t.exposeString('regieBasisText', {
      nullable: true,
      description: "STATED: the report's words; INFERRED: the reasoning behind the inference.",
    }),
    regieBasisTextNl: t.exposeString('regieBasisTextNl', {
      nullable: true,
      description: "The same in Dutch: the report's words, or the reasoning labelled as Ketenkaart's summary.",
    }),
    actors: t.field({
      type: [AgencyRef],
      description: 'Agencies acting at this step.',
      resolve: (s, _args, ctx) => loadExisting(ctx.loaders.agency, s.actorAgencyIds),
    }),
    source: t.field({ type: SourceRef, description: 'Where the step is described (bron).', resolve: (s) => s }),
  }),
});

export const ChainModelRef = builder.objectRef<ChainModelRecord>('ChainModel').implement({
  description: 'The chain model (ketenaanpak) of a centrumgemeente.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    name: t.exposeString('name', { nullable: true, description: 'Name of the model; null where the city publishes none.' }),
    published: t.exposeBoolean('published', {
      description: 'False where the report gives no published model and the steps are reconstructed from its text (Leeuwarden).',
    }),
    publishedIn: t.exposeString('publishedIn', { nullable: true, description: 'Where the model was published.' }),
    appliesToFamilies: t.exposeBoolean('appliesToFamilies', { nullable: true, description: 'Whether the model covers families.' }),
    scope: t.exposeString('scope', { nullable: true, description: 'Scope the source gives.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    stages: t.field({
      type: [ChainStageRef],
      description: 'Steps in order.',
      resolve: (m, _args, ctx) => ctx.loaders.stagesByChainModel.load(m.id),
    }),
    source: t.field({ type: SourceRef, description: 'Where the model is described (bron).', resolve: (m) => m }),
  }),
});

export const RegieNoteRef = builder.objectRef<RegieNoteRecord>('RegieStatement').implement({
  description: 'A statement in the source on who holds regie for part of the chain, beyond the numbered steps.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    stage: t.exposeString('stage', { description: 'Part of the chain the statement is about, as the source data names it.' }),
    stageNl: t.string({ description: 'The same part of the chain in Dutch.', resolve: (n) => n.stageNl ?? n.stage }),
    holder: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency named as regie holder; null where the source names none.',
      resolve: (n, _args, ctx) => (n.holderAgencyId ? ctx.loaders.agency.load(n.holderAgencyId) : null),
    }),
    text: t.exposeString('text', { nullable: true, description: 'What the source says.' }),
    textNl: t.exposeString('textNl', {
      nullable: true,
      description: "The same in Dutch: the report's own words where it has them, else labelled as Ketenkaart's summary.",
    }),
    handoverTo: t.exposeString('handoverTo', { nullable: true, description: 'Who regie passes to (overdracht), when stated.' }),
    handoverTrigger: t.exposeString('handoverTrigger', { nullable: true, description: 'What triggers the handover.' }),
    handoverToAgencyType: t.field({
      type: AgencyTypeEnum,
      nullable: true,
      description: 'The handover read as a code: regie passes to any agency of this type (e.g. MO_SHELTER, "the MO institution").',
      resolve: (n) => n.handoverToAgencyType,
    }),
    handoverAtState: t.field({
      type: ChainStateEnum,
      nullable: true,
      description: 'The chain state from which the handover applies (e.g. PLACED).',
      resolve: (n) => n.handoverAtState,
    }),
    regieBasis: t.field({
      type: RegieBasisEnum,
      nullable: true,
      description: 'Whether the regie holder is stated in the report or inferred; null where no holder is named.',
      resolve: (r) => r.regieBasis,
    }),
    regieBasisLines: t.exposeString('regieBasisLines', { nullable: true, description: 'STATED: report lines that name the holder.' }),
    regieBasisText: t.exposeString('regieBasisText', {
      nullable: true,
      description: "STATED: the report's words; INFERRED: the reasoning behind the inference.",
    }),
    regieBasisTextNl: t.exposeString('regieBasisTextNl', {
      nullable: true,
      description: "The same in Dutch: the report's words, or the reasoning labelled as Ketenkaart's summary.",
    }),
    source: t.field({ type: SourceRef, description: 'Where this is stated (bron).', resolve: (n) => n }),
  }),
});
