BEGIN TRANSACTION;
CREATE TABLE deadlines (
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                deadline_id TEXT NOT NULL,
                occurrence BIGINT NOT NULL,
                title TEXT NOT NULL,
                due_date TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                state TEXT NOT NULL,
                owner_state TEXT NOT NULL,
                remind TEXT NOT NULL,
                recipients TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL, next_action_at BIGINT, actions_done BIGINT NOT NULL DEFAULT 0, escalate TEXT NOT NULL DEFAULT '', escalate_to TEXT NOT NULL DEFAULT '[]', recur_every TEXT, recur_anchor TEXT, recur_count BIGINT,
                PRIMARY KEY (instance_id, deadline_id, occurrence));
INSERT INTO "deadlines" VALUES('pzk-founding-fc8c5ef82e','meeting.rsvp',1,'Termin potwierdzenia udziału w spotkaniu','2026-12-04',1796425200000,'cancelled','invited','[]','["coordinator"]',1795420800000,1796817600000,NULL,0,'','[]',NULL,NULL,NULL);
INSERT INTO "deadlines" VALUES('pzk-founding-fc8c5ef82e','meeting.reminder',1,'Przypomnienie zaproszonym o spotkaniu i potwierdzenie udziału','2026-12-04',1796425200000,'satisfied','invited','["P1D"]','["coordinator"]',1795420800000,1796371200000,NULL,0,'','[]',NULL,NULL,NULL);
INSERT INTO "deadlines" VALUES('pzk-founding-fc8c5ef82e','rops.information',1,'Informacja do ROPS o samodzielnym zawiązaniu PZK','2026-12-28',1798498800000,'satisfied','formed','["P3D","P1D"]','["coordinator"]',1797595200000,1798444800000,1798005600000,0,'','[]',NULL,NULL,NULL);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','team.invitations',1,'Wysłanie pisemnych zaproszeń na posiedzenie zespołu','2027-02-10',1802300400000,'satisfied','convening','["P2D","P1D"]','["coordinator"]',1801731600000,1802160000000,1802152800000,1,'','[]',NULL,NULL,NULL);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','case.report',1,'Formularz monitoringu (zał. 7) na podstawie informacji członków zespołu','2027-03-17',1805324400000,'satisfied','reportCycle','["P3D"]','["coordinator"]',1802862000000,1805184000000,NULL,0,'','[]','P1M','2027-02-17',0);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','case.monitoringMeeting',1,'Spotkanie monitorujące zespołu','2027-05-17',1810591200000,'satisfied','monitoringCycle','["P7D","P2D"]','["coordinator"]',1802862000000,1810800000000,1810270800000,1,'P7D','["coordinator"]','P3M','2027-02-17',0);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','case.report',2,'Formularz monitoringu (zał. 7) na podstawie informacji członków zespołu','2027-04-16',1807912800000,'open','reportCycle','["P3D"]','["coordinator"]',1805184000000,1805184000000,253402300800000,3,'','[]','P1M','2027-03-16',0);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','case.familyInformed',1,'Niezwłoczne poinformowanie osoby/rodziny o ustaleniach','2027-05-24',1811196000000,'open','monitoringCycle','[]','["coordinator"]',1810800000000,1810800000000,1811134800000,0,'','[]',NULL,NULL,NULL);
INSERT INTO "deadlines" VALUES('case-cf591ec0c2','case.monitoringMeeting',2,'Spotkanie monitorujące zespołu','2027-08-20',1818799200000,'open','monitoringCycle','["P7D","P2D"]','["coordinator"]',1810800000000,1810800000000,1818133200000,0,'P7D','["coordinator"]','P3M','2027-05-20',0);
CREATE TABLE events (
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                seq BIGINT NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                outcome TEXT NOT NULL,
                recorded_at BIGINT NOT NULL, errors TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (instance_id, seq));
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',0,'koop.start','{}',1790838000000,'demo','started',1796291035458,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',1,'analysis.diagnosis.done','{"data":"2026-10-12"}',1791792000000,'demo','handled',1796291035465,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',2,'analysis.resources.done','{"data":"2026-10-19"}',1792396800000,'demo','handled',1796291035467,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',3,'analysis.network.done','{"data":"2026-10-20"}',1792483200000,'demo','handled',1796291035471,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',4,'initiation.self','{}',1792569600000,'demo','handled',1796291035476,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',5,'authorities.met','{"data":"2026-11-18","minutes":40,"protocol":true,"starosta":true}',1794999600000,'demo','handled',1796291035480,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',6,'meeting.planned','{"partnerzy":[{"adres":"ul. Lipowa 4, 98-215 Zielony Gaj","dyrektor":"Pani Beata Wzorowa","dyrektor_stanowisko":"Kierownik","id":"gops","kontakt":{"email":"a.przykladowa@gops.zielonygaj.example","imie_nazwisko":"Anna Przykładowa","stanowisko":"starszy pracownik socjalny","telefon":"43 820 11 05"},"nazwa":"Gminny Ośrodek Pomocy Społecznej w Zielonym Gaju","nr":1,"przedstawiciel":"","reprezentant":"Beata Wzorowa – Kierownik","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowna Pani Kierownik"},{"adres":"ul. Kościuszki 2, 98-200 Olszany","dyrektor":"Pan Tomasz Próbny","dyrektor_stanowisko":"Dyrektor","id":"pcpr","kontakt":{"email":"e.modelowa@pcpr.olszany.example","imie_nazwisko":"Ewa Modelowa","stanowisko":"koordynator","telefon":"43 821 22 10"},"nazwa":"Powiatowe Centrum Pomocy Rodzinie w Olszanach","nr":2,"przedstawiciel":"Panią Ewę Modelową","reprezentant":"Tomasz Próbny – Dyrektor","siedziba_msc":"Olszanach","zwrot":"Szanowny Panie Dyrektorze"},{"adres":"ul. Szkolna 1, 98-215 Zielony Gaj","dyrektor":"Pan Krzysztof Wzorcowy","dyrektor_stanowisko":"Dyrektor","id":"sp1","kontakt":{"email":"pedagog@sp1.zielonygaj.example","imie_nazwisko":"Joanna Szkolna","stanowisko":"pedagog szkolny","telefon":"43 820 33 44"},"nazwa":"Szkoła Podstawowa nr 1 w Zielonym Gaju","nr":3,"przedstawiciel":"Panią Joannę Szkolną, pedagoga szkolnego","reprezentant":"Krzysztof Wzorcowy – Dyrektor","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowny Panie Dyrektorze"},{"adres":"ul. Główna 20, 98-215 Zielony Gaj","dyrektor":"Pan asp. szt. Paweł Służbowy","dyrektor_stanowisko":"Komendant Komisariatu","id":"policja","kontakt":{"email":"dzielnicowy@policja.example","imie_nazwisko":"sierż. Adam Dzielnicowy","stanowisko":"dzielnicowy","telefon":"47 841 55 10"},"nazwa":"Komisariat Policji w Zielonym Gaju","nr":4,"przedstawiciel":"","reprezentant":"asp. szt. Paweł Służbowy – Komendant","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowny Panie Komendancie"},{"adres":"ul. Rynek 5, 98-200 Olszany","dyrektor":"Pan Roman Urzędowy","dyrektor_stanowisko":"Dyrektor","id":"pup","kontakt":{"email":"i.zawodowa@pup.olszany.example","imie_nazwisko":"Irena Zawodowa","stanowisko":"doradca zawodowy","telefon":"43 821 40 12"},"nazwa":"Powiatowy Urząd Pracy w Olszanach","nr":5,"przedstawiciel":"Panią Irenę Zawodową","reprezentant":"Roman Urzędowy – Dyrektor","siedziba_msc":"Olszanach","zwrot":"Szanowny Panie Dyrektorze"}],"program":[{"godziny":"11:00–11:45","punkt":"Powitanie; diagnoza gminy i koszty zaniechania współpracy"},{"godziny":"11:45–12:00","punkt":"Przerwa kawowa"},{"godziny":"12:00–12:45","punkt":"Cele i zasady partnerstwa; projekt porozumienia"},{"godziny":"12:45–13:00","punkt":"Podsumowanie i odczytanie protokołu"}],"spotkanie":{"adres":"ul. Główna 10, 98-215 Zielony Gaj","cel":"zawiązanie Partnerskiego Zespołu Kooperacji","data":"2026-12-09","godzina_do":"13:00","godzina_od":"11:00","miejsce":"sala narad Urzędu Gminy Zielony Gaj","potwierdzenie_do":"2026-12-04"}}',1795420800000,'demo','handled',1796291035483,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',7,'invitations.reminded','{}',1796371200000,'demo','handled',1796291035534,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',8,'meeting.held','{"protocol":true,"spotkanie":{"rodzaj":"Spotkanie z instytucjami – zawiązanie PZK"}}',1796817600000,'demo','handled',1796291035536,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',9,'agreement.signed','{"porozumienie":{"data":"2026-12-18","egzemplarze":"pięciu"}}',1797595200000,'demo','handled',1796291035545,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',10,'copies.sent','{}',1797840000000,'demo','handled',1796291035563,'[]');
INSERT INTO "events" VALUES('pzk-founding-fc8c5ef82e',11,'rops.informed','{}',1798444800000,'demo','finished',1796291035575,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',0,'koop.start','{"sprawa":{"numer":"MOPS/2027/003"},"zgloszenie":{"instytucja":"sp5","kanal":"kooperant"}}',1801468800000,'demo','started',1796291035580,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',1,'diagnosis.started','{}',1801472400000,'demo','handled',1796291035582,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',2,'interview.done','{"rodzina":{"czlonkowie":[{"imie_nazwisko":"Karolina Testowa","miejsce_zamieszkania":"Sieradz, ul. Polna 3","nr":1,"telefon":"600 000 001","wiek":34},{"imie_nazwisko":"Filip Testowy","miejsce_zamieszkania":"Sieradz, ul. Polna 3","nr":2,"telefon":"","wiek":9}],"podpisujacy":[{"adres":"ul. Polna 3, 98-200 Sieradz","imie_nazwisko":"Karolina Testowa","nr":1,"telefon":"600 000 001"}]},"sytuacja":{"materialna":"Dochód z pracy dorywczej i świadczeń rodzinnych.","mieszkaniowa":"Mieszkanie komunalne.","opiekuncza":"Zaległości szkolne syna.","relacje":"Ograniczony kontakt z dalszą rodziną.","wnioski":"Potrzeba aktywizacji zawodowej matki i wsparcia syna w nauce.","zawodowa":"Matka bez pracy od roku.","zdrowotna":"Bez istotnych problemów."}}',1801645200000,'demo','handled',1796291035584,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',3,'consent.given','{"dataProcessing":true,"team":true}',1801648800000,'demo','handled',1796291035585,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',4,'team.convened','{"instytucje":[{"adres":"ul. Przykładowa 1, 98-200 Sieradz","funkcja":"koordynator","id":"mops","nazwa":"Miejski Ośrodek Pomocy Społecznej w Sieradzu","nr":1,"pracownik":"Marta Socjalna","telefon":"43 000 10 31"},{"adres":"ul. Szkolna 5, 98-200 Sieradz","funkcja":"pedagog","id":"sp5","nazwa":"Szkoła Podstawowa nr 5 w Sieradzu","nr":2,"pracownik":"Jan Kowalczyk-Próbny","telefon":"43 000 30 12"},{"adres":"ul. Wiosenna 8, 98-200 Sieradz","funkcja":"prezes","id":"razem","nazwa":"Stowarzyszenie Pomocy Rodzinie „Razem”","nr":3,"pracownik":"Halina Społeczna","telefon":"43 000 50 01"}],"posiedzenie":{"czas_trwania":"około 1,5 godziny","data":"2027-02-17","godzina":"10:00","miejsce":"MOPS w Sieradzu, ul. Przykładowa 1, sala 2","minuty":90}}',1801731600000,'demo','handled',1796291035587,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',5,'invitations.sent','{}',1802160000000,'demo','handled',1796291035603,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',6,'team.met','{}',1802860200000,'demo','handled',1796291035604,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',7,'plan.signed','{"plan":{"cel_glowny":"Poprawa sytuacji materialnej rodziny i wyników szkolnych dziecka.","cele":[{"nr":1,"opis":"Podjęcie zatrudnienia przez matkę"},{"nr":2,"opis":"Nadrobienie zaległości szkolnych"}],"zadania":[{"cel":"1. Podjęcie zatrudnienia","nr":1,"odpowiedzialny":"matka","opis":"Rejestracja w PUP i doradztwo zawodowe","rodzina":true,"termin":"2027-03-05"},{"cel":"","nr":2,"odpowiedzialny":"Marta Socjalna (MOPS)","opis":"Skierowanie na kurs zawodowy","termin":"2027-03-31"},{"cel":"2. Zaległości szkolne","nr":1,"odpowiedzialny":"Jan Kowalczyk-Próbny (SP 5)","opis":"Zajęcia wyrównawcze dwa razy w tygodniu","termin":"2027-04-30"},{"cel":"","nr":2,"odpowiedzialny":"Halina Społeczna (Razem)","opis":"Świetlica środowiskowa","termin":"2027-06-30"}]},"rodzinaObecna":false}',1802862000000,'demo','handled',1796291035608,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',8,'report.filed','{"monitoring":{"okres":"luty–marzec 2027","pozycje":[{"instytucja":"MOPS w Sieradzu","postep":"Złożono wniosek.","zadanie":"Skierowanie na kurs zawodowy"},{"instytucja":"SP nr 5 w Sieradzu","postep":"Syn uczęszcza regularnie.","zadanie":"Zajęcia wyrównawcze"}],"rodzina_poinformowana":false,"spotkanie":false,"zmiany":"Matka zarejestrowała się w PUP."}}',1805184000000,'demo','handled',1796291035647,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',9,'deadline.case.report.due','{}',1807851600000,'scheduler','ignored',1796291035671,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',10,'deadline.case.report.overdue','{}',1807912800000,'scheduler','ignored',1796291035679,'[]');
INSERT INTO "events" VALUES('case-cf591ec0c2',11,'monitoring.held','{"rodzinaObecna":false}',1810800000000,'demo','handled',1796291035690,'[]');
CREATE TABLE instances (
                instance_id TEXT PRIMARY KEY,
                workflow_id TEXT NOT NULL,
                workflow_version TEXT NOT NULL,
                municipality_id TEXT NOT NULL,
                municipality TEXT NOT NULL,
                status TEXT NOT NULL,
                last_seq BIGINT NOT NULL,
                snapshot TEXT NOT NULL,
                next_timer_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL, last_event_at BIGINT NOT NULL DEFAULT 0,
                FOREIGN KEY (workflow_id, workflow_version)
                  REFERENCES workflow_definitions (workflow_id, version));
INSERT INTO "instances" VALUES('pzk-founding-fc8c5ef82e','pzk-founding','1','zielony-gaj','{"id":"zielony-gaj","name":"Gmina Zielony Gaj","teryt":"1099012","params":{"authorities.maxMinutes":"45","basket.changeDays":"14","basket.updateMonths":"12","case.changeMeetingDays":"10","case.consentBeforeTeam":"false","case.familyInformDays":"2","case.monitoringEveryMonths":"3","case.reportEveryMonths":"1","meeting.maxMinutes":"120","meeting.reminderDays":"3","office.close":"15:30","office.open":"07:30","pzk.leader":"PCPR","pzk.meetingEveryMonths":"3","rops.contactDays":"7","rops.informationDays":"7","team.kind":"GGK","team.noticeDays":"5"},"institutions":[{"id":"gops","name":"Gminny Ośrodek Pomocy Społecznej w Zielonym Gaju","type":"OPS","address":{"street":"ul. Lipowa 4","postalCode":"98-215","city":"Zielony Gaj"},"email":"sekretariat@gops.zielonygaj.example","phone":"43 820 11 00","roles":["lead","coordinator"],"contacts":[{"name":"Anna Przykładowa","email":"a.przykladowa@gops.zielonygaj.example","phone":"43 820 11 05","roles":["coordinator","ggk.member"]},{"name":"Beata Wzorowa","email":"kierownik@gops.zielonygaj.example","phone":"43 820 11 01","roles":["director"]}]},{"id":"pcpr","name":"Powiatowe Centrum Pomocy Rodzinie w Olszanach","type":"PCPR","address":{"street":"ul. Kościuszki 2","postalCode":"98-200","city":"Olszany"},"email":"pcpr@olszany.example","phone":"43 821 22 00","roles":["leader"],"contacts":[{"name":"Tomasz Próbny","email":"dyrektor@pcpr.olszany.example","phone":"43 821 22 01","roles":["director"]},{"name":"Ewa Modelowa","email":"e.modelowa@pcpr.olszany.example","phone":"43 821 22 10","roles":["leader","ggk.member"]}]},{"id":"rops","name":"Regionalny Ośrodek Polityki Społecznej w Łodzi","type":"ROPS","address":{"street":"ul. Przykładowa 17","postalCode":"90-001","city":"Łódź"},"email":"kooperacja@rops.example","phone":"42 600 00 00","roles":[],"contacts":[{"name":"Regionalny Animator Współpracy","email":"animator@rops.example","phone":"42 600 00 10","roles":["rops.animator"]}]},{"id":"sp1","name":"Szkoła Podstawowa nr 1 w Zielonym Gaju","type":"school","address":{"street":"ul. Szkolna 1","postalCode":"98-215","city":"Zielony Gaj"},"email":"sekretariat@sp1.zielonygaj.example","phone":"43 820 33 00","roles":[],"contacts":[{"name":"Krzysztof Wzorcowy","email":"dyrektor@sp1.zielonygaj.example","phone":"43 820 33 01","roles":["director"]},{"name":"Joanna Szkolna","email":"pedagog@sp1.zielonygaj.example","phone":"43 820 33 44","roles":["ggk.member"]}]},{"id":"policja","name":"Komisariat Policji w Zielonym Gaju","type":"police","address":{"street":"ul. Główna 20","postalCode":"98-215","city":"Zielony Gaj"},"email":"komisariat@policja.example","phone":"47 841 55 00","roles":[],"contacts":[{"name":"Paweł Służbowy","email":"komendant@policja.example","phone":"47 841 55 01","roles":["director"]},{"name":"Adam Dzielnicowy","email":"dzielnicowy@policja.example","phone":"47 841 55 10","roles":["ggk.member"]}]},{"id":"pup","name":"Powiatowy Urząd Pracy w Olszanach","type":"labour-office","address":{"street":"ul. Rynek 5","postalCode":"98-200","city":"Olszany"},"email":"pup@olszany.example","phone":"43 821 40 00","roles":[],"contacts":[{"name":"Irena Zawodowa","email":"i.zawodowa@pup.olszany.example","phone":"43 821 40 12","roles":["ggk.member"]}]},{"id":"ugm","name":"Urząd Gminy Zielony Gaj","type":"local-government","address":{"street":"ul. Główna 10","postalCode":"98-215","city":"Zielony Gaj"},"email":"ug@zielonygaj.example","phone":"43 820 10 00","roles":[],"contacts":[{"name":"Zbigniew Gospodarny","email":"wojt@zielonygaj.example","phone":"43 820 10 01","roles":["mayor"]}]}],"officeHours":{"mon":["07:30","15:30"],"tue":["07:30","15:30"],"wed":["07:30","15:30"],"thu":["07:30","15:30"],"fri":["07:30","15:30"]},"closures":[{"date":"2026-11-10","reason":"dzień wolny za święto przypadające w sobotę (przykład)"}],"workflows":["pzk-founding","pzk-operation","case"]}','finished',11,'{"format":1,"chart":"@WORKFLOWS@/pzk-founding.scxml","version":"1","session":"pzk-founding-fc8c5ef82e","now":1798444800000,"started":true,"running":false,"final":"done","final_configuration":["done"],"configuration":[],"to_invoke":["done"],"data_initialized":["pzk-founding","founding","analysis","diagnosis","diagnosis.pending","diagnosis.done","resources","resources.pending","resources.done","network","network.pending","network.done","decision","ropsRequest","authorities","institutions","planning","invited","held","formed","done"],"history":{},"data":{"path":"self","spotkanie":{"adres":"ul. Główna 10, 98-215 Zielony Gaj","cel":"zawiązanie Partnerskiego Zespołu Kooperacji","data":"2026-12-09","godzina_do":"13:00","godzina_od":"11:00","miejsce":"sala narad Urzędu Gminy Zielony Gaj","potwierdzenie_do":"2026-12-04"},"partnerzy":[{"adres":"ul. Lipowa 4, 98-215 Zielony Gaj","dyrektor":"Pani Beata Wzorowa","dyrektor_stanowisko":"Kierownik","id":"gops","kontakt":{"email":"a.przykladowa@gops.zielonygaj.example","imie_nazwisko":"Anna Przykładowa","stanowisko":"starszy pracownik socjalny","telefon":"43 820 11 05"},"nazwa":"Gminny Ośrodek Pomocy Społecznej w Zielonym Gaju","nr":1,"przedstawiciel":"","reprezentant":"Beata Wzorowa – Kierownik","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowna Pani Kierownik"},{"adres":"ul. Kościuszki 2, 98-200 Olszany","dyrektor":"Pan Tomasz Próbny","dyrektor_stanowisko":"Dyrektor","id":"pcpr","kontakt":{"email":"e.modelowa@pcpr.olszany.example","imie_nazwisko":"Ewa Modelowa","stanowisko":"koordynator","telefon":"43 821 22 10"},"nazwa":"Powiatowe Centrum Pomocy Rodzinie w Olszanach","nr":2,"przedstawiciel":"Panią Ewę Modelową","reprezentant":"Tomasz Próbny – Dyrektor","siedziba_msc":"Olszanach","zwrot":"Szanowny Panie Dyrektorze"},{"adres":"ul. Szkolna 1, 98-215 Zielony Gaj","dyrektor":"Pan Krzysztof Wzorcowy","dyrektor_stanowisko":"Dyrektor","id":"sp1","kontakt":{"email":"pedagog@sp1.zielonygaj.example","imie_nazwisko":"Joanna Szkolna","stanowisko":"pedagog szkolny","telefon":"43 820 33 44"},"nazwa":"Szkoła Podstawowa nr 1 w Zielonym Gaju","nr":3,"przedstawiciel":"Panią Joannę Szkolną, pedagoga szkolnego","reprezentant":"Krzysztof Wzorcowy – Dyrektor","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowny Panie Dyrektorze"},{"adres":"ul. Główna 20, 98-215 Zielony Gaj","dyrektor":"Pan asp. szt. Paweł Służbowy","dyrektor_stanowisko":"Komendant Komisariatu","id":"policja","kontakt":{"email":"dzielnicowy@policja.example","imie_nazwisko":"sierż. Adam Dzielnicowy","stanowisko":"dzielnicowy","telefon":"47 841 55 10"},"nazwa":"Komisariat Policji w Zielonym Gaju","nr":4,"przedstawiciel":"","reprezentant":"asp. szt. Paweł Służbowy – Komendant","siedziba_msc":"Zielonym Gaju","zwrot":"Szanowny Panie Komendancie"},{"adres":"ul. Rynek 5, 98-200 Olszany","dyrektor":"Pan Roman Urzędowy","dyrektor_stanowisko":"Dyrektor","id":"pup","kontakt":{"email":"i.zawodowa@pup.olszany.example","imie_nazwisko":"Irena Zawodowa","stanowisko":"doradca zawodowy","telefon":"43 821 40 12"},"nazwa":"Powiatowy Urząd Pracy w Olszanach","nr":5,"przedstawiciel":"Panią Irenę Zawodową","reprezentant":"Roman Urzędowy – Dyrektor","siedziba_msc":"Olszanach","zwrot":"Szanowny Panie Dyrektorze"}],"porozumienie":{"data":"2026-12-18","egzemplarze":"pięciu"},"zgloszenie":null,"dzialania":[{"data":"2026-10-12","opis":"diagnoza gminy"},{"data":"2026-10-20","opis":"analiza zasobów i sieci instytucji"},{"data":"2026-11-18","opis":"spotkanie z władzami lokalnymi"},{"data":"2026-12-09","opis":"spotkanie z instytucjami"}],"protokolDoZatwierdzenia":"2026-12-09","kopiePrzekazane":true,"ropsPoinformowany":true,"ostrzezenia":[]},"params":{"authorities.maxMinutes":45,"basket.changeDays":"14","basket.updateMonths":"12","case.changeMeetingDays":"10","case.consentBeforeTeam":"false","case.familyInformDays":"2","case.monitoringEveryMonths":"3","case.reportEveryMonths":"1","meeting.maxMinutes":120,"meeting.reminderDays":3,"office.close":"15:30","office.open":"07:30","pzk.leader":"PCPR","pzk.meetingEveryMonths":"3","rops.contactDays":7,"rops.informationDays":7,"team.kind":"GGK","team.noticeDays":"5"},"internal":[],"external":[],"delayed":[],"counters":{"send":0,"seq":0,"invoke":0}}',NULL,1796291035458,1796291035575,1798444800000);
INSERT INTO "instances" VALUES('case-cf591ec0c2','case','1','sieradz','{"id":"sieradz","name":"Miasto Sieradz","teryt":"1014011","params":{"authorities.maxMinutes":"45","basket.changeDays":"14","basket.updateMonths":"12","case.changeMeetingDays":"10","case.consentBeforeTeam":"true","case.familyInformDays":"2","case.monitoringEveryMonths":"3","case.reportEveryMonths":"1","meeting.maxMinutes":"120","meeting.reminderDays":"2","office.close":"15:00","office.open":"07:00","pzk.leader":"MOPS","pzk.meetingEveryMonths":"3","rops.contactDays":"7","rops.informationDays":"7","team.kind":"ZZK","team.noticeDays":"5"},"institutions":[{"id":"mops","name":"Miejski Ośrodek Pomocy Społecznej w Sieradzu","type":"OPS","address":{"street":"ul. Przykładowa 1","postalCode":"98-200","city":"Sieradz"},"email":"sekretariat@mops.sieradz.example","phone":"43 000 10 00","roles":["lead","leader","coordinator"],"contacts":[{"name":"Piotr Sieciowy","email":"siec@mops.sieradz.example","phone":"43 000 10 20","roles":["network.officer","leader"]},{"name":"Marta Socjalna","email":"m.socjalna@mops.sieradz.example","phone":"43 000 10 31","roles":["coordinator","zzk.member"]},{"name":"Grażyna Kierownicza","email":"dyrektor@mops.sieradz.example","phone":"43 000 10 01","roles":["director"]}]},{"id":"pcpr","name":"Powiatowe Centrum Pomocy Rodzinie w Sieradzu","type":"PCPR","address":{"street":"ul. Wzorcowa 3","postalCode":"98-200","city":"Sieradz"},"email":"pcpr@sieradz.example","phone":"43 000 20 00","roles":[],"contacts":[{"name":"Lucyna Rodzinna","email":"l.rodzinna@pcpr.sieradz.example","phone":"43 000 20 11","roles":["cooperant.coordinator","zzk.member"]}]},{"id":"sp5","name":"Szkoła Podstawowa nr 5 w Sieradzu","type":"school","address":{"street":"ul. Szkolna 5","postalCode":"98-200","city":"Sieradz"},"email":"sp5@sieradz.example","phone":"43 000 30 00","roles":[],"contacts":[{"name":"Jan Kowalczyk-Próbny","email":"pedagog@sp5.sieradz.example","phone":"43 000 30 12","roles":["cooperant.coordinator","zzk.member"]}]},{"id":"kpp","name":"Komenda Powiatowa Policji w Sieradzu","type":"police","address":{"street":"ul. Służbowa 2","postalCode":"98-200","city":"Sieradz"},"email":"kpp@policja.example","phone":"47 000 40 00","roles":[],"contacts":[{"name":"Celina Dyżurna","email":"c.dyzurna@policja.example","phone":"47 000 40 15","roles":["cooperant.coordinator","zzk.member"]}]},{"id":"razem","name":"Stowarzyszenie Pomocy Rodzinie „Razem”","type":"NGO","address":{"street":"ul. Wiosenna 8","postalCode":"98-200","city":"Sieradz"},"email":"biuro@razem.example","phone":"43 000 50 00","roles":[],"contacts":[{"name":"Halina Społeczna","email":"prezes@razem.example","phone":"43 000 50 01","roles":["director","cooperant.coordinator"]}]}],"officeHours":{"mon":["07:00","15:00"],"tue":["07:00","15:00"],"wed":["07:00","15:00"],"thu":["07:00","15:00"],"fri":["07:00","15:00"]},"closures":[],"workflows":["pzk-founding","pzk-operation","case"]}','active',11,'{"format":1,"chart":"@WORKFLOWS@/case.scxml","version":"1","session":"case-cf591ec0c2","now":1810800000000,"started":true,"running":true,"final":"","final_configuration":[],"configuration":["active","implementation","reports","reportCycle","meetings","monitoringCycle"],"to_invoke":[],"data_initialized":["case","active","reported","diagnosis","convening","planning","implementation","reports","reportCycle","meetings","monitoringCycle","evaluation","closed"],"history":{},"data":{"sprawa":{"numer":"MOPS/2027/003"},"zgloszenie":{"instytucja":"sp5","kanal":"kooperant"},"rodzina":{"czlonkowie":[{"imie_nazwisko":"Karolina Testowa","miejsce_zamieszkania":"Sieradz, ul. Polna 3","nr":1,"telefon":"600 000 001","wiek":34},{"imie_nazwisko":"Filip Testowy","miejsce_zamieszkania":"Sieradz, ul. Polna 3","nr":2,"telefon":"","wiek":9}],"podpisujacy":[{"adres":"ul. Polna 3, 98-200 Sieradz","imie_nazwisko":"Karolina Testowa","nr":1,"telefon":"600 000 001"}]},"sytuacja":{"materialna":"Dochód z pracy dorywczej i świadczeń rodzinnych.","mieszkaniowa":"Mieszkanie komunalne.","opiekuncza":"Zaległości szkolne syna.","relacje":"Ograniczony kontakt z dalszą rodziną.","wnioski":"Potrzeba aktywizacji zawodowej matki i wsparcia syna w nauce.","zawodowa":"Matka bez pracy od roku.","zdrowotna":"Bez istotnych problemów."},"wywiad":true,"zgoda":{"dataProcessing":true,"team":true},"instytucje":[{"adres":"ul. Przykładowa 1, 98-200 Sieradz","funkcja":"koordynator","id":"mops","nazwa":"Miejski Ośrodek Pomocy Społecznej w Sieradzu","nr":1,"pracownik":"Marta Socjalna","telefon":"43 000 10 31"},{"adres":"ul. Szkolna 5, 98-200 Sieradz","funkcja":"pedagog","id":"sp5","nazwa":"Szkoła Podstawowa nr 5 w Sieradzu","nr":2,"pracownik":"Jan Kowalczyk-Próbny","telefon":"43 000 30 12"},{"adres":"ul. Wiosenna 8, 98-200 Sieradz","funkcja":"prezes","id":"razem","nazwa":"Stowarzyszenie Pomocy Rodzinie „Razem”","nr":3,"pracownik":"Halina Społeczna","telefon":"43 000 50 01"}],"posiedzenie":{"czas_trwania":"około 1,5 godziny","data":"2027-02-17","godzina":"10:00","miejsce":"MOPS w Sieradzu, ul. Przykładowa 1, sala 2","minuty":90},"plan":{"cel_glowny":"Poprawa sytuacji materialnej rodziny i wyników szkolnych dziecka.","cele":[{"nr":1,"opis":"Podjęcie zatrudnienia przez matkę"},{"nr":2,"opis":"Nadrobienie zaległości szkolnych"}],"zadania":[{"cel":"1. Podjęcie zatrudnienia","nr":1,"odpowiedzialny":"matka","opis":"Rejestracja w PUP i doradztwo zawodowe","rodzina":true,"termin":"2027-03-05"},{"cel":"","nr":2,"odpowiedzialny":"Marta Socjalna (MOPS)","opis":"Skierowanie na kurs zawodowy","termin":"2027-03-31"},{"cel":"2. Zaległości szkolne","nr":1,"odpowiedzialny":"Jan Kowalczyk-Próbny (SP 5)","opis":"Zajęcia wyrównawcze dwa razy w tygodniu","termin":"2027-04-30"},{"cel":"","nr":2,"odpowiedzialny":"Halina Społeczna (Razem)","opis":"Świetlica środowiskowa","termin":"2027-06-30"}]},"kontraktSocjalny":[{"cel":"1. Podjęcie zatrudnienia","nr":1,"odpowiedzialny":"matka","opis":"Rejestracja w PUP i doradztwo zawodowe","rodzina":true,"termin":"2027-03-05"}],"monitoring":{"okres":"luty–marzec 2027","pozycje":[{"instytucja":"MOPS w Sieradzu","postep":"Złożono wniosek.","zadanie":"Skierowanie na kurs zawodowy"},{"instytucja":"SP nr 5 w Sieradzu","postep":"Syn uczęszcza regularnie.","zadanie":"Zajęcia wyrównawcze"}],"rodzina_poinformowana":false,"spotkanie":false,"zmiany":"Matka zarejestrowała się w PUP."},"ewaluacja":null,"zakonczenie":null,"rodzinaDoPoinformowania":true,"zmianaSytuacji":false,"ostrzezenia":[]},"params":{"authorities.maxMinutes":"45","basket.changeDays":"14","basket.updateMonths":"12","case.changeMeetingDays":10,"case.consentBeforeTeam":true,"case.familyInformDays":2,"case.monitoringEveryMonths":3,"case.reportEveryMonths":1,"meeting.maxMinutes":"120","meeting.reminderDays":"2","office.close":"15:00","office.open":"07:00","pzk.leader":"MOPS","pzk.meetingEveryMonths":"3","rops.contactDays":"7","rops.informationDays":"7","team.kind":"ZZK","team.noticeDays":5},"internal":[],"external":[],"delayed":[],"counters":{"send":0,"seq":0,"invoke":0}}',NULL,1796291035580,1796291035690,1810800000000);
CREATE TABLE koop_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO "koop_meta" VALUES('schema_version','5');
CREATE TABLE outbox (
                message_id TEXT PRIMARY KEY,
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                claimed_by TEXT,
                claimed_until BIGINT,
                sent_at BIGINT,
                attempts BIGINT NOT NULL DEFAULT 0,
                last_error TEXT, deadline_id TEXT, occurrence BIGINT);
INSERT INTO "outbox" VALUES('<case-cf591ec0c2.team_invitations.1.reminder.P2D.99f0774e33c1@kooperacja.local>','case-cf591ec0c2','reminder','log','coordinator','Przypomnienie: Wysłanie pisemnych zaproszeń na posiedzenie zespołu – termin 2027-02-10','Dzień dobry,

przypominamy, że w sprawie nr case-cf591ec0c2 (etap: convening) zadanie „Wysłanie pisemnych zaproszeń na posiedzenie zespołu” należy wykonać do 10 lutego 2027 r. (pozostało dni: 2).

Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych osobowych; szczegóły sprawy są dostępne w systemie.
',1802066400000,1802070000000,'demo',NULL,1802070000000,1,NULL,'team.invitations',1);
INSERT INTO "outbox" VALUES('<case-cf591ec0c2.case_monitoringMeeting.1.reminder.P7D.5c249cdc37fd@kooperacja.local>','case-cf591ec0c2','reminder','log','coordinator','Przypomnienie: Spotkanie monitorujące zespołu – termin 2027-05-17','Dzień dobry,

przypominamy, że w sprawie nr case-cf591ec0c2 (etap: monitoringCycle) zadanie „Spotkanie monitorujące zespołu” należy wykonać do 17 maja 2027 r. (pozostało dni: 7).

Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych osobowych; szczegóły sprawy są dostępne w systemie.
',1809925200000,1809928800000,'demo',NULL,1809928800000,1,NULL,'case.monitoringMeeting',1);
INSERT INTO "outbox" VALUES('<case-cf591ec0c2.case_report.2.event.due.1741fc74673f@kooperacja.local>','case-cf591ec0c2','event','event','deadline.case.report.due','deadline.case.report.due','',1807851600000,1809928800000,'demo',NULL,1809928800000,1,NULL,'case.report',2);
INSERT INTO "outbox" VALUES('<case-cf591ec0c2.case_report.2.event.overdue.31b70609c41b@kooperacja.local>','case-cf591ec0c2','event','event','deadline.case.report.overdue','deadline.case.report.overdue','',1807912800000,1809928800000,'demo',NULL,1809928800000,1,NULL,'case.report',2);
INSERT INTO "outbox" VALUES('<case-cf591ec0c2.case_report.2.overdue.85064f964ae2@kooperacja.local>','case-cf591ec0c2','overdue','log','coordinator','Termin minął: Formularz monitoringu (zał. 7) na podstawie informacji członków zespołu (sprawa case-cf591ec0c2)','Dzień dobry,

termin wykonania zadania „Formularz monitoringu (zał. 7) na podstawie informacji członków zespołu” w sprawie nr case-cf591ec0c2 (etap: reportCycle) upłynął 16 kwietnia 2027 r.. Prosimy o pilne wykonanie zadania lub odnotowanie go w systemie.

Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych osobowych; szczegóły sprawy są dostępne w systemie.
',1807912800000,1809928800000,'demo',NULL,1809928800000,1,NULL,'case.report',2);
CREATE TABLE workflow_definitions (
                workflow_id TEXT NOT NULL,
                version TEXT NOT NULL,
                hash TEXT NOT NULL,
                source TEXT NOT NULL,
                source_name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (workflow_id, version),
                UNIQUE (workflow_id, hash));
INSERT INTO "workflow_definitions" VALUES('pzk-founding','1','7c99a0d4c608fb69705fb355136a112fd45a42a8b6d19384cdd56e7b7a3823d3','<?xml version="1.0" encoding="UTF-8"?>
<!--
  Founding of a cooperation partnership (Partnerski Zespół Kooperacji, PZK).
  Source: seed 002 §2 (analysis of the municipality), §3.1 (request to ROPS), §3.2 (meeting with the
  local authorities), §3.3 (meeting with institutions), §3.4 (signing the agreement), §3.5
  (self-formed partnership informs ROPS); seed 001 zał. 1 (request form), zał. 2 (meeting scenario
  and checklist), zał. 3–5 (agreement variants). docs/model.md maps every element to its source.
  Variants: the municipality binds the parameters below (periods, durations, office hours) and may
  swap the agreement template in its document overlay; the workflow itself is common.
-->
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="pzk-founding" initial="founding"
       k:version="1" k:title="Zawiązanie Partnerskiego Zespołu Kooperacji">

  <!-- Parameters a municipality may tune (002 §3.1, §3.2, §3.3, §3.5; 001 zał. 2). -->
  <k:param name="rops.contactDays" type="days" default="7"
           title="ROPS kontaktuje się z gminą w ciągu (dni od zgłoszenia)"/>
  <k:param name="rops.informationDays" type="days" default="7"
           title="Informacja do ROPS o samodzielnym zawiązaniu PZK w ciągu (dni od podpisania)"/>
  <k:param name="meeting.reminderDays" type="days" default="3"
           title="Przypomnienie o spotkaniu z instytucjami (dni przed terminem; 3–4 wg pkt 3.3, 1–2 wg zał. 2)"/>
  <k:param name="meeting.maxMinutes" type="int" default="120"
           title="Najdłuższy czas spotkania z instytucjami (minuty)"/>
  <k:param name="authorities.maxMinutes" type="int" default="45"
           title="Najdłuższy czas spotkania z władzami lokalnymi (minuty)"/>
  <k:param name="office.open" type="string" default="07:30" title="Początek godzin pracy urzędu"/>
  <k:param name="office.close" type="string" default="15:30" title="Koniec godzin pracy urzędu"/>

  <!-- Fields: what the coordinator records. No personal data of clients in this workflow; the
       contact persons of institutions are business contacts. -->
  <k:field name="spotkanie" type="object" title="Planowane spotkanie z instytucjami"/>
  <k:field name="partnerzy" type="list" title="Instytucje zaproszone i partnerzy porozumienia"/>
  <k:field name="porozumienie" type="object" title="Podpisane porozumienie (data, egzemplarze)"/>
  <k:field name="zgloszenie" type="object" title="Zgłoszenie do ROPS"/>
  <k:field name="dzialania" type="list" title="Działania podjęte w ramach zainicjowania kooperacji"/>

  <k:event name="analysis.diagnosis.done" title="Diagnoza gminy opracowana"/>
  <k:event name="analysis.resources.done" title="Analiza zasobów instytucjonalnych opracowana"/>
  <k:event name="analysis.network.done" title="Analiza sieci instytucji opracowana"/>
  <k:event name="initiation.rops" title="Wysłano zgłoszenie do ROPS"/>
  <k:event name="initiation.self" title="Decyzja o samodzielnym zawiązaniu kooperacji"/>
  <k:event name="rops.contacted" title="ROPS skontaktował się z gminą"/>
  <k:event name="authorities.met" title="Odbyło się spotkanie z władzami lokalnymi"/>
  <k:event name="meeting.planned" title="Zaplanowano spotkanie z instytucjami"/>
  <k:event name="invitations.reminded" title="Przypomniano zaproszonym o spotkaniu"/>
  <k:event name="meeting.held" title="Odbyło się spotkanie z instytucjami"/>
  <k:event name="agreement.signed" title="Podpisano porozumienie – zawiązano PZK"/>
  <k:event name="copies.sent" title="Przekazano partnerom kopie porozumienia"/>
  <k:event name="rops.informed" title="Poinformowano ROPS o zawiązaniu PZK"/>

  <datamodel>
    <data id="path" expr="null"/>
    <data id="spotkanie" expr="null"/>
    <data id="partnerzy" expr="[]"/>
    <data id="porozumienie" expr="null"/>
    <data id="zgloszenie" expr="null"/>
    <data id="dzialania" expr="[]"/>
    <data id="protokolDoZatwierdzenia" expr="null"/>
    <data id="kopiePrzekazane" expr="false"/>
    <data id="ropsPoinformowany" expr="false"/>
    <data id="ostrzezenia" expr="[]"/>
  </datamodel>

  <script src="rules/partnership_meeting_check.js"/>
  <script src="rules/authorities_meeting_check.js"/>
  <script src="rules/protocol_approval.js"/>
  <script src="rules/rops_information_required.js"/>

  <state id="founding" initial="analysis" k:title="Zawiązywanie partnerstwa">
    <onexit>
      <k:cancel-deadline id="rops.contact"/>
    </onexit>
    <!-- ROPS may be brought in at any later stage (002 §3.5, last paragraph). -->
    <transition event="initiation.rops" cond="path !== ''rops''" k:title="Włączenie ROPS w trakcie">
      <assign location="path" expr="''rops''"/>
      <k:deadline id="rops.contact" title="Kontakt pracownika ROPS z gminą"
                  due="now + param(''rops.contactDays'') days" to="coordinator"/>
    </transition>
    <transition event="rops.contacted">
      <k:satisfy id="rops.contact"/>
    </transition>

    <!-- 002 §2: diagnosis (2.1), resources (2.2 krok 1) and network analysis (2.2 krok 2). -->
    <parallel id="analysis" k:title="Analiza gminy">
      <state id="diagnosis" initial="diagnosis.pending">
        <state id="diagnosis.pending" k:title="Diagnoza gminy w przygotowaniu">
          <transition event="analysis.diagnosis.done" target="diagnosis.done">
            <assign location="dzialania" expr="dzialania.concat([{data: _event.data.data, opis: ''diagnoza gminy''}])"/>
          </transition>
        </state>
        <final id="diagnosis.done" k:title="Diagnoza gminy gotowa"/>
      </state>
      <state id="resources" initial="resources.pending">
        <state id="resources.pending" k:title="Analiza zasobów instytucjonalnych w przygotowaniu">
          <transition event="analysis.resources.done" target="resources.done"/>
        </state>
        <final id="resources.done" k:title="Analiza zasobów gotowa"/>
      </state>
      <state id="network" initial="network.pending">
        <state id="network.pending" k:title="Analiza sieci instytucji w przygotowaniu">
          <transition event="analysis.network.done" target="network.done">
            <assign location="dzialania" expr="dzialania.concat([{data: _event.data.data, opis: ''analiza zasobów i sieci instytucji''}])"/>
          </transition>
        </state>
        <final id="network.done" k:title="Analiza sieci gotowa"/>
      </state>
      <transition event="done.state.analysis" target="decision"/>
    </parallel>

    <!-- 002 §3: with ROPS (3.1) or on its own (3.5). -->
    <state id="decision" k:title="Wybór sposobu zainicjowania kooperacji">
      <k:pack id="rops.request" title="Zgłoszenie do ROPS">
        <k:document template="zgloszenie-rops.docx" name="zgloszenie-rops.docx"/>
      </k:pack>
      <transition event="initiation.rops" target="ropsRequest">
        <assign location="path" expr="''rops''"/>
        <assign location="zgloszenie" expr="_event.data.zgloszenie || zgloszenie"/>
      </transition>
      <transition event="initiation.self" target="authorities">
        <assign location="path" expr="''self''"/>
      </transition>
    </state>

    <state id="ropsRequest" k:title="Oczekiwanie na kontakt ROPS">
      <onentry>
        <k:deadline id="rops.contact" title="Kontakt pracownika ROPS z gminą"
                    due="entry + param(''rops.contactDays'') days" to="coordinator" remind="P2D"/>
      </onentry>
      <transition event="rops.contacted" target="authorities">
        <k:satisfy id="rops.contact"/>
      </transition>
      <transition event="deadline.rops.contact.overdue">
        <assign location="ostrzezenia" expr="ostrzezenia.concat([''ROPS nie skontaktował się w terminie – warto przypomnieć o zgłoszeniu.''])"/>
      </transition>
    </state>

    <!-- 002 §3.2: mayor (and optionally the starost), ≤45 min, protocol. -->
    <state id="authorities" k:title="Spotkanie z władzami lokalnymi">
      <k:pack id="authorities.meeting" title="Dokumenty spotkania z władzami">
        <k:document template="protokol-spotkania.docx" name="protokol-spotkanie-wladze.docx"/>
        <k:document template="lista-obecnosci.docx" name="lista-obecnosci-wladze.docx"/>
      </k:pack>
      <transition event="authorities.met" target="institutions">
        <assign location="ostrzezenia" expr="authoritiesMeetingWarnings(_event.data, param(''authorities.maxMinutes''))"/>
        <assign location="dzialania" expr="dzialania.concat([{data: _event.data.data, opis: ''spotkanie z władzami lokalnymi''}])"/>
      </transition>
    </state>

    <!-- 002 §3.3 and 001 zał. 2: written invitations to directors with an RSVP date, agenda,
         reminder before the meeting, ≤2 h, Tuesday–Thursday around noon, protocol read out and
         approved at the next meeting; a further meeting when more institutions are needed. -->
    <state id="institutions" initial="planning" k:title="Spotkanie z instytucjami">
      <state id="planning" k:title="Przygotowanie spotkania z instytucjami">
        <transition event="meeting.planned" target="invited">
          <assign location="spotkanie" expr="_event.data.spotkanie"/>
          <assign location="partnerzy" expr="_event.data.partnerzy || partnerzy"/>
          <assign location="ostrzezenia" expr="partnershipMeetingWarnings({date: spotkanie.data, start: spotkanie.godzina_od, end: spotkanie.godzina_do}, param(''meeting.maxMinutes''), param(''office.open''), param(''office.close''))"/>
        </transition>
      </state>
      <state id="invited" k:title="Zaproszenia wysłane – oczekiwanie na spotkanie">
        <onentry>
          <k:deadline id="meeting.rsvp" title="Termin potwierdzenia udziału w spotkaniu"
                      due="spotkanie.potwierdzenie_do" to="coordinator"/>
          <k:deadline id="meeting.reminder" title="Przypomnienie zaproszonym o spotkaniu i potwierdzenie udziału"
                      due="spotkanie.data - param(''meeting.reminderDays'') days" to="coordinator" remind="P1D"/>
        </onentry>
        <k:pack id="founding.meeting" title="Spotkanie z instytucjami: zaproszenia, program, lista, projekt porozumienia">
          <k:document template="zaproszenie-spotkanie-partnerskie.docx" foreach="partnerzy" as="instytucja"
                      name="zaproszenie-{nr}.docx"/>
          <k:document template="program-spotkania-partnerskiego.docx" name="program-spotkania.docx"/>
          <k:document template="lista-obecnosci.docx" name="lista-obecnosci.docx"/>
          <k:document template="porozumienie-wariant-5.docx" name="projekt-porozumienia.docx"/>
        </k:pack>
        <transition event="invitations.reminded">
          <k:satisfy id="meeting.reminder"/>
        </transition>
        <transition event="meeting.held" target="held">
          <k:cancel-deadline id="meeting.rsvp"/>
          <k:cancel-deadline id="meeting.reminder"/>
          <assign location="ostrzezenia" expr="protocolWarnings(protokolDoZatwierdzenia, _event.data)"/>
          <assign location="protokolDoZatwierdzenia" expr="spotkanie.data"/>
          <assign location="dzialania" expr="dzialania.concat([{data: spotkanie.data, opis: ''spotkanie z instytucjami''}])"/>
        </transition>
      </state>
      <state id="held" k:title="Uzgadnianie porozumienia">
        <k:pack id="founding.protocol" title="Protokół spotkania z instytucjami">
          <k:document template="protokol-spotkania.docx" name="protokol-spotkanie-instytucje.docx"/>
        </k:pack>
        <!-- 002 §3.3 Dyskusja: a further meeting, e.g. with more institutions; 3.4: sign later. -->
        <transition event="meeting.planned" target="invited">
          <assign location="spotkanie" expr="_event.data.spotkanie"/>
          <assign location="partnerzy" expr="_event.data.partnerzy || partnerzy"/>
          <assign location="ostrzezenia" expr="partnershipMeetingWarnings({date: spotkanie.data, start: spotkanie.godzina_od, end: spotkanie.godzina_do}, param(''meeting.maxMinutes''), param(''office.open''), param(''office.close''))"/>
        </transition>
      </state>
      <!-- 002 §3.4: signed at the meeting or at a later one. -->
      <transition event="agreement.signed" target="formed">
        <assign location="porozumienie" expr="_event.data.porozumienie"/>
        <assign location="partnerzy" expr="_event.data.partnerzy || partnerzy"/>
      </transition>
    </state>

    <!-- 002 §3.4: copies to all, the original kept by the municipality; §3.5: a self-formed PZK
         informs ROPS within 7 days of signing, electronically, with a copy of the agreement. -->
    <state id="formed" k:title="PZK zawiązany – porozumienie podpisane">
      <onentry>
        <if cond="path !== ''rops''">
          <k:deadline id="rops.information" title="Informacja do ROPS o samodzielnym zawiązaniu PZK"
                      due="porozumienie.data + param(''rops.informationDays'') days" to="coordinator"
                      remind="P3D,P1D"/>
        </if>
      </onentry>
      <k:pack id="founding.agreement" title="Kopie porozumienia dla partnerów">
        <k:document template="porozumienie-wariant-5.docx" foreach="partnerzy" as="egzemplarz"
                    name="porozumienie-egz-{nr}.docx"/>
      </k:pack>
      <k:pack id="rops.information" title="Informacja do ROPS">
        <k:document template="informacja-rops.docx" name="informacja-rops.docx"/>
      </k:pack>
      <transition event="copies.sent">
        <assign location="kopiePrzekazane" expr="true"/>
      </transition>
      <transition event="rops.informed">
        <k:satisfy id="rops.information"/>
        <assign location="ropsPoinformowany" expr="true"/>
      </transition>
      <transition event="deadline.rops.information.overdue">
        <assign location="ostrzezenia" expr="ostrzezenia.concat([''Minął termin poinformowania ROPS o zawiązaniu PZK.''])"/>
      </transition>
      <transition cond="kopiePrzekazane &amp;&amp; foundingMayClose(path, ropsPoinformowany)" target="done"/>
    </state>
  </state>

  <final id="done" k:title="Partnerstwo zawiązane – przejście do działania PZK"/>
</scxml>
','@WORKFLOWS@/pzk-founding.scxml',1796291035454);
INSERT INTO "workflow_definitions" VALUES('case','1','2e96fe262200dd242a570cca21e36e155f1fac1202e5334a35146b6042d093d5','<?xml version="1.0" encoding="UTF-8"?>
<!--
  Work with a person, family or group on a need or problem.
  Source: seed 002 §4.1 (need reported, diagnosis by community interview, institutions chosen),
  §4.2 (GGK convened: written invitations at least 5 days before, working days, OPS office hours,
  no personal data in electronic correspondence), §4.3 (work plan on card zał. 6 parts A and B,
  copies to all and to the family; family absent → its tasks in the social contract), §4.4
  (monthly reports by every member, coordinator fills zał. 7, monitoring meeting at least
  quarterly and on a significant change, family informed promptly), §4.5 (evaluation on part C,
  goals may be modified, closure reasons); seed 004 §4 (Sieradz: task team ZZK formed by a social
  worker after the family''s consent, a cooperant''s written request to the OPS); seed 000 §2 ust. 4
  and §9 (consent, also to the processing of personal data).
  Variants: case.consentBeforeTeam and team.kind ("GGK" or "ZZK") are municipality parameters.
-->
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="case" initial="active"
       k:version="1" k:title="Praca z osobą/rodziną/grupą">

  <k:param name="team.kind" type="string" default="GGK"
           title="Zespół pracujący ze sprawą: GGK (Gminna Grupa Kooperacji) lub ZZK (Zadaniowy Zespół Kooperacyjny)"/>
  <k:param name="team.noticeDays" type="working-days" default="5"
           title="Zaproszenia na posiedzenie co najmniej (dni roboczych przed)"/>
  <k:param name="case.consentBeforeTeam" type="bool" default="false"
           title="Zgoda osoby/rodziny wymagana przed powołaniem zespołu (wariant Sieradz)"/>
  <k:param name="case.reportEveryMonths" type="int" default="1"
           title="Informacja o postępach i formularz monitoringu nie rzadziej niż co (miesięcy)"/>
  <k:param name="case.monitoringEveryMonths" type="int" default="3"
           title="Spotkanie monitorujące nie rzadziej niż co (miesięcy)"/>
  <k:param name="case.changeMeetingDays" type="working-days" default="10"
           title="Spotkanie monitorujące po znaczącej zmianie sytuacji w ciągu (dni roboczych) – wybór gminy"/>
  <k:param name="case.familyInformDays" type="working-days" default="2"
           title="Niezwłoczne poinformowanie nieobecnej rodziny o ustaleniach (dni roboczych) – wybór gminy"/>
  <k:param name="office.open" type="string" default="07:30" title="Początek godzin pracy OPS"/>
  <k:param name="office.close" type="string" default="15:30" title="Koniec godzin pracy OPS"/>

  <k:field name="sprawa" type="object" required="true" title="Sprawa (numer identyfikacyjny)"/>
  <k:field name="rodzina" type="object" personal="true" title="Osoba/rodzina: członkowie, adresy, telefony"/>
  <k:field name="sytuacja" type="object" personal="true" title="Diagnoza: opis i analiza sytuacji"/>
  <k:field name="zgoda" type="object" personal="true" title="Zgoda osoby/rodziny"/>
  <k:field name="plan" type="object" personal="true" title="Plan pracy (karta, części A i B)"/>
  <k:field name="monitoring" type="object" personal="true" title="Monitoring (zał. 7)"/>
  <k:field name="ewaluacja" type="object" personal="true" title="Ewaluacja (część C)"/>
  <k:field name="instytucje" type="list" title="Instytucje zaangażowane (pracownicy, telefony służbowe)"/>
  <k:field name="posiedzenie" type="object" title="Posiedzenie zespołu (termin, miejsce)"/>

  <k:event name="diagnosis.started" title="Rozpoczęto diagnozę (wywiad środowiskowy)"/>
  <k:event name="interview.done" title="Przeprowadzono rodzinny wywiad środowiskowy"/>
  <k:event name="consent.given" title="Osoba/rodzina wyraziła zgodę"/>
  <k:event name="team.convened" title="Zwołano posiedzenie zespołu"/>
  <k:event name="invitations.sent" title="Wysłano pisemne zaproszenia"/>
  <k:event name="team.met" title="Odbyło się posiedzenie zespołu"/>
  <k:event name="plan.signed" title="Podpisano kartę planu pracy"/>
  <k:event name="report.filed" title="Wypełniono formularz monitoringu (zał. 7)"/>
  <k:event name="monitoring.held" title="Odbyło się spotkanie monitorujące"/>
  <k:event name="family.informed" title="Poinformowano osobę/rodzinę o ustaleniach"/>
  <k:event name="situation.changed" title="Znacząca zmiana sytuacji osoby/rodziny"/>
  <k:event name="evaluation.started" title="Rozpoczęto ewaluację"/>
  <k:event name="evaluation.done" title="Zakończono ewaluację (część C)"/>
  <k:event name="family.resigned" title="Rezygnacja osoby/rodziny ze współpracy"/>

  <datamodel>
    <data id="sprawa" expr="({numer: ''''})"/>
    <data id="zgloszenie" expr="({kanal: ''OPS''})"/>
    <data id="rodzina" expr="({czlonkowie: [], podpisujacy: []})"/>
    <data id="sytuacja" expr="null"/>
    <data id="wywiad" expr="false"/>
    <data id="zgoda" expr="null"/>
    <data id="instytucje" expr="[]"/>
    <data id="posiedzenie" expr="null"/>
    <data id="plan" expr="null"/>
    <data id="kontraktSocjalny" expr="[]"/>
    <data id="monitoring" expr="null"/>
    <data id="ewaluacja" expr="null"/>
    <data id="zakonczenie" expr="null"/>
    <data id="rodzinaDoPoinformowania" expr="false"/>
    <data id="zmianaSytuacji" expr="false"/>
    <data id="ostrzezenia" expr="[]"/>
  </datamodel>

  <script src="rules/consent_required.js"/>
  <script src="rules/team_meeting_check.js"/>
  <script src="rules/plan_complete.js"/>
  <script src="rules/family_tasks_social_contract.js"/>
  <script src="rules/closure_reason.js"/>

  <state id="active" initial="reported" k:title="Praca ze sprawą">
    <!-- Leaving the case (closure or resignation) closes its open deadlines. -->
    <onexit>
      <k:cancel-deadline id="team.invitations"/>
      <k:cancel-deadline id="case.familyInformed"/>
      <k:cancel-deadline id="case.changeMeeting"/>
    </onexit>
    <!-- 002 §4.5: resignation of the person/family ends the work at any stage. -->
    <transition event="family.resigned" target="closed">
      <assign location="zakonczenie" expr="''resignation''"/>
    </transition>

    <!-- 002 §4.1; 004 §4 ust. 4: a need reported to the OPS or to a member institution (then a
         written request to the social worker). -->
    <state id="reported" k:title="Zgłoszenie potrzeby">
      <transition event="diagnosis.started" target="diagnosis"/>
    </state>

    <!-- 002 §4.1: diagnosis on the community interview; consent (000 §2 ust. 4, 004 §4 ust. 4). -->
    <state id="diagnosis" k:title="Diagnoza sytuacji (rodzinny wywiad środowiskowy)">
      <transition event="interview.done">
        <assign location="wywiad" expr="true"/>
        <assign location="sytuacja" expr="_event.data.sytuacja || sytuacja"/>
        <assign location="rodzina" expr="_event.data.rodzina || rodzina"/>
      </transition>
      <transition event="consent.given">
        <assign location="zgoda" expr="_event.data"/>
      </transition>
      <transition event="team.convened" cond="wywiad &amp;&amp; consentAllowsTeam(zgoda, param(''case.consentBeforeTeam''))"
                  target="convening">
        <assign location="instytucje" expr="_event.data.instytucje"/>
        <assign location="posiedzenie" expr="_event.data.posiedzenie"/>
        <assign location="ostrzezenia" expr="teamMeetingWarnings({date: posiedzenie.data, time: posiedzenie.godzina, minutes: posiedzenie.minuty}, param(''office.open''), param(''office.close''), [])"/>
      </transition>
      <transition event="team.convened">
        <assign location="ostrzezenia" expr="[''Zespół można zwołać po wywiadzie środowiskowym i po uzyskaniu zgody osoby/rodziny.'']"/>
      </transition>
    </state>

    <!-- 002 §4.2: written invitations at least 5 working days before; only the case number. -->
    <state id="convening" k:title="Zwołanie posiedzenia zespołu (GGK/ZZK)">
      <onentry>
        <k:deadline id="team.invitations" title="Wysłanie pisemnych zaproszeń na posiedzenie zespołu"
                    due="posiedzenie.data - param(''team.noticeDays'') working days" to="coordinator"
                    remind="P2D,P1D"/>
      </onentry>
      <k:pack id="team.invitations" title="Zaproszenia na posiedzenie zespołu">
        <k:document template="zaproszenie-ggk.docx" foreach="instytucje" as="instytucja"
                    name="zaproszenie-{nr}.docx"/>
      </k:pack>
      <transition event="invitations.sent">
        <k:satisfy id="team.invitations"/>
      </transition>
      <transition event="deadline.team.invitations.overdue">
        <assign location="ostrzezenia" expr="ostrzezenia.concat([''Zaproszenia nie zostały wysłane w terminie – posiedzenie należy przesunąć.''])"/>
      </transition>
      <transition event="team.met" target="planning">
        <k:cancel-deadline id="team.invitations"/>
      </transition>
    </state>

    <!-- 002 §4.3; 001 zał. 6 parts A and B. -->
    <state id="planning" k:title="Plan pracy z osobą/rodziną (karta, części A i B)">
      <k:pack id="case.plan" title="Karta planu pracy – egzemplarz dla każdej instytucji i rodziny">
        <k:document template="karta-planu-pracy.docx" foreach="instytucje" as="egzemplarz"
                    name="karta-planu-pracy-{nr}.docx"/>
        <k:document template="karta-planu-pracy.docx" name="karta-planu-pracy-rodzina.docx"/>
      </k:pack>
      <transition event="plan.signed" cond="planComplete(_event.data.plan)" target="implementation">
        <assign location="plan" expr="_event.data.plan"/>
        <assign location="kontraktSocjalny" expr="tasksForSocialContract(plan, _event.data.rodzinaObecna)"/>
      </transition>
      <transition event="plan.signed">
        <assign location="ostrzezenia" expr="[''Plan wymaga celu głównego oraz zadań z osobami odpowiedzialnymi i terminami.'']"/>
      </transition>
    </state>

    <!-- 002 §4.4: reports at least monthly (zał. 7), monitoring meeting at least quarterly and on a
         significant change, family informed promptly when absent. -->
    <parallel id="implementation" k:title="Realizacja planu i monitoring">
      <onexit>
        <k:cancel-deadline id="case.changeMeeting"/>
      </onexit>
      <state id="reports" initial="reportCycle">
        <state id="reportCycle" k:title="Miesięczne informacje o postępach (zał. 7)">
          <k:recurring id="case.report" title="Formularz monitoringu (zał. 7) na podstawie informacji członków zespołu"
                       every="param(''case.reportEveryMonths'') months" satisfied-by="report.filed"
                       to="coordinator" remind="P3D"/>
          <k:pack id="case.monitoring" title="Monitoring pracy z osobą/rodziną (zał. 7)">
            <k:document template="monitoring.docx" name="monitoring.docx"/>
          </k:pack>
          <transition event="report.filed">
            <assign location="monitoring" expr="_event.data.monitoring || monitoring"/>
          </transition>
        </state>
      </state>
      <state id="meetings" initial="monitoringCycle">
        <state id="monitoringCycle" k:title="Spotkania monitorujące (co najmniej raz na kwartał)">
          <k:recurring id="case.monitoringMeeting" title="Spotkanie monitorujące zespołu"
                       every="param(''case.monitoringEveryMonths'') months" satisfied-by="monitoring.held"
                       to="coordinator" remind="P7D,P2D" escalate="P7D" escalate-to="coordinator"/>
          <transition event="monitoring.held">
            <if cond="zmianaSytuacji">
              <k:satisfy id="case.changeMeeting"/>
            </if>
            <assign location="zmianaSytuacji" expr="false"/>
            <assign location="monitoring" expr="_event.data.monitoring || monitoring"/>
            <if cond="_event.data.rodzinaObecna === false &amp;&amp; !rodzinaDoPoinformowania">
              <assign location="rodzinaDoPoinformowania" expr="true"/>
              <k:deadline id="case.familyInformed" title="Niezwłoczne poinformowanie osoby/rodziny o ustaleniach"
                          due="now + param(''case.familyInformDays'') working days" to="coordinator"/>
            </if>
          </transition>
          <transition event="family.informed" cond="rodzinaDoPoinformowania">
            <k:satisfy id="case.familyInformed"/>
            <assign location="rodzinaDoPoinformowania" expr="false"/>
          </transition>
          <transition event="situation.changed" cond="!zmianaSytuacji">
            <assign location="zmianaSytuacji" expr="true"/>
            <k:deadline id="case.changeMeeting" title="Spotkanie monitorujące po znaczącej zmianie sytuacji"
                        due="now + param(''case.changeMeetingDays'') working days" to="coordinator"/>
          </transition>
          <transition event="deadline.case.monitoringMeeting.overdue">
            <assign location="ostrzezenia" expr="ostrzezenia.concat([''Minął termin kwartalnego spotkania monitorującego.''])"/>
          </transition>
        </state>
      </state>
      <transition event="evaluation.started" target="evaluation"/>
    </parallel>

    <!-- 002 §4.5; 001 zał. 6 part C. -->
    <state id="evaluation" k:title="Ewaluacja (karta, część C)">
      <k:pack id="case.evaluation" title="Karta planu pracy z częścią C">
        <k:document template="karta-planu-pracy.docx" name="karta-planu-pracy-ewaluacja.docx"/>
      </k:pack>
      <transition event="evaluation.done" cond="_event.data.decyzja === ''continue''" target="implementation">
        <assign location="ewaluacja" expr="_event.data.ewaluacja"/>
        <assign location="plan" expr="_event.data.plan || plan"/>
      </transition>
      <transition event="evaluation.done"
                  cond="_event.data.decyzja === ''close'' &amp;&amp; closureReasonValid(_event.data.przyczyna)"
                  target="closed">
        <assign location="ewaluacja" expr="_event.data.ewaluacja"/>
        <assign location="zakonczenie" expr="_event.data.przyczyna"/>
      </transition>
      <transition event="evaluation.done">
        <assign location="ostrzezenia" expr="[''Zakończenie pracy wymaga przyczyny: osiągnięcie celów, brak współpracy albo rezygnacja.'']"/>
      </transition>
    </state>
  </state>

  <final id="closed" k:title="Zakończenie pracy z osobą/rodziną"/>
</scxml>
','@WORKFLOWS@/case.scxml',1796291035578);
CREATE INDEX instances_next_timer ON instances (next_timer_at);
CREATE INDEX deadlines_next_due ON deadlines (state, due_at);
CREATE INDEX outbox_pending ON outbox (sent_at, due_at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
              BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
              BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE INDEX deadlines_next_action ON deadlines (state, next_action_at);
COMMIT;
