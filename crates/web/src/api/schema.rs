//! What the API reads and writes, with its OpenAPI schemas. Domain objects keep the field names
//! they have in the dossier and the verification bundle (English, as stored), so what a client
//! posts is what it later finds in an export; the envelopes of the API itself are Dutch.
//!
//! The facts, judgments and reasons of an evaluation follow the scenario format
//! (`shared/scenarios/FORMAT.md`); their schemas (`Feiten`, `Afwegingen`, `Redenen`) are filled
//! in from the server's rule set when the document is served.

use std::borrow::Cow;

use grondslag_app::{DossierStatus, History, HistoryLine, Receipt};
use grondslag_dossier::{Capacity, ConsentDerivation, ConsentRecord, ConsentState, Decision};
use grondslag_store::{AppRole, Professional, StoredAccessEvent};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr, SchemaFormat};
use utoipa::{IntoParams, PartialSchema, ToSchema};

// --- errors ---------------------------------------------------------------------------------

/// The stable error codes (those of `WebError::code`):
///
/// - `niet_ingelogd` (401): not signed in, or the session ended (30 minutes idle, 10 hours at
///   most);
/// - `geen_toegang` (403): the role does not allow this, or the login was refused;
/// - `geen_zorgrelatie` (403): no care relation with this client;
/// - `niet_gevonden` (404): does not exist, or belongs to another organisation;
/// - `ongeldige_invoer` (422, or 400/415 when the request itself cannot be read): the input is
///   not valid; the Dutch message says what to fix;
/// - `conflict` (409): conflicts with the current state (a consent already withdrawn);
/// - `te_veel_pogingen` (429): too many login attempts; wait a minute;
/// - `methode_niet_toegestaan` (405): the address exists, but not for this method;
/// - `te_groot` (413): the request body is larger than this route accepts;
/// - `te_lang_gewacht` (408): the request took longer than the server allows;
/// - `interne_fout` (500): something broke on the server; nothing already recorded was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FoutCode {
    /// 401: not signed in, or the session ended (30 minutes idle, 10 hours at most).
    NietIngelogd,
    /// 403: signed in, but the role does not allow this (or the login was refused).
    GeenToegang,
    /// 403: no care relation with this client (break-the-glass is possible in the web
    /// application).
    GeenZorgrelatie,
    /// 404: does not exist, or belongs to another organisation.
    NietGevonden,
    /// 422: the input is not valid; the Dutch message says what to fix.
    OngeldigeInvoer,
    /// 409: conflicts with the current state (e.g. a consent already withdrawn).
    Conflict,
    /// 429: too many login attempts; wait a minute.
    TeVeelPogingen,
    /// 405: the address exists, but not for this HTTP method (see the `Allow` header).
    MethodeNietToegestaan,
    /// 413: the request body is larger than this route accepts.
    TeGroot,
    /// 408: the request took longer than the server allows.
    TeLangGewacht,
    /// 500: something broke on the server; nothing already recorded was lost.
    InterneFout,
}

impl FoutCode {
    pub const ALL: [FoutCode; 11] = [
        FoutCode::NietIngelogd,
        FoutCode::GeenToegang,
        FoutCode::GeenZorgrelatie,
        FoutCode::NietGevonden,
        FoutCode::OngeldigeInvoer,
        FoutCode::Conflict,
        FoutCode::TeVeelPogingen,
        FoutCode::MethodeNietToegestaan,
        FoutCode::TeGroot,
        FoutCode::TeLangGewacht,
        FoutCode::InterneFout,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FoutCode::NietIngelogd => "niet_ingelogd",
            FoutCode::GeenToegang => "geen_toegang",
            FoutCode::GeenZorgrelatie => "geen_zorgrelatie",
            FoutCode::NietGevonden => "niet_gevonden",
            FoutCode::OngeldigeInvoer => "ongeldige_invoer",
            FoutCode::Conflict => "conflict",
            FoutCode::TeVeelPogingen => "te_veel_pogingen",
            FoutCode::MethodeNietToegestaan => "methode_niet_toegestaan",
            FoutCode::TeGroot => "te_groot",
            FoutCode::TeLangGewacht => "te_lang_gewacht",
            FoutCode::InterneFout => "interne_fout",
        }
    }
}

/// An error: `{"fout": {"code", "bericht", "message"}}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FoutAntwoord {
    pub fout: Fout,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Fout {
    /// Stable, machine-readable code.
    pub code: FoutCode,
    /// What went wrong and what to do, in Dutch (the authoritative text).
    pub bericht: String,
    /// The same in English (shorter for input errors: see the Dutch message).
    pub message: String,
}

// --- sessions -------------------------------------------------------------------------------

/// Signing in with a login name, password and, for an account with a second factor, a code.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Inloggen {
    #[schema(max_length = 200)]
    pub inlognaam: String,
    #[schema(max_length = 256)]
    pub wachtwoord: String,
    /// The second factor, required for an account that has one: the 6-digit code (TOTP,
    /// RFC 6238, 30-second steps) from the authenticator app, or one of the account's recovery
    /// codes (each works once). A code is accepted once; the next login needs the next code.
    #[serde(default)]
    #[schema(max_length = 64, examples("123456"))]
    pub code: Option<String>,
}

/// The application role (what the account may do, not the profession).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rol {
    /// A care professional: deliberations and dossiers of their own clients.
    Professional,
    /// A designated officer (aandachtsfunctionaris): as a professional.
    Aandachtsfunctionaris,
    /// Reads the access log and verifies the organisation; never a dossier.
    PrivacyOfficer,
    /// Manages accounts, clients and care relations; never a dossier.
    Administrator,
}

impl From<AppRole> for Rol {
    fn from(r: AppRole) -> Self {
        match r {
            AppRole::Professional => Rol::Professional,
            AppRole::Aandachtsfunctionaris => Rol::Aandachtsfunctionaris,
            AppRole::PrivacyOfficer => Rol::PrivacyOfficer,
            AppRole::Administrator => Rol::Administrator,
        }
    }
}

/// The signed-in professional.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProfessionalUit {
    pub id: String,
    pub naam: String,
    pub rol: Rol,
    /// The profession: a role id of the rule set (e.g. `huisarts`).
    pub beroep: String,
}

impl From<Professional> for ProfessionalUit {
    fn from(p: Professional) -> Self {
        ProfessionalUit { id: p.id.into_string(), naam: p.name, rol: p.app_role.into(), beroep: p.profession }
    }
}

/// A new session.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Sessie {
    /// Send as `Authorization: Bearer <token>`. Only its SHA-256 is stored on the server.
    pub token: String,
    pub professional: ProfessionalUit,
    /// When the session ends at the latest (RFC 3339, UTC); it ends earlier after 30 minutes
    /// without a request.
    #[schema(format = DateTime)]
    pub verloopt: String,
}

// --- evaluation and deliberation ------------------------------------------------------------

/// The language of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Taal {
    Nl,
    En,
}

/// A case to evaluate, in the scenario format's terms (`shared/scenarios/FORMAT.md`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Beoordeling {
    /// The facts answered so far; a fact left out (or `null`) is unknown.
    #[schema(value_type = Feiten)]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// The professional's own answers to open norms: per judgment, per criterion `true`/`false`.
    #[serde(default)]
    #[schema(value_type = Option<Afwegingen>)]
    pub judgments: Option<serde_json::Map<String, serde_json::Value>>,
    /// The professional's reasons: per judgment, per criterion, their own words.
    #[serde(default)]
    #[schema(value_type = Option<Redenen>)]
    pub reasons: Option<serde_json::Map<String, serde_json::Value>>,
    /// The date of the law applied (JJJJ-MM-DD); default today.
    #[serde(default)]
    #[schema(format = Date, example = "2026-11-23")]
    pub datum: Option<String>,
    /// The language of the answer; default Dutch.
    #[serde(default)]
    pub taal: Option<Taal>,
}

/// Preparing a casusoverleg: the circumstances once, and who sits at the table. Each participant
/// is a recipient of its own; `recipient_role` and `recipient_in_treatment_relation` therefore
/// come from `deelnemers`, not from `facts`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Casusoverleg {
    /// The facts of the scenario format that hold for every participant (the professional's
    /// `sender_role`, `purpose`, `data_categories`, `client_age`, `consent` …); the format's
    /// defaults fill in what is left out, and `request_from` is `none` unless given.
    #[schema(value_type = Feiten)]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// The participants, 1 to 20.
    pub deelnemers: Vec<Deelnemer>,
    /// The date of the law applied (JJJJ-MM-DD); default today.
    #[serde(default)]
    #[schema(format = Date, example = "2026-11-23")]
    pub datum: Option<String>,
    /// The language of the answers; default Dutch.
    #[serde(default)]
    pub taal: Option<Taal>,
}

/// One participant of a casusoverleg.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Deelnemer {
    /// The participant's role, from the scenario format's roles (`leraar`, `huisarts` …).
    #[schema(example = "leraar")]
    pub rol: String,
    /// The participant gives this client care or help itself (then it may be no derde).
    #[serde(default)]
    pub betrokken: bool,
}

/// The answer per participant, what to leave out to discuss the case without names, and the
/// rule set's words on convenanten.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasusoverlegAntwoord {
    pub deelnemers: Vec<DeelnemerAntwoord>,
    /// What identifies a client and is left out of an anonymous discussion.
    pub anoniem: Vec<String>,
    /// A convenant is never a ground.
    pub convenant: String,
}

/// One participant's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeelnemerAntwoord {
    pub rol: String,
    pub betrokken: bool,
    /// The engine's answer with this participant as recipient.
    #[schema(value_type = Verslag)]
    pub verslag: serde_json::Value,
}

/// How the facts are read.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeitenOpties {
    /// `true`: do not fill in the scenario format's defaults (e.g. `client_objects: false`), so
    /// every relevant fact that is left out is asked. Default `false`.
    pub open: Option<bool>,
}

/// The facts of a case (scenario format). A fact left out, or `null`, is unknown.
pub struct Feiten;

impl PartialSchema for Feiten {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some("De feiten, in de termen van het scenarioformaat (shared/scenarios/FORMAT.md). Een feit dat ontbreekt of null is, is onbekend."))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for Feiten {
    fn name() -> Cow<'static, str> {
        "Feiten".into()
    }
}

/// The professional's answers to open norms.
pub struct Afwegingen;

impl PartialSchema for Afwegingen {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some("Per afweging (open norm), per criterium het eigen oordeel van de professional: true of false."))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for Afwegingen {
    fn name() -> Cow<'static, str> {
        "Afwegingen".into()
    }
}

/// The professional's reasons for their answers.
pub struct Redenen;

impl PartialSchema for Redenen {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some("Per afweging, per criterium de redenen van de professional, in eigen woorden."))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for Redenen {
    fn name() -> Cow<'static, str> {
        "Redenen".into()
    }
}

/// The engine's answer (`grondslag_engine::Report`), as `grondslag beoordeel --json` prints it.
pub struct Verslag;

fn object_array(description: &str) -> ArrayBuilder {
    ArrayBuilder::new().description(Some(description)).items(ObjectBuilder::new().schema_type(Type::Object))
}

impl PartialSchema for Verslag {
    fn schema() -> RefOr<Schema> {
        let outcome = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(["must_share", "may_share", "may_share_after_weighing", "may_not_share", "undetermined"]))
            .description(Some(
                "De uitkomst: moet delen, mag delen, mag delen na afweging, mag niet delen, of nog onbepaald (zie `questions`).",
            ));
        let ruleset = ObjectBuilder::new()
            .property("name", ObjectBuilder::new().schema_type(Type::String))
            .property("version", ObjectBuilder::new().schema_type(Type::String))
            .property("hash", ObjectBuilder::new().schema_type(Type::String).description(Some("SHA-256 (hex) over alle regelbestanden.")))
            .required("name")
            .required("version")
            .required("hash");
        let mut b = ObjectBuilder::new()
            .description(Some(
                "Het antwoord van de engine met bronvermelding (grondslag_engine::Report). Het beroepsgeheim en de AVG staan als twee \
                 aparte lagen in `beroepsgeheim` en `avg`; open normen blijven het oordeel van de professional.",
            ))
            .property("outcome", outcome)
            .property("outcome_label", ObjectBuilder::new().schema_type(Type::String))
            .property("summary", ObjectBuilder::new().schema_type(Type::String))
            .property("date", ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))))
            .property("ruleset", ruleset)
            .property("engine_version", ObjectBuilder::new().schema_type(Type::String))
            .property("facts", object_array("De feiten waarop het antwoord rust: fact, label, value, value_label."))
            .property(
                "beroepsgeheim",
                ObjectBuilder::new().description(Some("De laag van het beroepsgeheim: regime, gronden (`grounds`), uitleg.")),
            )
            .property(
                "avg",
                ObjectBuilder::new().description(Some("De AVG-laag: of er een grondslag is (`satisfied`), de grondslagen en uitleg.")),
            )
            .property("conditions", object_array("Voorwaarden (id, text, sources)."))
            .property("questions", object_array("De volgende vragen (bij `undetermined`), minst ingrijpend eerst."))
            .property("required_judgments", object_array("Afwegingen die de professional zelf moet maken."))
            .property("recorded_judgments", object_array("De afwegingen zoals de professional ze gaf, met redenen."))
            .property("counterfactuals", object_array("Wat het antwoord zou veranderen."))
            .property("notices", object_array("Waarschuwingen en onzekerheden."))
            .property("record_in_dossier", object_array("Wat in het dossier hoort."))
            .property("trace", object_array("Per route: status, vereisten en bronnen."))
            .property(
                "sources",
                object_array(
                    "De geciteerde bronnen: id, publisher (uitgever), title, citation (korte citeerwijze), url (openbaar adres) en \
                     status (verified, partly_verified of unverified; alleen verified is volledig nagegaan).",
                ),
            )
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)));
        for r in [
            "outcome",
            "outcome_label",
            "summary",
            "date",
            "ruleset",
            "engine_version",
            "facts",
            "beroepsgeheim",
            "avg",
            "conditions",
            "questions",
            "sources",
        ] {
            b = b.required(r);
        }
        b.into()
    }
}

impl ToSchema for Verslag {
    fn name() -> Cow<'static, str> {
        "Verslag".into()
    }
}

/// How the `consent` fact was derived from the client's consent registry.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Toestemmingsafleiding {
    /// The value of the `consent` fact: `given`, `withdrawn`, `out_of_scope`, `not_asked`, or
    /// `unknown` while recipient, data or purpose are not known.
    pub consent: String,
    /// The `consent_freely_given` fact, when a consent was relied on.
    pub freely_given: Option<bool>,
    /// The consent entry (sequence number in the dossier) relied on, or withdrawn.
    pub relied_on: Option<u64>,
    /// Dutch: why the registry gives this value.
    pub explanation: String,
}

impl From<ConsentDerivation> for Toestemmingsafleiding {
    fn from(d: ConsentDerivation) -> Self {
        Toestemmingsafleiding {
            consent: d.consent.to_owned(),
            freely_given: d.freely_given,
            relied_on: d.relied_on,
            explanation: d.explanation,
        }
    }
}

/// A few plain lines to paste into the professional's own record system (EHR, client system).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Dossiertekst {
    /// The entry asked for (a deliberation or a decision).
    pub dossierregel: u64,
    /// The text, lines separated by `\n`.
    pub tekst: String,
}

/// A receipt for an entry: where it landed in the log and the proof that the signed checkpoint
/// contains it. Check it with the organisation's published key (`grondslag-verify`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Ontvangstbewijs {
    /// The dossier's id.
    pub dossier: String,
    /// The entry's sequence number in the dossier (`dossierregel`).
    pub seq: u64,
    /// The entry's leaf index in the organisation's Merkle tree.
    pub leaf_index: u64,
    /// Base64 of the entry's leaf hash.
    pub leaf_hash: String,
    /// The size of the signed tree.
    pub tree_size: u64,
    /// The signed checkpoint (C2SP signed note, Ed25519).
    pub checkpoint: String,
    /// The inclusion proof (base64 hashes, deepest first).
    pub inclusion_proof: Vec<String>,
}

impl From<Receipt> for Ontvangstbewijs {
    fn from(r: Receipt) -> Self {
        Ontvangstbewijs {
            dossier: r.dossier.into_string(),
            seq: r.seq,
            leaf_index: r.leaf_index,
            leaf_hash: r.leaf_hash,
            tree_size: r.tree_size,
            checkpoint: r.checkpoint,
            inclusion_proof: r.inclusion_proof,
        }
    }
}

/// A recorded deliberation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Beraad {
    #[schema(value_type = Verslag)]
    pub report: serde_json::Value,
    pub toestemming: Toestemmingsafleiding,
    pub ontvangstbewijs: Ontvangstbewijs,
}

// --- clients and dossiers -------------------------------------------------------------------

/// A search in your clients (all optional; every part given must match).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientZoekfilter {
    /// (Part of) the name: every word must occur in the name, case-insensitively.
    #[param(max_length = 200)]
    pub naam: Option<String>,
    /// The complete reference (e.g. the client number); references are not searched in part.
    #[param(max_length = 100)]
    pub referentie: Option<String>,
    /// The date of birth, JJJJ-MM-DD (or DD-MM-JJJJ).
    #[param(max_length = 10, example = "1984-07-19")]
    pub geboortedatum: Option<String>,
}

/// A client the professional has a care relation with.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ClientUit {
    pub id: String,
    pub naam: String,
    /// JJJJ-MM-DD, when known.
    pub geboortedatum: Option<String>,
}

/// One line of a dossier.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Dossierregel {
    pub seq: u64,
    pub leaf_index: u64,
    /// `deliberation`, `decision`, `consent`, `consent.revocation`, `disclosure`, `correction`, `meldcode`.
    pub kind: String,
    /// RFC 3339, UTC.
    pub ts: String,
    /// The professional's name and profession.
    pub actor: String,
    /// Dutch one-line summary; `inhoud gewist` when the content was erased.
    pub summary: String,
    pub erased: bool,
}

impl From<&HistoryLine> for Dossierregel {
    fn from(h: &HistoryLine) -> Self {
        Dossierregel {
            seq: h.seq,
            leaf_index: h.leaf_index,
            kind: h.kind.clone(),
            ts: h.ts.clone(),
            actor: h.actor.clone(),
            summary: h.summary.clone(),
            erased: h.erased,
        }
    }
}

/// The dossier's verification status.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Dossierstatus {
    /// Everything below holds.
    pub ok: bool,
    /// The dossier's hash chain is intact.
    pub chain_ok: bool,
    /// The latest checkpoint's signature verifies with the organisation's key.
    pub checkpoint_ok: bool,
    pub checkpoint_size: Option<u64>,
    /// Every entry is included in the latest checkpoint's tree.
    pub inclusion_ok: bool,
    /// Dutch: what failed, naming the entry.
    pub problems: Vec<String>,
}

impl From<&DossierStatus> for Dossierstatus {
    fn from(s: &DossierStatus) -> Self {
        Dossierstatus {
            ok: s.ok(),
            chain_ok: s.chain_ok,
            checkpoint_ok: s.checkpoint_ok,
            checkpoint_size: s.checkpoint_size,
            inclusion_ok: s.inclusion_ok,
            problems: s.problems.clone(),
        }
    }
}

/// A client's dossier with its verification status.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Dossier {
    pub dossier: String,
    pub client: String,
    /// Oldest first.
    pub lines: Vec<Dossierregel>,
    pub status: Dossierstatus,
}

impl From<&History> for Dossier {
    fn from(h: &History) -> Self {
        Dossier {
            dossier: h.dossier.to_string(),
            client: h.client.to_string(),
            lines: h.lines.iter().map(Dossierregel::from).collect(),
            status: (&h.status).into(),
        }
    }
}

/// A decision after a deliberation (mirrors `grondslag_dossier::Decision`, as stored).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Besluit {
    /// The deliberation (its `seq` in this dossier) this decision follows.
    pub deliberation_seq: u64,
    /// Whether information was shared.
    pub shared: bool,
    /// What was shared, in the professional's words (required when shared; at most 4000 characters).
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub what: String,
    /// With whom (required when shared; at most 300 characters).
    #[serde(default)]
    #[schema(max_length = 300)]
    pub recipient: String,
    /// When it was shared (RFC 3339 or JJJJ-MM-DD), if it was.
    #[serde(default)]
    pub shared_at: Option<String>,
    /// When and how the client was informed (at most 1000 characters). Give this or
    /// `client_not_informed_reason`.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub client_informed: Option<String>,
    /// Why the client was not informed (at most 2000 characters).
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub client_not_informed_reason: Option<String>,
    /// The professional's reasons (required; at most 4000 characters).
    #[schema(min_length = 1, max_length = 4000)]
    pub reasons: String,
}

/// In which capacity a consent was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Hoedanigheid {
    Client,
    ParentWithAuthority,
    Guardian,
    Curator,
    Mentor,
    WrittenProxy,
    Partner,
    Family,
}

impl From<Hoedanigheid> for Capacity {
    fn from(h: Hoedanigheid) -> Self {
        match h {
            Hoedanigheid::Client => Capacity::Client,
            Hoedanigheid::ParentWithAuthority => Capacity::ParentWithAuthority,
            Hoedanigheid::Guardian => Capacity::Guardian,
            Hoedanigheid::Curator => Capacity::Curator,
            Hoedanigheid::Mentor => Capacity::Mentor,
            Hoedanigheid::WrittenProxy => Capacity::WrittenProxy,
            Hoedanigheid::Partner => Capacity::Partner,
            Hoedanigheid::Family => Capacity::Family,
        }
    }
}

impl From<Capacity> for Hoedanigheid {
    fn from(c: Capacity) -> Self {
        match c {
            Capacity::Client => Hoedanigheid::Client,
            Capacity::ParentWithAuthority => Hoedanigheid::ParentWithAuthority,
            Capacity::Guardian => Hoedanigheid::Guardian,
            Capacity::Curator => Hoedanigheid::Curator,
            Capacity::Mentor => Hoedanigheid::Mentor,
            Capacity::WrittenProxy => Hoedanigheid::WrittenProxy,
            Capacity::Partner => Hoedanigheid::Partner,
            Capacity::Family => Hoedanigheid::Family,
        }
    }
}

/// How a consent was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Toestemmingsvorm {
    Oral,
    Written,
    Digital,
}

impl From<Toestemmingsvorm> for grondslag_dossier::ConsentForm {
    fn from(v: Toestemmingsvorm) -> Self {
        match v {
            Toestemmingsvorm::Oral => grondslag_dossier::ConsentForm::Oral,
            Toestemmingsvorm::Written => grondslag_dossier::ConsentForm::Written,
            Toestemmingsvorm::Digital => grondslag_dossier::ConsentForm::Digital,
        }
    }
}

impl From<grondslag_dossier::ConsentForm> for Toestemmingsvorm {
    fn from(v: grondslag_dossier::ConsentForm) -> Self {
        match v {
            grondslag_dossier::ConsentForm::Oral => Toestemmingsvorm::Oral,
            grondslag_dossier::ConsentForm::Written => Toestemmingsvorm::Written,
            grondslag_dossier::ConsentForm::Digital => Toestemmingsvorm::Digital,
        }
    }
}

/// A consent (mirrors `grondslag_dossier::ConsentRecord`, as stored). It counts for a
/// disclosure only when freely given and covering the recipient, every category of data and the
/// purpose, in force on the date and not withdrawn.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Toestemming {
    /// Who gave it (at most 200 characters).
    #[schema(min_length = 1, max_length = 200)]
    pub given_by: String,
    pub capacity: Hoedanigheid,
    /// Role ids of the rule set (values of `recipient_role`), at least one.
    pub recipient_roles: Vec<String>,
    /// Values of the `data_categories` fact, at least one.
    pub data_categories: Vec<String>,
    /// Values of the `purpose` fact, at least one.
    pub purposes: Vec<String>,
    /// JJJJ-MM-DD.
    #[schema(format = Date)]
    pub valid_from: String,
    /// JJJJ-MM-DD; none: until withdrawn.
    #[serde(default)]
    #[schema(format = Date)]
    pub valid_to: Option<String>,
    pub form: Toestemmingsvorm,
    /// False when the client depends on the recipient or requester (benefit, provision, job).
    pub freely_given: bool,
    pub informed_of_consequences: bool,
    /// A note (at most 2000 characters).
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
}

impl From<&ConsentRecord> for Toestemming {
    fn from(r: &ConsentRecord) -> Self {
        Toestemming {
            given_by: r.given_by.clone(),
            capacity: r.capacity.into(),
            recipient_roles: r.recipient_roles.clone(),
            data_categories: r.data_categories.clone(),
            purposes: r.purposes.clone(),
            valid_from: r.valid_from.to_string(),
            valid_to: r.valid_to.map(|d| d.to_string()),
            form: r.form.into(),
            freely_given: r.freely_given,
            informed_of_consequences: r.informed_of_consequences,
            note: r.note.clone(),
        }
    }
}

/// A registered consent with its place in the dossier and whether it was withdrawn.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GeregistreerdeToestemming {
    /// The consent entry's sequence number in the dossier.
    pub seq: u64,
    pub record: Toestemming,
    /// From when it was withdrawn (JJJJ-MM-DD), if it was.
    #[schema(format = Date)]
    pub withdrawn_on: Option<String>,
}

impl From<&ConsentState> for GeregistreerdeToestemming {
    fn from(s: &ConsentState) -> Self {
        GeregistreerdeToestemming { seq: s.seq, record: (&s.record).into(), withdrawn_on: s.withdrawn_on.map(|d| d.to_string()) }
    }
}

/// Withdrawing a consent.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Intrekking {
    /// Who withdrew it (at most 200 characters).
    pub door: String,
    /// From when (JJJJ-MM-DD); default today.
    #[serde(default)]
    #[schema(format = Date)]
    pub per: Option<String>,
    /// A note (at most 2000 characters).
    #[serde(default)]
    pub notitie: Option<String>,
}

// --- verification ---------------------------------------------------------------------------

/// A verification bundle (`grondslag-bundle/1`, see docs/ledger.md): entries, their content
/// where disclosed, inclusion proofs, the signed checkpoint and the keys.
pub struct Bundel;

impl PartialSchema for Bundel {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some(
                "Een verificatiebundel (formaat grondslag-bundle/1, zie docs/ledger.md): de regels van één dossier met hun inhoud, \
                 inclusiebewijzen, het ondertekende checkpoint en de sleutels. Offline te controleren met grondslag-verify.",
            ))
            .property("format", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["grondslag-bundle/1"])))
            .required("format")
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for Bundel {
    fn name() -> Cow<'static, str> {
        "Bundel".into()
    }
}

/// The FHIR R4 export of a client (documented loosely: its resources are FHIR's own, defined by
/// HL7 at https://hl7.org/fhir/R4/; CI checks them against those definitions).
pub struct FhirBundel;

impl PartialSchema for FhirBundel {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some(
                "Een FHIR R4 (4.0.1) Bundle van type collection (https://hl7.org/fhir/R4/bundle.html): de cliënt als Patient \
                 (alleen het Grondslag-id, geen naam of geboortedatum), de organisatie, het toestemmingsregister als Consent, \
                 verslagen van beraden als DocumentReference, elke dossierregel als Provenance (met het ontvangstbewijs als \
                 handtekening) en het NEN 7513-toegangslog van de cliënt als AuditEvent (alleen ids en vaste codes). Elke \
                 fullUrl is een urn:uuid; verwijzingen binnen de bundel wijzen naar zo'n fullUrl.",
            ))
            .property("resourceType", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["Bundle"])))
            .property("type", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["collection"])))
            .property(
                "entry",
                ArrayBuilder::new().items(
                    ObjectBuilder::new()
                        .schema_type(SchemaType::Type(Type::Object))
                        .property("fullUrl", ObjectBuilder::new().schema_type(Type::String).pattern(Some("^urn:uuid:[0-9a-f-]{36}$")))
                        .property(
                            "resource",
                            ObjectBuilder::new()
                                .schema_type(SchemaType::Type(Type::Object))
                                .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true))),
                        )
                        .required("fullUrl")
                        .required("resource")
                        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false))),
                ),
            )
            .required("resourceType")
            .required("type")
            .required("entry")
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for FhirBundel {
    fn name() -> Cow<'static, str> {
        "FhirBundel".into()
    }
}

/// What verifying a bundle covered.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Bundelrapport {
    pub origin: String,
    pub tree_size: u64,
    /// Base64 of the tree's root hash.
    pub root: String,
    /// The key whose signature verified. Compare it with the organisation's independently
    /// published key: the bundle carries its own keys.
    pub key: String,
    pub org: String,
    pub dossier: String,
    pub entries: usize,
    pub last_seq: u64,
    /// Entries whose content was present and matched its commitment.
    pub payloads_verified: usize,
    /// Entries whose content was withheld or erased (only the commitment remains).
    pub payloads_absent: usize,
    /// Old tree sizes of the verified consistency proofs.
    pub consistent_with: Vec<u64>,
}

/// A bundle that verified.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Bundelverificatie {
    /// `true` when the bundle is of this organisation, signed with its key, complete and the
    /// latest stand of the dossier (a bundle that fails gives 422).
    pub ok: bool,
    /// The bundle is of the signed-in user's organisation and was checked against its own key
    /// and stored log; `false`: only against the keys it carries.
    pub eigen_organisatie: bool,
    /// How many entries the dossier has now (bundles of the own organisation).
    pub regels_nu: Option<usize>,
    /// Why `ok` is false, in Dutch: e.g. not the latest stand of the dossier.
    pub bevindingen: Vec<String>,
    pub report: Bundelrapport,
}

/// The verification of the organisation's ledger.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Logboekverificatie {
    pub ok: bool,
    pub dossiers: Option<usize>,
    pub entries: Option<u64>,
    pub tree_size: Option<u64>,
    /// The size of the latest signed checkpoint.
    pub checkpoint_size: Option<u64>,
    /// The organisation's verifier key (publish it elsewhere).
    pub key: Option<String>,
    /// Dutch: what failed.
    pub problem: Option<String>,
}

/// The verification of the access log's hash chain.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Toegangslogverificatie {
    pub ok: bool,
    pub events: usize,
    /// Dutch: what failed.
    pub problem: Option<String>,
}

/// Verification of everything the organisation stored.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Organisatieverificatie {
    /// Both hold.
    pub ok: bool,
    pub logboek: Logboekverificatie,
    pub toegangslog: Toegangslogverificatie,
}

// --- the access log -------------------------------------------------------------------------

/// Filters and paging of the access log (newest first).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ToegangslogFilter {
    /// Only events about this client (id).
    pub client: Option<String>,
    /// Only events of this professional (id).
    pub gebruiker: Option<String>,
    /// Only events from this day on (JJJJ-MM-DD, Dutch time).
    #[param(max_length = 10, example = "2026-11-01")]
    pub van: Option<String>,
    /// Only events up to and including this day (JJJJ-MM-DD, Dutch time).
    #[param(max_length = 10, example = "2026-11-30")]
    pub tot: Option<String>,
    /// Only events with a sequence number below this one (the next page).
    pub voor: Option<u64>,
    /// At most this many events (1–1000, default 100).
    pub limiet: Option<u32>,
}

/// One access event (NEN 7513).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Toegangsgebeurtenis {
    pub seq: u64,
    /// RFC 3339, UTC, with milliseconds.
    pub ts: String,
    /// The professional's id.
    pub user: String,
    /// Their application role at the time.
    pub user_role: String,
    /// The client whose dossier was concerned.
    pub client: Option<String>,
    /// A fixed action code, e.g. `dossier.lezen`.
    pub action: String,
    /// What the permission rested on (`zorgrelatie`, `doorbraak:<id>`, `rol:<role>`), or why it
    /// was refused (`geweigerd:<reason>`).
    pub authorisation: String,
    pub allowed: bool,
    /// The network address of the request.
    pub source: String,
}

impl From<&StoredAccessEvent> for Toegangsgebeurtenis {
    fn from(s: &StoredAccessEvent) -> Self {
        let e = &s.event;
        Toegangsgebeurtenis {
            seq: s.seq,
            ts: e.ts.clone(),
            user: e.user.clone(),
            user_role: e.user_role.clone(),
            client: e.client.clone(),
            action: e.action.clone(),
            authorisation: e.authorisation.clone(),
            allowed: e.allowed,
            source: e.source.clone(),
        }
    }
}

/// A page of the access log.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Toegangslog {
    /// Newest first.
    pub gebeurtenissen: Vec<Toegangsgebeurtenis>,
    /// Pass as `voor` for the next (older) page; absent on the last page.
    pub volgende_voor: Option<u64>,
}

/// Builds a [`Decision`] from the API body (checked by the caller).
impl From<Besluit> for Decision {
    fn from(b: Besluit) -> Self {
        Decision {
            deliberation_seq: b.deliberation_seq,
            shared: b.shared,
            what: b.what,
            recipient: b.recipient,
            shared_at: b.shared_at,
            client_informed: b.client_informed,
            client_not_informed_reason: b.client_not_informed_reason,
            reasons: b.reasons,
        }
    }
}

/// A one-of helper for the rule-set schemas: an integer or one fixed string.
pub(crate) fn integer_or(word: &str, min: i64, max: i64, description: &str) -> Schema {
    OneOfBuilder::new()
        .item(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(min)).maximum(Some(max)))
        .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some([word])))
        .description(Some(description))
        .into()
}

pub(crate) fn string_enum<I: IntoIterator<Item = String>>(values: I, description: &str) -> Schema {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values)).description(Some(description)).into()
}

pub(crate) fn string_set<I: IntoIterator<Item = String>>(values: I, description: &str) -> Schema {
    ArrayBuilder::new()
        .items(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values)))
        .min_items(Some(1))
        .unique_items(true)
        .description(Some(description))
        .into()
}

pub(crate) fn boolean(description: &str) -> Schema {
    ObjectBuilder::new().schema_type(Type::Boolean).description(Some(description)).into()
}

pub(crate) fn text(description: &str) -> Schema {
    ObjectBuilder::new().schema_type(Type::String).description(Some(description)).into()
}
