// Where a member's unexcused absences of a year happened, when in more than one cell (the Charter's rule
// counts the member across transfers and merges): "2 lần ở Chi bộ A, 1 lần ở Chi bộ B".
export function absentInText(absentIn: { organization_name: string; unexcused: number }[]): string {
  if (absentIn.length < 2) return '';
  return absentIn.map((w) => `${w.unexcused} lần ở ${w.organization_name}`).join(', ');
}
