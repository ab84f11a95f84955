"""Meeting documents: protocol, attendance list, official note, GGK/ZZK invitation, the notice
of a planned PZK meeting."""

from kit import DOTS, Template


def protocol():
    """Meeting protocol (002 §3.2 krok 5: date, place, attendees, programme, agreements; 002 §3.3
    and 001 zał. 2: read out at the end, approved at the start of the next meeting; 004 §2 ust. 9:
    kept by the Leader's representative)."""
    t = Template("Protokół ze spotkania", "Protokół spotkania (pkt 3.2, 3.3; zał. 2)")
    t.title_block("PROTOKÓŁ ZE SPOTKANIA", "{spotkanie.rodzaj}")
    t.label_table([
        ("Data i godziny", "{spotkanie.data | data}, {spotkanie.godzina_od}–"
                           "{spotkanie.godzina_do}"),
        ("Miejsce", "{spotkanie.miejsce}"),
        ("Prowadzący", "{spotkanie.prowadzacy}"),
        ("Protokolant", "{spotkanie.protokolant}"),
        ("Lista obecności", "stanowi załącznik do protokołu (liczba obecnych: "
                            "{spotkanie.liczba_obecnych})"),
    ])
    t.p("Program spotkania", style="Nagłówek części")
    nid = t.new_list()
    t.loop_open("program")
    t.p("{punkt}", numid=nid)
    t.loop_close("program")
    t.loop_open("program", inverted=True)
    for _ in range(5):
        t.p(DOTS + DOTS + DOTS, numid=nid)
    t.loop_close("program")
    t.p("Zatwierdzenie protokołu z poprzedniego spotkania", style="Nagłówek części")
    t.p("{#spotkanie.poprzedni_protokol}Protokół ze spotkania z dnia "
        "{spotkanie.poprzedni_protokol | data} został zatwierdzony przez uczestników."
        "{/spotkanie.poprzedni_protokol}{^spotkanie.poprzedni_protokol}Nie dotyczy – pierwsze "
        "spotkanie.{/spotkanie.poprzedni_protokol}")
    t.p("Przebieg spotkania", style="Nagłówek części")
    t.p("{spotkanie.przebieg}")
    t.p("Ustalenia", style="Nagłówek części")
    t.table(["Lp.", "Ustalenie", "Odpowiedzialny", "Termin"], [1.2, 9.4, 3.6, 2.4],
            loop="ustalenia", cells=["{nr}.", "{tresc}", "{odpowiedzialny}", "{termin | data}"],
            blank_rows=5, first_col_lp=True)
    t.p("Następne spotkanie: {spotkanie.nastepne | data}")
    t.p("Protokół sporządzono na zakończenie spotkania, wyświetlono i odczytano uczestnikom. "
        "Zostanie on przedstawiony do zatwierdzenia na początku kolejnego spotkania.",
        italic=True)
    t.signatures(["/protokolant/", "/prowadzący spotkanie/"],
                 top=["{spotkanie.protokolant}", "{spotkanie.prowadzacy}"])
    return t


def attendance_list():
    """Attendance list with contact details (001 zał. 2 „O czym należy pamiętać” pkt 7, and
    scenario pkt 9: contact list sent afterwards to everyone listed)."""
    t = Template("Lista obecności", "Lista obecności z danymi kontaktowymi (zał. 2)",
                 landscape=True)
    t.title_block("LISTA OBECNOŚCI", "{spotkanie.rodzaj} – {spotkanie.data | data}, "
                                     "{spotkanie.miejsce}")
    t.table(["Lp.", "Imię i nazwisko", "Instytucja / podmiot", "Stanowisko", "Telefon",
             "Adres e-mail", "Podpis"], [1.1, 4.4, 5.9, 3.6, 2.9, 4.4, 3.0], loop="uczestnicy",
            cells=["{nr}.", "{imie_nazwisko}", "{instytucja}", "{stanowisko}", "{telefon}",
                   "{email}", ""], blank_rows=12, first_col_lp=True)
    t.note("Dane kontaktowe z listy zostaną przesłane wszystkim wskazanym osobom w celu ułatwienia "
           "komunikacji w partnerstwie. Podanie danych jest dobrowolne.")
    return t


def official_note():
    """Notatka służbowa (004 §6 ust. 1: notes of talks that affect reaching the goal are sent to
    all PZK members; §6 ust. 2: correspondence to every cooperant at once)."""
    t = Template("Notatka służbowa", "Komunikacja w Partnerstwie (Regulamin § 6)")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.title_block("NOTATKA SŁUŻBOWA")
    t.label_table([
        ("Data i forma rozmowy", "{notatka.data | data}, {notatka.forma}"),
        ("Uczestnicy rozmowy", "{notatka.uczestnicy}"),
        ("Temat", "{notatka.temat}"),
    ])
    t.p("Treść rozmowy", style="Nagłówek części")
    t.p("{notatka.tresc}")
    t.p("Ustalenia", style="Nagłówek części")
    t.p("{notatka.ustalenia}")
    t.signatures(["/sporządził(a)/"], top=["{notatka.sporzadzil}"])
    t.p("Otrzymują (wszyscy członkowie Partnerskiego Zespołu):", style="Nagłówek części")
    nid = t.new_list()
    t.loop_open("rozdzielnik")
    t.p("{nazwa}", numid=nid)
    t.loop_close("rozdzielnik")
    t.loop_open("rozdzielnik", inverted=True)
    for _ in range(4):
        t.p(DOTS + DOTS, numid=nid)
    t.loop_close("rozdzielnik")
    t.note("Notatka nie zawiera danych osobowych osób i rodzin objętych wsparciem; sprawę oznacza "
           "się wyłącznie numerem.")
    return t


def invitation_ggk():
    """Invitation to a GGK (or ZZK) meeting on a case (002 §4.2): written, at least 5 working days
    before, date, place, time, expected duration; weekdays within the OPS office hours; a request
    to gather information. On paper it carries the information about the person/family; sent by
    e-mail (instytucja.pisemnie false) only the case number identifies them."""
    t = Template("Zaproszenie na posiedzenie grupy kooperacji", "Praca z potrzebą (pkt 4.2)")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.p("{instytucja.nazwa}\n{instytucja.adres}", style="Adresat")
    t.p("")
    t.p("Zaproszenie na posiedzenie {grupa.nazwa_dop}", style="Tytuł dokumentu")
    t.p("Sprawa nr {sprawa.numer}", style="Podtytuł dokumentu")
    t.p("Uprzejmie zapraszam przedstawiciela Państwa instytucji na posiedzenie {grupa.nazwa_dop} "
        "zwołane w celu wspólnego opracowania planu pracy z osobą/rodziną w sprawie nr "
        "{sprawa.numer}.")
    t.label_table([
        ("Data", "{posiedzenie.data | data}"),
        ("Godzina", "{posiedzenie.godzina}"),
        ("Przewidywany czas trwania", "{posiedzenie.czas_trwania}"),
        ("Miejsce", "{posiedzenie.miejsce}"),
    ])
    # 002 §4.2: the written invitation carries the information about the person/family the
    # institutions need to prepare; sent by e-mail it carries the case number only (footnote 7).
    t.loop_open("instytucja.pisemnie")
    t.p("Informacja o osobie/rodzinie, dla której na posiedzeniu zostanie opracowany plan pracy",
        style="Nagłówek części")
    t.table(["Lp.", "Imię i nazwisko", "Wiek", "Miejsce zamieszkania"], [1.1, 6.0, 1.6, 7.9],
            loop="rodzina.czlonkowie",
            cells=["{nr}.", "{imie_nazwisko}", "{wiek}", "{miejsce_zamieszkania}"],
            blank_rows=3, first_col_lp=True)
    t.p("Zidentyfikowane problemy i potrzeby: {sytuacja.wnioski}")
    t.p("Informacje o osobie/rodzinie są przekazywane wyłącznie w celu przygotowania się do "
        "posiedzenia; proszę o zachowanie ich w tajemnicy.", italic=True)
    t.loop_close("instytucja.pisemnie")
    t.loop_open("instytucja.pisemnie", inverted=True)
    t.p("Zaproszenie przesłane pocztą elektroniczną nie zawiera danych osobowych; informacje "
        "o osobie/rodzinie otrzymają Państwo pisemnie.", italic=True)
    t.loop_close("instytucja.pisemnie")
    t.p("Uprzejmie proszę o zebranie przed posiedzeniem informacji posiadanych przez Państwa "
        "instytucję w tej sprawie i przygotowanie propozycji działań, co pozwoli sprawnie omówić "
        "sytuację i przygotować plan pracy.")
    t.p("Posiedzenie odbędzie się w godzinach pracy {osrodek.nazwa_dop} "
        "({osrodek.godziny_pracy}).")
    t.p("Koordynator: {koordynator.imie_nazwisko}, tel. {koordynator.telefon}, "
        "e-mail: {koordynator.email}.")
    t.signatures(["/podpis koordynatora/"], top=["{koordynator.imie_nazwisko}"])
    return t


def meeting_notice_pzk():
    """Information on a planned PZK meeting, one copy per member (004 §2 ust. 5–6: the Leader
    calls the meetings, also on the members' request, and informs every cooperant of a planned
    one; ust. 4 the place; ust. 7–9 an incomplete composition, guests with the members' consent,
    the protocol; 001 zał. 2 UWAGA: the previous protocol is approved at the start). It names the
    partnership's business only: no personal data of the persons and families supported."""
    t = Template("Informacja o planowanym spotkaniu PZK", "Ramy organizacyjne PZK – spotkania",
                 header_right="{lider.nazwa}")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.p("{kooperant.nazwa}", style="Adresat")
    t.p("")
    t.title_block("INFORMACJA O PLANOWANYM SPOTKANIU PARTNERSKIEGO ZESPOŁU KOOPERACJI")
    t.p("{lider.nazwa}, jako Lider Partnerstwa, uprzejmie informuje o planowanym spotkaniu "
        "Partnerskiego Zespołu Kooperacji w {gmina.miejscowosc_msc} i zaprasza do udziału w nim "
        "przedstawiciela Państwa instytucji.")
    t.label_table([
        ("Data", "{zwolane.data | data}"),
        ("Godzina rozpoczęcia", "{zwolane.godzina}"),
        ("Miejsce", "{zwolane.miejsce}"),
    ])
    t.loop_open("zwolane.na_wniosek")
    t.p("Spotkanie zostało zwołane na wniosek: {zwolane.na_wniosek}.")
    t.loop_close("zwolane.na_wniosek")
    t.p("Proponowany program spotkania", style="Nagłówek części")
    nid = t.new_list()
    t.loop_open("zwolane.poprzedni_protokol")
    t.p("Zatwierdzenie protokołu ze spotkania z dnia {zwolane.poprzedni_protokol | data}",
        numid=nid)
    t.loop_close("zwolane.poprzedni_protokol")
    t.loop_open("zwolane.program")
    t.p("{punkt}", numid=nid)
    t.loop_close("zwolane.program")
    t.loop_open("zwolane.program", inverted=True)
    for _ in range(4):
        t.p(DOTS + DOTS + DOTS, numid=nid)
    t.loop_close("zwolane.program")
    t.p("Spotkanie może się odbyć w niepełnym składzie. Za zgodą członków Partnerstwa mogą w nim "
        "uczestniczyć także konsultanci i zaproszeni goście wspierający realizację celu "
        "Partnerstwa. Ze spotkania zostanie sporządzony protokół.")
    t.p("Prosimy o potwierdzenie udziału i wskazanie osoby reprezentującej Państwa instytucję: "
        "{kontakt.imie_nazwisko}, tel. {kontakt.telefon}, e-mail: {kontakt.email}.")
    t.signatures(["/w imieniu Lidera Partnerstwa/"], top=["{podpisujacy}"])
    t.p("Informację otrzymują wszyscy członkowie Partnerskiego Zespołu Kooperacji:",
        style="Nagłówek części")
    nid = t.new_list()
    t.loop_open("kooperanci")
    t.p("{nazwa}", numid=nid)
    t.loop_close("kooperanci")
    t.loop_open("kooperanci", inverted=True)
    for _ in range(4):
        t.p(DOTS + DOTS, numid=nid)
    t.loop_close("kooperanci")
    t.note("Informacja nie zawiera danych osobowych osób i rodzin objętych wsparciem.")
    return t
