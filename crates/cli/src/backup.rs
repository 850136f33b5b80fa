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
use grondslag_app::backup::{BackupError, DATABASE_FILE, collect, pack, restore_into, unpack};

use crate::common::{Context, outln};

const PASSPHRASE_ENV: &str = "GRONDSLAG_BACKUP_WACHTWOORD";

fn passphrase(file: Option<&Path>) -> anyhow::Result<String> {
    match file {
        Some(f) => {
            let text = crate::common::read_text(f, crate::common::MAX_INPUT_BYTES).context("wachtwoordbestand kan niet gelezen worden")?;
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
    outln!("Backup geschreven: {} ({} bytes; database en {keys} sleutelbestanden).", to.display(), bytes.len());
    outln!(
        "Bewaar het wachtwoord apart van de backup: zonder wachtwoord is hij onbruikbaar, met wachtwoord kan iedereen de dossiers lezen."
    );
    Ok(ExitCode::SUCCESS)
}

pub fn herstel(ctx: &Context, file: &Path, to: &Path, pass_file: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let pass = passphrase(pass_file)?;
    let bytes = crate::common::read_input(file, crate::common::MAX_BACKUP_BYTES)?;
    let files = unpack(&bytes, &pass)?;
    // What this restore creates, so that a failure removes exactly that and nothing older.
    let created = first_missing(to);
    let restored = std::fs::create_dir_all(to)
        .with_context(|| format!("map {} kan niet gemaakt worden", to.display()))
        .and_then(|()| restore_and_verify(ctx, to, &files));
    let results = match restored {
        Ok(r) => r,
        Err(e) => {
            // Nothing was written when the directory already held data.
            let wrote = !matches!(e.downcast_ref::<BackupError>(), Some(BackupError::NotEmpty(_)));
            if wrote {
                undo(to, created.as_deref());
            }
            return Err(e);
        }
    };
    let all_ok = results.iter().all(|(_, _, r)| r.is_ok());
    if json {
        let v: Vec<serde_json::Value> = results
            .iter()
            .map(|(id, name, r)| match r {
                Ok(size) => serde_json::json!({"organisatie": id, "naam": name, "geverifieerd": true, "boomgrootte": size}),
                Err(e) => serde_json::json!({"organisatie": id, "naam": name, "geverifieerd": false, "fout": e}),
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&serde_json::json!({"hersteld_in": to, "organisaties": v}))?);
    } else {
        outln!("Hersteld in {} ({} bestanden).", to.display(), files.len());
        for (id, name, r) in &results {
            match r {
                Ok(size) => outln!("  {name} ({id}): geverifieerd, boomgrootte {size}"),
                Err(e) => outln!("  {name} ({id}): NIET geverifieerd: {e}"),
            }
        }
    }
    Ok(if all_ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// One organisation after a restore: id, name, and the verified tree size or the problem.
type Verified = (String, String, Result<u64, String>);

/// Restores the files into `to` and verifies every organisation's log. A backup whose database
/// holds no organisation is refused: it would restore nothing usable.
fn restore_and_verify(ctx: &Context, to: &Path, files: &[(String, Vec<u8>)]) -> anyhow::Result<Vec<Verified>> {
    restore_into(to, files)?;
    runtime()?.block_on(async {
        let db = to.join(DATABASE_FILE);
        let store =
            grondslag_store_sqlite::SqliteStore::open(&db).await.with_context(|| format!("database {} openen mislukt", db.display()))?;
        let app = App::new(store.clone(), to, ctx.rules.clone());
        let organisations = app.organisations().await;
        let mut out = Vec::new();
        for org in organisations.as_deref().unwrap_or_default() {
            let r = app.verify_organisation(&org.id).await;
            out.push((org.id.to_string(), org.name.clone(), r.map(|v| v.checkpoint_size).map_err(|e| e.to_string())));
        }
        store.close().await;
        if organisations?.is_empty() {
            bail!("de database in de backup bevat geen organisatie; dit is geen bruikbare backup van een gegevensmap");
        }
        anyhow::Ok(out)
    })
}

/// The outermost directory of `path` (itself or an ancestor) that does not exist yet.
fn first_missing(path: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut p = Some(path);
    while let Some(dir) = p {
        if dir.as_os_str().is_empty() || dir.exists() {
            break;
        }
        missing = Some(dir.to_path_buf());
        p = dir.parent();
    }
    missing
}

/// Removes what a failed restore wrote: the directories it created, or, in a directory that
/// existed before (and so held no database or keys, or `restore_into` would have refused), the
/// database, its SQLite side files and the keys.
fn undo(to: &Path, created: Option<&Path>) {
    match created {
        Some(dir) => {
            let _ = std::fs::remove_dir_all(dir);
        }
        None => {
            for side in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(to.join(format!("{DATABASE_FILE}{side}")));
            }
            let _ = std::fs::remove_dir_all(to.join("keys"));
        }
    }
    eprintln!(
        "Het herstel is mislukt; wat al was teruggezet in {} is weer verwijderd.",
        crate::common::terminal_safe(&to.display().to_string())
    );
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
