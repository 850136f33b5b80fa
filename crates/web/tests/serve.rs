//! The accept loop over real TCP: slow headers are cut off, the connection cap holds and
//! service resumes when a connection closes, handlers see the peer address, and shutdown is
//! graceful (issue 9).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use axum::routing::get;
use grondslag_web::{Limits, serve};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start(limits: Limits) -> (SocketAddr, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = Router::new().route("/", get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { format!("peer {}", peer.ip()) }));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    (addr, stop, task)
}

/// Reads until the server closes the connection; `None` if it is still open after `within`.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buf = Vec::new();
    match tokio::time::timeout(within, stream.read_to_end(&mut buf)).await {
        Ok(_) => Some(String::from_utf8_lossy(&buf).into_owned()),
        Err(_) => None,
    }
}

async fn first_response(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    match tokio::time::timeout(within, stream.read(&mut buf)).await {
        Ok(Ok(n)) if n > 0 => Some(String::from_utf8_lossy(&buf[..n]).into_owned()),
        _ => None,
    }
}

const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_with_slow_headers_is_closed() {
    let limits = Limits { header_timeout: Duration::from_secs(1), ..Limits::default() };
    let (addr, _stop, _task) = start(limits).await;
    // Half a request line and one header, then nothing.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: local").await.unwrap();
    // A connection that sends nothing at all.
    let mut silent = TcpStream::connect(addr).await.unwrap();
    let began = Instant::now();
    let cut = read_until_closed(&mut slow, Duration::from_secs(5)).await;
    assert!(cut.is_some(), "the slow connection was still open after 5 s");
    assert!(!cut.unwrap_or_default().contains("200 OK"), "a partial request is not answered");
    assert!(began.elapsed() >= Duration::from_millis(900), "closed before the timeout: {:?}", began.elapsed());
    assert!(read_until_closed(&mut silent, Duration::from_secs(5)).await.is_some(), "the silent connection was still open after 5 s");
    // A well-behaved client is served.
    let mut ok = TcpStream::connect(addr).await.unwrap();
    ok.write_all(GET).await.unwrap();
    let answer = first_response(&mut ok, Duration::from_secs(5)).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200") && answer.contains("peer 127.0.0.1"), "{answer}");
    // Kept alive and then idle, it does not hold its slot past the timeout either.
    assert!(read_until_closed(&mut ok, Duration::from_secs(5)).await.is_some(), "the idle kept-alive connection stayed open");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_connection_cap_holds_and_service_resumes() {
    let limits = Limits { max_connections: 2, header_timeout: Duration::from_secs(30), ..Limits::default() };
    let (addr, stop, task) = start(limits).await;
    let idle1 = TcpStream::connect(addr).await.unwrap();
    let _idle2 = TcpStream::connect(addr).await.unwrap();
    // Both slots are taken: the third connection is not served.
    let mut third = TcpStream::connect(addr).await.unwrap();
    third.write_all(GET).await.unwrap();
    assert_eq!(first_response(&mut third, Duration::from_millis(1500)).await, None, "served beyond the cap");
    // One closes: the waiting connection is served at once.
    drop(idle1);
    let answer = first_response(&mut third, Duration::from_secs(3)).await;
    assert!(answer.as_deref().is_some_and(|a| a.starts_with("HTTP/1.1 200")), "{answer:?}");
    // Shutdown stops accepting and returns (the idle connection does not hold it for long).
    stop.send(()).unwrap();
    drop(third);
    let done = tokio::time::timeout(Duration::from_secs(35), task).await;
    assert!(matches!(done, Ok(Ok(Ok(())))), "{done:?}");
}
