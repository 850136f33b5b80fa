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

use grondslag_i18n::tr;
use grondslag_rules::Lang;

use crate::common::{Context, outln, tr_args};

const PASSPHRASE_ENV: &str = "GRONDSLAG_BACKUP_WACHTWOORD";

fn passphrase(file: Option<&Path>, lang: Lang) -> anyhow::Result<String> {
    match file {
        Some(f) => {
            let text = crate::common::read_text(f, crate::common::MAX_INPUT_BYTES, lang)
                .context(tr(lang, "cli-backup-password-file-cannot-be-read"))?;
            Ok(text.trim_end_matches(['\n', '\r']).to_string())
        }
        None => std::env::var(PASSPHRASE_ENV)
            .map_err(|_| anyhow::anyhow!(tr_args(lang, "cli-backup-give-the-password", &[("variable", &PASSPHRASE_ENV)]))),
    }
}

fn runtime(lang: Lang) -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context(tr(lang, "cli-common-cannot-start-the-runtime"))
}

pub fn backup(ctx: &Context, data: &Path, to: &Path, pass_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let pass = passphrase(pass_file, lang)?;
    if to.exists() {
        bail!(tr_args(lang, "cli-backup-file-already-exists", &[("file", &to.display())]));
    }
    let db = data.join(DATABASE_FILE);
    if !db.is_file() {
        bail!(tr_args(lang, "cli-backup-there-is-no-database-in", &[("dir", &data.display()), ("db", &db.display())]));
    }
    let snapshot = tmp_beside(to, "db");
    let _ = std::fs::remove_file(&snapshot);
    runtime(lang)?.block_on(async {
        let store = grondslag_store_sqlite::SqliteStore::open(&db)
            .await
            .with_context(|| tr_args(lang, "cli-common-opening-the-database-failed", &[("db", &db.display())]))?;
        let r = store.snapshot_to(&snapshot).await.context(tr(lang, "cli-backup-snapshot-of-the-database-failed"));
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
    std::fs::write(&partial, &bytes)
        .with_context(|| tr_args(lang, "cli-backup-file-cannot-be-written", &[("file", &partial.display())]))?;
    restrict(&partial);
    std::fs::rename(&partial, to).with_context(|| tr_args(lang, "cli-backup-file-cannot-be-written", &[("file", &to.display())]))?;
    let keys = files.iter().filter(|(p, _)| p.starts_with("keys/")).count();
    outln!("{}", tr_args(lang, "cli-backup-backup-written", &[("file", &to.display()), ("bytes", &bytes.len()), ("keys", &keys)]));
    outln!("{}", tr(lang, "cli-backup-keep-the-password-apart"));
    Ok(ExitCode::SUCCESS)
}

pub fn herstel(ctx: &Context, file: &Path, to: &Path, pass_file: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let pass = passphrase(pass_file, lang)?;
    let bytes = crate::common::read_input(file, crate::common::MAX_BACKUP_BYTES, lang)?;
    let files = unpack(&bytes, &pass)?;
    // What this restore creates, so that a failure removes exactly that and nothing older.
    let created = first_missing(to);
    let restored = std::fs::create_dir_all(to)
        .with_context(|| tr_args(lang, "cli-backup-directory-cannot-be-created", &[("dir", &to.display())]))
        .and_then(|()| restore_and_verify(ctx, to, &files));
    let results = match restored {
        Ok(r) => r,
        Err(e) => {
            // Nothing was written when the directory already held data.
            let wrote = !matches!(e.downcast_ref::<BackupError>(), Some(BackupError::NotEmpty(_)));
            if wrote {
                undo(to, created.as_deref(), lang);
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
        outln!("{}", tr_args(lang, "cli-backup-restored-in", &[("dir", &to.display()), ("files", &files.len())]));
        for (id, name, r) in &results {
            match r {
                Ok(size) => {
                    outln!("  {}", tr_args(lang, "cli-backup-organisation-verified", &[("name", name), ("id", id), ("size", size)]))
                }
                Err(e) => {
                    outln!("  {}", tr_args(lang, "cli-backup-organisation-not-verified", &[("name", name), ("id", id), ("error", e)]))
                }
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
    let lang = ctx.lang;
    restore_into(to, files)?;
    runtime(lang)?.block_on(async {
        let db = to.join(DATABASE_FILE);
        let store = grondslag_store_sqlite::SqliteStore::open(&db)
            .await
            .with_context(|| tr_args(lang, "cli-common-opening-the-database-failed", &[("db", &db.display())]))?;
        let app = App::new(store.clone(), to, ctx.rules.clone());
        let organisations = app.organisations().await;
        let mut out = Vec::new();
        for org in organisations.as_deref().unwrap_or_default() {
            let r = app.verify_organisation(&org.id).await;
            out.push((org.id.to_string(), org.name.clone(), r.map(|v| v.checkpoint_size).map_err(|e| e.to_string())));
        }
        store.close().await;
        if organisations?.is_empty() {
            bail!(tr(lang, "cli-backup-the-database-holds-no-organisation"));
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
fn undo(to: &Path, created: Option<&Path>, lang: Lang) {
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
    eprintln!("{}", crate::common::terminal_safe(&tr_args(lang, "cli-backup-the-restore-failed-removed", &[("dir", &to.display())])));
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
