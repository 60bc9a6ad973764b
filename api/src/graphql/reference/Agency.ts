// Agencies (ketenpartners) and their search, by name or alias, ignoring case and accents.
import type { AgencyRecord } from '../../repositories/reference-repository.js';
import { builder } from '../builder.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyTypeEnum } from '../enums.js';
import { SourceRef } from './Source.js';
import { CentrumgemeenteRef } from '../refs.js';

export const AgencyRef = builder.objectRef<AgencyRecord>('Agency');

AgencyRef.implement({
  description: 'An agency in the chain (ketenpartner): corporation, GGD, shelter (MO), sociaal team, court, bailiff...',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id, e.g. ams-ggd-vangnet-advies.' }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Spelling variants found in the sources.' }),
    type: t.field({ type: AgencyTypeEnum, description: 'Kind of agency.', resolve: (a) => a.type }),
    roles: t.exposeStringList('roles', { description: 'What the agency does in the chain, as the source describes it.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    memberCount: t.exposeInt('memberCount', {
      nullable: true,
      description: 'For a group entry (e.g. "Woningcorporaties"): how many organisations it stands for, where stated.',
    }),
    memberCountText: t.exposeString('memberCountText', {
      nullable: true,
      description: 'The member count as the source words it when it is not a plain number ("ruim 10").',
    }),
    parent: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Organisation this agency is part of.',
      resolve: (a, _args, ctx) => (a.parentId ? ctx.loaders.agency.load(a.parentId) : null),
    }),
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'The region (centrumgemeente) whose chain the agency takes part in.',
      resolve: async (a, _args, ctx) => (await ctx.loaders.centrumgemeente.load(a.centrumgemeenteId))!,
    }),
    source: t.field({ type: SourceRef, description: 'Where this agency is described (bron).', resolve: (a) => a }),
  }),
});

builder.queryFields((t) => ({
  agency: t.field({
    type: AgencyRef,
    nullable: true,
    description: 'One agency by id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.agency.load(String(id)),
  }),
  agencies: t.connection({
    type: AgencyRef,
    description: 'Agencies, filtered by region, type or a search on name and aliases (case- and accent-insensitive).',
    args: {
      centrumgemeenteId: t.arg.id({ description: 'Only agencies in this region.' }),
      type: t.arg({ type: AgencyTypeEnum, description: 'Only agencies of this kind.' }),
      search: t.arg.string({ description: 'Part of a name or alias, e.g. "zienn" or "vangnet".' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const page = await ctx.repos.reference.agencies(
        { cityId: args.centrumgemeenteId ? args.centrumgemeenteId : null, type: args.type ?? null, search: args.search ?? null },
        first,
        decodeCursor(args.after),
      );
      page.items.forEach((agency) => ctx.loaders.agency.prime(agency.id, agency));
      return toConnection(page, (agency) => agency.id);
    },
  }),
}));
