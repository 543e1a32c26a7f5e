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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use actix_web::{App, HttpServer, web};
    use tokio::sync::Notify;

    /// How long the server may take to finish its requests once stopping: far above what the
    /// test needs, so that a stop that waits for the request (and not for this limit) shows as a
    /// stop well within it.
    const SHUTDOWN_TIMEOUT_SECS: u64 = 120;

    /// What `serve` relies on: once the shutdown signal fires, a request already being handled
    /// still gets its response, and the server then stops.
    ///
    /// The steps wait for events, not times (a busy machine had not yet accepted the request
    /// after a 100 ms sleep): the handler says when it has started, the stop has begun once the
    /// listener refuses connections, and only then is the handler let finish.
    #[actix_web::test]
    async fn requests_in_flight_finish_after_the_shutdown_signal() {
        let (fire, fired) = tokio::sync::oneshot::channel::<()>();
        let started = Arc::new(Notify::new());
        let release = Arc::new(Notify::new());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        let (on_start, on_release) = (Arc::clone(&started), Arc::clone(&release));
        let server = HttpServer::new(move || {
            let (started, release) = (Arc::clone(&on_start), Arc::clone(&on_release));
            App::new().route(
                "/slow",
                web::get().to(move || {
                    let (started, release) = (Arc::clone(&started), Arc::clone(&release));
                    async move {
                        // `notify_one` keeps a permit when nobody waits yet: no wake-up is lost.
                        started.notify_one();
                        release.notified().await;
                        "finished"
                    }
                }),
            )
        })
        .workers(1)
        .listen(listener)
        .expect("listen")
        .shutdown_timeout(SHUTDOWN_TIMEOUT_SECS)
        .shutdown_signal(async {
            let _ = fired.await;
        })
        .run();
        let server = actix_web::rt::spawn(server);
        let request = actix_web::rt::spawn(async move {
            let mut response = awc::Client::builder()
                .timeout(Duration::from_secs(SHUTDOWN_TIMEOUT_SECS))
                .finish()
                .get(format!("http://{address}/slow"))
                .send()
                .await
                .expect("response");
            let body = response.body().await.expect("body");
            (response.status(), body)
        });
        started.notified().await;
        let stopping = Instant::now();
        let _ = fire.send(());
        // The stop has begun once the listener is closed.
        loop {
            actix_web::rt::time::sleep(Duration::from_millis(10)).await;
            match std::net::TcpStream::connect(address) {
                Ok(probe) => drop(probe),
                Err(error) if error.kind() == std::io::ErrorKind::ConnectionRefused => break,
                Err(error) => panic!("probing the listener: {error}"),
            }
        }
        release.notify_one();
        let (status, body) = request.await.expect("request task");
        assert_eq!(status, 200);
        assert_eq!(&body[..], b"finished");
        server.await.expect("server task").expect("server");
        assert!(
            stopping.elapsed() < Duration::from_secs(SHUTDOWN_TIMEOUT_SECS / 2),
            "the server stopped when its request was done, not at the shutdown timeout"
        );
    }
}
