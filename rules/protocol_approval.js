// Rule (check): every meeting is protocolled; the protocol is read out at the end and approved at
// the start of the next meeting. Seeds 001 zał. 2 (UWAGA), 002 §3.3, 004 §2 ust. 9.
// `pending` is the date of the protocol still awaiting approval (or null), `m` the meeting held.
function protocolWarnings(pending, m) {
  var w = [];
  if (!m.protocol) w.push('Ze spotkania należy sporządzić protokół.');
  if (pending && !m.previousProtocolApproved) {
    w.push('Protokół ze spotkania z dnia ' + pending + ' nie został zatwierdzony.');
  }
  return w;
}
