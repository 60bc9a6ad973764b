// Says whether a regie holder is stated in the report (with its lines) or inferred by Ketenkaart (with why),
// so that an inference never reads as the published model.
import { useTranslation } from 'react-i18next';
import type { EnumOf } from '../../graphql';

/** What a stage or statement says about its regie holder's basis (select regieBasis regieBasisLines regieBasisText regieBasisTextNl). */
interface RegieBasis {
  regieBasis: EnumOf<'RegieBasis'> | null;
  regieBasisLines: string | null;
  regieBasisText: string | null;
  regieBasisTextNl: string | null;
}

export function RegieBasisMark({ basis }: { basis: RegieBasis }) {
  const { t, i18n } = useTranslation();
  const text = i18n.language === 'en' ? basis.regieBasisText : (basis.regieBasisTextNl ?? basis.regieBasisText);
  if (basis.regieBasis === 'STATED') return <> ({t('chain.basis.STATED', { lines: basis.regieBasisLines ?? '' })})</>;
  if (basis.regieBasis === 'INFERRED') {
    return (
      <>
        {' '}
        (<em data-regie-basis="INFERRED">{t('chain.basis.INFERRED')}</em>
        {text ? `: ${text}` : ''})
      </>
    );
  }
  return null;
}
