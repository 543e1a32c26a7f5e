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
    use std::time::{Duration, Instant};

    use actix_web::{App, HttpServer, web};

    /// What `serve` relies on: once the shutdown signal fires, a request already being handled
    /// still gets its response, and the server then stops.
    #[actix_web::test]
    async fn requests_in_flight_finish_after_the_shutdown_signal() {
        let (fire, fired) = tokio::sync::oneshot::channel::<()>();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        let server = HttpServer::new(|| {
            App::new().route(
                "/slow",
                web::get().to(|| async {
                    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
                    "finished"
                }),
            )
        })
        .workers(1)
        .listen(listener)
        .expect("listen")
        .shutdown_timeout(5)
        .shutdown_signal(async {
            let _ = fired.await;
        })
        .run();
        let server = actix_web::rt::spawn(server);
        let request = actix_web::rt::spawn(async move {
            let mut response = awc::Client::default()
                .get(format!("http://{address}/slow"))
                .send()
                .await
                .expect("response");
            let body = response.body().await.expect("body");
            (response.status(), body)
        });
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        let stopping = Instant::now();
        let _ = fire.send(());
        let (status, body) = request.await.expect("request task");
        assert_eq!(status, 200);
        assert_eq!(&body[..], b"finished");
        server.await.expect("server task").expect("server");
        assert!(stopping.elapsed() < Duration::from_secs(5));
    }
}
