// A count that may be suppressed for disclosure control: "< 5" with an explanation, or "unknown" when absent.
import { useTranslation } from 'react-i18next';

export interface SuppressibleCount {
  value: number | null;
  suppressed: boolean;
}

export function Count({ cell }: { cell: SuppressibleCount | null | undefined }) {
  const { t } = useTranslation();
  if (cell?.suppressed)
    return (
      <span data-suppressed="true">
        <abbr title={t('compare.suppressedExplained')}>{t('compare.suppressed')}</abbr>
      </span>
    );
  return <>{cell?.value ?? t('common.unknown')}</>;
}
