//! The accept loop. `axum::serve` has no header-read timeout and no connection limit, so a
//! client that sends its headers byte by byte, or many that connect and wait, can hold the
//! server's sockets and memory. Here every connection is served by hyper's HTTP/1 builder with a
//! header-read timeout, and a semaphore caps how many connections are open at once: beyond the
//! cap, new connections wait in the kernel's accept queue until one closes.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Limits on connections (set with `grondslag start --max-verbindingen` and `--header-timeout`).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections open at once; more wait until one closes.
    pub max_connections: usize,
    /// A client must send a request's complete headers within this time, or the connection is
    /// closed (also while a kept-alive connection waits for its next request).
    pub header_timeout: Duration,
    /// How long a graceful shutdown waits for open requests before it stops anyway.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_connections: 512, header_timeout: Duration::from_secs(10), shutdown_grace: Duration::from_secs(30) }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets open requests finish
/// (at most `limits.shutdown_grace`). Handlers see the peer address as `ConnectInfo<SocketAddr>`.
pub async fn serve(listener: TcpListener, router: Router, limits: Limits, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Per-connection errors (the peer reset before accept) and running out of
                    // file descriptors are not fatal: wait a moment and accept again.
                    tracing::warn!(kind = %e.kind(), "verbinding aannemen mislukt");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = tower::ServiceExt::map_request(router.clone(), move |mut req: axum::http::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            req
        });
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors here are the client's (a timeout, a reset, a malformed request); the
            // connection is closed either way.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_grace) => {}
    }
    Ok(())
}
