# Grondslag — English. Ids: <area>-<words>; an area is the page or module that uses them.

## access-labels
access-labels-role = role:
access-labels-emergency-access = emergency access
access-labels-care-relation = care relation
access-labels-own-account = own account
access-labels-refused-unknown-or-of-another = refused: unknown or of another organisation
access-labels-refused-other-organisation = refused: other organisation
access-labels-refused-not-for-this-role = refused: not for this role
access-labels-refused-no-care-relation = refused: no care relation
access-labels-seat = participant in the case conference
access-labels-refused-no-seat = refused: not a participant in the case conference
access-labels-refused-unknown-client = refused: unknown client
access-labels-refused-account-not-yet-taken = refused: account not yet taken into use

## error
error-no-access = No access
error-not-found = Not found
error-check-your-input = Check your input
error-too-many-attempts = Too many attempts
error-this-is-not-possible = This is not possible
error-too-large = Too large
error-waited-too-long = Waited too long
error-something-went-wrong = Something went wrong
error-only-in-an-emergency-explain = Only in an emergency. Explain why you need this dossier now. The privacy officer sees your reason and reviews your access afterwards.
error-reason-required = Reason (required)
error-take-emergency-access-4-hours = Take emergency access (4 hours)
error-back-to-the-start = Back to the start

## i18n
i18n-english = English

## account
account-choose-your-own-password = Choose your own password
account-qr-code-to-add-grondslag = QR code to add Grondslag to your authenticator app
account-the-second-factor-is-on = The second factor is on.
account-new-recovery-codes-made-the = New recovery codes made; the old ones no longer work.
account-the-second-factor-is-off = The second factor is off.

## clients
clients-there-is-no-client-with = There is no client with this reference in your organisation.
clients-you-have-1-unfinished-deliberation = You have 1 unfinished deliberation
clients-you-have = You have
clients-unfinished-deliberations = unfinished deliberations
clients-conferences = Case conferences you take part in:
clients-search-my-clients = Search my clients
clients-name-or-part-of-the = Name or part of the name
clients-in-full-e-g-the = In full, e.g. the client number
clients-dd-mm-yyyy = dd-mm-yyyy
clients-search = Search
clients-show-all-clients = Show all clients
clients-1-client-found = 1 client found.
clients-clients-found = clients found.
clients-none-of-your-clients-matches = None of your clients matches this search. You only search clients you have a care relation with; for another client: see below.
clients-you-have-no-clients-with = You have no clients with a care relation yet. Register a client, or ask your administrator to record a care relation.
clients-clients-found-that-you-have = Clients found that you have a care relation with
clients-clients-you-have-a-care = Clients you have a care relation with
clients-start-deliberation = Start deliberation
clients-find-a-client-without-a = Find a client without a care relation
clients-reference-e-g-client-number = Reference (e.g. client number)
clients-without-a-care-relation-you = Without a care relation you only get access in an emergency, with a reason. This is logged and reviewed.

## decision
decision-record-the-decision = Record the decision
decision-recorded-in-the-dossier-can = Recorded in the dossier — can no longer be changed unnoticed.
decision-view-or-print-the-report = View or print the report
decision-deliberation = Deliberation
decision-the-decision-following-this-deliberation = The decision following this deliberation is already recorded; a new decision needs a new deliberation.
decision-view-the-recorded-decision = View the recorded decision
decision-record-what-you-decide-also = Record what you decide — also if you decide not to share.
decision-did-you-share-or-will = Did you share (or will you)?
decision-what-only-what-is-necessary = What (only what is necessary)
decision-when-shared-optional = When shared (optional)
decision-was-the-client-informed = Was the client informed?
decision-if-yes-when-and-how = If yes: when and how
decision-if-no-why-not-for = If no: why not (for example because it endangers safety)
decision-your-reasons = Your reasons
decision-record-decision = Record decision
decision-later = Later

## deliberation
deliberation-care = Care
deliberation-youth = Youth
deliberation-social-domain = Social domain
deliberation-education = Education
deliberation-government = Government
deliberation-justice = Justice
deliberation-private-parties = Private parties
deliberation-the-clients-circle = The client's circle
deliberation-other = Other
deliberation-nobody = Nobody
deliberation-this-is-needed-to-consult = This is needed to consult this client's consent registry: which consent would cover this disclosure?
deliberation-you-the-professional = you, the professional
deliberation-you-after-checking-if-needed = you, after checking if needed
deliberation-not-yet-recorded = not yet recorded
deliberation-without-a-client-not-recorded = Without a client (not recorded)

## dossier
dossier-from = from
dossier-dossier = Dossier
dossier-entry = entry
dossier-recorded = recorded
dossier-after-deliberation-entry = After deliberation (entry)
dossier-when-shared = When shared
dossier-client-informed = Client informed
dossier-why-not-informed = Why not informed
dossier-reasons = Reasons
dossier-content = Content
dossier-entry-2 = Entry
dossier-emergency-access = Emergency access.
dossier-you-have-no-care-relation = You have no care relation with this client. Your access is logged and will be reviewed by the privacy officer.
dossier-checked = checked
dossier-every-entry-of-this-dossier = Every entry of this dossier is unchanged in the organisation's signed log.
dossier-not-verified = not verified
dossier-the-check-of-this-dossier = The check of this dossier fails: an entry was changed or is missing. Report this to your privacy officer.
dossier-download-verification-bundle = Download verification bundle
dossier-consents = Consents
dossier-no-consent-is-registered = No consent is registered.
dossier-entry-3 = Entry
dossier-given-by = Given by
dossier-to = To
dossier-data = Data
dossier-purpose = Purpose
dossier-period = Period
dossier-withdrawn-as-of = withdrawn as of
dossier-valid = valid
dossier-withdraw = Withdraw…
dossier-consent = consent
dossier-withdrawn-by = Withdrawn by
dossier-as-of = As of
dossier-withdraw-2 = Withdraw
dossier-timeline = Timeline
dossier-this-dossier-is-still-empty = This dossier is still empty.
dossier-kind = Kind
dossier-by = By
dossier-decided-in = decision recorded in entry { $n }
dossier-record-decision = record decision

## drafts
drafts-without-a-client = Without a client
drafts-a-client-you-no-longer = A client you no longer have a care relation with
drafts-my-unfinished-deliberations = My unfinished deliberations
drafts-discard-the-unfinished-deliberation = Discard the unfinished deliberation?
drafts-the-unfinished-deliberation-was-discarded = The unfinished deliberation was discarded.
drafts-deliberations-you-started-but-have = Deliberations you started but have not recorded yet. Only you see them. An unfinished deliberation is removed 7 days after its last change.
drafts-you-have-no-unfinished-deliberations = You have no unfinished deliberations.
drafts-most-recently-changed-first = Most recently changed first
drafts-continue = Continue
drafts-discard = Discard

## login
login-enter-your-login-name-and = Enter your login name and password.
login-sign-in-code = Sign-in code
login-enter-the-code-from-your = Enter the code from your authenticator app.
login-this-recovery-code-is-wrong = This recovery code is wrong or has been used.
login-sign-in-to-grondslag = Sign in to Grondslag
login-may-i-share-this-with = May I share this — with whom, what, and on what ground? Sign in to start a deliberation or open a dossier.
login-password = Password

## privacy
privacy-this-person-was-not-found = This person was not found in your organisation.
privacy-the-start-date-is-after = The start date is after the end date.
privacy-a-date-is-not-valid = A date is not valid; write dd-mm-yyyy.
privacy-the-clients-name-or-reference = The client's name or reference is too long or contains invalid characters.
privacy-born = born
privacy-no-client-in-your-organisation = No client in your organisation has this name or reference.
privacy-access-log-nen-7513 = Access log (NEN 7513)
privacy-entries-in = entries in
privacy-dossiers-checked-all-are-unchanged = dossiers checked: all are unchanged in the organisation's signed log.
privacy-events-chain-intact = events, chain intact.
privacy-verification-of-the-organisation = Verification of the organisation

## report-view
report-view-not-answered = not answered

## view
view-professional = professional
view-aandachtsfunctionaris-designated-officer = aandachtsfunctionaris (designated officer)
view-privacy-officer = privacy officer
view-administrator = administrator
view-unfinished-deliberations = Unfinished deliberations
view-verification = Verification

## access-log
access-log-chain-intact = chain intact
access-log-events-none-was-changed-deleted = events; none was changed, deleted or moved.
access-log-chain-broken = chain broken
access-log-filter = Filter
access-log-person = Person
access-log-everyone = Everyone
access-log-name-part-of-the-name = Name, part of the name, or full reference
access-log-from-date = From date
access-log-up-to-and-including-date = Up to and including date
access-log-show-all = Show all
access-log-which-client-do-you-mean = Which client do you mean?
access-log-several-clients-match-this-name = Several clients match this name.
access-log-download-as-csv = Download as CSV
access-log-filtered = (filtered)
access-log-for-a-spreadsheet-the-download = For a spreadsheet; the download itself is also recorded in this log.
access-log-filtered-2 = Filtered.{" "}
access-log-newest-first-who-which-client = Newest first. Who, which client, which action, when (Dutch time), on what authorisation.
access-log-who = Who
access-log-action = Action
access-log-authorisation = Authorisation
access-log-allowed = Allowed
access-log-from = From
access-log-refused = refused
access-log-no-events = No events.
access-log-older-events = Older events

## admin
admin-accounts = Accounts
admin-login = Login
admin-role = Role
admin-profession = Profession
admin-on = on
admin-remove = Remove
admin-second-factor-of = second factor of
admin-off = off
admin-blocked = blocked
admin-not-yet-in-use = not yet in use
admin-block = Block
admin-new-password = New password…
admin-new-password-at-least-12 = New password (at least 12 characters)
admin-set = Set
admin-add-an-account = Add an account
admin-initial-password-at-least-12 = Initial password (at least 12 characters)
admin-role-in-grondslag = Role in Grondslag
admin-profession-decides-the-secrecy-regime = Profession (decides the secrecy regime in a deliberation)
admin-add = Add
admin-administrators-and-privacy-officers-always = Administrators and privacy officers always need a second factor (a code from an app) to sign in. You can require it of everyone in your organisation.
admin-second-factor-required-for-everyone = Second factor required for everyone
admin-save = Save
admin-care-relations = Care relations
admin-a-professional-only-sees-the = A professional only sees the dossiers of clients with a recorded care relation. A care relation can only be recorded once the account has been taken into use: the professional has signed in and chosen their own password.
admin-since = Since
admin-action = Action
admin-end = End
admin-record-care-relation = Record care relation

## base
base-skip-to-content = Skip to content
base-main-menu = Main menu
base-your-account = Your account
base-sign-out = Sign out

## client-new
client-new-name-and-date-of-birth = Name and date of birth are stored encrypted. The reference is kept only as a keyed pseudonym.
client-new-for-example-the-client-number = For example the client number from your record system. Unique within the organisation.
client-new-date-of-birth-optional = Date of birth (optional)
client-new-register = Register

## consent
consent-consent-is-specific-for-these = Consent is specific: for these recipients, these data and this purpose. A deliberation only relies on a consent that fully covers the intended disclosure.
consent-given-by-name = Given by (name)
consent-in-what-capacity = In what capacity
consent-to-whom-it-may-be = To whom it may be disclosed
consent-which-data = Which data
consent-for-which-purpose = For which purpose
consent-valid-from = Valid from
consent-valid-until-optional = Valid until (optional)
consent-form = Form
consent-oral = oral
consent-written = written
consent-digital = digital
consent-freely-given = Freely given?
consent-no-if-the-client-depends = No if the client depends on the recipient or requester (benefit, provision, job).
consent-informed-of-the-consequences = Informed of the consequences?

## deliberation-start
deliberation-start-grondslag-only-asks-the-questions = Grondslag only asks the questions that can still change the answer, one at a time. Each question shows why it is asked and its source.
deliberation-start-who-is-it-about = Who is it about?
deliberation-start-without-a-client-only-the = Without a client — only the answer, nothing is recorded
deliberation-start-date-of-the-law = Date of the law
deliberation-start-usually-today-for-a-past = Usually today. For a past situation: the date it happened.
deliberation-start-start-the-deliberation = Start the deliberation

## draft-discard
draft-discard-the-answers-of-this-deliberation = The answers of this deliberation are deleted. Nothing of it was recorded in the dossier, so nothing changes there. This cannot be undone.
draft-discard-yes-discard = Yes, discard
draft-discard-no-continue-the-deliberation = No, continue the deliberation
draft-discard-back-to-the-list = Back to the list

## entry
entry-the-content-of-this-entry = The content of this entry was erased (retention ended). The entry stays in the log and remains verifiable.

## grants
grants-access-without-a-care-relation = Access without a care relation, with the reason the professional gave. Review every one.
grants-still-to-review = still to review
grants-no-emergency-access-was-taken = No emergency access was taken.
grants-reason = Reason
grants-granted = Granted
grants-valid-until = Valid until
grants-review = Review
grants-reviewed = reviewed
grants-mark-as-reviewed = Mark as reviewed

## judgment
judgment-this-is-your-judgment-grondslag = This is your judgment. Grondslag records your answers and reasons as yours and never presents them as decided by the rules.
judgment-sources = Sources:
judgment-still-open-choose-yes-or = Still open: choose yes or no and write down your reasons.
judgment-your-reasons-in-your-own = Your reasons, in your own words
judgment-save-weighing = Save weighing
judgment-back-to-the-answer = Back to the answer

## login-code
login-code-your-password-is-correct-now = Your password is correct. Now enter the 6-digit code that your authenticator app shows for Grondslag.
login-code-code-6-digits = Code (6 digits)
login-code-no-access-to-your-app = No access to your app? Use a recovery code
login-code-recovery-code = Recovery code
login-code-each-recovery-code-works-once = Each recovery code works once.
login-code-sign-in-with-recovery-code = Sign in with recovery code

## password
password-your-own-password-is-set = Your own password is set. The password from the administrator no longer works.
password-continue = Continue
password-your-password-was-changed-all = Your password was changed. All your sessions have ended; sign in again.
password-you-signed-in-with-a = You signed in with a password the administrator chose for you. Now choose your own password that only you know; then you can continue.
password-second-factor-sign-in-code = Second factor (sign-in code from an app)
password-choose-a-password-of-at = Choose a password of at least 12 characters, different from the administrator's.
password-choose-a-password-of-at-2 = Choose a password of at least 12 characters. After the change all your sessions end.
password-current-password-from-the-administrator = Current password (from the administrator)
password-current-password = Current password
password-new-password = New password
password-new-password-again = New password (again)
password-set-my-own-password = Set my own password

## printable
printable-back = Back
printable-print-or-save-as-pdf = Print or save as PDF with your browser's print function.
printable-recorded-as-dossier-entry = Recorded as dossier entry
printable-can-no-longer-be-changed = can no longer be changed unnoticed.
printable-view-or-download-the-proof = View or download the proof

## question
question-deliberation-about = Deliberation about
question-change-an-answer = Change an answer
question-of-at-most = of at most
question-the-outcome-stands-this-question = the outcome stands; this question only decides the conditions
question-choose = — choose —
question-choose-all-that-apply = Choose all that apply.
question-why-do-i-ask-this = Why do I ask this?
question-why-now = Why now:
question-who-answers-this = Who answers this:
question-save-change = Save change
question-next = Next
question-dont-change = Don't change
question-previous-question = Previous question
question-skip-go-to-the-answer = Skip: go to the answer
question-your-answers-so-far = Your answers so far

## receipt
receipt-dossier-entry = Dossier entry
receipt-recorded-on = recorded on
receipt-this-entry-is-in-your = This entry is in your organisation's log, and that log is signed with the organisation's key. Anyone who later changes or removes the entry — an administrator included — is exposed by this proof.
receipt-what-to-do-with-it = What to do with it
receipt-keep-the-file-with-your = Keep the file with your own records. A supervisor, disciplinary board or court can use it without access to Grondslag to check that this entry is in the log unchanged (with the checking program grondslag-verify).
receipt-download-the-proof-file = Download the proof (file)
receipt-view-the-entry = View the entry
receipt-technical-details-for-checking = Technical details (for checking)
receipt-entries-in-the-log-at = Entries in the log at that moment

## report-answer
report-answer-still-open = Still open:

## report-body
report-body-layer-1-professional-secrecy-beroepsgeheim = Layer 1 — professional secrecy (beroepsgeheim)
report-body-your-duty-of-confidentiality = Your duty of confidentiality:
report-body-layer-2-gdpr-avg = Layer 2 — GDPR (AVG)
report-body-lawful-basis-present = lawful basis present
report-body-no-lawful-basis-established = no lawful basis established
report-body-conditions = Conditions
report-body-your-own-weighing = Your own weighing
report-body-this-is-the-professionals-judgment = This is the professional's judgment, not the rules'.
report-body-what-would-change-the-answer = What would change the answer?
report-body-note = Note

## report-details
report-details-record-in-the-dossier = Record in the dossier
report-details-your-answers = Your answers
report-details-changed-answers = Changed answers:
report-details-sources = Sources
report-details-source = Source
report-details-rule-set = Rule set
report-details-law-as-of = law as of

## result
result-the-main-conditions = The main conditions
result-and = And
result-more-condition-s-see-the = more condition(s): see the explanation below.
result-next-step = Next step
result-consent = Consent:
result-weigh-it-yourself = Weigh it yourself:
result-ask-for-and-register-consent = Ask for and register consent
result-record-this-deliberation-in-the = Record this deliberation in the dossier
result-without-a-client-nothing-is = Without a client nothing is recorded. Link the deliberation to one of your clients to record it in their file.
result-printable-report = Printable report
result-your-weighing = Your weighing
result-here-the-law-asks-for = Here the law asks for your own judgment. Grondslag does not decide this for you: you answer each criterion and write down your reasons.
result-view-or-change-weighing = View or change weighing:
result-explanation-professional-secrecy-and-gdpr = Explanation: professional secrecy and GDPR, all conditions and sources
result-change-an-answer = Change an answer

## second-factor
second-factor-your-account-requires-a-second = Your account requires a second factor. Set it up now; then you can continue.
second-factor-your-recovery-codes = Your recovery codes
second-factor-keep-these-codes-in-a = Keep these codes in a safe place, apart from your phone (for example printed). If you lose your app, sign in with one of these codes. Each code works once. You see them only now.
second-factor-i-have-kept-them-continue = I have kept them — continue
second-factor-the-second-factor-is-on = The second factor is on: when you sign in, Grondslag asks for a code from your authenticator app after your password.
second-factor-unused-recovery-codes = Unused recovery codes:
second-factor-new-recovery-codes = New recovery codes
second-factor-makes-ten-new-codes-the = Makes ten new codes; the old ones then stop working.
second-factor-code-from-your-app-6 = Code from your app (6 digits)
second-factor-make-new-recovery-codes = Make new recovery codes
second-factor-your-account-requires-the-second = Your account requires the second factor (by its role or by your organisation); it cannot be turned off.
second-factor-turn-off-the-second-factor = Turn off the second factor
second-factor-with-a-second-factor-your = With a second factor your password alone is not enough to sign in: you also enter a code that an app on your phone makes every 30 seconds.
second-factor-install-an-authenticator-app-on = Install an authenticator app on your phone, for example the one your organisation recommends.
second-factor-in-the-app-scan-this = In the app, scan this QR code:
second-factor-cannot-scan-then-add-the = Cannot scan? Then add the account by hand with this key (time-based, 6 digits, 30 seconds):
second-factor-enter-the-code-the-app = Enter the code the app shows now
second-factor-turn-on-the-second-factor = Turn on the second factor

## verification
verification-dossier-ledger = Dossier ledger
verification-verified = verified
verification-fails = fails
verification-the-organisations-public-key-give = The organisation's public key (give it to whoever verifies bundles):
verification-intact = intact
verification-broken = broken
verification-a-bundle-of-one-dossier = A bundle of one dossier can be verified offline with grondslag-verify, without trusting this server.

## access log actions (codes in the log never change)
access-beraad-anoniem = Deliberation without a client
access-dossier-lezen = Dossier read
access-dossier-schrijven = Recorded in the dossier
access-dossier-exporteren = Dossier exported (bundle)
access-doorbraak-aanvragen = Emergency access requested
access-doorbraak-toegekend = Emergency access taken
access-doorbraak-beoordelen = Emergency access reviewed
access-client-registreren = Client registered
access-clienten-overzicht = Overview of all clients
access-clienten-eigen-lijst = Own client list viewed
access-clienten-zoeken = Searched own clients
access-beraden-eigen-lijst = Own unfinished deliberations viewed
access-beheer-accounts = Accounts managed
access-beheer-zorgrelaties = Care relations managed
access-beheer-wachtwoord-herstellen = A colleague's password reset
access-zorgrelatie-vastleggen = Care relation recorded
access-zorgrelatie-beeindigen = Care relation ended
access-toegangslog-lezen = Access log read
access-toegangslog-exporteren = Access log downloaded (CSV)
access-organisatie-verifieren = Organisation verified
access-bundel-verifieren = Bundle checked
access-wachtwoord-wijzigen = Own password changed
access-wachtwoord-eerste-eigen = First own password chosen: account taken into use
access-tweede-factor-aanzetten = Second factor turned on
access-tweede-factor-uitzetten = Second factor turned off
access-tweede-factor-herstelcode-gebruikt = Signed in with a recovery code
access-tweede-factor-herstelcodes-vernieuwen = New recovery codes made
access-beheer-tweede-factor-herstellen = A colleague's second factor removed
access-beheer-tweede-factor-verplicht = Second factor required for everyone
access-beheer-tweede-factor-niet-verplicht = Second factor no longer required for everyone
access-meldcode-lezen = Meldcode trajectory read
access-meldcode-schrijven = Meldcode step recorded
access-meldcode-advies = Aandachtsfunctionaris' advice recorded
access-meldcode-overzicht = Overview of meldcode trajectories read
access-casusoverleg-plannen = Case conference planned
access-casusoverleggen-eigen-lijst = Own case conferences listed
access-casusoverleg-lezen = Case conference read
access-casusoverleg-schrijven = Added to a case conference
access-inloggen = Signed in
access-uitloggen = Signed out

## form and API fields, named in error messages ({ $what })
field-datum = The date
field-begindatum-valid-from = The start date (valid_from)
field-einddatum-valid-to = The end date (valid_to)
field-toestemming-gaf-given-by = who gave the consent (given_by)
field-ontvanger-recipient-roles = recipient (recipient_roles)
field-soort-gegevens-data-categories = kind of data (data_categories)
field-doel-purposes = purpose (purposes)
field-toelichting-note = the note (note)
field-toestemming-introk-door = who withdrew the consent (door)
field-datum-intrekking-per = The date of withdrawal (per)
field-toelichting-notitie = the note (notitie)
field-tijdstip-delen = the time of sharing
field-tijdstip-delen-2 = The time of sharing
field-wat-er-is-gedeeld = what was shared (what)
field-ontvanger-recipient = the recipient (recipient)
field-wanneer-en-hoe-client = when and how the client was informed (client_informed)
field-waarom-client-niet-is = why the client was not informed (client_not_informed_reason)
field-redenen-reasons = your reasons (reasons)
field-naam = The name
field-referentie = The reference
field-geboortedatum = The date of birth
field-reden = the reason
field-einddatum = The end date
field-begindatum = The start date
field-datum-intrekking = The date of withdrawal
field-naam-organisatie = the name of the organisation
field-naam-professional = the name of the professional
field-externe-referentie = the external reference
field-naam-client = the name of the client
field-redenen = the reasons
field-toestemming-gaf = who gave the consent
field-toestemming-introk = who withdrew the consent
field-gedeeld = ‘shared’
field-wat-er-is-gedeeld-2 = what was shared
field-ontvanger = the recipient
field-client-geinformeerd = ‘client informed’
field-wanneer-en-hoe-client-2 = when and how the client was informed
field-waarom-client-niet-is-2 = why the client was not informed
field-datum-2 = the date
field-redenen-2 = your reasons
field-naam-2 = the name
field-referentie-2 = the reference
field-geboortedatum-2 = the date of birth
field-vrij-gegeven = ‘freely given’
field-geinformeerd-over-gevolgen = ‘informed of the consequences’
field-toelichting = the note
field-inlognaam = the login name
field-beroep = the profession
field-professional = the professional
field-client = the client

## administration notices
admin-account-created = { $name } can now sign in as { $login }. At the first sign-in { $name } chooses a password of their own.
admin-account-blocked = { $name } is blocked; { $ended } open session(s) ended.
admin-password-reset = New password set for { $name }; { $ended } open session(s) ended. Pass the password on in person; at sign-in { $name } chooses a password of their own.
admin-care-relation-recorded = The care relation is recorded.
admin-care-relation-ended = The care relation is ended.
admin-second-factor-required-all = A second factor is now required for everyone; { $ended } open session(s) of accounts without a second factor ended.
admin-second-factor-required-some = A second factor is now required only for administrators and privacy officers.
admin-second-factor-removed = The second factor of { $name } is removed; { $ended } open session(s) ended. At the next sign-in { $name } sets up a new one.

## consent capacities and the weighing form
consent-capacity-client = the client
consent-capacity-parent = parent with parental authority
consent-capacity-guardian = guardian
consent-capacity-curator = curator
consent-capacity-mentor = mentor
consent-capacity-written-proxy = written proxy
consent-capacity-partner = partner
consent-capacity-family = family member
judgment-criteria-open = Answer every criterion with yes or no and write down your reasons (still open: { $open }). What you filled in is kept; without a complete weighing the answer stays ‘share after a recorded weighing’.

## dossier entries: kinds and one-line summaries
entry-kind-deliberation = deliberation
fhir-report-title = Summary of a deliberation (Grondslag)
entry-kind-decision = decision
entry-kind-consent = consent
entry-kind-consent-revocation = withdrawal of consent
entry-kind-disclosure = disclosure
entry-kind-correction = correction
entry-kind-meldcode = meldcode
entry-meldcode-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
entry-meldcode-source-own-observation = own observation
entry-meldcode-source-client = told by the client
entry-meldcode-source-child = told by the child
entry-meldcode-source-relative = told by a parent, partner or relative
entry-meldcode-source-other-professional = from another professional
entry-meldcode-source-conversation = from the conversation with those involved
entry-meldcode-source-records = from records or documents
entry-meldcode-source-other = other source
entry-meldcode-with-aandachtsfunctionaris = the aandachtsfunctionaris (in-house expert)
entry-meldcode-with-colleague = an expert colleague
entry-meldcode-with-veilig-thuis = Veilig Thuis (anonymous advice)
entry-meldcode-with-forensic-physician = a forensic physician
entry-meldcode-left-out-safety-of-child = the safety of the child
entry-meldcode-left-out-safety-of-client = the safety of the client
entry-meldcode-left-out-safety-of-professional = the professional's own safety
entry-meldcode-left-out-safety-of-others = the safety of others
entry-meldcode-left-out-break-contact = the fear that the client breaks off contact
entry-meldcode-left-out-could-not-reach = attempts without result: those involved could not be reached or would not talk
entry-meldcode-close-no-suspicion = no (more) suspicion
entry-meldcode-close-reported = reported to Veilig Thuis
entry-meldcode-close-help-completed = help completed, with agreements on safety
entry-meldcode-close-handed-over = handed over
entry-meldcode-close-other = other reason
entry-meldcode-jointly = , together with Veilig Thuis
entry-summary-meldcode-opened = Meldcode opened: signal recorded ({ $source }, { $date })
entry-summary-meldcode-signal = Meldcode: signal recorded ({ $source }, { $date })
entry-summary-meldcode-consulted = Meldcode: consulted { $with } ({ $date })
entry-summary-meldcode-requested = Meldcode: advice asked of { $of } ({ $date })
entry-summary-meldcode-conversation = Meldcode: conversation held with { $with } ({ $date })
entry-summary-meldcode-conversation-left-out = Meldcode: no conversation, because of { $reason } ({ $date })
entry-summary-meldcode-answered = Meldcode: weighing question { $question } answered: { $answer }{ $jointly } ({ $date })
entry-summary-meldcode-decided = Meldcode: decision — report to Veilig Thuis: { $report }; own help: { $help } ({ $date })
entry-summary-meldcode-reported = Meldcode: reported to Veilig Thuis ({ $date })
entry-summary-meldcode-reported-with = Meldcode: reported to Veilig Thuis ({ $date }), resting on dossier entry { $seq } (deliberation or decision)
entry-summary-meldcode-feedback = Meldcode: feedback from Veilig Thuis ({ $date }): { $feedback }
entry-summary-meldcode-acute = Meldcode: acute danger declared ({ $date }): { $reasons }
entry-summary-meldcode-closed = Meldcode closed: { $reason } ({ $date }): { $explanation }
entry-summary-meldcode-reopened = Meldcode reopened ({ $date }): { $reasons }
entry-kind-other = other entry
entry-content-erased = content erased
entry-outcome-unknown = unknown outcome
entry-consent-given = given
entry-consent-withdrawn = withdrawn
entry-consent-out-of-scope = does not cover this
entry-consent-not-asked = not registered
entry-consent-unknown = cannot be derived
entry-summary-consent-relied = ; consent { $state } (entry { $seq })
entry-summary-consent = ; consent { $state }
entry-summary-deliberation = Deliberation: { $outcome } (law as of { $date }){ $consent }
entry-summary-shared = Decision after deliberation { $seq }: shared with { $recipient } — { $what }
entry-summary-not-shared = Decision after deliberation { $seq }: not shared with { $recipient }
entry-summary-until = {" "}until { $date }
entry-summary-consent-given = Consent of { $by } for { $recipients } — { $data } — { $purposes }, from { $from }{ $until }
entry-summary-consent-withdrawn = Consent of entry { $seq } withdrawn as of { $on } by { $by }
entry-summary-disclosure = Disclosed to { $recipient } on { $at }: { $what }
entry-summary-correction = Correction of entry { $seq }: { $reason }

## dossier verification status
status-no-signed-checkpoint = There is no signed state of the log yet: the entries of this dossier cannot be checked.
status-checkpoint-other-origin = The signed state of the log belongs to { $found } instead of to this organisation ({ $expected }).
status-checkpoint-signature-wrong = The signature on the state of the log is not right: { $error }
status-entry-not-included = Dossier entry { $seq } (position { $leaf } in the log) cannot be shown to be part of the signed state.

## acute danger (every page links here)
base-acute-danger = Acute danger?
acute-title = Acute danger
acute-lead = Is someone in danger right now? Then safety comes first: before the steps of the meldcode and before any question Grondslag asks. Recording comes afterwards.
acute-now = Now
acute-call-112 = Call 112
acute-112-when = when a life is in immediate danger or violence is happening now: police and ambulance.
acute-call-veilig-thuis = Call Veilig Thuis: 0800-2000
acute-veilig-thuis-when = for acute unsafety from domestic violence or child abuse; reachable day and night, also for advice.
acute-sharing-title = What you may share
acute-sharing-order = With acute unsafety you need not work through the steps of the meldcode first: you contact Veilig Thuis or the crisis service at once, and 112 in an emergency.
acute-sharing-veilig-thuis = You may give Veilig Thuis, without consent, what is needed to stop the violence or to investigate a reasonable suspicion (meldrecht). It is a right, not a duty.
acute-sharing-police = To the police or 112 without consent: a conflict of duties (conflict van plichten) can justify it, when keeping silent lets serious harm happen that speaking can prevent and there is no other way. That weighing is yours.
acute-sharing-minimum = Share only what is needed to avert the danger, and only with whoever can avert it.
acute-after-title = Afterwards
acute-after-record = Record in the client's dossier what you saw or heard, whom you called, what you shared and why.
acute-after-colleague = Discuss it with the aandachtsfunctionaris or a colleague.
acute-after-client = Tell the client (or the parents) what you did, unless that puts someone's safety at risk; record why if you do not.
acute-after-deliberation = Record your weighing in a deliberation
acute-sources = Sources

## the meldcode trajectory (a client's page, its forms, the aandachtsfunctionaris' overview)
meldcode-nav = Meldcode
meldcode-title = Meldcode — { $name }
meldcode-opened-on = opened on
meldcode-recorded = Recorded:
meldcode-recorded-by = Recorded by { $who } ({ $role }) on { $when }
meldcode-incomplete = Part of this trajectory cannot be read (dossier entry { $seqs }). What is shown here may be less than what was recorded.
meldcode-acute-heading = Acute danger?
meldcode-acute-lead = Is someone in danger right now? Then safety comes first. You do not need to finish the steps first. Call, and record it afterwards.
meldcode-acute-declared = Acute danger declared on
meldcode-acute-declared-next = Report to Veilig Thuis now, or call 112 in immediate danger. Then record your decision.
meldcode-acute-form-hint = Record here that you judge the danger to be acute, and why. Reporting then comes before every other step.
meldcode-next-heading = Next step
meldcode-free-order = The steps can be done in any order. You can also skip or repeat a step; see below.
meldcode-next-nothing = The trajectory is closed. New concerns? Then reopen it, with your reasons.
meldcode-next-report-now = You declared acute danger. Report to Veilig Thuis now, or call 112 in immediate danger. Then record your decision.
meldcode-next-reweigh = Your weighing is no longer current: new signals came in, or the trajectory was reopened. Answer the questions of the afwegingskader again, starting from question 1.
meldcode-next-do = Step { $n }: { $step }.
meldcode-next-answer = Answer question { $n } of the afwegingskader: { $question }
meldcode-next-decide = Record your decision. According to the afwegingskader your answers lead to: { $outcome }. The decision is yours.
meldcode-next-monitor = You offer or arrange help. Keep track of how it goes, and answer question 5 when the agreed time has passed.
meldcode-next-record-report = You decided to report. Make the report to Veilig Thuis and record whom you told and what you agreed.
meldcode-next-await-feedback = You reported. Veilig Thuis will tell you what it does with the report: record that feedback, and what you do next. Close the trajectory only once the agreements for afterwards are clear.
meldcode-next-close = Your decision is recorded. Close the trajectory, with the reason and the agreements for afterwards.
meldcode-next-nothing-pro = The trajectory is closed. New concerns? Then the professional can reopen it, with reasons.
meldcode-next-report-now-pro = The professional declared acute danger. The professional reports to Veilig Thuis now, or calls 112 in immediate danger. Then the professional records the decision.
meldcode-next-reweigh-pro = The weighing is no longer current: new signals came in, or the trajectory was reopened. The professional answers the questions of the afwegingskader again, starting from question 1.
meldcode-next-answer-pro = The professional answers question { $n } of the afwegingskader: { $question }
meldcode-next-decide-pro = The professional records the decision. According to the afwegingskader the answers lead to: { $outcome }. The decision is the professional's.
meldcode-next-monitor-pro = The professional offers or arranges help, keeps track of how it goes, and answers question 5 when the agreed time has passed.
meldcode-next-record-report-pro = The professional decided to report. The professional makes the report to Veilig Thuis and records who was told and what was agreed.
meldcode-next-await-feedback-pro = The professional reported. Veilig Thuis will say what it does with the report. The professional records that feedback, and what happens next. The trajectory is closed only once the agreements for afterwards are clear.
meldcode-next-close-pro = The decision is recorded. The professional closes the trajectory, with the reason and the agreements for afterwards.
meldcode-framework-lead-pro = The professional answers the five questions, with reasons. Grondslag only shows what, according to the afwegingskader, follows from those answers. It decides nothing.
meldcode-definition-yours-pro = Whether that is the case is for the professional to judge. Grondslag does not decide it.
meldcode-decide-yours-pro = The decision is the professional's. Reporting is a right, not a duty. Does the professional depart from what follows here? That is allowed; the reasons then explain why.
meldcode-your-answer-pro = The professional's answer:
meldcode-advice-capacity = aandachtsfunctionaris
meldcode-start-heading = Start the meldcode
meldcode-start-lead = Are you worried about domestic violence or child abuse? Start the trajectory here, with the first signal.
meldcode-none-yet = This client has no meldcode trajectory.
meldcode-other-steps = Record another step
meldcode-beraad-lead = What do you share with Veilig Thuis? Start a deliberation. What follows from the meldcode trajectory is already filled in.
meldcode-beraad-button = Deliberation: what do you share with Veilig Thuis?
meldcode-form-open = Start the meldcode
meldcode-form-signal = Record a signal
meldcode-form-consult = Record a consultation
meldcode-form-request-advice = Ask for advice
meldcode-form-advice = Record your advice
meldcode-form-conversation = Record the conversation
meldcode-form-answer = Answer a weighing question
meldcode-form-decide = Record the decision
meldcode-form-report = Record the report
meldcode-form-feedback = Record feedback from Veilig Thuis
meldcode-form-acute = Record acute danger
meldcode-form-close = Close the trajectory
meldcode-form-reopen = Reopen the trajectory
meldcode-choose-option = Choose…
meldcode-optional = (optional)
meldcode-label-sector = In which sector do you work?
meldcode-sector-care = care
meldcode-sector-youth-care = youth care
meldcode-sector-social-support = social support (such as a neighbourhood team)
meldcode-sector-education = education
meldcode-sector-childcare = childcare
meldcode-sector-justice = justice
meldcode-sector-other = other
meldcode-label-date = Date
meldcode-date-hint = the day you did this (the consultation, the conversation, the weighing); today if you choose nothing
meldcode-label-observed-on = When did you see or hear this?
meldcode-observed-on-hint = this may be before the trajectory started
meldcode-label-recorded-on = Date recorded
meldcode-shown-observed-on = Observed on
meldcode-shown-recorded-on = Recorded on
meldcode-signals-order = In the order they were observed: the oldest signal comes first.
meldcode-recorded-on-hint = today, unless you had already noted it on an earlier day
meldcode-label-source = Source
meldcode-label-source-detail = From whom? (if someone told you)
meldcode-label-observation = What did you see or hear?
meldcode-observation-hint = only the facts, as literally as you can
meldcode-label-interpretation = What do you think it means?
meldcode-interpretation-hint = your interpretation; it is kept apart from the facts (optional)
meldcode-label-staff = The signal is about someone who works for the organisation (employee, volunteer, intern, childminder or a member of the childminder's household)
meldcode-label-consulted = Whom did you consult?
meldcode-label-who = Name or position
meldcode-label-advice = What was the advice?
meldcode-label-ask-whom = Whom do you ask for advice?
meldcode-label-request = What do you want advice about?
meldcode-label-your-advice = Your advice
meldcode-advice-hint = You advise. The professional decides.
meldcode-label-held = Did you talk with those involved?
meldcode-held-yes = Yes, I had the conversation
meldcode-held-no = No, I leave the conversation out
meldcode-held-yes-legend = If you had the conversation
meldcode-held-no-legend = If you left the conversation out
meldcode-label-with = With whom?
meldcode-label-summary = What did you discuss, and how did they react?
meldcode-left-out-hint = Leaving it out is only allowed if the conversation would put someone in danger, or if you strongly fear the client would then break off contact.
meldcode-label-explanation = Explanation
meldcode-label-question = Which question do you answer?
meldcode-label-answer = Your answer
meldcode-label-reasons = Your reasons
meldcode-label-jointly = I answer this question together with Veilig Thuis
meldcode-label-report = Decision 1: do you report to Veilig Thuis?
meldcode-label-own-help = Decision 2: do you (also) offer or arrange help yourself?
meldcode-label-decision-reasons = Your reasons for these decisions
meldcode-label-deliberation = On which deliberation or decision in the dossier does the report rest?
meldcode-no-deliberation = None
meldcode-label-informed = Whom did you tell about the report, and how did they react?
meldcode-informed-hint = Was that not possible, or not safe? Then write down what you tried, or why you did not tell them.
meldcode-label-agreements = What did you agree with Veilig Thuis (and with those involved)?
meldcode-label-feedback = What did Veilig Thuis let you know?
meldcode-label-follow-up = What do you do now?
meldcode-label-acute-reasons = Why is the danger acute?
meldcode-label-close-reason = Why do you close the trajectory?
meldcode-label-close-explanation = Explanation and your findings
meldcode-label-close-follow-up = Agreements for afterwards
meldcode-label-reopen-reasons = Why do you reopen the trajectory?
meldcode-field-date = the date
meldcode-field-sector = the sector
meldcode-field-observed-on = the date of the observation
meldcode-field-source = the source
meldcode-field-source-detail = whom the signal comes from
meldcode-field-observation = what you saw or heard
meldcode-field-interpretation = your interpretation
meldcode-field-consulted = whom you consulted or ask for advice
meldcode-field-who = the name or position
meldcode-field-advice = the advice
meldcode-field-request = what you want advice about
meldcode-field-held = whether you had the conversation
meldcode-field-with = whom you talked with
meldcode-field-summary = what you discussed
meldcode-field-left-out = why you left the conversation out
meldcode-field-explanation = the explanation
meldcode-field-question = which question you answer
meldcode-field-answer = your answer
meldcode-field-reasons = your reasons
meldcode-field-report = decision 1 (reporting)
meldcode-field-own-help = decision 2 (own help)
meldcode-field-deliberation = the deliberation or decision
meldcode-field-informed = whom you told and their reaction
meldcode-field-agreements = the agreements
meldcode-field-feedback = what Veilig Thuis let you know
meldcode-field-follow-up = what you do now
meldcode-field-acute-reasons = why the danger is acute
meldcode-field-close-reason = why you close the trajectory
meldcode-choose = Choose { $what }.
meldcode-date-invalid = { $what }: that is not a valid date. Use yyyy-mm-dd.
meldcode-date-future = { $what } is in the future. Only record what has already happened.
meldcode-no-such-step = This step of the meldcode does not exist.
meldcode-no-trajectory = This client has no meldcode trajectory.
meldcode-steps-heading = The five steps
meldcode-col-step = Step
meldcode-col-last = Last
meldcode-done = done
meldcode-open = open
meldcode-step-signals = map the signals
meldcode-step-consultation = consult an expert colleague, and Veilig Thuis if needed
meldcode-step-conversation = talk with those involved
meldcode-step-weighing = weigh the violence
meldcode-step-decision = decide on reporting and help
meldcode-signals-heading = Step 1: signals
meldcode-shown-observation = What was seen or heard
meldcode-shown-interpretation = Interpretation
meldcode-staff-badge = about someone who works for the organisation
meldcode-consultation-heading = Step 2: consultation and advice
meldcode-adviser-advises = The aandachtsfunctionaris and others give advice. The decision stays with you.
meldcode-requests-heading = Advice asked
meldcode-asked-of = asked of
meldcode-answered-on = answered on
meldcode-waiting = waiting for advice
meldcode-consulted-with = consulted
meldcode-nothing-yet = Nothing recorded yet.
meldcode-conversation-heading = Step 3: conversation with those involved
meldcode-conversation-with = conversation with
meldcode-conversation-left-out = no conversation, because of
meldcode-framework-heading = Steps 4 and 5: the afwegingskader
meldcode-framework-lead = You answer the five questions yourself, with your reasons. Grondslag only shows what, according to the afwegingskader, follows from your answers. It decides nothing.
meldcode-framework-stale = New signals came in after these answers, or the trajectory was reopened. Answer the questions again; the old answers are kept.
meldcode-question-1 = After what I saw, heard and discussed, do I suspect (threatened) domestic violence or child abuse?
meldcode-question-2 = Do I judge that there is acute or structural unsafety?
meldcode-question-3 = Can I offer or arrange help myself that is good enough to stop the (threatened) violence?
meldcode-question-4 = Do those involved accept that help, and do they cooperate with it?
meldcode-question-5 = Does the help bring lasting safety and recovery for everyone within the agreed time?
meldcode-definitions-summary = What is acute and what is structural unsafety?
meldcode-definition-acute = Acute unsafety: someone is physically in danger now and is not reliably safe today and in the coming days. Protection is needed at once. Think of physical or sexual violence, with or without injury. For a child or adult who depends on care, also: not getting food, drink, clothing or shelter, or getting medicines or medical care they do not need. Does a child or dependent adult speak about violence of their own accord? That counts as acute too.
meldcode-definition-structural = Structural unsafety: an unsafe situation or violence keeps coming back or goes on, sometimes as a fixed pattern of violence or neglect. The harm lies in that repetition, in the threat that remains and in never feeling safe.
meldcode-definition-yours = Whether that is the case is for you to judge. Grondslag does not decide it.
meldcode-your-answer = Your answer:
meldcode-jointly = together with Veilig Thuis
meldcode-not-answered = Not answered yet.
meldcode-reading-ask = The afwegingskader first needs your answer to question { $n }.
meldcode-reading-outcome = According to the afwegingskader this leads to: { $outcome }.
meldcode-outcome-close = closing the meldcode trajectory and recording your findings in the dossier
meldcode-outcome-report = reporting to Veilig Thuis
meldcode-outcome-report-jointly = reporting to Veilig Thuis; you then answer questions 3 to 5 together with Veilig Thuis
meldcode-outcome-offer-help = offering or arranging help yourself and keeping track of safety; you answer question 5 when the agreed time has passed
meldcode-outcome-close-monitoring = ending the help, with agreements on how safety keeps being watched
meldcode-norm-lead = The professional norm to report that applies:
meldcode-norm-unsafety = with acute or structural unsafety you always report to Veilig Thuis.
meldcode-norm-no-own-help = if you cannot offer or arrange enough suitable help yourself, you report.
meldcode-norm-persists = if the unsafety does not stop or comes back despite the help, you report (again).
meldcode-then-ask = Answer question 5 when the agreed time for the help has passed.
meldcode-decide-yours = The decision is yours. Reporting is a right, not a duty. Do you depart from what follows here? You may; explain why in your reasons.
meldcode-earlier-answers = Earlier answers
meldcode-earlier-round = Earlier weighing
meldcode-replaced-answers = Answered again later
meldcode-question = Question
meldcode-decisions-heading = Decisions
meldcode-during-acute = during acute danger
meldcode-shown-reasons = Reasons
meldcode-shown-framework-then = What the afwegingskader led to at the time
meldcode-notice-d11 = The signal is about someone who works for the school or childcare. Besides the meldcode a separate duty then applies: report it to the employer or the board. They must consult the confidential inspector.
meldcode-notice-departs = Your latest decision is not to report. According to the afwegingskader this norm applies here: { $norm } You may take that decision, because reporting is a right. Explain in your reasons why you do not report.
meldcode-notice-without-weighing = Your latest decision was recorded while the weighing was not finished or no longer current.
meldcode-notice-open-steps = You decided to report while these steps were still open: { $steps }. Do them afterwards if needed, or explain why not.
meldcode-report-heading = Report, feedback and closing
meldcode-reported = reported to Veilig Thuis
meldcode-report-rests-on = on the basis of dossier entry
meldcode-shown-informed = Who was told, and their reaction
meldcode-shown-agreements = Agreements
meldcode-shown-follow-up = Follow-up:
meldcode-feedback-from = feedback from Veilig Thuis
meldcode-closed-because = closed:
meldcode-reopened = reopened
meldcode-entry-deliberation = Deliberation, dossier entry { $seq } ({ $when }), recipient: { $to }
meldcode-entry-decision = Decision, dossier entry { $seq } ({ $when }), after the deliberation in dossier entry { $deliberation }
meldcode-back-to-trajectory = Back to the meldcode trajectory
meldcode-contradicted = A meldcode trajectory is open for this client, because signals of domestic violence or child abuse were recorded. You answered here that there is no suspicion. Is that still right? If the suspicion was taken away, close the trajectory too, with the reason.
meldcode-contradicted-change = Change the answer about a suspicion
meldcode-deliberation-prefilled = This deliberation was started from the meldcode trajectory. The answers labelled ‘from the meldcode trajectory’ come from it. You can change them.
meldcode-from-trajectory = from the meldcode trajectory
meldcode-dossier-heading = Meldcode
meldcode-badge-open = open
meldcode-badge-closed = closed
meldcode-dossier-to-trajectory = To the meldcode trajectory
meldcode-dossier-none = There is no meldcode trajectory.
meldcode-dossier-start = Start the meldcode
meldcode-status-open = Open since { $since }. Next step: { $next }
meldcode-status-closed = Closed on { $on }.
meldcode-client-list-link = Meldcode
meldcode-overview-title = Open meldcode trajectories
meldcode-overview-lead = All open meldcode trajectories of your organisation: where they stand and for how long. You see the content only when you open a trajectory; that is logged.
meldcode-overview-days-label = Overdue after how many days without progress?
meldcode-overview-days-button = Show
meldcode-overview-days-used = Overdue: nothing recorded for more than { $n } days.
meldcode-overview-one = There is 1 open trajectory.
meldcode-overview-count = There are { $n } open trajectories.
meldcode-overview-caption = Acute danger and overdue trajectories come first.
meldcode-col-opened = Opened
meldcode-col-next = Next step
meldcode-col-steps = Steps
meldcode-col-idle = Without progress
meldcode-col-signals = Attention
meldcode-by = by
meldcode-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
meldcode-badge-acute = acute danger
meldcode-badge-overdue = overdue
meldcode-badge-incomplete = partly unreadable
meldcode-advice-asked-since = advice asked since
meldcode-overview-no-content = This overview shows no signals, advice or reasons: only where each trajectory stands.
meldcode-days-invalid = Enter a whole number of days from 1 to { $max }. The default number is shown below.
meldcode-step-short-signals = signals
meldcode-step-short-consultation = consultation
meldcode-step-short-conversation = conversation
meldcode-step-short-weighing = weighing
meldcode-step-short-decision = decision
meldcode-days-ago = { $n ->
    [0] today
    [one] 1 day ago
   *[other] { $n } days ago
}
meldcode-days-open = { $n ->
    [0] open since today
    [one] open for 1 day
   *[other] open for { $n } days
}

## record-text (the lines for the professional's own record system)
record-text-title = Text for your own records
record-text-lead = Copy these lines into the file in your own client system or EHR. The full report and the proof stay in Grondslag.
record-text-lead-unrecorded = Copy these lines into the file in your own client system or EHR. Record the deliberation in Grondslag to include its entry number.
# The case library (/voorbeelden): every golden scenario as a worked example.
cases-to-kennisbank = Also search the knowledge base
cases-nav = Examples
cases-title = Worked examples
cases-intro = Worked examples: for each situation the answer Grondslag gives and that of an authoritative source (the law, a disciplinary tribunal, a professional body, Veilig Thuis or the Dutch Data Protection Authority). The situations are made up or taken from public rulings and guidelines; they contain no client data. Titles and situations are in Dutch.
cases-filters = Search and filter
cases-search = Search in title and situation
cases-field-search = The search text
cases-filter-sender = Who shares
cases-filter-recipient = With whom
cases-filter-purpose = Purpose
cases-filter-age = Age of the client
cases-filter-any = All
cases-filter-apply = Show examples
cases-filter-clear = Clear filters
cases-count = { $n } of { $total } examples
cases-of-article = Only the examples explained in the article:
cases-none = No example matches this search text and these filters. Try fewer words or clear a filter.
cases-according-to-source = According to the source
cases-age-0-11 = under 12
cases-age-12-15 = 12 to 15 years
cases-age-16-17 = 16 or 17 years
cases-age-adult = 18 years or older
cases-age-not-stated = not stated
cases-not-found = This example does not exist.
cases-back = All examples
cases-origin-public = A public example from a shared collection, with the answer from the sources named.
cases-origin-own = An example Grondslag worked out itself, with the answer from the sources named.
cases-situation = The situation
cases-facts = The facts
cases-facts-assumed = Also assumed
cases-facts-assumed-explain = The example does not mention these facts; then what is shown here applies (that is how the examples are written).
cases-weighing = The weighing in this example
cases-weighing-intro = In this example the professional weighed the open norm themselves; this was their judgment. Grondslag never weighs for you.
cases-grondslag-answer = Grondslag's answer
cases-grondslag-answer-now = This is how Grondslag answers now, with today's rules.
cases-authority-answer = The source's answer
cases-grounds = On the ground of:
cases-not-grounds = Not on the ground of:
cases-conditions = Conditions:
cases-authority-sources = Where this answer comes from:
cases-agree = Grondslag gives the same answer as the source.
cases-disagree = Grondslag now gives a different answer from the source. When in doubt, follow the source and consult a colleague or the privacy officer.
cases-open-heading = Continue with this situation yourself
cases-open-explain = Start a deliberation without a client with the facts of this example. You see the answer at once and can adapt any answer to your own situation. Nothing is recorded.
cases-open = Open as a new deliberation
cases-from-example = From example:
cases-deliberation-prefilled = The answers labelled ‘from the example’ come from it; adapt them to your own situation.
cases-from-example-badge = from the example
cases-reason-from-example = Taken from the example ‘{ $title }’; check whether this also holds for your situation.
deliberation-you-answer-as = You answer the questions as
deliberation-change-own-role = If you wear a different hat here, change your role among your answers.
deliberation-link-title = Record the deliberation for a client
deliberation-link-explain = Choose which of your clients this deliberation is about. You can then record it in that client's file. Grondslag then also reads the client's consent registry; the answer may change, and more questions may follow.
deliberation-link-no-clients = You have no clients with a care relationship in Grondslag yet. Add the client first under Clients.
deliberation-link-button = Link to this client
deliberation-link-back = Back to the answer
deliberation-link-already-linked = This deliberation already belongs to a client.
result-link-to-a-client = Link to a client to record it
deliberation-link-choose-client = Choose the client this deliberation is about.

# Preparing a casusoverleg (pages/case_conference.rs)
conference-title = Preparing a case conference
conference-lead = Will you soon sit at a table with others about a client or family? Choose who takes part and describe the situation. Grondslag shows per participant whether, and on what ground, you can bring in what you know. Each participant is a recipient with an answer of its own: taking part in the same meeting does not make anyone 'not a third party'.
conference-no-names = You enter no names here. Preparing records nothing; if you plan the conference, Grondslag keeps only a pseudonym, the roles at the table and per participant the outcome and ground of their own deliberation. You record an answer for your client by opening it as a deliberation.
conference-form-heading = The meeting and the situation
conference-own-role = Your role in this meeting (the hat in which you obtained this information)
conference-participants = Who sits at the table?
conference-participants-hint = Choose every other role at the table, the chair too if that is not you (if you plan the meeting, you are the chair). A covenant or working agreement does not change who is a third party.
conference-common-roles = Often at the table
conference-purpose = What is the meeting for?
conference-data = What would you bring in?
conference-age = Age of the client
conference-age-hint = in years; leave empty if you do not know
conference-family-hint = If the meeting concerns several family members, prepare it per person: consent, age and competence are per person, and what you know about the mother is not what you know about the child.
conference-competent = Is the client competent in the matter (can he decide about sharing himself)?
conference-consent = Consent of the client (or whoever decides for him) for this meeting
conference-danger = Is there danger?
conference-suspicion = Is there a suspicion of domestic violence or child abuse?
conference-show = Show per participant
conference-per-participant = Per participant
conference-per-participant-lead = This is what the rules say about what you may share with each of them. What else the situation depends on (an objection, a measure, your own weighing) Grondslag asks when you open an answer as a deliberation.
conference-open = Open as a deliberation
conference-involved-yes = takes part in your own treatment or help of the client (your answer: the answer below rests on it; other help of their own is not enough)
conference-involved-no = takes no part in your own treatment or help of the client
conference-involved-short = takes part in your treatment or help
conference-nobody = You may share nothing that identifies the client with anyone at the table. Ask consent first (talk with the client or family, not about them), or discuss the situation without anything traceable to the client.
conference-anonymous = Discussing without names
conference-anonymous-lead = Someone who cannot be recognised is no longer the subject of personal data. So leave out:
conference-identifying-name = names of the client and family members, first names and nicknames too
conference-identifying-address = address, street, or neighbourhood or village if it is small
conference-identifying-birth = date of birth and exact age (say 'primary-school age' instead)
conference-identifying-school = school, class, employer or club
conference-identifying-family = the make-up of the family where it stands out (triplets, say)
conference-identifying-rare = rare circumstances: an unusual illness, a striking event, something that was in the news
conference-anonymous-recognised = Leaving out the name is not enough if the others at the table recognise the client anyway, for example because the school brought the family in itself. When in doubt, ask consent first.
conference-invalid-field = The field ‘{ $field }’ is not right: { $message }
conference-unknown-role = A chosen role does not exist. Choose the participants from the list.
conference-too-many = Choose at most { $max } participants.
conference-no-participants = Choose who sits at the table.
deliberation-start-conference = Preparing a case conference with several participants? See per participant what you may bring in.
conference-participants-count = Give 1 to { $max } participants.
conference-recipient-in-facts = The recipient is in the participants, not in the facts: leave recipient_role and recipient_in_treatment_relation out of facts.
conference-would-change = What would change this answer:
deliberation-link-consent-from-registry = from the client's consent registry
deliberation-link-not-listed = Client not listed? Register them first; this deliberation stays among your unfinished deliberations.
deliberation-link-register = Register a client
consent-child-under-12 = This client is under 12: the parents with parental authority (or the guardian) consent, not the child. Check how authority is arranged. If both parents have authority, ask both and name them both under ‘given by’ (that both must agree is not checked word for word in Grondslag's sources).
consent-youth-12-15 = This client is 12 to 15. Under the WGBO a competent young person decides about his own secret; in youth care, and outside care under the GDPR, the young person and the parents with authority both consent. Register who consented; Grondslag counts it only when the right people did.
consent-counts-only-from-whoever-decides = Grondslag counts a registered consent only when it came from whoever decides for the client at the moment you share: his age and competence then count, not at the time of consenting.

# Casusoverleggen (issue 13)
conferences-title = Case conferences
conferences-lead = The case conferences you chair or are invited to. For each participant they show only whether they may contribute and on what ground; what they know stays in their own dossier.
conferences-plan-new = Prepare and plan a new case conference
conferences-none = You chair no case conference and are invited to none.
conferences-list-caption = Most recently changed first
conferences-col-title = Conference
conferences-col-date = Date
conferences-col-seats = Seats
conferences-col-you = You
conferences-you-chair = chair
conferences-you-participant = participant
conferences-planned = The case conference is planned. Invite a colleague who uses Grondslag to each seat; participants from outside deliberate in their own organisation.
conferences-recorded = Your deliberation is in your client's dossier. The conference holds only its outcome and ground.
conferences-next = Continue with the deliberation on sharing with
conferences-next-prefilled = your answers about yourself, the client and the data are already filled in.
conferences-what-is-kept = This page holds only the outcome and ground of each deliberation, never a participant's facts, client or dossier.
conferences-agreement = Working agreement or convenant (context)
conferences-at-the-table = At the table
conferences-at-the-table-lead = Per seat: who sits there and what they may contribute according to their own recorded deliberation.
conferences-anonymous-only = Nobody at the table has a ground to share anything identifying with everyone. Discuss the situation without a name and without what leads to the client.
conferences-chair = chair
conferences-you = you
conferences-not-invited = Nobody invited (participant from outside)
conferences-standing-identifying = May contribute identifying information to everyone at the table
conferences-standing-anonymous = Only without names: no ground towards { $seats }
conferences-standing-not-yet = Has not yet deliberated on sharing with { $seats }; until then only without names at the table
conferences-sharing-with = Sharing with
conferences-outcome-must = must share
conferences-outcome-may = may share
conferences-outcome-after-weighing = may share after a recorded weighing
conferences-outcome-may-not = may not share
conferences-invite = Invite
conferences-nobody-invited = — nobody (from outside) —
conferences-invite-button = Save
conferences-your-answers = Your deliberation
conferences-your-answers-lead = Deliberate per participant whether you may share. You record each deliberation in your own client's dossier; the conference receives only its outcome and ground.
conferences-deliberate = Start deliberation
conferences-which-client = Which of your clients is your deliberation about?
conferences-client-later = — choose later —
conferences-deliberate-again = Deliberate again
conferences-minutes = Minutes
conferences-minutes-lead = All participants read the minutes. Identifying content enters them only from someone with a ground towards everyone at the table.
conferences-minutes-empty = Nothing in the minutes yet.
conferences-minutes-anonymous = without identifying data
conferences-minutes-no-client-info = without information about the client
conferences-minutes-your-text = Your contribution
conferences-minutes-mark-anonymous = My contribution contains nothing by which anyone would recognise the client or the family.
conferences-minutes-only-anonymous = You have no ground (yet) to share identifying information with everyone at the table. Leave out:
conferences-minutes-add = Add to the minutes
conferences-minutes-withdrawn = Withdrawn by its author.
conferences-minutes-withdraw = Withdraw
conferences-deliberation-for = This deliberation is for the case conference
conferences-deliberation-purpose = Recipient and purpose come from the conference. If you share for another reason, for example to stop violence or protect a child, change the purpose: that can change the answer.
conference-plan-heading = Plan this conference and invite participants
conference-plan-lead = Give the conference a pseudonym and a date. Then invite, per seat, a colleague who uses Grondslag; each deliberates for themselves.
conference-plan-title = Pseudonym of the conference (not the client's name)
conference-plan-date = Date of the conference
conference-plan-agreement = Working agreement or convenant the conference runs under (optional, context only)
conference-plan-own-organisation = Your organisation (optional)
conference-plan-organisation = Organisation of { $role } (optional)
conference-plan-submit = Plan the conference
conference-plan-title-empty = Give the conference a pseudonym, for example ‘Family H.’ (not the client's name).
conference-plan-title-invalid = The pseudonym is too long (at most 120 characters) or contains characters that do not belong in a name.
conference-plan-date-invalid = That date does not exist. Give the date of the conference as dd-mm-yyyy, for example 10-12-2026.
conference-plan-purpose-invalid = Choose the purpose of the conference.
conference-plan-agreement-too-long = The description of the working agreement is too long (at most 2000 characters).
conference-plan-seats-invalid = Choose your own role and at least one other participant (at most 20).
conference-not-found = This case conference does not exist (any more).
conference-busy = Others worked on this conference at the same time. Please try again.
conference-only-chair = Only the chair invites participants.
conference-invite-other-organisation = You can only invite colleagues of your own organisation.
conference-invite-seat-answered = This seat has already deliberated; its invitation can no longer change.
conference-invite-twice = This colleague already sits at another seat at the table.
conference-unknown-seat = That seat is not at this table.
conference-no-seat = You do not sit at this table.
conference-facts-from-table = Leave sender_role, recipient_role, purpose and request_from out of the facts: they come from the table (your seat, the seat you share with, and the conference's purpose).
conference-minutes-text-invalid = Write your contribution (at most 4000 characters).
conference-minutes-no-ground = You have no ground to share identifying information with everyone at the table. Add only what makes nobody recognisable, and tick that box.
conference-minutes-full = The minutes are full (200 contributions).
conference-minutes-unknown = That contribution is not in the minutes.
conference-minutes-not-yours = Only whoever contributed it can withdraw it.
conferences-month-year = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
conferences-public = Public version
conferences-public-link = Public version (for a report)
conferences-public-lead = Without pseudonym, organisations or names, with the month instead of the date, and only the contributions marked as identifying nobody.
conferences-public-at-the-table = Who took part and what they could contribute
conferences-public-minutes = Minutes
conferences-public-left-out = { $count ->
        [one] One contribution is left out: it is not marked as identifying nobody.
       *[other] { $count } contributions are left out: they are not marked as identifying nobody.
    }
conferences-public-check = Before you publish this
conferences-public-check-health = No health or criminal data about persons, unless the person explicitly consented or made it public themselves (art. 5.1(1) Woo).
conferences-public-check-numbers = No citizen service number or other statutory number that points to a person (art. 5.1(1) Woo).
conferences-public-check-privacy = Other data about persons only after weighing their privacy (art. 5.1(2) Woo).
conferences-public-check-criminal = If a criminal case is pending, investigation and prosecution weigh too; ask the Public Prosecution Service or the police (art. 5.1(2) Woo).
conferences-public-check-traceable = Read it as someone who does not know the case: do an age, a school, a date, a place or a well-known event still lead to someone?
conferences-public-uncertain = Whether the Woo applies to this report, and how the participants' secrecy bears on it, is not in Grondslag's sources. Have the commissioning body's lawyer or privacy officer check the public version.
conferences-public-more = More in the kennisbank: calamities, chain reviews and anonymised reports
conferences-back = Back to the conference
conferences-other-organisation = a participant from another organisation
conferences-code-button = Invitation code for another organisation
conferences-code-pending = code made, not yet used
conferences-code-made = Invitation code for
conferences-code-how = Give this code and the address to the participant, preferably through another channel than the address. The code works once and is not shown again; make a new one if needed. Address to enter the code:
conferences-joined = You now sit at the table of this conference. You record your deliberation in your own client's dossier, in your own organisation.
conferences-join = Join a case conference
conferences-join-lead = The chair gave you an invitation code. With it you take the seat meant for you. What you know stays in your own dossier; the conference sees only the outcome and ground of your deliberation.
conferences-join-code = Invitation code
conferences-join-button = Join
access-casusoverleg-aanmelden = Joined a case conference with a code
conference-code-seat-taken = Someone is already invited to this seat.
conference-code-wrong = This code is wrong, already used, or not for this conference. Ask the chair for a new one.
conferences-standing-no-client-info = No information about the client at this table: no ground towards { $seats } (only working methods, steps or general knowledge)
conferences-standing-not-yet-known = Has not yet deliberated on sharing with { $seats }; until then no information about the client at the table
conferences-nobody-has-a-ground = Nobody at the table has a ground to share information about the client with everyone. Everyone here knows whom it is about, so even without a name information about him is not anonymous: discuss only working methods, steps and general knowledge, or ask consent.
conferences-is-anonymous = This is an anonymous case discussion: the participants do not know whom it is about. Keep it so: mention nothing by which anyone would recognise the client or the family.
conferences-minutes-only-no-client-info = You have no ground (yet) to share about the client with everyone at the table. Everyone here knows whom it is about, so even without a name information about him is not anonymous. Contribute only how your organisation works, which steps it took and when, or general knowledge.
conferences-minutes-mark-no-client-info = My contribution holds no information about the client or the family, only about working methods, steps or general knowledge.
conference-plan-anonymous = Anonymous case discussion: the participants do not know which client or family it is about (otherwise information without a name is not anonymous)
