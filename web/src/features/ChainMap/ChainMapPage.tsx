// The chain map of a centrumgemeente: the published model as a graph of stages and agencies with regie,
// recorded regie and handovers beside it, and the referral links between agencies.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { LazyChainGraph } from '../../graph/LazyChainGraph';
import { chainModelElements, referralLinkElements } from '../../graph/elements';
import { GraphDataTable } from '../../graph/GraphDataTable';
import { GraphLegend } from '../../graph/GraphLegend';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { graphql } from '../../graphql';
import { type SuppressibleCount } from '../../layout/Count';
import { useSession } from '../../session';
import { RegieBasisMark } from './RegieBasisMark';
import { EarlyWarningFollowUp } from './EarlyWarningFollowUp';
import { PageHeading } from '../../layout/PageHeading';
import { addDays, today } from '../../days';
import { documentLines } from '../../i18n/source-texts';

const ModelQuery = graphql(`
  query ChainMap_Model($id: ID!) {
    centrumgemeente(id: $id) {
      id
      name
      chainModel {
        name
        published
        note
        source {
          document
          lines
        }
        stages {
          order
          name
          nameNl
          regieNote
          regieNoteNl
          regieHolder {
            id
            name
          }
          regieBasis
          regieBasisLines
          regieBasisText
          regieBasisTextNl
          actors {
            id
            name
          }
          source {
            document
            lines
          }
        }
      }
      regieStatements {
        stage
        stageNl
        text
        textNl
        holder {
          name
        }
        regieBasis
        regieBasisLines
        regieBasisText
        regieBasisTextNl
        source {
          document
          lines
        }
      }
    }
  }
`);

const RegieQuery = graphql(`
  query ChainMap_Regie($id: ID!, $from: Date!, $to: Date!) {
    regieMap(centrumgemeenteId: $id) {
      stagesWithoutRegie
      recorded {
        stage
        holder {
          name
        }
        conformsBy
        modelBasis
        households {
          value
          suppressed
        }
        open {
          value
          suppressed
        }
      }
      handovers {
        from {
          name
        }
        fromStage
        to {
          name
        }
        toStage
        households {
          value
          suppressed
        }
      }
      departures {
        kind
        agency {
          name
        }
        detail
        modelBasis
      }
    }
    chainFlow(centrumgemeenteId: $id, from: $from, to: $to) {
      referralLinks {
        from {
          id
          name
        }
        to {
          id
          name
        }
        sent {
          value
          suppressed
        }
        accepted {
          value
          suppressed
        }
        refused {
          value
          suppressed
        }
        medianResponseDays
      }
      suppressedEdges
    }
  }
`);

/** The period of the chain figures: the last two years up to today, fixed when the page opens. */
function lastTwoYears(): { from: string; to: string } {
  const to = today();
  return { from: addDays(to, -730), to };
}

export default function ChainMapPage() {
  const { t, i18n } = useTranslation();
  // The page's language: the Dutch note in Dutch, the English one in English.
  const regieNoteOf = (s: { regieNote: string | null; regieNoteNl: string | null }) =>
    i18n.language === 'en' ? s.regieNote : (s.regieNoteNl ?? s.regieNote);
  const statementText = (r: { text: string | null; textNl: string | null }) => (i18n.language === 'en' ? r.text : (r.textNl ?? r.text));
  const { cityId = '' } = useParams();
  const { viewer } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: ModelQuery, variables: { id: cityId } });
  const mayAggregate = viewer?.role === 'POLICY_MAKER' || (viewer?.role === 'COORDINATOR' && viewer.centrumgemeente?.id === cityId);
  const [period] = useState(lastTwoYears);
  const [regie] = useQuery({ query: RegieQuery, variables: { id: cityId, ...period }, pause: !mayAggregate });
  const city = data?.centrumgemeente;
  const elements = useMemo(() => {
    const model = chainModelElements(city?.chainModel?.stages ?? []);
    const describe = (sent: number | null, refused: number | null) =>
      refused === null
        ? t('chain.linkLabel', { sent: sent ?? t('compare.suppressed') })
        : t('chain.linkLabelRefused', { sent: sent ?? t('compare.suppressed'), refused });
    return [...model, ...referralLinkElements(regie.data?.chainFlow.referralLinks ?? [], model, describe)];
  }, [city, regie.data, t]);
  const navigate = useNavigate();
  // A coordinator goes from a referral link to the gaps of the agency that received the referrals.
  const openGapsBehindLink = (edge: Record<string, unknown>) => {
    if (viewer?.role === 'COORDINATOR' && edge.kind === 'REFERRALS')
      void navigate(`/gaps?agency=${encodeURIComponent(String(edge.toAgencyId))}`);
  };

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!city) return <ErrorAlert code="NOT_FOUND" />;
  const cellText = (c: SuppressibleCount) => (c.suppressed ? t('compare.suppressed') : String(c.value ?? t('common.unknown')));

  return (
    <article aria-labelledby="chain-heading">
      <PageHeading id="chain-heading" title={t('chain.title', { city: city.name })} />
      {city.chainModel ? (
        <>
          <Paragraph>
            {city.chainModel.name ?? t('chain.unnamed')}
            {!city.chainModel.published && ` — ${t('chain.reconstructed')}`} (
            {t('chain.source', { source: documentLines(t, city.chainModel.source.document, city.chainModel.source.lines) })})
          </Paragraph>
          <GraphLegend
            items={[
              'stage',
              'no-regie',
              'agency',
              'line-regie',
              'line-acts',
              'line-next',
              ...(mayAggregate ? (['line-referrals', 'line-often-refused'] as const) : []),
            ]}
          />
          <GraphOrTable
            graph={
              <LazyChainGraph elements={elements} label={t('chain.graphLabel', { city: city.name })} onEdgeSelect={openGapsBehindLink} />
            }
            table={<GraphDataTable elements={elements} caption={t('chain.graphTableCaption', { city: city.name })} />}
          />
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('chain.stagesCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  {['order', 'stage', 'regie', 'actors', 'sourceColumn'].map((k) => (
                    <TableHeaderCell scope="col" key={k}>
                      {t(`chain.${k}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {city.chainModel.stages.map((s) => (
                  <TableRow key={s.order}>
                    <TableCell>{s.order}</TableCell>
                    <TableCell>{s.nameNl}</TableCell>
                    <TableCell>
                      {s.regieHolder?.name ?? <strong>{t('chain.noRegie')}</strong>}
                      <RegieBasisMark basis={s} />
                      {regieNoteOf(s) ? ` — ${regieNoteOf(s)}` : ''}
                    </TableCell>
                    <TableCell>{s.actors.map((a) => a.name).join(', ') || t('common.unknown')}</TableCell>
                    <TableCell>{documentLines(t, s.source.document ?? city.chainModel?.source.document, s.source.lines)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : (
        <Empty>{t('chain.noModel')}</Empty>
      )}

      <Heading level={3}>{t('chain.regieStatements')}</Heading>
      <UnorderedList>
        {city.regieStatements.map((r) => (
          <UnorderedListItem key={`${r.stage}-${r.source.lines}`}>
            {i18n.language === 'en' ? r.stage : r.stageNl}: {r.holder?.name ?? t('chain.noHolderNamed')}
            <RegieBasisMark basis={r} />
            {statementText(r) ? ` — ${statementText(r)}` : ''} ({documentLines(t, r.source.document, r.source.lines)})
          </UnorderedListItem>
        ))}
      </UnorderedList>

      {mayAggregate && regie.data && (
        <>
          <Heading level={3}>{t('chain.practice')}</Heading>
          <UnorderedList>
            {regie.data.regieMap.departures.map((d) => (
              <UnorderedListItem key={`${d.kind}-${d.agency.name}`}>
                {t(`chain.departure.${d.kind}`, { agency: d.agency.name })}
                {d.modelBasis === 'INFERRED' ? ` ${t('chain.departureInferred')}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('chain.recordedCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  {['stage', 'holder', 'model', 'households', 'open'].map((k) => (
                    <TableHeaderCell scope="col" key={k}>
                      {t(`chain.recorded.${k}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {regie.data.regieMap.recorded.map((r) => (
                  <TableRow key={`${r.stage}-${r.holder.name}`}>
                    <TableCell>{t(`states.${r.stage}`)}</TableCell>
                    <TableCell>{r.holder.name}</TableCell>
                    <TableCell>
                      {t(`chain.conforms.${r.conformsBy ?? 'NONE'}`)}
                      {r.modelBasis === 'INFERRED' ? ` (${t('chain.basis.INFERRED')})` : ''}
                    </TableCell>
                    <TableCell>{cellText(r.households)}</TableCell>
                    <TableCell>{cellText(r.open)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('chain.linksCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  {['from', 'to', 'sent', 'accepted', 'refused', 'median'].map((k) => (
                    <TableHeaderCell scope="col" key={k}>
                      {t(`chain.links.${k}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {regie.data.chainFlow.referralLinks.map((l) => (
                  <TableRow key={`${l.from.id}-${l.to.id}`}>
                    <TableCell>{l.from.name}</TableCell>
                    <TableCell>
                      {viewer?.role === 'COORDINATOR' ? (
                        <RouterLink className="utrecht-link" to={`/gaps?agency=${encodeURIComponent(l.to.id)}`}>
                          {l.to.name}
                        </RouterLink>
                      ) : (
                        l.to.name
                      )}
                    </TableCell>
                    <TableCell>{cellText(l.sent)}</TableCell>
                    <TableCell>{cellText(l.accepted)}</TableCell>
                    <TableCell>{cellText(l.refused)}</TableCell>
                    <TableCell>{l.medianResponseDays ?? t('common.unknown')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {regie.data.chainFlow.suppressedEdges > 0 && (
            <Paragraph>{t('chain.suppressedEdges', { count: regie.data.chainFlow.suppressedEdges })}</Paragraph>
          )}
        </>
      )}
      {mayAggregate && <EarlyWarningFollowUp cityId={cityId} {...period} />}
    </article>
  );
}
