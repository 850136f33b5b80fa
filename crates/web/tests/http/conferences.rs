//! A casusoverleg that lasts (issue 13): a wijkteammedewerker chairs it, invites the huisarts
//! and the jeugdarts of her organisation and leaves the school's seat to someone from outside.
//! Only a seat opens it; each participant answers for herself in her own client's dossier; the
//! conference keeps only outcomes and grounds; the minutes take identifying words only from
//! someone with a ground towards everyone at the table.

use super::*;

const PLAN: &str = "rol=wijkteammedewerker&deelnemers=wijkteammedewerker&deelnemers=huisarts&deelnemers=jeugdarts&deelnemers=leraar&doel=care\
&titel=Gezin+H.&datum=10-12-2026&organisatie-leraar=Basisschool+De+Linde\
&afspraak=Convenant+wijkteam+en+scholen+2025";

/// Answers a deliberation's questions from `answers` until only refining questions remain,
/// then returns the answer page.
async fn answer_all(t: &T, token: &str, draft: &str, answers: &HashMap<&str, &str>) -> String {
    loop {
        let r = t.send("GET", draft, Some(token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let Some(fact) = r.body.split("name=\"vraag\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned) else {
            return r.body;
        };
        let Some(answer) = answers.get(fact.as_str()) else {
            return t.send("GET", &format!("{draft}?antwoord=1"), Some(token), None).await.body;
        };
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(token), Some(&format!("vraag={fact}&antwoord={answer}"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{fact}: {}", r.body);
    }
}

fn version(body: &str) -> String {
    body.split("name=\"versie\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned).expect("a version to record")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_casusoverleg_keeps_each_participants_answer_to_herself() {
    let t = setup().await;
    let chair = t.token("wijkteam").await;
    let huisarts = t.token("huisarts").await;

    // Planning refuses what is wrong, in Dutch, and stores nothing.
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(&PLAN.replace("titel=Gezin+H.", "titel="))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(dutch_text(&r.body).contains("Geef het overleg een schuilnaam"), "{}", dutch_text(&r.body));
    // What was typed is kept.
    assert!(r.body.contains("value=\"Basisschool De Linde\"") && r.body.contains("Convenant wijkteam en scholen 2025</textarea>"));
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(&PLAN.replace("datum=10-12-2026", "datum=31-02-2026"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dutch_text(&r.body).contains("Die datum bestaat niet"), "{}", dutch_text(&r.body));
    assert!(r.body.contains("value=\"Gezin H.\""));
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(&PLAN.replace("deelnemers=leraar", "deelnemers=kapper"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(PLAN)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    let r = t.send("GET", &page, Some(&chair), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = dutch_text(&r.body);
    assert!(
        body.contains("Gezin H.")
            && body.contains("Leraar, intern begeleider of schoolleiding (Basisschool De Linde)")
            && body.contains("Convenant wijkteam en scholen 2025"),
        "{body}"
    );
    assert!(body.contains("nooit zelf een grond"), "the agreement is context, never a ground: {body}");
    // Her own role ticked among the participants is her own (chair's) seat, not a second one.
    assert_eq!(r.body.matches("<h3 class=\"participant\">Wijkteammedewerker").count(), 1);
    assert!(r.body.contains("href=\"/casusoverleggen\""), "the menu leads to the conferences");

    // Only a seat opens it: not the (uninvited) huisarts, not another organisation, not the
    // privacy officer — each refused like an id that does not exist, and logged.
    for (token, org, login) in [
        (&huisarts, &t.a.id, "huisarts"),
        (&t.token("b-huisarts").await, &t.b.id, "b-huisarts"),
        (&t.token("privacy").await, &t.a.id, "privacy"),
    ] {
        let user = t.a.users.get(login).or_else(|| t.b.users.get(login)).unwrap().clone();
        let before = t.refusals(org, &user).await;
        let r = t.send("GET", &page, Some(token), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{login}");
        assert!(t.refusals(org, &user).await > before, "{login}: refusal not logged");
    }

    // The chair invites the huisarts (seat 1); nobody else can.
    let huisarts_id = t.a.users["huisarts"].clone();
    let r = t.send("POST", &format!("{page}/uitnodigen"), Some(&chair), Some(&format!("plaats=1&account={huisarts_id}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.send("POST", &format!("{page}/uitnodigen"), Some(&huisarts), Some("plaats=2&account=")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dutch_text(&r.body).contains("Alleen de voorzitter"));
    let b_id = t.b.users["b-huisarts"].clone();
    let r = t.send("POST", &format!("{page}/uitnodigen"), Some(&chair), Some(&format!("plaats=2&account={b_id}"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "an account of another organisation cannot be invited");
    let r = t.send("GET", &page, Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("id=\"uw-beraad\""));
    assert!(t.send("GET", "/casusoverleggen", Some(&huisarts), None).await.body.contains("Gezin H."));

    // Without a ground towards everyone, identifying words stay out of the minutes.
    let r = t.send("POST", &format!("{page}/verslag"), Some(&huisarts), Some("tekst=Moeder+is+depressief")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dutch_text(&r.body).contains("geen grond"));

    // The huisarts deliberates on sharing with the school, in Sam's dossier (her own client).
    let sam = t.a.clients["Sam Jansen"].clone();
    // The chair has no care relation with Sam: she cannot start a deliberation about him.
    let r = t.send("POST", &format!("{page}/beraad"), Some(&chair), Some(&format!("aan=1&client={sam}"))).await;
    assert!(!ok(r.status));
    let r = t.send("POST", &format!("{page}/beraad"), Some(&huisarts), Some(&format!("aan=3&client={sam}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let d = draft_of(&t, &t.a.id, draft.trim_start_matches("/beraad/")).await;
    let answers: HashMap<String, serde_json::Value> =
        d["answers"].as_array().unwrap().iter().map(|a| (a["fact"].as_str().unwrap().to_owned(), a["value"].clone())).collect();
    assert_eq!(
        (answers["sender_role"].as_str(), answers["recipient_role"].as_str(), answers["purpose"].as_str()),
        (Some("huisarts"), Some("leraar"), Some("care"))
    );
    assert!(!answers.contains_key("recipient_in_treatment_relation"), "whether the recipient treats the client is hers to answer");
    assert_eq!(d["client"].as_str(), Some(sam.as_str()), "the deliberation is about her own client from the start");
    let sams_entries = t.core.entries(&sam).await.unwrap().len();
    let facts = HashMap::from([
        ("recipient_in_treatment_relation", "false"),
        ("data_categories", "health"),
        ("client_deceased", "false"),
        ("client_age", "11"),
        ("client_competent", "false"),
        ("danger", "none"),
        ("suspicion_domestic_violence_or_child_abuse", "false"),
        ("client_objects", "false"),
        ("child_protection_measure", "none"),
    ]);
    let body = answer_all(&t, &huisarts, &draft, &facts).await;
    assert!(body.contains("Dit beraad is voor het casusoverleg"), "{}", dutch_text(&body));
    assert!(body.contains("U mag niet delen"), "{}", dutch_text(&body));
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&huisarts), Some(&format!("versie={}", version(&body)))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let back = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(back.starts_with(&page));
    assert_eq!(t.core.entries(&sam).await.unwrap().len(), sams_entries + 1, "the deliberation is in her own client's dossier");
    // The next seat's deliberation is ready, with what does not depend on the recipient kept:
    // the first question now is about the wijkteammedewerker.
    let r = t.send("GET", &back, Some(&huisarts), None).await;
    let at = r.body.find(">Verder met het beraad").expect("next seat offered");
    let next = r.body[..at].rsplit("<a href=\"").next().and_then(|s| s.split('"').next()).unwrap().to_owned();
    assert!(dutch_text(&r.body).contains("Verder met het beraad over delen met Wijkteammedewerker"), "{}", dutch_text(&r.body));
    let d = draft_of(&t, &t.a.id, next.trim_start_matches("/beraad/")).await;
    let kept: HashMap<String, serde_json::Value> =
        d["answers"].as_array().unwrap().iter().map(|a| (a["fact"].as_str().unwrap().to_owned(), a["value"].clone())).collect();
    assert_eq!(
        (kept["recipient_role"].as_str(), kept["purpose"].as_str(), kept["sender_role"].as_str()),
        (Some("wijkteammedewerker"), Some("care"), Some("huisarts")),
        "{kept:?}"
    );
    assert!(kept.contains_key("data_categories"), "{kept:?}");
    assert!(!kept.contains_key("recipient_in_treatment_relation"));
    assert_eq!(d["client"].as_str(), Some(sam.as_str()));
    // Someone else's draft id in the address is not offered.
    let r = t.send("GET", &format!("{page}?vastgelegd=1&vervolg={}", next.trim_start_matches("/beraad/")), Some(&chair), None).await;
    assert!(!r.body.contains(&next));

    // The chair sees the huisarts's outcome towards the school — and nothing of Sam.
    let r = t.send("GET", &page, Some(&chair), None).await;
    let body = dutch_text(&r.body);
    assert!(
        body.contains("Geen informatie over de cliënt aan deze tafel: geen grond tegenover Leraar, intern begeleider of schoolleiding (Basisschool De Linde)"),
        "{body}"
    );
    assert!(
        body.contains("mag niet delen") && !body.contains("U mag niet delen"),
        "the chair reads the huisarts's answer in the third person"
    );
    for secret in ["Sam", "Jansen", "DEMO-1001", "2015", sam.as_str()] {
        assert!(!r.body.contains(secret), "the conference shows {secret}");
    }
    // The chair cannot open Sam's dossier through the conference.
    let r = t.send("GET", &format!("/clienten/{sam}"), Some(&chair), None).await;
    assert!(!ok(r.status));

    // Without names the huisarts may still add to the minutes, marking it so.
    let r = t
        .send("POST", &format!("{page}/verslag"), Some(&huisarts), Some("tekst=Onze+praktijk+werkt+met+een+vaste+contactpersoon&anoniem=1"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.send("GET", &page, Some(&chair), None).await;
    assert!(
        dutch_text(&r.body).contains("Onze praktijk werkt met een vaste contactpersoon")
            && dutch_text(&r.body).contains("zonder informatie over de cliënt")
    );
    // Only she can withdraw her contribution; then its text is gone for everyone.
    let r = t.send("POST", &format!("{page}/verslag/0/intrekken"), Some(&chair), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t.send("POST", &format!("{page}/verslag/0/intrekken"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.send("GET", &page, Some(&chair), None).await;
    assert!(
        !r.body.contains("Onze praktijk werkt met een vaste contactpersoon")
            && dutch_text(&r.body).contains("Ingetrokken door wie het inbracht")
    );
    // A refused contribution comes back in the box.
    let r = t.send("POST", &format!("{page}/verslag"), Some(&huisarts), Some("tekst=Moeder+heet+Els")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(">Moeder heet Els</textarea>"));
    // Her seat has answered: the chair can no longer move it to someone else.
    let r = t.send("POST", &format!("{page}/uitnodigen"), Some(&chair), Some("plaats=1&account=")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A chain review after a family drama (seed 001, case B) as a planned casusoverleg: the
/// jeugdarts plans it with the review commission, the huisarts (invited), the police, Veilig
/// Thuis and the GGZ from outside. The huisarts answers for the commission's seat in her own
/// dossier (a deceased client: she may not share), adds only what identifies nobody, and the
/// public version holds no pseudonym, organisation, date or identifying contribution.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chain_review_has_a_public_version_without_identifying_data() {
    let t = setup().await;
    let chair = t.token("jeugd").await;
    let huisarts = t.token("huisarts").await;
    let plan = "rol=jeugdarts&organisatie-eigen=GGD+Noordoost&deelnemers=reviewcommissie&deelnemers=huisarts&deelnemers=politie\
&deelnemers=veilig_thuis&deelnemers=psychiater&doel=review_or_learning&titel=Review+gezin+De+W.&datum=14-03-2027\
&organisatie-politie=Politie+Eenheid+Oost&afspraak=Convenant+ketenreviews";
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(plan)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    let huisarts_id = t.a.users["huisarts"].clone();
    let r = t.send("POST", &format!("{page}/uitnodigen"), Some(&chair), Some(&format!("plaats=2&account={huisarts_id}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let daan = t.a.clients["Daan Visser"].clone();
    let r = t.send("POST", &format!("{page}/beraad"), Some(&huisarts), Some(&format!("aan=1&client={daan}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let facts = HashMap::from([
        ("recipient_in_treatment_relation", "false"),
        ("data_categories", "health"),
        ("client_deceased", "true"),
        ("unnatural_death", "true"),
        ("review_within_own_organisation", "false"),
        ("client_age", "76"),
        ("client_competent", "false"),
        ("danger", "none"),
        ("suspicion_domestic_violence_or_child_abuse", "true"),
        ("client_is_suspected_perpetrator", "false"),
        ("children_at_risk", "false"),
        ("client_objects", "false"),
        ("presumed_consent_indications", "false"),
        ("child_protection_measure", "none"),
    ]);
    let body = answer_all(&t, &huisarts, &draft, &facts).await;
    assert!(body.contains("U mag niet delen"), "{}", dutch_text(&body));
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&huisarts), Some(&format!("versie={}", version(&body)))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    for (text, anonymous) in [("Daan+Visser+was+al+jaren+somber", false), ("De+praktijk+had+twee+contacten+met+ketenpartners", true)] {
        let form = if anonymous { format!("tekst={text}&anoniem=1") } else { format!("tekst={text}") };
        let r = t.send("POST", &format!("{page}/verslag"), Some(&huisarts), Some(&form)).await;
        assert_eq!(r.status, if anonymous { StatusCode::SEE_OTHER } else { StatusCode::UNPROCESSABLE_ENTITY }, "{text}");
    }
    // The chair's contribution marked as identifying nobody goes in, and into the public version.
    let r = t
        .send("POST", &format!("{page}/verslag"), Some(&chair), Some("tekst=Het+consultatiebureau+zag+de+kinderen+drie+keer&anoniem=1"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let r = t.send("GET", &format!("{page}/openbaar"), Some(&chair), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let text = dutch_text(&r.body);
    assert!(text.contains("maart 2027") && !text.contains("14-03-2027"), "{text}");
    for hidden in ["Review gezin De W.", "GGD Noordoost", "Politie Eenheid Oost", "Daan", "Visser", "Convenant ketenreviews"] {
        assert!(!text.contains(hidden), "the public version shows {hidden}");
    }
    assert!(
        text.contains("De praktijk had twee contacten met ketenpartners")
            && text.contains("Het consultatiebureau zag de kinderen drie keer")
    );
    assert!(text.contains("Review- of calamiteitencommissie") && text.contains("mag niet delen"), "{text}");
    assert!(text.contains("art. 5.1 lid 1 Woo") && text.contains("Onzeker"), "the Woo checklist, its uncertainty shown: {text}");
    // At a table that knows the family, leaving out the name is not anonymous: without a
    // ground only working methods, steps and general knowledge. An anonymous case discussion
    // (the participants do not know whom it is about) says so instead.
    let r = t.send("GET", &page, Some(&huisarts), None).await;
    assert!(dutch_text(&r.body).contains("Iedereen hier weet over wie het gaat"), "{}", dutch_text(&r.body));
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(&format!("{plan}&anoniem_overleg=1"))).await;
    let anonymous = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    let r = t.send("GET", &anonymous, Some(&chair), None).await;
    assert!(
        dutch_text(&r.body).contains("Dit is een anoniem overleg") && dutch_text(&r.body).contains("tot dan aan tafel alleen zonder naam")
    );
    // Someone without a seat does not find it.
    let other = t.token("wijkteam").await;
    assert_eq!(t.send("GET", &format!("{page}/openbaar"), Some(&other), None).await.status, StatusCode::NOT_FOUND);
}

/// A participant from another organisation in this installation takes her seat with the chair's
/// one-time code, answers in her own organisation's dossier, and sees nothing of the chair's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisation_joins_with_a_one_time_code() {
    let t = setup().await;
    let chair = t.token("wijkteam").await;
    let other = t.token("b-huisarts").await;
    let r = t.send("POST", "/casusoverleggen", Some(&chair), Some(PLAN)).await;
    let page = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    assert_eq!(t.send("GET", &page, Some(&other), None).await.status, StatusCode::NOT_FOUND);

    // The chair makes a code for the huisarts's seat; it is shown once.
    let r = t.send("POST", &format!("{page}/code"), Some(&chair), Some("plaats=1")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let code = r
        .body
        .split("<strong>")
        .filter_map(|s| s.split("</strong>").next())
        .find(|s| s.len() == 24 && s.split('-').count() == 5)
        .expect("the code on the page")
        .to_owned();
    assert!(!t.send("GET", &page, Some(&chair), None).await.body.contains(&code), "the code is shown only once");
    // Only the chair makes codes.
    let huisarts = t.token("huisarts").await;
    assert!(!ok(t.send("POST", &format!("{page}/code"), Some(&huisarts), Some("plaats=2")).await.status));

    // The join page shows nothing of the conference; a wrong code is refused in Dutch.
    let join = format!("{page}/aanmelden");
    let r = t.send("GET", &join, Some(&other), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("Gezin H.") && !r.body.contains("De Linde"));
    let r = t.send("POST", &join, Some(&other), Some("code=0000-0000-0000-0000-0000")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dutch_text(&r.body).contains("Deze code klopt niet"));
    let r = t.send("POST", &join, Some(&other), Some(&format!("code={}", code.to_uppercase()))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.send("GET", &page, Some(&other), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("id=\"uw-beraad\"") && r.body.contains("Bo Ander"), "her own clients to choose from");
    assert!(!r.body.contains("Sam Jansen") && !r.body.contains("Noor Bakker"), "not the chair's organisation's clients");
    // Used once: the code no longer works, also not for someone else.
    let r = t.send("POST", &join, Some(&huisarts), Some(&format!("code={code}"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // She deliberates about her own client; the chair's page names no one of her organisation.
    let bo = t.b.clients["Bo Ander"].clone();
    let r = t.send("POST", &format!("{page}/beraad"), Some(&other), Some(&format!("aan=3&client={bo}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let d = draft_of(&t, &t.b.id, draft.trim_start_matches("/beraad/")).await;
    assert_eq!(d["client"].as_str(), Some(bo.as_str()));
    let r = t.send("GET", &page, Some(&chair), None).await;
    assert!(dutch_text(&r.body).contains("een deelnemer van een andere organisatie"));
    assert!(!r.body.contains("Bo Ander") && !r.body.contains(bo.as_str()));
    // A seat does not open the other organisation's dossiers, either way.
    let sam = t.a.clients["Sam Jansen"].clone();
    assert!(!ok(t.send("GET", &format!("/clienten/{sam}"), Some(&other), None).await.status));
    assert!(!ok(t.send("GET", &format!("/clienten/{bo}"), Some(&chair), None).await.status));
}

/// Milan has an open meldcode trajectory (signals of violence at home). A deliberation about him
/// that answers "no suspicion" says so and asks whether that is right.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_suspicion_beside_an_open_meldcode_trajectory_is_questioned() {
    let t = setup().await;
    let token = t.token("wijkteam").await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let r = t.send("POST", "/beraad", Some(&token), Some(&format!("client={milan}&datum=2026-12-05"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let facts = HashMap::from([
        ("recipient_role", "leraar"),
        ("request_from", "leraar"),
        ("purpose", "care"),
        ("data_categories", "social"),
        ("client_deceased", "false"),
        ("client_age", "10"),
        ("client_competent", "false"),
        ("danger", "none"),
        ("suspicion_domestic_violence_or_child_abuse", "false"),
        ("recipient_in_treatment_relation", "false"),
        ("client_objects", "false"),
        ("child_protection_measure", "none"),
    ]);
    let body = answer_all(&t, &token, &draft, &facts).await;
    assert!(dutch_text(&body).contains("Voor deze cliënt loopt een meldcodetraject"), "{}", dutch_text(&body));
    assert!(body.contains("?wijzig=suspicion_domestic_violence_or_child_abuse"));
    // With the suspicion answered "yes", nothing to question.
    let r = t
        .send(
            "POST",
            &format!("{draft}/antwoord"),
            Some(&token),
            Some("vraag=suspicion_domestic_violence_or_child_abuse&antwoord=true&wijzigen=1"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let body = t.send("GET", &format!("{draft}?antwoord=1"), Some(&token), None).await.body;
    assert!(!dutch_text(&body).contains("Voor deze cliënt loopt een meldcodetraject"));
}
