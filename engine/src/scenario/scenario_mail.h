// E-mail in scenarios: the messages a real SMTP server on loopback (tests/cli/smtp_server.py)
// saved as DIR/NNNNNN.eml, read back as lines: "to ADDRESS", "subject: SUBJECT" (RFC 2047
// decoded) and the body ("| line", "|" for an empty one; quoted-printable decoded).
#pragma once

#include <string>

#include "scenario/scenario_views.h"

namespace koop::scenario {

// The messages after the first `seen` ones; `seen` is advanced past them.
Result<Lines> ReadNewMail(const std::string& dir, int& seen);

}  // namespace koop::scenario
