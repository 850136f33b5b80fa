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
