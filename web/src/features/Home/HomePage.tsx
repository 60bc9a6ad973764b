// A home page per role: coordinators, agency workers and shelter staff start from their worklist (what is due, by
// when, who owes it), then their households or facilities; policy makers compare cities, administrators the access log.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { graphql } from '../../graphql';
import { CapacityTotalFields, CapacityTotals } from '../Capacity/CapacityBySource';
import { CityComparison } from '../Comparison/CityComparison';
import { Worklist } from '../Worklist/Worklist';
import { PageHeading } from '../../layout/PageHeading';
import { AdminHome } from './AdminHome';
import { facilityKind } from '../../i18n/facility-kinds';

const HouseholdsQuery = graphql(`
  query Home_Households {
    households(first: 25) {
      edges {
        node {
          id
          reference
          municipality
          centrumgemeente {
            name
          }
        }
      }
    }
  }
`);
const FacilitiesQuery = graphql(
  `
    query Home_Facilities($agencyId: ID!) {
      facilities(operatorId: $agencyId, first: 50) {
        edges {
          node {
            id
            name
            kind
            capacityTotals {
              ...CapacityTotalFields
            }
          }
        }
      }
    }
  `,
  [CapacityTotalFields],
);

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
      {viewer.role === 'POLICY_MAKER' && <CityComparison />}
      {viewer.role === 'ADMIN' && <AdminHome />}
    </section>
  );
}

function CoordinatorHome() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>
        {t('home.coordinatorIntro')}{' '}
        <RouterLink className="utrecht-link" to="/gaps">
          {t('home.allGaps')}
        </RouterLink>
      </Paragraph>
      <Worklist />
    </>
  );
}

function HouseholdList() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: HouseholdsQuery });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const rows = data?.households.edges.map((e) => e.node) ?? [];
  if (rows.length === 0) return <Empty>{t('households.none')}</Empty>;
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{t('households.visible')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('households.reference')}</TableHeaderCell>
            <TableHeaderCell>{t('households.region')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((h) => (
            <TableRow key={h.id}>
              <TableCell>
                <RouterLink className="utrecht-link" to={`/households/${h.id}`}>
                  {h.reference}
                </RouterLink>
              </TableCell>
              <TableCell>{h.centrumgemeente.name}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function FacilityList({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: FacilitiesQuery, variables: { agencyId } });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const rows = data?.facilities.edges.map((e) => e.node) ?? [];
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{t('facilities.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('facilities.name')}</TableHeaderCell>
            <TableHeaderCell>{t('facilities.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('facilities.capacity')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((f) => (
            <TableRow key={f.id}>
              <TableCell>{f.name}</TableCell>
              <TableCell>{facilityKind(t, f.kind)}</TableCell>
              <TableCell>
                <CapacityTotals totals={f.capacityTotals} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
