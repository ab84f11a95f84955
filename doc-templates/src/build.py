#!/usr/bin/python3
"""Generates the .docx templates of doc-templates/ from this source, byte for byte reproducibly.

Usage: /usr/bin/python3 doc-templates/src/build.py [OUTPUT_DIR]   (default: doc-templates/)
Needs python-docx (Debian: python3-docx). See doc-templates/README.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import t_agreements  # noqa: E402
import t_case  # noqa: E402
import t_founding  # noqa: E402
import t_meetings  # noqa: E402
import t_paperwork  # noqa: E402
import t_pzk  # noqa: E402

# file name -> builder. Names are stable: workflows and packs refer to them.
TEMPLATES = {
    "porozumienie-powiatowo-gminne.docx": t_agreements.agreement_county_municipality,
    "zgloszenie-rops.docx": t_founding.request_rops,
    "zaproszenie-spotkanie-partnerskie.docx": t_founding.invitation_partnership,
    "program-spotkania-partnerskiego.docx": t_founding.agenda_partnership,
    "porozumienie-wariant-3.docx": lambda: t_agreements.agreement_variant(3),
    "porozumienie-wariant-4.docx": lambda: t_agreements.agreement_variant(4),
    "porozumienie-wariant-5.docx": lambda: t_agreements.agreement_variant(5),
    "karta-planu-pracy.docx": t_case.work_plan_card,
    "monitoring.docx": t_case.monitoring_form,
    "regulamin-pzk.docx": t_pzk.regulation,
    "deklaracja-przystapienia.docx": t_pzk.declaration,
    "karta-uslug-kooperanta.docx": t_pzk.service_card,
    "koszyk-uslug.docx": t_pzk.service_basket,
    "protokol-spotkania.docx": t_meetings.protocol,
    "lista-obecnosci.docx": t_meetings.attendance_list,
    "informacja-rops.docx": t_founding.information_rops,
    "zaproszenie-ggk.docx": t_meetings.invitation_ggk,
    "notatka-sluzbowa.docx": t_meetings.official_note,
    "informacja-o-spotkaniu-pzk.docx": t_meetings.meeting_notice_pzk,
    "zgoda-osoby-rodziny.docx": t_paperwork.consent,
    "oswiadczenie-poufnosci.docx": t_paperwork.confidentiality_statement,
    "upowaznienie-dane-osobowe.docx": t_paperwork.data_authorisation,
    "wniosek-kooperanta.docx": t_paperwork.cooperant_request,
    "informacja-pracownik-sieci.docx": t_paperwork.network_notice,
    "rezygnacja-ze-wspolpracy.docx": t_paperwork.resignation,
}


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    only = set(argv[2:])
    for name, build in TEMPLATES.items():
        if only and name not in only:
            continue
        build().save(os.path.join(out, name))
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
