/** Selects the waste forms and filters share: kind of waste and district (from the city profile). */
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../components/CityContext';
import { SelectInput } from '../shared/inputs';
import { KINDS } from './types';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** The label of the empty choice ("all kinds", "no district"); without it a kind must be chosen. */
  emptyLabel?: string;
}

export function KindSelect({ emptyLabel, ...p }: Props) {
  const { t } = useTranslation();
  const kinds = KINDS.map((k) => ({ value: k, label: t(`wasteStaff.kind.${k}`) }));
  return <SelectInput {...p} options={emptyLabel === undefined ? kinds : [{ value: '', label: emptyLabel }, ...kinds]} />;
}

export function DistrictSelect({ emptyLabel = '', ...p }: Props) {
  const { city } = useCity();
  const names = city?.districts.map((d) => d.name) ?? [];
  // A district stored before the city profile changed still shows as the current choice.
  if (p.value && !names.includes(p.value)) names.unshift(p.value);
  return <SelectInput {...p} options={[{ value: '', label: emptyLabel }, ...names.map((n) => ({ value: n, label: n }))]} />;
}
