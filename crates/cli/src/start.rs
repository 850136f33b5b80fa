//! `grondslag start`: the web application on an embedded SQLite database (or PostgreSQL). On
//! first run it creates the organisation's administrator and prints how to log in, once.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use grondslag_app::App;
use grondslag_web::{Backend, Config, HashCost, Limits, Web, router};

use crate::common::{Context, outln};

#[derive(Args, Clone)]
pub struct StartArgs {
    /// Adres en poort waarop de server luistert.
    #[arg(long, value_name = "HOST:POORT", default_value = "127.0.0.1:8080")]
    pub adres: String,
    /// De gegevensmap (database en sleutels).
    #[arg(long, value_name = "MAP", default_value = "grondslag-data")]
    pub data: PathBuf,
    /// PostgreSQL in plaats van SQLite (postgres://…); de sleutels blijven in --data.
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
    /// Vul een demo-organisatie met fictieve professionals en cliënten.
    #[arg(long)]
    pub demo: bool,
    /// Naam van de organisatie die bij de eerste start wordt aangemaakt.
    #[arg(long, value_name = "NAAM", default_value = "Mijn organisatie")]
    pub organisatie: String,
    /// De server staat achter HTTPS (cookies alleen over HTTPS, met __Host-prefix).
    #[arg(long)]
    pub https: bool,
    /// Publiek adres (origin) dat formulieren mag posten, bijv. https://grondslag.example.nl.
    #[arg(long, value_name = "ORIGIN")]
    pub origin: Vec<String>,
    /// Hoeveel verbindingen tegelijk open mogen zijn; meer wachten tot er een sluit.
    #[arg(long, value_name = "AANTAL", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_verbindingen: u32,
    /// Seconden waarin een browser de kopregels van een verzoek moet sturen; anders wordt de verbinding gesloten.
    #[arg(long, value_name = "SECONDEN", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
}

pub fn run(ctx: &Context, args: StartArgs) -> anyhow::Result<ExitCode> {
    let addr: SocketAddr =
        args.adres.parse().with_context(|| format!("'{}' is geen adres; schrijf bijvoorbeeld 127.0.0.1:8080", args.adres))?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("kan de runtime niet starten")?;
    rt.block_on(async {
        std::fs::create_dir_all(&args.data).with_context(|| format!("gegevensmap {} kan niet gemaakt worden", args.data.display()))?;
        match &args.database {
            Some(url) => {
                let store = grondslag_store_postgres::PostgresStore::connect(url).await.context("PostgreSQL-database openen mislukt")?;
                serve(ctx, &args, addr, store).await
            }
            None => {
                let db = args.data.join("grondslag.db");
                let store = grondslag_store_sqlite::SqliteStore::open(&db)
                    .await
                    .with_context(|| format!("database {} openen mislukt", db.display()))?;
                serve(ctx, &args, addr, store).await
            }
        }
    })
}

/// Technical logging for the server: to stderr, level from `GRONDSLAG_LOG` (default `info`).
/// Only fixed codes and technical facts are logged, never client data.
fn init_logging() {
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("GRONDSLAG_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second call (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(false).try_init();
}

async fn serve<S: Backend>(ctx: &Context, args: &StartArgs, addr: SocketAddr, store: S) -> anyhow::Result<ExitCode> {
    init_logging();
    let app = App::new(store, &args.data, ctx.rules.clone());
    let cfg = Config { secure_cookies: args.https, hash_cost: HashCost::PRODUCTION, trusted_origins: args.origin.clone() };
    let web = Web::new(app, cfg).await.map_err(|e| anyhow::anyhow!("{}", e.messages().0))?;
    let listener =
        tokio::net::TcpListener::bind(addr).await.with_context(|| format!("kan niet luisteren op {addr} (is de poort al in gebruik?)"))?;
    let shown = if addr.ip().is_unspecified() { format!("http://127.0.0.1:{}", addr.port()) } else { format!("http://{addr}") };
    if let Some(first) = web.first_run(&args.organisatie).await.map_err(|e| anyhow::anyhow!("{}", e.messages().0))? {
        outln!("Eerste start: organisatie '{}' aangemaakt.", args.organisatie);
        outln!("Log eenmalig in als beheerder:");
        outln!("  inlognaam:  {}", first.login);
        outln!("  wachtwoord: {}", first.password);
        outln!("Dit wachtwoord wordt niet nog eens getoond. Bij het eerste inloggen stelt u een tweede factor in");
        outln!("(een authenticator-app op uw telefoon) en kiest u een eigen wachtwoord. Maak daarna accounts aan");
        outln!("onder Beheer; wie een account krijgt, kiest bij het eerste inloggen ook een eigen wachtwoord.");
    }
    if args.demo
        && let Some((logins, password)) = web.demo().await.map_err(|e| anyhow::anyhow!("{}", e.messages().0))?
    {
        outln!("Demo-organisatie aangemaakt (fictieve gegevens). Inlognamen, wachtwoord '{password}':");
        for l in logins {
            outln!("  {:<10} {}", l.login, l.who);
        }
        outln!("De beheerder en de privacyfunctionaris stellen bij het eerste inloggen een tweede factor in (authenticator-app).");
    } else if args.demo {
        outln!("Demo-organisatie bestaat al; inlognamen huisarts, jeugd, aandacht, privacy, beheer (wachtwoord demo-wachtwoord-oost).");
    }
    outln!("Grondslag draait op {shown} — stop met Ctrl+C.");
    tracing::info!(address = %addr, "server gestart");
    // Drafts nobody finished are removed after a week.
    let cleaner = web.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let _ = grondslag_store::AccessStore::delete_drafts_before(
                cleaner.store(),
                grondslag_web::now_ms().saturating_sub(grondslag_web::draft::DRAFT_TTL),
            )
            .await;
        }
    });
    let limits = Limits {
        max_connections: usize::try_from(args.max_verbindingen).unwrap_or(usize::MAX),
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
        ..Limits::default()
    };
    grondslag_web::serve(listener, router(web), limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .context("de server stopte met een fout")?;
    Ok(ExitCode::SUCCESS)
}
