//! Graceful shutdown: SIGTERM and SIGINT (Ctrl-C) both stop accepting connections, let requests in
//! flight finish (up to `ServerConfig::shutdown_timeout`), then exit. actix alone would treat SIGINT
//! as an immediate stop.

/// Resolves on the first SIGTERM or SIGINT.
pub async fn signal() {
    #[cfg(unix)]
    {
        use actix_web::rt::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                either(terminate.recv()).await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM; only Ctrl-C stops the server");
                let _ = actix_web::rt::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = actix_web::rt::signal::ctrl_c().await;
    }
    tracing::info!("shutdown signal received: finishing requests in flight");
}

/// Waits for `terminate` or Ctrl-C, whichever comes first.
#[cfg(unix)]
async fn either(terminate: impl Future<Output = Option<()>>) {
    let ctrl_c = actix_web::rt::signal::ctrl_c();
    let mut terminate = std::pin::pin!(terminate);
    let mut ctrl_c = std::pin::pin!(ctrl_c);
    std::future::poll_fn(|cx| {
        use std::task::Poll;
        if terminate.as_mut().poll(cx).is_ready() || ctrl_c.as_mut().poll(cx).is_ready() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
}
