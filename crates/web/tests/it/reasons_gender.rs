//! Reason sentences agree with the PA's gender in languages that mark it: on a Somali results
//! page a woman "waxay ku hadashaa" (she speaks) and a man "wuxuu ku hadlaa" (he speaks), each
//! on their own card, never the other's form.

use carematch_domain::CarerId;
use carematch_domain::vocabulary::Gender;

use crate::helpers::TestSite;

#[actix_web::test]
async fn somali_reasons_use_a_womans_and_a_mans_forms_on_their_cards() {
    let site = TestSite::spawn().await;
    let page = site
        .get("/find?postcode=M13+0EG&km=10&language=yue&lang=so", &[])
        .await;
    let mut seen = (0, 0);
    for card in page.body.split(r#"<article class="card" id="c"#).skip(1) {
        let Some(id) = card.split('"').next().and_then(|id| id.parse::<i64>().ok()) else {
            continue;
        };
        let card = card.split("</article>").next().unwrap_or_default();
        let carer = site
            .store
            .get_carer(CarerId(id))
            .expect("read")
            .expect("carer");
        let (own, other) = match carer.details.gender {
            Gender::Female => ("waxay ku hadashaa", "wuxuu ku hadlaa"),
            Gender::Male => ("wuxuu ku hadlaa", "waxay ku hadashaa"),
            _ => continue,
        };
        assert!(
            card.contains(own),
            "card c{id} ({:?}) lacks “{own}”",
            carer.details.gender
        );
        assert!(
            !card.contains(other),
            "card c{id} ({:?}) has “{other}”",
            carer.details.gender
        );
        match carer.details.gender {
            Gender::Female => seen.0 += 1,
            _ => seen.1 += 1,
        }
    }
    assert!(
        seen.0 > 0 && seen.1 > 0,
        "cards of women and of men: {seen:?}"
    );
}
