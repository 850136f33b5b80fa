//! `grondslag backup` and `grondslag herstel`: an encrypted backup of a data directory (a
//! consistent snapshot of the SQLite database plus the organisations' keys, age-encrypted under
//! a passphrase) and its restore into a new directory, followed by a full verification of every
//! organisation's log. The passphrase comes from a file or the environment, never from the
//! command line (which other users of the machine can see). For PostgreSQL, back up the
//! database with its own tools (pg_dump) and the keys directory with this command's format in
//! mind; `verifieer --organisatie` checks the result.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use grondslag_app::App;
use grondslag_app::backup::{DATABASE_FILE, collect, pack, restore_into, unpack};

use crate::common::Context;

const PASSPHRASE_ENV: &str = "GRONDSLAG_BACKUP_WACHTWOORD";

fn passphrase(file: Option<&Path>) -> anyhow::Result<String> {
    match file {
        Some(f) => {
            let text = std::fs::read_to_string(f).with_context(|| format!("wachtwoordbestand {} kan niet gelezen worden", f.display()))?;
            Ok(text.trim_end_matches(['\n', '\r']).to_string())
        }
        None => std::env::var(PASSPHRASE_ENV).map_err(|_| {
            anyhow::anyhow!("geef het wachtwoord met --wachtwoord-bestand BESTAND of in de omgevingsvariabele {PASSPHRASE_ENV}")
        }),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().context("kan de runtime niet starten")
}

pub fn backup(data: &Path, to: &Path, pass_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let pass = passphrase(pass_file)?;
    if to.exists() {
        bail!("{} bestaat al; kies een nieuw bestand (een backup overschrijft nooit)", to.display());
    }
    let db = data.join(DATABASE_FILE);
    if !db.is_file() {
        bail!("er staat geen database in {} (verwacht {})", data.display(), db.display());
    }
    let snapshot = tmp_beside(to, "db");
    let _ = std::fs::remove_file(&snapshot);
    runtime()?.block_on(async {
        let store =
            grondslag_store_sqlite::SqliteStore::open(&db).await.with_context(|| format!("database {} openen mislukt", db.display()))?;
        let r = store.snapshot_to(&snapshot).await.context("momentopname van de database mislukt");
        store.close().await;
        r
    })?;
    let files = collect(data, &snapshot);
    let _ = std::fs::remove_file(&snapshot);
    let files = files?;
    let created = time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let bytes = pack(&files, &created, &pass)?;
    // Write beside the target and rename, so a crash never leaves a half backup under its name.
    let partial = tmp_beside(to, "deel");
    std::fs::write(&partial, &bytes).with_context(|| format!("{} kan niet geschreven worden", partial.display()))?;
    restrict(&partial);
    std::fs::rename(&partial, to).with_context(|| format!("{} kan niet geschreven worden", to.display()))?;
    let keys = files.iter().filter(|(p, _)| p.starts_with("keys/")).count();
    println!("Backup geschreven: {} ({} bytes; database en {keys} sleutelbestanden).", to.display(), bytes.len());
    println!(
        "Bewaar het wachtwoord apart van de backup: zonder wachtwoord is hij onbruikbaar, met wachtwoord kan iedereen de dossiers lezen."
    );
    Ok(ExitCode::SUCCESS)
}

pub fn herstel(ctx: &Context, file: &Path, to: &Path, pass_file: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let pass = passphrase(pass_file)?;
    let bytes = std::fs::read(file).with_context(|| format!("{} kan niet gelezen worden", file.display()))?;
    let files = unpack(&bytes, &pass)?;
    std::fs::create_dir_all(to).with_context(|| format!("map {} kan niet gemaakt worden", to.display()))?;
    restore_into(to, &files)?;
    // A restore is only done when the restored log verifies.
    let results = runtime()?.block_on(async {
        let db = to.join(DATABASE_FILE);
        let store =
            grondslag_store_sqlite::SqliteStore::open(&db).await.with_context(|| format!("database {} openen mislukt", db.display()))?;
        let app = App::new(store.clone(), to, ctx.rules.clone());
        let mut out = Vec::new();
        for org in app.organisations().await? {
            let r = app.verify_organisation(&org.id).await;
            out.push((org.id.clone(), org.name.clone(), r.map(|v| v.checkpoint_size).map_err(|e| e.to_string())));
        }
        store.close().await;
        anyhow::Ok(out)
    })?;
    let all_ok = results.iter().all(|(_, _, r)| r.is_ok());
    if json {
        let v: Vec<serde_json::Value> = results
            .iter()
            .map(|(id, name, r)| match r {
                Ok(size) => serde_json::json!({"organisatie": id, "naam": name, "geverifieerd": true, "boomgrootte": size}),
                Err(e) => serde_json::json!({"organisatie": id, "naam": name, "geverifieerd": false, "fout": e}),
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"hersteld_in": to, "organisaties": v}))?);
    } else {
        println!("Hersteld in {} ({} bestanden).", to.display(), files.len());
        for (id, name, r) in &results {
            match r {
                Ok(size) => println!("  {name} ({id}): geverifieerd, boomgrootte {size}"),
                Err(e) => println!("  {name} ({id}): NIET geverifieerd: {e}"),
            }
        }
    }
    Ok(if all_ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn tmp_beside(path: &Path, tag: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
    path.with_file_name(format!(".{name}.{tag}.{}", std::process::id()))
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict(_: &Path) {}
