// Rule (action): the zał. 7 record of a month or of a monitoring meeting.
// Seed 002 §4.4 (Monitoring): "Ze spotkania spisywana jest informacja (załącznik nr 7.)"; Seed 001
// zał. 7. `given` is what the coordinator wrote, `meeting` the meeting's facts (spotkanie,
// data_spotkania, rodzina_poinformowana), `reports` the members' reports of the period; the rows
// come from reportRows (member_reports.js) when the coordinator gave none. A fresh object: nothing
// of an earlier record is carried over. (A file of its own: member_reports.js belongs to the
// released case version 2 and does not change.)
function monitoringRecord(given, meeting, reports) {
  var record = {};
  var key;
  for (key in (given || {})) record[key] = given[key];
  if (!record.pozycje) record.pozycje = reportRows(reports);
  for (key in (meeting || {})) {
    if (record[key] === undefined) record[key] = meeting[key];
  }
  return record;
}
