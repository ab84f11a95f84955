"""Partnership documents of the Sieradz „Kooperacje 3D” variant (seed 004): framework regulation,
declaration of accession (annex 1), cooperant's service card (annex 2), local basket of services."""

from kit import DOTS, Template


def regulation():
    t = Template("Ramowy regulamin Partnerskiego Zespołu Kooperacyjnego",
                 "Kooperacje 3D – ramowy regulamin (seed 004)")
    t.title_block("RAMOWY REGULAMIN PARTNERSKIEGO ZESPOŁU KOOPERACYJNEGO",
                  "w {gmina.miejscowosc_msc}")
    t.p("przyjęty w dniu {dokument.data | data} w {gmina.miejscowosc_msc}", align="center")

    t.par("Postanowienia ogólne")
    t.ust("Powołuje się Partnerski Zespół Kooperacyjny w {gmina.miejscowosc_msc}.")
    t.ust("Celem Partnerskiego Zespołu Kooperacyjnego, zwanego dalej PZK lub Partnerstwem, jest "
          "stworzenie, wynikającego z woli współpracy, lokalnego Partnerstwa podmiotów istotnych "
          "dla realizacji działań z zakresu wsparcia osób, rodzin i grup społecznych.")
    t.ust("Partnerski Zespół Kooperacyjny składa się z:")
    t.lit("Kooperantów – podmiotów, które podpisały Deklarację przystąpienia do Partnerskiego "
          "Zespołu Kooperacyjnego. Każdy z Kooperantów deleguje do działań PZK co najmniej jedną "
          "osobę (koordynatora Partnerstwa), zaangażowaną w proces organizacji, podejmowania "
          "decyzji, monitoringu i ewaluacji. Wskazane osoby realizują działania Kooperantów ujęte "
          "w Regulaminie;")
    t.lit("Lidera – {lider.nazwa_dop}. Osoba upoważniona do reprezentowania Lidera wyznacza do "
          "działań PZK pracownika ds. sieci, który koordynuje realizację zadań Lidera określonych "
          "w niniejszym Regulaminie.")
    t.ust("PZK ma charakter otwarty – przyjmuje się zasadę otwartości na współpracę ze wszystkimi "
          "podmiotami działającymi w obszarze wsparcia osób, rodzin i grup społecznych. Zakłada się "
          "upowszechnianie działań Partnerstwa oraz pozyskiwanie nowych Kooperantów.")
    t.ust("Przystąpienie do PZK następuje w drodze podpisania i przekazania Liderowi Deklaracji "
          "przystąpienia do Partnerskiego Zespołu Kooperacyjnego, stanowiącej załącznik nr 1 do "
          "niniejszego Regulaminu, oraz akceptacji Ramowego Regulaminu PZK.")
    t.ust("Pisemna rezygnacja z uczestnictwa podmiotu w PZK może być złożona w dowolnym czasie. "
          "Powinna być podpisana przez osobę upoważnioną do reprezentowania danego podmiotu "
          "i złożona Liderowi PZK.")
    t.ust("PZK może zostać rozwiązany przez Lidera w wyniku decyzji większości Kooperantów, "
          "wyrażonej poprzez pisemną rezygnację z uczestnictwa w nim.")
    t.ust("PZK opiera się na poznaniu i akceptacji działań własnych Kooperantów – Kooperanci "
          "powinni poznać i rozumieć swoje sposoby działania, a także różnice w kompetencjach.")
    t.ust("PZK zaangażuje, w miarę potrzeb i możliwości, adekwatne zasoby w celu osiągnięcia "
          "ustalonego celu.")
    t.ust("Osoby upoważnione do reprezentowania Lidera i Kooperantów lub wskazani przez nie "
          "pracownicy pełnią funkcje konsultacyjne w Partnerstwie, w tym w stosunku do Zadaniowych "
          "Zespołów Kooperacyjnych, o których mowa w § 4.")
    t.ust("Działania PZK finansowane są ze środków Lidera i Kooperantów.")

    t.par("Ramy organizacyjne")
    for x in ["Prace PZK organizuje Lider Partnerstwa, który im przewodniczy.",
              "Prace PZK realizowane są poprzez spotkania bezpośrednie lub za pośrednictwem "
              "środków komunikacji elektronicznej, w szczególności w formie telekonferencji lub "
              "wiadomości e-mail.",
              "Spotkania w ramach PZK odbywają się w miarę potrzeb, jednak nie rzadziej niż "
              "{pzk.spotkania_czestotliwosc}.",
              "Miejscem spotkań PZK jest {lider.nazwa} lub siedziba innego z Partnerów, według "
              "wcześniejszych uzgodnień.",
              "Spotkania zwołuje Lider Partnerstwa, w tym również na wniosek Kooperantów. Decyzje "
              "o terminie spotkań Kooperanci podejmują w drodze uzgodnienia wspólnego stanowiska. "
              "Każdy z Kooperantów respektuje przyjęte uzgodnienia.",
              "O planowanym spotkaniu Lider Partnerstwa informuje wszystkich Kooperantów.",
              "Dopuszcza się możliwość spotkania PZK w niepełnym składzie.",
              "W spotkaniach PZK, za zgodą Kooperantów, poza jego członkami mogą uczestniczyć także "
              "konsultanci oraz zaproszeni goście, którzy wspomagają realizację celu działalności "
              "Partnerstwa.",
              "Spotkania PZK są protokołowane. Funkcję protokolanta pełni przedstawiciel Lidera "
              "Partnerstwa.",
              "PZK działa według okresowego planu działania, przyjętego w drodze uzgodnienia.",
              "Dokumentacja Partnerstwa przechowywana jest u Lidera Partnerstwa."]:
        t.ust(x)

    t.par("Tworzenie i udostępnianie lokalnego koszyka usług")
    t.ust("PZK współpracuje przy organizowaniu istniejących i tworzeniu nowych usług – tworząc "
          "„lokalny koszyk usług”.")
    t.ust("Członkowie PZK przedkładają „Kartę usług kooperanta”, według wzoru stanowiącego "
          "załącznik nr 2, zawierającą charakterystykę realizowanych usług i kompetencji w zakresie "
          "wsparcia osób, rodzin i grup społecznych.")
    t.ust("Lider zobowiązany jest do zintegrowania uzyskanych informacji o usługach w postaci "
          "lokalnego koszyka usług.")
    t.ust("Lokalny koszyk usług wykorzystywany jest przez pracowników Lidera i Kooperantów. "
          "Gromadzone dane są publikowane i udostępniane pracownikom OPS oraz Kooperantów w formie "
          "elektronicznej.")
    t.ust("Aktualizacji koszyka usług dokonuje Lider Partnerstwa:")
    t.lit("nie rzadziej niż {pzk.koszyk_aktualizacja}, na podstawie danych przekazywanych przez "
          "Kooperantów,")
    t.lit("w przypadku uruchomienia usługi wcześniej nierealizowanej,")
    t.lit("w przypadku zaprzestania świadczenia usługi, zmiany warunków lub czasu dostępu do niej, "
          "a także zmiany danych kontaktowych.")
    t.ust("Kooperanci zobowiązują się do bieżącego informowania Lidera o zaistniałych zmianach "
          "(czasowych lub stałych) w dostępie do zasobów lokalnego koszyka usług.")

    t.par("Tworzenie i funkcjonowanie Zadaniowych Zespołów Kooperacyjnych")
    t.ust("PZK udostępnia swoje zasoby w celu tworzenia i funkcjonowania Zadaniowych Zespołów "
          "Kooperacyjnych, zwanych dalej ZZK.")
    t.ust("ZZK są powoływane w związku ze zdiagnozowanymi potrzebami osób, rodzin i grup "
          "społecznych w sytuacji, gdy osoba, rodzina lub grupa oraz pracownik socjalny OPS lub "
          "pracownik Kooperanta nie mają dostępu do potrzebnych zasobów lub dostęp do nich jest "
          "znacznie utrudniony, a także w sytuacji, gdy do ich aktualizacji wymagana jest praca "
          "w Zadaniowym Zespole Kooperacyjnym.")
    t.ust("Osoby kierujące instytucjami wchodzącymi w skład PZK wskazują pracowników uprawnionych "
          "i zobowiązanych do współpracy w ramach Zadaniowych Zespołów Kooperacyjnych.")
    t.ust("ZZK powołuje pracownik socjalny po uzyskaniu zgody osoby, rodziny lub grupy społecznej. "
          "W przypadku gdy potrzebę pracy z osobą lub rodziną w ramach ZZK stwierdzi przedstawiciel "
          "Kooperanta, przedstawia on taki wniosek pracownikowi socjalnemu OPS na piśmie (również "
          "e-mailem). Pracownik socjalny, po rozeznaniu sytuacji, potwierdzeniu przesłanek "
          "udzielenia wsparcia w ramach ZZK, uzyskaniu zgody osoby lub rodziny oraz po "
          "poinformowaniu pracownika ds. sieci, podejmuje działania prowadzące do uruchomienia ZZK.")
    t.ust("Zasady działania, w tym sposoby pracy i komunikacji poszczególnych ZZK, ustala każdy "
          "zespół odrębnie na pierwszym spotkaniu.")

    t.par("Obowiązki Lidera PZK")
    t.ust("Lider Partnerstwa zobowiązuje się do wykonywania, zgodnie ze zdiagnozowanymi "
          "potrzebami, zadań z następującego zakresu:")
    for x in ["prowadzenie i aktualizacja rejestru członków PZK,",
              "określenie poziomu i stopnia koniecznego zaangażowania poszczególnych Kooperantów "
              "we współpracę w ramach PZK,",
              "pełnienie funkcji mediatora lub doradcy w konfliktach w PZK i ZZK,",
              "określenie, które z organizacji są kluczowe i niezbędne we współpracy, które będą "
              "współpracować okazjonalnie, które prowadzą systematyczną diagnozę danego środowiska, "
              "obszaru, problemu lub potrzeb, a które oferują usługi dla osób i rodzin istotne "
              "z punktu widzenia kooperacji,",
              "zaangażowanie zasobów społeczności lokalnej w Partnerstwo,",
              "zintegrowanie uzyskanych informacji o usługach w postaci lokalnego koszyka usług,",
              "upowszechnianie danych o usługach,",
              "podejmowanie działań w celu pozyskania nowych Kooperantów i uzupełnienia składu PZK, "
              "m.in. w przypadku zgłoszenia takiej potrzeby przez ZZK,",
              "monitoring i ewaluacja PZK w zakresie określonym w § 7,",
              "monitoring działań ZZK."]:
        t.lit(x)

    t.par("Komunikacja w Partnerstwie")
    t.ust("W okresie między spotkaniami PZK komunikacja odbywa się bezpośrednio, za pomocą poczty "
          "elektronicznej i telefonu. Z rozmów, które mają wpływ na osiągnięcie celu, sporządza się "
          "notatkę służbową. Notatkę służbową przesyła się wszystkim członkom PZK.")
    t.ust("Korespondencja, w tym elektroniczna, kierowana jest do wszystkich Kooperantów "
          "jednocześnie.")

    t.par("Monitoring i ewaluacja")
    t.ust("Lider Partnerstwa zobowiązuje się na bieżąco monitorować realizację Partnerstwa.")
    t.ust("Każdy z Kooperantów zobowiązuje się niezwłocznie informować pozostałych Kooperantów "
          "o pojawiających się ryzykach, nieprawidłowościach i zagrożeniach istotnych dla "
          "funkcjonowania Partnerstwa.")
    t.ust("Ewaluację Partnerstwa prowadzi Lider Partnerstwa we współpracy z Kooperantami i po "
          "uzgodnieniu jej metod.")
    t.ust("Prowadzi się ewaluację bieżącą (on-going) i końcową (ex-post) Partnerstwa.")

    t.par("Ochrona danych osobowych")
    t.ust("Członkowie PZK przestrzegają zasad ochrony i przetwarzania danych osobowych osób, "
          "rodzin i grup, w tym zasad ich przekazywania Kooperantom.")
    t.ust("Kwestia przetwarzania danych osobowych osób, rodzin lub grup społecznych pomiędzy "
          "członkami PZK zostanie uregulowana w drodze odrębnych umów i upoważnień.")

    t.par("Zmiana Regulaminu")
    t.p("Wszelkie zmiany niniejszego Regulaminu wymagają formy pisemnej i akceptacji większości "
        "członków PZK, w tym Lidera.")
    t.par("Rozwiązywanie sporów")
    t.p("Partnerzy będą dążyli do polubownego rozwiązywania sporów powstałych w związku "
        "z realizacją niniejszego Partnerstwa.")
    t.p("Załączniki:", style="Nagłówek części")
    nid = t.new_list()
    t.p("Deklaracja przystąpienia do Partnerskiego Zespołu Kooperacyjnego.", numid=nid)
    t.p("Karta usług kooperanta.", numid=nid)
    return t


def declaration():
    t = Template("Deklaracja przystąpienia do PZK", "Załącznik nr 1 do Ramowego Regulaminu PZK")
    t.p("Załącznik nr 1 do Ramowego Regulaminu Partnerskiego Zespołu Kooperacyjnego",
        style="Oznaczenie załącznika")
    t.place_date()
    t.p("{lider.nazwa}\n{lider.adres}", style="Adresat")
    t.p("")
    t.title_block("DEKLARACJA PRZYSTĄPIENIA DO PARTNERSKIEGO ZESPOŁU KOOPERACYJNEGO",
                  "w {gmina.miejscowosc_msc}")
    t.label_table([
        ("Nazwa podmiotu", "{kooperant.nazwa}"),
        ("Adres siedziby", "{kooperant.adres}"),
        ("Osoba upoważniona do reprezentowania", "{kooperant.reprezentant}, "
                                                 "{kooperant.reprezentant_stanowisko}"),
    ])
    t.p("Działając w imieniu podmiotu wskazanego powyżej, deklaruję przystąpienie do "
        "Partnerskiego Zespołu Kooperacyjnego w {gmina.miejscowosc_msc} oraz akceptuję Ramowy "
        "Regulamin PZK. W szczególności podmiot zobowiązuje się do:")
    nid = t.new_list()
    for x in ["delegowania do działań PZK co najmniej jednej osoby (koordynatora Partnerstwa), "
              "wskazanej poniżej;",
              "przedłożenia Liderowi „Karty usług kooperanta” zawierającej charakterystykę "
              "realizowanych usług i kompetencji;",
              "bieżącego informowania Lidera o zmianach w dostępie do usług ujętych w lokalnym "
              "koszyku usług;",
              "wskazania pracowników uprawnionych i zobowiązanych do współpracy w ramach Zadaniowych "
              "Zespołów Kooperacyjnych;",
              "przestrzegania zasad ochrony danych osobowych osób, rodzin i grup."]:
        t.p(x, numid=nid)
    t.p("Koordynator Partnerstwa ze strony podmiotu:", style="Nagłówek części")
    t.label_table([
        ("Imię i nazwisko", "{koordynator.imie_nazwisko}"),
        ("Stanowisko", "{koordynator.stanowisko}"),
        ("Telefon", "{koordynator.telefon}"),
        ("Adres e-mail", "{koordynator.email}"),
    ])
    t.signatures(["/pieczątka podmiotu/", "/podpis osoby upoważnionej/"],
                 top=["", "{kooperant.reprezentant}"])
    return t


def service_card():
    t = Template("Karta usług kooperanta", "Załącznik nr 2 do Ramowego Regulaminu PZK",
                 landscape=True)
    t.p("Załącznik nr 2 do Ramowego Regulaminu Partnerskiego Zespołu Kooperacyjnego",
        style="Oznaczenie załącznika")
    t.title_block("KARTA USŁUG KOOPERANTA", "stan na dzień {dokument.data | data}")
    t.label_table([
        ("Kooperant", "{kooperant.nazwa}"),
        ("Adres", "{kooperant.adres}"),
        ("Telefon, e-mail, strona internetowa", "{kooperant.telefon}, {kooperant.email}, "
                                                "{kooperant.www}"),
        ("Godziny pracy", "{kooperant.godziny_pracy}"),
        ("Kompetencje w zakresie wsparcia osób, rodzin i grup", "{kooperant.kompetencje}"),
    ], widths_cm=(7.0, 18.3))
    t.p("Realizowane usługi", style="Nagłówek części")
    t.table(["Lp.", "Usługa", "Zakres i opis", "Adresaci", "Warunki i czas dostępu",
             "Osoba do kontaktu"], [1.1, 4.2, 7.0, 3.8, 4.8, 4.4], loop="uslugi",
            cells=["{nr}.", "{nazwa}", "{opis}", "{adresaci}", "{warunki}", "{kontakt}"],
            blank_rows=6, first_col_lp=True, size=10)
    t.signatures(["/miejscowość, data/", "/podpis osoby upoważnionej/"],
                 top=["{dokument.miejscowosc}, {dokument.data | data}",
                      "{kooperant.reprezentant}"])
    t.note("Kooperant informuje Lidera na bieżąco o każdej zmianie usług, warunków lub czasu "
           "dostępu i danych kontaktowych (Regulamin, § 3 ust. 6).")
    return t


def service_basket():
    t = Template("Lokalny koszyk usług", "Ramowy Regulamin PZK, § 3", landscape=True)
    t.title_block("LOKALNY KOSZYK USŁUG",
                  "Partnerski Zespół Kooperacyjny w {gmina.miejscowosc_msc} – stan na dzień "
                  "{koszyk.data | data}")
    t.p("Aktualizacja nr {koszyk.wersja}; powód aktualizacji: {koszyk.powod}.")
    t.table(["Lp.", "Kooperant", "Usługa", "Adresaci", "Warunki i czas dostępu", "Kontakt"],
            [1.1, 5.2, 6.0, 4.0, 5.0, 4.0], loop="koszyk.uslugi",
            cells=["{nr}.", "{kooperant}", "{nazwa}", "{adresaci}", "{warunki}", "{kontakt}"],
            blank_rows=10, first_col_lp=True, size=10)
    t.note("Koszyk aktualizuje Lider Partnerstwa nie rzadziej niż {pzk.koszyk_aktualizacja} oraz "
           "przy każdym uruchomieniu lub zaprzestaniu usługi, zmianie warunków lub czasu dostępu "
           "i zmianie danych kontaktowych (Regulamin, § 3 ust. 5). Koszyk jest udostępniany "
           "pracownikom OPS i Kooperantów w formie elektronicznej.")
    t.p("Sporządził: {koszyk.sporzadzil}, {lider.nazwa}")
    return t
