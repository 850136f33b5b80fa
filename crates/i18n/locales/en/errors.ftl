# Grondslag — errors and refusals. Ids: error-<code> for the stable API codes, otherwise <area>-<words>.

## app-deliberation
app-deliberation-datum-beraad-geen-geldige = the date of the deliberation ({ $date }) is not a valid date
app-deliberation-answer-dropped = dropped (no longer fits your other answers)

## app-keys
app-keys-ongeldige-organisatie-id = invalid organisation id ‘{ $org }’

## app-app
app-app-klok-buiten-bereik = clock out of range
app-app-ongeldige-datum-schrijf-jjjj = { $what }: invalid date ‘{ $text }’; write YYYY-MM-DD
app-app-leeg-bevat-stuurtekens = { $what } is empty or contains control characters
app-app-onbekend-beroep-geen-rol = unknown profession ‘{ $profession }’: not a role in the rule set (e.g. huisarts)
app-app-professional-hoort-niet-bij = professional { $id } does not belong to the organisation of client { $client }
app-app-professional-ontbreekt = professional is missing
app-app-zeg-client-geinformeerd-waarom = say whether the client has been informed, or why not
app-app-dossierregel-geen-beraad-maar = dossier entry { $deliberation_seq } is not a deliberation but { $kind }
app-app-dossierregel-bestaat-niet-in = dossier entry { $deliberation_seq } does not exist in this dossier
app-app-noem-minstens-ontvanger-soort = name at least one recipient, one type of data and one purpose
app-app-noem-elke-keer-staat = name each { $what } only once (‘{ $twice }’ appears more than once)
app-app-onbekende-ontvanger-geen-rol = unknown recipient ‘{ $r }’: not a role in the rule set
app-app-regelset-kent-feit-niet = the rule set does not know the fact '{ $fact }'
app-app-fact-value-invalid = { $fact }: { $e }
app-app-einddatum-toestemming-ligt-voor = the end date of the consent is before the start date
app-app-dossierregel-geen-toestemming-maar = dossier entry { $consent_seq } is not a consent but { $kind }
app-app-dossierregel-bestaat-niet-in-2 = dossier entry { $consent_seq } does not exist in this dossier
app-app-toestemming-dossierregel-al-ingetrokken = the consent in dossier entry { $consent_seq } has already been withdrawn
app-app-dossierregel-bestaat-niet-in-3 = dossier entry { $seq } does not exist in this dossier
app-app-bundel-dossier-groter-dan = the bundle for this dossier is larger than { $max_bundle_bytes20 } MiB and will not be created; please contact your administrator
app-fhir-too-large = the FHIR export of this dossier is larger than { $max_mib } MiB and will not be created; please contact your administrator
app-app-dossier-client-leeg-valt = the dossier of client { $client } is empty: there is nothing to export

## app-meldcode
app-meldcode-not-opened = a meldcode trajectory starts with the signal that opens it: record that first
app-meldcode-already-opened = this client already has a meldcode trajectory; record new signals in it (a closed trajectory can be reopened)
app-meldcode-closed = the meldcode trajectory is closed; reopen it, with your reasons, to continue
app-meldcode-not-closed = the meldcode trajectory is not closed, so it cannot be reopened
app-meldcode-before-opened = the date is before the meldcode trajectory was opened ({ $opened })
app-meldcode-missing-reasons = fill in the reasons, the explanation or the observation: they are required
app-meldcode-history-erased = the content of part of this meldcode trajectory has been erased (entry { $seqs }); the trajectory therefore cannot be continued reliably
app-meldcode-not-decided-to-report = first record the decision to report (step 5); then the report itself
app-meldcode-not-reported = Veilig Thuis's feedback can be recorded once the report is recorded
app-meldcode-report-deliberation-unknown = dossier entry { $seq } is not a deliberation or decision in this client's dossier
app-meldcode-text-too-long = a text in this meldcode step is longer than { $max } characters; summarise it and refer to the client's own file for the rest
app-meldcode-observed-after-recorded = the date you saw or heard the signal is after the date it is recorded on; a signal is recorded on or after the day you saw or heard it
app-meldcode-control-characters = a text in this meldcode step contains control characters

## consent
consent-noem-minstens-zonder-lege = Name at least one { $what }, without empty values.
consent-geen-toestemming-met-volgnummer = There is no consent with sequence number { $seq } in this dossier.
consent-toestemming-dossierregel-al-ingetrokken = The consent in dossier entry { $seq } has already been withdrawn.

## dossier
dossier-rol-geeft-geen-toegang = Your role does not give you access to this section.
dossier-tijdstip-delen-shared-at = The time of sharing (shared_at) is not a date (YYYY-MM-DD) or a timestamp (RFC 3339).
dossier-schrijf-op-wat-heeft = Write down what you shared and with whom (what and recipient).
dossier-niets-gedeeld-laat-shared = Nothing was shared: leave out shared_at.
dossier-geef-client-informed-client = Give either client_informed or client_not_informed_reason, not both.

## extract
extract-stuur-invoer-als-json = Send the input as JSON, with the header ‘Content-Type: application/json’.
extract-invoer-kon-niet-worden = The input could not be read.
extract-invoer-niet-eenduidig = The input is ambiguous: { $m }.
extract-adres-bestaat-niet-onderdeel = This address does not exist: part of the path is invalid.
extract-zoekparameters-kloppen-niet = The query parameters are not correct: { $detail }.
extract-zoekparameters-kloppen-niet-2 = The query parameters are not correct.

## api
api-adres-bestaat-niet-in = This address does not exist in the API. See /api/openapi.json.
api-geen-geldige-datum-schrijf = { $what } is not a valid date; write YYYY-MM-DD.
api-te-lang-hoogstens-tekens = { $what } is too long (at most { $max } characters).
api-no-record-text = This dossier entry has no text for your own records: it is not a deliberation or decision, or its content was erased.
api-bevat-tekens-niet-zijn = { $what } contains characters that are not allowed.
api-vul-in = Fill in { $what }.
api-bij = At ‘{ $k }’: { $message }

## api-meldcode
api-meldcode-no-trajectory = No meldcode trajectory has been recorded for this client.
api-meldcode-days-out-of-range = Choose a number of days (‘dagen’) from 1 to { $max }.

## session
session-vul-inlognaam-wachtwoord-in = Fill in the login name and the password.
session-inlognaam-wachtwoord-code-te = The login name, the password or the code is too long.

## verification
verification-bundel-kon-niet-worden = The bundle could not be read.
verification-bundel-geen-utf-8 = The bundle is not UTF-8 text.
verification-geen-geldig-id = { $what } is not a valid id.
verification-limiet-ligt-tussen-1 = The limit must be between 1 and { $MAX_PAGE }.
verification-geen-datum-jjjj-mm = { $what } is not a date (YYYY-MM-DD).
verification-ligt-te-ver-weg = { $what } is too far away.
verification-ligt-buiten-bereik = { $what } is out of range.

## audit
audit-professional-bestaat-niet = This professional does not exist.
audit-beraad-gaat-over-andere = the deliberation is about a different client
audit-client-bestaat-niet-heeft = This client does not exist, or you do not have access to them.

## auth
auth-wachtwoord-heeft-minstens-12 = A password has at least 12 characters.
auth-wachtwoord-heeft-hoogstens-256 = A password has at most 256 characters.
auth-inlognaam-wachtwoord-klopt-niet = The login name or password is incorrect, or the account is blocked.
auth-code-klopt-niet-al = The code is incorrect, has already been used or has expired.

## draft
draft-beraad-bestaat-niet-meer = This deliberation is not (or no longer) among your unfinished deliberations. If it was recorded, it is in the client's file; a deliberation that is not recorded is removed after 7 days.

## error
error-niet-gevonden-heeft-geen = Not found, or you do not have access to it.
error-pagina-bestaat-niet = This page does not exist.
error-verzoek-kon-niet-worden = The request could not be read.

## account
account-tweede-factor-staat-niet = The second factor is not turned on.
account-voor-account-tweede-factor = The second factor is required for your account; you cannot turn it off.

## admin
admin-inlognaam-bestaat-uit-letters = A login name consists of letters, digits and . _ - @.
admin-kies-rol = Choose a role.
admin-inlognaam-al-in-gebruik = The login name ‘{ $login }’ is already in use.
admin-kunt-eigen-account-niet = You cannot block your own account.
admin-professional-heeft-geen-inlog = This professional has no login.
admin-professional-client-horen-niet = This professional and this client do not both belong to your organisation.
admin-account-nog-niet-in = This account has not been used yet: { $name } has not yet signed in with their own password. You can record a care relation only after { $name } has signed in for the first time and chosen their own password.
admin-eigen-tweede-factor-beheert = You manage your own second factor through your account.

## clients
clients-te-lang-hoogstens-tekens = { $what } is too long (at most { $max } characters).
clients-bevat-tekens-niet-zijn = { $what } contains characters that are not allowed.
clients-geboortedatum-geen-geldige-datum = The date of birth is not a valid date; write dd-mm-yyyy, for example 19-07-1984.

## consent
consent-geen-geldige-datum-jjjj = { $what } is not a valid date (YYYY-MM-DD).
consent-kies-in-welke-hoedanigheid = Choose the capacity in which the consent was given.
consent-kies-hoe-toestemming-gegeven = Choose how the consent was given (oral, written or digital).

## decision
decision-beraad-bestaat-niet-in = This deliberation does not exist in this dossier.
decision-schrijf-op-wat-heeft = Write down what you shared and with whom.

## deliberation
deliberation-datum-recht-geen-geldige = The date on which the law is applied is not a valid date (YYYY-MM-DD).
deliberation-kies-over-welke-client = Choose which client the deliberation is about, or ‘without a client’.
deliberation-vraag-bestaat-niet = This question does not exist.
deliberation-onbekende-vraag-in-formulier = Unknown question in the form.
deliberation-afweging-bestaat-niet = This weighing does not exist.

## dossier
dossier-geef-reden-minstens-10 = Give a reason of at least 10 characters: the privacy officer will review it afterwards.
dossier-dossierregel-bestaat-niet = This dossier entry does not exist.

## pages
pages-formulier-kon-niet-worden = The form could not be read.
pages-formulier-heeft-te-veel = The form has too many fields (at most { $MAX_FIELDS }).
pages-veld-formulier-te-lang = A field in the form is too long (at most { $MAX_VALUE_CHARS } characters).
pages-te-lang-hoogstens-tekens = { $what } is too long (at most { $max } characters).
pages-bevat-tekens-niet-zijn = { $what } contains characters that are not allowed.
pages-vul-in = Fill in { $what }.
pages-kies-ja-nee-bij = Choose yes or no for { $what }.

## privacy
privacy-meerdere-clienten-passen-bij = More than one client matches this name; choose one on the access log page.

## second-factor
second-factor-wacht-geen-tweede-factor = No second factor is waiting for confirmation; please start again.

## error codes of the API and the error pages (error-<code>)
error-niet-ingelogd = You are not (or no longer) signed in.
error-tweede-factor-nodig = Enter the code from your authenticator app (or a recovery code) to finish signing in.
error-tweede-factor-instellen = Your account needs a second factor. Set it up first on the website (Account → Second factor).
error-eigen-wachtwoord-nodig = First choose a password of your own instead of the one the administrator gave you. You do that on the website (Account → Password).
error-al-ingelogd = You are already signed in.
error-geen-zorgrelatie = You have no care relation with this client. Only in an emergency can you take access, with a reason; this is logged and reviewed afterwards.
error-te-veel-pogingen = Too many attempts. Wait a minute and try again.
error-methode-niet-toegestaan = This cannot be done at this address: the request method does not fit.
error-te-groot = What you sent is too large to process.
error-te-lang-gewacht = The request took too long. Try again.
error-interne-fout = Something went wrong on our side. Nothing already recorded was lost; try again or contact your administrator.
error-verzoek-geweigerd-andere-site = This request was refused. Did the form come from another site? Open the page again through Grondslag.
error-client-informed-how-or-why = Say when and how the client was informed (client_informed), or why not (client_not_informed_reason).

## refusals to record a deliberation
refusal-no-client = A deliberation without a client cannot be recorded in a dossier. Start it from the client.
refusal-changed = Not recorded: the answers of this deliberation changed after this page was shown (for instance in another tab). Review the current answer and record it if it is right.
refusal-consent-changed = Not recorded: the client's consent changed (registered or withdrawn) after this page was shown. The answer may differ; review the current answer.
refusal-undetermined = Not recorded: the answer is not determined yet. First answer the questions still open.
refusal-already-decided = The decision following this deliberation is already recorded. A new decision needs a new deliberation.

## decision page
decision-consent-lapsed = Note: the consent this answer relied on (entry { $consent }) was withdrawn as of { $on }. The answer held when it was recorded; do not share on the basis of that consent any more. Start a new deliberation if you still want to share.

## account and clients pages
account-current-password-wrong = Your current password is not right.
account-new-passwords-differ = The two new passwords are not the same.
account-choose-other-than-given = Choose a password other than the one the administrator gave you.
account-same-as-current = The new password is the same as your current one. Choose another password.
clients-fill-in-name-reference = Fill in the name and the reference (for instance the client number).
clients-reference-exists = There already is a client with this reference. Look the client up under ‘My clients’.

## the server's bundle check
bundle-broken = The bundle does not verify: { $e }
bundle-unknown-key = The bundle is not signed with this organisation's key. So it was not made by this organisation, or it has been tampered with.
bundle-truncated = The bundle has been cut short: when it was signed the dossier had { $at_checkpoint } entries, but the bundle holds { $in_bundle }.
bundle-mismatch = The bundle does not match this organisation's dossier log: { $why }
bundle-mismatch-other-log = the signed log differs from the stored log
bundle-mismatch-unknown-dossier = the dossier is not known

## backups
backup-weak-passphrase = the password is too short: use at least { $min } characters (the backup also holds the keys)
backup-cannot-decrypt = this is not a Grondslag backup, the file is damaged, or the password is wrong
backup-corrupt = the backup is damaged: { $why }
backup-unsafe-path = the backup contains a path that does not belong in a data directory: { $path }
backup-not-empty = { $dir } already holds data; restore only into an empty or new directory
backup-io = { $path }: { $error }
backup-encrypt-failed = encryption failed: { $why }

## the store's refusals, as the user reads them
error-store-conflict = This could not be saved: it already exists, or someone else changed it in the meantime. Reload the page and try again.
error-store-invalid = This could not be saved: the data do not fit what is already recorded.
