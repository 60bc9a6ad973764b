// Unmet demand for shelter in a region: reported capacity, waiting times, refusals by reason and by cause.
// Coordinators see their region in full; policy makers see any region with small counts suppressed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { addDays, addMonths, firstOfMonth, today } from '../../days';
import {
  FormField,
  FormFieldTextbox,
  FormLabel,
  Select,
  SelectOption,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { graphql } from '../../graphql';
import { Count } from '../../layout/Count';
import { CapacityTable } from './CapacityTable';
import { ErrorAlert, Loading } from '../../layout/States';
import { PageHeading } from '../../layout/PageHeading';
import { waitingTimesText } from './waiting-times-text';

const FiguresQuery = graphql(`
  query ShelterFigures_Figures($id: ID!, $from: Date!, $to: Date!) {
    shelterFigures(centrumgemeenteId: $id, from: $from, to: $to) {
      centrumgemeente {
        name
      }
      on
      facilitiesReporting
      suppressed
      capacity {
        unitKind
        targetGroup
        capacity
        facilities
      }
      waitingTimes {
        entries {
          value
          suppressed
        }
        waiting {
          value
          suppressed
        }
        left {
          value
          suppressed
        }
        medianDaysToLeave
        p90DaysToLeave
        medianDaysWaiting
      }
      refusalsByReason {
        reason
        meaning
        count {
          value
          suppressed
        }
        withoutAlternative {
          value
          suppressed
        }
      }
      unmetDemand {
        cause
        count {
          value
          suppressed
        }
        withoutAlternative {
          value
          suppressed
        }
      }
    }
  }
`);

const RegionsQuery = graphql(`
  query ShelterFigures_Regions {
    centrumgemeenten {
      id
      name
    }
  }
`);

/** The previous calendar month: a complete period by default. */
function lastMonth(): { from: string; to: string } {
  const thisMonth = firstOfMonth(today());
  return { from: addMonths(thisMonth, -1), to: addDays(thisMonth, -1) };
}

export default function ShelterFiguresPage() {
  const { t } = useTranslation();
  const { cityId = '' } = useParams();
  const [period, setPeriod] = useState(lastMonth);
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: FiguresQuery, variables: { id: cityId, ...period } });
  const [{ data: regions }] = useQuery({ query: RegionsQuery });
  const figures = data?.shelterFigures;
  // The region's name, never its id: from the figures, or from the list of regions while the figures load.
  const cityName: string | undefined = figures?.centrumgemeente.name ?? regions?.centrumgemeenten.find((c) => c.id === cityId)?.name;
  return (
    <section aria-labelledby="figures-heading">
      <PageHeading
        id="figures-heading"
        title={cityName ? t('shelterFigures.title', { city: cityName }) : t('shelterFigures.titleWithoutCity')}
      />
      <Paragraph>{t('shelterFigures.intro')}</Paragraph>
      <div className="kk-filters">
        <FormField>
          <FormLabel htmlFor="figures-region">{t('shelterFigures.region')}</FormLabel>
          <Select id="figures-region" value={cityId} onChange={(e) => navigate(`/shelter-figures/${e.target.value}`)}>
            {(regions?.centrumgemeenten ?? []).map((c) => (
              <SelectOption key={c.id} value={c.id}>
                {c.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormFieldTextbox
          label={t('shelterFigures.from')}
          name="from"
          type="date"
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: (e.target as HTMLInputElement).value })}
        />
        <FormFieldTextbox
          label={t('shelterFigures.to')}
          name="to"
          type="date"
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: (e.target as HTMLInputElement).value })}
        />
      </div>
      {fetching && !data && <Loading />}
      <ErrorAlert error={error} />
      {figures && (
        <>
          {figures.suppressed && <Paragraph>{t('compare.suppressedExplained')}</Paragraph>}
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('shelterFigures.unmetCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('shelterFigures.cause')}</TableHeaderCell>
                  <TableHeaderCell>{t('shelterFigures.refusals')}</TableHeaderCell>
                  <TableHeaderCell>{t('shelterFigures.withoutAlternative')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {figures.unmetDemand.map((u) => (
                  <TableRow key={u.cause}>
                    <TableHeaderCell scope="row">{t(`causes.${u.cause}`)}</TableHeaderCell>
                    <TableCell>
                      <Count cell={u.count} />
                    </TableCell>
                    <TableCell>
                      <Count cell={u.withoutAlternative} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {figures.refusalsByReason.length === 0 ? (
            <Paragraph>
              <strong>{t('shelterFigures.reasonCaption')}</strong>: {t('shelter.noRefusals')}
            </Paragraph>
          ) : (
            <div className="kk-table-scroll">
              <Table>
                <TableCaption>{t('shelterFigures.reasonCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('shelter.reason')}</TableHeaderCell>
                    <TableHeaderCell>{t('shelter.meaning')}</TableHeaderCell>
                    <TableHeaderCell>{t('shelterFigures.refusals')}</TableHeaderCell>
                    <TableHeaderCell>{t('shelterFigures.withoutAlternative')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {figures.refusalsByReason.map((r) => (
                    <TableRow key={r.reason}>
                      <TableHeaderCell scope="row">{t(`reasons.${r.reason}`)}</TableHeaderCell>
                      <TableCell>{t(`meanings.${r.meaning}`)}</TableCell>
                      <TableCell>
                        <Count cell={r.count} />
                      </TableCell>
                      <TableCell>
                        <Count cell={r.withoutAlternative} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Heading level={3}>{t('shelterFigures.capacityOn', { on: figures.on })}</Heading>
          <Paragraph>{t('shelterFigures.reporting', { count: figures.facilitiesReporting })}</Paragraph>
          {figures.capacity.length > 0 && <CapacityTable rows={figures.capacity} />}
          <Heading level={3}>{t('shelter.waitingList')}</Heading>
          <Paragraph>
            {t('shelterFigures.waiting')} <Count cell={figures.waitingTimes.waiting} />. {waitingTimesText(t, figures.waitingTimes)}
          </Paragraph>
        </>
      )}
    </section>
  );
}
