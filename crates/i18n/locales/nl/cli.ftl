# Grondslag — Nederlands. Ids: <area>-<words>; an area is the page or module that uses them.

## cli-vraag
cli-vraag-that-input-is-too-long = Die invoer is te lang; het gesprek stopt.
cli-vraag-there-are-no-answers-to = Er zijn nog geen antwoorden om te wijzigen.
cli-vraag-which-answer-do-you-want = Welk antwoord wilt u wijzigen?
cli-vraag-number-empty-back = Nummer (leeg = terug):
cli-vraag-why-i-ask-this = Waarom ik dit vraag:
cli-vraag-who-can-answer-this = Wie kan dit beantwoorden:
cli-vraag-you-yourself = u zelf
cli-vraag-the-client-ask-him = de cliënt (vraag het hem)
cli-vraag-the-requester-check-with-him = de vrager (vraag het na)
cli-vraag-type-part-of-the-role = Typ (een deel van) de rol, bijvoorbeeld 'huisarts', of 'lijst' voor alle rollen.
cli-vraag-type-waarom-for-the-reason = (typ 'waarom' voor de reden, 'terug' voor de vorige vraag, 'wijzig' om een antwoord te veranderen, 'stop' om te stoppen)
cli-vraag-yes-no = {"["}ja/nee]>
cli-vraag-this-is-the-first-question = Dit is de eerste vraag.
cli-vraag-i-dont-understand = Dat begrijp ik niet:
cli-vraag-your-judgment-yes-no = Uw oordeel [ja/nee]:
cli-vraag-answer-yes-or-no-this = Antwoord met ja of nee; dit oordeel is aan u.
cli-vraag-your-reasons-in-your-own = Uw redenen, in uw eigen woorden:
cli-vraag-write-briefly-why-it-belongs = Schrijf kort op waarom; dat hoort in het dossier.
cli-vraag-grondslag-may-i-share-this = Grondslag — mag ik dit delen? Ik stel alleen de vragen die het antwoord nog kunnen veranderen.
cli-vraag-this-answer-needs-your-own = Dit antwoord vraagt uw eigen afweging:
cli-vraag-record-it-now = Wilt u die nu vastleggen?
cli-vraag-type-wijzig-to-change-an = Typ 'wijzig' om een antwoord te veranderen, of Enter om af te sluiten:
cli-vraag-stopped-before-the-answer-was = {"\u000A"}Gestopt voordat het antwoord vaststond.

## cli-render (more)
cli-render-still-open = Nog open
cli-render-layer-1-professional-secrecy = Laag 1 — beroepsgeheim
cli-render-your-confidentiality = Uw geheimhouding
cli-render-no-ground-found-to-share = Geen grond gevonden om te delen.
cli-render-layer-2-gdpr = Laag 2 — AVG
cli-render-no-gdpr-basis-without-a = Geen AVG-grondslag: zonder grond in laag 1 is er ook hier geen.
cli-render-conditions = Voorwaarden
cli-render-your-weighing-still-to-be = Uw afweging, nog vast te leggen
cli-render-your-own-weighing = Uw eigen afweging
cli-render-your-judgment = uw oordeel
cli-render-your-reasons = uw redenen
cli-render-what-would-change-the-answer = Wat zou het antwoord veranderen
cli-render-note = Let op
cli-render-uncertain = (onzeker){" "}
cli-render-record-in-the-dossier = Leg vast in het dossier
cli-render-revised-answers = Gewijzigde antwoorden
cli-render-your-answers = Uw antwoorden
cli-render-sources = Bronnen
cli-render-rule-set = Regelset
cli-render-law-as-of = recht van
cli-dossier-consent-from-the-dossier = Toestemming uit het dossier
cli-render-not-answered = niet beantwoord

## cli-common
cli-common-the-rule-set-cannot-be-loaded = de regelset kan niet geladen worden:
cli-common-invalid-date-write-yyyy-mm-dd = ongeldige datum '{ $date }'; schrijf JJJJ-MM-DD
cli-common-unknown-language-choose-nl-or-en = onbekende taal '{ $lang }'; kies nl of en
cli-common-size-bytes = { $bytes } bytes
cli-common-file-is-not-a-regular-file = { $file }: is geen gewoon bestand (maar een map, apparaat of pipe); geef een bestand op
cli-common-file-cannot-be-read = { $file }: kan bestand niet lezen
cli-common-file-is-too-big = { $file }: is te groot (hoogstens { $max })
cli-common-file-is-not-utf-8-text = { $file }: is geen UTF-8-tekst
cli-common-cannot-start-the-runtime = kan de runtime niet starten
cli-common-data-directory-cannot-be-created = gegevensmap { $dir } kan niet gemaakt worden
cli-common-opening-the-postgresql-database-failed = PostgreSQL-database openen mislukt
cli-common-opening-the-database-failed = database { $db } openen mislukt

## cli-main
cli-main-error = fout: { $error }

## cli-start
cli-start-not-an-address = '{ $address }' is geen adres; schrijf bijvoorbeeld 127.0.0.1:8080
cli-start-cannot-listen-on = kan niet luisteren op { $address } (is de poort al in gebruik?)
cli-start-first-run-organisation-created = Eerste start: organisatie '{ $name }' aangemaakt.
cli-start-log-in-once-as-administrator = Log eenmalig in als beheerder:
cli-start-login-name = inlognaam:  { $login }
cli-start-password = wachtwoord: { $password }
cli-start-this-password-is-not-shown-again =
    Dit wachtwoord wordt niet nog eens getoond. Bij het eerste inloggen stelt u een tweede factor in
    (een authenticator-app op uw telefoon) en kiest u een eigen wachtwoord. Maak daarna accounts aan
    onder Beheer; wie een account krijgt, kiest bij het eerste inloggen ook een eigen wachtwoord.
cli-start-demo-organisation-created = Demo-organisatie aangemaakt (fictieve gegevens). Inlognamen, wachtwoord '{ $password }':
cli-start-the-administrator-and-the-privacy-officer = De beheerder en de privacyfunctionaris stellen bij het eerste inloggen een tweede factor in (authenticator-app).
cli-start-demo-organisation-already-exists = Demo-organisatie bestaat al; inlognamen huisarts, jeugd, aandacht, privacy, beheer (wachtwoord demo-wachtwoord-oost).
cli-start-grondslag-runs-on = Grondslag draait op { $address } — stop met Ctrl+C.
cli-start-the-server-stopped-with-an-error = de server stopte met een fout

## cli-backup
cli-backup-password-file-cannot-be-read = wachtwoordbestand kan niet gelezen worden
cli-backup-give-the-password = geef het wachtwoord met --wachtwoord-bestand BESTAND of in de omgevingsvariabele { $variable }
cli-backup-file-already-exists = { $file } bestaat al; kies een nieuw bestand (een backup overschrijft nooit)
cli-backup-there-is-no-database-in = er staat geen database in { $dir } (verwacht { $db })
cli-backup-snapshot-of-the-database-failed = momentopname van de database mislukt
cli-backup-file-cannot-be-written = { $file } kan niet geschreven worden
cli-backup-backup-written = Backup geschreven: { $file } ({ $bytes } bytes; database en { $keys } sleutelbestanden).
cli-backup-keep-the-password-apart = Bewaar het wachtwoord apart van de backup: zonder wachtwoord is hij onbruikbaar, met wachtwoord kan iedereen de dossiers lezen.
cli-backup-directory-cannot-be-created = map { $dir } kan niet gemaakt worden
cli-backup-restored-in = Hersteld in { $dir } ({ $files } bestanden).
cli-backup-organisation-verified = { $name } ({ $id }): geverifieerd, boomgrootte { $size }
cli-backup-organisation-not-verified = { $name } ({ $id }): NIET geverifieerd: { $error }
cli-backup-the-database-holds-no-organisation = de database in de backup bevat geen organisatie; dit is geen bruikbare backup van een gegevensmap
cli-backup-the-restore-failed-removed = Het herstel is mislukt; wat al was teruggezet in { $dir } is weer verwijderd.

## cli-controleer
cli-controleer-rule-set = Regelset { $name } { $version } (sha256 { $hash })
cli-controleer-counts = { $sources } bronnen, { $facts } feiten, { $roles } rollen, { $routes } routes, { $conditions } voorwaarden, { $judgments } afwegingen, { $notices } waarschuwingen in de regels
cli-controleer-route-combinations-checked = { $routes } volledige combinaties voorwaarde voor voorwaarde van elke route gecontroleerd; samen dekken ze alle { $covered } combinaties van antwoordklassen
cli-controleer-budget-reached-not-complete = {" "}(budget bereikt: niet volledig)
cli-controleer-paths-through-the-question-tree = { $paths } paden door de vragenboom{ $incomplete } ({ $evaluations } evaluaties, diepste pad { $deepest } vragen) in { $seconds } s
cli-controleer-questions-reachable = { $reached } van { $total } vragen bereikbaar
cli-controleer-safety-properties = Veiligheidseigenschappen:
cli-controleer-requirements-of-legal-routes = vereisten van wettelijke routes
cli-controleer-answers = antwoorden
cli-controleer-holds = geldt
cli-controleer-violated = GESCHONDEN ({ $count }x)
cli-controleer-safety-property = ({ $id }) { $label }: { $verdict }; bewezen over { $proved } volledige combinaties route voor route, nagegaan op { $applicable } { $unit }
cli-controleer-warning = waarschuwing: { $warning }
cli-controleer-error = FOUT: { $error }
cli-controleer-rule-set-in-order = regelset in orde

## cli-toets
cli-toets-id-also-occurs-in = { $file }, scenario '{ $id }': id komt ook voor in { $other }
cli-toets-failed = FOUT
cli-toets-invalid = ONGELDIG
cli-toets-no-scenario-files-found = geen scenariobestanden gevonden

## cli-dossier
cli-dossier-invalid-date = { $flag }: ongeldige datum '{ $date }'; schrijf JJJJ-MM-DD
cli-dossier-choose-ja-or-nee = { $flag }: '{ $value }' — kies ja of nee
cli-dossier-unknown-role = onbekende rol '{ $role }'; kies professional, aandachtsfunctionaris, privacy_officer of administrator
cli-dossier-unknown-capacity = onbekende hoedanigheid '{ $capacity }'; kies client, ouder_met_gezag, voogd, curator, mentor, schriftelijk_gemachtigde, partner of familie
cli-dossier-unknown-form = onbekende vorm '{ $form }'; kies schriftelijk, mondeling of digitaal
cli-dossier-receipt-title = Bewijs van vastlegging
cli-dossier-receipt-dossier = Dossier: { $dossier }
cli-dossier-receipt-entry = Dossierregel: { $seq }
cli-dossier-receipt-leaf = Leaf: { $index } (hash { $hash })
cli-dossier-receipt-tree-size = Boomgrootte: { $size }
cli-dossier-receipt-inclusion-proof = Inclusiebewijs: { $hashes } hashes
cli-dossier-receipt-checkpoint = Checkpoint:
cli-dossier-recorded-as-dossier-entry = { $what } vastgelegd als dossierregel { $seq }.
cli-dossier-deliberation = Beraad
cli-dossier-decision = Besluit
cli-dossier-consent = Toestemming
cli-dossier-withdrawal-of-consent = Intrekking van toestemming
cli-dossier-organisation-created = Organisatie aangemaakt: { $name }
cli-dossier-verification-key-publish-it = verificatiesleutel (publiceer deze): { $key }
cli-dossier-keys-stored-in = sleutels opgeslagen in { $dir }
cli-dossier-there-are-no-organisations-yet = Er zijn nog geen organisaties.
cli-dossier-professional-registered = Professional geregistreerd: { $name } ({ $profession }, { $role })
cli-dossier-client-registered = Cliënt geregistreerd (naam en geboortedatum versleuteld opgeslagen)
cli-dossier-pseudonym = pseudoniem: { $pseudonym }
cli-dossier-dossier-of-client = Dossier { $dossier } (cliënt { $client })
cli-dossier-no-dossier-entries-yet = Nog geen dossierregels.
cli-dossier-verification = Verificatie
cli-dossier-chain = keten: { $status }
cli-dossier-chain-intact = intact
cli-dossier-chain-not-intact = NIET intact
cli-dossier-checkpoint = checkpoint: { $status }
cli-dossier-signature-correct = handtekening klopt (boomgrootte { $size })
cli-dossier-signature-not-in-order = handtekening NIET in orde
cli-dossier-inclusion-in-the-checkpoint = opname in het checkpoint: { $status }
cli-dossier-every-entry-shown = elke regel aangetoond
cli-dossier-not-shown = NIET aangetoond
cli-dossier-verified = geverifieerd
cli-dossier-not-verified = NIET geverifieerd
cli-dossier-not-verified-because = NIET geverifieerd: { $error }
cli-dossier-bundle-written =
    Verificatiebundel geschreven naar { $file } ({ $entries } dossierregels, boomgrootte in checkpoint zie bundel).
    Sleutel: { $keys }
cli-dossier-organisation-verification = Organisatie { $org }: { $dossiers } dossiers, { $entries } dossierregels, boomgrootte { $size }; laatste checkpoint (grootte { $checkpoint }) ondertekend met { $key }
cli-dossier-give-a-bundle-file-or-organisation = geef óf een bundelbestand óf --organisatie ID
cli-dossier-content-of-entry-erased = Inhoud van dossierregel { $seq } gewist. De regel zelf en zijn vingerafdruk blijven; de verificatie blijft slagen.
cli-dossier-cannot-write-does-it-exist = { $file }: kan niet schrijven (bestaat het al?)
cli-dossier-writing-failed = { $file }: schrijven mislukt
cli-dossier-bundle-tree-size = boomgrootte: { $size }
cli-dossier-bundle-key = sleutel: { $key } (vergelijk met de gepubliceerde sleutel)
cli-dossier-bundle-contents = dossier: { $dossier }, { $entries } dossierregels; inhoud gecontroleerd: { $verified }, afwezig of gewist: { $absent }

## cli-vraag (answers)
cli-vraag-not-recognised-choose-a-number = '{ $input }' herken ik niet; kies een nummer of typ een deel van de naam
cli-vraag-matches-more-than-one-choice = '{ $input }' past bij meer dan één keuze: { $choices }
cli-vraag-answer-ja-or-nee = antwoord met ja of nee
cli-vraag-give-the-age-in-whole-years = geef de leeftijd in hele jaren, bijvoorbeeld 14
cli-vraag-yes-no-choice = {"["}ja/nee]

## cli help
# The help texts of `grondslag … --help` (crates/cli/src/help.rs): cli-help-<command path> for a
# command, cli-help-<command path>--<argument> for an argument, cli-help-all--<argument> for an
# argument many commands share. Subcommand and flag names are the interface and stay Dutch.
cli-help = Mag ik dit delen — met wie, wat, en op welke grond?
cli-help--regels = Map met regelbestanden (standaard: de regels die in dit programma zijn ingebouwd)
cli-help--datum = Datum waarop het recht wordt toegepast (JJJJ-MM-DD; standaard vandaag)
cli-help--taal = Taal van de uitvoer: nl (standaard) of en
cli-help-all--json = Uitvoer als JSON voor machines
cli-help-all--data = Gegevensmap: database (grondslag.db) en sleutels (keys/)
cli-help-all--database = PostgreSQL in plaats van SQLite (postgres://…); de sleutels blijven in --data
cli-help-all--client = Id van de cliënt
cli-help-all--professional = Id van de professional die dit vastlegt
cli-help-all--organisatie = Id van de organisatie
cli-help-all--bestand = Het feitenbestand
cli-help-all--notitie = Een notitie voor het dossier
cli-help-all--wachtwoord-bestand = Bestand met het wachtwoord (anders GRONDSLAG_BACKUP_WACHTWOORD)
cli-help-start = Start de webapplicatie (standaard op http://127.0.0.1:8080, met SQLite in grondslag-data)
cli-help-start--adres = Adres en poort waarop de server luistert
cli-help-start--data = De gegevensmap (database en sleutels)
cli-help-start--demo = Vul een demo-organisatie met fictieve professionals en cliënten
cli-help-start--organisatie = Naam van de organisatie die bij de eerste start wordt aangemaakt
cli-help-start--https = De server staat achter HTTPS (cookies alleen over HTTPS, met __Host-prefix)
cli-help-start--origin = Publiek adres (origin) dat formulieren mag posten, bijv. https://grondslag.example.nl
cli-help-start--max-verbindingen = Hoeveel verbindingen tegelijk open mogen zijn; meer wachten tot er een sluit
cli-help-start--header-timeout = Seconden waarin een browser de kopregels van een verzoek moet sturen; anders wordt de verbinding gesloten
cli-help-toets = Toets scenariobestanden (FORMAT.md) en vergelijk met het verwachte antwoord
cli-help-toets--paden = Bestanden of mappen met scenario's
cli-help-controleer = Controleer de regelset: bronnen, verwijzingen, en alle combinaties van antwoorden
cli-help-vraag = Stel de vragen één voor één in de terminal en geef een onderbouwd antwoord
cli-help-beoordeel = Beoordeel een feitenbestand zonder vragen te stellen
cli-help-beoordeel--open = Laat weggelaten feiten onbekend (geen standaardwaarden): Grondslag noemt dan wat het nog moet weten
cli-help-organisatie = Organisaties aanmaken en tonen
cli-help-organisatie-nieuw = Maak een organisatie met eigen sleutels
cli-help-organisatie-nieuw--naam = Naam van de organisatie
cli-help-organisatie-lijst = Toon alle organisaties
cli-help-professional = Professionals registreren
cli-help-professional-nieuw = Registreer een professional
cli-help-professional-nieuw--naam = Naam van de professional
cli-help-professional-nieuw--rol = professional, aandachtsfunctionaris, privacy_officer of administrator
cli-help-professional-nieuw--beroep = Een rol uit de regelset, bijv. huisarts
cli-help-client = Cliënten registreren
cli-help-client-nieuw = Registreer een cliënt onder een pseudoniem van de externe referentie
cli-help-client-nieuw--referentie = De externe referentie van de cliënt (bijv. het cliëntnummer in uw eigen systeem)
cli-help-client-nieuw--naam = Naam van de cliënt
cli-help-client-nieuw--geboortedatum = Geboortedatum van de cliënt
cli-help-vastleggen = Beoordeel een feitenbestand voor een cliënt en leg het beraad vast in het dossier (toestemming uit het register)
cli-help-vastleggen--open = Laat weggelaten feiten onbekend (geen standaardwaarden)
cli-help-besluit = Leg een besluit vast na een beraad
cli-help-besluit--beraad = De dossierregel (volgnummer) van het beraad waarop dit besluit volgt
cli-help-besluit--gedeeld = ja of nee
cli-help-besluit--wat = Wat er gedeeld is (leeg als er niets gedeeld is)
cli-help-besluit--ontvanger = Met wie er gedeeld is of gedeeld zou worden
cli-help-besluit--gedeeld-op = Tijdstip van delen (RFC 3339), als er gedeeld is
cli-help-besluit--client-geinformeerd = Of en wanneer de cliënt is geïnformeerd
cli-help-besluit--niet-geinformeerd-omdat = Waarom de cliënt niet is geïnformeerd
cli-help-besluit--redenen = Uw redenen voor het besluit, in uw eigen woorden
cli-help-toestemming = Toestemming registreren of intrekken
cli-help-toestemming-registreer = Registreer een gegeven toestemming
cli-help-toestemming-registreer--door = Wie de toestemming gaf
cli-help-toestemming-registreer--hoedanigheid = client, ouder_met_gezag, voogd, curator, mentor, schriftelijk_gemachtigde, partner of familie
cli-help-toestemming-registreer--ontvangers = Ontvangers (rollen uit de regelset), komma-gescheiden
cli-help-toestemming-registreer--gegevens = Soorten gegevens (bijv. health), komma-gescheiden
cli-help-toestemming-registreer--doelen = Doelen (bijv. insurance_or_employment), komma-gescheiden
cli-help-toestemming-registreer--van = Vanaf wanneer de toestemming geldt
cli-help-toestemming-registreer--tot = Tot wanneer de toestemming geldt, als daar een einde aan zit
cli-help-toestemming-registreer--vorm = schriftelijk, mondeling of digitaal
cli-help-toestemming-registreer--niet-vrij = De toestemming is niet vrij gegeven (afhankelijkheid van ontvanger of vrager)
cli-help-toestemming-registreer--niet-geinformeerd-over-gevolgen = De cliënt is niet gewezen op de gevolgen
cli-help-toestemming-intrek = Trek een geregistreerde toestemming in
cli-help-toestemming-intrek--regel = De dossierregel (volgnummer) van de toestemming
cli-help-toestemming-intrek--per = Met ingang van (JJJJ-MM-DD; standaard --datum of vandaag)
cli-help-toestemming-intrek--door = Wie de toestemming introk
cli-help-dossier = Het dossier van een cliënt tonen
cli-help-dossier-toon = Toon de geschiedenis van een dossier en of die verifieert
cli-help-exporteer = Schrijf een verificatiebundel van het dossier van een cliënt
cli-help-exporteer--naar = Het bestand waarin de bundel komt
cli-help-backup = Maak een versleutelde backup van de gegevensmap (SQLite-database en sleutels). Bij PostgreSQL: maak een backup met pg_dump en bewaar de map keys/ apart en versleuteld; controleer na herstel met `verifieer --organisatie`
cli-help-backup--naar = Het backupbestand (mag nog niet bestaan)
cli-help-backup--data = De gegevensmap
cli-help-herstel = Herstel een backup in een nieuwe map en verifieer daarna elke organisatie
cli-help-herstel--bestand = Het backupbestand
cli-help-herstel--naar = Een nieuwe of lege map
cli-help-verifieer = Verifieer een bundel (offline) of alles wat voor een organisatie is opgeslagen
cli-help-verifieer--bundel = De verificatiebundel (van exporteer)
cli-help-verifieer--organisatie = Verifieer alles wat voor deze organisatie is opgeslagen
cli-help-wis = Wis de inhoud van een dossierregel (bewaartermijn verstreken); de regel zelf blijft
cli-help-wis--regel = De dossierregel (volgnummer) waarvan de inhoud wordt gewist
