// Rule (computed): every member of the team sends the coordinator information on the progress of
// its tasks at least once a month; the coordinator fills the monitoring form (zał. 7) from it.
// Seed 002 §4.4 (Monitoring); Seed 001 zał. 7. `reports` are the members' reports of the period
// ({nr, instytucja, zadanie, postep}); `members` the team's institutions ({nr, nazwa}).
// membersWithoutReport lists the names of the members that sent nothing; reportRows turns the
// reports into the rows of zał. 7.
function membersWithoutReport(reports, members) {
  var missing = [];
  for (var i = 0; i < (members || []).length; i++) {
    var found = false;
    for (var j = 0; j < (reports || []).length; j++) {
      if (reports[j].nr === members[i].nr) found = true;
    }
    if (!found) missing.push(members[i].nazwa);
  }
  return missing;
}
function reportRows(reports) {
  var rows = [];
  for (var i = 0; i < (reports || []).length; i++) {
    rows.push({instytucja: reports[i].instytucja, zadanie: reports[i].zadanie || '',
               postep: reports[i].postep || ''});
  }
  return rows;
}
