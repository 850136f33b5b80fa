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
