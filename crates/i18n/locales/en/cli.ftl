# Grondslag — English. Ids: <area>-<words>; an area is the page or module that uses them.

## cli-vraag
cli-vraag-that-input-is-too-long = That input is too long; the session stops.
cli-vraag-there-are-no-answers-to = There are no answers to change yet.
cli-vraag-which-answer-do-you-want = Which answer do you want to change?
cli-vraag-number-empty-back = Number (empty = back):
cli-vraag-why-i-ask-this = Why I ask this:
cli-vraag-who-can-answer-this = Who can answer this:
cli-vraag-you-yourself = you yourself
cli-vraag-the-client-ask-him = the client (ask him)
cli-vraag-the-requester-check-with-him = the requester (check with him)
cli-vraag-type-part-of-the-role = Type (part of) the role, e.g. 'huisarts', or 'lijst' for all roles.
cli-vraag-type-waarom-for-the-reason = (type 'waarom' for the reason, 'terug' for the previous question, 'wijzig' to change an answer, 'stop' to stop)
cli-vraag-yes-no = {"["}yes/no]>
cli-vraag-this-is-the-first-question = This is the first question.
cli-vraag-i-dont-understand = I don't understand:
cli-vraag-your-judgment-yes-no = Your judgment [yes/no]:
cli-vraag-answer-yes-or-no-this = Answer yes or no; this judgment is yours.
cli-vraag-your-reasons-in-your-own = Your reasons, in your own words:
cli-vraag-write-briefly-why-it-belongs = Write briefly why; it belongs in the dossier.
cli-vraag-grondslag-may-i-share-this = Grondslag — may I share this? I only ask the questions that can still change the answer.
cli-vraag-this-answer-needs-your-own = This answer needs your own weighing:
cli-vraag-record-it-now = Record it now?
cli-vraag-type-wijzig-to-change-an = Type 'wijzig' to change an answer, or Enter to finish:
cli-vraag-stopped-before-the-answer-was = {"\u000A"}Stopped before the answer was determined.

## cli-render (more)
cli-render-still-open = Still open
cli-render-layer-1-professional-secrecy = Layer 1 — professional secrecy
cli-render-your-confidentiality = Your confidentiality
cli-render-no-ground-found-to-share = No ground found to share.
cli-render-layer-2-gdpr = Layer 2 — GDPR
cli-render-no-gdpr-basis-without-a = No GDPR basis: without a ground in layer 1 there is none here either.
cli-render-conditions = Conditions
cli-render-your-weighing-still-to-be = Your weighing, still to be recorded
cli-render-your-own-weighing = Your own weighing
cli-render-your-judgment = your judgment
cli-render-your-reasons = your reasons
cli-render-what-would-change-the-answer = What would change the answer
cli-render-note = Note
cli-render-uncertain = (uncertain){" "}
cli-render-record-in-the-dossier = Record in the dossier
cli-render-revised-answers = Revised answers
cli-render-your-answers = Your answers
cli-render-sources = Sources
cli-render-rule-set = Rule set
cli-render-law-as-of = law as of
cli-dossier-consent-from-the-dossier = Consent from the dossier
cli-render-not-answered = not answered

## cli-common
cli-common-the-rule-set-cannot-be-loaded = the rule set cannot be loaded:
cli-common-invalid-date-write-yyyy-mm-dd = invalid date '{ $date }'; write YYYY-MM-DD
cli-common-unknown-language-choose-nl-or-en = unknown language '{ $lang }'; choose nl or en
cli-common-size-bytes = { $bytes } bytes
cli-common-file-is-not-a-regular-file = { $file }: is not a regular file (but a directory, device or pipe); give a file
cli-common-file-cannot-be-read = { $file }: cannot read the file
cli-common-file-is-too-big = { $file }: is too large (at most { $max })
cli-common-file-is-not-utf-8-text = { $file }: is not UTF-8 text
cli-common-cannot-start-the-runtime = cannot start the runtime
cli-common-data-directory-cannot-be-created = data directory { $dir } cannot be created
cli-common-opening-the-postgresql-database-failed = opening the PostgreSQL database failed
cli-common-opening-the-database-failed = opening database { $db } failed

## cli-main
cli-main-error = error: { $error }

## cli-start
cli-start-not-an-address = '{ $address }' is not an address; write for example 127.0.0.1:8080
cli-start-cannot-listen-on = cannot listen on { $address } (is the port already in use?)
cli-start-first-run-organisation-created = First start: organisation '{ $name }' created.
cli-start-log-in-once-as-administrator = Log in once as administrator:
cli-start-login-name = login name: { $login }
cli-start-password = password:   { $password }
cli-start-this-password-is-not-shown-again =
    This password will not be shown again. When you first log in, you set up a second factor
    (an authenticator app on your phone) and choose your own password. Then create accounts
    under Administration; whoever receives an account also chooses their own password when they first log in.
cli-start-demo-organisation-created = Demo organisation created (fictitious data). Login names, password '{ $password }':
cli-start-the-administrator-and-the-privacy-officer = The administrator and the privacy officer set up a second factor (authenticator app) when they first log in.
cli-start-demo-organisation-already-exists = Demo organisation already exists; login names huisarts, jeugd, aandacht, privacy, beheer (password demo-wachtwoord-oost).
cli-start-grondslag-runs-on = Grondslag is running on { $address } — stop with Ctrl+C.
cli-start-the-server-stopped-with-an-error = the server stopped with an error

## cli-backup
cli-backup-password-file-cannot-be-read = the password file cannot be read
cli-backup-give-the-password = give the password with --wachtwoord-bestand FILE or in the environment variable { $variable }
cli-backup-file-already-exists = { $file } already exists; choose a new file (a backup never overwrites)
cli-backup-there-is-no-database-in = there is no database in { $dir } (expected { $db })
cli-backup-snapshot-of-the-database-failed = snapshot of the database failed
cli-backup-file-cannot-be-written = { $file } cannot be written
cli-backup-backup-written = Backup written: { $file } ({ $bytes } bytes; database and { $keys } key files).
cli-backup-keep-the-password-apart = Keep the password apart from the backup: without the password it is unusable, with the password anyone can read the dossiers.
cli-backup-directory-cannot-be-created = directory { $dir } cannot be created
cli-backup-restored-in = Restored in { $dir } ({ $files } files).
cli-backup-organisation-verified = { $name } ({ $id }): verified, tree size { $size }
cli-backup-organisation-not-verified = { $name } ({ $id }): NOT verified: { $error }
cli-backup-the-database-holds-no-organisation = the database in the backup holds no organisation; this is not a usable backup of a data directory
cli-backup-the-restore-failed-removed = The restore failed; whatever had already been restored in { $dir } has been removed again.

## cli-controleer
cli-controleer-rule-set = Rule set { $name } { $version } (sha256 { $hash })
cli-controleer-counts = { $sources } sources, { $facts } facts, { $roles } roles, { $routes } routes, { $conditions } conditions, { $judgments } weighings, { $notices } warnings in the rules
cli-controleer-route-combinations-checked = { $routes } complete combinations checked condition by condition for every route; together they cover all { $covered } combinations of answer classes
cli-controleer-budget-reached-not-complete = {" "}(budget reached: not complete)
cli-controleer-paths-through-the-question-tree = { $paths } paths through the question tree{ $incomplete } ({ $evaluations } evaluations, deepest path { $deepest } questions) in { $seconds } s
cli-controleer-questions-reachable = { $reached } of { $total } questions reachable
cli-controleer-safety-properties = Safety properties:
cli-controleer-requirements-of-legal-routes = requirements of legal routes
cli-controleer-answers = answers
cli-controleer-holds = holds
cli-controleer-violated = VIOLATED ({ $count }x)
cli-controleer-safety-property = ({ $id }) { $label }: { $verdict }; proved over { $proved } complete combinations route by route, checked on { $applicable } { $unit }
cli-controleer-warning = warning: { $warning }
cli-controleer-error = ERROR: { $error }
cli-controleer-rule-set-in-order = rule set in order

## cli-toets
cli-toets-id-also-occurs-in = { $file }, scenario '{ $id }': id also occurs in { $other }
cli-toets-failed = FAIL
cli-toets-invalid = INVALID
cli-toets-no-scenario-files-found = no scenario files found

## cli-dossier
cli-dossier-invalid-date = { $flag }: invalid date '{ $date }'; write YYYY-MM-DD
cli-dossier-choose-ja-or-nee = { $flag }: '{ $value }' — choose ja or nee
cli-dossier-unknown-role = unknown role '{ $role }'; choose professional, aandachtsfunctionaris, privacy_officer or administrator
cli-dossier-unknown-capacity = unknown capacity '{ $capacity }'; choose client, ouder_met_gezag, voogd, curator, mentor, schriftelijk_gemachtigde, partner or familie
cli-dossier-unknown-form = unknown form '{ $form }'; choose schriftelijk, mondeling or digitaal
cli-dossier-receipt-title = Receipt of recording
cli-dossier-receipt-dossier = Dossier: { $dossier }
cli-dossier-receipt-entry = Dossier entry: { $seq }
cli-dossier-receipt-leaf = Leaf: { $index } (hash { $hash })
cli-dossier-receipt-tree-size = Tree size: { $size }
cli-dossier-receipt-inclusion-proof = Inclusion proof: { $hashes } hashes
cli-dossier-receipt-checkpoint = Checkpoint:
cli-dossier-recorded-as-dossier-entry = { $what } recorded as dossier entry { $seq }.
cli-dossier-deliberation = Deliberation
cli-dossier-decision = Decision
cli-dossier-consent = Consent
cli-dossier-withdrawal-of-consent = Withdrawal of consent
cli-dossier-organisation-created = Organisation created: { $name }
cli-dossier-verification-key-publish-it = verification key (publish it): { $key }
cli-dossier-keys-stored-in = keys stored in { $dir }
cli-dossier-there-are-no-organisations-yet = There are no organisations yet.
cli-dossier-professional-registered = Professional registered: { $name } ({ $profession }, { $role })
cli-dossier-client-registered = Client registered (name and date of birth stored encrypted)
cli-dossier-pseudonym = pseudonym: { $pseudonym }
cli-dossier-dossier-of-client = Dossier { $dossier } (client { $client })
cli-dossier-no-dossier-entries-yet = No dossier entries yet.
cli-dossier-verification = Verification
cli-dossier-chain = chain: { $status }
cli-dossier-chain-intact = intact
cli-dossier-chain-not-intact = NOT intact
cli-dossier-checkpoint = checkpoint: { $status }
cli-dossier-signature-correct = signature valid (tree size { $size })
cli-dossier-signature-not-in-order = signature NOT in order
cli-dossier-inclusion-in-the-checkpoint = inclusion in the checkpoint: { $status }
cli-dossier-every-entry-shown = every entry proven
cli-dossier-not-shown = NOT proven
cli-dossier-verified = verified
cli-dossier-not-verified = NOT verified
cli-dossier-not-verified-because = NOT verified: { $error }
cli-dossier-bundle-written =
    Verification bundle written to { $file } ({ $entries } dossier entries; for the tree size in the checkpoint see the bundle).
    Key: { $keys }
cli-dossier-organisation-verification = Organisation { $org }: { $dossiers } dossiers, { $entries } dossier entries, tree size { $size }; latest checkpoint (size { $checkpoint }) signed with { $key }
cli-dossier-give-a-bundle-file-or-organisation = give either a bundle file or --organisatie ID
cli-dossier-content-of-entry-erased = Content of dossier entry { $seq } erased. The entry itself and its fingerprint remain; verification still succeeds.
cli-dossier-cannot-write-does-it-exist = { $file }: cannot write (does it already exist?)
cli-dossier-writing-failed = { $file }: writing failed
cli-dossier-bundle-tree-size = tree size: { $size }
cli-dossier-bundle-key = key: { $key } (compare with the published key)
cli-dossier-bundle-contents = dossier: { $dossier }, { $entries } dossier entries; content checked: { $verified }, absent or erased: { $absent }

## cli-vraag (answers)
cli-vraag-not-recognised-choose-a-number = I don't recognise '{ $input }'; choose a number or type part of the name
cli-vraag-matches-more-than-one-choice = '{ $input }' matches more than one choice: { $choices }
cli-vraag-answer-ja-or-nee = answer yes or no
cli-vraag-give-the-age-in-whole-years = give the age in whole years, for example 14
cli-vraag-yes-no-choice = {"["}yes/no]

## cli help
# The help texts of `grondslag … --help` (crates/cli/src/help.rs): cli-help-<command path> for a
# command, cli-help-<command path>--<argument> for an argument, cli-help-all--<argument> for an
# argument many commands share. Subcommand and flag names are the interface and stay Dutch.
cli-help = May I share this — with whom, what, and on what grounds?
cli-help--regels = Directory of rule files (default: the rules built into this program)
cli-help--datum = Date on which the law is applied (YYYY-MM-DD; default today)
cli-help--taal = Language of the output: nl (default) or en
cli-help-all--json = Output as JSON for machines
cli-help-all--data = Data directory: database (grondslag.db) and keys (keys/)
cli-help-all--database = PostgreSQL instead of SQLite (postgres://…); the keys stay in --data
cli-help-all--client = Id of the client
cli-help-all--professional = Id of the professional recording this
cli-help-all--organisatie = Id of the organisation
cli-help-all--bestand = The facts file
cli-help-all--notitie = A note for the dossier
cli-help-all--wachtwoord-bestand = File holding the password (otherwise GRONDSLAG_BACKUP_WACHTWOORD)
cli-help-start = Start the web application (by default on http://127.0.0.1:8080, with SQLite in grondslag-data)
cli-help-start--adres = Address and port the server listens on
cli-help-start--data = The data directory (database and keys)
cli-help-start--demo = Fill a demo organisation with fictitious professionals and clients
cli-help-start--organisatie = Name of the organisation created on first start
cli-help-start--https = The server sits behind HTTPS (cookies only over HTTPS, with the __Host- prefix)
cli-help-start--origin = Public address (origin) allowed to post forms, e.g. https://grondslag.example.nl
cli-help-start--max-verbindingen = How many connections may be open at once; more wait until one closes
cli-help-start--header-timeout = Seconds within which a browser must send the headers of a request; otherwise the connection is closed
cli-help-toets = Test scenario files (FORMAT.md) and compare them with the expected answer
cli-help-toets--paden = Files or directories with scenarios
cli-help-controleer = Check the rule set: sources, references, and every combination of answers
cli-help-vraag = Ask the questions one by one in the terminal and give a reasoned answer
cli-help-beoordeel = Assess a facts file without asking questions
cli-help-beoordeel--open = Leave omitted facts unknown (no defaults): Grondslag then names what it still needs to know
cli-help-organisatie = Create and list organisations
cli-help-organisatie-nieuw = Create an organisation with its own keys
cli-help-organisatie-nieuw--naam = Name of the organisation
cli-help-organisatie-lijst = List all organisations
cli-help-professional = Register professionals
cli-help-professional-nieuw = Register a professional
cli-help-professional-nieuw--naam = Name of the professional
cli-help-professional-nieuw--rol = professional, aandachtsfunctionaris, privacy_officer or administrator
cli-help-professional-nieuw--beroep = A role from the rule set, e.g. huisarts
cli-help-client = Register clients
cli-help-client-nieuw = Register a client under a pseudonym of the external reference
cli-help-client-nieuw--referentie = The client's external reference (e.g. the client number in your own system)
cli-help-client-nieuw--naam = Name of the client
cli-help-client-nieuw--geboortedatum = Date of birth of the client
cli-help-vastleggen = Assess a facts file for a client and record the deliberation in the dossier (consent from the register)
cli-help-vastleggen--open = Leave omitted facts unknown (no defaults)
cli-help-besluit = Record a decision after a deliberation
cli-help-besluit--beraad = The dossier entry (sequence number) of the deliberation this decision follows
cli-help-besluit--gedeeld = ja or nee (yes or no)
cli-help-besluit--wat = What was shared (empty if nothing was shared)
cli-help-besluit--ontvanger = With whom it was shared or would have been shared
cli-help-besluit--gedeeld-op = Time of sharing (RFC 3339), if shared
cli-help-besluit--client-geinformeerd = Whether and when the client was informed
cli-help-besluit--niet-geinformeerd-omdat = Why the client was not informed
cli-help-besluit--redenen = Your reasons for the decision, in your own words
cli-help-toestemming = Register or withdraw consent
cli-help-toestemming-registreer = Register a consent given
cli-help-toestemming-registreer--door = Who gave the consent
cli-help-toestemming-registreer--hoedanigheid = client, ouder_met_gezag, voogd, curator, mentor, schriftelijk_gemachtigde, partner or familie
cli-help-toestemming-registreer--ontvangers = Recipients (roles from the rule set), comma-separated
cli-help-toestemming-registreer--gegevens = Kinds of data (e.g. health), comma-separated
cli-help-toestemming-registreer--doelen = Purposes (e.g. insurance_or_employment), comma-separated
cli-help-toestemming-registreer--van = From when the consent applies
cli-help-toestemming-registreer--tot = Until when the consent applies, if it ends
cli-help-toestemming-registreer--vorm = schriftelijk, mondeling or digitaal (written, oral or digital)
cli-help-toestemming-registreer--niet-vrij = The consent was not given freely (dependence on the recipient or the requester)
cli-help-toestemming-registreer--niet-geinformeerd-over-gevolgen = The client was not told of the consequences
cli-help-toestemming-intrek = Withdraw a registered consent
cli-help-toestemming-intrek--regel = The dossier entry (sequence number) of the consent
cli-help-toestemming-intrek--per = With effect from (YYYY-MM-DD; default --datum or today)
cli-help-toestemming-intrek--door = Who withdrew the consent
cli-help-dossier = Show a client's dossier
cli-help-dossier-toon = Show the history of a dossier and whether it verifies
cli-help-exporteer = Write a verification bundle of a client's dossier
cli-help-exporteer--naar = The file the bundle is written to
cli-help-backup = Make an encrypted backup of the data directory (SQLite database and keys). With PostgreSQL: make a backup with pg_dump and keep the keys/ directory separately and encrypted; after a restore, check with `verifieer --organisatie`
cli-help-backup--naar = The backup file (must not exist yet)
cli-help-backup--data = The data directory
cli-help-herstel = Restore a backup into a new directory, then verify every organisation
cli-help-herstel--bestand = The backup file
cli-help-herstel--naar = A new or empty directory
cli-help-verifieer = Verify a bundle (offline) or everything stored for an organisation
cli-help-verifieer--bundel = The verification bundle (from exporteer)
cli-help-verifieer--organisatie = Verify everything stored for this organisation
cli-help-wis = Erase the content of a dossier entry (retention period expired); the entry itself remains
cli-help-wis--regel = The dossier entry (sequence number) whose content is erased
