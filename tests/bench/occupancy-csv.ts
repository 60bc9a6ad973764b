// A synthetic occupancy CSV for the import benchmarks: five Amsterdam facilities, four target groups, one row a day
// each. `shift` changes the figures, not the keys, so a second file supersedes every row of the first; `yearsLater`
// moves the days, for keys of their own.
export function occupancyCsv(rows: number, shift = 0, yearsLater = 0): string {
  const facilities = ['ams-roggeveen-crisis', 'ams-roggeveen-24uur', 'ams-roggeveen-ambulant', 'ams-alexandria', 'ams-reina'];
  const groups = ['FAMILIES', 'WOMEN_WITH_CHILDREN', 'YOUTH', 'SINGLE_ADULTS'];
  const lines = ['facility_id,unit_kind,target_group,date,occupied,available,blocked'];
  const start = Date.parse(`${2000 + yearsLater}-01-01`);
  for (let i = 0; i < rows; i += 1) {
    const facility = facilities[i % facilities.length]!;
    const group = groups[Math.floor(i / facilities.length) % groups.length]!;
    const day = new Date(start + Math.floor(i / (facilities.length * groups.length)) * 86_400_000).toISOString().slice(0, 10);
    const occupied = (i + shift) % 20;
    lines.push(`${facility},PLACES,${group},${day},${occupied},${20 - occupied},0`);
  }
  return lines.join('\n');
}
