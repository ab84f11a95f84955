// Rule (computed): each invited institution's channel decides what its invitation may contain.
// The invitation is sent in writing and carries the date, place, hour, expected duration and the
// information about the person/family the institution needs to prepare; electronic
// communication between institutions carries no personal data (Seed 002 §4.2 with footnote 7).
// An institution with kanal 'e-mail' gets the case number only (pisemnie: false); every other
// (the default, kanal 'papier') gets the written invitation (pisemnie: true).
function withInvitationChannel(institutions) {
  var out = [];
  for (var i = 0; i < (institutions || []).length; i++) {
    var src = institutions[i], copy = {};
    for (var k in src) copy[k] = src[k];
    copy.kanal = src.kanal === 'e-mail' ? 'e-mail' : 'papier';
    copy.pisemnie = copy.kanal === 'papier';
    out.push(copy);
  }
  return out;
}
