//! The documented path templates and their methods, so that a request for a documented path with
//! a method it does not take gets 405 `method_not_allowed` with `Allow` (actix alone answers 404,
//! since each route's method is a guard).

use actix_web::http::Method;
use utoipa::openapi::OpenApi as OpenApiDoc;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

/// Path templates (`/v1/carers/{id}`) with the methods each takes.
#[derive(Debug, Default, Clone)]
pub struct KnownPaths {
    paths: Vec<(Vec<Segment>, Vec<Method>)>,
}

impl KnownPaths {
    pub fn from_document(doc: &OpenApiDoc) -> Self {
        let paths = doc
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let segments = template
                    .split('/')
                    .map(|s| {
                        if s.starts_with('{') && s.ends_with('}') {
                            Segment::Parameter
                        } else {
                            Segment::Literal(s.to_owned())
                        }
                    })
                    .collect();
                let mut methods: Vec<Method> = [
                    (item.get.is_some(), Method::GET),
                    (item.post.is_some(), Method::POST),
                    (item.put.is_some(), Method::PUT),
                    (item.patch.is_some(), Method::PATCH),
                    (item.delete.is_some(), Method::DELETE),
                    (item.head.is_some(), Method::HEAD),
                    (item.options.is_some(), Method::OPTIONS),
                    (item.trace.is_some(), Method::TRACE),
                ]
                .into_iter()
                .filter_map(|(present, method)| present.then_some(method))
                .collect();
                methods.dedup();
                (segments, methods)
            })
            .collect();
        Self { paths }
    }

    /// The methods a documented path takes, when `path` matches a template. Where several
    /// match (`/v1/providers/duplicates` and `/v1/providers/{id}`), the one with the most
    /// literal segments is the path's, as routing registers the literal one first.
    pub fn allowed(&self, path: &str) -> Option<&[Method]> {
        let parts: Vec<&str> = path.split('/').collect();
        self.paths
            .iter()
            .filter(|(segments, _)| {
                segments.len() == parts.len()
                    && segments
                        .iter()
                        .zip(&parts)
                        .all(|(segment, part)| match segment {
                            Segment::Literal(literal) => literal == part,
                            Segment::Parameter => !part.is_empty(),
                        })
            })
            .max_by_key(|(segments, _)| {
                segments
                    .iter()
                    .filter(|s| matches!(s, Segment::Literal(_)))
                    .count()
            })
            .map(|(_, methods)| methods.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_paths_are_matched_with_their_parameters() {
        let known = KnownPaths::from_document(&crate::openapi_document());
        assert_eq!(known.allowed("/v1/health"), Some(&[Method::GET][..]));
        assert!(known.allowed("/v1/health/extra").is_none());
        assert!(known.allowed("/nothing").is_none());
        // A literal path beside a parameter one is its own: PUT here is 405, not a provider.
        assert_eq!(
            known.allowed("/v1/providers/duplicates"),
            Some(&[Method::GET][..])
        );
        assert_eq!(
            known.allowed("/v1/providers/7"),
            Some(&[Method::GET, Method::PUT, Method::DELETE][..])
        );
    }
}
