//! Synthetic report data with every part filled in, for the tests and the benchmark (not
//! for production use: the web application fills the model from the dossier).

use crate::*;

pub fn at() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-23 10:15 UTC)
}

pub fn header() -> Header {
    Header {
        organisation: "Huisartsenpraktijk De Linde (demo)".into(),
        // Typst markup in user data must come out as text, never run.
        client: "Noor #panic(\"injectie\") Bakker *vet* $x$ <label> @ref".into(),
        generated: "23-11-2026 11:15".into(),
        generated_by: "Dr. Eva de Vries (huisarts)".into(),
    }
}

fn rec(seq: u64) -> Rec {
    Rec { seq, line: format!("Vastgelegd door Sanne Visser (wijkteammedewerker) op 0{seq}-11-2026 09:00") }
}

fn proof(seq: u64) -> Proof {
    Proof {
        seq,
        recorded: "23-11-2026 10:00".into(),
        recorded_by: "Dr. Eva de Vries (huisarts)".into(),
        leaf_number: seq + 3,
        tree_size: 12,
        leaf_hash: "q5Kd9r7Xv0m3y8w1Zb2c4e6g8i0k2m4o6q8s0u2w4y0=".into(),
        checkpoint: "grondslag.local/org/0b6f\n12\nAbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdE=\n\n— grondslag.local/org/0b6f Zm9vYmFy\n"
            .into(),
    }
}

/// A report with every list filled, from the engine's own serialised form.
pub fn report() -> Result<grondslag_engine::Report, PdfError> {
    let item = |text: &str| serde_json::json!({"id": "x", "text": text, "sources": ["art. 7:457 BW", "art. 9 AVG"]});
    let source = |status: &str| {
        serde_json::json!({"id": "bw_7_457", "publisher": "Overheid.nl", "title": "Burgerlijk Wetboek Boek 7, artikel 457",
            "citation": "art. 7:457 BW", "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=457", "status": status})
    };
    serde_json::from_value(serde_json::json!({
        "outcome": "may_share",
        "outcome_label": "U mag delen",
        "summary": "U mag delen met toestemming van de cliënt.\nLeg de toestemming vast.",
        "date": "2026-11-23",
        "ruleset": {"name": "grondslag-nl", "version": "2", "hash": "abc123"},
        "engine_version": "0.1.0",
        "facts": [{"fact": "recipient_role", "label": "Ontvanger", "value": "mantelzorger", "value_label": "mantelzorger"}],
        "beroepsgeheim": {"regime": null, "regime_label": "medisch beroepsgeheim", "grounds": ["consent"], "explanation": [item("Toestemming doorbreekt het beroepsgeheim.")]},
        "avg": {"satisfied": true, "bases": [item("Art. 9 lid 2 sub a AVG")], "explanation": [item("Uitdrukkelijke toestemming.")]},
        "conditions": [item("Deel niet meer dan nodig.")],
        "questions": [],
        "required_judgments": [],
        "recorded_judgments": [{"id": "j", "title": "Conflict van plichten", "answers": [
            {"criterion": "c1", "text": "Is er ernstig gevaar?", "answer": true, "reasons": "#import \"x\": *\nGevaar voor het kind."},
            {"criterion": "c2", "text": "Is er een andere weg?", "answer": null, "reasons": null}]}],
        "counterfactuals": [item("Zonder toestemming mag u niet delen.")],
        "notices": [{"id": "n", "text": "Dit is niet volledig nagegaan.", "uncertain": true, "sources": ["art. 7:457 BW"]},
                    {"id": "m", "text": "Informeer de cliënt.", "uncertain": false, "sources": []}],
        "record_in_dossier": [item("De toestemming en wie die gaf.")],
        "trace": [],
        "sources": [source("verified"), source("unverified")]
    }))
    .map_err(|e| PdfError::Input(e.to_string()))
}

pub fn deliberation_doc(r: &grondslag_engine::Report) -> DeliberationReport<'_> {
    DeliberationReport {
        header: header(),
        report: r,
        law_date: "23-11-2026".into(),
        entry: proof(2),
        decision: Some(Decision {
            proof: proof(3),
            fields: vec![
                Field { label: "Gedeeld".into(), value: "ja".into() },
                Field { label: "Redenen".into(), value: "Toestemming geregistreerd.\n#eval(\"1\")".into() },
            ],
        }),
        verification: Verification { ok: true, checkpoint_size: Some(12), problems: Vec::new() },
    }
}

pub fn trajectory_doc() -> TrajectoryReport {
    let text = |seq: u64, label: &str| TextRow {
        rec: rec(seq),
        on: "20-11-2026".into(),
        label: label.into(),
        text: "Veilig Thuis neemt het over.\n]#panic()[".into(),
        more: "Over zes weken navragen.".into(),
    };
    let answer = |seq: u64, number: u8, yes: bool| AnswerRow {
        rec: rec(seq),
        on: "15-11-2026".into(),
        number,
        yes,
        reasons: "Milan zei dat hij bang is.".into(),
        jointly: number == 3,
    };
    let src = Source {
        name: "Rijksoverheid: Afwegingskader meldcode".into(),
        citation: "Afwegingskader".into(),
        url: "https://www.rijksoverheid.nl/".into(),
        status: "niet volledig nagegaan".into(),
        uncertain: true,
    };
    TrajectoryReport {
        header: header(),
        title: "Meldcode — Milan Hoekstra".into(),
        opened_on: "01-11-2026".into(),
        sector: "Maatschappelijke ondersteuning".into(),
        closed: false,
        next: "Volgende stap: het besluit.".into(),
        incomplete: Some("Een deel van dit traject is niet te lezen (dossierregel 9).".into()),
        acute: Some(text(10, "")),
        steps: (1..=5)
            .map(|n| StepRow {
                number: n,
                name: format!("Stap {n}"),
                done: n < 3,
                last: if n < 4 { "10-11-2026".into() } else { String::new() },
            })
            .collect(),
        signals: vec![SignalRow {
            rec: rec(1),
            observed: "01-11-2026".into(),
            recorded: "02-11-2026 09:00".into(),
            source: "Derde".into(),
            detail: "de leerkracht".into(),
            observation: "Blauwe plek op de bovenarm.\nWilde niet naar huis.".into(),
            interpretation: String::new(),
            staff: true,
        }],
        requests: vec![
            RequestRow {
                rec: rec(2),
                on: "03-11-2026".into(),
                of: "aandachtsfunctionaris".into(),
                question: "Wat nu?".into(),
                answered: None,
            },
            RequestRow {
                rec: rec(3),
                on: "03-11-2026".into(),
                of: "Veilig Thuis".into(),
                question: "Advies?".into(),
                answered: Some("04-11-2026".into()),
            },
        ],
        consultations: vec![ConsultRow {
            rec: rec(4),
            on: "04-11-2026".into(),
            with: "Veilig Thuis".into(),
            who: "J. Jansen".into(),
            advice: "Spreek de ouders.".into(),
        }],
        conversations: vec![
            ConversationRow {
                rec: rec(5),
                on: "05-11-2026".into(),
                held: true,
                who_or_why: "moeder".into(),
                text: "Zij herkent het.".into(),
            },
            ConversationRow {
                rec: rec(6),
                on: "06-11-2026".into(),
                held: false,
                who_or_why: "veiligheid".into(),
                text: "Vader is agressief.".into(),
            },
        ],
        questions: (1..=5)
            .map(|n| QuestionRow { number: n, text: format!("Vraag {n}?"), answer: (n < 3).then(|| answer(7, n, n == 1)) })
            .collect(),
        stale: true,
        reading: "Volgens het afwegingskader volgt hieruit: melden.".into(),
        norm: Some("melden bij acute onveiligheid".into()),
        then_ask: true,
        weighing_sources: vec![src.clone()],
        earlier_rounds: vec![vec![answer(7, 1, false)]],
        replaced: vec![answer(8, 2, true)],
        notices: vec![NoticeRow { text: "Het besluit wijkt af van de meldnorm.".into(), sources: vec![src.clone()] }],
        decisions: vec![DecisionRow {
            rec: rec(11),
            on: "18-11-2026".into(),
            report: true,
            own_help: false,
            reasons: "Acuut gevaar.".into(),
            reading: "Melden.".into(),
            acute: true,
        }],
        reports: vec![ReportRow {
            rec: rec(12),
            on: "19-11-2026".into(),
            deliberation: Some(13),
            informed: "Moeder.".into(),
            agreements: String::new(),
        }],
        feedback: vec![text(14, "")],
        acute_history: vec![text(10, "")],
        closures: vec![text(15, "overgedragen aan Veilig Thuis")],
        reopenings: vec![text(16, "")],
        step_sources: vec![src],
        verification: Verification { ok: false, checkpoint_size: None, problems: vec!["Dossierregel 9 staat niet in het logboek.".into()] },
    }
}
