const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-04" → "April 2024". */
export function month(iso: string | null): string {
  if (!iso) return '–';
  const [y, m] = iso.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** "2023-03" → "March 2023"; "2022-04/2023-03" → "the year to March 2023". */
export function period(iso: string | null): string {
  if (!iso) return 'undated';
  const [start, end] = iso.split('/');
  return end ? `the year to ${month(end)}` : month(start ?? iso);
}

/** Like `period`, spelled out for methods text: "the performance year April 2022 to March 2023". */
export function periodLong(iso: string | null): string {
  if (!iso) return 'no stated date';
  const [start, end] = iso.split('/');
  return end ? `the performance year ${month(start ?? '')} to ${month(end)}` : month(start ?? iso);
}
