// A home page per role: coordinators, agency workers and shelter staff start from their worklist (what is due, by
// when, who owes it), then their households or facilities; policy makers compare cities, administrators the access log.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'urql';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Count } from '../../layout/Count';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { CAPACITY_TOTAL_FIELDS, CapacityTotals, CityCapacity, STATED_CAPACITY_FIELDS, type CapacityTotal, type StatedCapacity } from './CapacityBySource';
import { AdminHome } from '../Admin/AdminHome';
import { OutcomeComparison } from './OutcomeComparison';
import { Worklist } from './Worklist';
import { PageHeading } from '../../layout/PageHeading';

const HouseholdsQuery = `query Home_Households { households(first: 25) { edges { node { id reference municipality centrumgemeente { name } } } } }`;
const FacilitiesQuery = `query Home_Facilities($agencyId: ID!) { facilities(operatorId: $agencyId, first: 50) { edges { node { id name kind capacityTotals { ${CAPACITY_TOTAL_FIELDS} } } } } }`;
const ComparisonQuery = `query Home_Comparison { centrumgemeenten { id name g4 chainModel { published stages { order regieHolder { name } regieBasis } }
  earlyWarning { name reportAfterMonthsArrears feedbackDays }
  ${STATED_CAPACITY_FIELDS} }
  gapCounts(centrumgemeenteIds: ["amsterdam", "utrecht", "leeuwarden", "oss"]) { centrumgemeente { id } rule households suppressed } }`;

export default function HomePage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  if (!viewer) return null;
  return (
    <section aria-labelledby="home-heading">
      <PageHeading id="home-heading" title={t(`home.title.${viewer.role}`)} />
      {viewer.role === 'COORDINATOR' && <CoordinatorHome />}
      {viewer.role === 'AGENCY_WORKER' && (
        <>
          <Worklist />
          <HouseholdList />
        </>
      )}
      {viewer.role === 'SHELTER_STAFF' && viewer.agency && (
        <>
          <Worklist />
          <FacilityList agencyId={viewer.agency.id} />
          <HouseholdList />
        </>
      )}
      {viewer.role === 'POLICY_MAKER' && <Comparison />}
      {viewer.role === 'ADMIN' && <AdminHome />}
    </section>
  );
}

function CoordinatorHome() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('home.coordinatorIntro')} <RouterLink className="utrecht-link" to="/gaps">{t('home.allGaps')}</RouterLink></Paragraph>
      <Worklist />
    </>
  );
}

function HouseholdList() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery<{ households: { edges: { node: { id: string; reference: string; municipality: string | null; centrumgemeente: { name: string } } }[] } }>({ query: HouseholdsQuery });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const rows = data?.households.edges.map((e) => e.node) ?? [];
  if (rows.length === 0) return <Empty>{t('households.none')}</Empty>;
  return (
    <Table>
      <TableCaption>{t('households.visible')}</TableCaption>
      <TableHeader><TableRow><TableHeaderCell>{t('households.reference')}</TableHeaderCell><TableHeaderCell>{t('households.region')}</TableHeaderCell></TableRow></TableHeader>
      <TableBody>
        {rows.map((h) => (
          <TableRow key={h.id}>
            <TableCell><RouterLink className="utrecht-link" to={`/households/${h.id}`}>{h.reference}</RouterLink></TableCell>
            <TableCell>{h.centrumgemeente.name}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FacilityList({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery<{ facilities: { edges: { node: { id: string; name: string; kind: string; capacityTotals: CapacityTotal[] } }[] } }>({ query: FacilitiesQuery, variables: { agencyId } });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const rows = data?.facilities.edges.map((e) => e.node) ?? [];
  return (
    <Table>
      <TableCaption>{t('facilities.caption')}</TableCaption>
      <TableHeader><TableRow><TableHeaderCell>{t('facilities.name')}</TableHeaderCell><TableHeaderCell>{t('facilities.kind')}</TableHeaderCell><TableHeaderCell>{t('facilities.capacity')}</TableHeaderCell></TableRow></TableHeader>
      <TableBody>
        {rows.map((f) => (
          <TableRow key={f.id}>
            <TableCell>{f.name}</TableCell>
            <TableCell>{f.kind}</TableCell>
            <TableCell><CapacityTotals totals={f.capacityTotals} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

interface ComparisonData {
  centrumgemeenten: {
    id: string; name: string; g4: boolean;
    chainModel: { published: boolean; stages: { order: number; regieHolder: { name: string } | null; regieBasis: 'STATED' | 'INFERRED' | null }[] } | null;
    earlyWarning: { name: string | null; reportAfterMonthsArrears: number | null; feedbackDays: number[] } | null;
    statedCapacity: StatedCapacity;
  }[];
  gapCounts: { centrumgemeente: { id: string }; rule: string; households: number | null; suppressed: boolean }[];
}

function Comparison() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery<ComparisonData>({ query: ComparisonQuery });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const cities = (data?.centrumgemeenten ?? []).filter((c) => !c.id.startsWith('syn-'));
  const unknown = t('common.unknown');
  // A holder reads as inferred only where the report states it at none of its steps.
  const regieHolders = (stages: NonNullable<ComparisonData['centrumgemeenten'][number]['chainModel']>['stages']) => {
    const stated = new Map<string, boolean>();
    for (const s of stages) if (s.regieHolder) stated.set(s.regieHolder.name, (stated.get(s.regieHolder.name) ?? false) || s.regieBasis === 'STATED');
    return [...stated].map(([name, isStated]) => (isStated ? name : `${name} (${t('compare.inferred')})`));
  };
  const rules = [...new Set(data?.gapCounts.map((g) => g.rule))];
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{t('compare.structure')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('compare.aspect')}</TableHeaderCell>
            {cities.map((c) => <TableHeaderCell scope="col" key={c.id}><RouterLink className="utrecht-link" to={`/chain/${c.id}`}>{c.name}</RouterLink></TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow><TableHeaderCell scope="row">{t('compare.chainSteps')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}>{c.chainModel ? `${c.chainModel.stages.length}${c.chainModel.published ? '' : ` (${t('compare.notPublished')})`}` : unknown}</TableCell>)}</TableRow>
          <TableRow><TableHeaderCell scope="row">{t('compare.regieHolders')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}>{regieHolders(c.chainModel?.stages ?? []).join(', ') || unknown}</TableCell>)}</TableRow>
          <TableRow><TableHeaderCell scope="row">{t('compare.earlyWarning')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}>{c.earlyWarning?.name ?? unknown}</TableCell>)}</TableRow>
          <TableRow><TableHeaderCell scope="row">{t('compare.reportAfter')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}>{c.earlyWarning?.reportAfterMonthsArrears ?? unknown}</TableCell>)}</TableRow>
          <TableRow><TableHeaderCell scope="row">{t('compare.feedbackDays')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}>{c.earlyWarning?.feedbackDays.length ? c.earlyWarning.feedbackDays.join(' / ') : unknown}</TableCell>)}</TableRow>
          <TableRow><TableHeaderCell scope="row">{t('compare.capacity')}</TableHeaderCell>{cities.map((c) => <TableCell key={c.id}><CityCapacity capacity={c.statedCapacity} /></TableCell>)}</TableRow>
        </TableBody>
      </Table>
      <Table>
        <TableCaption>{t('compare.gaps')}</TableCaption>
        <TableHeader>
          <TableRow><TableHeaderCell scope="col">{t('gaps.rule')}</TableHeaderCell>{cities.map((c) => <TableHeaderCell scope="col" key={c.id}>{c.name}</TableHeaderCell>)}</TableRow>
        </TableHeader>
        <TableBody>
          {rules.map((rule) => (
            <TableRow key={rule}>
              <TableHeaderCell scope="row">{t(`rules.${rule}`)}</TableHeaderCell>
              {cities.map((c) => {
                const count = data?.gapCounts.find((g) => g.centrumgemeente.id === c.id && g.rule === rule);
                return <TableCell key={c.id} data-suppressed={count?.suppressed ? 'true' : undefined}><Count cell={count ? { value: count.households, suppressed: count.suppressed } : null} /></TableCell>;
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Paragraph>{t('compare.suppressedExplained')}</Paragraph>
      <OutcomeComparison cities={cities.map((c) => ({ id: c.id, name: c.name }))} />
    </div>
  );
}

