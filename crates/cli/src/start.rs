//! `grondslag start`: the web application on an embedded SQLite database (or PostgreSQL). On
//! first run it creates the organisation's administrator and prints how to log in, once.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context as _;
use grondslag_app::App;
use grondslag_web::{Backend, Config, HashCost, Limits, Web, router};

use grondslag_i18n::tr;

use crate::args::StartArgs;
use crate::common::{Context, outln, tr_args};

pub fn run(ctx: &Context, args: StartArgs) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let addr: SocketAddr = args.adres.parse().with_context(|| tr_args(lang, "cli-start-not-an-address", &[("address", &args.adres)]))?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context(tr(lang, "cli-common-cannot-start-the-runtime"))?;
    rt.block_on(async {
        std::fs::create_dir_all(&args.data)
            .with_context(|| tr_args(lang, "cli-common-data-directory-cannot-be-created", &[("dir", &args.data.display())]))?;
        match &args.database {
            Some(url) => {
                let store = grondslag_store_postgres::PostgresStore::connect(url)
                    .await
                    .context(tr(lang, "cli-common-opening-the-postgresql-database-failed"))?;
                serve(ctx, &args, addr, store).await
            }
            None => {
                let db = args.data.join("grondslag.db");
                let store = grondslag_store_sqlite::SqliteStore::open(&db)
                    .await
                    .with_context(|| tr_args(lang, "cli-common-opening-the-database-failed", &[("db", &db.display())]))?;
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
    let lang = ctx.lang;
    // The web layer words its errors in both languages; the terminal shows the one asked for.
    let in_lang = |e: grondslag_web::WebError| {
        let (nl, en) = e.messages();
        anyhow::anyhow!("{}", if lang == grondslag_rules::Lang::En { en } else { nl })
    };
    let web = Web::new(app, cfg).await.map_err(in_lang)?;
    let listener =
        tokio::net::TcpListener::bind(addr).await.with_context(|| tr_args(lang, "cli-start-cannot-listen-on", &[("address", &addr)]))?;
    let shown = if addr.ip().is_unspecified() { format!("http://127.0.0.1:{}", addr.port()) } else { format!("http://{addr}") };
    if let Some(first) = web.first_run(&args.organisatie).await.map_err(in_lang)? {
        outln!("{}", tr_args(lang, "cli-start-first-run-organisation-created", &[("name", &args.organisatie)]));
        outln!("{}", tr(lang, "cli-start-log-in-once-as-administrator"));
        outln!("  {}", tr_args(lang, "cli-start-login-name", &[("login", &first.login)]));
        outln!("  {}", tr_args(lang, "cli-start-password", &[("password", &first.password)]));
        outln!("{}", tr(lang, "cli-start-this-password-is-not-shown-again"));
    }
    if args.demo
        && let Some((logins, password)) = web.demo().await.map_err(in_lang)?
    {
        outln!("{}", tr_args(lang, "cli-start-demo-organisation-created", &[("password", &password)]));
        for l in logins {
            outln!("  {:<10} {}", l.login, l.who);
        }
        outln!("{}", tr(lang, "cli-start-the-administrator-and-the-privacy-officer"));
    } else if args.demo {
        outln!("{}", tr(lang, "cli-start-demo-organisation-already-exists"));
    }
    outln!("{}", tr_args(lang, "cli-start-grondslag-runs-on", &[("address", &shown)]));
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
    .context(tr(lang, "cli-start-the-server-stopped-with-an-error"))?;
    Ok(ExitCode::SUCCESS)
}
