//! What a user may type: the clap types of every command and argument. Their help texts are not
//! here but in the catalogue (`cli-help-…` in `cli.ftl`), set at start by `help.rs` in the
//! language of `--taal`; so no `///` comments on these types, clap would take them for help
//! texts. The CLI's tests compile this file too, so it names nothing but clap and std.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "grondslag", version, long_about = None)]
pub struct Cli {
    #[arg(long, global = true, value_name = "MAP")]
    pub regels: Option<PathBuf>,
    #[arg(long, global = true, value_name = "DATUM")]
    pub datum: Option<String>,
    #[arg(long, global = true, default_value = "nl")]
    pub taal: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    Start(StartArgs),
    Toets {
        #[arg(required = true)]
        paden: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    Controleer {
        #[arg(long)]
        json: bool,
    },
    Vraag {
        #[arg(long)]
        json: bool,
    },
    Beoordeel {
        bestand: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        open: bool,
    },
    Casusoverleg {
        bestand: PathBuf,
        #[arg(long = "deelnemer", value_name = "ROL[=betrokken]", required = true)]
        deelnemers: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    #[command(subcommand)]
    Organisatie(OrganisatieCmd),
    #[command(subcommand)]
    Professional(ProfessionalCmd),
    #[command(subcommand)]
    Client(ClientCmd),
    Vastleggen {
        bestand: PathBuf,
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "ID")]
        professional: String,
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Besluit(Box<BesluitArgs>),
    #[command(subcommand)]
    Toestemming(ToestemmingCmd),
    #[command(subcommand)]
    Dossier(DossierCmd),
    #[command(subcommand)]
    Meldcode(MeldcodeCmd),
    Exporteer {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "BUNDEL.json", required_unless_present = "fhir")]
        naar: Option<PathBuf>,
        #[arg(long)]
        fhir: bool,
        #[command(flatten)]
        opslag: StoreArgs,
    },
    Backup {
        #[arg(long, value_name = "BESTAND")]
        naar: PathBuf,
        #[arg(long, value_name = "MAP", default_value = "grondslag-data")]
        data: PathBuf,
        #[arg(long, value_name = "BESTAND")]
        wachtwoord_bestand: Option<PathBuf>,
    },
    Herstel {
        bestand: PathBuf,
        #[arg(long, value_name = "MAP")]
        naar: PathBuf,
        #[arg(long, value_name = "BESTAND")]
        wachtwoord_bestand: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    Verifieer {
        bundel: Option<PathBuf>,
        #[arg(long, value_name = "ID", conflicts_with = "bundel")]
        organisatie: Option<String>,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Wis {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "SEQ")]
        regel: u64,
        #[command(flatten)]
        opslag: StoreArgs,
    },
}

#[derive(Args, Clone)]
pub struct StartArgs {
    #[arg(long, value_name = "HOST:POORT", default_value = "127.0.0.1:8080")]
    pub adres: String,
    #[arg(long, value_name = "MAP", default_value = "grondslag-data")]
    pub data: PathBuf,
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
    #[arg(long)]
    pub demo: bool,
    #[arg(long, value_name = "NAAM", default_value = "Mijn organisatie")]
    pub organisatie: String,
    #[arg(long)]
    pub https: bool,
    #[arg(long, value_name = "ORIGIN")]
    pub origin: Vec<String>,
    #[arg(long, value_name = "AANTAL", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_verbindingen: u32,
    #[arg(long, value_name = "SECONDEN", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
}

// Where a dossier command keeps its data (flattened into each of them).
#[derive(Args, Clone)]
pub struct StoreArgs {
    #[arg(long, value_name = "MAP", default_value = "grondslag-data")]
    pub data: PathBuf,
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
}

#[derive(Subcommand)]
pub enum OrganisatieCmd {
    Nieuw {
        naam: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Lijst {
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ProfessionalCmd {
    Nieuw {
        #[arg(long, value_name = "ID")]
        organisatie: String,
        #[arg(long)]
        naam: String,
        #[arg(long, default_value = "professional")]
        rol: String,
        #[arg(long)]
        beroep: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ClientCmd {
    Nieuw {
        #[arg(long, value_name = "ID")]
        organisatie: String,
        #[arg(long)]
        referentie: String,
        #[arg(long)]
        naam: String,
        #[arg(long, value_name = "JJJJ-MM-DD")]
        geboortedatum: Option<String>,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ToestemmingCmd {
    Registreer {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "ID")]
        professional: String,
        #[arg(long)]
        door: String,
        #[arg(long, default_value = "client")]
        hoedanigheid: String,
        #[arg(long, value_delimiter = ',', required = true)]
        ontvangers: Vec<String>,
        #[arg(long, value_delimiter = ',', required = true)]
        gegevens: Vec<String>,
        #[arg(long, value_delimiter = ',', required = true)]
        doelen: Vec<String>,
        #[arg(long, value_name = "JJJJ-MM-DD")]
        van: String,
        #[arg(long, value_name = "JJJJ-MM-DD")]
        tot: Option<String>,
        #[arg(long)]
        vorm: String,
        #[arg(long)]
        niet_vrij: bool,
        #[arg(long)]
        niet_geinformeerd_over_gevolgen: bool,
        #[arg(long, default_value = "")]
        notitie: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Intrek {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "ID")]
        professional: String,
        #[arg(long, value_name = "SEQ")]
        regel: u64,
        #[arg(long, value_name = "JJJJ-MM-DD")]
        per: Option<String>,
        #[arg(long, default_value = "de cliënt")]
        door: String,
        #[arg(long, default_value = "")]
        notitie: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum DossierCmd {
    Toon {
        #[arg(long, value_name = "ID")]
        client: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum MeldcodeCmd {
    Toon {
        #[arg(long, value_name = "ID")]
        client: String,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Vastleggen {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "ID")]
        professional: String,
        #[arg(long, value_name = "BESTAND")]
        bestand: PathBuf,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    Overzicht {
        #[arg(long, value_name = "ID")]
        organisatie: String,
        #[arg(long, value_name = "AANTAL", default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..=365))]
        dagen: u32,
        #[command(flatten)]
        opslag: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct BesluitArgs {
    #[arg(long, value_name = "ID")]
    pub client: String,
    #[arg(long, value_name = "ID")]
    pub professional: String,
    #[arg(long, value_name = "SEQ")]
    pub beraad: u64,
    #[arg(long)]
    pub gedeeld: String,
    #[arg(long, default_value = "")]
    pub wat: String,
    #[arg(long)]
    pub ontvanger: String,
    #[arg(long)]
    pub gedeeld_op: Option<String>,
    #[arg(long, conflicts_with = "niet_geinformeerd_omdat")]
    pub client_geinformeerd: Option<String>,
    #[arg(long)]
    pub niet_geinformeerd_omdat: Option<String>,
    #[arg(long)]
    pub redenen: String,
    #[command(flatten)]
    pub opslag: StoreArgs,
    #[arg(long)]
    pub json: bool,
}
